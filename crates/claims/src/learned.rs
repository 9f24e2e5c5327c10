//! The learned cue detector: which words outside the cue lexicon attribute what follows.
//!
//! The rules know a closed list of reporting verbs. Political news attributes with many
//! more words — "wants", "seems", "declined", "shows", "support" — and whether one of them
//! is a cue depends on its neighbours ("the poll shows that …" is; "the shows" is not).
//! An averaged perceptron (the one dossier's taggers share) decides for each candidate
//! word, from the word, its neighbours and what the earlier stages found around it (a
//! name or pronoun before it, a quote around it). The rules then find the source and
//! content of a learned cue exactly as they do for a listed verb, so the learned part
//! widens what is found and the rules keep how it is read.
//!
//! The committed model (`models/cues.bin`) is trained by `cargo run --release -p xtask --
//! train-cues` on PolNeAR train. Its features read what the entity stage found, so it is
//! retrained after the name recognizer.
//!
//! ```
//! use dossier_claims::learned::{candidates, cue_model};
//! use dossier_doc::{Article, Doc};
//! let mut doc = Doc::new(Article::from_paragraphs(vec!["Republicans fear that the nominee will lose.".into()]));
//! dossier_text::annotate(&mut doc);
//! doc.entities = dossier_entities::annotate(&doc);
//! let judged: Vec<(&str, bool)> = candidates(&doc).iter().map(|(k, f)| (doc.token_text(*k), cue_model().is_cue(f))).collect();
//! assert!(judged.contains(&("fear", true)), "{judged:?}");
//! ```

use crate::cues::{is_function_word, is_source_noun, is_verb_cue};
use crate::{Finder, OUTSIDE};
use dossier_doc::{Doc, EntityKind, TokenKind};
use dossier_text::perceptron::{atom, combine, deflate, inflate, shuffled_passes, start_model, suffix, Bytes, Learner, Model, Prehashed};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// A trained cue detector.
pub struct CueModel {
    model: Model<2>,
    /// The words that headed a cue in training (as their word feature): only these are
    /// judged at all. A word never seen as a cue is not one the detector could find, and
    /// skipping the rest (most words) keeps attribution cheap.
    heads: HashSet<u64, BuildHasherDefault<Prehashed>>,
}

/// The feature of the word itself (its [`atom`]), which also keys [`CueModel`]'s heads.
fn word_feature(word: u64) -> u64 {
    combine(1, &[word])
}

/// Where the word's own feature sits among a candidate's features.
const WORD_AT: usize = 1;

/// The detector of the committed model, loaded on first use.
pub fn cue_model() -> &'static CueModel {
    static MODEL: std::sync::OnceLock<CueModel> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| CueModel::from_bytes(include_bytes!("../models/cues.bin")).expect("the committed cue model loads (a test checks it)"))
}

impl CueModel {
    /// How far the candidate with these features scores as a cue above not a cue
    /// (positive: a cue).
    fn margin(&self, features: &[u64]) -> f32 {
        let s = self.model.score(features);
        s[1] - s[0]
    }

    /// Whether the word (its [`atom`]) headed a cue in training, and so is worth judging.
    pub fn may_head(&self, word: u64) -> bool {
        self.heads.contains(&word_feature(word))
    }

