//! Names found by a tagger trained in Rust (`cargo run --release -p xtask -- train-names`):
//! each token gets a BILOU label for person, place or organisation.
//!
//! **Key decision: the hand-written rules are features, not a fallback.** The tagger sees,
//! for every token, what the rules made of it (the label of their mention), what the
//! gazetteer knows of it and the usual word, shape and neighbour features, and learns from
//! annotated text when to trust each. The rules stay the source of canonical names and
//! metonyms; the tagger decides where names start and end and what they are.

use crate::gazetteer::{Gazetteer, Role};
use crate::lists::{OUTLET_HEADS, ORGANIZATION_HEADS, PERSON_TITLES};
use dossier_doc::{Doc, EntityKind, TokenKind};
use dossier_text::perceptron::{feature, prefix, push_shape, read_single_model, shuffle, single_model_bytes, suffix, Learner, Model};

/// Outside, then begin, inside, last and unit for each of the three kinds.
pub const CLASSES: usize = 13;

const NAMES: [&str; CLASSES] =
    ["O", "B-PER", "I-PER", "L-PER", "U-PER", "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-ORG", "I-ORG", "L-ORG", "U-ORG"];

/// One token's label: outside any name, or its part in a name of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Label(u8);

/// Where a token stands in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

impl Label {
    pub const OUTSIDE: Label = Label(0);

    /// The label of part `part` of a name of kind `kind`; outlets are organisations, and
    /// other kinds are no name for the tagger.
    pub fn new(kind: EntityKind, part: Part) -> Label {
        match kind_index(kind) {
            Some(k) => Label(1 + k as u8 * 4 + part as u8),
            None => Label::OUTSIDE,
        }
    }

    fn from_class(class: usize) -> Label {
        debug_assert!(class < CLASSES);
        Label(class as u8)
    }

    pub fn name(self) -> &'static str {
        NAMES[self.0 as usize]
    }

    pub fn kind(self) -> Option<EntityKind> {
        match self.0 {
            0 => None,
            1..=4 => Some(EntityKind::Person),
            5..=8 => Some(EntityKind::Place),
            _ => Some(EntityKind::Organization),
        }
    }

    pub fn part(self) -> Option<Part> {
        (self.0 > 0).then(|| [Part::Begin, Part::Inside, Part::Last, Part::Unit][(self.0 as usize - 1) % 4])
    }

    /// Whether this label may follow `previous` (None at a sentence start), and may end a
    /// sentence when `last`.
    fn may_follow(self, previous: Option<Label>, last: bool) -> bool {
        let open = previous.and_then(|p| matches!(p.part(), Some(Part::Begin | Part::Inside)).then(|| p.kind()).flatten());
        let continues = matches!(self.part(), Some(Part::Inside | Part::Last));
        match open {
            Some(kind) => continues && self.kind() == Some(kind) && !(last && self.part() == Some(Part::Inside)),
            None => !(continues || last && self.part() == Some(Part::Begin)),
        }
    }
}

/// The labels of `spans` (token ranges with their kind) over `n` tokens.
///
/// ```
/// use dossier_doc::EntityKind;
/// use dossier_entities::recognizer::{labels, spans};
/// let l = labels(4, &[(0, 2, EntityKind::Person), (3, 4, EntityKind::Place)]);
/// assert_eq!(l.iter().map(|l| l.name()).collect::<Vec<_>>(), ["B-PER", "L-PER", "O", "U-LOC"]);
/// assert_eq!(spans(&l), [(0, 2, EntityKind::Person), (3, 4, EntityKind::Place)]);
/// ```
pub fn labels(n: usize, spans: &[(usize, usize, EntityKind)]) -> Vec<Label> {
    let mut out = vec![Label::OUTSIDE; n];
    for &(a, b, kind) in spans {
        if a >= b || b > n || out[a..b].iter().any(|l| *l != Label::OUTSIDE) {
            continue;
        }
        if b - a == 1 {
            out[a] = Label::new(kind, Part::Unit);
            continue;
        }
        out[a] = Label::new(kind, Part::Begin);
        for l in &mut out[a + 1..b - 1] {
            *l = Label::new(kind, Part::Inside);
        }
        out[b - 1] = Label::new(kind, Part::Last);
    }
    out
}

