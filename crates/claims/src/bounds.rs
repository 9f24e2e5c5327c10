//! The learned content bounds: where a claim's content starts and where it ends.
//!
//! The rules find a claim and a first guess of its content; what they miss is the long
//! tail of edges — an object before the content ("hailed Trump as …"), a trailing
//! remark after it, a "that" that belongs or not. For each edge of a rule-found content,
//! the token boundaries within [`WINDOW`] tokens of the rules' edge are ranked by an
//! averaged perceptron (the one dossier's taggers share) from the words and word classes
//! around each boundary, its distance from the rules' edge and from the cue, and the cue
//! word; the best-ranked boundary wins.
//!
//! **Key decision: the rules' edge is one candidate among the others, marked as such.**
//! The ranker learns how far to trust the rules, edge by edge, instead of replacing
//! them: where the features say nothing, the rules' edge keeps the highest score, so the
//! learned part only moves an edge where training saw the rules wrong in that context.
//! Quoted contents keep the quotation's own edges, a content around its cue keeps its
//! subject's start, and a moved edge never crosses the cue or the source, outwards or
//! inwards, nor splits a figure or a date.
//!
//! The committed model (`models/bounds.bin`) is trained by `cargo run --release -p xtask
//! -- train-bounds` on PolNeAR train, after the cue detector, from the contents the rules
//! find there. Where PolNeAR's edge takes in what dossier leaves out (a leading "that",
//! quote marks), the innermost boundary that gives it is the one learned.

use crate::{Finder, OUTSIDE};
use dossier_doc::{Claim, Doc, Span};
use dossier_text::perceptron::{combine, read_single_model, shuffled_passes, single_model_bytes, Learner, Model};

/// How many tokens an edge may move either way.
pub const WINDOW: usize = 4;

/// Which edge of a content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The first token of the content.
    Start,
    /// One past the last token.
    End,
}

/// A trained ranker of content edges.
pub struct BoundsModel {
    model: Model<2>,
}

/// The ranker of the committed model, loaded on first use.
pub fn bounds_model() -> &'static BoundsModel {
    static MODEL: std::sync::OnceLock<BoundsModel> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| BoundsModel::from_bytes(include_bytes!("../models/bounds.bin")).expect("the committed bounds model loads (a test checks it)"))
}

impl BoundsModel {
    fn score(&self, features: &[u64]) -> f32 {
        margin(self.model.score(features))
    }

