//! Time expressions with TIMEX3 values, resolved against the publication date.
//!
//! **Key decision: relative expressions resolve by the tense of their clause, and never
//! against today's date.** News reports past events: "on Thursday" in a report published
//! on Friday 2024-10-04 is 2024-10-03, and "on Friday" is that same Friday; only a future
//! marker in the clause ("will", "next", "is due to", "until Friday") turns the search
//! forwards. A month without a year is the occurrence nearest the reference within a
//! window the tense sets ("stepped down in March" lies behind a November paper, "payable
//! Jan. 2" ahead of it). Tense is read from words alone, with no parse. With
//! no reference date the value stays underspecified ("XXXX-WXX-4") and `resolved` is
//! false — a guess from the clock would be silently wrong for every archived page.
//!
//! Extents follow TIMEX3: a leading preposition ("on", "in") is not part of the span;
//! modifiers that change the value ("last", "this", "the past") are.
//!
//! ```
//! use dossier_doc::{Article, Doc};
//! let mut doc = Doc::new(Article::from_paragraphs(vec![
//!     "The strike on Thursday killed 20, a year after talks failed last year.".into(),
//! ]));
//! dossier_text::annotate(&mut doc);
//! let friday = jiff::civil::date(2024, 10, 4);
//! let times = dossier_times::annotate(&doc, Some(friday));
//! assert_eq!(times[0].value, "2024-10-03");
//! assert_eq!(doc.slice(times[0].span), "Thursday");
//! assert_eq!(times.last().unwrap().value, "2023");
//! let unanchored = dossier_times::annotate(&doc, None);
//! assert_eq!(unanchored[0].value, "XXXX-WXX-4");
//! assert!(!unanchored[0].resolved);
//! ```

mod words;

use dossier_doc::{Doc, TimeExpr, TimeType, TokenKind};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use dossier_text::month_number;
use words::*;

/// Finds and resolves the time expressions of a tokenised document.
pub fn annotate(doc: &Doc, reference: Option<Date>) -> Vec<TimeExpr> {
    let lower = &doc.lower;
    let mut finder = Finder { doc, lower, reference, found: Vec::new(), quarter_in_focus: None };
    for &sentence in &doc.sentences {
        let range = doc.token_range(sentence);
        let mut i = range.start;
        while i < range.end {
            let tense = TenseAt { lower, at: i, sentence: range.clone(), judged: std::cell::OnceCell::new() };
            match finder.at(i, range.end, &tense) {
                Some(end) => i = end,
                None => i += 1,
            }
        }
    }
    finder.found
}

/// Words after which "a year" is a length of time, not a rate ("for a year", "in a year").
const RATE_BLOCKERS: &[&str] = &[
    "for", "in", "within", "after", "over", "about", "nearly", "almost", "than", "by", "of", "the", "past", "last",
    "next", "this", "than", "under", "around", "only", "just", "least", "most", "once", "half", "since", "before",
    "until", "during", "spent", "took", "takes", "lasted", "last", "up", "to", "barely", "roughly",
];

/// The tokens of the comma-delimited clause around token `i`, within its sentence.
fn clause_around(lower: &[String], i: usize, sentence: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let boundary = |w: &String| matches!(w.as_str(), "," | ";" | "—" | ":");
    let start = (sentence.start..i).rev().find(|&k| boundary(&lower[k])).map_or(sentence.start, |k| k + 1);
    let end = (i..sentence.end).find(|&k| boundary(&lower[k])).unwrap_or(sentence.end);
    start..end
}

/// The tense at a token, judged only when a pattern needs it: most tokens start no
/// expression, and judging scans the clause.
struct TenseAt<'a> {
    lower: &'a [String],
    at: usize,
    sentence: std::ops::Range<usize>,
    judged: std::cell::OnceCell<Tense>,
}

impl TenseAt<'_> {
    /// Tense is judged in the clause: "X will be repaired, he said on Tuesday" is past at Tuesday.
    fn get(&self) -> Tense {
        *self.judged.get_or_init(|| {
            let clause = clause_around(self.lower, self.at, self.sentence.clone());
            Tense::of(self.lower, self.at, clause, self.sentence.clone())
        })
    }
}

/// What a clause says of when its dates lie, from its words alone (no parse).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    /// A future marker: "will", "is due to", "upcoming".
    Future,
    /// A verb in the past, with no future marker: "was", "stepped down", "since".
    Past,
    /// A present form of "be", "have" or "do", and neither of the above: "more rain is
    /// expected over the weekend".
    Present,
    /// None of these: a clause of only a date, or of words that say no tense.
    Unmarked,
}

impl Tense {
    /// The tense of the clause `clause`. A clause that says neither ("In January,", "…,
    /// president and chief executive in March for health reasons") takes the tense of its
    /// `sentence`, where a past verb outweighs a "will" of some other clause ("On Sunday,
    /// the ministers agreed that they will …") and verbs that report speech do not count
    /// ("sales will rise in January, it said" is about the future). A clause with both a
    /// future and a past mark takes the one nearer the date ("will take him from the kin
    /// who have cared for him since he was rescued in late November"). A clause with a
    /// present "is", "has" or "does" and no other mark is in the present.
    ///
    /// "Would" looks forward only from before the date at `at`: "would be held on April 24",
    /// but "said Friday that he would seek".
    fn of(lower: &[String], at: usize, clause: std::ops::Range<usize>, sentence: std::ops::Range<usize>) -> Tense {
        match Tense::of_words(&lower[clause.clone()], at - clause.start, false) {
            Tense::Unmarked if clause.clone().any(|i| matches!(lower[i].as_str(), "is" | "are" | "am" | "has" | "have" | "does" | "do")) => Tense::Present,
            Tense::Unmarked => Tense::of_words(&lower[sentence.clone()], at - sentence.start, true),
            tense => tense,
        }
    }

    /// The tense of `words` for a date at `at`; `in_sentence` when they are the whole
    /// sentence (see [`Tense::of`]).
    fn of_words(words: &[String], at: usize, in_sentence: bool) -> Tense {
        let before = |i: usize| if i > 0 { words[i - 1].as_str() } else { "" };
        // A marker in a clause the date's verb reports ("announced Friday that it will …")
        // is the content's tense, not the date's.
        let reported = |i: usize| i > at && words[at..i].iter().any(|w| w == "that");
        let future = words.iter().enumerate().filter(|&(i, w)| {
            // "had been due to expire Friday": a plan already past (the "had" marks it).
            if reported(i) || before(i) == "been" && i > 1 && words[i - 2] == "had" {
                return false;
            }
            // "plans to" is a verb after its subject, a noun after "the" or "announced".
            let noun = matches!(before(i), "the" | "its" | "their" | "his" | "her" | "our") || is_past_verb(before(i), "");
            matches!(w.as_str(), "will" | "’ll" | "'ll" | "shall" | "upcoming" | "scheduled")
                // "effective Feb. 1", "payable Jan. 2": the day a change or a payment is due
                || matches!(w.as_str(), "effective" | "payable") && i + 1 == at
                || w == "would" && i < at
                || matches!(w.as_str(), "due" | "set" | "plan" | "plans" | "planned" | "planning" | "expected")
                    && words.get(i + 1).is_some_and(|n| n == "to")
                    && !noun
                // "more rain was expected from Sunday", "the ruling is expected on Friday"
                || matches!(w.as_str(), "expected" | "forecast") && matches!(before(i), "is" | "are" | "was" | "were" | "be")
                // "is to resume trading Tuesday": a plan
                || matches!(w.as_str(), "is" | "are") && words.get(i + 1).is_some_and(|n| n == "to") && words.get(i + 2).is_some_and(|n| n != "blame")
        }).map(|(i, _)| i.abs_diff(at)).min();
        let speech = |w: &str| matches!(w, "said" | "told" | "announced" | "reported" | "added" | "stated");
        let past = words.iter().enumerate().filter(|&(i, w)| {
            (matches!(w.as_str(), "was" | "were" | "had" | "did" | "since" | "ago") || is_past_verb(w, before(i)))
                && !(in_sentence && speech(w))
        }).map(|(i, _)| i.abs_diff(at)).min();
        match (future, past) {
            (_, Some(_)) if in_sentence => Tense::Past,
            (Some(f), Some(p)) if p < f => Tense::Past,
            (Some(_), _) => Tense::Future,
            (None, Some(_)) => Tense::Past,
            (None, None) => Tense::Unmarked,
        }
    }

    fn is_future(self) -> bool {
        self == Tense::Future
    }
}

/// Whether `word` (after `before`) reads as a verb in the past: an irregular past form, or
/// a word in "-ed" that no determiner, "to", modal or form of "be" puts in another role
/// ("the reduced dividend", "is expected", "to be completed").
fn is_past_verb(word: &str, before: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "said", "told", "took", "made", "came", "went", "got", "gave", "rose", "fell", "grew", "began", "won", "lost",
        "sold", "left", "met", "saw", "led", "paid", "held", "kept", "became", "fled", "found", "thought", "spent",
        "sent", "struck", "brought", "bought", "wrote", "spoke", "broke", "chose", "flew", "knew", "threw", "built",
        "caught", "fought", "sought", "stood", "felt", "heard", "meant", "ran", "shot", "stole", "swore", "woke",
    ];
    let other_role = matches!(
        before,
        "a" | "an" | "the" | "this" | "that" | "its" | "their" | "his" | "her" | "our" | "to" | "be" | "is" | "are" | "am"
            | "been" | "being" | "will" | "would" | "should" | "could" | "can" | "may" | "might" | "must" | "still"
    );
    !other_role
        && (IRREGULAR.contains(&word)
            || word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed") && !word.starts_with("un"))
}

struct Finder<'a> {
    doc: &'a Doc,
    lower: &'a [String],
    reference: Option<Date>,
    found: Vec<TimeExpr>,
    /// The last quarter the document named itself ("the third quarter"), as (year, quarter).
    quarter_in_focus: Option<(i16, i8)>,
}

