//! `dossier serve`: the desk over a ledger, with this binary's pipeline for ingest by POST.

use super::ingest::prepare;
use dossier_desk::Desk;
use dossier_intake::Document;
use dossier_page::decode;
use dossier_ledger::Location;
use std::process::ExitCode;
use std::sync::Arc;

pub fn serve(db: &Location, addr: &str) -> ExitCode {
    let token = std::env::var("DOSSIER_TOKEN").ok().filter(|t| !t.is_empty());
    let analyse = Arc::new(|d: Document| {
        let page = decode(&d.bytes, d.kind).map_err(|e| e.to_string())?;
        prepare(&page, d.origin, d.url, d.published.as_deref(), d.publisher)
    });
    if token.is_none() {
        eprintln!("dossier: DOSSIER_TOKEN is not set: the desk is read-only");
    }
    match dossier_desk::serve(Desk { db: db.clone(), token, analyse }, addr) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(1)
        }
    }
}
