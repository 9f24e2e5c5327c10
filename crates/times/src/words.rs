//! Closed word classes of time expressions.

use jiff::civil::Weekday;

pub const MONTH_INTRODUCERS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "early", "late", "mid", "mid-", "last", "this", "next", "of", "before",
    "after", "during", "through", "throughout", "between", "and", "to", "on",
];

pub const YEAR_INTRODUCERS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "before", "after", "during", "through", "throughout",
    "early", "late", "mid", "to", "between", "and", "year", "–", "into", "for",
];

pub fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// How many units a word before a unit moves from the reference: "last year" −1, "this
/// year" 0, "next year" +1.
pub fn shift_word(word: &str) -> Option<i32> {
    Some(match word {
        "last" | "past" | "previous" => -1,
        "this" | "current" => 0,
        "next" | "coming" => 1,
        _ => return None,
    })
}

/// TIMEX3 part-of-day suffixes.
pub fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// TIMEX3 season codes.
pub fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "summer" => "SU",
        "winter" => "WI",
        "spring" => "SP",
        "autumn" | "fall" => "FA",
        _ => return None,
    })
}

pub fn season_of(month: i8) -> &'static str {
    match month {
        3..=5 => "SP",
        6..=8 => "SU",
        9..=11 => "FA",
        _ => "WI",
    }
}

/// TIMEX3 duration unit letters for a unit word.
pub fn duration_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "year" | "years" => "Y",
        "month" | "months" => "M",
        "week" | "weeks" => "W",
        "day" | "days" => "D",
        "hour" | "hours" => "H",
        "minute" | "minutes" => "MIN",
        "second" | "seconds" => "S",
        // Only the plural: "a quarter" is more often a share than three months.
        "quarters" => "Q",
        "decade" | "decades" => "DE",
        "century" | "centuries" => "CE",
        _ => return None,
    })
}

pub fn number_word(word: &str) -> Option<f64> {
    const WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(n) = WORDS.iter().position(|w| *w == word) {
        return Some(n as f64);
    }
    if let Some(n) = TENS.iter().position(|w| *w == word) {
        return Some(20.0 + 10.0 * n as f64);
    }
    match word {
        "a" | "an" => Some(1.0),
        "several" | "few" => None,
        _ => None,
    }
}

/// "1st", "22nd", "3rd", "30th".
pub fn ordinal_day(word: &str) -> Option<i8> {
    let digits = ["st", "nd", "rd", "th"].iter().find_map(|s| word.strip_suffix(s))?;
    day_number(digits)
}

pub fn day_number(word: &str) -> Option<i8> {
    let n: i8 = word.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

pub fn year_number(word: &str) -> Option<i16> {
    let n: i16 = word.parse().ok().filter(|_| word.len() == 4)?;
    (1800..=2100).contains(&n).then_some(n)
}