impl Finder<'_> {
    fn w(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn is_number(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    fn push(&mut self, from: usize, to: usize, kind: TimeType, value: String, resolved: bool) -> usize {
        let span = self.doc.tokens[from].span.cover(self.doc.tokens[to - 1].span);
        self.found.push(TimeExpr { span, kind, value, resolved });
        to
    }

    /// Tries every pattern at token `i`; returns the end of the expression found.
    fn at(&mut self, i: usize, end: usize, tense: &TenseAt) -> Option<usize> {
        self.numeric_date(i, end)
            .or_else(|| self.clock_time(i, end, tense))
            .or_else(|| self.month_date(i, end, tense))
            .or_else(|| self.weekday(i, end, tense))
            .or_else(|| self.holiday(i, end, tense))
            .or_else(|| self.quarter(i, end))
            .or_else(|| self.half_year(i, end))
            .or_else(|| self.same_period_before(i, end))
            .or_else(|| self.edge_of_unit(i, end))
            .or_else(|| self.year_of_results(i, end))
            .or_else(|| self.anaphoric_unit(i, end))
            .or_else(|| self.relative_unit(i, end))
            .or_else(|| self.deictic(i, end, tense))
            .or_else(|| self.quantity_of_time(i, end))
            .or_else(|| self.vague_duration(i, end))
            .or_else(|| self.set(i, end))
            .or_else(|| self.year(i, end))
    }

    /// "2024-10-04", and "7/8/07" or "10/4/2024" in the American order (month first, unless
    /// the first number cannot be a month).
    fn numeric_date(&mut self, i: usize, end: usize) -> Option<usize> {
        if i + 5 > end || !(0..5).all(|k| k == 0 || !self.doc.tokens[i + k].space_before) {
            return None;
        }
        if self.w(i + 1) == "/" && self.w(i + 3) == "/" && [i, i + 2, i + 4].iter().all(|&k| self.is_number(k)) {
            let (a, b): (i8, i8) = (self.w(i).parse().ok()?, self.w(i + 2).parse().ok()?);
            let year: i16 = match self.w(i + 4) {
                y if y.len() == 4 => y.parse().ok()?,
                yy if yy.len() == 2 => self.century_of(yy.parse().ok()?),
                _ => return None,
            };
            let (month, day) = if a > 12 { (b, a) } else { (a, b) };
            let date = Date::new(year, month, day).ok()?;
            return Some(self.push(i, i + 5, TimeType::Date, date.to_string(), true));
        }
        let text = self.doc.slice(self.doc.tokens[i].span.cover(self.doc.tokens[i + 4].span));
        let date: Date = text.parse().ok()?;
        Some(self.push(i, i + 5, TimeType::Date, date.to_string(), true))
    }

    /// "February 2022", "October 3, 2024", "3 October 2024", "October 3", "in March".
    fn month_date(&mut self, i: usize, end: usize, tense: &TenseAt) -> Option<usize> {
        // Day first: "3 October (2024)".
        if self.is_number(i) && i + 1 < end {
            if let (Some(day), Some(month)) = (day_number(self.w(i)), month_number(self.w(i + 1))) {
                let (year, to) = self.year_after(i + 2, end);
                return Some(self.date_with(i, to, year, month, Some(day), tense));
            }
        }
        let month = month_number(self.w(i))?;
        let word = self.doc.token_text(i);
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        let to = i + 1;
        // "April 2nd"
        if let Some(day) = (to < end).then(|| ordinal_day(self.w(to))).flatten() {
            let (year, after) = self.year_after(to + 1, end);
            return Some(self.date_with(i, after, year, month, Some(day), tense));
        }
        if to < end && self.is_number(to) {
            if let Some(day) = day_number(self.w(to)) {
                let (year, after) = self.year_after(to + 1, end);
                return Some(self.date_with(i, after, year, month, Some(day), tense));
            }
            if let Some(year) = year_number(self.w(to)) {
                return Some(self.date_with(i, to + 1, Some(year), month, None, tense));
            }
        }
        // "May last year", "October of next year".
        let (year, after) = self.year_after(to, end);
        if year.is_some() {
            return Some(self.date_with(i, after, year, month, None, tense));
        }
        // "last May", "next May", "this May".
        if let Some(shift) = i.checked_sub(1).and_then(|k| shift_word(self.w(k))) {
            let year = self.year_for(month, None, Tense::Unmarked, Some(shift));
            return Some(self.date_with(i - 1, to, year, month, None, tense));
        }
        // A bare month must be introduced ("in March", "mid-November", "the October
        // slaying", "their January sales"): "May" and "March" are also words.
        let before = if i > 0 { self.w(i - 1) } else { "" };
        let hyphened = before == "-" && i > 1 && matches!(self.w(i - 2), "mid" | "early" | "late");
        let from = match before {
            _ if hyphened => i - 2,
            "mid" | "early" | "late" => i - 1,
            _ => i,
        };
        let determined = matches!(before, "the" | "their" | "its" | "his" | "her" | "our" | "for") && !matches!(self.w(i), "may" | "march");
        let introduced = hyphened || determined || i > 0 && MONTH_INTRODUCERS.contains(&before);
        introduced.then(|| self.date_with(from, to, None, month, None, tense))
    }

    /// ", 2024" or " 2024" after a day; "last year" or "of next year" after a day or month.
    fn year_after(&self, at: usize, end: usize) -> (Option<i16>, usize) {
        let of = usize::from(self.w(at) == "of");
        if let (Some(r), Some(shift)) = (self.reference, shift_word(self.w(at + of))) {
            if self.w(at + of + 1) == "year" && at + of + 1 < end {
                return (Some(r.year() + shift as i16), at + of + 2);
            }
        }
        let at_comma = at < end && self.w(at) == ",";
        let y = if at_comma { at + 1 } else { at };
        if let Some((year, after)) = self.spelled_year(y, end) {
            return (Some(year), after);
        }
        match (y < end && self.is_number(y)).then(|| year_number(self.w(y))).flatten() {
            Some(year) => (Some(year), y + 1),
            None => (None, at),
        }
    }

    fn date_with(&mut self, from: usize, to: usize, year: Option<i16>, month: i8, day: Option<i8>, tense: &TenseAt) -> usize {
        let year = year.or_else(|| self.year_for(month, day, tense.get(), None));
        let resolved = year.is_some();
        let year = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
        let value = match day {
            Some(d) => format!("{year}-{month:02}-{d:02}"),
            None => format!("{year}-{month:02}"),
        };
        self.push(from, to, TimeType::Date, value, resolved)
    }

    /// The day a month and day written at `at`, after a comma or "on", name ("…, June 1st"),
    /// without taking them as found.
    fn day_after(&self, at: usize, end: usize, tense: &TenseAt) -> Option<String> {
        let at = at + usize::from(matches!(self.w(at), "," | "on"));
        let month = month_number(self.w(at)).filter(|_| self.doc.token_text(at).starts_with(char::is_uppercase))?;
        let day = (at + 1 < end).then(|| ordinal_day(self.w(at + 1)).or_else(|| self.is_number(at + 1).then(|| day_number(self.w(at + 1))).flatten())).flatten()?;
        let year = self.year_after(at + 2, end).0.or_else(|| self.year_for(month, Some(day), tense.get(), None))?;
        Some(Date::new(year, month, day).ok()?.to_string())
    }

    /// The last resolved day found at or after char offset `since` ("2009-02-23").
    fn day_in_focus(&self, since: usize) -> Option<String> {
        let day = |v: &str| v.len() == 10 && v.bytes().enumerate().all(|(k, b)| if k == 4 || k == 7 { b == b'-' } else { b.is_ascii_digit() });
        self.found.iter().rev().take_while(|t| t.span.start() >= since).find(|t| t.resolved && day(&t.value)).map(|t| t.value.clone())
    }

    /// The year of a month (and day) written without one; `None` with no reference.
    ///
    /// After "last" (`shift` −1) it is the latest such month before the reference month,
    /// after "next" (+1) the first after it, after "this" (0) the reference year's. Otherwise
    /// it is the occurrence in a year's window around the reference that the clause's tense
    /// sets: up to two months ahead in the past tense ("stepped down in March", "ended Jan.
    /// 31"), from a month behind in the future, and otherwise the nearest, leaning to the
    /// past ("payable Jan. 2" in a November paper is next January, "rescued in late
    /// November" in an April one is last November).
    fn year_for(&self, month: i8, day: Option<i8>, tense: Tense, shift: Option<i32>) -> Option<i16> {
        let r = self.reference?;
        let behind = month < r.month();
        if let Some(shift) = shift {
            return Some(match shift {
                -1 if behind => r.year(),
                -1 => r.year() - 1,
                1 if behind || month == r.month() => r.year() + 1,
                _ => r.year(),
            });
        }
        let ahead = (i32::from(month) - i32::from(r.month())) * 31 + i32::from(day.unwrap_or(15)) - i32::from(r.day());
        let latest_ahead = match tense {
            Tense::Past => 2 * 31,
            Tense::Present | Tense::Unmarked => 5 * 31,
            Tense::Future => 11 * 31,
        };
        let shift = (-1..=1).find(|k| (latest_ahead - 12 * 31 + 1..=latest_ahead).contains(&(ahead + 12 * 31 * k)))?;
        Some(r.year() + shift as i16)
    }

    /// "Thanksgiving (Day)", "Christmas (Day|Eve)", "New Year's Day|Eve", after "last",
    /// "this" or "next" or alone, with their year chosen as a month's is.
    fn holiday(&mut self, i: usize, end: usize, tense: &TenseAt) -> Option<usize> {
        let shift = shift_word(self.w(i));
        let at = i + usize::from(shift.is_some());
        let capital = |k: usize| k < end && self.doc.token_text(k).starts_with(char::is_uppercase);
        let (month, day, to) = match self.w(at) {
            "thanksgiving" if capital(at) => (11, None, at + 1 + usize::from(self.w(at + 1) == "day")),
            "christmas" if capital(at) => match self.w(at + 1) {
                "eve" => (12, Some(24), at + 2),
                "day" => (12, Some(25), at + 2),
                _ => (12, Some(25), at + 1),
            },
            "new" if capital(at) && self.w(at + 1) == "year" && matches!(self.w(at + 2), "'s" | "’s") && capital(at + 3) => match self.w(at + 3) {
                "day" => (1, Some(1), at + 4),
                "eve" => (12, Some(31), at + 4),
                _ => return None,
            },
            _ => return None,
        };
        if to > end {
            return None;
        }
        let Some(year) = self.year_for(month, day.or(Some(25)), tense.get(), shift) else {
            let value = match day {
                Some(d) => format!("XXXX-{month:02}-{d:02}"),
                None => format!("XXXX-{month:02}-XX"),
            };
            return Some(self.push(i, to, TimeType::Date, value, false));
        };
        // Thanksgiving (in the United States) is November's fourth Thursday.
        let date = match day {
            Some(d) => Date::new(year, month, d).ok()?,
            None => Date::new(year, 11, 1).ok()?.nth_weekday_of_month(4, Weekday::Thursday).ok()?,
        };
        Some(self.push(i, to, TimeType::Date, date.to_string(), true))
    }

    /// "Thursday", "last Friday", "next Monday", "Thursday night".
    fn weekday(&mut self, i: usize, end: usize, tense: &TenseAt) -> Option<usize> {
        // "each Thursday", "every Monday": a set of days.
        if matches!(self.w(i), "each" | "every") && i + 1 < end && self.doc.token_text(i + 1).starts_with(char::is_uppercase) {
            let day = weekday(self.w(i + 1))?;
            return Some(self.push(i, i + 2, TimeType::Set, format!("XXXX-WXX-{}", day.to_monday_one_offset()), true));
        }
        let (from, day_at, direction) = match self.w(i) {
            "last" | "past" => (i, i + 1, Some(false)),
            "next" | "coming" => (i, i + 1, Some(true)),
            "this" => (i, i + 1, None),
            // "closed until Friday", "as soon as Tuesday": a day still to come (but "until
            // Thursday, they had described him …" and "it was not until Tuesday" are past).
            _ if i > 0 && matches!(self.w(i - 1), "until" | "till") && !self.lower[i..end].iter().any(|w| matches!(w.as_str(), "had" | "was" | "were"))
                || i > 1 && self.w(i - 1) == "as" && matches!(self.w(i - 2), "soon" | "early") =>
            {
                (i, i, Some(true))
            }
            _ => (i, i, None),
        };
        let weekday = weekday(self.w(day_at))?;
        if !self.doc.token_text(day_at).starts_with(char::is_uppercase) || day_at >= end {
            return None;
        }
        // "Monday, Oct. 26": the date names the day; the weekday only opens it.
        let date_at = if self.w(day_at + 1) == "," { day_at + 2 } else { day_at + 1 };
        if direction.is_none() && date_at < end {
            if let Some(to) = self.month_date(date_at, end, tense) {
                let date = self.found.last_mut().expect("month_date pushed the date");
                date.span = self.doc.tokens[from].span.cover(date.span);
                return Some(to);
            }
        }
        let mut to = day_at + 1;
        let part = (to < end).then(|| part_of_day(self.w(to))).flatten();
        if part.is_some() {
            to += 1;
        }
        let (value, resolved) = self.weekday_value(weekday, direction, tense)?;
        let value = match part {
            Some(p) => format!("{value}T{p}"),
            None => value,
        };
        Some(self.push(from, to, TimeType::Date, value, resolved))
    }

    /// The day a weekday names: the nearest one at or before the reference in a report of
    /// the past, at or after it in one of the future ("on Thursday" in a Thursday paper is
    /// that day), a week further for "last"/"next" on the day itself; unresolved with no
    /// reference.
    fn weekday_value(&self, weekday: Weekday, direction: Option<bool>, tense: &TenseAt) -> Option<(String, bool)> {
        let Some(r) = self.reference else { return Some((format!("XXXX-WXX-{}", weekday.to_monday_one_offset()), false)) };
        let date = if direction.unwrap_or_else(|| tense.get().is_future()) { on_or_after(r, weekday)? } else { on_or_before(r, weekday)? };
        let date = match direction {
            Some(false) if date == r => r.checked_sub(7.days()).ok()?,
            Some(true) if date == r => r.checked_add(7.days()).ok()?,
            _ => date,
        };
        Some((date.to_string(), true))
    }

    /// Whether token `k` is a word whose first letter is of the given case.
    fn word_opens(&self, k: usize, case: fn(char) -> bool) -> bool {
        self.doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word) && self.doc.token_text(k).starts_with(case)
    }

    /// "yesterday", "today", "tomorrow", "tonight", "last night", "now".
    fn deictic(&mut self, i: usize, end: usize, tense: &TenseAt) -> Option<usize> {
        // "USA Today reported", "told Psychology Today on Monday": inside a name, running
        // into lower-case prose (a title-case headline's "Today" is still a day).
        if self.w(i) == "today" && self.word_opens(i, char::is_uppercase) && i > 0 && self.word_opens(i - 1, char::is_uppercase) && self.word_opens(i + 1, char::is_lowercase) {
            return None;
        }
        let (offset, to, suffix) = match self.w(i) {
            "yesterday" => (-1, i + 1, ""),
            "today" => (0, i + 1, ""),
            "tomorrow" => (1, i + 1, ""),
            "tonight" => (0, i + 1, "TNI"),
            "last" if i + 1 < end && self.w(i + 1) == "night" => (-1, i + 2, "TNI"),
            // "shares fell 3% on the day", "later in the same day": the day reported.
            // It is the last day the report named ("on Monday … to end the day at 7,114"), or
            // the reference's.
            "the" if self.day_reported(i, end) => {
                let to = if self.w(i + 1) == "same" { i + 3 } else { i + 2 };
                if let Some(day) = self.day_in_focus(0) {
                    return Some(self.push(i, to, TimeType::Date, day, true));
                }
                (0, to, "")
            }
            "now" if i + 1 < end && self.w(i + 1) != "-" => {
                return Some(self.push(i, i + 1, TimeType::Date, "PRESENT_REF".into(), true));
            }
            // TIMEX3's references to the past, present and future. "previously", "formerly",
            // "soon" and a lone "future" ("future growth") are not among them: annotators
            // leave them out (TimeBank marks 3 of 23 "previously", MEANTIME none of 8).
            // "recent years" is a length of time (see `vague_duration`).
            "recent" if duration_unit(self.w(i + 1)).is_some() => return None,
            "recently" | "recent" | "lately" => {
                return Some(self.push(i, i + 1, TimeType::Date, "PAST_REF".into(), true));
            }
            "currently" | "current" | "nowadays" | "presently" => {
                return Some(self.push(i, i + 1, TimeType::Date, "PRESENT_REF".into(), true));
            }
            // "in the long term", "for the time being".
            "the" if matches!(self.w(i + 1), "long" | "near" | "short" | "medium") && self.w(i + 2) == "term" => {
                return Some(self.push(i, i + 3, TimeType::Date, "FUTURE_REF".into(), true));
            }
            "the" if self.w(i + 1) == "time" && self.w(i + 2) == "being" => {
                return Some(self.push(i, i + 3, TimeType::Date, "PRESENT_REF".into(), true));
            }
            // The weekend just past in a weekday's report of the past, else the coming one.
            "the" if self.w(i + 1) == "weekend" => {
                let (value, resolved) = match self.reference {
                    Some(r) => {
                        let weekday = !matches!(r.weekday(), Weekday::Saturday | Weekday::Sunday);
                        let r = if weekday && tense.get() == Tense::Past { r.checked_sub(7.days()).ok()? } else { r };
                        let w = r.iso_week_date();
                        (format!("{}-W{:02}-WE", w.year(), w.week()), true)
                    }
                    None => ("XXXX-WXX-WE".into(), false),
                };
                return Some(self.push(i, i + 2, TimeType::Date, value, resolved));
            }
            "the" if matches!(self.w(i + 1), "future" | "past") && !matches!(self.w(i + 2), "-" | "tense") => {
                let value = if self.w(i + 1) == "future" { "FUTURE_REF" } else { "PAST_REF" };
                return Some(self.push(i, i + 2, TimeType::Date, value.into(), true));
            }
            // "this morning", and "in the morning" or "in morning trading" of the day the
            // report last named.
            "this" if part_of_day(self.w(i + 1)).is_some() => {
                let part = part_of_day(self.w(i + 1)).unwrap_or("");
                let (value, resolved) = match self.reference {
                    Some(r) => (format!("{r}T{part}"), true),
                    None => (format!("XXXX-XX-XXT{part}"), false),
                };
                return Some(self.push(i, i + 2, TimeType::Time, value, resolved));
            }
            "the" | "morning" | "afternoon" | "evening" if i > 0 && self.w(i - 1) == "in" => {
                let at = if self.w(i) == "the" { i + 1 } else { i };
                let part = part_of_day(self.w(at))?;
                let (value, resolved) = match self.day_in_focus(0).or_else(|| self.reference.map(|r| r.to_string())) {
                    Some(day) => (format!("{day}T{part}"), true),
                    None => (format!("XXXX-XX-XXT{part}"), false),
                };
                return Some(self.push(i, at + 1, TimeType::Time, value, resolved));
            }
            _ => return None,
        };
        let (value, resolved) = match self.reference {
            Some(r) => (format!("{}{suffix}", r.checked_add(offset.days()).ok()?), true),
            None => (format!("XXXX-XX-XX{suffix}"), false),
        };
        Some(self.push(i, to, TimeType::Date, value, resolved))
    }

    /// Whether "the day" or "the same day" at `i` is the day of the report: after "on",
    /// "for", "in" or "during", and closing its phrase ("the day after", "the day he left"
    /// and "the day's" are other days or no date).
    fn day_reported(&self, i: usize, end: usize) -> bool {
        let day = if self.w(i + 1) == "same" { i + 2 } else { i + 1 };
        let next = self.w(day + 1);
        // A market "ended the day up 2%": the trading day reported.
        let ended = i > 0 && matches!(self.w(i - 1), "end" | "ends" | "ended" | "ending" | "start" | "starts" | "started" | "starting" | "close" | "closed" | "closing" | "finish" | "finished");
        let closes = day + 1 >= end || matches!(next, "," | "." | ";" | "and" | "but" | "as" | "while" | "to" | "at" | "on" | "in" | "with");
        self.w(day) == "day"
            && day < end
            && i > 0
            && (matches!(self.w(i - 1), "on" | "for" | "in" | "during") && closes || ended && !matches!(next, "after" | "before" | "of" | "'s" | "’s" | "that" | "when"))
    }

    /// "the same month a year ago", "the same period last year", "the corresponding quarter
    /// a year earlier": the quarter of a report of results, or else the month (or for "day"
    /// the day) the report last named, a year back — the year before the reference when
    /// it named none.
    fn same_period_before(&mut self, i: usize, end: usize) -> Option<usize> {
        if self.w(i) != "the" || !matches!(self.w(i + 1), "same" | "corresponding" | "comparable") || !matches!(self.w(i + 2), "period" | "month" | "quarter" | "day") {
            return None;
        }
        let mut at = i + 3 + usize::from(self.w(i + 3) == "of");
        at += usize::from(self.w(at) == "the" && self.w(at + 1) == "last");
        let to = match (self.w(at), self.w(at + 1), self.w(at + 2)) {
            ("last", "year", _) => at + 2,
            ("a" | "one", "year", "ago" | "earlier" | "before") => at + 3,
            _ => return None,
        };
        if to > end {
            return None;
        }
        let unit = self.w(i + 2);
        if let Some(quarter) = self.year_before_quarter_in_focus().filter(|_| matches!(unit, "period" | "quarter")) {
            return Some(self.push(i, to, TimeType::Date, quarter, true));
        }
        // A month or day named in the last few paragraphs ("2009-02", "2009-02-03"), not a
        // week or quarter ("2009-W05", "2009-Q1").
        let since = self.doc.tokens[i].span.start().saturating_sub(2000);
        let named = self.found.iter().rev().take_while(|t| t.span.start() >= since).find(|t| {
            let v = t.value.as_bytes();
            t.resolved && v.len() >= 7 && v[..4].iter().all(u8::is_ascii_digit) && v[4] == b'-' && v[5..7].iter().all(u8::is_ascii_digit)
        });
        let value = match (named, self.reference) {
            (Some(t), _) => {
                let year: i32 = t.value[..4].parse().ok()?;
                let rest = if unit == "day" { &t.value[4..] } else { &t.value[4..7] };
                format!("{:04}{rest}", year - 1)
            }
            (None, Some(r)) => format!("{}", r.year() - 1),
            (None, None) => return None,
        };
        Some(self.push(i, to, TimeType::Date, value, true))
    }

    /// "for the year", "in the fiscal year ended Sept. 30": the year a report of results
    /// covers, the reference's, or a year's length where its end is named ("the year ended
    /// June 30", "the year to March") or the time runs through it ("throughout the year").
    fn year_of_results(&mut self, i: usize, end: usize) -> Option<usize> {
        if i == 0 || self.w(i) != "the" || !matches!(self.w(i - 1), "for" | "in" | "during" | "throughout") {
            return None;
        }
        let at = if matches!(self.w(i + 1), "full" | "fiscal") { i + 2 } else { i + 1 };
        // "the year before", "the year 2000", "the year's best", "in the year that followed".
        let then = self.w(at + 1);
        let other = matches!(then, "-" | "'s" | "’s" | "ago" | "earlier" | "before" | "after" | "previous" | "of" | "that" | "when" | "since" | "in");
        if self.w(at) != "year" || at >= end || other || self.is_number(at + 1) {
            return None;
        }
        if matches!(then, "ended" | "ending" | "to") || self.w(i - 1) == "throughout" {
            return Some(self.push(i, at + 1, TimeType::Duration, "P1Y".into(), true));
        }
        let (value, resolved) = self.reference_year();
        Some(self.push(i, at + 1, TimeType::Date, value, resolved))
    }

    /// "that year", "later that day", "that same day", "the following month", "the next
    /// morning": the day, month or year of the date the report last named, or the one
    /// after it. Nothing is found when no such date was named ("the next day" then reads
    /// as a length of time, see `relative_unit`).
    fn anaphoric_unit(&mut self, i: usize, end: usize) -> Option<usize> {
        let at = if matches!(self.w(i), "earlier" | "later") { i + 1 } else { i };
        let (step, mut unit_at) = match (self.w(at), self.w(at + 1)) {
            ("that", _) => (0, at + 1),
            ("the", "following" | "next") => (1, at + 2),
            _ => return None,
        };
        if step == 0 && self.w(unit_at) == "same" {
            unit_at += 1;
        }
        if unit_at >= end {
            return None;
        }
        let part = part_of_day(self.w(unit_at));
        // How many characters of a named date's value the unit keeps ("2001-05-04" → "2001").
        let keep = match self.w(unit_at) {
            "day" => 10,
            _ if part.is_some() => 10,
            "month" => 7,
            "year" => 4,
            _ => return None,
        };
        let digits_at = |v: &str, k: &[usize]| k.iter().all(|&k| v.as_bytes().get(k).is_some_and(u8::is_ascii_digit));
        let focus = self.found.iter().rev().filter(|t| t.resolved).find_map(|t| {
            let v = t.value.get(..keep)?;
            let shaped = digits_at(v, &[0, 1, 2, 3]) && (keep == 4 || digits_at(v, &[5, 6]) && (keep == 7 || digits_at(v, &[8, 9])));
            shaped.then(|| v.to_string())
        })?;
        let value = match keep {
            4 => (focus.parse::<i16>().ok()? + step).to_string(),
            7 => {
                let month = Date::new(focus[..4].parse().ok()?, focus[5..7].parse().ok()?, 1).ok()?.checked_add(i64::from(step).months()).ok()?;
                format!("{}-{:02}", month.year(), month.month())
            }
            _ => focus.parse::<Date>().ok()?.checked_add(i64::from(step).days()).ok()?.to_string(),
        };
        let value = match part {
            Some(p) => format!("{value}T{p}"),
            None => value,
        };
        Some(self.push(i, unit_at + 1, TimeType::Date, value, true))
    }

    /// "the start of the day", "the end of the month", "the beginning of the year",
    /// "year-end", "late in the day": the day, month or year itself (TIMEX3 keeps no finer
    /// value), "the day" being the one the report last named. "Later" and "earlier" are not
    /// parts of the day but relate it to another event: in "later in the day" the
    /// expression is "the day".
    fn edge_of_unit(&mut self, i: usize, end: usize) -> Option<usize> {
        // "by year-end", "at year's end", "around year end": the year, as "the end of the
        // year" is.
        let joined = matches!(self.w(i + 1), "-" | "'s" | "’s");
        if self.w(i) == "year" && self.w(i + 1 + usize::from(joined)) == "end" && i + 2 + usize::from(joined) <= end {
            let (value, resolved) = self.reference_year();
            return Some(self.push(i, i + 2 + usize::from(joined), TimeType::Date, value, resolved));
        }
        let the = match self.w(i) {
            "the" => {
                let edge = i + 1 + usize::from(self.w(i + 1) == "very");
                if !matches!(self.w(edge), "beginning" | "start" | "end" | "middle") || self.w(edge + 1) != "of" {
                    return None;
                }
                edge + 2
            }
            "late" | "early" if self.w(i + 1) == "in" => i + 2,
            _ => return None,
        };
        // ("the end of next month" is left to "next month".)
        let unit_at = the + 1;
        if self.w(the) != "the" || unit_at >= end {
            return None;
        }
        let r = self.reference;
        let value = match (self.w(unit_at), r) {
            ("day", _) => self.day_in_focus(0).or_else(|| r.map(|r| r.to_string()))?,
            ("month", Some(r)) => format!("{}-{:02}", r.year(), r.month()),
            ("year", Some(r)) => format!("{}", r.year()),
            _ => return None,
        };
        Some(self.push(i, unit_at + 1, TimeType::Date, value, true))
    }

    /// "last year", "this summer", "earlier this month", "next week", "the past two weeks".
    fn relative_unit(&mut self, i: usize, end: usize) -> Option<usize> {
        let mut from = i;
        let mut at = i;
        if matches!(self.w(at), "earlier" | "later" | "early" | "late") && matches!(self.w(at + 1), "this" | "last" | "next") {
            at += 1;
        }
        // "the past two weeks", "the last 24 hours", "the past few days": a duration;
        // "the past year" and "the last decade" name the one before the reference, as
        // TimeBank and MEANTIME read them.
        if self.w(at) == "the" && matches!(self.w(at + 1), "past" | "last" | "next" | "coming") {
            let vague = matches!(self.w(at + 2), "few" | "several");
            let counted = self.count(at + 2, end);
            let after = match counted {
                Some((_, after)) => after,
                None => at + 2 + usize::from(vague),
            };
            let after = self.past_unit_adjective(after);
            let unit = duration_unit(self.w(after))?;
            let previous = match (self.reference, counted.is_none() && !vague && matches!(self.w(at + 1), "past" | "last"), unit) {
                (Some(r), true, "Y") => Some(format!("{}", r.year() - 1)),
                (Some(r), true, "DE") => Some(format!("{}", r.year() / 10 - 1)),
                _ => None,
            };
            if let Some(value) = previous {
                return Some(self.push(from, after + 1, TimeType::Date, value, true));
            }
            let value = match counted {
                Some((n, _)) => duration_value(n, unit),
                None if vague => duration_of("X", unit),
                None => duration_value(1.0, unit),
            };
            return Some(self.push(from, after + 1, TimeType::Duration, value, true));
        }
        // "in spring", "by autumn", "their Autumn meetings": the season of the reference year.
        let introduced = |b: &str| MONTH_INTRODUCERS.contains(&b) && !matches!(b, "and" | "to" | "of") || matches!(b, "their" | "its" | "his" | "her" | "our");
        if let Some(code) = season(self.w(at)).filter(|_| at > 0 && introduced(self.w(at - 1))) {
            let (value, resolved) = self.reference.map_or((format!("XXXX-{code}"), false), |r| (format!("{}-{code}", r.year()), true));
            return Some(self.push(at, at + 1, TimeType::Date, value, resolved));
        }
        // "by the summer", "in the spring": the season of the reference year.
        if self.w(at) == "the" && season(self.w(at + 1)).is_some() && at + 1 < end {
            let code = season(self.w(at + 1)).unwrap_or("SU");
            let (value, resolved) = match self.reference {
                Some(r) => (format!("{}-{code}", r.year()), true),
                None => (format!("XXXX-{code}"), false),
            };
            return Some(self.push(from, at + 2, TimeType::Date, value, resolved));
        }
        let shift = shift_word(self.w(at))?;
        let unit = self.w(at + 1);
        if at + 1 >= end {
            return None;
        }
        let to = at + 2;
        if let Some(season) = season(unit) {
            let (value, resolved) = match self.reference {
                Some(r) => (format!("{}-{season}", season_year(r, season, shift)), true),
                None => (format!("XXXX-{season}"), false),
            };
            return Some(self.push(from, to, TimeType::Date, value, resolved));
        }
        let r = self.reference;
        let value = match (unit, r) {
            ("year", Some(r)) => format!("{}", i32::from(r.year()) + shift),
            ("month", Some(r)) => {
                let d = r.first_of_month().checked_add((shift as i64).months()).ok()?;
                format!("{}-{:02}", d.year(), d.month())
            }
            ("week", Some(r)) => {
                let d = r.checked_add((7 * shift as i64).days()).ok()?;
                let w = d.iso_week_date();
                format!("{}-W{:02}", w.year(), w.week())
            }
            ("weekend", Some(r)) => {
                let d = r.checked_add((7 * shift as i64).days()).ok()?;
                let w = d.iso_week_date();
                format!("{}-W{:02}-WE", w.year(), w.week())
            }
            ("year", None) => "XXXX".into(),
            ("month", None) => "XXXX-XX".into(),
            ("week", None) | ("weekend", None) => "XXXX-WXX".into(),
            _ => return None,
        };
        if from != at && !matches!(self.w(from), "earlier" | "later" | "early" | "late") {
            from = at;
        }
        Some(self.push(from, to, TimeType::Date, value, r.is_some()))
    }

    /// The index after an adjective that may stand between a count and its unit ("six
    /// straight days", "five trading days", "two more weeks"), or `at` itself.
    fn past_unit_adjective(&self, at: usize) -> usize {
        let adjective = matches!(self.w(at), "straight" | "consecutive" | "successive" | "trading" | "business" | "working" | "more");
        at + usize::from(adjective && duration_unit(self.w(at + 1)).is_some())
    }

    /// "24 years" (a duration), "two years ago" (a date), "for decades".
    fn quantity_of_time(&mut self, i: usize, end: usize) -> Option<usize> {
        let (n, counted_at) = self.count(i, end)?;
        let unit_at = self.past_unit_adjective(counted_at);
        // "a five-year plan": a duration as an adjective (but "a 45-year-old" is an age).
        if self.w(unit_at) == "-" && duration_unit(self.w(unit_at + 1)).is_some_and(|u| u != "Q") && self.w(unit_at + 2) != "-" {
            let unit = duration_unit(self.w(unit_at + 1))?;
            return Some(self.push(i, unit_at + 2, TimeType::Duration, duration_value(n, unit), true));
        }
        let unit = duration_unit(self.w(unit_at))?;
        let mut to = unit_at + 1;
        // "three quarters of the votes": a share (but "two consecutive quarters of growth").
        if unit == "Q" && self.w(to) == "of" && unit_at == counted_at {
            return None;
        }
        // "a minute and a half"
        let n = if self.w(to) == "and" && matches!(self.w(to + 1), "a" | "one") && self.w(to + 2) == "half" && to + 3 <= end {
            to += 3;
            n + 0.5
        } else {
            n
        };
        // "24-year-old", "five years old": ages, not times.
        if matches!(self.w(to), "old" | "-") || self.w(unit_at.saturating_sub(1)) == "-" {
            return None;
        }
        // "a second consecutive day", "a second round": an ordinal before its noun.
        let noun_after = self.doc.tokens.get(to).is_some_and(|t| t.kind == TokenKind::Word)
            && !matches!(self.w(to), "ago" | "later" | "earlier" | "after" | "before" | "or" | "and" | "to" | "in" | "of" | "for" | "apart" | "long");
        if self.w(unit_at) == "second" && noun_after {
            return None;
        }
        // "two years ago", "a year earlier" (but "a day earlier than planned" compares).
        if self.w(to) == "ago" || self.w(to) == "earlier" && self.w(to + 1) != "than" {
            to += 1;
            let (value, resolved) = match (self.year_before_quarter_in_focus(), self.reference) {
                (Some(quarter), _) if n == 1.0 && unit == "Y" => (quarter, true),
                (_, Some(r)) => (ago(r, n, unit)?, true),
                (_, None) => ("PAST_REF".into(), false),
            };
            return Some(self.push(i, to, TimeType::Date, value, resolved));
        }
        // "1.2 billion euros a year", "twice a day": a rate, not a length of time.
        let article = matches!(self.w(i), "a" | "an");
        let after_noun = i > 0 && !RATE_BLOCKERS.contains(&self.w(i - 1)) && !self.doc.tokens[i - 1].kind.eq(&TokenKind::Punct);
        if article && after_noun {
            return Some(self.push(i, to, TimeType::Set, duration_value(1.0, unit), true));
        }
        Some(self.push(i, to, TimeType::Duration, duration_value(n, unit), true))
    }

    /// A number (digits or words) at `i`, with a half after it ("5 1/2", "two and a half"):
    /// its value and the index after it.
    fn count(&self, i: usize, end: usize) -> Option<(f64, usize)> {
        let (n, after) = self.whole_count(i, end)?;
        let half = matches!((self.w(after), self.w(after + 1), self.w(after + 2)), ("1", "/", "2") | ("and", "a", "half"));
        Some(if half && after + 3 <= end { (n + 0.5, after + 3) } else { (n, after) })
    }

    fn whole_count(&self, i: usize, end: usize) -> Option<(f64, usize)> {
        if i >= end {
            return None;
        }
        if self.is_number(i) {
            let n: f64 = self.w(i).replace(',', "").parse().ok()?;
            return Some((n, i + 1));
        }
        // "twenty-four", "twenty four": a ten and a unit.
        let hyphen = usize::from(self.w(i + 1) == "-");
        if let (Some(tens), Some(units)) = (number_word(self.w(i)), number_word(self.w(i + 1 + hyphen))) {
            if tens >= 20.0 && tens % 10.0 == 0.0 && (1.0..10.0).contains(&units) && i + 2 + hyphen <= end {
                return Some((tens + units, i + 2 + hyphen));
            }
        }
        number_word(self.w(i)).map(|n| (n, i + 1))
    }

    /// "9 a.m.", "10:30 p.m.", "noon", "midnight", with a weekday after it when written
    /// ("10 p.m. Wednesday"); in UTC ("16:08 UTC", "GMT") the value says so (`Z`).
    fn clock_time(&mut self, i: usize, end: usize, tense: &TenseAt) -> Option<usize> {
        let (hour, minute, mut to) = match self.w(i) {
            "noon" | "midday" => (12, 0, i + 1),
            "midnight" => (24, 0, i + 1),
            // "0800 GMT", "1430 hours"
            _ if self.is_number(i) && self.w(i).len() == 4 && matches!(self.w(i + 1), "gmt" | "utc" | "z" | "hours" | "hrs") => {
                let (h, m): (i32, i32) = (self.w(i)[..2].parse().ok()?, self.w(i)[2..].parse().ok()?);
                if h > 24 || m > 59 {
                    return None;
                }
                let to = if matches!(self.w(i + 1), "hours" | "hrs") { i + 2 } else { i + 1 };
                (h, m, to)
            }
            _ if self.is_number(i) => {
                let h: i32 = self.w(i).parse().ok().filter(|h| (1..=12).contains(h) || self.w(i + 1) == ":")?;
                let (m, after) = if self.w(i + 1) == ":" && self.is_number(i + 2) && !self.doc.tokens[i + 1].space_before {
                    (self.w(i + 2).parse().ok().filter(|m| (0..60).contains(m))?, i + 3)
                } else {
                    (0, i + 1)
                };
                let h = match self.w(after) {
                    "a.m." | "am" => h % 12,
                    "p.m." | "pm" => h % 12 + 12,
                    _ if after == i + 3 && h <= 24 => h,
                    _ => return None,
                };
                let to = if matches!(self.w(after), "a.m." | "am" | "p.m." | "pm") { after + 1 } else { after };
                (h, m, to)
            }
            _ => {
                // "9am", "10pm" as one token
                let w = self.w(i);
                let (digits, suffix) = w.split_at(w.find(|c: char| !c.is_ascii_digit()).filter(|&k| k > 0)?);
                let h: i32 = digits.parse().ok().filter(|h| (1..=12).contains(h))?;
                let h = match suffix {
                    "am" | "a.m." => h % 12,
                    "pm" | "p.m." => h % 12 + 12,
                    _ => return None,
                };
                (h, 0, i + 1)
            }
        };
        let utc = matches!(self.w(to), "gmt" | "utc" | "z");
        if utc || matches!(self.w(to), "est" | "edt" | "bst" | "cet" | "et" | "pt" | "local") {
            to += 1;
        }
        let named_day = (to < end && self.doc.token_text(to).starts_with(char::is_uppercase)).then(|| weekday(self.w(to))).flatten();
        let (day, resolved) = match named_day {
            Some(day) => {
                to += 1;
                self.weekday_value(day, None, tense)?
            }
            // The day written right after ("at 16:15 UTC, June 1st"), the day named earlier
            // in the sentence ("a test flight Tuesday … at 18:00 UTC"), or the reference.
            None => {
                let sentence_start = self.doc.sentence_of(self.doc.tokens[i].span.start()).map_or(0, |s| self.doc.sentences[s].start());
                match (self.day_after(to, end, tense), self.day_in_focus(sentence_start), self.reference) {
                    (Some(day), _, _) | (None, Some(day), _) => (day, true),
                    (None, None, Some(r)) => (r.to_string(), true),
                    (None, None, None) => ("XXXX-XX-XX".into(), false),
                }
            }
        };
        let value = format!("{day}T{hour:02}:{minute:02}{}", if utc { "Z" } else { "" });
        Some(self.push(i, to.min(end), TimeType::Time, value, resolved))
    }

    /// "the third quarter", "third-quarter", "the latest quarter", "the fourth quarter of
    /// this year", "this year's third quarter", "the 1988 second quarter".
    fn quarter(&mut self, i: usize, end: usize) -> Option<usize> {
        let from = i;
        let (year_first, i) = self.year_first(i, end).map_or((None, i), |(year, after)| (Some(year), after));
        let mut at = if self.w(i) == "the" { i + 1 } else { i };
        // "year-earlier", "year-ago" come as three tokens.
        let year_back = self.w(at) == "year" && self.w(at + 1) == "-" && matches!(self.w(at + 2), "earlier" | "ago");
        if year_back {
            at += 2;
        }
        let which = if year_back { "year-earlier" } else { self.w(at) };
        let n: Option<i8> = match which {
            "first" | "1st" => Some(1),
            "second" | "2nd" => Some(2),
            "third" | "3rd" => Some(3),
            "fourth" | "4th" | "final" => Some(4),
            "latest" | "last" | "year-earlier" | "year-ago" | "current" | "previous" => None,
            "quarter" if at > i => {
                at -= 1;
                None
            }
            _ => return None,
        };
        at += 1;
        if self.w(at) == "-" {
            at += 1;
        }
        if self.w(at) == "fiscal" {
            at += 1;
        }
        // "the year-ago period" and "the latest period" of a report of results are quarters
        // too; "year-earlier" alone ("year-earlier sales") is the year before.
        let quarter = matches!(self.w(at), "quarter" | "quarters") || (year_back || which == "latest") && self.w(at) == "period";
        if year_back && !quarter {
            let (value, resolved) = match (self.year_before_quarter_in_focus(), self.reference) {
                (Some(quarter), _) => (quarter, true),
                (None, Some(r)) => ((r.year() - 1).to_string(), true),
                (None, None) => ("XXXX".to_string(), false),
            };
            return Some(self.push(from.max(at - 3), at, TimeType::Date, value, resolved));
        }
        if !quarter || at >= end {
            return None;
        }
        let to = at + 1;
        let Some(r) = self.reference else {
            let value = n.map_or("XXXX-QX".to_string(), |n| format!("XXXX-Q{n}"));
            return Some(self.push(from, to, TimeType::Date, value, false));
        };
        let current = (r.month() - 1) / 3 + 1;
        let (year, q) = match (n, which) {
            // A quarter not yet begun is last year's, in a report of results.
            (Some(n), _) => (if n > current { r.year() - 1 } else { r.year() }, n),
            (None, "current") => (r.year(), current),
            (None, "year-earlier" | "year-ago") => {
                let (y, q) = self.quarter_in_focus.unwrap_or(if current == 1 { (r.year() - 1, 4) } else { (r.year(), current - 1) });
                (y - 1, q)
            }
            // "the quarter", "the latest quarter": the last one completed.
            _ => if current == 1 { (r.year() - 1, 4) } else { (r.year(), current - 1) },
        };
        // "the third quarter of 1990", "the first quarter of last year": the year is named.
        let (year, to) = match (year_first.filter(|_| n.is_some()), self.year_named_at(to + 1, end).filter(|_| self.w(to) == "of" && n.is_some())) {
            (Some(named), _) => (named, to),
            (None, Some((named, after))) => (named, after),
            (None, None) => (year, to),
        };
        if !year_back {
            self.quarter_in_focus = Some((year, q));
        }
        Some(self.push(from, to, TimeType::Date, format!("{year}-Q{q}"), true))
    }

    /// "the first half of 2025", "the second half of next year", "the first half": a half
    /// of the year named, or of the reference's year.
    fn half_year(&mut self, i: usize, end: usize) -> Option<usize> {
        let from = i;
        let (year_first, i) = self.year_first(i, end).map_or((None, i), |(year, after)| (Some(year), after));
        let at = if self.w(i) == "the" { i + 1 } else { i };
        let h = match self.w(at) {
            "first" => 1,
            "second" | "last" => 2,
            _ => return None,
        };
        if self.w(at + 1) != "half" || at + 1 >= end {
            return None;
        }
        let to = at + 2;
        // "the second half of March", "the first half of the game": not a half of a year.
        if self.w(to) == "of" && !matches!(self.w(to + 1), "last" | "this" | "next") && !self.is_number(to + 1) {
            return None;
        }
        let named = year_first.map(|year| (year, to)).or_else(|| self.year_named_at(to + 1, end).filter(|_| self.w(to) == "of"));
        let (value, to, resolved) = match (named, self.reference) {
            (Some((year, after)), _) => (format!("{year}-H{h}"), after, true),
            (None, Some(r)) => (format!("{}-H{h}", r.year()), to, true),
            (None, None) => (format!("XXXX-H{h}"), to, false),
        };
        Some(self.push(from, to, TimeType::Date, value, resolved))
    }

    /// A year named before the part of it that follows: "this year's" or "1988's" (a
    /// possessive), "the 1988" (a number after "the"). The year, and the token after it.
    fn year_first(&self, i: usize, end: usize) -> Option<(i16, usize)> {
        let at = if self.w(i) == "the" { i + 1 } else { i };
        let (year, after) = self.year_named_at(at, end)?;
        match self.w(after) {
            "'s" | "’s" => Some((year, after + 1)),
            _ if at > i && self.is_number(at) => Some((year, after)),
            _ => None,
        }
    }

    /// A year named at `i`: "1990", or "last year", "this year", "next year" against the
    /// reference. The year, and the token after it.
    fn year_named_at(&self, i: usize, end: usize) -> Option<(i16, usize)> {
        if i >= end {
            return None;
        }
        let w = self.w(i);
        if self.is_number(i) && w.len() == 4 {
            return w.parse().ok().filter(|y| (1800..=2200).contains(y)).map(|y| (y, i + 1));
        }
        let r = self.reference?;
        let offset = match (w, self.w(i + 1)) {
            ("last", "year") => -1,
            ("this", "year") => 0,
            ("next", "year") => 1,
            _ => return None,
        };
        Some((r.year() + offset, i + 2))
    }

    /// In a report of quarterly results, "a year earlier" and "year-ago" compare with the
    /// same quarter of the year before the last quarter the document named ("1989-Q3" →
    /// "1988-Q3").
    fn year_before_quarter_in_focus(&self) -> Option<String> {
        self.quarter_in_focus.map(|(year, q)| format!("{}-Q{q}", year - 1))
    }

    /// "for weeks", "in recent years", "several months": durations of unknown length.
    fn vague_duration(&mut self, i: usize, end: usize) -> Option<usize> {
        let (from, at) = match self.w(i) {
            "several" | "many" | "few" | "recent" | "some" => (i, i + 1),
            // "over the years"
            "the" if i > 0 && self.w(i - 1) == "over" => (i, i + 1),
            // "in just minutes"
            "just" | "only" | "mere" if matches!(self.w(i.wrapping_sub(1)), "for" | "in" | "within") => (i + 1, i + 1),
            _ if matches!(self.w(i.wrapping_sub(1)), "for" | "in") => (i, i),
            // "decades-long", "years-long"
            _ if self.w(i + 1) == "-" && self.w(i + 2) == "long" => (i, i),
            _ => return None,
        };
        let unit = self.w(at);
        if at >= end || !unit.ends_with('s') || self.doc.token_text(at).starts_with(char::is_uppercase) {
            return None;
        }
        let unit = duration_unit(unit)?;
        if self.w(at + 1) == "-" && self.w(at + 2) == "long" && at + 3 <= end {
            return Some(self.push(from, at + 3, TimeType::Duration, duration_of("X", unit), true));
        }
        if matches!(self.w(at + 1), "old" | "-" | "ago") {
            return None;
        }
        Some(self.push(from, at + 1, TimeType::Duration, duration_of("X", unit), true))
    }

    /// "annually", "every year", "each week", "daily".
    fn set(&mut self, i: usize, end: usize) -> Option<usize> {
        // "People’s Daily", "The Weekly Standard", "the Daily Beast": capitalised beside a
        // capitalised word, a rate word is part of a name.
        let capital = |k: usize| self.word_opens(k, char::is_uppercase);
        let before = if i > 1 && matches!(self.w(i - 1), "’s" | "'s") { i - 2 } else { i.wrapping_sub(1) };
        if capital(i) && (capital(before) || capital(i + 1)) && !matches!(self.w(i), "every" | "each") {
            return None;
        }
        let value = match self.w(i) {
            "annually" | "yearly" | "annual" => "P1Y",
            "monthly" => "P1M",
            "weekly" => "P1W",
            "daily" | "nightly" => "P1D",
            "hourly" => "PT1H",
            "every" | "each" if i + 1 < end => {
                let unit = duration_unit(self.w(i + 1)).filter(|_| !self.w(i + 1).ends_with('s'))?;
                let value = duration_value(1.0, unit);
                return Some(self.push(i, i + 2, TimeType::Set, value, true));
            }
            _ => return None,
        };
        // "daily" before a noun is an adjective for a rate ("daily briefings"): still a set.
        Some(self.push(i, i + 1, TimeType::Set, value.into(), true))
    }

    /// A year in words, as transcripts write it: "nineteen ninety-six", "nineteen eighty",
    /// "the year two thousand" (from "two").
    fn spelled_year(&self, i: usize, end: usize) -> Option<(i16, usize)> {
        if self.w(i) == "two" && self.w(i + 1) == "thousand" && i >= 2 && self.w(i - 1) == "year" && self.w(i - 2) == "the" {
            return (i + 2 <= end).then_some((2000, i + 2));
        }
        if self.w(i) != "nineteen" {
            return None;
        }
        let (n, after) = self.whole_count(i + 1, end)?;
        let words = (i + 1..after).all(|k| !self.is_number(k));
        (words && (10.0..100.0).contains(&n)).then_some((1900 + n as i16, after))
    }

    /// The reference's year as a value, and whether it is resolved ("XXXX" with no reference).
    fn reference_year(&self) -> (String, bool) {
        self.reference.map_or(("XXXX".into(), false), |r| (r.year().to_string(), true))
    }

    /// The year a two-digit year names: the latest not after the reference ("'82" → 1982,
    /// "07" → 2007), as if the reference were 2000 when there is none.
    fn century_of(&self, yy: i16) -> i16 {
        let now = self.reference.map_or(2000, |r| r.year());
        if 2000 + yy <= now { 2000 + yy } else { 1900 + yy }
    }

    /// "in 2022", "since 2014", "the 1990s", "nineteen ninety-six".
    fn year(&mut self, i: usize, end: usize) -> Option<usize> {
        if let Some((year, after)) = self.spelled_year(i, end) {
            return Some(self.push(i, after, TimeType::Date, format!("{year:04}"), true));
        }
        let t = &self.doc.tokens[i];
        let text = self.w(i);
        // "the 70s": a decade of the last century (of this one for "00s" and "10s").
        if t.kind == TokenKind::Alphanumeric && text.len() == 3 && text.ends_with("0s") && text.as_bytes()[0].is_ascii_digit() {
            let tens = &text[..1];
            let century = if matches!(tens, "0" | "1") { "20" } else { "19" };
            return Some(self.push(i, i + 1, TimeType::Date, format!("{century}{tens}"), true));
        }
        // "in '82": a year of two digits, the latest not after the reference.
        if self.is_number(i) && text.len() == 2 && i > 0 && matches!(self.w(i - 1), "'" | "’") && !t.space_before {
            let year = self.century_of(text.parse().ok()?);
            return Some(self.push(i - 1, i + 1, TimeType::Date, format!("{year}"), true));
        }
        if t.kind == TokenKind::Alphanumeric && text.len() == 5 && text.ends_with('s') {
            let year = year_number(&text[..4])?;
            if year % 10 == 0 {
                return Some(self.push(i, i + 1, TimeType::Date, format!("{}", year / 10), true));
            }
        }
        if !self.is_number(i) {
            return None;
        }
        let year = year_number(text)?;
        // A four-digit number from 1800 to 2100 is a year, unless money, a percentage, a
        // count of something, a reference number or part of a longer number says otherwise.
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let next = self.w(i + 1);
        let not_a_year = matches!(prev, "$" | "€" | "£" | "no." | "number" | "page" | "flight" | "route" | "room" | "resolution" | "article" | "-" | "/" | ":" | ".")
            || matches!(next, "%" | "percent" | "people" | "troops" | "soldiers" | "deaths" | "times" | "km" | "miles" | "points" | "shares" | "votes" | "-" | "/" | ":" | "." | "cases" | "units" | "jobs")
            || self.doc.tokens[i].span.start() > 0 && !self.doc.tokens[i].space_before && i > 0 && self.doc.tokens[i - 1].kind == TokenKind::Number;
        // "mid-2011", "early-1990"
        if prev == "-" && i >= 2 && matches!(self.w(i - 2), "mid" | "early" | "late") {
            return Some(self.push(i - 2, i + 1, TimeType::Date, format!("{year:04}"), true));
        }
        if not_a_year && !YEAR_INTRODUCERS.contains(&prev) {
            return None;
        }
        // "fiscal 1989"
        if prev == "fiscal" {
            return Some(self.push(i - 1, i + 1, TimeType::Date, format!("FY{year:04}"), true));
        }
        Some(self.push(i, i + 1, TimeType::Date, format!("{year:04}"), true))
    }
}

