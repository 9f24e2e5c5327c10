//! Text through the number parser: every quantity's span on char boundaries, its
//! interval ordered, its value finite.
#![no_main]

use dossier_doc::{Article, Doc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let mut doc = Doc::new(Article::from_paragraphs(text.split('\n').map(str::to_string).collect()));
    dossier_text::annotate(&mut doc);
    for q in dossier_figures::annotate(&doc) {
        doc.slice(q.span);
        let (low, high) = (q.interval.low.unwrap_or(f64::NEG_INFINITY), q.interval.high.unwrap_or(f64::INFINITY));
        assert!(!low.is_nan() && !high.is_nan() && low <= high, "{:?} for {:?}", q.interval, doc.slice(q.span));
        assert!(q.value.is_none_or(f64::is_finite), "{:?} for {:?}", q.value, doc.slice(q.span));
    }
});