    /// The index of the best-ranked of the candidates whose features are `candidates`
    /// (the first among equals).
    pub fn best(&self, candidates: &[Vec<u64>]) -> Option<usize> {
        let mut best = Best::default();
        for (i, features) in candidates.iter().enumerate() {
            best.offer(i, self.score(features));
        }
        best.at()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        single_model_bytes(b"BOUNDS1", &self.model)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<BoundsModel, String> {
        Ok(BoundsModel { model: read_single_model(bytes, b"BOUNDS1", "content bounds")? })
    }
}

/// Moves each edge of each claim's content (found by the rules) to the boundary the
/// ranker prefers.
pub(crate) fn refine(finder: &Finder, claims: &mut [Claim], model: &BoundsModel) {
    let edges = Edges::new(finder);
    for claim in claims {
        let Some(mut parts) = edges.parts(claim) else { continue };
        for edge in [Edge::Start, Edge::End] {
            let mut best = Best::default();
            edges.each_candidate(&parts, edge, |at, features| best.offer(at, model.score(features)));
            if let Some(token) = best.at() {
                match edge {
                    Edge::Start => parts.content.start = token,
                    Edge::End => parts.content.end = token,
                }
                claim.content = finder.span(parts.content.start, parts.content.end);
            }
        }
    }
}

/// A candidate boundary (a token index) and its features.
pub type Candidate = (usize, Vec<u64>);

/// The candidate boundaries of both edges (start, then end) of each of `claims`' contents
/// (token indexes: the first token for a start, one past the last for an end) with their
/// features; empty for an edge that is not the ranker's to move (a quotation, a claim in
/// the outlet's own voice). The document is read once for all its claims.
pub fn edge_candidates(doc: &Doc, claims: &[Claim]) -> Vec<[Vec<Candidate>; 2]> {
    let finder = Finder::new(doc);
    let edges = Edges::new(&finder);
    claims
        .iter()
        .map(|claim| {
            [Edge::Start, Edge::End].map(|edge| {
                let mut out = Vec::new();
                if let Some(parts) = edges.parts(claim) {
                    edges.each_candidate(&parts, edge, |at, features| out.push((at, features.to_vec())));
                }
                out
            })
        })
        .collect()
}

/// Trains a ranker on edges: each example is its candidates' features with which of them
/// are right (an edge with none right is skipped), in `iterations` passes shuffled from `seed`.
pub fn train(examples: &[(Vec<Vec<u64>>, Vec<bool>)], iterations: usize, seed: u64) -> BoundsModel {
    // Trained in several shuffled orders and averaged, as the cue detector is: one order's
    // ranker moved dev content F1 by ±0.003 from retrain to retrain.
    let models: Vec<Model<2>> = (0..ORDERS).map(|o| train_order(examples, iterations, seed + o)).collect();
    BoundsModel { model: Model::mean(models) }
}

/// How many shuffled orders [`train`] averages.
const ORDERS: u64 = 3;

/// The ranker trained in one shuffled order.
fn train_order(examples: &[(Vec<Vec<u64>>, Vec<bool>)], iterations: usize, seed: u64) -> Model<2> {
    let mut learner = Learner::<2>::default();
    shuffled_passes(examples.len(), iterations, seed, |i| {
        let (candidates, right) = &examples[i];
        let best = |only_right: bool| {
            let mut best = Best::default();
            for k in (0..candidates.len()).filter(|&k| !only_right || right[k]) {
                best.offer(k, margin(learner.score(&candidates[k])));
            }
            best.at()
        };
        let (Some(guess), Some(truth)) = (best(false), best(true)) else { return };
        if !right[guess] {
            // A ranking step: the right boundary's features up, the guess's down.
            learner.learn(&candidates[truth], 1, 0);
            learner.learn(&candidates[guess], 0, 1);
        }
    });
    learner.average()
}

/// How far a boundary's features score it as an edge above not one: the ranking score.
fn margin(scores: [f32; 2]) -> f32 {
    scores[1] - scores[0]
}

/// The highest-scoring of the candidates offered, the first among equals.
#[derive(Default)]
struct Best(Option<(usize, f32)>);

impl Best {
    fn offer(&mut self, at: usize, score: f32) {
        if self.0.is_none_or(|(_, best)| score > best) {
            self.0 = Some((at, score));
        }
    }

    fn at(&self) -> Option<usize> {
        self.0.map(|(at, _)| at)
    }
}

/// The token ranges of a claim's parts, as [`Edges::each_candidate`] reads them.
struct Parts {
    content: std::ops::Range<usize>,
    cue: std::ops::Range<usize>,
    source: Option<std::ops::Range<usize>>,
    paragraph: std::ops::Range<usize>,
}

/// What the edges of one document's contents are judged with.
struct Edges<'f, 'a> {
    finder: &'f Finder<'a>,
    /// Whether a boundary at each token (before it; one more for the end) is a sentence's
    /// edge, or falls just before its closing punctuation.
    sentence_edge: Vec<bool>,
    /// Whether a boundary before each token would split a figure or a date ("said up | to
    /// 19 violations"): no edge goes there.
    splits: Vec<bool>,
}

impl<'f, 'a> Edges<'f, 'a> {
    fn new(finder: &'f Finder<'a>) -> Edges<'f, 'a> {
        let doc = finder.doc;
        let mut sentence_edge = vec![false; doc.tokens.len() + 1];
        for r in finder.sentences.iter().cloned() {
            sentence_edge[r.start] = true;
            sentence_edge[r.end] = true;
            if r.end > r.start && finder.is_punct(r.end - 1) {
                sentence_edge[r.end - 1] = true;
            }
        }
        let mut splits = vec![false; doc.tokens.len() + 1];
        let spans: Vec<Span> = doc.quantities.iter().map(|q| q.span).chain(doc.times.iter().map(|t| t.span)).collect();
        for r in doc.token_ranges(&spans) {
            for split in splits.iter_mut().take(r.end).skip(r.start + 1) {
                *split = true;
            }
        }
        Edges { finder, sentence_edge, splits }
    }

