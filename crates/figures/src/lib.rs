//! Quantities with their hedges kept as numeric intervals.
//!
//! **Key decision: a figure is an [`Interval`], never a bare number.** "At least 10,000"
//! is `[10000, ∞)` and "up to 4.8 million" is `[0, 4800000]`: an analyst comparing two
//! reports needs to know whether their figures can both be true, and a bare 10,000 or
//! 4,800,000 (what ACLED and PLOVER keep) cannot say. The mapping from hedge words to
//! bounds is one table, [`HEDGES`]; its rows are documented on [`Hedge`].
//!
//! Conventions beyond the table: "approximately x" keeps the point `[x, x]` with
//! `approximate: true`; vague plurals ("hundreds of") span `[2b, 10b)` of their base b;
//! shares are fractions ("most" is `(0.5, 1]`, "45%" is 0.45); a share of a later figure
//! ("half of the 3 million shells") links to it as `base` and carries the `derived`
//! interval share × base. Ordinals, years, ages, times of day and numbers inside names
//! ("Su-25", "G7") are not figures; numbers inside time expressions belong to those.
//!
//! ```
//! use dossier_doc::{Article, Doc};
//! let mut doc = Doc::new(Article::from_paragraphs(vec![
//!     "It sent at least 10,000 sea containers, which could contain up to 4.8 million shells.".into(),
//! ]));
//! dossier_text::annotate(&mut doc);
//! let figures = dossier_figures::annotate(&doc);
//! assert_eq!(figures[0].interval.low, Some(10_000.0));
//! assert_eq!(figures[0].unit.as_deref(), Some("sea containers"));
//! assert_eq!(figures[1].interval.high, Some(4_800_000.0));
//! assert_eq!(doc.slice(figures[1].modality.unwrap()), "could");
//! ```

mod hedges;
mod numbers;

pub use hedges::{Hedge, HEDGES};
pub use numbers::is_measure_unit;

use dossier_doc::{Doc, Interval, Quantity, QuantityKind, TimeType, TokenKind};
use numbers::{Figure, NumberReader};

