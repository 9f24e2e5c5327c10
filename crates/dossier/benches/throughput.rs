//! Throughput of `dossier extract` on one thread over the ScrapingHub article-extraction
//! benchmark pages (`../shared/data/extraction/scrapinghub-aeb/html/*.html.gz`).
//!
//! `cargo bench -p dossier --bench throughput` — pages are decompressed into memory
//! first, then each pass runs the whole pipeline over all of them; the figures are the
//! median of the passes. `DOSSIER_AEB_DIR` overrides the folder; `DOSSIER_BENCH_PASSES`
//! the number of passes (default 5).

use flate2::read::GzDecoder;
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let dir = std::env::var_os("DOSSIER_AEB_DIR").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/extraction/scrapinghub-aeb/html")
    });
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("throughput: no pages at {} (set DOSSIER_AEB_DIR); nothing measured", dir.display());
        return;
    };
    let mut pages: Vec<Vec<u8>> = Vec::new();
    let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().ends_with(".html.gz")).collect();
    paths.sort();
    for path in &paths {
        let mut bytes = Vec::new();
        GzDecoder::new(std::fs::File::open(path).unwrap()).read_to_end(&mut bytes).unwrap();
        pages.push(bytes);
    }
    let total_bytes: usize = pages.iter().map(Vec::len).sum();
    let passes: usize = std::env::var("DOSSIER_BENCH_PASSES").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    println!("{} pages, {:.1} MB of HTML, {passes} passes, one thread", pages.len(), total_bytes as f64 / 1e6);

    let measure = |name: &str, run: &dyn Fn(&[u8]) -> usize| {
        let mut seconds: Vec<f64> = Vec::new();
        let mut checksum = 0;
        for _ in 0..passes {
            let start = Instant::now();
            for page in &pages {
                checksum += run(page);
            }
            seconds.push(start.elapsed().as_secs_f64());
        }
        seconds.sort_by(f64::total_cmp);
        let median = seconds[seconds.len() / 2];
        println!(
            "{name:<22} median {:>8.1} pages/s  {:>6.2} MB/s  ({:.3} s per pass; min {:.3}, max {:.3}; checksum {checksum})",
            pages.len() as f64 / median,
            total_bytes as f64 / 1e6 / median,
            median,
            seconds[0],
            seconds[seconds.len() - 1],
        );
        median
    };
    let decode = |bytes: &[u8]| dossier_page::decode(bytes, dossier_page::InputKind::Html).expect("AEB pages decode");
    let extraction = measure("extraction only", &|bytes| dossier_extract::extract(&decode(bytes)).paragraphs.len());
    let full = measure("full pipeline", &|bytes| {
        let doc = dossier::analyse(&decode(bytes), None);
        doc.tokens.len() + doc.claims.len()
    });
    println!("extraction is {:.0}% of the full pipeline's time", 100.0 * extraction / full);

    // The linguistic core alone on the extracted bodies: tokens and sentences, then names
    // (the rules and the trained recognizer), then parts of speech as well, in tokens per
    // second. No stage of the pipeline reads parts of speech, so the last line is what
    // tagging would cost it.
    let articles: Vec<dossier_doc::Article> = pages.iter().map(|p| dossier_extract::extract(&decode(p))).collect();
    let tokens: usize = articles.iter().map(|a| tokenised(a).tokens.len()).sum();
    let core = |name: &str, names: bool, parts_of_speech: bool| {
        let mut seconds: Vec<f64> = (0..passes)
            .map(|_| {
                let start = Instant::now();
                for a in &articles {
                    let doc = tokenised(a);
                    if names {
                        std::hint::black_box(dossier_entities::annotate(&doc));
                    }
                    if parts_of_speech {
                        for &sentence in &doc.sentences {
                            let words: Vec<&str> = doc.token_range(sentence).map(|i| doc.token_text(i)).collect();
                            std::hint::black_box(dossier_text::pos::tagger().tag(&words));
                        }
                    }
                }
                start.elapsed().as_secs_f64()
            })
            .collect();
        seconds.sort_by(f64::total_cmp);
        let median = seconds[seconds.len() / 2];
        println!("{name:<22} median {:>8.0} tokens/s ({tokens} tokens; {median:.3} s per pass)", tokens as f64 / median);
    };
    core("tokens + sentences", false, false);
    core("… + names", true, false);
    core("… + parts of speech", true, true);
}

fn tokenised(article: &dossier_doc::Article) -> dossier_doc::Doc {
    let mut doc = dossier_doc::Doc::new(article.clone());
    dossier_text::annotate(&mut doc);
    doc
}
