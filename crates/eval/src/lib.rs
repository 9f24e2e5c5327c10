//! Scorers that measure dossier's stages on the evaluation sets in `../shared/data`.
//!
//! **Key decision: each scorer re-implements its benchmark's published metric exactly,
//! and proves it by reproducing the published figures of other systems** (see the
//! tests), so that a number printed here can be set beside the literature's. Scorers
//! take plain maps of outputs, not dossier types, so they score any system's output.

pub mod aeb;
pub mod attribution;
pub mod names;
pub mod quantities;
pub mod segmentation;
pub mod segments;
pub mod timex;

use dossier_doc::{CharOffsets, Doc, Span};
use std::io::Read;
use std::path::Path;

/// Reads a file, decompressing it when its name ends in `.gz`.
pub fn read_maybe_gz(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(file).read_to_end(&mut bytes)?;
    } else {
        std::io::BufReader::new(file).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { precision, recall, f1 }
    }

    /// From pooled counts: items right, items predicted, items in the gold.
    pub fn from_counts(right: usize, predicted: usize, gold: usize) -> Prf {
        Prf::new(right as f64 / predicted.max(1) as f64, right as f64 / gold.max(1) as f64)
    }
}

impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "P {:.3}  R {:.3}  F1 {:.3}", self.precision, self.recall, self.f1)
    }
}

/// A text run through the whole pipeline as plain input, with the way back from the
/// pipeline's spans to char offsets of the original text (whose whitespace the body squashes).
pub struct Analysed {
    pub doc: Doc,
    chars: CharOffsets,
    map: Vec<usize>,
}

impl Analysed {
    /// Decodes `text` as plain input and runs every stage, with `reference` as the publication date.
    pub fn new(text: &str, reference: Option<dossier::Reference>) -> Result<Analysed, String> {
        let page = dossier_page::decode(text.as_bytes(), dossier_page::InputKind::Plain).map_err(|e| e.to_string())?;
        Ok(Analysed::from_doc(text, dossier::analyse(&page, reference)))
    }

    /// Wraps a document already analysed from `original`.
    pub fn from_doc(original: &str, doc: Doc) -> Analysed {
        let chars = CharOffsets::new(&doc.text);
        let map = align(original, &doc.text);
        Analysed { doc, chars, map }
    }

    /// The char range in the original text of a span of the document.
    pub fn original(&self, span: Span) -> (usize, usize) {
        (self.map[self.chars.char_offset(span.start())], self.map[self.chars.char_offset(span.end())])
    }
}

/// Maps char offsets of a derived text (whitespace squashed, paragraphs re-joined) back to
/// the original: each non-whitespace char of the derived text is found in order in the
/// original. Returns one original offset per derived offset, plus one for the end.
pub fn align(original: &str, derived: &str) -> Vec<usize> {
    let orig: Vec<char> = original.chars().collect();
    let mut map = Vec::with_capacity(derived.chars().count() + 1);
    let mut j = 0;
    for c in derived.chars() {
        if c.is_whitespace() {
            map.push(j.min(orig.len()));
            continue;
        }
        let mut k = j;
        while k < orig.len() && orig[k] != c {
            k += 1;
        }
        if k < orig.len() {
            j = k;
        }
        map.push(j);
        j = (j + 1).min(orig.len());
    }
    map.push(j);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_skips_squashed_whitespace() {
        let map = align("Title\n\nA  b\nc", "Title\n\nA b c");
        assert_eq!(map[7], 7); // "A"
        assert_eq!(map[9], 10); // "b"
        assert_eq!(map[11], 12); // "c"
    }
}
