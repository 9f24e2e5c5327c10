use super::*;
use dossier_doc::Article;

fn figures(text: &str) -> (Doc, Vec<Quantity>) {
    let mut doc = Doc::new(Article::from_paragraphs(vec![text.into()]));
    dossier_text::annotate(&mut doc);
    doc.times = dossier_times::annotate(&doc, None);
    let q = annotate(&doc);
    (doc, q)
}

/// The single figure of a sentence: (text, low, low_inclusive, high, high_inclusive, approximate).
fn one(text: &str) -> (String, Option<f64>, bool, Option<f64>, bool, bool) {
    let (doc, q) = figures(text);
    assert_eq!(q.len(), 1, "{text}: {q:#?}");
    let i = q[0].interval;
    (doc.slice(q[0].span).to_string(), i.low, i.low_inclusive, i.high, i.high_inclusive, q[0].approximate)
}

#[test]
fn every_hedge_of_the_table() {
    let inf = None;
    assert_eq!(one("at least 10,000 containers"), ("at least 10,000".into(), Some(10000.0), true, inf, false, false));
    assert_eq!(one("no fewer than 12 ships"), ("no fewer than 12".into(), Some(12.0), true, inf, false, false));
    assert_eq!(one("more than 500 people"), ("more than 500".into(), Some(500.0), false, inf, false, false));
    assert_eq!(one("over 20 military personnel"), ("over 20".into(), Some(20.0), false, inf, false, false));
    assert_eq!(one("in excess of 300 tanks"), ("in excess of 300".into(), Some(300.0), false, inf, false, false));
    assert_eq!(one("up to 4.8 million shells"), ("up to 4.8 million".into(), Some(0.0), true, Some(4.8e6), true, false));
    assert_eq!(one("no more than 40 troops"), ("no more than 40".into(), Some(0.0), true, Some(40.0), true, false));
    assert_eq!(one("fewer than 30 boats"), ("fewer than 30".into(), Some(0.0), true, Some(30.0), false, false));
    assert_eq!(one("under 50 drones"), ("under 50".into(), Some(0.0), true, Some(50.0), false, false));
    assert_eq!(one("approximately 700 guns"), ("approximately 700".into(), Some(700.0), true, Some(700.0), true, true));
    assert_eq!(one("an estimated 2,000 people"), ("an estimated 2,000".into(), Some(2000.0), true, Some(2000.0), true, true));
    assert_eq!(one("nearly 100 homes"), ("nearly 100".into(), None, false, Some(100.0), false, true));
    assert_eq!(one("between 20 and 30 shells"), ("between 20 and 30".into(), Some(20.0), true, Some(30.0), true, false));
    assert_eq!(one("20-30 shells"), ("20-30".into(), Some(20.0), true, Some(30.0), true, false));
    assert_eq!(one("most of the shells"), ("most".into(), Some(0.5), false, Some(1.0), true, false));
    assert_eq!(one("a majority of voters"), ("a majority".into(), Some(0.5), false, Some(1.0), true, false));
    assert_eq!(one("approximately half of them"), ("approximately half".into(), Some(0.5), true, Some(0.5), true, true));
    assert_eq!(one("more than half of voters"), ("more than half".into(), Some(0.5), false, Some(1.0), true, false));
    assert_eq!(one("nearly 40% of voters"), ("nearly 40%".into(), Some(0.0), true, Some(0.4), false, true));
    assert_eq!(one("rose by more than 1,026% in a year"), ("more than 1,026%".into(), Some(10.26), false, None, false, false));
    assert_eq!(one("up to 150% of the cost"), ("up to 150%".into(), Some(0.0), true, Some(1.5), true, false));
}

#[test]
fn numbers_in_words_and_scales() {
    assert_eq!(one("six North Korean officers").1, Some(6.0));
    assert_eq!(one("twenty-four soldiers").1, Some(24.0));
    assert_eq!(one("a dozen tanks").1, Some(12.0));
    assert_eq!(one("three hundred and twenty men").1, Some(320.0));
    assert_eq!(one("1.5bn euros").1, Some(1.5e9));
    assert_eq!(one("3m people").1, Some(3e6));
    assert_eq!(one("45% of voters").1, Some(0.45));
    assert_eq!(one("45 percent of voters").1, Some(0.45));
    assert_eq!(one("hundreds of protesters"), ("hundreds".into(), Some(200.0), true, Some(1000.0), false, true));
    assert_eq!(one("tens of thousands of people").3, Some(100000.0));
    assert_eq!(one("a third of the budget").1, Some(1.0 / 3.0));
    assert_eq!(one("two-thirds of the budget").1, Some(2.0 / 3.0));
}

