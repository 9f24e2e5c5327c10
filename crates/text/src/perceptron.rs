//! The averaged perceptron shared by dossier's taggers: hashed features, training with
//! lazy averaging, and weights stored quantised.
//!
//! **Key decision: features are 64-bit hashes and a class count is a const generic.** A
//! model is then one map from hash to `[f32; N]`, scoring is `N` additions per feature
//! found, and every tagger (parts of speech, names) shares this code and its file
//! format, however many classes it has.
//!
//! ```
//! use dossier_text::perceptron::{feature, Learner, Model};
//! let (noun, verb) = (0, 1);
//! let mut learner = Learner::<2>::default();
//! for _ in 0..3 {
//!     for (word, truth) in [("ships", noun), ("wait", verb)] {
//!         let features = [feature(1, &[word])];
//!         let guess = learner.guess(&features);
//!         learner.learn(&features, truth, guess);
//!     }
//! }
//! let model: Model<2> = learner.average();
//! assert_eq!(Model::best(&model.score(&[feature(1, &["wait"])])), verb);
//! ```

use std::hash::{BuildHasherDefault, Hasher};

/// Keys are already hashes: the map need not hash them again.
#[derive(Default)]
pub struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; fold any other input in.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature hashes.
pub type Weights<V> = std::collections::HashMap<u64, V, BuildHasherDefault<Prehashed>>;

