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

/// A hostile batch for `dossier ingest`: binary noise, a 100 MB page, 10,000 nested
/// elements, undeclared legacy bytes, a gzip bomb, a truncated gzip and a truncated WARC.
/// Each bad file gets its line, nothing crashes, the readable pages are filed, and the
/// process stays under 1 GB of memory throughout.
#[test]
fn a_hostile_batch_ingests_with_a_line_per_bad_file_and_bounded_memory() {
    use std::io::Write;
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    let mut noise = vec![0u8; 64 * 1024];
    let mut state = 0x9e37_79b9u32;
    for b in &mut noise {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        *b = state as u8;
    }
    std::fs::write(pages.join("a-noise.html"), &noise).unwrap();
    let mut huge = std::fs::File::create(pages.join("b-huge.html")).unwrap();
    let block = "<p>".to_string() + &"word ".repeat(2000) + "</p>\n";
    for _ in 0..(100 * 1024 * 1024 / block.len()) {
        huge.write_all(block.as_bytes()).unwrap();
    }
    drop(huge);
    let deep = format!("<html><body>{}<p>The mayor said on Monday that 12 bridges were closed.</p>{}</body></html>", "<div>".repeat(10_000), "</div>".repeat(10_000));
    std::fs::write(pages.join("c-deep.html"), deep).unwrap();
    std::fs::write(pages.join("d-legacy.txt"), b"Der B\xfcrgermeister sagte am Montag, dass 12 Br\xfccken gesperrt seien. The mayor said that 12 bridges were closed.").unwrap();
    let gzip = |bytes: &[u8]| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    };
    let mut bomb = flate2::write::GzEncoder::new(std::fs::File::create(pages.join("e-bomb.html.gz")).unwrap(), flate2::Compression::best());
    let zeros = vec![b'a'; 1024 * 1024];
    for _ in 0..200 {
        bomb.write_all(&zeros).unwrap();
    }
    bomb.finish().unwrap();
    let mut cut = gzip(b"<p>The mayor said on Monday that 12 bridges were closed, and more text follows here.</p>");
    cut.truncate(cut.len() / 2);
    std::fs::write(pages.join("f-cut.html.gz"), cut).unwrap();
    std::fs::write(pages.join("g-cut.warc"), "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>cut").unwrap();
    std::fs::write(pages.join("h-good.txt"), GOOD).unwrap();

    let db = dir.join("ledger.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["ingest", pages.to_str().unwrap(), "--db", db.to_str().unwrap()])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr_pipe = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr_pipe, &mut text).unwrap();
        text
    });
    let mut peak_kb = 0u64;
    while child.try_wait().unwrap().is_none() {
        if let Ok(status) = std::fs::read_to_string(format!("/proc/{}/status", child.id())) {
            let hwm = status.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0);
            peak_kb = peak_kb.max(hwm);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let code = child.wait().unwrap().code();
    let err = reader.join().unwrap();
    assert_eq!(code, Some(1), "{err}");
    assert!(!err.contains("internal error"), "a crash: {err}");
    for (file, why) in [("a-noise.html", "binary"), ("b-huge.html", "MB"), ("e-bomb.html.gz", "MB"), ("f-cut.html.gz", ""), ("g-cut.warc#1", "truncated")] {
        assert!(err.lines().any(|l| l.starts_with("dossier: ") && l.contains(file) && l.contains(why)), "{file} not reported ({why}): {err}");
    }
    assert!(err.contains("3 new articles"), "the deep, legacy and good pages are filed: {err}");
    eprintln!("peak memory of the hostile batch: {peak_kb} kB");
    assert!(peak_kb < 1024 * 1024, "peak memory {peak_kb} kB");
    std::fs::remove_dir_all(&dir).unwrap();
}
