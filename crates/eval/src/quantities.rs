//! MeasEval: quantity spans and their modifiers.
//!
//! Gold quantities are the `Quantity` rows of each document's TSV (char offsets into its
//! text) with their `mods` (IsApproximate, IsRange, IsCount, ...). A predicted quantity —
//! its figure together with its unit — matches a gold one when the spans overlap, one to
//! one in document order; modifier accuracy is over the matched pairs.

use crate::Prf;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub start: usize,
    pub end: usize,
    pub approximate: bool,
    pub range: bool,
    pub count: bool,
}

pub struct QuantityDoc {
    pub name: String,
    pub text: String,
    pub gold: Vec<Measured>,
}

/// Reads `DIR/text/<doc>.txt` with `DIR/tsv/<doc>.tsv`.
pub fn load(dir: &Path) -> Result<Vec<QuantityDoc>, String> {
    let tsv_dir = dir.join("tsv");
    let mut names: Vec<String> = std::fs::read_dir(&tsv_dir)
        .map_err(|e| format!("{}: {e}", tsv_dir.display()))?
        .filter_map(|e| e.ok()?.path().file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for name in names {
        let read = |p: std::path::PathBuf| std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()));
        let text = read(dir.join("text").join(format!("{name}.txt")))?;
        let tsv = read(tsv_dir.join(format!("{name}.tsv")))?;
        let mut gold = Vec::new();
        for line in tsv.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 7 || cols[2] != "Quantity" {
                continue;
            }
            let (Ok(start), Ok(end)) = (cols[3].parse(), cols[4].parse()) else { continue };
            let other = cols.get(7).copied().unwrap_or("");
            gold.push(Measured {
                start,
                end,
                approximate: other.contains("IsApproximate"),
                range: other.contains("IsRange"),
                count: other.contains("IsCount"),
            });
        }
        gold.sort_by_key(|m| m.start);
        docs.push(QuantityDoc { name, text, gold });
    }
    Ok(docs)
}

/// The gold quantity each predicted one is matched to: the first unmatched one it
/// overlaps, one to one in document order.
pub fn pairing(gold: &[Measured], predicted: &[Measured]) -> Vec<Option<usize>> {
    let mut used = vec![false; gold.len()];
    predicted
        .iter()
        .map(|p| {
            let g = (0..gold.len()).find(|&g| !used[g] && gold[g].start < p.end && p.start < gold[g].end)?;
            used[g] = true;
            Some(g)
        })
        .collect()
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    gold: usize,
    predicted: usize,
    matched: usize,
    approximate: (usize, usize),
    range: (usize, usize),
    count: (usize, usize),
}

impl Score {
    pub fn add(&mut self, gold: &[Measured], predicted: &[Measured]) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        for (p, g) in predicted.iter().zip(pairing(gold, predicted)) {
            let Some(g) = g else { continue };
            self.matched += 1;
            let g = &gold[g];
            for (slot, ok) in [(&mut self.approximate, g.approximate == p.approximate), (&mut self.range, g.range == p.range), (&mut self.count, g.count == p.count)] {
                slot.0 += usize::from(ok);
                slot.1 += 1;
            }
        }
    }

    pub fn overlap(&self) -> Prf {
        Prf::from_counts(self.matched, self.predicted, self.gold)
    }

    /// Accuracy of IsApproximate, IsRange and IsCount over matched quantities.
    pub fn modifiers(&self) -> [(&'static str, f64); 3] {
        let acc = |(ok, n): (usize, usize)| ok as f64 / n.max(1) as f64;
        [("IsApproximate", acc(self.approximate)), ("IsRange", acc(self.range)), ("IsCount", acc(self.count))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_matching_and_modifiers() {
        let m = |s, e, a| Measured { start: s, end: e, approximate: a, range: false, count: false };
        let mut score = Score::default();
        score.add(&[m(0, 5, true), m(10, 15, false)], &[m(2, 4, true), m(30, 35, false)]);
        assert_eq!((score.overlap().precision, score.overlap().recall), (0.5, 0.5));
        assert_eq!(score.modifiers()[0].1, 1.0);
    }
}
