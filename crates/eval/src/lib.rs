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
pub mod segments;
pub mod timex;

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
}

impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "P {:.3}  R {:.3}  F1 {:.3}", self.precision, self.recall, self.f1)
    }
}