    /// The hash of token `i`'s word, or of its class, or [`OUTSIDE`] past the document.
    fn hashed(&self, i: isize, class: bool) -> u64 {
        match usize::try_from(i) {
            Ok(i) if i < self.finder.doc.tokens.len() => self.finder.atom_at(i, class),
            _ => OUTSIDE,
        }
    }

    fn is_punct(&self, i: usize) -> bool {
        self.finder.is_punct(i)
    }

    /// The token ranges of `claim`'s parts, read once for both its edges; `None` when
    /// neither edge is the ranker's to move (see [`edge_candidates`]).
    fn parts(&self, claim: &Claim) -> Option<Parts> {
        let cue = claim.cue?;
        if claim.quoted || claim.content.is_empty() {
            return None;
        }
        let doc = self.finder.doc;
        Some(Parts {
            content: doc.token_range(claim.content),
            cue: doc.token_range(cue),
            source: claim.source.as_ref().map(|s| doc.token_range(s.span)),
            paragraph: self.finder.paragraph_tokens(doc.token_at_or_after(claim.content.start()))?,
        })
    }

    /// Calls `each` with every candidate boundary of `edge` of a claim with these `parts`,
    /// and its features (see [`edge_candidates`]).
    fn each_candidate(&self, parts: &Parts, edge: Edge, mut each: impl FnMut(usize, &[u64])) {
        let Parts { content, cue: cue_tokens, source: source_tokens, paragraph } = parts;
        let (first, end) = (content.start, content.end);
        // The content may not take in the cue or the source.
        let blocked = |i: usize| cue_tokens.contains(&i) || source_tokens.as_ref().is_some_and(|s| s.contains(&i));
        let after_cue = first >= cue_tokens.end;
        // A content around its cue ("The fund is reportedly pushing for a sale") opens with
        // its subject, where the rules put it.
        if edge == Edge::Start && first < cue_tokens.start && cue_tokens.end <= end {
            return;
        }
        let cue_word = self.hashed(cue_tokens.end as isize - 1, false);
        let rule = match edge {
            Edge::Start => first,
            Edge::End => end,
        };
        for at in rule.saturating_sub(WINDOW)..=rule + WINDOW {
            let (from, to) = match edge {
                Edge::Start => (at, end),
                Edge::End => (first, at),
            };
            // A content of at least two tokens, inside its paragraph, with no punctuation
            // at its edges (as the rules trim it).
            if from + 2 > to || from < paragraph.start || to > paragraph.end || self.is_punct(from) || self.is_punct(to - 1) || self.splits[at] {
                continue;
            }
            // Neither way across the cue or the source: a content around its cue ("Moscow is
            // expected to deny …") keeps it. Nor past a gerund right after its cue, which
            // heads what is said ("deny persecuting the press").
            let crossed = (at.min(rule)..at.max(rule)).any(blocked);
            let gerund = edge == Edge::Start && at > rule && rule == cue_tokens.end && self.finder.w(rule).len() > 4 && self.finder.w(rule).ends_with("ing");
            if crossed || gerund {
                continue;
            }
            each(at, &self.edge_features(edge, at, rule, after_cue, cue_word, cue_tokens));
        }
    }