/// The names that `labels` spell, as token ranges with their kind.
pub fn spans(labels: &[Label]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, l) in labels.iter().enumerate() {
        match (l.part(), l.kind()) {
            (Some(Part::Unit), Some(kind)) => out.push((i, i + 1, kind)),
            (Some(Part::Begin), Some(kind)) => open = Some((i, kind)),
            (Some(Part::Last), Some(kind)) => {
                if let Some((a, k)) = open.take().filter(|&(_, k)| k == kind) {
                    out.push((a, i + 1, k));
                }
            }
            (Some(Part::Inside), _) => {}
            _ => open = None,
        }
    }
    out
}

/// A trained name tagger.
pub struct Recognizer {
    model: Model<CLASSES>,
}

/// The recognizer of the committed model (`models/names.bin`), loaded on first use.
pub fn recognizer() -> &'static Recognizer {
    static RECOGNIZER: std::sync::OnceLock<Recognizer> = std::sync::OnceLock::new();
    RECOGNIZER.get_or_init(|| Recognizer::from_bytes(include_bytes!("../models/names.bin")).expect("the committed name model loads (a test checks it)"))
}

impl Recognizer {
    /// The names of a tokenised document, given what the rules found (`hints`, one label
    /// per token): token ranges with their kind, in order.
    pub fn recognize(&self, doc: &Doc, hints: &[Label]) -> Vec<(usize, usize, EntityKind)> {
        spans(&tag(&Context::new(doc, hints), &self.model))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        single_model_bytes(b"NAMES1", &self.model)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, String> {
        Ok(Recognizer { model: read_single_model(bytes, b"NAMES1", "name tagger")? })
    }
}

/// One greedy left-to-right pass over every sentence.
fn tag(context: &Context, model: &Model<CLASSES>) -> Vec<Label> {
    let doc = context.doc;
    let mut labels = vec![Label::OUTSIDE; doc.tokens.len()];
    let mut features = Vec::with_capacity(48);
    for &sentence in &doc.sentences {
        label_sentence(context, doc.token_range(sentence), &mut labels, &mut features, |_, f, previous, last| decide(&model.score(f), previous, last));
    }
    labels
}

/// Labels the tokens `range` (one sentence) left to right into `labels` (one per token of
/// the document), each from `choose` given the token, its features, the label before it
/// and whether it ends the sentence; tokens that cannot be named stay outside unscored.
fn label_sentence(
    context: &Context,
    range: std::ops::Range<usize>,
    labels: &mut [Label],
    features: &mut Vec<u64>,
    mut choose: impl FnMut(usize, &[u64], Option<Label>, bool) -> Label,
) {
    for i in range.clone() {
        let previous = (i > range.start).then(|| labels[i - 1]);
        labels[i] = if context.may_be_named(i, previous) {
            context.features(i, range.start, previous, (i > range.start + 1).then(|| labels[i - 2]), features);
            choose(i, features, previous, i + 1 == range.end)
        } else {
            Label::OUTSIDE
        };
    }
}

/// The best label that may follow `previous` (greedy decoding kept to valid sequences).
fn decide(scores: &[f32; CLASSES], previous: Option<Label>, last: bool) -> Label {
    (0..CLASSES)
        .map(Label::from_class)
        .filter(|l| l.may_follow(previous, last))
        .fold(None, |best: Option<Label>, l| match best {
            Some(b) if scores[b.0 as usize] >= scores[l.0 as usize] => Some(b),
            _ => Some(l),
        })
        .unwrap_or(Label::OUTSIDE)
}

/// A document prepared for tagging: what every token is, computed once.
struct Context<'a> {
    doc: &'a Doc,
    hints: &'a [Label],
    /// The tokens' shapes, one after another; token `k`'s lies in `shapes[shape_bounds[k]..shape_bounds[k + 1]]`.
    shapes: String,
    shape_bounds: Vec<usize>,
    /// The gazetteer's reading of each token: its part and kind in the longest known name
    /// (("B", "place"), ("U", "demonym")), or ("-", "").
    known: Vec<(&'static str, &'static str)>,
    /// Each token's place in the hand-written lists: "outlet", "organization", "title" or "-".
    listed: Vec<&'static str>,
}