#[test]
fn money_units_rates_and_bases() {
    let (doc, q) = figures("It cost $2.3 billion, and 40 million euros.");
    assert_eq!((q[0].kind, q[0].currency.as_deref(), q[0].value), (QuantityKind::Money, Some("USD"), Some(2.3e9)));
    assert_eq!((q[1].currency.as_deref(), q[1].value), (Some("EUR"), Some(4e7)));
    assert_eq!(doc.slice(q[1].span), "40 million euros");

    let (_, q) = figures("approximately half of the 3 million artillery shells used annually by Russia");
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].unit.as_deref(), Some("artillery shells"));
    assert_eq!(q[1].per.as_deref(), Some("year"));
    assert_eq!(q[0].base, Some(1));
    assert_eq!(q[0].derived.unwrap().low, Some(1.5e6));

    let (_, q) = figures("over 20 military personnel killed in a strike");
    assert_eq!(q[0].unit.as_deref(), Some("military personnel"));
    // An ordinal half is a period of time, not a share.
    let (_, q) = figures("Profit rose in the first half and will rise in the second half of next year.");
    assert!(q.is_empty(), "{q:?}");
    // A possessor is not what is counted: its possession is.
    let (_, q) = figures("The terminal handles roughly 30% of the region's grain exports.");
    assert_eq!(q[0].unit.as_deref(), Some("region's grain exports"));
    let (_, q) = figures("It flew 300 km in a day.");
    assert_eq!(q[0].kind, QuantityKind::Measure);
}

#[test]
fn counts_after_a_name_at_a_sentence_start_stay() {
    assert_eq!(one("Over 20 people died.").1, Some(20.0));
    assert_eq!(one("Kyiv said 12 drones were downed.").1, Some(12.0));
}

#[test]
fn not_figures() {
    for text in [
        "the 70th anniversary of the founding",
        "for the first time in 24 years",
        "Su-25 jets and G7 leaders",
        "a 45-year-old man",
        "at 10:30 on Monday",
        "the 2022 invasion",
        "Resolution 2231 was adopted",
        "one of the officers",
        "as shown in Fig. 4 and Table 3",
        "earlier work [28] and reviews [1–5]",
        "the compound (1) was stable",
        "some valuable gains",
        "results of Algorithm 1 and Figs. 5 and 6",
        "the airline flies a Boeing 747 to Seoul",
        "genes such as GFM1 (OMIM: 606639) matter",
    ] {
        let (_, q) = figures(text);
        assert!(q.is_empty(), "{text}: {q:#?}");
    }
}

#[test]
fn scientific_notation_and_unit_exponents() {
    let (doc, q) = figures("The rate was 2 × 10−9 cm3 s−1 at 10−5 mbar, a flux of 2.23 × 1019 m−2 and a speed of 7.83 m s−1.");
    let got: Vec<(String, Option<f64>, Option<String>)> = q.iter().map(|q| (doc.slice(q.span).to_string(), q.value, q.unit.clone())).collect();
    assert_eq!(
        got,
        [
            ("2 × 10−9".to_string(), Some(2e-9), Some("cm3 s−1".to_string())),
            ("10−5".to_string(), Some(1e-5), Some("mbar".to_string())),
            ("2.23 × 1019".to_string(), Some(2.23e19), Some("m−2".to_string())),
            ("7.83".to_string(), Some(7.83), Some("m s−1".to_string())),
        ]
    );
    // A plain hundred after "×" is a hundred, and a hyphen in a name is no exponent.
    assert_eq!(figures("a grid of 3 × 100 cells").1[0].value, Some(3.0));
    assert_eq!(figures("5 COVID-19 patients").1.len(), 1);
}

#[test]
fn a_range_with_its_unit_on_both_ends() {
    let (doc, q) = figures("The cores were taken between 185 km and 215 km offshore.");
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!((q[0].interval.low, q[0].interval.high, q[0].unit.as_deref()), (Some(185.0), Some(215.0), Some("km")));
    assert_eq!(doc.slice(q[0].span), "between 185 km and 215");
    // Different units on the two ends are two figures.
    assert_eq!(figures("between 185 km and 215 miles").1.len(), 2);
}

#[test]
fn a_measurement_with_its_uncertainty() {
    let (doc, q) = figures("Held at 5 ± 0.2 K, the sample lost 1.6 ± 0.2% of its mass.");
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!((doc.slice(q[0].span), q[0].value, q[0].interval.low, q[0].interval.high), ("5 ± 0.2", Some(5.0), Some(4.8), Some(5.2)));
    assert_eq!(q[0].unit.as_deref(), Some("K"));
    let share = q[1].interval;
    assert!((share.low.unwrap() - 0.014).abs() < 1e-9 && (share.high.unwrap() - 0.018).abs() < 1e-9, "{share:?}");
}

#[test]
fn negative_figures_and_degrees() {
    let (doc, q) = figures("Temperatures fell to −27.7 °C at night, and the ratio was −3.5‰.");
    let got: Vec<(&str, Option<f64>, Option<&str>)> = q.iter().map(|q| (doc.slice(q.span), q.value, q.unit.as_deref())).collect();
    assert_eq!(got, [("−27.7", Some(-27.7), Some("°C")), ("−3.5", Some(-3.5), Some("‰"))]);
    let (_, q) = figures("It was stored between −55 °C and −109 °C.");
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!((q[0].interval.low, q[0].interval.high), (Some(-109.0), Some(-55.0)));
    // The dash of a range is no minus, nor an exponent after ten.
    assert_eq!(one("20-30 people").1, Some(20.0));
    assert_eq!(one("10-15 people").1, Some(10.0));
}

#[test]
fn a_range_from_below_zero() {
    // Found by fuzzing: a negative low end must not scale the range ("20 to 30 million").
    let (_, q) = figures("It swung between −5 and 0 degrees.");
    assert!(q.iter().all(|q| !q.interval.low.unwrap_or(0.0).is_nan()), "{q:#?}");
    assert_eq!((q[0].interval.low, q[0].interval.high), (Some(-5.0), Some(0.0)));
}
