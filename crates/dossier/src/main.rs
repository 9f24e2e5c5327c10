//! The `dossier` command line.

use clap::{Parser, Subcommand, ValueEnum};
use dossier::{analyse, Reference, Report};
use dossier_page::{decode, InputKind, MAX_PAGE_BYTES};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dossier", version, about = "From news pages to a sourced ledger of claims")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the article, entities, figures, dates and claims of each page as JSON.
    Extract {
        /// Files to read (HTML or text); `-` or nothing reads standard input.
        files: Vec<String>,
        /// What the input is: detected, HTML, scraped text, or plain (already the article body).
        #[arg(long = "input", value_enum, default_value = "auto")]
        input: InputArg,
        /// Publication date (ISO: 2024-10-04 or 2024-10-04T09:30:00+03:00) to resolve relative dates against.
        #[arg(long)]
        published: Option<String>,
        /// Output: json (pretty for one input) or jsonl (one line per input).
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum InputArg {
    Auto,
    Html,
    Text,
    Plain,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    // One line per internal error, naming where; the input is named by the caller.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let what = info.payload().downcast_ref::<&str>().copied().map(str::to_string).or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
        eprintln!("dossier: internal error{at}: {what}");
    }));
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { files, input, published, format } => extract(files, input, published, format),
    }
}

fn extract(mut files: Vec<String>, input: InputArg, published: Option<String>, format: Option<Format>) -> ExitCode {
    let kind = match input {
        InputArg::Auto => InputKind::Auto,
        InputArg::Html => InputKind::Html,
        InputArg::Text => InputKind::Text,
        InputArg::Plain => InputKind::Plain,
    };
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

fn display(path: &str) -> &str {
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
