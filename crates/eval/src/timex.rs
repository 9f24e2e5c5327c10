//! Time expressions: reading TimeML (TBAQ) and MEANTIME, and the TempEval-3 metrics.
//!
//! Extents are matched strictly (same span) and relaxed (overlapping), one to one in
//! document order; type and value accuracy are over the relaxed matches, and value F1 is
//! value accuracy × relaxed F1. Each document's creation time is its reference date.

use crate::Prf;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Char offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

impl Timex {
    /// Whether the two share at least one character (relaxed extent match).
    pub fn overlaps(&self, other: &Timex) -> bool {
        self.start < other.end && other.start < self.end
    }
}

pub struct TimeDoc {
    pub name: String,
    pub text: String,
    /// The creation date, ISO (YYYY-MM-DD).
    pub dct: String,
    pub gold: Vec<Timex>,
}

pub(crate) fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

pub(crate) fn attr(tag: &str, name: &str) -> String {
    let key = format!("{name}=\"");
    tag.find(&key).map(|i| &tag[i + key.len()..]).and_then(|r| r.split('"').next()).unwrap_or("").to_string()
}

pub(crate) fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// MEANTIME's intra-document annotation files, in path order, with their text.
pub(crate) fn meantime_files(dir: &Path) -> Result<Vec<(PathBuf, String)>, String> {
    let mut paths = Vec::new();
    files(&dir.join("intra-doc_annotation"), "xml", &mut paths);
    paths.sort();
    paths.into_iter().map(|p| std::fs::read_to_string(&p).map(|xml| (p.clone(), xml)).map_err(|e| format!("{}: {e}", p.display()))).collect()
}

/// TimeML files (`*.tml`): the text inside `<TEXT>`, its TIMEX3s, and the DCT.
pub fn load_timeml(dir: &Path) -> Result<Vec<TimeDoc>, String> {
    let mut paths = Vec::new();
    files(dir, "tml", &mut paths);
    paths.sort();
    let mut docs = Vec::new();
    for p in paths {
        let xml = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let dct_tag = xml.find("<DCT>").and_then(|i| xml[i..].find("<TIMEX3").map(|j| &xml[i + j..])).unwrap_or("");
        let dct = attr(dct_tag.split('>').next().unwrap_or(""), "value").chars().take(10).collect();
        let body = xml.find("<TEXT>").and_then(|a| xml.find("</TEXT>").map(|b| &xml[a + 6..b])).unwrap_or("");
        let (text, gold) = strip_inline(body);
        docs.push(TimeDoc { name: p.file_stem().unwrap().to_string_lossy().into(), text, dct, gold });
    }
    Ok(docs)
}

/// Removes inline tags, keeping the TIMEX3 spans in the plain text's char offsets.
fn strip_inline(body: &str) -> (String, Vec<Timex>) {
    let mut text = String::new();
    let mut chars = 0;
    let mut open: Option<(usize, String, String)> = None;
    let mut gold = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        let piece = unescape(&rest[..lt]);
        chars += piece.chars().count();
        text.push_str(&piece);
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g);
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3") {
            open = Some((chars, attr(tag, "type"), attr(tag, "value")));
        } else if tag.starts_with("/TIMEX3") {
            if let Some((start, kind, value)) = open.take() {
                gold.push(Timex { start, end: chars, kind, value });
            }
        }
        rest = &rest[(gt + 1).min(rest.len())..];
    }
    text.push_str(&unescape(rest));
    (text, gold)
}

