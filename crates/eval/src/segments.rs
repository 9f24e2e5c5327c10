//! The trafilatura evaluation metric: hand-picked segments that must or must not be extracted.
//!
//! A "with" segment found in the output (whitespace-normalised substring) is a TP, a
//! missed one an FN; a "without" segment found is an FP, one left out a TN. Counts are
//! pooled over the corpus. Title and author are scored by exact match (whitespace-
//! normalised; several authors joined with "; "), the date at day level, each over the
//! pages whose gold value is non-empty.

use crate::Prf;
use std::path::{Path, PathBuf};

/// One page's annotation.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    pub with: Vec<String>,
    pub without: Vec<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

/// What a system extracted from one page.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub body: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
}

/// Correct out of annotated.
#[derive(Debug, Clone, Copy, Default)]
pub struct Exact {
    pub correct: usize,
    pub total: usize,
}

impl Exact {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.total.max(1) as f64
    }

    /// Whether `got` matches `gold`; `None` when the page has no gold value to match.
    fn judge(gold: Option<&str>, got: Option<&str>) -> Option<bool> {
        gold.filter(|g| !g.trim().is_empty()).map(|gold| got.is_some_and(|g| squash(g) == squash(gold)))
    }

    fn add(&mut self, gold: Option<&str>, got: Option<&str>) {
        if let Some(right) = Exact::judge(gold, got) {
            self.total += 1;
            self.correct += usize::from(right);
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    pub counts: Counts,
    pub title: Exact,
    pub author: Exact,
    pub date: Exact,
}

impl Score {
    pub fn body(&self) -> Prf {
        let c = self.counts;
        Prf::from_counts(c.tp, c.tp + c.fp, c.tp + c.fn_)
    }

    pub fn accuracy(&self) -> f64 {
        let c = self.counts;
        (c.tp + c.tn) as f64 / (c.tp + c.tn + c.fp + c.fn_).max(1) as f64
    }

    /// Adds one page.
    pub fn add(&mut self, gold: &Gold, got: &Extracted) {
        let body = squash(&got.body);
        for segment in &gold.with {
            if body.contains(&squash(segment)) {
                self.counts.tp += 1;
            } else {
                self.counts.fn_ += 1;
            }
        }
        for segment in &gold.without {
            if body.contains(&squash(segment)) {
                self.counts.fp += 1;
            } else {
                self.counts.tn += 1;
            }
        }
        self.title.add(gold.title.as_deref(), got.title.as_deref());
        self.author.add(gold.author.as_deref(), got.author.as_deref());
        self.date.add(gold.date.as_deref().and_then(day), got.date.as_deref().and_then(day));
    }
}

/// What one page misses, as [`Score::add`] judges it (for development): each "with"
/// segment the body lacks, then each field that does not match, as (what, wanted, extracted).
pub fn misses(gold: &Gold, got: &Extracted) -> Vec<(&'static str, String, String)> {
    let body = squash(&got.body);
    let mut out: Vec<(&'static str, String, String)> = gold.with.iter().map(|s| squash(s)).filter(|s| !body.contains(s.as_str())).map(|s| ("with", s, String::new())).collect();
    out.extend(gold.without.iter().map(|s| squash(s)).filter(|s| !s.is_empty() && body.contains(s.as_str())).map(|s| ("without", s, String::new())));
    let fields = [
        ("title", gold.title.as_deref(), got.title.as_deref()),
        ("author", gold.author.as_deref(), got.author.as_deref()),
        ("date", gold.date.as_deref().and_then(day), got.date.as_deref().and_then(day)),
    ];
    for (field, want, have) in fields {
        if Exact::judge(want, have) == Some(false) {
            out.push((field, want.unwrap_or_default().to_string(), have.unwrap_or_default().to_string()));
        }
    }
    out
}

/// A date as scored: its day.
fn day(date: &str) -> Option<&str> {
    date.get(..10)
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The corpus: each page's staged HTML path and its annotation, in `evaldata.json` order.
pub fn load(dir: &Path) -> Result<Vec<(PathBuf, Gold)>, String> {
    let read = |p: PathBuf| std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()));
    let manifest = read(dir.join("manifest.tsv"))?;
    let staged: std::collections::HashMap<&str, &str> =
        manifest.lines().skip(1).filter_map(|l| { let mut c = l.split('\t'); Some((c.next()?, c.next()?)) }).collect();
    let json: serde_json::Value = serde_json::from_str(&read(dir.join("evaldata.json"))?).map_err(|e| format!("evaldata.json: {e}"))?;
    let strings = |v: &serde_json::Value| -> Vec<String> { v.as_array().into_iter().flatten().filter_map(|s| s.as_str().map(str::to_string)).collect() };
    let mut pages = Vec::new();
    for entry in json.as_object().ok_or("evaldata.json is not an object")?.values() {
        let file = entry["file"].as_str().unwrap_or_default();
        let Some(path) = staged.get(file) else { return Err(format!("{file}: not in manifest.tsv")) };
        // A field may be a string or a list (several authors): a list is joined with "; ".
        let text = |k: &str| match &entry[k] {
            serde_json::Value::Array(items) => Some(items.iter().filter_map(|i| i.as_str()).collect::<Vec<_>>().join("; ")),
            v => v.as_str().map(str::to_string),
        }
        .filter(|s| !s.is_empty());
        pages.push((
            dir.join(path),
            Gold { with: strings(&entry["with"]), without: strings(&entry["without"]), title: text("title"), author: text("author"), date: text("date") },
        ));
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pooled_counts_and_exact_metadata() {
        let gold = Gold {
            with: vec!["main  text".into(), "missing".into()],
            without: vec!["Impressum".into(), "menu".into()],
            title: Some("A Title".into()),
            author: Some("Jane Doe; John Roe".into()),
            date: Some("2019-08-02".into()),
        };
        let got = Extracted {
            body: "The main\ntext and the menu".into(),
            title: Some(" A  Title".into()),
            author: Some("Jane Doe".into()),
            date: Some("2019-08-02T10:00:00+02:00".into()),
        };
        let mut score = Score::default();
        score.add(&gold, &got);
        let c = score.counts;
        assert_eq!((c.tp, c.fn_, c.fp, c.tn), (1, 1, 1, 1));
        assert_eq!((score.title.correct, score.author.correct, score.date.correct), (1, 0, 1));
        assert_eq!(score.body().f1, 0.5);
    }
}
