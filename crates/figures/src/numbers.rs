//! Reading numbers, shares, units and rates off the token stream.

use crate::{is_word, set_at, Hedge, HEDGES};
use dossier_doc::{Doc, Interval, QuantityKind, Span, TokenKind};

/// A figure as written, before its hedge is applied.
pub struct Figure {
    pub value: Option<f64>,
    pub interval: Interval,
    pub approximate: bool,
    pub kind: QuantityKind,
    pub currency: Option<String>,
    /// The token after the figure.
    pub end: usize,
}

impl Figure {
    fn exact(value: f64, kind: QuantityKind, end: usize) -> Figure {
        Figure { value: Some(value), interval: Interval::exact(value), approximate: false, kind, currency: None, end }
    }
}

pub struct NumberReader<'a> {
    pub doc: &'a Doc,
    lower: &'a [String],
    blocked: Vec<bool>,
}

const UNITS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn currency_symbol(word: &str) -> Option<&'static str> {
    Some(match word {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₽" => "RUB",
        "₴" => "UAH",
        _ => return None,
    })
}

fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "dollars" | "dollar" => "USD",
        "euros" | "euro" => "EUR",
        "pounds" | "sterling" => "GBP",
        "roubles" | "rubles" | "rouble" | "ruble" => "RUB",
        "hryvnias" | "hryvnia" | "hryvnia's" => "UAH",
        "yuan" | "renminbi" => "CNY",
        "yen" => "JPY",
        "won" => "KRW",
        "rupees" => "INR",
        _ => return None,
    })
}

/// Units that make a figure a measure rather than a count.
pub fn is_measure_unit(unit: &str) -> bool {
    const MEASURES: &[&str] = &[
        "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "kg", "kilograms", "tonnes", "tons",
        "pounds", "litres", "liters", "barrels", "hectares", "acres", "degrees", "percentage points", "mm", "cm",
        "megawatts", "gigawatts", "mph", "km/h", "square kilometres", "square miles", "kilometre", "kilometer",
        "mile", "metre", "meter", "tonne", "ton", "barrel", "hectare", "acre", "degree", "percentage point",
    ];
    MEASURES.contains(&unit)
}

/// Words before a number that make it a reference, not a figure ("Fig. 4", "Resolution 2231").
const REFERENCE_WORDS: &[&str] = &[
    "no.", "nos.", "number", "page", "pages", "p.", "pp.", "article", "chapter", "section", "resolution", "flight",
    "route", "room", "aged", "age", "code", "line", "paragraph", "version", "grade", "level", "phase", "stage",
    "fig.", "figs.", "figure", "figures", "table", "tables", "eq.", "eqs.", "equation", "equations", "ref.", "refs.",
    "reference", "scenario", "scenarios", "compound", "step", "panel", "appendix", "part", "experiment", "site",
    "core", "axis", "item", "clause", "rule", "amendment", "platform", "gate", "terminal", "highway", "lane", "bus",
    "game", "round", "week", "season", "episode", "vol.", "volume", "issue", "model", "type", "category", "class",
    "district", "ward", "precinct", "unit", "block", "building", "floor", "apartment", "suite",
];

/// Nouns that are plural without an s.
const PLURAL_NOUNS: &[&str] = &[
    "people", "personnel", "children", "men", "women", "police", "staff", "crew", "cattle", "sheep", "fish", "deer",
    "livestock", "militia", "infantry", "clergy", "youth", "aircraft", "feet", "teeth", "mice", "geese", "persons",
];

/// Words that end what is counted ("shells used" → "shells").
const UNIT_STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "that", "which",
    "who", "whom", "whose", "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would",
    "could", "may", "might", "can", "should", "must", "as", "than", "their", "its", "his", "her", "our", "this",
    "these", "those", "per", "each", "every", "more", "less", "fewer", "over", "under", "into", "across", "since",
    "during", "after", "before", "while", "when", "where", "if", "so", "not", "also", "still", "had", "did", "do",
    "does", "it", "they", "he", "she", "we", "you", "i", "there", "here", "them", "all", "both", "such", "out",
    "up", "off", "about", "against", "between", "through", "including", "among", "amid", "via", "near", "around",
    "killed", "died", "wounded", "injured", "dead", "said", "says", "reported", "more", "most", "some",
];