    /// Whether the candidate with these features is a cue: its word headed one in
    /// training and it scores as one here.
    pub fn is_cue(&self, features: &[u64]) -> bool {
        features.get(WORD_AT).is_some_and(|w| self.heads.contains(w)) && self.margin(features) > 0.0
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let (mut raw, scale) = start_model(b"CUES3", &[&self.model]);
        self.model.write(scale, &mut raw);
        let mut heads: Vec<u64> = self.heads.iter().copied().collect();
        heads.sort_unstable();
        raw.extend_from_slice(&(heads.len() as u32).to_le_bytes());
        for h in heads {
            raw.extend_from_slice(&h.to_le_bytes());
        }
        deflate(&raw)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<CueModel, String> {
        let raw = inflate(bytes)?;
        let mut bytes = Bytes::new(&raw);
        let scale = bytes.header(b"CUES3", "cue detector")?;
        let model = Model::read(&mut bytes, scale)?;
        let heads = (0..bytes.u32()?).map(|_| bytes.u64()).collect::<Result<_, _>>()?;
        Ok(CueModel { model, heads })
    }
}

/// The candidate words of an annotated document (entities and times found) with their
/// features: what training labels and what [`CueModel::is_cue`] judges.
pub fn candidates(doc: &Doc) -> Vec<(usize, Vec<u64>)> {
    let finder = Finder::new(doc);
    let mut out = Vec::new();
    for range in finder.sentences.iter().cloned() {
        for k in range.clone() {
            if finder.may_be_cue(k, range.start) {
                let mut features = Vec::new();
                finder.cue_features(k, range.clone(), &mut features);
                out.push((k, features));
            }
        }
    }
    out
}

/// Which of a cue's words (lower case) is its head, the word the detector learns: the
/// first past the verb group ("has also said" → "said", "did not respond" → "respond",
/// "don’t know" → "know": the words are split at spaces, so a negative stays whole).
pub fn cue_head(words: &[&str]) -> usize {
    let negative = |w: &str| w.ends_with("n't") || w.ends_with("n’t");
    words.iter().position(|w| !crate::cues::in_verb_group(w) && !negative(w)).unwrap_or(0)
}

/// How many shuffled orders [`train`] averages.
const ORDERS: u64 = 8;

/// Trains a detector on candidates labelled cue (`true`) or not, in `iterations` passes
/// shuffled from `seed`.
pub fn train(examples: &[(Vec<u64>, bool)], iterations: usize, seed: u64) -> CueModel {
    // Trained in several shuffled orders and averaged: a single order's model swings the
    // dev F1 of sources by ±0.003 when the entities it reads change. Eight orders hold the
    // detector's dev F1 to 0.809–0.810 across seeds, where three gave 0.805–0.809.
    let models = (0..ORDERS)
        .map(|o| {
            let mut learner = Learner::<2>::default();
            shuffled_passes(examples.len(), iterations, seed + o, |i| {
                let (features, truth) = &examples[i];
                let guess = learner.guess(features);
                learner.learn(features, usize::from(*truth), guess);
            });
            learner.average()
        })
        .collect();
    let heads = examples.iter().filter(|(_, truth)| *truth).filter_map(|(features, _)| features.get(WORD_AT).copied()).collect();
    CueModel { model: Model::mean(models), heads }
}

impl<'a> Finder<'a> {
    /// Whether token `k` may be a cue: a lower-case word outside names and times, and not a
    /// function word.
    pub(crate) fn may_be_cue(&self, k: usize, start: usize) -> bool {
        let token = &self.doc.tokens[k];
        token.kind == TokenKind::Word
            && self.doc.token_text(k).starts_with(char::is_lowercase)
            && self.mention_at[k].is_none()
            && !self.in_time[k]
            && self.w(k).len() > 2
            && !is_function_word(self.w(k))
            // Someone must be there to speak: just before, or after the cue ("…, said X").
            && (self.speaker_before(k, start).is_some() || k > start && matches!(self.w(k - 1), "," | "”" | "\"" | "’" | "who" | "which" | "that" | "and"))
    }

    /// The nearest name, pronoun or role noun within four words before token `k`.
    fn speaker_before(&self, k: usize, start: usize) -> Option<usize> {
        (start.max(k.saturating_sub(4))..k).rev().find(|&i| matches!(self.word_class(i), "PER" | "ORG" | "LOC" | "PRON" | "ROLE"))
    }

    /// What kind of word token `i` is, for the features: a name's kind, a pronoun, a
    /// role noun, punctuation as itself, or a plain word. Judged once per token: every
    /// candidate asks it of the four words before it.
    pub(crate) fn word_class(&self, i: usize) -> &'a str {
        match self.word_classes.get(i) {
            Some(class) => class.get_or_init(|| self.judge_word_class(i)),
            None => self.judge_word_class(i),
        }
    }

