//! Parts of speech (Universal POS tags) by an averaged perceptron, trained in Rust on UD
//! English-EWT (`cargo run --release -p xtask -- train-pos`).
//!
//! **Key decision: two greedy left-to-right passes over hashed features.** Each token is
//! tagged from about thirty features of its word, its neighbours, their ambiguity classes
//! and the two tags before it; the second pass also sees the first pass's tags of the
//! two words ahead, the look-ahead a greedy tagger otherwise lacks (trained on first-pass
//! tags from models that did not see the sentence, so it learns how far to trust them).
//! Features are 64-bit hashes, so a model is a map from hash to seventeen weights, stored
//! quantised and deflated, and tagging is hash lookups. Frequent words that (nearly)
//! always take one tag skip scoring.

// Words are looked up for every token: foldhash is several times faster than SipHash on
// short keys, and still seeded per process.
use crate::perceptron::{deflate, feature as hash, inflate, prefix, shape, shuffle, start_model, suffix, write_short_string, Bytes, Learner, Model};
use foldhash::{HashMap, HashMapExt};

/// The seventeen Universal POS tags, in UD's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

pub const TAGS: usize = 17;

impl Upos {
    pub const ALL: [Upos; TAGS] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as UD writes it ("PROPN").
    pub fn name(self) -> &'static str {
        ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"][self as usize]
    }

    /// ```
    /// use dossier_text::pos::Upos;
    /// assert_eq!(Upos::parse("PROPN"), Some(Upos::Propn));
    /// assert_eq!(Upos::parse("_"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The form features see: lower case, digits as a class, years and hyphenated words marked.
fn normal(word: &str) -> String {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return if word.len() == 4 { "!YEAR".into() } else { "!DIGITS".into() };
    }
    if word.chars().any(|c| c.is_ascii_digit()) && word.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '/' | ':')) {
        return "!NUMBER".into();
    }
    word.to_lowercase()
}

/// A sentence prepared for tagging: each word's forms, computed once.
struct Context<'a> {
    normal: Vec<String>,
    shape: Vec<String>,
    first_capital: Vec<bool>,
    /// Each word's ambiguity class: the tags it took in training ("NOUN|VERB"), or "?".
    class: Vec<&'a str>,
    /// Each word's [`Context::fixed_features`], one after another.
    fixed: Vec<u64>,
}

