//! `dossier ingest`: pages in, analysed in parallel, filed in order by one writer.
//!
//! One reader thread streams documents, `--jobs` workers decode and analyse them, and
//! this thread files the results into the store in input order (a reorder buffer, its
//! size bounded by permits the reader needs for each document), so
//! a run with eight workers links exactly as a run with one. Each article is its own
//! transaction: killing the process loses at most the article being written, and
//! rerunning skips everything already kept (by the SHA-256 of its bytes) unanalysed.
//!
//! Into PostgreSQL, pages go through the ledger's shared queue instead
//! ([`dossier_ledger::queue`]): several processes given the same command share the work,
//! and the ledger comes out as one process would make it.

use super::InputArg;
use dossier::{analyse, Reference};
use dossier_intake::{Document, Failure};
use dossier_ledger::queue::{Analysed, Next, Queue, QueuedPage};
use dossier_ledger::{Filed, Filing, Location, PostgresStore, Prepared, Provenance, Store};
use dossier_page::{decode, InputKind};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
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

pub fn ingest(paths: &[String], db: &Location, jobs: Option<usize>, input: InputArg) -> ExitCode {
    if let Location::Postgres(url) = db {
        return ingest_shared(paths, url, jobs, input);
    }
    let mut store = match db.open() {
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
            let reader = db.open().ok();
            scope.spawn(move || work(&rx, &tx, reader.as_deref().map(|r| r as &dyn Store), input.kind()));
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
    report(&*store, db, &tally, started, fatal)
}

/// The closing lines: what the ledger holds, what this run did; the exit status.
fn report(store: &dyn Store, db: &Location, tally: &Tally, started: Instant, fatal: bool) -> ExitCode {
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
        db,
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

/// The batch a command's pages make in the shared queue: its paths, how they are read,
/// and how many files they hold (so that pages added to a folder make a new batch).
fn batch_name(paths: &[String], input: InputArg) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    for path in paths {
        hash.update(path.as_bytes());
        hash.update([0]);
    }
    hash.update(input.kind().name());
    hash.update(format!("{:?}", dossier_intake::count(paths)));
    hash.finalize().iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// Ingest into PostgreSQL through the shared queue: this process fills the batch if no
/// other has, `--jobs` threads analyse jobs, and this thread files them in order while it
/// holds the batch's lock (or, while another process does, helps analyse).
fn ingest_shared(paths: &[String], url: &str, jobs: Option<usize>, input: InputArg) -> ExitCode {
    let db = Location::Postgres(url.to_string());
    let started = Instant::now();
    let tally = Mutex::new(Tally::default());
    let batch = batch_name(paths, input);
    let opened = PostgresStore::open(url).and_then(|store| Ok((store, Queue::open(url, &batch)?, Queue::open(url, &batch)?)));
    let (mut store, mut filing, mut helping) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let pages = dossier_intake::documents(paths).map(|d| match d {
        Ok(d) => Ok(QueuedPage { origin: d.origin, url: d.url, published: d.published, publisher: d.publisher, kind: d.kind.name().into(), bytes: d.bytes }),
        Err(f) => {
            eprintln!("dossier: {f}");
            add(&tally, |t| t.failed += 1);
            Err((f.origin, f.message))
        }
    });
    if let Err(e) = filing.fill(pages) {
        eprintln!("dossier: {e}");
        return ExitCode::from(1);
    }
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let filed = std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                let worker = Queue::open(url, &batch).map(|queue| (queue, PostgresStore::open(url).ok()));
                let result = worker.and_then(|(mut queue, reader)| {
                    while analyse_one(&mut queue, reader.as_ref().map(|r| r as &dyn Store), input, &tally)? {}
                    Ok(())
                });
                if let Err(e) = result {
                    eprintln!("dossier: {e}");
                }
            });
        }
        file_in_order(&mut store, &mut filing, &mut helping, input, &tally)
    });
    let tally = tally.into_inner().unwrap_or_default();
    if let Err(e) = &filed {
        eprintln!("dossier: {e}; stopping (everything filed before is kept: rerun to resume)");
    }
    report(&store, &db, &tally, started, filed.is_err())
}

fn add(tally: &Mutex<Tally>, count: impl FnOnce(&mut Tally)) {
    if let Ok(mut t) = tally.lock() {
        count(&mut t);
    }
}

/// Takes one free job and analyses it; false when none was free.
fn analyse_one(queue: &mut Queue, reader: Option<&dyn Store>, input: InputArg, tally: &Mutex<Tally>) -> dossier_ledger::Result<bool> {
    let Some((_, page)) = queue.take()? else { return Ok(false) };
    let document = Document { origin: page.origin, url: page.url, published: page.published, publisher: page.publisher, kind: InputKind::named(&page.kind).unwrap_or(InputKind::Auto), bytes: page.bytes };
    match analyse_document(document, reader, input.kind()) {
        Outcome::Analysed(prepared) => queue.finish(Analysed::Filing(&prepared))?,
        Outcome::AlreadyKept => {
            add(tally, |t| t.kept += 1);
            queue.finish(Analysed::Kept)?
        }
        Outcome::Failed(f) => {
            eprintln!("dossier: {f}");
            add(tally, |t| t.failed += 1);
            queue.finish(Analysed::Failed(f.message))?
        }
    }
    Ok(true)
}

/// Files the batch in order while this process leads it; otherwise helps analyse until
/// every job is done (taking the lead if the process holding it ends).
fn file_in_order(store: &mut PostgresStore, queue: &mut Queue, helping: &mut Queue, input: InputArg, tally: &Mutex<Tally>) -> dossier_ledger::Result<()> {
    let pause = |ms| std::thread::sleep(std::time::Duration::from_millis(ms));
    let mut leading = false;
    loop {
        leading = leading || queue.lead()?;
        if !leading {
            if queue.finished()? {
                return Ok(());
            }
            if !analyse_one(helping, Some(&*store), input, tally)? {
                pause(20);
            }
            continue;
        }
        match queue.first_open()? {
            Next::Finished => return Ok(()),
            Next::Waiting => {
                if !analyse_one(helping, Some(&*store), input, tally)? {
                    pause(2);
                }
            }
            Next::Ready(seq, prepared) => {
                let filed = store.file(&prepared)?;
                add(tally, |t| match filed {
                    Filed::New { copy_of, .. } => {
                        t.new += 1;
                        t.copies += u64::from(copy_of.is_some());
                    }
                    Filed::AlreadyKept { .. } => t.kept += 1,
                });
                queue.done(seq)?;
            }
        }
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

fn work(rx: &Mutex<Receiver<(u64, Result<Document, Failure>)>>, tx: &SyncSender<(u64, Outcome)>, reader: Option<&dyn Store>, kind: InputKind) {
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

fn analyse_document(document: Document, reader: Option<&dyn Store>, kind: InputKind) -> Outcome {
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
