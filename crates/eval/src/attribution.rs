//! PolNeAR: reading its brat standoff and scoring attributions.
//!
//! Each gold attribution has a source, a cue and a content, each a possibly
//! discontinuous set of code-point ranges (`a b;c d`). Documents annotated by several
//! annotators are read from the lexicographically first file. Scores, per role:
//! exact-span P/R/F1 (a predicted span set equal to a gold one) and token-overlap P/R/F1
//! (whitespace tokens covered, pooled over the corpus); and relation-level F1, where a
//! predicted attribution matches a gold one when their contents overlap with a Dice
//! coefficient of at least 0.5 over tokens and their sources overlap (or both are
//! empty), one to one: the maximum matching (Kuhn's augmenting paths), which has the
//! size of a Hungarian assignment over the pairs that qualify.

use crate::Prf;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Code-point ranges of one role; empty when the role is absent.
pub type Spans = Vec<(usize, usize)>;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub source: Spans,
    pub cue: Spans,
    pub content: Spans,
}

/// One document: its text and its gold attributions.
pub struct Document {
    pub name: String,
    pub text: String,
    pub gold: Vec<Attribution>,
}

/// A content span of dossier's (code points of `original`) as PolNeAR writes it: PolNeAR's
/// contents keep their quote marks and a leading "that"; dossier's do not.
pub fn polnear_content(original: &[char], (mut a, mut b): (usize, usize)) -> (usize, usize) {
    let is_quote = |c: char| matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’');
    // (NYT writes a quote between doubled apostrophes: ''…''.)
    for _ in 0..2 {
        if a > 0 && is_quote(original[a - 1]) {
            a -= 1;
        }
    }
    let before: String = original[a.saturating_sub(6)..a].iter().collect();
    if before.ends_with("that ") {
        a -= 5;
    } else if before == "that, " {
        a -= 6;
    }
    let mut k = b;
    while k < original.len() && k < b + 3 && (matches!(original[k], '.' | ',' | '!' | '?') || is_quote(original[k])) {
        k += 1;
    }
    if original[b..k].iter().any(|&c| is_quote(c)) {
        b = k;
    }
    (a, b)
}

/// A content (code-point ranges of `original`) as PolNeAR writes it beside its `cue`:
/// PolNeAR's content never holds its cue (0 of 19,831 train attributions do), so a content
/// around its cue ("Obama’s veto is expected to come …") is the two pieces either side of
/// it, without the spaces next to the cue.
pub fn around_cue(original: &[char], content: Spans, cue: &Spans) -> Spans {
    content
        .into_iter()
        .flat_map(|(a, b)| match cue.first().copied().filter(|&(ca, cb)| a < ca && cb < b) {
            Some((ca, cb)) => {
                let mut end = ca;
                while end > a && original[end - 1].is_whitespace() {
                    end -= 1;
                }
                let mut start = cb;
                while start < b && original[start].is_whitespace() {
                    start += 1;
                }
                vec![(a, end), (start, b)]
            }
            None => vec![(a, b)],
        })
        .filter(|(a, b)| a < b)
        .collect()
}

/// A source (code-point ranges of `original`) as PolNeAR writes it for a `cue` inside a
/// relative clause: the relative pronoun ("Trump, who has said …": "who"; 567 of the 581
/// such sources in train), where dossier's is its antecedent. It applies when only the
/// pronoun and up to three words (an auxiliary, an adverb) stand between source and cue.
pub fn relative_pronoun_source(original: &[char], source: Spans, cue: &Spans) -> Spans {
    let (Some(&(_, b)), Some(&(cue_start, _))) = (source.last(), cue.first()) else { return source };
    if b >= cue_start {
        return source;
    }
    let between: String = original[b..cue_start].iter().collect();
    let words: Vec<&str> = between.trim_start_matches([',', ' ', '-', '—', '–']).split_whitespace().collect();
    if !(1..=4).contains(&words.len()) || !matches!(words[0].to_lowercase().as_str(), "who" | "which" | "that") {
        return source;
    }
    let at = cue_start - between.chars().count() + between.find(words[0]).map_or(0, |i| between[..i].chars().count());
    vec![(at, at + words[0].chars().count())]
}