fn on_or_after(reference: Date, weekday: Weekday) -> Option<Date> {
    if reference.weekday() == weekday {
        Some(reference)
    } else {
        reference.nth_weekday(1, weekday).ok()
    }
}

fn on_or_before(reference: Date, weekday: Weekday) -> Option<Date> {
    if reference.weekday() == weekday {
        Some(reference)
    } else {
        reference.nth_weekday(-1, weekday).ok()
    }
}

/// The year of "last/this/next summer" said on `r`: "last" is the most recent one before
/// the current season, "next" the first one after it, "this" the current year's. A winter
/// is the year its January falls in: "this winter" said in the autumn is the one ahead
/// (2026-WI in November 2025), "last winter" the one that ended that year (2025-WI).
fn season_year(r: Date, season: &str, shift: i32) -> i32 {
    let year = i32::from(r.year());
    let order = |s: &str| ["WI", "SP", "SU", "FA"].iter().position(|x| *x == s).unwrap_or(0);
    let (wanted, current) = (order(season), order(season_of(r.month())));
    let december = r.month() == 12;
    match shift {
        -1 if wanted < current || season == "WI" && december => year,
        -1 => year - 1,
        1 if wanted <= current => year + 1,
        0 if season == "WI" && (current == order("FA") || december) => year + 1,
        _ => year,
    }
}