impl<'a> NumberReader<'a> {
    pub fn new(doc: &'a Doc) -> NumberReader<'a> {
        // Numbers inside time expressions belong to those ("24 years", "2022").
        let blocked = doc.tokens_within(doc.times.iter().map(|t| t.span));
        NumberReader { doc, lower: &doc.lower, blocked }
    }

    pub fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    pub fn blocked(&self, i: usize) -> bool {
        self.blocked.get(i).copied().unwrap_or(true)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    fn glued(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// A negative exponent at `i` ("s−1", "10−9", "cm− 1"), as written once superscripts
    /// are flattened: a minus glued to the word before it, then a number of one or two
    /// digits. Its value, and the token after it.
    fn exponent_at(&self, i: usize) -> Option<(i32, usize)> {
        let minus = self.word(i) == "−" || self.word(i) == "-" && self.glued(i + 1);
        let digits = self.word(i + 1);
        (minus && self.glued(i) && self.kind(i + 1) == Some(TokenKind::Number) && digits.len() <= 2)
            .then(|| digits.parse::<i32>().ok().map(|e| (-e, i + 2)))
            .flatten()
    }

    /// A power of ten after a number at `i`: "× 10−9", or "× 1019" (10¹⁹ with its
    /// superscript flattened), or "10−5" alone. The factor, and the token after it.
    fn power_of_ten(&self, i: usize, alone: bool) -> Option<(f64, usize)> {
        // Alone, only the true minus sign makes an exponent: "10-15" is a range.
        if alone {
            let (e, end) = self.exponent_at(i).filter(|_| self.word(i) == "−")?;
            return Some((10f64.powi(e), end));
        }
        if !matches!(self.word(i), "×" | "x") || self.kind(i + 1) != Some(TokenKind::Number) {
            return None;
        }
        let ten = self.word(i + 1);
        if ten == "10" {
            return self.exponent_at(i + 2).map(|(e, end)| (10f64.powi(e), end));
        }
        // "× 1019": ten, then the exponent's digits (not "× 100", a plain hundred).
        let exponent = ten.strip_prefix("10").filter(|e| (1..=2).contains(&e.len()) && !e.starts_with('0'))?;
        Some((10f64.powi(exponent.parse().ok()?), i + 2))
    }

    /// The longest hedge phrase at `i`, with its length in tokens.
    pub fn hedge_at(&self, i: usize, end: usize) -> Option<(Hedge, usize)> {
        HEDGES
            .iter()
            .filter(|(words, _)| i + words.len() <= end && words.iter().enumerate().all(|(k, w)| self.word(i + k) == *w))
            .max_by_key(|(words, _)| words.len())
            .map(|&(words, hedge)| (hedge, words.len()))
    }

    /// "between 20 and 30", "from 20 to 30", "20-30", "20 to 30".
    pub fn range_at(&self, i: usize, end: usize) -> Option<Figure> {
        let (first, joiner) = match self.word(i) {
            "between" => (i + 1, "and"),
            "from" => (i + 1, "to"),
            _ => (i, ""),
        };
        let low = self.number_at(first, end)?;
        let joins = |sep: usize| match joiner {
            "" => matches!(self.word(sep), "-" | "–" | "to"),
            j => self.word(sep) == j,
        };
        // "between 185 km and 215 km": the unit may come after both ends, if it is the same.
        let (sep, low_unit) = match self.unit_after(low.end, end) {
            (Some(unit), _, after) if !joins(low.end) && joins(after) => (after, Some(unit)),
            _ => (low.end, None),
        };
        if !joins(sep) || self.blocked(sep + 1) {
            return None;
        }
        let high = self.number_at_with(sep + 1, end, true)?;
        if let Some(unit) = low_unit {
            if !self.unit_after(high.end, end).0.is_some_and(|u| u == unit || u.starts_with(&format!("{unit} "))) {
                return None;
            }
        }
        let (mut lo, hi) = (low.value?, high.value?);
        // "20 to 30 million": the scale after the second number applies to both.
        if lo > 0.0 && hi > lo * 1000.0 && lo < 1000.0 {
            let scale = hi / self.plain_value(sep + 1).unwrap_or(hi);
            lo *= scale;
        }
        // "between 15 and 20 percent": the percent sign after the second number applies to both.
        if high.kind == QuantityKind::Share && low.kind == QuantityKind::Count {
            lo /= 100.0;
        }
        // "between −55 and −109 °C" runs downwards; "from 12% to 2%" is a fall, not a range.
        let (lo, hi) = if lo > hi && hi < 0.0 { (hi, lo) } else { (lo, hi) };
        if lo > hi {
            return None;
        }
        Some(Figure {
            value: None,
            interval: Interval::new(Some(lo), true, Some(hi), true),
            approximate: false,
            kind: high.kind,
            currency: low.currency.or(high.currency),
            end: high.end,
        })
    }

    fn plain_value(&self, i: usize) -> Option<f64> {
        self.word(i).replace(',', "").parse().ok()
    }

    /// A figure: a number, a share or a vague plural.
    pub fn figure_at(&self, i: usize, end: usize) -> Option<Figure> {
        self.share_at(i, end).or_else(|| self.vague_at(i, end)).or_else(|| self.number_at(i, end))
    }

    /// A number with its scale, currency and percent sign, if it is a figure at all.
    fn number_at(&self, i: usize, end: usize) -> Option<Figure> {
        self.number_at_with(i, end, false)
    }

    /// As [`Self::number_at`]; `range_end` when the number closes a range ("20-30"), so
    /// that the dash before it does not make it the tail of a code.
    fn number_at_with(&self, i: usize, end: usize, range_end: bool) -> Option<Figure> {
        if i >= end || self.blocked(i) {
            return None;
        }
        let (currency, at) = match currency_symbol(self.word(i)) {
            Some(c) => (Some(c), i + 1),
            None if self.word(i) == "us" && self.word(i + 1) == "$" => (Some("USD"), i + 2),
            None => (None, i),
        };
        // "−55 °C": a minus opening a number (not the dash of "20-30" or "5 - 10").
        let negative = matches!(self.word(at), "−" | "-")
            && self.doc.tokens.get(at).is_some_and(|t| t.space_before)
            && self.glued(at + 1)
            && self.kind(at + 1) == Some(TokenKind::Number)
            && self.kind(at.wrapping_sub(1)) != Some(TokenKind::Number);
        let at = if negative { at + 1 } else { at };
        let (mut value, mut next) = self.numeral(at, end)?;
        if negative {
            value = -value;
        }
        if let Some(scale) = scale_word(self.word(next)).filter(|&s| s >= 1e3) {
            value *= scale;
            next += 1;
        }
        if !self.is_figure(at, next, range_end) {
            return None;
        }
        // "5 ± 0.2": a measurement with its uncertainty spans [4.8, 5.2].
        let spread = match (self.word(next), self.numeral(next + 1, end)) {
            ("±", Some((spread, after))) => {
                next = after;
                Some(spread)
            }
            _ => None,
        };
        let mut figure = Figure::exact(value, QuantityKind::Count, next);
        if matches!(self.word(next), "%" | "percent" | "pc") || self.word(next) == "per" && self.word(next + 1) == "cent" {
            let len = if self.word(next) == "per" { 2 } else { 1 };
            figure = Figure::exact(value / 100.0, QuantityKind::Share, next + len);
        }
        if let Some(spread) = spread.filter(|s| (value + s).is_finite()) {
            let (value, spread) = if figure.kind == QuantityKind::Share { (value / 100.0, spread / 100.0) } else { (value, spread) };
            figure.interval = Interval::new(Some(value - spread), true, Some(value + spread), true);
        } else if let Some(c) = currency.or_else(|| currency_word(self.word(next))) {
            figure.kind = QuantityKind::Money;
            figure.currency = Some(c.to_string());
            if currency.is_none() {
                figure.end = next + 1;
            }
        }
        Some(figure)
    }

    /// A number in digits ("10,000", "1.5bn") or words ("twenty-four", "a dozen").
    fn numeral(&self, i: usize, end: usize) -> Option<(f64, usize)> {
        match self.kind(i)? {
            TokenKind::Number => {
                let value = self.plain_value(i)?;
                // Scientific notation: "2 × 10−9", "2.23 × 1019", "10−5".
                match self.power_of_ten(i + 1, self.word(i) == "10") {
                    Some((factor, next)) if self.word(i) == "10" && self.word(i + 1) != "×" => Some((factor, next)),
                    Some((factor, next)) if (value * factor).is_finite() => Some((value * factor, next)),
                    _ => Some((value, i + 1)),
                }
            }
            TokenKind::Alphanumeric => {
                let w = self.word(i);
                let digits = w.find(|c: char| c.is_alphabetic())?;
                let n: f64 = w[..digits].replace(',', "").parse().ok()?;
                let scale = match &w[digits..] {
                    "bn" | "b" => 1e9,
                    "m" | "mn" | "mln" => 1e6,
                    "k" => 1e3,
                    "tn" | "trn" => 1e12,
                    _ => return None,
                };
                Some((n * scale, i + 1))
            }
            TokenKind::Word => self.number_words(i, end),
            _ => None,
        }
    }

    /// "six", "twenty-four", "three hundred and twenty", "two million", "a dozen".
    fn number_words(&self, i: usize, end: usize) -> Option<(f64, usize)> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut at = i;
        let mut any = false;
        if matches!(self.word(i), "a" | "an") {
            match self.word(i + 1) {
                "dozen" | "hundred" | "thousand" | "million" | "billion" => {
                    current = 1.0;
                    at += 1;
                }
                _ => return None,
            }
        }
        while at < end {
            let w = self.word(at);
            if let Some(n) = UNITS.iter().position(|u| *u == w) {
                current += n as f64;
            } else if let Some(n) = TENS.iter().position(|t| *t == w) {
                current += 20.0 + 10.0 * n as f64;
                if self.word(at + 1) == "-" && UNITS.iter().take(10).any(|u| *u == self.word(at + 2)) {
                    current += UNITS.iter().position(|u| *u == self.word(at + 2)).unwrap() as f64;
                    at += 2;
                }
            } else if w == "dozen" {
                current = current.max(1.0) * 12.0;
            } else if w == "hundred" && (any || current > 0.0) {
                current *= 100.0;
            } else if let Some(scale) = scale_word(w).filter(|&s| s >= 1e3 && (any || current > 0.0)) {
                total += current * scale;
                current = 0.0;
            } else if w == "and" && matches!(self.word(at - 1), "hundred" | "thousand" | "million" | "billion") && UNITS.iter().chain(TENS).any(|u| *u == self.word(at + 1)) {
                // "three hundred and twenty"
            } else {
                break;
            }
            any = true;
            at += 1;
        }
        let value = total + current;
        if !any {
            return None;
        }
        // "one of them", "no one": a pronoun, not a count.
        if self.word(i) == "one" && at == i + 1 && (self.word(at) == "of" || matches!(self.word(i.wrapping_sub(1)), "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which")) {
            return None;
        }
        Some((value, at))
    }

    /// Rules out numbers that are not figures: ordinals, years, ages, clock times,
    /// numbers in names or references.
    fn is_figure(&self, first: usize, end: usize, range_end: bool) -> bool {
        let prev = self.word(first.wrapping_sub(1));
        // "Su-25", and the tail of "555-123-4567".
        let glued_to_name = first > 0
            && !self.doc.tokens[first].space_before
            && matches!(prev, "-" | "–")
            && first >= 2
            && (self.doc.token_text(first - 2).starts_with(char::is_uppercase) || !range_end && self.kind(first - 2) == Some(TokenKind::Number) && !self.doc.tokens[first - 1].space_before);
        let reference = REFERENCE_WORDS.contains(&prev);
        // "[28]", "[1–5]", "(1)": citations and labels, numbers alone in brackets.
        let listed = |k: usize| matches!(self.word(k), "," | "-" | "–") || self.kind(k) == Some(TokenKind::Number);
        let opens = (first.saturating_sub(6)..first).rev().find(|&k| !listed(k)).is_some_and(|k| matches!(self.word(k), "[" | "("));
        let closes = (end..end + 6).find(|&k| !listed(k)).is_some_and(|k| matches!(self.word(k), "]" | ")"));
        let bracketed = opens && closes;
        let clock = self.word(end) == ":" && self.glued(end + 1) || prev == ":" && self.glued(first);
        let age = self.word(end) == "-" && self.word(end + 1) == "year" && self.word(end + 3) == "old";
        let w = self.word(first);
        let year_like = end == first + 1
            && self.kind(first) == Some(TokenKind::Number)
            && w.len() == 4
            && w.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y));
        // Three or more hyphenated number groups are a code or a phone number, not a range.
        let code = self.word(end) == "-" && self.kind(end + 1) == Some(TokenKind::Number) && self.word(end + 2) == "-";
        // "Petrov, 34, was detained": an age in commas after a person's name.
        let person_age = prev == "," && matches!(self.word(end), "," | ")") && first >= 2 && {
            let name_end = self.doc.tokens[first - 2].span.end();
            self.doc.entities.iter().any(|e| e.kind == dossier_doc::EntityKind::Person && e.mentions.iter().any(|m| m.end() == name_end))
        };
        // "World War Two", "Apollo Eleven": a capitalised number word inside a name.
        let in_name = first > 0
            && self.kind(first) == Some(TokenKind::Word)
            && self.doc.token_text(first).starts_with(char::is_uppercase)
            && self.doc.token_text(first - 1).starts_with(char::is_uppercase)
            && self.kind(first - 1) == Some(TokenKind::Word);
        // "Algorithm 1", "Boeing 747", "OMIM: 606639": a whole number right after a name
        // or label inside a sentence numbers that thing; it counts nothing.
        let label_at = |k: usize| {
            self.kind(k) == Some(TokenKind::Word) && self.doc.token_text(k).starts_with(char::is_uppercase) && !self.opens_sentence(k)
        };
        let whole = end == first + 1 && self.kind(first) == Some(TokenKind::Number) && !w.contains(['.', ',']);
        let labelled = whole && first >= 1 && (label_at(first - 1) || prev == ":" && first >= 2 && label_at(first - 2));
        // "Figs. 5 and 6", "Scenarios 1 and 3": a number joined to a reference is one too.
        let joined_reference = whole && matches!(prev, "and" | "or" | ",") && first >= 2 && self.kind(first - 2) == Some(TokenKind::Number) && !self.is_figure(first - 2, first - 1, false);
        !(glued_to_name || reference || bracketed || clock || age || year_like || code || in_name || person_age || labelled || joined_reference)
    }