/// Reads `DIR/text/*.txt` and, for each, the first `DIR/attributions/<doc>_*.ann`.
pub fn load(split: &Path) -> Result<Vec<Document>, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut anns: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    let dir = split.join("attributions");
    let mut files: Vec<_> = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for f in files {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        if let Some((doc, _annotator)) = name.rsplit_once('_') {
            anns.entry(doc.to_string()).or_insert(f);
        }
    }
    let mut docs = Vec::new();
    for (name, ann) in anns {
        let text = read(&split.join("text").join(format!("{name}.txt")))?;
        docs.push(Document { name, gold: parse_ann(&read(&ann)?), text });
    }
    Ok(docs)
}

/// Parses brat standoff: T lines give spans, E lines tie them into attributions.
pub fn parse_ann(ann: &str) -> Vec<Attribution> {
    let mut spans: BTreeMap<&str, Spans> = BTreeMap::new();
    let mut out = Vec::new();
    for line in ann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 2 && cols[0].starts_with('T') {
            let ranges = cols[1].split_once(' ').map_or("", |(_, r)| r);
            let parsed = ranges
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    Some((a.parse().ok()?, b.parse().ok()?))
                })
                .collect();
            spans.insert(cols[0], parsed);
        }
    }
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let mut a = Attribution::default();
        for part in line.split('\t').nth(1).unwrap_or("").split_whitespace() {
            let Some((role, id)) = part.split_once(':') else { continue };
            let s = spans.get(id).cloned().unwrap_or_default();
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Source" => a.source.extend(s),
                "Cue" => a.cue.extend(s),
                "Content" => a.content.extend(s),
                _ => {}
            }
        }
        for role in [&mut a.source, &mut a.cue, &mut a.content] {
            role.sort();
        }
        out.push(a);
    }
    out
}

/// Whitespace-token index ranges of a text, by code points.
pub fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.chars().count()));
    }
    out
}

/// The tokens (by index) that a set of ranges touches.
fn covered(spans: &Spans, toks: &[(usize, usize)]) -> HashSet<usize> {
    toks.iter().enumerate().filter(|(_, &(s, e))| spans.iter().any(|&(a, b)| s < b && a < e)).map(|(i, _)| i).collect()
}

#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    tp: f64,
    predicted: f64,
    gold: f64,
}

impl Counts {
    fn prf(&self) -> Prf {
        Prf::new(self.tp / self.predicted.max(1.0), self.tp / self.gold.max(1.0))
    }
}

/// The scores of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Score {
    exact: [Counts; 3],
    overlap: [Counts; 3],
    relations: Counts,
}

pub const ROLES: [&str; 3] = ["source", "cue", "content"];

impl Score {
    pub fn exact(&self, role: usize) -> Prf {
        self.exact[role].prf()
    }
    pub fn overlap(&self, role: usize) -> Prf {
        self.overlap[role].prf()
    }
    pub fn relations(&self) -> Prf {
        self.relations.prf()
    }