/// A feature: FNV-1a over its template number and its parts.
pub fn feature(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(template);
    h = h.wrapping_mul(0x0100_0000_01b3);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for &b in part.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A part's hash for [`combine`], eight bytes at a time: for features whose parts are
/// hashed once (a token's word, once per document) and combined many times, where
/// [`feature`] would hash each part's bytes again for every feature. `combine` spreads
/// the bits after.
#[inline]
pub fn atom(word: &str) -> u64 {
    let mut h = 0x243f_6a88_85a3_08d3 ^ word.len() as u64;
    for chunk in word.as_bytes().chunks(8) {
        let mut bytes = [0u8; 8];
        bytes[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(bytes)).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(31);
    }
    h
}

/// A feature from its template and at most four parts' hashes ([`atom`]s, or small
/// numbers). Each part is multiplied by its own odd constant (the products are
/// independent, so the processor computes them side by side), then one multiply-xorshift
/// spreads the bits: the model's map takes a key's bits as its hash.
///
/// ```
/// use dossier_text::perceptron::{atom, combine};
/// let (said, that) = (atom("said"), atom("that"));
/// assert_ne!(combine(6, &[said, that]), combine(6, &[that, said]), "a part's place counts");
/// assert_ne!(combine(6, &[said]), combine(7, &[said]), "so does the template");
/// ```
#[inline]
pub fn combine(template: u64, parts: &[u64]) -> u64 {
    const ODD: [u64; 5] = [0x9e37_79b9_7f4a_7c15, 0xff51_afd7_ed55_8ccd, 0xc4ce_b9fe_1a85_ec53, 0xbf58_476d_1ce4_e5b9, 0x94d0_49bb_1331_11eb];
    debug_assert!(parts.len() < ODD.len(), "combine takes at most four parts");
    let mut h = (template + 1).wrapping_mul(ODD[0]);
    for (p, k) in parts.iter().zip(&ODD[1..]) {
        h ^= p.wrapping_mul(*k);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(ODD[1]);
    h ^ (h >> 29)
}

/// A word's shape: "Xx", "x", "X.X.", "d,d": uppercase, lowercase and digits as classes,
/// other characters as themselves, runs collapsed, at most `max` characters.
///
/// ```
/// use dossier_text::perceptron::shape;
/// assert_eq!(shape("Kyiv", 4), "Xx");
/// assert_eq!(shape("U.S.", 5), "X.X.");
/// assert_eq!(shape("10,000", 4), "d,d");
/// ```
pub fn shape(word: &str, max: usize) -> String {
    let mut out = String::new();
    push_shape(word, max, &mut out);
    out
}

/// Appends the [`shape`] of `word` to `out`, so that one buffer can hold the shapes of a
/// whole document instead of one allocation per word.
pub fn push_shape(word: &str, max: usize, out: &mut String) {
    let (mut last, mut count) = (None, 0);
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if last != Some(k) && count < max {
            out.push(k);
            (last, count) = (Some(k), count + 1);
        }
    }
}

/// The last `n` characters of a word (all of it when shorter).
pub fn suffix(word: &str, n: usize) -> &str {
    let start = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[start..]
}

/// The first `n` characters of a word (all of it when shorter).
pub fn prefix(word: &str, n: usize) -> &str {
    let end = word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
    &word[..end]
}

/// Trained weights of `N` classes.
#[derive(Default)]
pub struct Model<const N: usize> {
    weights: Weights<[f32; N]>,
}

impl<const N: usize> Model<N> {
    /// The mean of several models' weights: one model that scores as their average does,
    /// and so depends less than any one of them on the order it was trained in. It keeps
    /// only as many features as the smallest of them weighs ([`Model::pruned`]), so that
    /// the table, and the time it takes to read, does not grow with their number.
    pub fn mean(models: Vec<Model<N>>) -> Model<N> {
        let size = models.iter().map(Model::len).min().unwrap_or(0);
        let k = models.len().max(1) as f32;
        let mut weights = Weights::<[f32; N]>::default();
        for model in models {
            for (f, w) in model.weights {
                for (sum, x) in weights.entry(f).or_insert([0.0; N]).iter_mut().zip(w) {
                    *sum += x / k;
                }
            }
        }
        Model { weights }.pruned(size)
    }

    /// How many features the model weighs.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model weighs no feature at all.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The model with only its `keep` features whose weights spread widest across the
    /// classes (the others move a score least): for a [`Model::mean`] of several models,
    /// a table no bigger than one of theirs. Ties go to the lower feature hash, so the
    /// result never depends on map order.
    ///
    /// ```
    /// use dossier_text::perceptron::Learner;
    /// let mut learner = Learner::<2>::default();
    /// learner.learn(&[1, 2], 1, 0); // features 1 and 2 learn class 1 over class 0
    /// learner.learn(&[1], 1, 0); // feature 1 twice as far
    /// let model = learner.average().pruned(1);
    /// assert_eq!(model.len(), 1);
    /// assert_eq!(model.score(&[2]), [0.0, 0.0], "the narrower feature is gone");
    /// assert!(model.score(&[1])[1] > 0.0);
    /// ```
    pub fn pruned(mut self, keep: usize) -> Model<N> {
        if self.weights.len() <= keep {
            return self;
        }
        let spread = |w: &[f32; N]| w.iter().copied().fold(f32::MIN, f32::max) - w.iter().copied().fold(f32::MAX, f32::min);
        let mut ranked: Vec<(u64, f32)> = self.weights.iter().map(|(&f, w)| (f, spread(w))).collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let kept: std::collections::HashSet<u64> = ranked[..keep].iter().map(|&(f, _)| f).collect();
        self.weights.retain(|f, _| kept.contains(f));
        self
    }

    /// Each class's score: the sum of the features' weights.
    pub fn score(&self, features: &[u64]) -> [f32; N] {
        let mut scores = [0f32; N];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (s, x) in scores.iter_mut().zip(w) {
                    *s += x;
                }
            }
        }
        scores
    }

    /// The best-scoring class; ties go to the lower class, so the choice never depends
    /// on map order.
    pub fn best(scores: &[f32; N]) -> usize {
        let mut best = 0;
        for t in 1..N {
            if scores[t] > scores[best] {
                best = t;
            }
        }
        best
    }

    /// The largest weight in absolute value (for a shared quantisation scale).
    pub fn largest(&self) -> f32 {
        self.weights.values().flat_map(|w| w.iter()).fold(0f32, |m, w| m.max(w.abs()))
    }

    /// Appends the weights, as 16-bit multiples of `scale`, sorted by feature; features
    /// whose weights all round to zero are left out.
    pub fn write(&self, scale: f32, out: &mut Vec<u8>) {
        let mut entries: Vec<(u64, [i16; N])> =
            self.weights.iter().map(|(&f, w)| (f, w.map(|x| (x / scale).round() as i16))).filter(|(_, q)| q.iter().any(|&x| x != 0)).collect();
        entries.sort_unstable_by_key(|e| e.0);
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (f, q) in entries {
            out.extend_from_slice(&f.to_le_bytes());
            for x in q {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    /// Reads what [`Model::write`] wrote.
    pub fn read(bytes: &mut Bytes, scale: f32) -> Result<Model<N>, String> {
        let n = bytes.u32()? as usize;
        let mut weights = Weights::default();
        weights.reserve(n);
        for _ in 0..n {
            let f = bytes.u64()?;
            let q = bytes.take(2 * N)?;
            let mut w = [0f32; N];
            for (t, x) in w.iter_mut().enumerate() {
                *x = f32::from(i16::from_le_bytes([q[2 * t], q[2 * t + 1]])) * scale;
            }
            weights.insert(f, w);
        }
        Ok(Model { weights })
    }
}

/// Averaged-perceptron training: weights plus the running sums that average them.
pub struct Learner<const N: usize> {
    entries: Weights<Entry<N>>,
    step: u32,
}

struct Entry<const N: usize> {
    weight: [f32; N],
    total: [f32; N],
    stamp: [u32; N],
}

impl<const N: usize> Default for Learner<N> {
    fn default() -> Self {
        Learner { entries: Weights::default(), step: 0 }
    }
}

impl<const N: usize> Learner<N> {
    /// The current weights' scores.
    pub fn score(&self, features: &[u64]) -> [f32; N] {
        let mut scores = [0f32; N];
        for f in features {
            if let Some(e) = self.entries.get(f) {
                for (s, x) in scores.iter_mut().zip(&e.weight) {
                    *s += x;
                }
            }
        }
        scores
    }

    /// The current weights' best class.
    pub fn guess(&self, features: &[u64]) -> usize {
        Model::best(&self.score(features))
    }

    /// One training step: when the guess was wrong, moves weight from it to the truth.
    pub fn learn(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.step += 1;
        if guess == truth {
            return;
        }
        let step = self.step;
        for &f in features {
            let e = self.entries.entry(f).or_insert_with(|| Entry { weight: [0.0; N], total: [0.0; N], stamp: [0; N] });
            for (t, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                e.total[t] += (step - e.stamp[t]) as f32 * e.weight[t];
                e.stamp[t] = step;
                e.weight[t] += delta;
            }
        }
    }

    /// The weights averaged over every step.
    pub fn average(self) -> Model<N> {
        let step = self.step;
        let weights = self
            .entries
            .into_iter()
            .map(|(f, e)| {
                let mut w = [0f32; N];
                for (t, w) in w.iter_mut().enumerate() {
                    *w = (e.total[t] + (step - e.stamp[t]) as f32 * e.weight[t]) / step.max(1) as f32;
                }
                (f, w)
            })
            .collect();
        Model { weights }
    }
}

/// Shuffles `order` in place (Fisher–Yates with xorshift): the same order for the same state.
pub fn shuffle<T>(order: &mut [T], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

/// Calls `step` with every index below `count`, `iterations` times over, each pass in an
/// order [`shuffle`]d from `seed`: a trainer's passes over its examples, the same for the
/// same seed.
pub fn shuffled_passes(count: usize, iterations: usize, seed: u64, mut step: impl FnMut(usize)) {
    let mut order: Vec<usize> = (0..count).collect();
    let mut state = seed;
    for _ in 0..iterations {
        shuffle(&mut order, &mut state);
        order.iter().for_each(|&i| step(i));
    }
}

/// A model file being read: each read takes the next bytes or says the file is truncated.
pub struct Bytes<'a> {
    raw: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    pub fn new(raw: &'a [u8]) -> Bytes<'a> {
        Bytes { raw, at: 0 }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let slice = self.raw.get(self.at..self.at + n).ok_or("the model is truncated")?;
        self.at += n;
        Ok(slice)
    }

    pub fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    pub fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("eight bytes")))
    }

    /// The header [`start_model`] wrote: checks the format's name and returns the scale.
    pub fn header(&mut self, magic: &[u8], what: &str) -> Result<f32, String> {
        if self.take(magic.len())? != magic {
            return Err(format!("not a {what} model"));
        }
        self.f32()
    }

    /// A string written as one length byte and its UTF-8.
    pub fn short_string(&mut self) -> Result<String, String> {
        let len = self.u8()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).map_err(|e| format!("the model is damaged: {e}"))
    }
}