impl<'a> Context<'a> {
    fn new(doc: &'a Doc, hints: &'a [Label]) -> Context<'a> {
        debug_assert_eq!(hints.len(), doc.tokens.len(), "one hint per token");
        let gazetteer = Gazetteer::get();
        let mut known = vec![("-", ""); doc.tokens.len()];
        for &sentence in &doc.sentences {
            let range = doc.token_range(sentence);
            let mut i = range.start;
            while i < range.end {
                let Some(len) = gazetteer.longest_match(doc, i, range.end) else {
                    i += 1;
                    continue;
                };
                let surface = gazetteer.key(doc, i, i + len);
                if let Some(entry) = gazetteer.best(&surface) {
                    let what = if gazetteer.is_demonym(&surface) {
                        "demonym"
                    } else {
                        match (entry.kind, entry.role) {
                            (_, Role::Capital) => "capital",
                            (EntityKind::Person, _) => "person",
                            (EntityKind::Place, _) => "place",
                            (EntityKind::Outlet, _) => "outlet",
                            _ => "organization",
                        }
                    };
                    for (k, slot) in known[i..i + len].iter_mut().enumerate() {
                        let part = if len == 1 { "U" } else if k == 0 { "B" } else if k + 1 == len { "L" } else { "I" };
                        *slot = (part, what);
                    }
                }
                i += len;
            }
        }
        let mut shapes = String::with_capacity(4 * doc.tokens.len());
        let mut shape_bounds = Vec::with_capacity(doc.tokens.len() + 1);
        shape_bounds.push(0);
        for i in 0..doc.tokens.len() {
            push_shape(doc.token_text(i), 5, &mut shapes);
            shape_bounds.push(shapes.len());
        }
        let listed = (0..doc.tokens.len()).map(|i| listed(doc.token_text(i))).collect();
        Context { doc, hints, shapes, shape_bounds, known, listed }
    }

    /// Token `i` when it lies between the sentence's start and the document's end, else
    /// the marker of the edge it falls beyond.
    fn index(&self, i: isize, start: usize) -> Result<usize, &'static str> {
        if i < start as isize {
            Err("-START-")
        } else if i as usize >= self.doc.tokens.len() {
            Err("-END-")
        } else {
            Ok(i as usize)
        }
    }

    fn lower(&self, i: isize, start: usize) -> &str {
        self.index(i, start).map_or_else(|edge| edge, |k| &self.doc.lower[k])
    }

    /// Whether token `i` can be part of a name: a name starts with a capitalised word
    /// ("Bank of England" continues through "of"). Other tokens are outside without being
    /// scored, in training as in tagging, which spares most of the work on news text.
    fn may_be_named(&self, i: usize, previous: Option<Label>) -> bool {
        matches!(previous.and_then(Label::part), Some(Part::Begin | Part::Inside))
            || matches!(self.doc.tokens[i].kind, TokenKind::Word | TokenKind::Alphanumeric) && self.doc.token_text(i).starts_with(char::is_uppercase)
    }

    fn shape(&self, k: usize) -> &str {
        &self.shapes[self.shape_bounds[k]..self.shape_bounds[k + 1]]
    }

    fn shape_at(&self, i: isize, start: usize) -> &str {
        self.index(i, start).map_or_else(|edge| edge, |k| self.shape(k))
    }

    fn known_at(&self, i: isize, start: usize) -> (&'static str, &'static str) {
        self.index(i, start).map_or_else(|edge| (edge, ""), |k| self.known[k])
    }

    fn hint(&self, i: isize, start: usize) -> &'static str {
        self.index(i, start).map_or_else(|edge| edge, |k| self.hints[k].name())
    }

    /// The features of token `i` of the sentence starting at `start`, given the labels of
    /// the two tokens before it.
    fn features(&self, i: usize, start: usize, previous: Option<Label>, previous2: Option<Label>, out: &mut Vec<u64>) {
        let gazetteer = Gazetteer::get();
        out.clear();
        let word = self.doc.token_text(i);
        let lower = self.doc.lower[i].as_str();
        let j = i as isize;
        let p1 = previous.map_or("-START-", Label::name);
        let p2 = previous2.map_or("-START-", Label::name);
        let (w1, w2, n1, n2) = (self.lower(j - 1, start), self.lower(j - 2, start), self.lower(j + 1, start), self.lower(j + 2, start));
        let shape = self.shape(i);
        let (shape_p, shape_n) = (self.shape_at(j - 1, start), self.shape_at(j + 1, start));
        let (hint, hint_p, hint_n) = (self.hint(j, start), self.hint(j - 1, start), self.hint(j + 1, start));
        let (known, known_p, known_n) = (self.known[i], self.known_at(j - 1, start), self.known_at(j + 1, start));
        let capitalized = word.starts_with(char::is_uppercase);
        let flag = |b: bool| if b { "1" } else { "0" };
        let first = flag(i == start);
        let common = flag(capitalized && gazetteer.is_common(lower));
        let given = flag(capitalized && gazetteer.is_given_name(word));
        let heads = self.listed[i];
        let title_before = flag(i > start && self.listed[i - 1] == "title");
        let kind = match self.doc.tokens[i].kind {
            TokenKind::Word => "w",
            TokenKind::Number => "n",
            TokenKind::Alphanumeric => "a",
            TokenKind::Punct => "p",
            TokenKind::Symbol => "s",
        };
        out.extend([
            feature(0, &[]),
            feature(1, &[lower]),
            feature(2, &[word]),
            feature(3, &[suffix(lower, 3)]),
            feature(4, &[suffix(lower, 2)]),
            feature(5, &[prefix(lower, 3)]),
            feature(6, &[shape]),
            feature(7, &[shape, first]),
            feature(8, &[w1]),
            feature(9, &[w2]),
            feature(10, &[n1]),
            feature(11, &[n2]),
            feature(12, &[w1, lower]),
            feature(13, &[lower, n1]),
            feature(14, &[shape_p, shape, shape_n]),
            feature(15, &[hint]),
            feature(16, &[hint_p, hint, hint_n]),
            feature(17, &[known.0, known.1]),
            feature(18, &[known_p.0, known_p.1, known.0, known.1, known_n.0, known_n.1]),
            feature(19, &[common, first, shape]),
            feature(20, &[given, shape]),
            feature(21, &[heads]),
            feature(22, &[title_before, shape]),
            feature(23, &[p1]),
            feature(24, &[p1, p2]),
            feature(25, &[p1, shape]),
            feature(26, &[p1, lower]),
            feature(27, &[p1, hint]),
            feature(28, &[kind, shape_n]),
            feature(29, &[hint, known.0, known.1]),
            feature(30, &[suffix(lower, 4)]),
            feature(31, &[w1, shape]),
        ]);
    }
}

