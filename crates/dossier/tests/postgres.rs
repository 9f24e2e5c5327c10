//! The ledger in PostgreSQL: the same links as in SQLite, and several `dossier ingest`
//! processes sharing one batch. These run where `DOSSIER_TEST_POSTGRES` names a server
//! (`postgres://user@host/db`; `.ci/run` starts one), each in a fresh schema.

mod common;

use common::synthetic;
use dossier_ledger::PostgresStore;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(args).output().expect("the dossier binary runs")
}

/// A URL to an empty ledger of its own, or `None` (with a note) when no server is named.
fn fresh(name: &str) -> Option<String> {
    let Ok(url) = std::env::var("DOSSIER_TEST_POSTGRES") else {
        eprintln!("DOSSIER_TEST_POSTGRES is not set: {name} did not run");
        return None;
    };
    Some(PostgresStore::fresh_schema(&url, &format!("test_{name}_{}", std::process::id())).unwrap())
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-postgres-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every claim cluster with its appearances, as `dossier claims` lists them: equal
/// listings mean equal links (ids included, since both file in the same order).
fn listing(db: &str) -> String {
    let out = dossier(&["claims", "--format", "jsonl", "--limit", "0", "--db", db]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn succeeded(out: &Output) {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn postgres_links_the_written_corpus_as_sqlite_does() {
    let Some(url) = fresh("corpus") else { return };
    let dir = scratch("corpus");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ledger-corpus").display().to_string();
    let file = dir.join("ledger.sqlite").display().to_string();
    for db in [&file, &url] {
        succeeded(&dossier(&["ingest", &corpus, "--db", db, "--input", "html"]));
    }
    let sqlite = listing(&file);
    assert!(sqlite.lines().count() > 30, "{sqlite}");
    assert_eq!(listing(&url), sqlite);
    let on = |db: &str, query: [&str; 2]| String::from_utf8(dossier(&[query[0], query[1], "--format", "jsonl", "--db", db]).stdout).unwrap();
    assert_eq!(on(&url, ["figures", "Harbour City"]), on(&file, ["figures", "Harbour City"]));
    // The same hits, ranked by each database's own measure.
    let hits = |db: &str| on(db, ["search", "cranes"]).lines().map(str::to_string).collect::<std::collections::BTreeSet<_>>();
    assert!(!hits(&file).is_empty());
    assert_eq!(hits(&url), hits(&file));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `n` synthetic articles as HTML files in `dir`.
fn write_pages(dir: &Path, n: usize) -> String {
    std::fs::create_dir_all(dir).unwrap();
    for (i, a) in synthetic::articles(n).enumerate() {
        let paragraphs: String = a.text.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
        let html = format!(
            "<html><head><title>Report {i}</title><link rel=\"canonical\" href=\"{}\"><meta property=\"article:published_time\" content=\"{}\"><meta property=\"og:site_name\" content=\"{}\"></head><body><article>{paragraphs}</article></body></html>",
            a.url, a.published, a.publisher
        );
        std::fs::write(dir.join(format!("{i:04}.html")), html).unwrap();
    }
    dir.display().to_string()
}

fn ingest(pages: &str, db: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(["ingest", pages, "--db", db, "--jobs", "1"]).stderr(std::process::Stdio::null()).spawn().unwrap()
}

/// Kills `run` once the ledger at `db` holds `more` articles more than when called:
/// progress, not time, picks the moment, however fast the machine files.
fn kill_after_filing(mut run: std::process::Child, db: &str, more: i64) {
    let store = PostgresStore::open(db).unwrap();
    let filed = || dossier_ledger::Store::counts(&store).unwrap().articles;
    let target = filed() + more;
    while filed() < target {
        assert!(run.try_wait().unwrap().is_none(), "the ingest ended before {more} more articles were filed");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    run.kill().unwrap();
    run.wait().unwrap();
}

#[test]
fn killed_processes_leave_their_work_to_the_others_and_to_a_rerun() {
    let (Some(reference), Some(shared), Some(resumed)) = (fresh("kill_reference"), fresh("kill_shared"), fresh("kill_resumed")) else { return };
    let dir = scratch("kill");
    let pages = write_pages(&dir.join("pages"), 300);
    succeeded(&dossier(&["ingest", &pages, "--db", &reference]));
    let expected = listing(&reference);
    // Two processes; one is killed mid-batch: the other finishes everything, its jobs included.
    let (first, second) = (ingest(&pages, &shared), ingest(&pages, &shared));
    kill_after_filing(first, &shared, 50);
    assert!(second.wait_with_output().unwrap().status.success());
    assert_eq!(listing(&shared), expected, "the survivor must file the batch as one process would");
    // One process killed at several points, then run to the end.
    for more in [20, 40, 60] {
        kill_after_filing(ingest(&pages, &resumed), &resumed, more);
    }
    // The kills landed mid-batch: the last article is not filed yet.
    assert!(!dossier(&["show", "A300", "--db", &resumed]).status.success(), "the batch finished before the last kill");
    succeeded(&dossier(&["ingest", &pages, "--db", &resumed]));
    assert_eq!(listing(&resumed), expected, "a rerun must finish the batch with nothing twice");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn four_processes_share_two_thousand_files_and_link_as_one() {
    let (Some(one), Some(four)) = (fresh("one_process"), fresh("four_processes")) else { return };
    let dir = scratch("shared");
    let pages = write_pages(&dir.join("pages"), 2000);
    succeeded(&dossier(&["ingest", &pages, "--db", &one]));
    let spawned: Vec<_> = (0..4)
        .map(|_| Command::new(env!("CARGO_BIN_EXE_dossier")).args(["ingest", &pages, "--db", &four, "--jobs", "1"]).stderr(std::process::Stdio::piped()).spawn().unwrap())
        .collect();
    let mut filed = 0;
    for child in spawned {
        let out = child.wait_with_output().unwrap();
        succeeded(&out);
        let said = String::from_utf8_lossy(&out.stderr);
        let new: usize = said.split(" new articles").next().and_then(|s| s.rsplit(' ').next()).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{said}"));
        filed += new;
    }
    assert_eq!(filed, 2000, "each article filed exactly once among the four");
    let listed = listing(&one);
    assert!(listed.lines().count() > 2000, "{} claims", listed.lines().count());
    assert_eq!(listing(&four), listed, "four processes must link as one does");
    std::fs::remove_dir_all(&dir).unwrap();
}
