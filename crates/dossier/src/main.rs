//! The `dossier` command line.

mod commands;

use clap::{Parser, Subcommand};
use commands::export::ExportFormat;
use commands::extract::Format;
use commands::query::Output;
use commands::InputArg;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dossier", version, about = "From news pages to a sourced ledger of claims")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the article, entities, figures, dates and claims of each page as JSON (nothing is stored).
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
    /// Analyse pages and keep them in the ledger, linked to what it already holds.
    Ingest {
        /// Files, directories (read recursively), glob patterns; .gz, .warc(.gz), .jsonl and RSS/Atom feeds are opened.
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        db: Db,
        /// Pages analysed in parallel (default: the number of cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// What plain files are: detected, HTML, scraped text, or plain article bodies.
        #[arg(long = "input", value_enum, default_value = "auto")]
        input: InputArg,
    },
    /// List claims (each one cluster of appearances), first seen first.
    Claims {
        /// An entity the claim names or that said it (name or key, e.g. "North Korea" or place:north-korea).
        #[arg(long)]
        about: Option<String>,
        /// Part of the source's name.
        #[arg(long)]
        source: Option<String>,
        /// First seen on or after this day (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// First seen on or before this day.
        #[arg(long)]
        until: Option<String>,
        /// Words the claim's text contains.
        #[arg(long)]
        contains: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[command(flatten)]
        db: Db,
        #[arg(long, value_enum, default_value = "table")]
        format: Output,
    },
    /// Show a claim (C12), an article (A3) or an entity (a name or key) in full.
    Show {
        what: String,
        #[command(flatten)]
        db: Db,
        #[arg(long, value_enum, default_value = "table")]
        format: Output,
    },
    /// Full-text search over article bodies and claims.
    Search {
        text: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        db: Db,
        #[arg(long, value_enum, default_value = "table")]
        format: Output,
    },
    /// Every figure in claims about an entity, by what is measured, in publication order.
    Figures {
        #[arg(long, required = true)]
        about: String,
        #[command(flatten)]
        db: Db,
        #[arg(long, value_enum, default_value = "table")]
        format: Output,
    },
    /// Serve the analyst's desk (web pages and a JSON API) over the ledger.
    Serve {
        /// Pages to ingest before serving (as `dossier ingest` takes them).
        #[arg(long, num_args = 1..)]
        ingest: Vec<String>,
        #[command(flatten)]
        db: Db,
        /// Where to listen.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// Write the whole ledger out.
    Export {
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExportFormat,
        /// Folder for the CSV tables (csv only).
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(clap::Args)]
struct Db {
    /// The ledger: a SQLite file, or a PostgreSQL database as postgres://user@host/db
    /// (default: $DOSSIER_DB, else ~/.local/share/dossier/ledger.sqlite).
    #[arg(long)]
    db: Option<OsString>,
}

fn main() -> ExitCode {
    // One line per internal error, naming where; the input is named by the caller.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let what = info.payload().downcast_ref::<&str>().copied().map(str::to_string).or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
        eprintln!("dossier: internal error{at}: {what}");
    }));
    let cli = Cli::parse();
    let path = |db: Db| commands::ledger_location(db.db);
    match cli.command {
        Command::Extract { files, input, published, format } => commands::extract::extract(files, input, published, format),
        Command::Ingest { paths, db, jobs, input } => commands::ingest::ingest(&paths, &path(db), jobs, input),
        Command::Claims { about, source, since, until, contains, limit, db, format } => {
            let query = dossier_ledger::ClaimQuery { about, source, since, until, contains, limit, ..Default::default() };
            commands::query::claims(&path(db), &query, format)
        }
        Command::Show { what, db, format } => commands::query::show(&path(db), &what, format),
        Command::Search { text, limit, db, format } => commands::query::search(&path(db), &text, limit, format),
        Command::Figures { about, db, format } => commands::query::figures(&path(db), &about, format),
        Command::Serve { ingest, db, addr } => {
            let db = path(db);
            if !ingest.is_empty() {
                // Failures are reported and the desk still serves what was filed.
                let _ = commands::ingest::ingest(&ingest, &db, None, InputArg::Auto);
            }
            commands::serve::serve(&db, &addr)
        }
        Command::Export { format, out, db } => commands::export::export(&path(db), format, out.as_deref()),
    }
}
