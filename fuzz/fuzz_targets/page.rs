//! Any bytes as a page (HTML or text, any encoding) through every stage: decoding,
//! extraction, tokens, entities, times, figures and claims. Each span must lie on the
//! analysed text's char boundaries, and each interval must be ordered.
#![no_main]

use dossier_page::InputKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(page) = dossier_page::decode(bytes, InputKind::Auto) else { return };
    let doc = dossier::analyse(&page, None);
    for q in &doc.quantities {
        doc.slice(q.span);
        assert!(q.interval.low.unwrap_or(f64::NEG_INFINITY) <= q.interval.high.unwrap_or(f64::INFINITY), "{:?}", q.interval);
    }
    for t in &doc.times {
        doc.slice(t.span);
    }
    for c in &doc.claims {
        doc.slice(c.content);
        for span in c.cue.iter().chain(&c.hedges) {
            doc.slice(*span);
        }
    }
});