    /// Whether token `k` is the first word of its sentence (after any opening quote or bracket).
    fn opens_sentence(&self, k: usize) -> bool {
        self.doc.sentence_of(self.doc.tokens[k].span.start()).is_some_and(|s| {
            let first = self.doc.token_range(self.doc.sentences[s]).start;
            (first..k).all(|j| matches!(self.kind(j), Some(TokenKind::Punct | TokenKind::Symbol)))
        })
    }

    /// "half", "a third", "two-thirds", "most of", "a majority of", "nearly all".
    fn share_at(&self, i: usize, end: usize) -> Option<Figure> {
        let w = self.word(i);
        let followed_by_of = |k: usize| matches!(self.word(k), "of" | "the");
        let exact = |v: f64, e: usize| Some(Figure::exact(v, QuantityKind::Share, e));
        let between = |lo: f64, lo_inc: bool, hi: f64, hi_inc: bool, approx: bool, e: usize| {
            Some(Figure {
                value: None,
                interval: Interval::new(Some(lo), lo_inc, Some(hi), hi_inc),
                approximate: approx,
                kind: QuantityKind::Share,
                currency: None,
                end: e,
            })
        };
        let fraction = |word: &str| -> Option<f64> {
            Some(match word {
                "half" | "halves" => 2.0,
                "third" | "thirds" => 3.0,
                "quarter" | "quarters" => 4.0,
                "fifth" | "fifths" => 5.0,
                "tenth" | "tenths" => 10.0,
                _ => return None,
            })
        };
        if i >= end {
            return None;
        }
        // "one in five adults": a share.
        if let (Some((n, in_at)), true) = (self.small_number(i), true) {
            if self.word(in_at) == "in" {
                if let Some((d, after)) = self.small_number(in_at + 1).filter(|&(d, _)| d > n && d > 1.0) {
                    return exact(n / d, after);
                }
            }
        }
        // "fell by a quarter", "cut by half": a share of change, with no "of" after it.
        let by = i > 0 && self.word(i - 1) == "by";
        match w {
            "half" if by => return exact(0.5, i + 1),
            "a" | "one" if by && matches!(self.word(i + 1), "third" | "quarter" | "fifth" | "tenth") => {
                let d = match self.word(i + 1) { "third" => 3.0, "quarter" => 4.0, "fifth" => 5.0, _ => 10.0 };
                return exact(1.0 / d, i + 2);
            }
            _ => {}
        }
        // "the first half of 2025", "the second half": a period, not a share.
        let period = i > 0 && matches!(self.word(i - 1), "first" | "second");
        match w {
            "half" if period => None,
            "half" if followed_by_of(i + 1) || self.word(i + 1) == "a" => exact(0.5, i + 1),
            "most" if self.word(i + 1) == "of" => between(0.5, false, 1.0, true, false, i + 1),
            "majority" if self.word(i + 1) == "of" => between(0.5, false, 1.0, true, false, i + 1),
            "minority" if self.word(i + 1) == "of" => between(0.0, false, 0.5, false, false, i + 1),
            "a" | "the" if matches!(self.word(i + 1), "majority" | "minority") && self.word(i + 2) == "of" => self.share_at(i + 1, end),
            "nearly" | "almost" | "virtually" if self.word(i + 1) == "all" => between(0.9, true, 1.0, false, true, i + 2),
            _ => {
                // "a third", "one-third", "two thirds", "three quarters"
                let (n, at) = match w {
                    "a" | "one" => (1.0, i + 1),
                    _ => (UNITS.iter().position(|u| *u == w).filter(|&n| (2..=9).contains(&n))? as f64, i + 1),
                };
                let at = if self.word(at) == "-" { at + 1 } else { at };
                let d = fraction(self.word(at)).filter(|&d| d > 2.0 || n == 1.0 && self.word(at) != "half")?;
                let plural_ok = (n > 1.0) == self.word(at).ends_with('s');
                (plural_ok && followed_by_of(at + 1)).then(|| Figure::exact(n / d, QuantityKind::Share, at + 1))
            }
        }
    }