    /// The features of a boundary at token `at` (before the token `at`) for `edge`.
    fn edge_features(&self, edge: Edge, at: usize, rule: usize, after_cue: bool, cue_word: u64, cue: &std::ops::Range<usize>) -> [u64; FEATURES] {
        let side = match (edge, after_cue) {
            (Edge::Start, true) => 0,
            (Edge::Start, false) => 1,
            (Edge::End, true) => 2,
            (Edge::End, false) => 3,
        };
        let offset = (at + WINDOW - rule) as u64;
        let word = |i: isize| self.hashed(i, false);
        let class = |i: isize| self.hashed(i, true);
        let (before, after) = (at as isize - 1, at as isize);
        // How far the boundary is from the cue, in a few steps: 0, 1, 2, 3, 4-7, 8 or more.
        let gap = if after_cue { at.saturating_sub(cue.end) } else { cue.start.saturating_sub(at) };
        let gap = [0, 1, 2, 3, 4, 4, 4, 4, 5][gap.min(8)];
        let sentence_edge = u64::from(self.sentence_edge.get(at).copied().unwrap_or(false));
        let at_rule = u64::from(at == rule);
        [
            combine(1, &[side, at_rule]),
            combine(2, &[side, offset]),
            combine(3, &[side, word(before)]),
            combine(4, &[side, word(after)]),
            combine(5, &[side, word(before), word(after)]),
            combine(6, &[side, class(before), class(after)]),
            combine(7, &[side, word(before - 1), word(before)]),
            combine(8, &[side, word(after), word(after + 1)]),
            combine(9, &[side, offset, word(before)]),
            combine(10, &[side, offset, word(after)]),
            combine(11, &[side, cue_word, offset]),
            combine(12, &[side, gap]),
            combine(13, &[side, gap, word(after)]),
            combine(14, &[side, sentence_edge, at_rule]),
            combine(15, &[side, at_rule, class(before), class(after)]),
            combine(16, &[side, at_rule, word(after)]),
            combine(17, &[side, at_rule, word(before)]),
        ]
    }
}

/// How many features a boundary has.
const FEATURES: usize = 17;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_loads_and_keeps_a_plain_content() {
        let model = BoundsModel::from_bytes(include_bytes!("../models/bounds.bin")).unwrap();
        let bytes = model.to_bytes();
        assert!(BoundsModel::from_bytes(&bytes).is_ok());
        let mut doc = Doc::new(dossier_doc::Article::from_paragraphs(vec!["The ministry said on Friday that six ships sank near the port.".into()]));
        dossier_text::annotate(&mut doc);
        doc.entities = dossier_entities::annotate(&doc);
        let claims = crate::annotate(&doc);
        assert_eq!(doc.slice(claims[0].content), "six ships sank near the port");
    }

    #[test]
    fn no_candidate_takes_in_the_cue_or_the_source_or_leaves_the_paragraph() {
        let text = ["Six ships sank near the port, the ministry said on Friday, citing its own records.", "Another paragraph follows."];
        let mut doc = Doc::new(dossier_doc::Article::from_paragraphs(text.iter().map(|t| t.to_string()).collect()));
        dossier_text::annotate(&mut doc);
        doc.entities = dossier_entities::annotate(&doc);
        let claims = crate::annotate_with(&doc, None);
        let index = claims.iter().position(|c| c.cue.is_some()).unwrap();
        let claim = &claims[index];
        let both = edge_candidates(&doc, &claims);
        let (cue, source) = (doc.token_range(claim.cue.unwrap()), doc.token_range(claim.source.as_ref().unwrap().span));
        let paragraph = doc.token_range(doc.paragraphs[0]);
        let content = doc.token_range(claim.content);
        for (edge, candidates) in [Edge::Start, Edge::End].into_iter().zip(both[index].clone()) {
            assert!(candidates.iter().any(|(at, _)| *at == if edge == Edge::Start { content.start } else { content.end }), "the rules' edge is a candidate");
            for (at, _) in candidates {
                let (from, to) = if edge == Edge::Start { (at, content.end) } else { (content.start, at) };
                assert!(paragraph.start <= from && to <= paragraph.end && from + 2 <= to);
                assert!((from..to).all(|i| !cue.contains(&i) && !source.contains(&i)), "{edge:?} at {at}");
            }
        }
    }
}