impl<'a> Context<'a> {
    /// `known` words are tagged from the dictionary: their features are not needed.
    fn new(words: &[&str], classes: &'a HashMap<String, String>, known: &HashMap<String, Upos>) -> Context<'a> {
        let normal: Vec<String> = words.iter().map(|w| normal(w)).collect();
        let mut context = Context {
            class: normal.iter().map(|w| classes.get(w).map_or("?", String::as_str)).collect(),
            shape: words.iter().map(|w| shape(w, 4)).collect(),
            first_capital: words.iter().enumerate().map(|(i, w)| i == 0 && w.starts_with(char::is_uppercase)).collect(),
            normal,
            fixed: Vec::new(),
        };
        context.fixed = (0..words.len()).flat_map(|i| if known.contains_key(&context.normal[i]) { [0; FIXED] } else { context.fixed_features(i) }).collect();
        context
    }

    fn shape_at(&self, i: isize) -> &str {
        match i {
            i if i < 0 => "-START-",
            i if i as usize >= self.shape.len() => "-END-",
            i => &self.shape[i as usize],
        }
    }

    fn class(&self, i: isize) -> &str {
        match i {
            i if i < 0 => "-START-",
            i if i as usize >= self.class.len() => "-END-",
            i => self.class[i as usize],
        }
    }

    fn word(&self, i: isize) -> &str {
        match i {
            i if i < 0 => "-START-",
            i if i as usize >= self.normal.len() => "-END-",
            i => &self.normal[i as usize],
        }
    }

    /// The features of word `i` that no tag decides, the same in both passes.
    fn fixed_features(&self, i: usize) -> [u64; FIXED] {
        let i = i as isize;
        let w = self.word(i);
        let (p1, p2, n1, n2) = (self.word(i - 1), self.word(i - 2), self.word(i + 1), self.word(i + 2));
        [
            hash(0, &[]),
            hash(1, &[w]),
            hash(2, &[suffix(w, 3)]),
            hash(3, &[suffix(w, 2)]),
            hash(4, &[suffix(w, 4)]),
            hash(5, &[prefix(w, 1)]),
            hash(6, &[&self.shape[i as usize]]),
            hash(11, &[p1]),
            hash(12, &[suffix(p1, 3)]),
            hash(13, &[p2]),
            hash(14, &[n1]),
            hash(15, &[suffix(n1, 3)]),
            hash(16, &[n2]),
            hash(17, &[if self.first_capital[i as usize] { "first-capital" } else { "" }]),
            hash(18, &[w, n1]),
            hash(19, &[p1, w]),
            // What the neighbours can be: a look ahead a greedy tagger has no tags for.
            hash(20, &[self.class(i)]),
            hash(21, &[self.class(i + 1)]),
            hash(22, &[self.class(i + 2)]),
            hash(23, &[self.class(i), self.class(i + 1)]),
            hash(25, &[suffix(w, 1)]),
            hash(26, &[self.class(i - 1), self.class(i)]),
            hash(27, &[self.shape_at(i + 1)]),
            hash(28, &[self.shape_at(i - 1)]),
            hash(29, &[&self.shape[i as usize], self.shape_at(i + 1)]),
            hash(30, &[prefix(w, 3)]),
        ]
    }

    /// The features of word `i` given the two tags before it, and the first pass's tags
    /// of the words ahead when there was one.
    fn features(&self, i: usize, prev: &str, prev2: &str, ahead: Option<&[Upos]>, out: &mut Vec<u64>) {
        out.clear();
        out.extend_from_slice(&self.fixed[i * FIXED..(i + 1) * FIXED]);
        let w = self.word(i as isize);
        out.extend([hash(7, &[prev]), hash(8, &[prev2]), hash(9, &[prev, prev2]), hash(10, &[prev, w]), hash(24, &[prev, self.class(i as isize + 1)])]);
        if let Some(ahead) = ahead {
            let at = |k: usize| ahead.get(k).map_or("-END-", |t| t.name());
            let own = at(i);
            out.extend([hash(31, &[at(i + 1)]), hash(32, &[at(i + 1), at(i + 2)]), hash(33, &[own]), hash(34, &[prev, own, at(i + 1)]), hash(35, &[w, at(i + 1)])]);
        }
    }
}

/// How many features [`Context::fixed_features`] gives.
const FIXED: usize = 26;

/// A trained tagger.
pub struct Tagger {
    /// The first pass, then the second (which sees the first's tags ahead).
    passes: [Model<TAGS>; 2],
    /// Words that (nearly) always take one tag, by their normal form.
    known: HashMap<String, Upos>,
    /// Ambiguity classes of the words seen in training (see `Context::class`).
    classes: HashMap<String, String>,
}

impl Tagger {
    /// The tags of one sentence's words.
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        let context = Context::new(words, &self.classes, &self.known);
        let first = greedy(&context, &self.known, &self.passes[0], None);
        greedy(&context, &self.known, &self.passes[1], Some(&first))
    }

    /// Tags each sentence's gold words: how many tags agree with the gold, out of how many.
    pub fn agreement(&self, sentences: &[(Vec<String>, Vec<Upos>)]) -> (usize, usize) {
        sentences.iter().fold((0, 0), |(right, total), (words, gold)| {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            (right + self.tag(&refs).iter().zip(gold).filter(|(a, b)| a == b).count(), total + gold.len())
        })
    }

    /// The model as committed: tag dictionary and weights, quantised to 16 bits, deflated.
    pub fn to_bytes(&self) -> Vec<u8> {
        let (mut raw, scale) = start_model(b"UPOS2", &[&self.passes[0], &self.passes[1]]);
        let mut known: Vec<(&String, &Upos)> = self.known.iter().collect();
        known.sort();
        raw.extend_from_slice(&(known.len() as u32).to_le_bytes());
        for (word, tag) in known {
            write_short_string(word, &mut raw);
            raw.push(*tag as u8);
        }
        let mut classes: Vec<(&String, &String)> = self.classes.iter().collect();
        classes.sort();
        raw.extend_from_slice(&(classes.len() as u32).to_le_bytes());
        for (word, class) in classes {
            write_short_string(word, &mut raw);
            write_short_string(class, &mut raw);
        }
        for pass in &self.passes {
            pass.write(scale, &mut raw);
        }
        deflate(&raw)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let raw = inflate(bytes)?;
        let mut bytes = Bytes::new(&raw);
        let scale = bytes.header(b"UPOS2", "tagger")?;
        let n_known = bytes.u32()? as usize;
        let mut known = HashMap::with_capacity(n_known);
        for _ in 0..n_known {
            let word = bytes.short_string()?;
            let tag = *Upos::ALL.get(bytes.u8()? as usize).ok_or("a bad tag in the model")?;
            known.insert(word, tag);
        }
        let n_classes = bytes.u32()? as usize;
        let mut classes = HashMap::with_capacity(n_classes);
        for _ in 0..n_classes {
            let word = bytes.short_string()?;
            classes.insert(word, bytes.short_string()?);
        }
        let passes = [Model::read(&mut bytes, scale)?, Model::read(&mut bytes, scale)?];
        Ok(Tagger { passes, known, classes })
    }
}

