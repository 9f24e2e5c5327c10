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
    let articles = said.lines().last().and_then(|l| l.strip_prefix("dossier: ")?.split_whitespace().next()?.parse().ok()).unwrap_or(0);
    let tenths = (1..=10).filter_map(|t| rss.iter().rev().find(|(at, _)| *at <= seconds * t as f64 / 10.0).map(|&(_, mb)| mb)).collect();
    (articles, seconds, tenths)
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

/// `n` distinct articles of four sentences drawn from the test corpus, with unique figures.
fn synthetic(out: &Path, n: usize) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ledger-corpus");
    let mut sentences: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let html = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for p in html.split("<p>").skip(1) {
            let text = p.split("</p>").next().unwrap_or("");
            if text.len() > 60 && !text.contains("class=") {
                sentences.push(text.replace("&#x27;", "'").replace("&quot;", "\""));
            }
        }
    }
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    for i in 0..n {
        let body: Vec<String> = (0..4).map(|_| sentences[next(sentences.len())].clone()).collect();
        let text = format!("Report number {i}\n\n{}\n\nThe office counted {} visitors on {}.", body.join("\n\n"), 100 + i, ["Monday", "Tuesday", "Friday"][i % 3]);
        let day = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        writeln!(file, "{}", json!({"url": format!("synthetic:{i}"), "text": text, "published": day, "publisher": format!("Outlet {}", i % 40)})).unwrap();
    }
}
