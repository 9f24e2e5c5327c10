//! The annotation layers, one type per thing a stage finds.

use crate::Span;
use serde::Serialize;

/// What kind of text a token is; stages match on this instead of re-reading characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    /// Digits, with separators and decimals inside ("10,000", "4.8").
    Number,
    /// A digit-led word such as "70th", "1.5bn" or "G7"-like tails.
    Alphanumeric,
    Punct,
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Whether whitespace (or a paragraph break) precedes the token.
    pub space_before: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    /// A news organisation (also an organisation).
    Outlet,
    Other,
}

/// One real-world thing, with every mention of it in the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Stable within the document: "e1", "e2", ... in order of first mention.
    pub id: String,
    /// The canonical name ("North Korea" for "Pyongyang" used as an actor).
    pub name: String,
    pub kind: EntityKind,
    /// The cross-article join key: kind and a normalised name ("place:north-korea").
    pub key: String,
    pub mentions: Vec<Span>,
}

/// An interval of real numbers; `None` bounds are unbounded.
///
/// Constructors keep `low <= high`, so an interval is never empty by mistake.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: Option<f64>,
    pub low_inclusive: bool,
    pub high: Option<f64>,
    pub high_inclusive: bool,
}

impl Interval {
    /// Builds an interval. Panics when `low > high`, which is a bug in the caller.
    ///
    /// ```
    /// use dossier_doc::Interval;
    /// let at_least = Interval::new(Some(10_000.0), true, None, false);
    /// assert!(at_least.contains(25_000.0));
    /// assert!(!Interval::new(Some(20.0), false, None, false).contains(20.0));
    /// ```
    pub fn new(low: Option<f64>, low_inclusive: bool, high: Option<f64>, high_inclusive: bool) -> Interval {
        if let (Some(l), Some(h)) = (low, high) {
            assert!(l <= h, "interval low {l} is above its high {h}");
        }
        Interval { low, low_inclusive: low.is_some() && low_inclusive, high, high_inclusive: high.is_some() && high_inclusive }
    }

    /// `[x, x]`.
    pub fn exact(x: f64) -> Interval {
        Interval::new(Some(x), true, Some(x), true)
    }

    pub fn contains(&self, x: f64) -> bool {
        let above = match self.low {
            Some(l) if self.low_inclusive => x >= l,
            Some(l) => x > l,
            None => true,
        };
        let below = match self.high {
            Some(h) if self.high_inclusive => x <= h,
            Some(h) => x < h,
            None => true,
        };
        above && below
    }

    /// Every bound multiplied by a non-negative factor (a share of a base figure).
    pub fn scale(&self, factor: f64) -> Interval {
        debug_assert!(factor >= 0.0);
        Interval { low: self.low.map(|l| l * factor), high: self.high.map(|h| h * factor), ..*self }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// How many of something.
    Count,
    /// A share of a whole, as a fraction in [0, 1] ("half", "45%", "most").
    Share,
    Money,
    /// Anything measured in a unit other than items.
    Measure,
}

/// A figure with its hedge kept as an interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub span: Span,
    pub kind: QuantityKind,
    /// The figure as written ("at least 10,000" → 10000; "most" → no single value).
    pub value: Option<f64>,
    pub interval: Interval,
    pub approximate: bool,
    /// The hedging words ("at least", "up to", "approximately").
    pub hedge: Option<Span>,
    /// A modal verb governing the figure ("could contain up to").
    pub modality: Option<Span>,
    /// What is counted or measured ("artillery shells").
    pub unit: Option<String>,
    pub unit_span: Option<Span>,
    /// ISO 4217 code for money.
    pub currency: Option<String>,
    /// The period of a rate ("year" for "annually").
    pub per: Option<String>,
    /// For a share: the index in `Doc::quantities` of the figure it is a share of.
    pub base: Option<usize>,
    /// For a share of a base: the figure it implies (share × base), marked derived.
    pub derived: Option<Interval>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression with its TIMEX3-style value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeExpr {
    pub span: Span,
    pub kind: TimeType,
    /// TIMEX3 value: "2024-10-03", "2023", "2024-SU", "P24Y"; "X" stands in for what the
    /// reference date would have given ("XXXX-WXX-4").
    pub value: String,
    /// Whether the value is complete: true for absolute expressions and for relative ones
    /// resolved against a reference date.
    pub resolved: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Positive,
    /// A denial: the source says the content is not so.
    Negative,
}

/// Who a claim comes from: an entity of the document, a phrase, or both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Index into `Doc::entities`, when the source is a known entity.
    pub entity: Option<usize>,
    /// The words naming the source in the text ("the Kyiv Post’s source").
    pub span: Span,
}

/// A statement and who it is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub content: Span,
    /// `None` when the article states the content in its own voice.
    pub source: Option<Source>,
    /// The attribution words ("reported", "according to", "reportedly").
    pub cue: Option<Span>,
    pub hedges: Vec<Span>,
    pub polarity: Polarity,
    /// Whether the content is a direct quotation.
    pub quoted: bool,
    /// Who passed the claim on, from the source inwards: each hop's name, outermost
    /// source last. The publishing outlet is prepended at output time.
    pub relay: Vec<String>,
    /// Indexes into `Doc::quantities`, `Doc::times` and `Doc::entities` inside the content.
    pub quantities: Vec<usize>,
    pub times: Vec<usize>,
    pub entities: Vec<usize>,
    /// The time expression dating the report of the claim ("reported on Friday").
    pub said_on: Option<usize>,
}

impl Claim {
    /// A claim in the outlet's own voice over `content`; attribution fields are set by the caller.
    pub fn new(content: Span) -> Claim {
        Claim {
            content,
            source: None,
            cue: None,
            hedges: Vec::new(),
            polarity: Polarity::Positive,
            quoted: false,
            relay: Vec::new(),
            quantities: Vec::new(),
            times: Vec::new(),
            entities: Vec::new(),
            said_on: None,
        }
    }
}