/// A word's place in the hand-written lists: "outlet" or "organization" for a head word,
/// "title" for a person's title, or "-".
fn listed(word: &str) -> &'static str {
    static LISTED: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    let lists = LISTED.get_or_init(|| {
        // Inserted weakest first, so that a word on several lists keeps the first that says so.
        let mut map = rustc_hash::FxHashMap::default();
        for (list, what) in [(PERSON_TITLES, "title"), (ORGANIZATION_HEADS, "organization"), (OUTLET_HEADS, "outlet")] {
            map.extend(list.iter().map(|&w| (w, what)));
        }
        map
    });
    lists.get(word).copied().unwrap_or("-")
}

/// The tagger's kinds: person, place, organisation (outlets included).
fn kind_index(kind: EntityKind) -> Option<usize> {
    match kind {
        EntityKind::Person => Some(0),
        EntityKind::Place => Some(1),
        EntityKind::Organization | EntityKind::Outlet => Some(2),
        EntityKind::Other => None,
    }
}

/// One training example: a tokenised document, its gold labels and the rules' labels.
pub type Example = (Doc, Vec<Label>, Vec<Label>);

/// Trains a recognizer, deterministic for a seed.
pub fn train(examples: &[Example], iterations: usize, seed: u64, mut progress: impl FnMut(usize, f64)) -> Recognizer {
    let contexts: Vec<Context> = examples.iter().map(|(doc, _, hints)| Context::new(doc, hints)).collect();
    // Each sentence is one training sequence: (example, its tokens).
    let mut order: Vec<(usize, std::ops::Range<usize>)> =
        examples.iter().enumerate().flat_map(|(e, (doc, _, _))| doc.sentences.iter().map(move |&s| (e, doc.token_range(s)))).collect();
    // The labels guessed so far, one per token of each example.
    let mut guessed: Vec<Vec<Label>> = examples.iter().map(|(doc, _, _)| vec![Label::OUTSIDE; doc.tokens.len()]).collect();
    let mut learner = Learner::<CLASSES>::default();
    let mut state = seed.max(1);
    let mut features = Vec::with_capacity(48);
    for iteration in 0..iterations {
        shuffle(&mut order, &mut state);
        let (mut right, mut total) = (0usize, 0usize);
        for (e, range) in &order {
            let gold = &examples[*e].1;
            label_sentence(&contexts[*e], range.clone(), &mut guessed[*e], &mut features, |i, f, previous, last| {
                let guess = decide(&learner.score(f), previous, last);
                learner.learn(f, gold[i].0 as usize, guess.0 as usize);
                right += usize::from(guess == gold[i]);
                total += 1;
                guess
            });
        }
        progress(iteration + 1, right as f64 / total.max(1) as f64);
    }
    Recognizer { model: learner.average() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::tokenised;

    #[test]
    fn the_committed_model_loads_and_finds_names_the_rules_do_not_know() {
        // Sentences of our own; none of these names is in the gazetteer.
        let doc = tokenised("Shares of Halvorsen Logistics fell after Marta Quintero, who runs the firm, met regulators in Tromsø.");
        let hints = crate::rule_labels(&doc);
        let found: Vec<(String, EntityKind)> =
            recognizer().recognize(&doc, &hints).into_iter().map(|(a, b, k)| ((a..b).map(|i| doc.token_text(i)).collect::<Vec<_>>().join(" "), k)).collect();
        assert!(found.contains(&("Marta Quintero".into(), EntityKind::Person)), "{found:?}");
        assert!(found.iter().any(|(name, _)| name == "Halvorsen Logistics"), "{found:?}");
    }

    #[test]
    fn only_capitalised_words_start_names() {
        let doc = tokenised("the minister of finance said so");
        assert!(recognizer().recognize(&doc, &vec![Label::OUTSIDE; doc.tokens.len()]).is_empty());
    }

    #[test]
    fn a_model_survives_its_bytes() {
        let doc = tokenised("Ada Lovelace wrote notes.");
        let gold = labels(doc.tokens.len(), &[(0, 2, EntityKind::Person)]);
        let hints = vec![Label::OUTSIDE; doc.tokens.len()];
        let trained = train(&[(doc.clone(), gold, hints.clone())], 5, 7, |_, _| {});
        let again = Recognizer::from_bytes(&trained.to_bytes()).unwrap();
        assert_eq!(again.recognize(&doc, &hints), [(0, 2, EntityKind::Person)]);
    }

    #[test]
    fn labels_stay_valid_sequences() {
        assert!(Label::new(EntityKind::Person, Part::Inside).may_follow(Some(Label::new(EntityKind::Person, Part::Begin)), false));
        assert!(!Label::new(EntityKind::Place, Part::Inside).may_follow(Some(Label::new(EntityKind::Person, Part::Begin)), false));
        assert!(!Label::new(EntityKind::Person, Part::Begin).may_follow(None, true));
        assert!(!Label::OUTSIDE.may_follow(Some(Label::new(EntityKind::Person, Part::Begin)), false));
    }
}