    /// A number of one or two tokens in digits or words ("five", "10"): its value and the next token.
    fn small_number(&self, i: usize) -> Option<(f64, usize)> {
        match self.kind(i)? {
            TokenKind::Number => Some((self.plain_value(i)?, i + 1)),
            TokenKind::Word => UNITS.iter().position(|u| *u == self.word(i)).filter(|&n| n > 0).map(|n| (n as f64, i + 1)),
            _ => None,
        }
    }

    /// "dozens of", "hundreds of", "tens of thousands of": [2b, 10b) of their base b.
    fn vague_at(&self, i: usize, end: usize) -> Option<Figure> {
        let base = |w: &str| -> Option<f64> {
            Some(match w {
                "dozens" => 12.0,
                "scores" => 20.0,
                "tens" => 10.0,
                "hundreds" => 100.0,
                "thousands" => 1e3,
                "millions" => 1e6,
                "billions" => 1e9,
                _ => return None,
            })
        };
        let mut b = base(self.word(i))?;
        let mut at = i + 1;
        // "tens of thousands", "hundreds of thousands"
        if self.word(at) == "of" && i + 2 < end {
            if let Some(inner) = base(self.word(at + 1)).filter(|&x| x >= 1e3) {
                b *= inner;
                at += 2;
            }
        }
        if b == 10.0 {
            return None; // "tens" alone is not a figure
        }
        Some(Figure {
            value: None,
            interval: Interval::new(Some(2.0 * b), true, Some(10.0 * b), false),
            approximate: true,
            kind: QuantityKind::Count,
            currency: None,
            end: at,
        })
    }

