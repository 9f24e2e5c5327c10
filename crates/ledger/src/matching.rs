//! When two claims are the same claim, and how two figures of one measured thing relate.
//!
//! A claim's *terms* are the stems of its content words plus the keys of the entities it
//! names. Two claims say the same thing when most of the smaller one's terms are shared
//! (the overlap coefficient, so a short retelling matches its longer original) and at
//! least three terms are — one shared name and a verb is not a claim.

use crate::filing::Bounds;
use std::collections::BTreeSet;

/// Share of the smaller claim's terms (by weight) that must be shared for the same claim.
pub const SAME_CLAIM: f64 = 0.5;
/// Share at which two claims with no figure to compare restate one another.
pub const CLOSE: f64 = 0.75;
const MIN_SHARED: usize = 3;

/// Words that carry no claim: function words, reporting verbs, and the vaguest nouns.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being", "but", "by", "can", "could", "did",
    "do", "does", "during", "each", "for", "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "may", "might", "more", "most", "much", "must", "no", "nor", "not", "of", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "said",
    "say", "says", "saying", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "would", "you", "your", "told", "according", "reported", "reportedly", "added", "claimed", "stated", "believed", "believe", "estimated", "week",
    "year", "month", "day", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "next", "now", "yet", "still", "just",
    "s", "t", "new", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "least", "up", "around", "nearly", "almost", "approximately",
    "near", "outside", "inside", "across", "among", "amid", "between", "within", "without", "towards", "toward", "per", "via", "despite", "since",
    "behind", "beyond", "along", "off", "onto", "upon", "down", "above", "below", "because", "although", "though", "whether", "again", "already",
    "even", "ever", "far", "less", "many", "few", "fewer", "several", "same", "both", "either", "another", "us", "me", "my", "mine", "ours", "theirs",
];

/// A crude stem: enough to equate "shells"/"shell", "supplied"/"supplies"/"supply".
fn stem(word: &str) -> String {
    let w = word;
    for (suffix, replacement) in [("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= 3 && !(suffix == "s" && base.ends_with('s')) {
                // "cutting" → "cut", "stopped" → "stop" (but "called" → "call").
                let mut tail = base.chars().rev();
                let doubled = matches!(suffix, "ing" | "ed") && tail.next().zip(tail.next()).is_some_and(|(a, b)| a == b && !"lsz".contains(a) && !"aeiou".contains(a));
                let base = if doubled { &base[..base.len() - 1] } else { base };
                return format!("{base}{replacement}");
            }
        }
    }
    w.to_string()
}

/// The terms of a claim: content-word stems and `@`-prefixed entity keys, sorted, unique.
/// Words of the entities' own mentions (`names`) are left to the keys, so a name counts once.
///
/// ```
/// let t = dossier_ledger::matching::terms("Pyongyang supplied half of the shells", &["place:north-korea"], &["Pyongyang"]);
/// assert_eq!(t, ["@place:north-korea", "half", "shell", "supply"]);
/// ```
pub fn terms(content: &str, entity_keys: &[&str], names: &[&str]) -> Vec<String> {
    let name_words: Vec<String> = names.iter().flat_map(|n| words(n)).collect();
    let mut terms: BTreeSet<String> = words(content)
        .filter(|w| !STOPWORDS.contains(&w.as_str()) && !name_words.contains(w))
        .map(|w| stem(&w))
        .collect();
    terms.extend(entity_keys.iter().map(|k| format!("@{k}")));
    terms.into_iter().collect()
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().any(char::is_alphabetic)).map(str::to_lowercase)
}

/// Whether the content itself says no ("will not close", "never", "no evidence").
///
/// ```
/// use dossier_ledger::matching::negated;
/// assert!(negated("Vantor Systems will not close its plant"));
/// assert!(negated("the army didn't retreat"));
/// assert!(!negated("Vantor Systems will close its plant, notably in Eindhoven"));
/// assert!(!negated("the fire burned no more than 1,500 hectares"));
/// ```
pub fn negated(content: &str) -> bool {
    let words: Vec<String> = content.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.iter().enumerate().any(|(i, w)| {
        // "no more than 1,500" bounds a figure; it denies nothing.
        let bound = w == "no" && words.get(i + 1).is_some_and(|n| matches!(n.as_str(), "more" | "fewer" | "less" | "later" | "earlier" | "sooner"));
        !bound && (matches!(w.as_str(), "not" | "never" | "no" | "none" | "nobody" | "nothing" | "neither" | "nor" | "cannot") || w.ends_with("n't") || w.ends_with("n\u{2019}t"))
    })
}

/// Whether two sorted term lists share enough terms for [`similarity`] to be above 0:
/// a cheap test that spares weighing most candidates.
pub fn may_match(a: &[String], b: &[String]) -> bool {
    a.iter().filter(|t| b.binary_search(t).is_ok()).count() >= MIN_SHARED
}

