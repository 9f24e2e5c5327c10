//! The hedge table: the words before a figure and the interval they make of it.

use dossier_doc::Interval;

/// How a hedge bounds the figure `x` it precedes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// at least, no fewer than, no less than, a minimum of → [x, ∞)
    AtLeast,
    /// more than, over, above, in excess of, upwards of → (x, ∞)
    MoreThan,
    /// up to, at most, no more than, as many as, a maximum of → [0, x]
    UpTo,
    /// fewer than, less than, under, below → [0, x)
    FewerThan,
    /// approximately, about, around, some, roughly, an estimated, close to → x, approximate
    About,
    /// nearly, almost, just under → below x, approximate: (−∞, x)
    Nearly,
    /// exactly, precisely → [x, x]
    Exactly,
}

/// Hedge phrases, longest first within each hedge so that "no more than" beats "more than".
pub const HEDGES: &[(&[&str], Hedge)] = &[
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["at", "least"], Hedge::AtLeast),
    (&["no", "more", "than"], Hedge::UpTo),
    (&["not", "more", "than"], Hedge::UpTo),
    (&["as", "many", "as"], Hedge::UpTo),
    (&["as", "much", "as"], Hedge::UpTo),
    (&["a", "maximum", "of"], Hedge::UpTo),
    (&["up", "to"], Hedge::UpTo),
    (&["at", "most"], Hedge::UpTo),
    (&["in", "excess", "of"], Hedge::MoreThan),
    (&["upwards", "of"], Hedge::MoreThan),
    (&["more", "than"], Hedge::MoreThan),
    (&["greater", "than"], Hedge::MoreThan),
    (&["just", "over"], Hedge::MoreThan),
    (&["over"], Hedge::MoreThan),
    (&["above"], Hedge::MoreThan),
    (&["fewer", "than"], Hedge::FewerThan),
    (&["less", "than"], Hedge::FewerThan),
    (&["just", "under"], Hedge::Nearly),
    (&["under"], Hedge::FewerThan),
    (&["below"], Hedge::FewerThan),
    (&["an", "estimated"], Hedge::About),
    (&["close", "to"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx."], Hedge::About),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["some"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["exactly"], Hedge::Exactly),
    (&["precisely"], Hedge::Exactly),
];

impl Hedge {
    /// The interval of a figure `x` under this hedge, and whether it is approximate.
    ///
    /// ```
    /// use dossier_figures::Hedge;
    /// let (at_least, _) = Hedge::AtLeast.interval(10_000.0);
    /// assert_eq!((at_least.low, at_least.high), (Some(10_000.0), None));
    /// let (up_to, _) = Hedge::UpTo.interval(4.8e6);
    /// assert_eq!((up_to.low, up_to.high, up_to.high_inclusive), (Some(0.0), Some(4.8e6), true));
    /// ```
    pub fn interval(self, x: f64) -> (Interval, bool) {
        let lower = x.min(0.0);
        match self {
            Hedge::AtLeast => (Interval::new(Some(x), true, None, false), false),
            Hedge::MoreThan => (Interval::new(Some(x), false, None, false), false),
            Hedge::UpTo => (Interval::new(Some(lower), true, Some(x), true), false),
            Hedge::FewerThan => (Interval::new(Some(lower), true, Some(x), false), false),
            Hedge::About => (Interval::exact(x), true),
            Hedge::Nearly => (Interval::new(None, false, Some(x), false), true),
            Hedge::Exactly => (Interval::exact(x), false),
        }
    }
}
