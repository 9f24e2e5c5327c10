//! Near-duplicate articles: word shingles, MinHash signatures and LSH bands.
//!
//! A copy is judged by containment (shared shingles over the smaller article's), not by
//! Jaccard similarity, because a wire story is often republished trimmed: a copy of its
//! first five paragraphs is a copy, although it shares only half the original's text.
//! MinHash bands only nominate candidates; containment is then computed on each
//! article's stored fingerprint (all its shingles, as 32-bit hashes).

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
fn shingles(body: &str) -> HashSet<u64> {
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

/// An article's LSH band keys (none for a too-short article) and its fingerprint.
pub struct Signature {
    pub bands: Vec<i64>,
    /// The shingles as stored: sorted 32-bit hashes, little-endian, so that a candidate's
    /// containment is a merge of two sorted lists, with nothing to re-read.
    pub fingerprint: Vec<u8>,
}

fn fingerprint(shingles: &HashSet<u64>) -> Vec<u8> {
    let mut hashes: Vec<u32> = shingles.iter().map(|&s| (s >> 32) as u32 ^ s as u32).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes.iter().flat_map(|h| h.to_le_bytes()).collect()
}

fn hashes(fingerprint: &[u8]) -> impl Iterator<Item = u32> + '_ {
    fingerprint.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// Shared shingles over the smaller article's, from two fingerprints; 0 when either is
/// too short to judge.
pub fn containment(a: &[u8], b: &[u8]) -> f64 {
    let (na, nb) = (a.len() / 4, b.len() / 4);
    if na.min(nb) < MIN_SHINGLES {
        return 0.0;
    }
    let (mut x, mut y) = (hashes(a).peekable(), hashes(b).peekable());
    let mut shared = 0;
    while let (Some(&p), Some(&q)) = (x.peek(), y.peek()) {
        match p.cmp(&q) {
            std::cmp::Ordering::Less => {
                x.next();
            }
            std::cmp::Ordering::Greater => {
                y.next();
            }
            std::cmp::Ordering::Equal => {
                shared += 1;
                x.next();
                y.next();
            }
        }
    }
    shared as f64 / na.min(nb) as f64
}

impl Signature {
    pub fn of(body: &str) -> Signature {
        let shingles = shingles(body);
        let fingerprint = fingerprint(&shingles);
        if shingles.len() < MIN_SHINGLES {
            return Signature { bands: Vec::new(), fingerprint };
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
        Signature { bands, fingerprint }
    }
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
        assert!(containment(&a.fingerprint, &b.fingerprint) >= COPY_CONTAINMENT);
        assert!(a.bands.iter().zip(&b.bands).any(|(x, y)| x == y));
    }

    #[test]
    fn an_independent_report_is_not_a_copy() {
        let other = "Dozens of cargo ships queued off the coast on Tuesday as repairs to storm-damaged cranes continued, \
            the harbour master said, adding that some operators had chosen to unload elsewhere while the port recovers.";
        assert!(containment(&Signature::of(WIRE).fingerprint, &Signature::of(other).fingerprint) < 0.1);
    }

    #[test]
    fn fingerprints_agree_with_shingle_sets() {
        let copy = WIRE.split(". ").take(2).collect::<Vec<_>>().join(". ");
        let (a, b) = (shingles(WIRE), shingles(&copy));
        let exact = a.intersection(&b).count() as f64 / a.len().min(b.len()) as f64;
        let stored = containment(&fingerprint(&a), &fingerprint(&b));
        assert!((exact - stored).abs() < 0.02, "{exact} vs {stored}");
    }

    #[test]
    fn short_texts_have_no_bands() {
        assert!(Signature::of("Too short to judge.").bands.is_empty());
    }
}