/// One left-to-right pass.
fn greedy(context: &Context, known: &HashMap<String, Upos>, model: &Model<TAGS>, ahead: Option<&[Upos]>) -> Vec<Upos> {
    tag_sentence(context, known, ahead, |_, features| Upos::ALL[Model::best(&model.score(features))])
}

/// Tags a sentence left to right: a word of the tag dictionary takes its tag, any other
/// the tag `choose` gives it from its position and features.
fn tag_sentence(context: &Context, known: &HashMap<String, Upos>, ahead: Option<&[Upos]>, mut choose: impl FnMut(usize, &[u64]) -> Upos) -> Vec<Upos> {
    let mut tags = Vec::with_capacity(context.normal.len());
    let mut features = Vec::with_capacity(40);
    for i in 0..context.normal.len() {
        let tag = match known.get(&context.normal[i]) {
            Some(&t) => t,
            None => {
                context.features(i, history(&tags, i, 1), history(&tags, i, 2), ahead, &mut features);
                choose(i, &features)
            }
        };
        tags.push(tag);
    }
    tags
}

fn history(tags: &[Upos], i: usize, back: usize) -> &'static str {
    if i < back {
        if back == 1 { "-START-" } else { "-START2-" }
    } else {
        tags[i - back].name()
    }
}

/// The tagger of the committed model (`models/upos.bin`), loaded on first use.
pub fn tagger() -> &'static Tagger {
    static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
    TAGGER.get_or_init(|| Tagger::from_bytes(include_bytes!("../models/upos.bin")).expect("the committed tagger model loads (a test checks it)"))
}

/// Averaged-perceptron training, deterministic for a seed.
pub fn train(sentences: &[(Vec<String>, Vec<Upos>)], iterations: usize, seed: u64, mut progress: impl FnMut(usize, f64)) -> Tagger {
    // The tag dictionary: words seen 20 times or more, 97% of them with one tag.
    let mut counts: HashMap<String, [u32; TAGS]> = HashMap::new();
    for (words, tags) in sentences {
        for (w, t) in words.iter().zip(tags) {
            counts.entry(normal(w)).or_insert([0; TAGS])[*t as usize] += 1;
        }
    }
    // Ambiguity classes: the tags (a tenth of a word's uses or more) of words seen twice.
    let classes: HashMap<String, String> = counts
        .iter()
        .filter(|(w, c)| c.iter().sum::<u32>() >= 2 && w.len() < 256)
        .map(|(w, c)| {
            let total: u32 = c.iter().sum();
            let tags: Vec<&str> = (0..TAGS).filter(|&t| c[t] * 10 >= total).map(|t| Upos::ALL[t].name()).collect();
            (w.clone(), tags.join("|"))
        })
        .collect();
    let known: HashMap<String, Upos> = counts
        .into_iter()
        .filter(|(w, _)| w.len() < 256)
        .filter_map(|(w, c)| {
            let total: u32 = c.iter().sum();
            let (t, &n) = c.iter().enumerate().max_by_key(|&(_, n)| n)?;
            (total >= 20 && f64::from(n) / f64::from(total) >= 0.97).then_some((w, Upos::ALL[t]))
        })
        .collect();

    // The first pass's tags of every training sentence, each from a model trained without
    // its fold: what the second pass will see at tagging time.
    const FOLDS: usize = 5;
    let mut ahead: Vec<Vec<Upos>> = vec![Vec::new(); sentences.len()];
    for fold in 0..FOLDS {
        let others: Vec<usize> = (0..sentences.len()).filter(|i| i % FOLDS != fold).collect();
        let model = learn(sentences, &others, &known, &classes, None, iterations, seed, &mut |_, _| {});
        for i in (0..sentences.len()).filter(|i| i % FOLDS == fold) {
            let refs: Vec<&str> = sentences[i].0.iter().map(String::as_str).collect();
            ahead[i] = greedy(&Context::new(&refs, &classes, &known), &known, &model, None);
        }
    }
    let all: Vec<usize> = (0..sentences.len()).collect();
    let first = learn(sentences, &all, &known, &classes, None, iterations, seed, &mut progress);
    let second = learn(sentences, &all, &known, &classes, Some(&ahead), iterations, seed, &mut progress);
    Tagger { passes: [first, second], known, classes }
}