/// How much two claims' terms overlap, by weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// The shared terms' weight over the smaller list's weight (the overlap coefficient):
    /// a retelling that drops words is still the same claim.
    pub of_smaller: f64,
    /// The shared terms' weight over the larger list's: how much of *both* claims the
    /// shared words are. A short claim inside a long one on another matter scores high
    /// above and low here.
    pub of_larger: f64,
}

/// The weighted overlap of two sorted term lists; none when fewer than three terms are
/// shared (so a claim of one or two words links to nothing), or when both name entities
/// and share none (different events told in similar words).
pub fn similarity(a: &[String], b: &[String], weight: impl Fn(&str) -> f64) -> Overlap {
    const NONE: Overlap = Overlap { of_smaller: 0.0, of_larger: 0.0 };
    let shared: Vec<&String> = a.iter().filter(|t| b.binary_search(t).is_ok()).collect();
    if shared.len() < MIN_SHARED {
        return NONE;
    }
    let names = |t: &[String]| t.iter().any(|t| t.starts_with('@'));
    if names(a) && names(b) && !shared.iter().any(|t| t.starts_with('@')) {
        return NONE;
    }
    let total = |t: &[String]| t.iter().map(|t| weight(t)).sum::<f64>();
    let (shared, a, b) = (shared.iter().map(|t| weight(t)).sum::<f64>(), total(a), total(b));
    Overlap { of_smaller: shared / a.min(b), of_larger: shared / a.max(b) }
}

/// A term's weight from how many of `clusters` hold it: rare terms tell claims apart.
pub fn idf(holding: usize, clusters: usize) -> f64 {
    ((clusters as f64 + 1.0) / (holding as f64 + 1.0)).ln() + 1.0
}

/// Who a claim comes from in the end: the source at the end of its relay, or the outlet.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// An entity key ("organization:coag"), `said:` and the source's words when it is not
    /// a named entity ("said:port authority"), or the outlet's key for its own voice.
    pub key: &'a str,
    pub name: &'a str,
    /// The source as the text names it ("the authority's spokesman, Marek Nowicki").
    pub surface: &'a str,
    /// For the outlet's own voice: the copy group, every copy of which speaks with one voice.
    pub voice: Option<i64>,
}

/// Whether two origins are one speaker: the same key, copies of one article speaking in
/// their own voice, or an unnamed phrase ("the port authority", "the COAG union") whose
/// head word or an acronym is in the other's name or words ("Port of Gdansk
/// Authority", "COAG", "the authority's spokesman, Marek Nowicki").
///
/// ```
/// use dossier_ledger::matching::{same_origin, Origin};
/// let said = |key, name| Origin { key, name, surface: name, voice: None };
/// let authority = said("organization:port-of-gdansk-authority", "Port of Gdansk Authority");
/// assert!(same_origin(said("said:port authority", "the port authority"), authority));
/// assert!(same_origin(said("said:coag union", "the COAG union"), said("organization:coag", "COAG")));
/// assert!(!same_origin(said("said:union", "the union"), authority));
/// ```
pub fn same_origin(a: Origin, b: Origin) -> bool {
    // An outlet's own voice is one speaker only with its copies: the same outlet's
    // sentences in other articles share templates and boilerplate, not claims.
    if let (Some(x), Some(y)) = (a.voice, b.voice) {
        return x == y;
    }
    if a.key == b.key {
        return true;
    }
    let phrase_in = |phrase: Origin, other: Origin| {
        if !phrase.key.starts_with("said:") {
            return false;
        }
        let names: Vec<String> = words(other.name).chain(words(other.surface)).collect();
        let head = words(phrase.name).last();
        // An acronym is a name ("the COAG union"); a capitalised word may be any word of a title.
        let acronyms = phrase.name.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()));
        head.is_some_and(|h| names.contains(&h)) || acronyms.flat_map(words).any(|w| names.contains(&w))
    };
    phrase_in(a, b) || phrase_in(b, a)
}

/// How two figures of the same measured thing relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFit {
    /// Their intervals cannot both be true.
    Disjoint,
    /// The first interval lies strictly inside the second: it narrows it down.
    Narrower,
    Wider,
    /// They overlap (or are the same).
    Compatible,
}

/// What a figure measures, as compared across claims: its kind and the stem of its unit's
/// head noun ("count ship" for "40 cargo ships", "share voter" for "45% of voters"), so
/// that a share of voters is never weighed against a count of them. Figures stored
/// without a kind (before schema 2) give the stem alone.
///
/// ```
/// use dossier_ledger::matching::measured;
/// assert_eq!(measured(Some("count"), Some("cargo ships")).as_deref(), Some("count ship"));
/// assert_ne!(measured(Some("share"), Some("voters")), measured(Some("count"), Some("voters")));
/// assert_eq!(measured(Some("count"), None), None);
/// ```
pub fn measured(kind: Option<&str>, unit: Option<&str>) -> Option<String> {
    let unit = unit?;
    let last = unit.rsplit(' ').next().unwrap_or(unit);
    let stem = last.strip_suffix('s').filter(|b| b.len() >= 3).unwrap_or(last);
    Some(kind.map_or_else(|| stem.to_string(), |k| format!("{k} {stem}")))
}