fn ago(r: Date, n: f64, unit: &str) -> Option<String> {
    let n = n as i64;
    Some(match unit {
        "Y" => format!("{}", i64::from(r.year()) - n),
        "DE" => format!("{}", i64::from(r.year()) - 10 * n),
        "M" => {
            let d = r.first_of_month().checked_sub(n.months()).ok()?;
            format!("{}-{:02}", d.year(), d.month())
        }
        "W" => {
            let w = r.checked_sub((7 * n).days()).ok()?.iso_week_date();
            format!("{}-W{:02}", w.year(), w.week())
        }
        "D" => r.checked_sub(n.days()).ok()?.to_string(),
        _ => return None,
    })
}

fn duration_value(n: f64, unit: &str) -> String {
    // A decade is written in years, as TimeBank and MEANTIME write it ("two decades" → P20Y).
    let (n, unit) = if unit == "DE" { (n * 10.0, "Y") } else { (n, unit) };
    // A half is written in the next smaller unit: "5 1/2 hours" → PT5H30M, "2 1/2 years" → P2Y6M.
    if n.fract() == 0.5 {
        let smaller = match unit {
            "Y" => Some(("6", "M")),
            "D" => Some(("12", "H")),
            "H" => Some(("30", "MIN")),
            "MIN" => Some(("30", "S")),
            _ => None,
        };
        if let Some((half, next)) = smaller {
            let whole = duration_of(&format!("{}", n.trunc() as i64), unit);
            let part = duration_of(half, next);
            // Join "PT5H" and "PT30M" into "PT5H30M" (and "P2Y" with "P6M" into "P2Y6M").
            let part = part.trim_start_matches('P');
            let part = if whole.contains('T') { part.trim_start_matches('T') } else { part };
            return if n.trunc() == 0.0 { duration_of(half, next) } else { format!("{whole}{part}") };
        }
    }
    let n = if n.fract() == 0.0 { format!("{}", n as i64) } else { format!("{n}") };
    duration_of(&n, unit)
}

