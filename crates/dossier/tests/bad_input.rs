//! Bad input gets one clear line naming it, a non-zero exit, and the other inputs of
//! the same run are still processed.

use std::path::PathBuf;
use std::process::{Command, Output};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(args).output().expect("dossier runs")
}

/// Writes a file under a name no other test uses (tests run in parallel).
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bad-input-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOOD: &[u8] = b"The ministry said on Thursday that at least 20 soldiers were killed.";

/// Runs one bad file beside a good one: exit 1, one line naming the bad file with
/// `what`, and the good file's output still printed.
fn refused_beside_a_good_file(bad: &str, what: &str) {
    let good = scratch("good.txt", GOOD);
    let out = dossier(&["extract", bad, good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one line per failed input: {err}");
    assert!(err.contains(bad) && err.contains(what), "{err}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "the good input is still processed");
    assert!(stdout.contains("good.txt"));
}

#[test]
fn empty_file() {
    refused_beside_a_good_file(scratch("empty.txt", b"").to_str().unwrap(), "empty");
}

#[test]
fn binary_file() {
    refused_beside_a_good_file(scratch("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").to_str().unwrap(), "PNG image");
    let noise: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    refused_beside_a_good_file(scratch("noise.bin", &noise).to_str().unwrap(), "binary");
}

#[test]
fn oversized_page() {
    let big = vec![b'a'; 50 * 1024 * 1024];
    refused_beside_a_good_file(scratch("big.html", &big).to_str().unwrap(), "over the 32 MB limit");
}

#[test]
fn directory_and_missing_file() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("a-directory");
    std::fs::create_dir_all(&dir).unwrap();
    refused_beside_a_good_file(dir.to_str().unwrap(), "is a directory");
    refused_beside_a_good_file("/nonexistent/page.html", "no such file");
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let latin1 = scratch("latin1.txt", b"Caf\xe9 owners said on Thursday that 20 shops had closed.");
    let out = dossier(&["extract", latin1.to_str().unwrap(), "--input", "plain"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("latin1.txt") && err.contains("not valid UTF-8") && err.contains("windows-1252"), "{err}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("Café owners"));
}

#[test]
fn truncated_utf8_and_hostile_html_do_not_crash() {
    let mut cut = "Шесть офицеров погибли, сообщает источник.".as_bytes().to_vec();
    cut.truncate(cut.len() - 2);
    let out = dossier(&["extract", scratch("cut.txt", &cut).to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let deep = format!("<html><body>{}<p>Deep text, officials said on Friday.</p></body></html>", "<div>".repeat(100_000));
    let out = dossier(&["extract", scratch("deep.html", deep.as_bytes()).to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let good = scratch("good2.txt", GOOD);
    let out = dossier(&["extract", good.to_str().unwrap(), "--published", "04/10/2024"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--published") && stderr(&out).contains("2024-10-04"), "{}", stderr(&out));
    assert_eq!(dossier(&["extract", "--input", "pdf", good.to_str().unwrap()]).status.code(), Some(2));
    assert_eq!(dossier(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn several_inputs_give_jsonl_with_paths() {
    let a = scratch("a.txt", GOOD);
    let b = scratch("b.txt", b"Officials said 30 ships were seized last week.");
    let out = dossier(&["extract", a.to_str().unwrap(), b.to_str().unwrap(), "--published", "2024-10-04"]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[1]["document"]["path"].as_str().unwrap().ends_with("b.txt"));
}