/// Whether figures of this [`measured`] thing can be compared: not spans of time or points.
pub fn comparable(measured: &Option<String>) -> bool {
    measured.as_deref().and_then(|m| m.rsplit(' ').next()).is_some_and(|u| !matches!(u, "year" | "month" | "week" | "day" | "hour" | "minute" | "time" | "point"))
}

/// An approximate figure stands for ±10% around itself.
pub fn widen(b: Bounds, approximate: bool) -> Bounds {
    if !approximate {
        return b;
    }
    Bounds { low: b.low.map(|l| l - l.abs() * 0.1), low_inclusive: true, high: b.high.map(|h| h + h.abs() * 0.1), high_inclusive: true }
}

fn low_at_least(a: &Bounds, b: &Bounds) -> bool {
    // a's lower end is no lower than b's.
    match (a.low, b.low) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(x), Some(y)) => x > y || (x == y && (b.low_inclusive || !a.low_inclusive)),
    }
}

fn high_at_most(a: &Bounds, b: &Bounds) -> bool {
    match (a.high, b.high) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(x), Some(y)) => x < y || (x == y && (b.high_inclusive || !a.high_inclusive)),
    }
}

fn overlap(a: &Bounds, b: &Bounds) -> bool {
    let below = |lo: &Bounds, hi: &Bounds| match (lo.low, hi.high) {
        (Some(l), Some(h)) => l < h || (l == h && lo.low_inclusive && hi.high_inclusive),
        _ => true,
    };
    below(a, b) && below(b, a)
}

/// Compares two intervals of one measured thing.
///
/// ```
/// use dossier_ledger::{filing::Bounds, matching::{fit, FigureFit}};
/// let at_least = Bounds { low: Some(10_000.0), low_inclusive: true, high: None, high_inclusive: false };
/// let point = |x| Bounds { low: Some(x), low_inclusive: true, high: Some(x), high_inclusive: true };
/// assert_eq!(fit(point(12_000.0), at_least), FigureFit::Narrower);
/// assert_eq!(fit(point(2_000.0), at_least), FigureFit::Disjoint);
/// assert_eq!(fit(point(10_000.0), point(10_000.0)), FigureFit::Compatible);
/// ```
pub fn fit(a: Bounds, b: Bounds) -> FigureFit {
    if !overlap(&a, &b) {
        return FigureFit::Disjoint;
    }
    let a_in_b = low_at_least(&a, &b) && high_at_most(&a, &b);
    let b_in_a = low_at_least(&b, &a) && high_at_most(&b, &a);
    match (a_in_b, b_in_a) {
        (true, false) => FigureFit::Narrower,
        (false, true) => FigureFit::Wider,
        _ => FigureFit::Compatible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(low: Option<f64>, li: bool, high: Option<f64>, hi: bool) -> Bounds {
        Bounds { low, low_inclusive: li, high, high_inclusive: hi }
    }

    #[test]
    fn open_and_closed_ends() {
        let over_20 = b(Some(20.0), false, None, false);
        let exactly_20 = b(Some(20.0), true, Some(20.0), true);
        assert_eq!(fit(exactly_20, over_20), FigureFit::Disjoint);
        let up_to_20 = b(Some(0.0), true, Some(20.0), true);
        assert_eq!(fit(exactly_20, up_to_20), FigureFit::Narrower);
        assert_eq!(fit(up_to_20, exactly_20), FigureFit::Wider);
        assert_eq!(fit(over_20, up_to_20), FigureFit::Disjoint);
    }

    #[test]
    fn approximate_figures_leave_room() {
        let about_100 = widen(b(Some(100.0), true, Some(100.0), true), true);
        assert_eq!(fit(b(Some(95.0), true, Some(95.0), true), about_100), FigureFit::Narrower);
        assert_eq!(fit(b(Some(150.0), true, Some(150.0), true), about_100), FigureFit::Disjoint);
    }

    #[test]
    fn stems() {
        for (word, stem_of) in [("cutting", "cut"), ("stopped", "stop"), ("called", "call"), ("supplies", "supply"), ("shells", "shell"), ("press", "press")] {
            assert_eq!(stem(word), stem_of);
        }
    }

    #[test]
    fn retellings_match_and_different_events_do_not() {
        let even = |_: &str| 1.0;
        let a = terms("at least 10,000 containers sent by North Korea could contain up to 4.8 million shells", &["place:north-korea"], &["North Korea"]);
        let b = terms("North Korea has sent more than 10,000 containers of shells", &["place:north-korea"], &["North Korea"]);
        assert!(similarity(&a, &b, even).of_smaller >= SAME_CLAIM, "{a:?} {b:?}");
        let c = terms("Russia sent more than 10,000 containers of grain", &["place:russia"], &["Russia"]);
        assert_eq!(similarity(&b, &c, even).of_smaller, 0.0);
    }
}
