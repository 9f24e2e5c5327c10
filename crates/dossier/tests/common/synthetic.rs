//! Synthetic news articles for tests and benchmarks that need many: each distinct, built
//! from the written test corpus's sentences, so that claims recur across them and link.

use std::path::PathBuf;

/// One synthetic article.
pub struct Synthetic {
    pub url: String,
    pub text: String,
    /// An ISO day.
    pub published: String,
    pub publisher: String,
}

/// `n` articles, the same on every call.
pub fn articles(n: usize) -> impl Iterator<Item = Synthetic> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ledger-corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut sentences: Vec<String> = Vec::new();
    for path in files {
        let html = std::fs::read_to_string(path).unwrap();
        for p in html.split("<p>").skip(1) {
            let text = p.split("</p>").next().unwrap_or("");
            if text.len() > 60 && !text.contains("class=") {
                sentences.push(text.replace("&#x27;", "'").replace("&quot;", "\""));
            }
        }
    }
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    (0..n).map(move |i| {
        let body: Vec<String> = (0..4).map(|_| sentences[next(sentences.len())].clone()).collect();
        Synthetic {
            url: format!("synthetic:{i}"),
            text: format!("Report number {i}\n\n{}\n\nThe office counted {} visitors on {}.", body.join("\n\n"), 100 + i, ["Monday", "Tuesday", "Friday"][i % 3]),
            published: format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            publisher: format!("Outlet {}", i % 40),
        }
    })
}
