//! `dossier ingest`: pages in, analysed in parallel, filed in order by one writer.
//!
//! One reader thread streams documents, `--jobs` workers decode and analyse them, and
//! this thread files the results into the store in input order (a reorder buffer, its
//! size bounded by permits the reader needs for each document), so
//! a run with eight workers links exactly as a run with one. Each article is its own
//! transaction: killing the process loses at most the article being written, and
//! rerunning skips everything already kept (by the SHA-256 of its bytes) unanalysed.

use super::InputArg;
use dossier::{analyse, Reference};
use dossier_intake::{Document, Failure};
use dossier_ledger::{Filed, Filing, Prepared, Provenance, SqliteStore, Store};
use dossier_page::{decode, InputKind};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

enum Outcome {
    Analysed(Box<Prepared>),
    AlreadyKept,
    Failed(Failure),
}

#[derive(Default)]
struct Tally {
    new: u64,
    copies: u64,
    kept: u64,
    failed: u64,
}

pub fn ingest(paths: &[String], db: &Path, jobs: Option<usize>, input: InputArg) -> ExitCode {
    let mut store = match SqliteStore::open(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let bar = progress(dossier_intake::count(paths));
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut fatal = false;

    let (work_tx, work_rx) = sync_channel::<(u64, Result<Document, Failure>)>(jobs * 4);
    let (done_tx, done_rx) = sync_channel::<(u64, Outcome)>(jobs * 4);
    let work_rx = Arc::new(Mutex::new(work_rx));
    // At most `window` documents are between the reader and the writer, so the reorder
    // buffer stays small even while one slow page holds the others back.
    let window = jobs * 8;
    let (permit_tx, permit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = permit_tx.send(());
    }
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for (seq, item) in dossier_intake::documents(paths).enumerate() {
                if permit_rx.recv().is_err() || work_tx.send((seq as u64, item)).is_err() {
                    return; // the writer stopped
                }
            }
        });
        for _ in 0..jobs {
            let (rx, tx) = (Arc::clone(&work_rx), done_tx.clone());
            // Each worker reads the ledger through its own connection to skip known pages.
            let reader = SqliteStore::open(db).ok();
            scope.spawn(move || work(&rx, &tx, reader.as_ref(), input.kind()));
        }
        drop(done_tx);

        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        'write: for (seq, outcome) in done_rx {
            pending.insert(seq, outcome);
            while let Some(outcome) = pending.remove(&next) {
                next += 1;
                bar.inc(1);
                let _ = permit_tx.send(());
                match outcome {
                    Outcome::Analysed(filing) => match store.file(&filing) {
                        Ok(Filed::New { copy_of, .. }) => {
                            tally.new += 1;
                            tally.copies += u64::from(copy_of.is_some());
                        }
                        Ok(Filed::AlreadyKept { .. }) => tally.kept += 1,
                        Err(e) => {
                            bar.suspend(|| eprintln!("dossier: {e}; stopping (everything filed before this page is kept: rerun to resume)"));
                            fatal = true;
                            break 'write; // dropping the channel stops the workers and the reader
                        }
                    },
                    Outcome::AlreadyKept => tally.kept += 1,
                    Outcome::Failed(f) => {
                        bar.suspend(|| eprintln!("dossier: {f}"));
                        tally.failed += 1;
                    }
                }
                bar.set_message(format!("{} new, {} already kept, {} failed", tally.new, tally.kept, tally.failed));
            }
        }
        drop(permit_tx); // a reader waiting for a permit stops
    });
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    if let Ok(c) = store.counts() {
        eprintln!(
            "dossier: the ledger holds {} articles ({} copies), {} entities, {} claims in {} clusters ({} seen more than once); {} corroborate, {} contradict, {} refine",
            c.articles, c.copies, c.entities, c.claims, c.clusters, c.clusters_seen_twice, c.corroborates, c.contradicts, c.refines
        );
    }
    eprintln!(
        "dossier: {} new articles ({} copies of others) filed in {}; {} already kept; {} failed; {:.1} s, {:.0} articles/s",
        tally.new,
        tally.copies,
        db.display(),
        tally.kept,
        tally.failed,
        seconds,
        (tally.new + tally.kept) as f64 / seconds.max(1e-9)
    );
    if fatal || tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn progress(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(n) => (ProgressBar::new(n), "{spinner} {pos}/{len} [{bar:30}] {per_sec} ETA {eta} · {msg}"),
        None => (ProgressBar::no_length(), "{spinner} {pos} pages · {per_sec} · {msg}"),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn work(rx: &Mutex<Receiver<(u64, Result<Document, Failure>)>>, tx: &SyncSender<(u64, Outcome)>, reader: Option<&SqliteStore>, kind: InputKind) {
    loop {
        // The lock is held only while taking one item.
        let item = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => return,
        };
        let Ok((seq, item)) = item else { return };
        let outcome = match item {
            Err(failure) => Outcome::Failed(failure),
            Ok(document) => analyse_document(document, reader, kind),
        };
        if tx.send((seq, outcome)).is_err() {
            return;
        }
    }
}

fn analyse_document(document: Document, reader: Option<&SqliteStore>, kind: InputKind) -> Outcome {
    let Document { origin, url, published, publisher, bytes, kind: given } = document;
    let page = match decode(&bytes, if given == InputKind::Auto { kind } else { given }) {
        Ok(page) => page,
        Err(e) => return Outcome::Failed(Failure { origin, message: e.to_string() }),
    };
    if reader.is_some_and(|r| r.contains(&page.sha256).unwrap_or(false)) {
        return Outcome::AlreadyKept;
    }
    match prepare(&page, origin.clone(), url, published.as_deref(), publisher) {
        Ok(prepared) => Outcome::Analysed(Box::new(prepared)),
        Err(message) => Outcome::Failed(Failure { origin, message }),
    }
}

/// Analyses a decoded page into a filing ready to store. A container's date (feed item,
/// JSONL field) and outlet are trusted over the page's own.
pub fn prepare(page: &dossier_page::Page, origin: String, url: Option<String>, published: Option<&str>, publisher: Option<String>) -> Result<Prepared, String> {
    let reference = published.and_then(|p| Reference::parse(p).or_else(|_| Reference::parse(p.get(..10).unwrap_or(p))).ok());
    let Ok(mut doc) = std::panic::catch_unwind(|| analyse(page, reference)) else {
        return Err("internal error while analysing this page (a bug in dossier: please report it with the page)".into());
    };
    if publisher.is_some() {
        doc.article.publisher = publisher;
    }
    let ingested_at = jiff::Timestamp::now().round(jiff::Unit::Second).map(|t| t.to_string()).unwrap_or_default();
    Ok(Filing::new(&doc, Provenance { sha256: page.sha256.clone(), origin, url, ingested_at }).into())
}