    /// What is counted: the noun phrase after a figure ("sea containers", "North Korean officers").
    pub fn unit_after(&self, mut at: usize, end: usize) -> (Option<String>, Option<Span>, usize) {
        if self.word(at) == "of" {
            at += 1;
            if matches!(self.word(at), "the" | "its" | "their" | "these" | "those") {
                at += 1;
            }
        }
        // "−55 °C", "−27.7‰": a degree sign with its scale, or a per-mille sign.
        // At a sentence's end the scale may carry its full stop ("°C." read as one token).
        if self.word(at) == "‰" || self.word(at) == "°" && self.glued(at + 1) && matches!(self.word(at + 1).trim_end_matches('.'), "c" | "f" | "k") {
            let last = if self.word(at) == "°" { at + 1 } else { at };
            let span = Span::new(self.doc.tokens[at].span.start(), self.doc.tokens[last].span.start() + if last > at { 1 } else { "‰".len() });
            return (Some(self.doc.slice(span).to_string()), Some(span), last + 1);
        }
        let start = at;
        // "cm3", "μm2": a unit symbol squared or cubed, its superscript flattened.
        let squared_or_cubed = |i: usize| {
            let w = self.word(i);
            self.kind(i) == Some(TokenKind::Alphanumeric) && (w.ends_with('2') || w.ends_with('3')) && w.len() <= 4 && w[..w.len() - 1].chars().all(char::is_alphabetic)
        };
        // The words of a unit from `from`: up to its head noun, a unit of measure or a stop.
        let scan = |from: usize| {
            let mut stop = from;
            while stop < end && stop - from < 4 && (is_word(self.doc, stop) || squared_or_cubed(stop)) && !self.blocked(stop) {
                let w = self.word(stop);
                let verb_like = stop > from && (w.ends_with("ed") || w.ends_with("ing"));
                if UNIT_STOP.contains(&w) || w.ends_with("ly") || verb_like || w == "’s" || w == "'s" {
                    break;
                }
                stop += 1;
                // "m s−1", "mW m−2": a unit symbol keeps its exponent.
                if w.chars().count() <= 3 {
                    if let Some((_, after)) = self.exponent_at(stop) {
                        stop = after;
                        continue;
                    }
                }
                // A unit of measure ends the unit ("215 km offshore"), unless a unit symbol with
                // its exponent follows ("km s−1").
                let compound = self.word(stop).chars().count() <= 3 && self.exponent_at(stop + 1).is_some();
                if is_measure_unit(w) && !compound {
                    break;
                }
                // The head noun ends the unit: a plural ("sea containers lost …"), or a noun
                // that is plural without an s ("people", "personnel").
                let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") || PLURAL_NOUNS.contains(&w);
                if plural {
                    break;
                }
            }
            stop
        };
        let mut stop = scan(start);
        // "30% of the region's exports": what the possessor has is what is counted.
        if stop > start && matches!(self.word(stop), "’s" | "'s") && is_word(self.doc, stop + 1) {
            stop = scan(stop + 1).max(stop);
        }
        // "percentage points", "square kilometres": a measure's unit is one or two words.
        if stop == start {
            return (None, None, start);
        }
        let span = self.doc.tokens[start].span.cover(self.doc.tokens[stop - 1].span);
        (Some(self.doc.slice(span).to_string()), Some(span), stop)
    }

