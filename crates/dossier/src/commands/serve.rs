//! `dossier serve`: the desk over a ledger, with this binary's pipeline for ingest by POST.

use super::ingest::prepare;
use dossier_desk::{Desk, Submission};
use dossier_page::{decode, InputKind};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

pub fn serve(db: &Path, addr: &str) -> ExitCode {
    let token = std::env::var("DOSSIER_TOKEN").ok().filter(|t| !t.is_empty());
    let analyse = Arc::new(|s: Submission| {
        let (bytes, kind) = match (s.html, s.text) {
            (Some(html), _) => (html.into_bytes(), InputKind::Html),
            (None, Some(text)) => (text.into_bytes(), InputKind::Text),
            (None, None) => return Err("give the page as \"html\" or \"text\"".to_string()),
        };
        let page = decode(&bytes, kind).map_err(|e| e.to_string())?;
        let origin = s.url.clone().unwrap_or_else(|| "posted to the desk".into());
        prepare(&page, origin, s.url, s.published.as_deref(), s.publisher)
    });
    if token.is_none() {
        eprintln!("dossier: DOSSIER_TOKEN is not set: the desk is read-only");
    }
    match dossier_desk::serve(Desk { db: db.to_path_buf(), token, analyse }, addr) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(1)
        }
    }
}