/// A duration of `count` (digits, or "X" for an unknown number) units: hours, minutes and
/// seconds after a "T" ("PT3H", "PTXM"), the rest before ("P3Y", "PXW").
fn duration_of(count: &str, unit: &str) -> String {
    match unit {
        "H" | "MIN" | "S" => format!("PT{count}{}", if unit == "MIN" { "M" } else { unit }),
        // Decades in years, as in `duration_value` ("for decades" → PXY).
        "DE" => format!("P{count}Y"),
        _ => format!("P{count}{unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_doc::Article;

    fn times(text: &str, reference: Option<Date>) -> Vec<(String, TimeType, String)> {
        let mut doc = Doc::new(Article::from_paragraphs(vec![text.into()]));
        dossier_text::annotate(&mut doc);
        annotate(&doc, reference).into_iter().map(|t| (doc.slice(t.span).to_string(), t.kind, t.value)).collect()
    }

    fn one(text: &str) -> (String, String) {
        let found = times(text, Some(jiff::civil::date(2024, 10, 4)));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (found[0].0.clone(), found[0].2.clone())
    }

    #[test]
    fn weekdays_resolve_backwards_in_reports() {
        assert_eq!(one("It happened on Thursday."), ("Thursday".into(), "2024-10-03".into()));
        assert_eq!(one("It was reported on Friday."), ("Friday".into(), "2024-10-04".into()));
        assert_eq!(one("They met on Monday."), ("Monday".into(), "2024-09-30".into()));
        assert_eq!(one("They will meet on Monday."), ("Monday".into(), "2024-10-07".into()));
        assert_eq!(one("It will reopen, he said on Monday."), ("Monday".into(), "2024-09-30".into()));
        assert_eq!(one("He left last Friday."), ("last Friday".into(), "2024-09-27".into()));
        assert_eq!(one("The strike on Thursday night."), ("Thursday night".into(), "2024-10-03TNI".into()));
        assert_eq!(one("They will meet on Friday."), ("Friday".into(), "2024-10-04".into()));
        assert_eq!(one("They will meet next Friday."), ("next Friday".into(), "2024-10-11".into()));
        // Expected, forecast or planned, told in the past: still ahead.
        assert_eq!(one("More rain was expected from Sunday."), ("Sunday".into(), "2024-10-06".into()));
        assert_eq!(one("The exchange is to resume trading Tuesday."), ("Tuesday".into(), "2024-10-08".into()));
        // A weekday opening a date: the date names the day.
        assert_eq!(one("The vote is on Monday, Oct. 28."), ("Monday, Oct. 28".into(), "2024-10-28".into()));
    }

    #[test]
    fn months_years_seasons() {
        assert_eq!(one("since the invasion in February 2022."), ("February 2022".into(), "2022-02".into()));
        assert_eq!(one("Demand will recover in the second half of next year."), ("the second half of next year".into(), "2025-H2".into()));
        assert_eq!(one("Profit rose in the first half."), ("the first half".into(), "2024-H1".into()));
        assert!(times("They scored in the second half of the game.", None).is_empty());
        assert_eq!(one("It began on October 3, 2024, at dawn."), ("October 3, 2024".into(), "2024-10-03".into()));
        assert_eq!(one("It began on 3 October 2024."), ("3 October 2024".into(), "2024-10-03".into()));
        assert_eq!(one("Talks resumed in March."), ("March".into(), "2024-03".into()));
        assert_eq!(one("Talks resume in November."), ("November".into(), "2024-11".into()));
        assert_eq!(one("Talks failed in January."), ("January".into(), "2024-01".into()));
        assert_eq!(one("The plant opened on April 2nd."), ("April 2nd".into(), "2024-04-02".into()));
        assert_eq!(one("Prices rose in spring."), ("spring".into(), "2024-SP".into()));
        assert_eq!(one("It was a hit in the 70s."), ("70s".into(), "197".into()));
        assert_eq!(one("He was born in '82."), ("'82".into(), "1982".into()));
        assert_eq!(one("It grows by mid-2011."), ("mid-2011".into(), "2011".into()));
        assert_eq!(one("The index closed at 0800 GMT."), ("0800 GMT".into(), "2024-10-04T08:00Z".into()));
        assert_eq!(one("He visited this summer."), ("this summer".into(), "2024-SU".into()));
        // A winter is the year of its January: said in October 2024, the coming one is 2025's.
        assert_eq!(one("The grid will hold this winter."), ("this winter".into(), "2025-WI".into()));
        assert_eq!(one("The grid held last winter."), ("last winter".into(), "2024-WI".into()));
        assert_eq!(one("It rose last year."), ("last year".into(), "2023".into()));
        assert_eq!(one("It fell earlier this month."), ("earlier this month".into(), "2024-10".into()));
        assert_eq!(one("It fell last month."), ("last month".into(), "2024-09".into()));
        assert_eq!(one("Prices have doubled since 2014."), ("2014".into(), "2014".into()));
        assert_eq!(one("It was built in the 1990s."), ("1990s".into(), "199".into()));
        assert_eq!(one("He met 2024-10-01 officials."), ("2024-10-01".into(), "2024-10-01".into()));
        assert_eq!(one("written in the American format, 7/8/07."), ("7/8/07".into(), "2007-07-08".into()));
        assert_eq!(one("It opened on 25/12/2023."), ("25/12/2023".into(), "2023-12-25".into()));
    }

    #[test]
    fn durations_sets_and_ago() {
        assert_eq!(one("for the first time in 24 years."), ("24 years".into(), "P24Y".into()));
        assert_eq!(one("over the past two weeks."), ("the past two weeks".into(), "P2W".into()));
        assert_eq!(one("a feud of two decades."), ("two decades".into(), "P20Y".into()));
        assert_eq!(one("shells used annually by Russia"), ("annually".into(), "P1Y".into()));
        assert_eq!(one("It ended two years ago."), ("two years ago".into(), "2022".into()));
        assert_eq!(one("He met them three days ago."), ("three days ago".into(), "2024-10-01".into()));
        assert_eq!(one("Sales had risen a year earlier."), ("a year earlier".into(), "2023".into()));
        assert_eq!(one("It came a day earlier than planned."), ("a day".into(), "P1D".into()));
        assert_eq!(one("a twenty-four hours window"), ("twenty-four hours".into(), "PT24H".into()));
        assert_eq!(one("It saves 2 billion euros a year."), ("a year".into(), "P1Y".into()));
        assert_eq!(times("It saves 2 billion euros a year.", None)[0].1, TimeType::Set);
        assert_eq!(times("He stayed for a year.", None)[0].1, TimeType::Duration);
    }

    #[test]
    fn a_month_without_a_year_takes_the_year_its_tense_and_neighbours_say() {
        let at = |text: &str, y, m, d| {
            let found = times(text, Some(jiff::civil::date(y, m, d)));
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            (found[0].0.clone(), found[0].2.clone())
        };
        // Present tense: the nearest; past tense: at most two months ahead; future: ahead.
        assert_eq!(at("The dividend is payable Jan. 2.", 1989, 11, 2).1, "1990-01-02");
        assert_eq!(at("He stepped down in March for health reasons.", 1989, 11, 2).1, "1989-03");
        assert_eq!(at("In January, the firm brought in a new chief.", 1989, 10, 27).1, "1989-01");
        assert_eq!(at("The plant will close in March.", 1989, 11, 2).1, "1990-03");
        assert_eq!(at("The firm created a new office, effective Feb. 1.", 1989, 10, 26).1, "1990-02-01");
        assert_eq!(at("The boy, rescued in late November, is six.", 2000, 4, 5), ("late November".into(), "1999-11".into()));
        assert_eq!(at("He expects to decide by mid-November.", 1989, 10, 2), ("mid-November".into(), "1989-11".into()));
        // A speech verb does not make a clause about the future past.
        assert_eq!(at("Sales should recover in January, it said.", 1989, 11, 2).1, "1990-01");
        // A clause with both a future and a past mark takes the one nearer the date.
        assert_eq!(at("The agency will take him from the kin who have cared for him since he was rescued in late November.", 2000, 4, 5).1, "1999-11");
        assert_eq!(at("The carrier has been on patrol since March and was scheduled to return to port.", 1990, 8, 13).1, "1990-03");
        // A participle after "be" is no past verb, irregular or not.
        assert_eq!(at("He added that a ceremony would still be held on April 24.", 1999, 2, 10).1, "1999-04-24");
        // "last", "this" and "next", and a relative year after the month.
        assert_eq!(at("The two presidents signed it last May.", 1998, 2, 27), ("last May".into(), "1997-05".into()));
        assert_eq!(at("The election is due this September.", 1998, 2, 5).1, "1998-09");
        assert_eq!(at("Leases end after October of next year.", 2009, 5, 15), ("October of next year".into(), "2010-10".into()));
        assert_eq!(at("He was found on Thanksgiving Day.", 1999, 12, 10), ("Thanksgiving Day".into(), "1999-11-25".into()));
        assert_eq!(times("It ran from 1990 until nineteen ninety-six.", None)[1].2, "1996");
        assert_eq!(times("In nineteen ninety-six it rained.", None)[0].2, "1996");
    }

    #[test]
    fn the_day_is_the_one_the_report_last_named() {
        let tuesday = Some(jiff::civil::date(2009, 2, 24));
        let found = times("On Monday the Dow fell 3%, to end the day at 7,114.", tuesday);
        assert_eq!(found[1], ("the day".into(), TimeType::Date, "2009-02-23".into()), "{found:?}");
        let found = times("It flew on Tuesday in Everett at 18:00 UTC.", Some(jiff::civil::date(2009, 12, 16)));
        assert_eq!(found[1].2, "2009-12-15T18:00Z", "{found:?}");
        let found = times("At a press conference at 16:15 UTC, June 1st, he spoke.", Some(jiff::civil::date(2009, 6, 4)));
        assert_eq!(found[0].2, "2009-06-01T16:15Z", "{found:?}");
        // With no day named, the reference.
        assert_eq!(times("Shares fell 3% on the day.", tuesday)[0].2, "2009-02-24");
        assert_eq!(times("Shares fell at the start of the day.", tuesday)[0], ("the start of the day".into(), TimeType::Date, "2009-02-24".into()));
        assert_eq!(times("Cuts are due by the end of the year.", tuesday)[0].2, "2009");
        let found = times("Sales rose 43% in February compared to the same period last year.", Some(jiff::civil::date(2010, 3, 3)));
        assert_eq!(found[1], ("the same period last year".into(), TimeType::Date, "2009-02".into()), "{found:?}");
        // A week named before is no month to take back a year.
        let found = times("Sales rose this week, compared with the same period last year.", Some(jiff::civil::date(2009, 2, 3)));
        assert_eq!(found[1].2, "2008", "{found:?}");
        assert_eq!(times("On Monday the Dow rebounded late in the day.", tuesday)[1], ("late in the day".into(), TimeType::Date, "2009-02-23".into()));
        assert_eq!(times("On Monday the Dow fell later in the day.", tuesday)[1], ("the day".into(), TimeType::Date, "2009-02-23".into()));
        assert_eq!(times("On Monday shares rose in morning trading.", tuesday)[1], ("morning".into(), TimeType::Time, "2009-02-23TMO".into()));
        assert_eq!(times("It ended at the beginning of the month.", tuesday)[0].2, "2009-02");
        // A weekday's report of the past: the weekend just past; of the future: the coming one.
        assert_eq!(times("Protesters marched over the weekend.", tuesday)[0].2, "2009-W08-WE");
        assert_eq!(times("Protesters will march over the weekend.", tuesday)[0].2, "2009-W09-WE");
        assert_eq!(times("Rain fell, and more is expected over the weekend.", tuesday)[0].2, "2009-W09-WE");
        assert_eq!(one("Prices rose over the years."), ("the years".into(), "PXY".into()));
        assert_eq!(one("It fell 100 points in just minutes."), ("minutes".into(), "PTXM".into()));
        assert_eq!(one("It settled its decades-long dispute."), ("decades-long".into(), "PXY".into()));
    }

    #[test]
    fn days_still_to_come_and_sets_of_days() {
        let thursday = Some(jiff::civil::date(2008, 9, 18));
        assert_eq!(times("Markets stay closed until Friday, officials said.", thursday)[0].2, "2008-09-19");
        assert_eq!(times("Until Thursday, they had described him as a witness.", Some(jiff::civil::date(1999, 5, 7)))[0].2, "1999-05-06");
        assert_eq!(times("He could come as early as Tuesday.", Some(jiff::civil::date(2000, 4, 3)))[0].2, "2000-04-04");
        assert_eq!(times("The offer had been due to expire Friday evening.", Some(jiff::civil::date(1989, 10, 30)))[0].2, "1989-10-27TEV");
        assert_eq!(times("The offer is due to expire Friday evening.", Some(jiff::civil::date(1989, 10, 30)))[0].2, "1989-11-03TEV");
        assert_eq!(one("A third flight departs each Thursday."), ("each Thursday".into(), "XXXX-WXX-4".into()));
    }

    #[test]
    fn vague_and_fractional_lengths_of_time() {
        assert_eq!(one("It has struggled in recent years."), ("recent years".into(), "PXY".into()));
        assert_eq!(one("over the past few weeks."), ("the past few weeks".into(), "PXW".into()));
        assert_eq!(one("Stocks fell for the past five trading days."), ("the past five trading days".into(), "P5D".into()));
        assert_eq!(one("Profit doubled over the past year."), ("the past year".into(), "2023".into()));
        assert_eq!(one("the third time in the past decade."), ("the past decade".into(), "201".into()));
        assert_eq!(one("about 5 1/2 hours in Nairobi"), ("5 1/2 hours".into(), "PT5H30M".into()));
        assert_eq!(one("almost two and a half years"), ("two and a half years".into(), "P2Y6M".into()));
        assert_eq!(one("in the last twenty four hours"), ("the last twenty four hours".into(), "PT24H".into()));
        assert_eq!(one("It took a minute and a half."), ("a minute and a half".into(), "PT1M30S".into()));
        assert_eq!(one("It shrank for two consecutive quarters."), ("two consecutive quarters".into(), "P2Q".into()));
        assert_eq!(one("It rose for six straight days."), ("six straight days".into(), "P6D".into()));
        assert!(times("three quarters of the votes", None).is_empty());
        assert_eq!(one("Prices will stay high for the time being."), ("the time being".into(), "PRESENT_REF".into()));
        assert_eq!(one("It pays off in the long term."), ("the long term".into(), "FUTURE_REF".into()));
        assert!(times("He previously ran a bank and will soon run another; future plans are open.", None).is_empty());
        assert_eq!(one("Now that he is here, it is over."), ("Now".into(), "PRESENT_REF".into()));
    }

    #[test]
    fn a_year_earlier_in_a_report_of_quarterly_results_is_that_quarter() {
        let found = times("Profit rose 8% in the third quarter from a year earlier, beating year-ago estimates.", Some(jiff::civil::date(2024, 10, 30)));
        let values: Vec<&str> = found.iter().map(|t| t.2.as_str()).collect();
        assert_eq!(values, ["2024-Q3", "2023-Q3", "2023-Q3"], "{found:?}");
    }

    #[test]
    fn quarters_clock_times_and_references() {
        assert_eq!(one("Profit rose in the third quarter."), ("the third quarter".into(), "2024-Q3".into()));
        assert_eq!(one("Its fourth-quarter results disappointed."), ("fourth-quarter".into(), "2024-Q4".into()));
        assert_eq!(one("Profit fell in the first quarter."), ("the first quarter".into(), "2024-Q1".into()));
        assert_eq!(one("Sales rose in the first quarter of last year."), ("the first quarter of last year".into(), "2023-Q1".into()));
        // The year may come first, possessive or after "the".
        assert_eq!(one("Sales will rise in next year's first quarter."), ("next year's first quarter".into(), "2025-Q1".into()));
        assert_eq!(one("Earnings in the 1988 second quarter were flat."), ("the 1988 second quarter".into(), "1988-Q2".into()));
        assert_eq!(one("It rose in the last half of 1989."), ("the last half of 1989".into(), "1989-H2".into()));
        assert_eq!(one("Prices rose in 1990's first half."), ("1990's first half".into(), "1990-H1".into()));
        assert_eq!(one("Profit fell in the final quarter of 2009."), ("the final quarter of 2009".into(), "2009-Q4".into()));
        assert_eq!(one("The quarter was weak."), ("The quarter".into(), "2024-Q3".into()));
        assert_eq!(one("Sales for the full year were $6.6 billion."), ("the full year".into(), "2024".into()));
        assert_eq!(one("Debt will fall by year-end."), ("year-end".into(), "2024".into()));
        assert_eq!(one("Its ratio rose at year's end."), ("year's end".into(), "2024".into()));
        assert_eq!(times("It earned $2 million in the year ended June 30.", None)[0].2, "P1Y");
        assert!(times("In the year before the war, it grew.", None).is_empty());
        assert_eq!(one("Profit beat the year-earlier quarter."), ("the year-earlier quarter".into(), "2023-Q3".into()));
        assert_eq!(one("Sales in the latest period rose 13%."), ("the latest period".into(), "2024-Q3".into()));
        let named = times("The plant opened on May 4, 2001. Later that year it closed; the next morning a storm hit.", None);
        assert_eq!(named[1], ("Later that year".into(), TimeType::Date, "2001".into()));
        assert_eq!(named[2], ("the next morning".into(), TimeType::Date, "2001-05-05TMO".into()));
        assert!(times("Sales rose that year.", None).is_empty());
        assert_eq!(one("It rose from year-ago levels."), ("year-ago".into(), "2023".into()));
        assert_eq!(one("They met at 9 a.m. in Kyiv."), ("9 a.m.".into(), "2024-10-04T09:00".into()));
        assert_eq!(one("It closed at 10 p.m. Wednesday."), ("10 p.m. Wednesday".into(), "2024-10-02T22:00".into()));
        assert_eq!(one("It will open at noon Monday."), ("noon Monday".into(), "2024-10-07T12:00".into()));
        assert_eq!(one("The quake struck at 16:08 UTC."), ("16:08 UTC".into(), "2024-10-04T16:08Z".into()));
        assert_eq!(one("Sales fell recently."), ("recently".into(), "PAST_REF".into()));
        assert_eq!(one("Shares fell 3% on the day."), ("the day".into(), "2024-10-04".into()));
        assert_eq!(one("The Dow ended the day down 2%."), ("the day".into(), "2024-10-04".into()));
        assert!(times("He recalled the day he left.", Some(jiff::civil::date(2024, 10, 4))).is_empty());
        assert!(times("It came on the day after the vote.", Some(jiff::civil::date(2024, 10, 4))).is_empty());
        assert_eq!(one("It was a five-year plan."), ("five-year".into(), "P5Y".into()));
        assert_eq!(one("Prices rose for weeks."), ("weeks".into(), "PXW".into()));
        assert_eq!(one("It lasted for minutes."), ("minutes".into(), "PTXM".into()));
        assert!(times("Shares fell for a second consecutive session.", None).is_empty());
        assert_eq!(one("It stopped for a second and then went on."), ("a second".into(), "PT1S".into()));
        assert_eq!(one("Sales in 1990 profit fell."), ("1990".into(), "1990".into()));
        assert_eq!(one("It happened a decade ago."), ("a decade ago".into(), "2014".into()));
    }

    #[test]
    fn not_times() {
        assert!(times("The Times reported that May was right, a 24-year-old man said.", Some(jiff::civil::date(2024, 10, 4))).is_empty());
        assert!(times("He is five years old.", None).is_empty());
        assert!(times("They may march on.", None).is_empty());
    }

    #[test]
    fn today_inside_a_name_is_no_day() {
        assert_eq!(one("USA Today reported that the vote is today."), ("today".into(), "2024-10-04".into()));
        assert_eq!(one("Obama Arrives In Paris Today."), ("Today".into(), "2024-10-04".into()));
        // So is a rate word in a title: the set is the lower-case one.
        assert_eq!(one("The People’s Daily said the Daily Beast is read daily."), ("daily".into(), "P1D".into()));
    }

    #[test]
    fn unresolved_without_reference() {
        let found = times("It happened on Thursday, last year and this summer.", None);
        let values: Vec<&str> = found.iter().map(|t| t.2.as_str()).collect();
        assert_eq!(values, ["XXXX-WXX-4", "XXXX", "XXXX-SU"]);
    }
}
