//! Near-duplicate articles: word shingles, MinHash signatures and LSH bands.
//!
//! A copy is judged by containment (shared shingles over the smaller article's), not by
//! Jaccard similarity, because a wire story is often republished trimmed: a copy of its
//! first five paragraphs is a copy, although it shares only half the original's text.
//! MinHash bands only nominate candidates; containment is then computed exactly.

use std::collections::HashSet;

/// Words per shingle.
const SHINGLE: usize = 5;
pub const HASHES: usize = 126;
const ROWS: usize = 3;
pub const BANDS: usize = HASHES / ROWS;
/// Shared shingles over the smaller article's at which it is a copy.
pub const COPY_CONTAINMENT: f64 = 0.6;
/// Fewer shingles than this and an article is too short to call a copy of anything.
const MIN_SHINGLES: usize = 8;

/// FNV-1a: stable across Rust releases, unlike `DefaultHasher`, because signatures are stored.
fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64's finaliser: turns one shingle hash into the i-th independent hash.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The article's word 5-grams, hashed; words are lower-cased alphanumeric runs.
pub fn shingles(body: &str) -> HashSet<u64> {
    let words: Vec<String> = body.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words
        .windows(SHINGLE)
        .map(|w| {
            let mut h = 0u64;
            for word in w {
                h = fnv(word.as_bytes(), h.rotate_left(5));
            }
            h
        })
        .collect()
}

/// A MinHash signature and the LSH band keys derived from it; empty for a too-short article.
pub struct Signature {
    pub shingles: HashSet<u64>,
    pub bands: Vec<i64>,
}

impl Signature {
    pub fn of(body: &str) -> Signature {
        let shingles = shingles(body);
        if shingles.len() < MIN_SHINGLES {
            return Signature { shingles, bands: Vec::new() };
        }
        let mut minima = [u64::MAX; HASHES];
        for &s in &shingles {
            for (i, m) in minima.iter_mut().enumerate() {
                *m = (*m).min(mix(s ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
            }
        }
        let bands = minima
            .chunks(ROWS)
            .enumerate()
            .map(|(b, rows)| {
                let mut h = b as u64;
                for &r in rows {
                    h = mix(h ^ r);
                }
                h as i64
            })
            .collect();
        Signature { shingles, bands }
    }
}

/// Shared shingles over the smaller set's size; 0 when either is too short to judge.
pub fn containment(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller < MIN_SHINGLES {
        return 0.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().filter(|s| large.contains(s)).count() as f64 / smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "The port authority said on Tuesday that at least 40 ships were waiting outside the harbour after the storm damaged two cranes. \
        Officials expect the backlog to clear by the end of the month, a spokesman told reporters. \
        Shipping companies have diverted some vessels to other ports along the coast, according to the authority.";

    #[test]
    fn a_trimmed_copy_is_contained_and_shares_a_band() {
        let copy = WIRE.split(". ").take(2).collect::<Vec<_>>().join(". ");
        let (a, b) = (Signature::of(WIRE), Signature::of(&copy));
        assert!(containment(&a.shingles, &b.shingles) >= COPY_CONTAINMENT);
        assert!(a.bands.iter().zip(&b.bands).any(|(x, y)| x == y));
    }

    #[test]
    fn an_independent_report_is_not_a_copy() {
        let other = "Dozens of cargo ships queued off the coast on Tuesday as repairs to storm-damaged cranes continued, \
            the harbour master said, adding that some operators had chosen to unload elsewhere while the port recovers.";
        assert!(containment(&Signature::of(WIRE).shingles, &Signature::of(other).shingles) < 0.1);
    }

    #[test]
    fn short_texts_have_no_bands() {
        assert!(Signature::of("Too short to judge.").bands.is_empty());
    }
}
