//! Named entities: reading IOB2 (Universal NER) and scoring exact spans over PER, LOC, ORG.
//!
//! A predicted mention counts when its token span and its type equal a gold one. dossier's
//! kinds map as person → PER, place → LOC, organisation and outlet → ORG; other kinds and
//! gold OTH are left out.

use crate::Prf;
use std::collections::HashSet;
use std::path::Path;

/// One document: its tokens (joined by spaces, sentences by newlines) and gold mentions.
pub struct NameDoc {
    pub tokens: Vec<String>,
    /// Index of the first token of each sentence.
    pub sentence_starts: Vec<usize>,
    /// (first token, end token, type)
    pub gold: Vec<(usize, usize, String)>,
}

impl NameDoc {
    /// The text, and each token's char range in it.
    pub fn text(&self) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut ranges = Vec::with_capacity(self.tokens.len());
        let mut chars = 0;
        for (i, t) in self.tokens.iter().enumerate() {
            if i > 0 {
                text.push(if self.sentence_starts.contains(&i) { '\n' } else { ' ' });
                chars += 1;
            }
            text.push_str(t);
            let n = t.chars().count();
            ranges.push((chars, chars + n));
            chars += n;
        }
        (text, ranges)
    }
}

/// Reads an IOB2 file with `# newdoc` comments; tags B-X/I-X, OTH and "B-O" read as O.
pub fn load_iob2(path: &Path) -> Result<Vec<NameDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs: Vec<NameDoc> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let close = |doc: &mut NameDoc, open: &mut Option<(usize, String)>, at: usize| {
        if let Some((start, kind)) = open.take() {
            doc.gold.push((start, at, kind));
        }
    };
    let mut new_sentence = true;
    for line in text.lines() {
        if line.starts_with("# newdoc") || docs.is_empty() {
            if let Some(d) = docs.last_mut() {
                let at = d.tokens.len();
                close(d, &mut open, at);
            }
            docs.push(NameDoc { tokens: Vec::new(), sentence_starts: Vec::new(), gold: Vec::new() });
            if line.starts_with('#') {
                continue;
            }
        }
        if line.starts_with('#') {
            continue;
        }
        let d = docs.last_mut().expect("a document is open");
        if line.trim().is_empty() {
            let at = d.tokens.len();
            close(d, &mut open, at);
            new_sentence = true;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let at = d.tokens.len();
        if new_sentence {
            d.sentence_starts.push(at);
            new_sentence = false;
        }
        d.tokens.push(cols[1].to_string());
        let tag = cols[2];
        let kind = tag.get(2..).unwrap_or("");
        let keep = matches!(kind, "PER" | "LOC" | "ORG");
        if tag.starts_with("B-") || !keep || open.as_ref().is_some_and(|(_, k)| k != kind) {
            close(d, &mut open, at);
        }
        if keep && (tag.starts_with("B-") || open.is_none()) {
            open = Some((at, kind.to_string()));
        }
    }
    if let Some(d) = docs.last_mut() {
        let at = d.tokens.len();
        close(d, &mut open, at);
    }
    docs.retain(|d| !d.tokens.is_empty());
    Ok(docs)
}

/// Exact-span counts: (true positives, predicted, gold), overall and per type.
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub by_type: std::collections::BTreeMap<String, (usize, usize, usize)>,
}

impl Score {
    pub fn add(&mut self, gold: &[(usize, usize, String)], predicted: &[(usize, usize, String)]) {
        let g: HashSet<&(usize, usize, String)> = gold.iter().collect();
        let p: HashSet<&(usize, usize, String)> = predicted.iter().collect();
        for kind in ["PER", "LOC", "ORG"] {
            let e = self.by_type.entry(kind.to_string()).or_default();
            e.0 += p.iter().filter(|x| x.2 == kind && g.contains(*x)).count();
            e.1 += p.iter().filter(|x| x.2 == kind).count();
            e.2 += g.iter().filter(|x| x.2 == kind).count();
        }
    }

    pub fn overall(&self) -> Prf {
        let (tp, p, g) = self.by_type.values().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        Prf::from_counts(tp, p, g)
    }

    pub fn of(&self, kind: &str) -> Prf {
        let (tp, p, g) = self.by_type.get(kind).copied().unwrap_or_default();
        Prf::from_counts(tp, p, g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob2_spans() {
        let dir = std::env::temp_dir().join(format!("names-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("x.iob2");
        std::fs::write(&f, "# newdoc id = a\n1\tin\tO\n2\ttampa\tB-LOC\n3\tbay\tI-LOC\n4\tJohn\tB-PER\n5\tx\tB-OTH\n\n").unwrap();
        let docs = load_iob2(&f).unwrap();
        assert_eq!(docs[0].gold, [(1, 3, "LOC".to_string()), (3, 4, "PER".to_string())]);
        let mut s = Score::default();
        s.add(&docs[0].gold, &[(1, 3, "LOC".into()), (3, 4, "ORG".into())]);
        assert_eq!(s.overall().precision, 0.5);
    }
}