/// MEANTIME CAT files: tokens joined by spaces (a newline between sentences), TIMEX3
/// markables by their token anchors; the CREATION_TIME timex gives the DCT. MEANTIME
/// annotates only the title and the first sentences of each article, so the text is cut
/// after the last sentence holding any markable: expressions beyond it are not errors.
pub fn load_meantime(dir: &Path) -> Result<Vec<TimeDoc>, String> {
    let mut docs = Vec::new();
    for (p, xml) in meantime_files(dir)? {
        let sentence_of: std::collections::HashMap<String, usize> = xml
            .split("<token ")
            .skip(1)
            .map(|piece| piece.split('>').next().unwrap_or(""))
            .map(|head| (attr(head, "t_id"), attr(head, "sentence").parse().unwrap_or(0)))
            .collect();
        let last_annotated = xml.split("<token_anchor t_id=\"").skip(1).filter_map(|a| sentence_of.get(a.split('"').next()?)).max().copied().unwrap_or(0);
        let mut text = String::new();
        let mut offsets = std::collections::HashMap::new();
        let mut sentence = None;
        for piece in xml.split("<token ").skip(1) {
            let head = piece.split('>').next().unwrap_or("");
            let word = unescape(piece.split('>').nth(1).and_then(|w| w.split("</token").next()).unwrap_or(""));
            let s = attr(head, "sentence");
            if s.parse::<usize>().unwrap_or(0) > last_annotated {
                break;
            }
            if !text.is_empty() {
                text.push(if sentence.as_ref() != Some(&s) { '\n' } else { ' ' });
            }
            sentence = Some(s);
            let start = text.chars().count();
            text.push_str(&word);
            offsets.insert(attr(head, "t_id"), (start, text.chars().count()));
        }
        let mut gold = Vec::new();
        let mut dct = String::new();
        for piece in xml.split("<TIMEX3 ").skip(1) {
            let head = piece.split('>').next().unwrap_or("");
            let body = piece.split("</TIMEX3>").next().unwrap_or("");
            let anchors: Vec<(usize, usize)> = body.split("t_id=\"").skip(1).filter_map(|a| offsets.get(a.split('"').next()?).copied()).collect();
            if attr(head, "functionInDocument") == "CREATION_TIME" {
                dct = attr(head, "value").chars().take(10).collect();
                // One document writes its creation day European style: "03-02-2009".
                if let [d, m, y] = dct.split('-').collect::<Vec<_>>()[..] {
                    if y.len() == 4 && d.len() == 2 {
                        dct = format!("{y}-{m}-{d}");
                    }
                }
            }
            if let (Some(first), Some(last)) = (anchors.iter().map(|a| a.0).min(), anchors.iter().map(|a| a.1).max()) {
                gold.push(Timex { start: first, end: last, kind: attr(head, "type"), value: attr(head, "value") });
            }
        }
        gold.sort_by_key(|t| t.start);
        docs.push(TimeDoc { name: p.file_stem().unwrap().to_string_lossy().into(), text, dct, gold });
    }
    Ok(docs)
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    gold: usize,
    predicted: usize,
    strict: usize,
    relaxed: usize,
    same_type: usize,
    same_value: usize,
}

impl Score {
    pub fn add(&mut self, gold: &[Timex], predicted: &[Timex]) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        let mut used = vec![false; gold.len()];
        for p in predicted {
            let hit = (0..gold.len()).filter(|&g| !used[g] && gold[g].overlaps(p)).min_by_key(|&g| (gold[g].start != p.start || gold[g].end != p.end, g));
            if let Some(g) = hit {
                used[g] = true;
                self.relaxed += 1;
                self.strict += usize::from(gold[g].start == p.start && gold[g].end == p.end);
                self.same_type += usize::from(gold[g].kind == p.kind);
                self.same_value += usize::from(gold[g].value == p.value);
            }
        }
    }

    fn prf(&self, tp: usize) -> Prf {
        Prf::from_counts(tp, self.predicted, self.gold)
    }
    pub fn strict(&self) -> Prf {
        self.prf(self.strict)
    }
    pub fn relaxed(&self) -> Prf {
        self.prf(self.relaxed)
    }
    pub fn type_accuracy(&self) -> f64 {
        self.same_type as f64 / self.relaxed.max(1) as f64
    }
    pub fn value_accuracy(&self) -> f64 {
        self.same_value as f64 / self.relaxed.max(1) as f64
    }
    pub fn value_f1(&self) -> f64 {
        self.value_accuracy() * self.relaxed().f1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_timeml_offsets() {
        let (text, gold) = strip_inline("In <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998-10\">last month</TIMEX3> &amp; now");
        assert_eq!(text, "In last month & now");
        assert_eq!(gold, [Timex { start: 3, end: 13, kind: "DATE".into(), value: "1998-10".into() }]);
    }

    #[test]
    fn strict_relaxed_and_value() {
        let t = |s, e, v: &str| Timex { start: s, end: e, kind: "DATE".into(), value: v.into() };
        let mut score = Score::default();
        score.add(&[t(0, 10, "1998-10"), t(20, 25, "1998")], &[t(0, 10, "1998-10"), t(21, 25, "1999"), t(40, 45, "2000")]);
        assert_eq!((score.strict().recall, score.relaxed().recall), (0.5, 1.0));
        assert_eq!(score.value_accuracy(), 0.5);
    }
}