/// Starts a model file: the format's name, then the scale that quantises the weights of
/// `models` to 16 bits (their largest weight over 32767), which it also returns.
pub fn start_model<const N: usize>(magic: &[u8], models: &[&Model<N>]) -> (Vec<u8>, f32) {
    let scale = models.iter().map(|m| m.largest()).fold(0f32, f32::max).max(f32::MIN_POSITIVE) / 32767.0;
    let mut raw = magic.to_vec();
    raw.extend_from_slice(&scale.to_le_bytes());
    (raw, scale)
}

/// A model file holding one model and nothing else: its header, then its weights, deflated.
pub fn single_model_bytes<const N: usize>(magic: &[u8], model: &Model<N>) -> Vec<u8> {
    let (mut raw, scale) = start_model(magic, &[model]);
    model.write(scale, &mut raw);
    deflate(&raw)
}

/// The model of a file [`single_model_bytes`] wrote; `what` names it when the file is not one.
pub fn read_single_model<const N: usize>(bytes: &[u8], magic: &[u8], what: &str) -> Result<Model<N>, String> {
    let raw = inflate(bytes)?;
    let mut bytes = Bytes::new(&raw);
    let scale = bytes.header(magic, what)?;
    Model::read(&mut bytes, scale)
}

/// Appends a string as one length byte and its UTF-8 (strings must be under 256 bytes).
pub fn write_short_string(s: &str, out: &mut Vec<u8>) {
    debug_assert!(s.len() < 256);
    out.push(s.len() as u8);
    out.extend_from_slice(s.as_bytes());
}

/// Deflates a model's bytes, as committed.
pub fn deflate(raw: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut out = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    out.write_all(raw).expect("deflating into memory does not fail");
    out.finish().expect("deflating into memory does not fail")
}

/// Inflates a committed model.
pub fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut raw = Vec::new();
    flate2::read::DeflateDecoder::new(bytes).read_to_end(&mut raw).map_err(|e| format!("the model is damaged: {e}"))?;
    Ok(raw)
}
