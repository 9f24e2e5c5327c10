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
    /// Names the corpus marks without a type (MEANTIME's unlinked mentions): a prediction
    /// of exactly one of these is neither right nor wrong.
    pub untyped: Vec<(usize, usize)>,
}

impl NameDoc {
    /// The predictions that are scored: all but those of exactly an untyped name.
    pub fn scored(&self, mut predicted: Vec<(usize, usize, String)>) -> Vec<(usize, usize, String)> {
        predicted.retain(|p| !self.untyped.contains(&(p.0, p.1)));
        predicted
    }

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

impl NameDoc {
    /// The document as dossier tokenises it (one paragraph per sentence, tokens joined by
    /// spaces) with the gold names as one label per dossier token: the recognizer's
    /// training and scoring input.
    pub fn example(&self) -> (dossier_doc::Doc, Vec<dossier_entities::recognizer::Label>) {
        use dossier_doc::{Article, Doc, EntityKind};
        let mut paragraphs = Vec::new();
        // Each gold token's paragraph and byte range in it.
        let mut places = Vec::with_capacity(self.tokens.len());
        for (k, &start) in self.sentence_starts.iter().enumerate() {
            let end = self.sentence_starts.get(k + 1).copied().unwrap_or(self.tokens.len());
            let mut paragraph = String::new();
            for t in &self.tokens[start..end] {
                if !paragraph.is_empty() {
                    paragraph.push(' ');
                }
                places.push((k, paragraph.len(), paragraph.len() + t.len()));
                paragraph.push_str(t);
            }
            paragraphs.push(paragraph);
        }
        let mut doc = Doc::new(Article::from_paragraphs(paragraphs));
        dossier_text::annotate(&mut doc);
        let byte = |i: usize, end: bool| {
            let (p, a, b) = places[i];
            doc.paragraphs[p].start() + if end { b } else { a }
        };
        let spans: Vec<(usize, usize, EntityKind)> = self
            .gold
            .iter()
            .filter_map(|(x, y, kind)| {
                let (start, end) = (byte(*x, false), byte(y - 1, true));
                let a = doc.tokens.iter().position(|t| t.span.start() >= start)?;
                let b = doc.tokens.iter().rposition(|t| t.span.end() <= end)?;
                let kind = match kind.as_str() {
                    "PER" => EntityKind::Person,
                    "LOC" => EntityKind::Place,
                    _ => EntityKind::Organization,
                };
                (a <= b).then_some((a, b + 1, kind))
            })
            .collect();
        let labels = dossier_entities::recognizer::labels(doc.tokens.len(), &spans);
        (doc, labels)
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
            docs.push(NameDoc { tokens: Vec::new(), sentence_starts: Vec::new(), gold: Vec::new(), untyped: Vec::new() });
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

/// Reads a CoNLL file of one token per line (its form first, its tag last, split on
/// whitespace) with IO or BIO tags; `kind_of` maps a tag's type to PER, LOC or ORG, or to
/// nothing. `-DOCSTART-` lines, or else every `per_doc` sentences, start a document.
pub fn load_conll(path: &Path, per_doc: usize, kind_of: impl Fn(&str) -> Option<&'static str>) -> Result<Vec<NameDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = vec![NameDoc { tokens: Vec::new(), sentence_starts: Vec::new(), gold: Vec::new(), untyped: Vec::new() }];
    let mut open: Option<(usize, &'static str)> = None;
    let mut in_sentence = false;
    let finish = |doc: &mut NameDoc, open: &mut Option<(usize, &'static str)>| {
        if let Some((start, kind)) = open.take() {
            doc.gold.push((start, doc.tokens.len(), kind.to_string()));
        }
    };
    for line in text.lines() {
        let doc = docs.last_mut().expect("a document is open");
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.first() == Some(&"-DOCSTART-") || cols.is_empty() {
            finish(doc, &mut open);
            in_sentence = false;
            if (cols.first() == Some(&"-DOCSTART-") || doc.sentence_starts.len() >= per_doc) && !doc.tokens.is_empty() {
                docs.push(NameDoc { tokens: Vec::new(), sentence_starts: Vec::new(), gold: Vec::new(), untyped: Vec::new() });
            }
            continue;
        }
        let (form, tag) = (cols[0], cols[cols.len() - 1]);
        if cols.len() < 2 {
            continue;
        }
        if !in_sentence {
            doc.sentence_starts.push(doc.tokens.len());
            in_sentence = true;
        }
        let kind = tag.get(2..).and_then(&kind_of);
        if tag.starts_with("B-") || kind.is_none() || open.is_some_and(|(_, k)| Some(k) != kind) {
            finish(doc, &mut open);
        }
        if let Some(kind) = kind.filter(|_| open.is_none()) {
            open = Some((doc.tokens.len(), kind));
        }
        doc.tokens.push(form.to_string());
    }
    if let Some(doc) = docs.last_mut() {
        finish(doc, &mut open);
    }
    docs.retain(|d| !d.tokens.is_empty());
    Ok(docs)
}

/// MEANTIME's proper-name mentions (`syntactic_type="NAM"`) of people, places and
/// organisations, over the sentences annotated (each file's leading sentences), as
/// documents of MEANTIME's tokens.
pub fn load_meantime(dir: &Path) -> Result<Vec<NameDoc>, String> {
    use crate::timex::{attr, meantime_files, unescape};
    let mut docs = Vec::new();
    for (_, xml) in meantime_files(dir)? {
        let mut doc = NameDoc { tokens: Vec::new(), sentence_starts: Vec::new(), gold: Vec::new(), untyped: Vec::new() };
        let mut index = std::collections::HashMap::new();
        let mut sentence_of = Vec::new();
        for piece in xml.split("<token ").skip(1) {
            let head = piece.split('>').next().unwrap_or("");
            let sentence: usize = attr(head, "sentence").parse().unwrap_or(0);
            if sentence_of.last() != Some(&sentence) {
                doc.sentence_starts.push(doc.tokens.len());
            }
            sentence_of.push(sentence);
            index.insert(attr(head, "t_id"), doc.tokens.len());
            doc.tokens.push(unescape(piece.split('>').nth(1).and_then(|w| w.split("</token").next()).unwrap_or("")));
        }
        // An entity mention's type is its entity's, through REFERS_TO.
        let entity_type: std::collections::HashMap<String, String> = xml
            .split("<ENTITY ")
            .skip(1)
            .map(|piece| piece.split('>').next().unwrap_or(""))
            .map(|head| (attr(head, "m_id"), attr(head, "ent_type")))
            .collect();
        let mut type_of = std::collections::HashMap::new();
        for piece in xml.split("<REFERS_TO ").skip(1) {
            let body = piece.split("</REFERS_TO>").next().unwrap_or("");
            let ids = |tag: &str| body.split(tag).skip(1).map(|t| t.split('"').next().unwrap_or("").to_string()).collect::<Vec<_>>();
            if let Some(kind) = ids("<target m_id=\"").first().and_then(|t| entity_type.get(t)) {
                for source in ids("<source m_id=\"") {
                    type_of.insert(source, kind.clone());
                }
            }
        }
        let mut last_annotated = 0;
        for piece in xml.split("<ENTITY_MENTION ").skip(1) {
            let head = piece.split('>').next().unwrap_or("");
            let body = piece.split("</ENTITY_MENTION>").next().unwrap_or("");
            let tokens: Vec<usize> = body.split("t_id=\"").skip(1).filter_map(|a| index.get(a.split('"').next()?).copied()).collect();
            let (Some(&first), Some(&last)) = (tokens.iter().min(), tokens.iter().max()) else { continue };
            last_annotated = last_annotated.max(sentence_of[last]);
            let kind = type_of.get(&attr(head, "m_id")).map_or("", String::as_str);
            // MEANTIME's names keep their determiner ("the United States"); UNER's, spaCy's
            // and dossier's do not.
            let first = if matches!(doc.tokens[first].as_str(), "the" | "The") && first < last { first + 1 } else { first };
            if attr(head, "syntactic_type") == "NAM" {
                match kind {
                    "PER" | "LOC" | "ORG" => doc.gold.push((first, last + 1, kind.to_string())),
                    "" => doc.untyped.push((first, last + 1)),
                    _ => {}
                }
            }
        }
        // Only the leading sentences are annotated: score those.
        let end = sentence_of.iter().position(|&s| s > last_annotated).unwrap_or(doc.tokens.len());
        doc.tokens.truncate(end);
        doc.sentence_starts.retain(|&s| s < end);
        doc.gold.sort();
        doc.untyped.retain(|&(a, b)| a < end && b <= end);
        docs.push(doc);
    }
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

    /// Writes `text` to a file of this process's own in the temporary folder.
    fn file(name: &str, text: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("names-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join(name);
        std::fs::write(&f, text).unwrap();
        f
    }

    #[test]
    fn reads_conll_io_and_bio_tags() {
        let f = file("x.conll", "-DOCSTART- O\n\nNew I-LOC\nYork I-LOC\nand O\nB B-PER\nC B-PER\nx I-MISC\n\n");
        let kind = |t: &str| match t {
            "LOC" => Some("LOC"),
            "PER" => Some("PER"),
            _ => None,
        };
        let docs = load_conll(&f, 100, kind).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].gold, [(0, 2, "LOC".to_string()), (3, 4, "PER".into()), (4, 5, "PER".into())]);
    }

    #[test]
    fn reads_iob2_spans() {
        let f = file("x.iob2", "# newdoc id = a\n1\tin\tO\n2\ttampa\tB-LOC\n3\tbay\tI-LOC\n4\tJohn\tB-PER\n5\tx\tB-OTH\n\n");
        let docs = load_iob2(&f).unwrap();
        assert_eq!(docs[0].gold, [(1, 3, "LOC".to_string()), (3, 4, "PER".to_string())]);
        let mut s = Score::default();
        s.add(&docs[0].gold, &[(1, 3, "LOC".into()), (3, 4, "ORG".into())]);
        assert_eq!(s.overall().precision, 0.5);
    }
}