    /// Adds one document's predictions.
    pub fn add(&mut self, text: &str, gold: &[Attribution], predicted: &[Attribution]) {
        let toks = tokens(text);
        let role = |a: &Attribution, r: usize| -> Spans { [&a.source, &a.cue, &a.content][r].clone() };
        for r in 0..3 {
            let g: Vec<Spans> = gold.iter().map(|a| role(a, r)).filter(|s| !s.is_empty()).collect();
            let p: Vec<Spans> = predicted.iter().map(|a| role(a, r)).filter(|s| !s.is_empty()).collect();
            let mut unmatched = g.clone();
            let mut tp = 0.0;
            for spans in &p {
                if let Some(i) = unmatched.iter().position(|x| x == spans) {
                    unmatched.remove(i);
                    tp += 1.0;
                }
            }
            self.exact[r].tp += tp;
            self.exact[r].predicted += p.len() as f64;
            self.exact[r].gold += g.len() as f64;
            let gt: HashSet<usize> = g.iter().flat_map(|s| covered(s, &toks)).collect();
            let pt: HashSet<usize> = p.iter().flat_map(|s| covered(s, &toks)).collect();
            self.overlap[r].tp += gt.intersection(&pt).count() as f64;
            self.overlap[r].predicted += pt.len() as f64;
            self.overlap[r].gold += gt.len() as f64;
        }
        // Relations: which predicted-gold pairs qualify, then a maximum one-to-one matching.
        let qualifies = |p: &Attribution, g: &Attribution| {
            let (pc, gc) = (covered(&p.content, &toks), covered(&g.content, &toks));
            let dice = 2.0 * pc.intersection(&gc).count() as f64 / (pc.len() + gc.len()).max(1) as f64;
            let sources = match (p.source.is_empty(), g.source.is_empty()) {
                (true, true) => true,
                (false, false) => !covered(&p.source, &toks).is_disjoint(&covered(&g.source, &toks)),
                _ => false,
            };
            dice >= 0.5 && sources
        };
        let edges: Vec<Vec<usize>> = predicted.iter().map(|p| (0..gold.len()).filter(|&g| qualifies(p, &gold[g])).collect()).collect();
        self.relations.tp += max_matching(&edges, gold.len()) as f64;
        self.relations.predicted += predicted.len() as f64;
        self.relations.gold += gold.len() as f64;
    }
}

/// The size of a maximum bipartite matching (Kuhn's algorithm).
fn max_matching(edges: &[Vec<usize>], right: usize) -> usize {
    fn augment(u: usize, edges: &[Vec<usize>], seen: &mut [bool], owner: &mut [Option<usize>]) -> bool {
        for &v in &edges[u] {
            if !seen[v] {
                seen[v] = true;
                if owner[v].is_none_or(|w| augment(w, edges, seen, owner)) {
                    owner[v] = Some(u);
                    return true;
                }
            }
        }
        false
    }
    let mut owner = vec![None; right];
    (0..edges.len()).filter(|&u| augment(u, edges, &mut vec![false; right], &mut owner)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_brat_with_discontinuous_spans() {
        let ann = "T1\tSource 0 3\tHe\nT2\tCue 4 8\tsaid\nT3\tContent 9 12;20 25\tfoo bar\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
        let a = parse_ann(ann);
        assert_eq!(a, [Attribution { source: vec![(0, 3)], cue: vec![(4, 8)], content: vec![(9, 12), (20, 25)] }]);
    }

    #[test]
    fn a_content_around_its_cue_and_a_relative_source_are_written_as_polnear_does() {
        let text: Vec<char> = "Trump, who has said the veto is expected to come soon.".chars().collect();
        let find = |s: &str| {
            let at = text.iter().collect::<String>().find(s).unwrap();
            let at = text.iter().collect::<String>()[..at].chars().count();
            (at, at + s.chars().count())
        };
        let (said, expected) = (vec![find("said")], vec![find("expected")]);
        assert_eq!(around_cue(&text, vec![find("the veto is expected to come soon")], &expected), [find("the veto is"), find("to come soon")]);
        assert_eq!(around_cue(&text, vec![find("the veto")], &expected), [find("the veto")]);
        assert_eq!(relative_pronoun_source(&text, vec![find("Trump")], &said), [find("who")]);
        assert_eq!(relative_pronoun_source(&text, vec![find("has")], &said), [find("has")], "no pronoun between");
    }

    #[test]
    fn relation_matching_is_one_to_one() {
        let text = "Officials said the army left the city on Friday .";
        let gold = vec![Attribution { source: vec![(0, 9)], cue: vec![(10, 14)], content: vec![(15, 47)] }];
        let twice = vec![gold[0].clone(), gold[0].clone()];
        let mut score = Score::default();
        score.add(text, &gold, &twice);
        assert_eq!(score.relations().recall, 1.0);
        assert_eq!(score.relations().precision, 0.5);
        assert_eq!(score.exact(1).f1, 2.0 * 0.5 / 1.5);
    }
}
