//! `dossier extract`: one JSON report per page, nothing stored.

use super::{display, read_input, InputArg};
use dossier::{analyse, Reference, Report};
use dossier_page::decode;
use std::io::Write;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
}

pub fn extract(mut files: Vec<String>, input: InputArg, published: Option<String>, format: Option<Format>) -> ExitCode {
    let kind = input.kind();
    let reference = match published.as_deref().map(Reference::parse).transpose() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dossier: --published: {e}");
            return ExitCode::from(2);
        }
    };
    if files.is_empty() {
        files.push("-".into());
    }
    let pretty = format.unwrap_or(if files.len() == 1 { Format::Json } else { Format::Jsonl }) == Format::Json && files.len() == 1;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &files {
        let result = read_input(path).and_then(|bytes| decode(&bytes, kind).map_err(|e| e.to_string()));
        let page = match result {
            Ok(page) => page,
            Err(message) => {
                eprintln!("dossier: {}: {message}", display(path));
                failed = true;
                continue;
            }
        };
        if page.encoding_guessed {
            eprintln!(
                "dossier: {}: warning: not valid UTF-8 and no charset declared; decoded as {} by guess (convert it to UTF-8 or declare its charset to be sure)",
                display(path),
                page.encoding
            );
        }
        // A bug in a stage must cost one input, not the run: report it and go on.
        let Ok(doc) = std::panic::catch_unwind(|| analyse(&page, reference.clone())) else {
            eprintln!("dossier: {}: internal error while analysing this page (a bug in dossier: please report it with the page)", display(path));
            failed = true;
            continue;
        };
        let report = Report::new(&doc, &page, path);
        let written = if pretty { serde_json::to_writer_pretty(&mut out, &report) } else { serde_json::to_writer(&mut out, &report) };
        if let Err(e) = written.map_err(std::io::Error::from).and_then(|_| writeln!(out)) {
            eprintln!("dossier: cannot write output: {e}");
            return ExitCode::from(1);
        }
    }
    if let Err(e) = out.flush() {
        eprintln!("dossier: cannot write output: {e}");
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