    /// "annually", "a year", "per day", "each month" within two words after the unit.
    /// "per 100,000 people", "per million residents": the base of a rate, and the token after it.
    pub fn per_base(&self, at: usize, end: usize) -> Option<(String, usize)> {
        if self.word(at) != "per" || at + 1 >= end {
            return None;
        }
        let (_, after) = self.numeral(at + 1, end).or_else(|| scale_word(self.word(at + 1)).map(|_| (0.0, at + 2)))?;
        let (_, unit_span, unit_end) = self.unit_after(after, end);
        let last = unit_span.map_or(self.doc.tokens[after - 1].span, |u| u);
        Some((self.doc.slice(self.doc.tokens[at + 1].span.cover(last)).to_string(), unit_end.max(after)))
    }

    pub fn rate_after(&self, at: usize, end: usize) -> Option<(&'static str, usize)> {
        for k in at..(at + 3).min(end) {
            if let Some(p) = set_at(self.doc, k) {
                return Some((p, k + 1));
            }
            if matches!(self.word(k), "a" | "per" | "each" | "every" | "an") {
                let p = match self.word(k + 1) {
                    "year" => "year",
                    "month" => "month",
                    "week" => "week",
                    "day" => "day",
                    "hour" => "hour",
                    _ => return None,
                };
                return Some((p, k + 2));
            }
            if !is_word(self.doc, k) || UNIT_STOP.contains(&self.word(k)) && !matches!(self.word(k), "a" | "per") {
                return None;
            }
        }
        None
    }

    /// A modal verb within three words before a figure ("could contain up to").
    pub fn modal_before(&self, first: usize) -> Option<Span> {
        (first.saturating_sub(3)..first).rev().find_map(|k| {
            matches!(self.word(k), "could" | "may" | "might" | "would" | "can" | "should" | "must")
                .then(|| self.doc.tokens[k].span)
        })
    }
}
