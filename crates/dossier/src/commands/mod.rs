//! The subcommands of `dossier`, one module each.

pub mod export;
pub mod extract;
pub mod ingest;
pub mod query;
pub mod serve;

use dossier_page::{InputKind, MAX_PAGE_BYTES};
use std::io::Read;
use dossier_ledger::Location;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum InputArg {
    Auto,
    Html,
    Text,
    Plain,
}

impl InputArg {
    pub fn kind(self) -> InputKind {
        match self {
            InputArg::Auto => InputKind::Auto,
            InputArg::Html => InputKind::Html,
            InputArg::Text => InputKind::Text,
            InputArg::Plain => InputKind::Plain,
        }
    }
}

/// The ledger file: `--db`, else `$DOSSIER_DB`, else the user's data folder.
pub fn ledger_location(db: Option<OsString>) -> Location {
    if let Some(db) = db.or_else(|| std::env::var_os("DOSSIER_DB")) {
        return Location::from(db);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    Location::File(data.join("dossier").join("ledger.sqlite"))
}

pub fn display(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Reads a file (or standard input) with the size limit applied before reading it all.
fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let limit = MAX_PAGE_BYTES as u64 + 1;
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().take(limit).read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    let p = Path::new(path);
    let meta = std::fs::metadata(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file: check the path".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied: the file cannot be read by this user".to_string(),
        _ => format!("cannot read: {e}"),
    })?;
    if meta.is_dir() {
        return Err(format!("is a directory: give the files inside it (dossier extract {}/*.html)", path.trim_end_matches('/')));
    }
    let file = std::fs::File::open(p).map_err(|e| format!("cannot open: {e}"))?;
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes).map_err(|e| format!("cannot read: {e}"))?;
    Ok(bytes)
}