    fn judge_word_class(&self, i: usize) -> &'a str {
        if let Some(e) = self.mention_at.get(i).copied().flatten() {
            return match self.doc.entities[e].kind {
                EntityKind::Person => "PER",
                EntityKind::Organization | EntityKind::Outlet => "ORG",
                _ => "LOC",
            };
        }
        let w = self.lower[i].as_str();
        if matches!(w, "he" | "she" | "they" | "it" | "i" | "we" | "you") {
            "PRON"
        } else if is_source_noun(w) {
            "ROLE"
        } else if self.is_punct(i) || w.is_empty() {
            w
        } else {
            "WORD"
        }
    }

    /// The features of candidate `k` in the sentence `range`, into `out`. Words and word
    /// classes are the tokens' [`atom`]s, hashed once per document; the rest are small
    /// numbers.
    pub(crate) fn cue_features(&self, k: usize, range: std::ops::Range<usize>, out: &mut Vec<u64>) {
        out.clear();
        let inside = |i: isize| usize::try_from(k as isize + i).ok().filter(|j| range.contains(j));
        let at = |i: isize| inside(i).map_or(OUTSIDE, |j| self.atom_at(j, false));
        let class = |i: isize| inside(i).map_or(OUTSIDE, |j| self.atom_at(j, true));
        let w = self.w(k);
        let word = at(0);
        let listed = u64::from(is_verb_cue(w));
        // Who could be speaking, and how far before (0: no one).
        let (speaker, distance) = self.speaker_before(k, range.start).map_or((OUTSIDE, 0), |i| (self.atom_at(i, true), (k - i) as u64));
        let to_end = (range.end - k).min(4) as u64;
        let quoted = u64::from(self.in_quote[k]);
        // A quotation opening just after the word is what it reports.
        let quote_ahead = u64::from((k + 1..(k + 4).min(range.end)).any(|i| matches!(self.w(i), "“" | "\"" | ":")));
        let from_start = match k - range.start {
            0 => 0,
            1 => 1,
            2..=4 => 2,
            5..=9 => 3,
            _ => 4,
        };
        out.extend([
            combine(0, &[]),
            word_feature(word),
            combine(2, &[atom(suffix(w, 3))]),
            combine(3, &[at(-1)]),
            combine(4, &[at(1)]),
            combine(5, &[at(-1), word]),
            combine(6, &[word, at(1)]),
            combine(7, &[at(1), at(2)]),
            combine(8, &[listed]),
            combine(9, &[class(-1)]),
            combine(10, &[class(1)]),
            combine(11, &[speaker, distance]),
            combine(12, &[word, speaker, distance]),
            combine(13, &[quoted, to_end]),
            combine(14, &[word, class(-1)]),
            combine(15, &[atom(suffix(w, 2)), at(1)]),
            combine(16, &[listed, at(1)]),
            combine(17, &[at(-2), at(-1)]),
            combine(18, &[word, to_end]),
            combine(19, &[atom(suffix(w, 4)), class(1)]),
            combine(20, &[quote_ahead, listed]),
            combine(21, &[from_start]),
        ]);
        debug_assert_eq!(out[WORD_AT], word_feature(word));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_loads_and_round_trips() {
        let model = CueModel::from_bytes(include_bytes!("../models/cues.bin")).unwrap();
        let again = CueModel::from_bytes(&model.to_bytes()).unwrap();
        let features = [word_feature(atom("fear")), combine(4, &[atom("that")])];
        assert_eq!(model.margin(&features), again.margin(&features));
        assert!(model.may_head(atom("fear")) && again.may_head(atom("fear")) && !model.may_head(atom("banana")));
        assert!(CueModel::from_bytes(b"not a model").is_err());
    }

    #[test]
    fn a_cue_head_is_past_its_verb_group() {
        assert_eq!(cue_head(&["has", "also", "said"]), 2);
        assert_eq!(cue_head(&["did", "not", "immediately", "respond"]), 3);
        assert_eq!(cue_head(&["according", "to"]), 0);
        // Gold cues are split at spaces: a negative contraction is part of the verb group.
        assert_eq!(cue_head(&["don’t", "know"]), 1);
        assert_eq!(cue_head(&["didn't", "say"]), 1);
    }
}
