//! Every row of the hedge table, in sentences written for the purpose
//! (`tests/hedges.tsv`): each figure's interval, approximation and unit, and sentences
//! whose numbers are not figures at all.

use dossier_doc::{Article, Doc, Interval};

/// "[12, inf)", "(0.5, 1]", "approx 700", "(-inf, 200) approx" → (interval, approximate).
fn parse(expected: &str) -> (Interval, bool) {
    let expected = expected.trim();
    if let Some(x) = expected.strip_prefix("approx ") {
        let x: f64 = x.parse().expect("a number after approx");
        return (Interval::exact(x), true);
    }
    let (bounds, approximate) = match expected.strip_suffix(" approx") {
        Some(b) => (b, true),
        None => (expected, false),
    };
    let (low, high) = bounds[1..bounds.len() - 1].split_once(',').expect("low, high");
    // "inf" means unbounded (f64 would parse it as infinity).
    let bound = |s: &str| s.trim().parse::<f64>().ok().filter(|x| x.is_finite());
    let (low, high) = (bound(low), bound(high));
    (Interval::new(low, bounds.starts_with('['), high, bounds.ends_with(']')), approximate)
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn every_row_of_the_hedge_table() {
    let rows = include_str!("hedges.tsv");
    let mut misses = Vec::new();
    let mut checked = 0;
    for line in rows.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (sentence, figure) = (cols[0], cols[1]);
        let mut doc = Doc::new(Article::from_paragraphs(vec![sentence.to_string()]));
        dossier_text::annotate(&mut doc);
        doc.times = dossier_times::annotate(&doc, None);
        let quantities = dossier_figures::annotate(&doc);
        checked += 1;
        if figure == "-" {
            if let Some(q) = quantities.first() {
                misses.push(format!("{sentence}: no figure expected, got {:?}", doc.slice(q.span)));
            }
            continue;
        }
        let Some(q) = quantities.iter().find(|q| doc.slice(q.span) == figure) else {
            let got: Vec<&str> = quantities.iter().map(|q| doc.slice(q.span)).collect();
            misses.push(format!("{sentence}: no figure {figure:?} (got {got:?})"));
            continue;
        };
        let (want, approximate) = parse(cols[2]);
        let got = q.interval;
        let bounds_ok = same(got.low, want.low) && same(got.high, want.high) && got.low_inclusive == want.low_inclusive && got.high_inclusive == want.high_inclusive;
        if !bounds_ok || q.approximate != approximate {
            misses.push(format!("{sentence}: {figure:?} is {got:?} approximate={}, want {}", q.approximate, cols[2]));
        }
        if let Some(unit) = cols.get(3).filter(|u| !u.is_empty()) {
            if q.unit.as_deref() != Some(*unit) {
                misses.push(format!("{sentence}: {figure:?} unit {:?}, want {unit:?}", q.unit));
            }
        }
    }
    assert!(checked >= 150, "the table needs at least 150 sentences, has {checked}");
    assert!(misses.is_empty(), "{} of {checked} sentences missed:\n{}", misses.len(), misses.join("\n"));
}