/// Finds the quantities of a tokenised document whose time expressions are already found.
pub fn annotate(doc: &Doc) -> Vec<Quantity> {
    let reader = NumberReader::new(doc);
    let mut quantities: Vec<Quantity> = Vec::new();
    let mut share_ends: Vec<(usize, usize)> = Vec::new();
    for &sentence in &doc.sentences {
        let range = doc.token_range(sentence);
        let mut i = range.start;
        while i < range.end {
            match quantity_at(&reader, i, range.end) {
                Some((q, end, figure_end)) => {
                    if q.kind == QuantityKind::Share {
                        share_ends.push((quantities.len(), figure_end));
                    }
                    quantities.push(q);
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    link_shares(&reader, &mut quantities, &share_ends);
    quantities
}

/// The quantity starting at token `i` (with its hedge), the token after everything it
/// consumed, and the token after the figure itself.
fn quantity_at(r: &NumberReader, i: usize, end: usize) -> Option<(Quantity, usize, usize)> {
    if r.blocked(i) {
        return None;
    }
    let (mut hedge, mut at) = match r.hedge_at(i, end) {
        Some((hedge, len)) => (Some(hedge), i + len),
        None => (None, i),
    };
    let figure = match r.range_at(at, end).or_else(|| r.figure_at(at, end)) {
        Some(f) => f,
        // A hedge word may itself open a figure ("nearly all", "some 40 percent" is above).
        None if hedge.is_some() => {
            (hedge, at) = (None, i);
            r.figure_at(i, end)?
        }
        None => return None,
    };
    let Figure { value, mut interval, mut approximate, kind, currency, end: figure_end, .. } = figure;
    if let (Some(h), Some(x)) = (hedge, value) {
        let (hedged, approx) = h.interval(x);
        interval = hedged;
        approximate |= approx;
    }
    if kind == QuantityKind::Share {
        interval = clamp_share(interval);
    }
    let doc = r.doc;
    let first = if hedge.is_some() { i } else { at };
    let span = doc.tokens[first].span.cover(doc.tokens[figure_end - 1].span);
    let hedge_span = hedge.map(|_| doc.tokens[i].span.cover(doc.tokens[at - 1].span));
    let (unit, unit_span, unit_end) = match kind {
        QuantityKind::Money => (None, None, figure_end),
        _ => r.unit_after(figure_end, end),
    };
    let kind = match (&unit, kind) {
        (Some(u), QuantityKind::Count) if numbers::is_measure_unit(u) => QuantityKind::Measure,
        (_, k) => k,
    };
    // "10 per 100,000 people": the base of the rate is named after "per".
    let per_base = r.per_base(unit_end, end);
    let per = if per_base.is_some() { None } else { r.rate_after(unit_end, end) };
    let modality = r.modal_before(first);
    let q = Quantity {
        span,
        kind,
        value,
        interval,
        approximate,
        hedge: hedge_span,
        modality,
        unit,
        unit_span,
        currency,
        per: per.map(|(p, _)| p.to_string()).or(per_base.as_ref().map(|(p, _)| p.clone())),
        base: None,
        derived: None,
    };
    let consumed = per.map_or(unit_end, |(_, e)| e.max(unit_end)).max(per_base.map_or(0, |(_, e)| e));
    Some((q, consumed.max(figure_end), figure_end))
}

/// A share of a whole lives in [0, 1]: "more than half" is (0.5, 1], "nearly 40%" is
/// [0, 0.4). A percentage of 100 or more ("rose by more than 1,000%") is a ratio, not a
/// share of a whole, and keeps its open bound.
fn clamp_share(i: Interval) -> Interval {
    let low = i.low.or(Some(0.0));
    let low_inclusive = i.low.is_none() || i.low_inclusive;
    match (i.low, i.high) {
        (Some(l), _) if l >= 1.0 => i,
        (_, None) => Interval::new(low, low_inclusive, Some(1.0), true),
        (_, Some(h)) => Interval::new(low, low_inclusive, Some(h), i.high_inclusive),
    }
}

/// "half of the 3 million shells": the share's base is the next figure, and the share
/// implies share × base.
fn link_shares(r: &NumberReader, quantities: &mut [Quantity], share_ends: &[(usize, usize)]) {
    for &(q, figure_end) in share_ends {
        let mut at = figure_end;
        if r.word(at) != "of" {
            continue;
        }
        at += 1;
        if matches!(r.word(at), "the" | "its" | "their" | "his" | "her" | "these" | "those" | "all" | "an" | "a") {
            at += 1;
        }
        let Some(start) = r.doc.tokens.get(at).map(|t| t.span.start()) else { continue };
        let Some(b) = quantities.iter().position(|x| x.span.start() == start) else { continue };
        if quantities[b].kind == QuantityKind::Share {
            continue;
        }
        let derived = product(quantities[q].interval, quantities[b].interval);
        let share = &mut quantities[q];
        share.base = Some(b);
        share.derived = Some(derived);
        share.unit = None;
        share.unit_span = None;
    }
}

/// The product of two intervals of non-negative numbers.
fn product(a: Interval, b: Interval) -> Interval {
    let mul = |x: Option<f64>, y: Option<f64>| x.zip(y).map(|(x, y)| x * y);
    Interval::new(
        mul(a.low, b.low).or(Some(0.0)),
        a.low_inclusive && b.low_inclusive || a.low.is_none() || b.low.is_none(),
        mul(a.high, b.high),
        a.high_inclusive && b.high_inclusive,
    )
}

/// The period of a set time expression ("annually" → "year").
fn period(value: &str) -> Option<&'static str> {
    Some(match value {
        "P1Y" => "year",
        "P1M" => "month",
        "P1W" => "week",
        "P1D" => "day",
        "PT1H" => "hour",
        _ => return None,
    })
}

fn set_at(doc: &Doc, token: usize) -> Option<&'static str> {
    let start = doc.tokens.get(token)?.span.start();
    doc.times.iter().find(|t| t.kind == TimeType::Set && t.span.start() == start).and_then(|t| period(&t.value))
}

fn is_word(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
}

#[cfg(test)]
mod tests;
