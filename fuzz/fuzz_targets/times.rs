//! Text through the time parser, against a reference date taken from the first two bytes
//! (or none): every expression's span on char boundaries, and a value.
#![no_main]

use dossier_doc::{Article, Doc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (reference, rest) = match bytes {
        [a, b, rest @ ..] => {
            let days = i64::from(u16::from_le_bytes([*a, *b])) - 20_000;
            (jiff::civil::date(2000, 1, 1).checked_add(jiff::Span::new().days(days)).ok(), rest)
        }
        _ => (None, bytes),
    };
    let text = String::from_utf8_lossy(rest);
    let mut doc = Doc::new(Article::from_paragraphs(text.split('\n').map(str::to_string).collect()));
    dossier_text::annotate(&mut doc);
    for t in dossier_times::annotate(&doc, reference) {
        doc.slice(t.span);
        assert!(!t.value.is_empty(), "no value for {:?}", doc.slice(t.span));
    }
});
