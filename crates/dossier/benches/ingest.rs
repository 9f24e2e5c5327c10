//! End-to-end ingest throughput of the `dossier` binary into a fresh SQLite ledger.
//!
//! `cargo bench -p dossier --bench ingest` files PolNeAR's 928 political news articles
//! (`../shared/data/attribution/polnear`, with their outlets and dates from its
//! metadata) as one JSONL file, `DOSSIER_BENCH_PASSES` times (default 3) into a new
//! ledger each time, and prints the median articles/s. Without `../shared` it files the
//! written test corpus instead.
//!
//! `DOSSIER_BENCH_SYNTHETIC=100000` instead files that many synthetic articles (built
//! from the test corpus's sentences, each article distinct) once, sampling the process's
//! resident memory as it goes: memory must stay flat however many articles stream by.
//!
//! `DOSSIER_BENCH_POSTGRES=postgres://…` instead files the same pages into PostgreSQL by
//! one `dossier ingest` process, then by four at once (each with one analysing thread),
//! alternating, each pass into a fresh schema, and prints the articles/s of each and
//! their ratio.

use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let scratch = std::env::temp_dir().join(format!("dossier-bench-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let pages = scratch.join("pages.jsonl");
    if let Some(n) = std::env::var("DOSSIER_BENCH_SYNTHETIC").ok().and_then(|v| v.parse::<usize>().ok()) {
        synthetic(&pages, n);
        let (articles, seconds, samples) = run(&pages, &scratch.join("ledger.sqlite"), true);
        println!("{articles} synthetic articles in {seconds:.1} s: {:.0} articles/s", articles as f64 / seconds);
        println!("resident memory (MB) at each tenth of the run: {}", samples.iter().map(|m| format!("{m:.0}")).collect::<Vec<_>>().join(" "));
    } else if let Ok(url) = std::env::var("DOSSIER_BENCH_POSTGRES") {
        let what = polnear(&pages).unwrap_or_else(|| corpus(&pages));
        let passes: usize = std::env::var("DOSSIER_BENCH_PASSES").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
        let (mut one, mut four) = (Vec::new(), Vec::new());
        for pass in 0..passes {
            for (processes, rates) in [(1, &mut one), (4, &mut four)] {
                let db = dossier_ledger::PostgresStore::fresh_schema(&url, &format!("bench_{}_{pass}_{processes}", std::process::id())).unwrap();
                let (articles, seconds) = run_processes(&pages, &db, processes);
                rates.push(articles as f64 / seconds);
                println!("pass {}, {processes} process(es): {articles} articles in {seconds:.2} s", pass + 1);
            }
        }
        let median = |rates: &mut Vec<f64>| {
            rates.sort_by(f64::total_cmp);
            rates[rates.len() / 2]
        };
        let (one, four) = (median(&mut one), median(&mut four));
        println!("{what} into PostgreSQL ({} cores): one process median {one:.1} articles/s, four processes {four:.1} articles/s: {:.2}x", cores(), four / one);
    } else {
        let what = polnear(&pages).unwrap_or_else(|| corpus(&pages));
        let passes: usize = std::env::var("DOSSIER_BENCH_PASSES").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
        let mut rates = Vec::new();
        for pass in 0..passes {
            let (articles, seconds, _) = run(&pages, &scratch.join(format!("ledger-{pass}.sqlite")), false);
            rates.push(articles as f64 / seconds);
            println!("pass {}: {articles} articles in {seconds:.2} s", pass + 1);
        }
        rates.sort_by(f64::total_cmp);
        println!("{what}: median {:.0} articles/s end to end into SQLite ({} cores)", rates[rates.len() / 2], cores());
    }
    std::fs::remove_dir_all(&scratch).unwrap();
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `dossier ingest`, returning the articles filed, the seconds taken, and (when
/// asked) the resident memory in MB at each tenth of the run.
fn run(pages: &Path, db: &Path, sample: bool) -> (usize, f64, Vec<f64>) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["ingest", &pages.display().to_string(), "--db", &db.display().to_string()])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut rss = Vec::new();
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id()));
    let mut stderr = child.stderr.take().unwrap();
    // Read stderr on a thread so that the progress output never blocks the child.
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).unwrap();
        text
    });
    while sample && status.is_ok() && child.try_wait().unwrap().is_none() {
        let mb = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
            .ok()
            .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()));
        rss.extend(mb.map(|kb| (start.elapsed().as_secs_f64(), kb / 1024.0)));
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(child.wait().unwrap().success(), "dossier ingest failed");
    let seconds = start.elapsed().as_secs_f64();
    let said = reader.join().unwrap();
    let articles = filed(&said);
    let tenths = (1..=10).filter_map(|t| rss.iter().rev().find(|(at, _)| *at <= seconds * t as f64 / 10.0).map(|&(_, mb)| mb)).collect();
    (articles, seconds, tenths)
}

/// Runs `processes` `dossier ingest` processes (one analysing thread each) at once on the
/// same pages, returning the articles they filed together and the seconds taken.
fn run_processes(pages: &Path, db: &str, processes: usize) -> (usize, f64) {
    let start = Instant::now();
    let children: Vec<_> = (0..processes)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_dossier"))
                .args(["ingest", &pages.display().to_string(), "--db", db, "--jobs", "1"])
                .stderr(Stdio::piped())
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut articles = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "dossier ingest failed: {}", String::from_utf8_lossy(&out.stderr));
        let said = String::from_utf8_lossy(&out.stderr);
        articles += filed(&said);
    }
    (articles, start.elapsed().as_secs_f64())
}

/// How many new articles `dossier ingest` says it filed, in its last line.
fn filed(said: &str) -> usize {
    said.lines().last().and_then(|l| l.strip_prefix("dossier: ")?.split_whitespace().next()?.parse().ok()).unwrap_or(0)
}

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// PolNeAR's articles with their outlet and date, as JSONL.
fn polnear(out: &Path) -> Option<String> {
    let base = shared().join("data/attribution/polnear/data");
    let metadata = std::fs::read_to_string(base.join("metadata.tsv")).ok()?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
    let mut n = 0;
    for line in metadata.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (compartment, name, publisher, date) = (f[0], f[1], f[4], f[5]);
        let Ok(text) = std::fs::read_to_string(base.join(compartment).join("text").join(format!("{name}.txt"))) else { continue };
        writeln!(file, "{}", json!({"url": format!("polnear:{name}"), "text": text, "published": date, "publisher": publisher})).unwrap();
        n += 1;
    }
    Some(format!("PolNeAR, {n} articles"))
}

fn corpus(out: &Path) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ledger-corpus");
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let html = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        writeln!(file, "{}", json!({"html": html})).unwrap();
        n += 1;
    }
    format!("the written test corpus, {n} articles")
}

#[path = "../tests/common/synthetic.rs"]
mod synthetic_articles;

/// `n` distinct articles of four sentences drawn from the test corpus, with unique figures.
fn synthetic(out: &Path, n: usize) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
    for a in synthetic_articles::articles(n) {
        writeln!(file, "{}", json!({"url": a.url, "text": a.text, "published": a.published, "publisher": a.publisher})).unwrap();
    }
}