/// Averaged-perceptron weights for the sentences `chosen`, with the first pass's tags
/// `ahead` when training the second pass.
#[allow(clippy::too_many_arguments)]
fn learn(
    sentences: &[(Vec<String>, Vec<Upos>)],
    chosen: &[usize],
    known: &HashMap<String, Upos>,
    classes: &HashMap<String, String>,
    ahead: Option<&[Vec<Upos>]>,
    iterations: usize,
    seed: u64,
    progress: &mut dyn FnMut(usize, f64),
) -> Model<TAGS> {
    let mut learner = Learner::<TAGS>::default();
    let mut order: Vec<usize> = chosen.to_vec();
    let mut state = seed.max(1);
    for iteration in 0..iterations {
        shuffle(&mut order, &mut state);
        let (mut right, mut total) = (0usize, 0usize);
        for &s in &order {
            let (words, gold) = &sentences[s];
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let context = Context::new(&refs, classes, known);
            let tags = tag_sentence(&context, known, ahead.map(|a| a[s].as_slice()), |i, features| {
                let guess = Upos::ALL[learner.guess(features)];
                learner.learn(features, gold[i] as usize, guess as usize);
                guess
            });
            right += tags.iter().zip(gold).filter(|(t, g)| t == g).count();
            total += gold.len();
        }
        progress(iteration + 1, right as f64 / total.max(1) as f64);
    }
    learner.average()
}

/// Sentences of a CoNLL-U file: each word's form and UPOS (multi-word token lines and
/// empty nodes skipped).
pub fn read_conllu(text: &str) -> Vec<(Vec<String>, Vec<Upos>)> {
    let mut out = Vec::new();
    let (mut words, mut tags) = (Vec::new(), Vec::new());
    for line in text.lines() {
        if line.is_empty() {
            if !words.is_empty() {
                out.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        if let Some(tag) = Upos::parse(cols[3]) {
            words.push(cols[1].to_string());
            tags.push(tag);
        }
    }
    if !words.is_empty() {
        out.push((words, tags));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_loads_and_tags_news() {
        // Hand-tagged news sentences of our own; the model should get nearly all right.
        let gold: &[(&str, &str)] = &[
            ("The", "DET"), ("ministry", "NOUN"), ("said", "VERB"), ("on", "ADP"), ("Thursday", "PROPN"), ("that", "SCONJ"),
            ("10,000", "NUM"), ("shells", "NOUN"), ("were", "AUX"), ("sent", "VERB"), (".", "PUNCT"),
            ("Officials", "NOUN"), ("in", "ADP"), ("Kyiv", "PROPN"), ("could", "AUX"), ("not", "PART"), ("confirm", "VERB"),
            ("the", "DET"), ("report", "NOUN"), (",", "PUNCT"), ("which", "PRON"), ("cited", "VERB"), ("two", "NUM"),
            ("sources", "NOUN"), (".", "PUNCT"),
        ];
        let words: Vec<&str> = gold.iter().map(|g| g.0).collect();
        let (first, second) = words.split_at(11);
        let tags: Vec<Upos> = tagger().tag(first).into_iter().chain(tagger().tag(second)).collect();
        let right = tags.iter().zip(gold).filter(|(t, g)| t.name() == g.1).count();
        assert!(right >= 23, "{right}/25: {:?}", tags.iter().map(|t| t.name()).collect::<Vec<_>>());
    }

    #[test]
    fn a_model_survives_its_bytes() {
        let data = read_conllu("1\tShips\tship\tNOUN\t_\t_\t_\t_\t_\t_\n2\twait\twait\tVERB\t_\t_\t_\t_\t_\t_\n\n");
        let tagger = train(&data, 3, 7, |_, _| {});
        let again = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        assert_eq!(again.tag(&["Ships", "wait"]), [Upos::Noun, Upos::Verb]);
    }
}
