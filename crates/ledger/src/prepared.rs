//! [`Prepared`]: a filing with what linking needs worked out ahead — its shingle
//! signature and each claim's terms, polarity and figures — so that the work runs on
//! the ingest workers and the store's single writer only reads and writes.

use crate::copies::Signature;
use crate::filing::{Bounds, Filing};
use crate::matching::{negated, terms, measured, widen};

/// A filing ready for [`crate::Store::file`].
pub struct Prepared {
    pub filing: Filing,
    /// [`Filing::pack`]ed, as the store keeps it.
    pub(crate) packed: Vec<u8>,
    pub(crate) signature: Signature,
    /// In the order of [`Filing::claims`].
    pub(crate) claims: Vec<PreparedClaim>,
}

pub(crate) struct PreparedClaim {
    pub terms: Vec<String>,
    /// The proposition's polarity: a denial of a negated statement asserts it.
    pub negative: bool,
    /// What each figure measures ([`measured`]) and its interval (widened when approximate).
    pub figures: Vec<(Option<String>, Bounds)>,
}

impl From<Filing> for Prepared {
    fn from(filing: Filing) -> Prepared {
        let packed = filing.pack();
        Prepared::with_packed(filing, packed)
    }
}

impl Prepared {
    /// A filing as [`Prepared::packed`] gave it, prepared again (by the process that
    /// files what another analysed).
    pub fn unpack(packed: Vec<u8>) -> Result<Prepared, String> {
        Ok(Prepared::with_packed(Filing::unpack(&packed)?, packed))
    }

    /// The filing as the store keeps it (see [`Filing::pack`]).
    pub fn packed(&self) -> &[u8] {
        &self.packed
    }

    fn with_packed(filing: Filing, packed: Vec<u8>) -> Prepared {
        let claims = filing
            .claims
            .iter()
            .map(|claim| {
                let named: Vec<_> = claim.entities.iter().filter_map(|&e| filing.entities.get(e)).collect();
                let keys: Vec<&str> = named.iter().map(|e| e.key.as_str()).collect();
                let names: Vec<&str> = named.iter().flat_map(|e| e.mentions.iter().map(|m| m.text.as_str()).chain([e.name.as_str()])).collect();
                PreparedClaim {
                    terms: terms(&claim.content.text, &keys, &names),
                    negative: claim.negative != negated(&claim.content.text),
                    figures: claim.figures.iter().filter_map(|&q| filing.figures.get(q)).map(|f| (measured(Some(&f.kind), f.unit.as_deref()), widen(f.interval, f.approximate))).collect(),
                }
            })
            .collect();
        Prepared { signature: Signature::of(&filing.body), claims, packed, filing }
    }
}
