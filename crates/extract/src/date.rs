//! Publication dates in the many ways pages write them, normalised to ISO 8601.

use dossier_text::month_number;

/// Normalises a date or datetime to ISO 8601, keeping the page's own day and offset
/// (never shifting to UTC). Reads ISO dates anywhere in the text, day-first numeric
/// dates ("09.09.2017"), and month names in English and the major European languages.
/// Returns `None` when no full date can be read.
///
/// ```
/// use dossier_extract::normalize_date;
/// assert_eq!(normalize_date("2024-10-04T09:30:00+03:00").as_deref(), Some("2024-10-04T09:30:00+03:00"));
/// assert_eq!(normalize_date("October 4, 2024 10:30").as_deref(), Some("2024-10-04"));
/// assert_eq!(normalize_date("Published 4 Oct 2024").as_deref(), Some("2024-10-04"));
/// assert_eq!(normalize_date("2024/10/04").as_deref(), Some("2024-10-04"));
/// assert_eq!(normalize_date("Veröffentlicht am 31. Januar 2022").as_deref(), Some("2022-01-31"));
/// assert_eq!(normalize_date("Stand: 09.09.2017, 10:14 Uhr").as_deref(), Some("2017-09-09"));
/// assert_eq!(normalize_date("Björn Jahner | 31.10.23").as_deref(), Some("2023-10-31"));
/// assert_eq!(normalize_date("posted on 2019-08-02 by admin").as_deref(), Some("2019-08-02"));
/// assert_eq!(normalize_date("15 августа 2016, 13:43").as_deref(), Some("2016-08-15"));
/// assert_eq!(normalize_date("Von Deutscher Tennis Bund 4. 2. 2022.").as_deref(), Some("2022-02-04"));
/// assert_eq!(normalize_date("Wed, 04 May 2022 02:41:00 GMT").as_deref(), Some("2022-05-04T02:41:00+00:00"));
/// assert_eq!(normalize_date("Tue, 3 May 2022 23:53 -0300").as_deref(), Some("2022-05-03T23:53:00-03:00"));
/// assert_eq!(normalize_date("yesterday"), None);
/// ```
pub fn normalize_date(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(iso) = iso_prefix(t) {
        return Some(iso);
    }
    // RFC 2822, as JSON-LD and feeds often write it ("Wed, 04 May 2022 02:41:00 GMT"): kept
    // with its time and offset, so that a UTC stamp can still be put in the page's own day.
    if let Ok(stamp) = jiff::fmt::rfc2822::parse(t) {
        return Some(stamp.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '·' | '•'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // Numeric dates inside one word: 2019-08-02, 2019/08/02, 09.09.2017, 9/9/2017 (day > 12 only).
    for w in &words {
        let w = w.trim_end_matches(['.', ':', ';']);
        if let Some(iso) = iso_prefix(w) {
            return Some(iso[..10.min(iso.len())].to_string());
        }
        let parts: Vec<&str> = w.split(['.', '/', '-']).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
            let (a, b, y) = (parts[0].parse::<i8>().ok(), parts[1].parse::<i8>().ok(), parts[2].parse::<i16>().ok());
            if let (Some(a), Some(b), Some(y)) = (a, b, y) {
                let dotted = w.contains('.');
                let (day, month) = if dotted || a > 12 { (a, b) } else { continue };
                // "31.10.23": a two-digit year after a dotted day and month (as 1970–2069).
                let year = match parts[2].len() {
                    4 => Some(y),
                    2 if dotted => Some(if y < 70 { 2000 + y } else { 1900 + y }),
                    _ => None,
                };
                if let Some(Ok(d)) = year.map(|y| jiff::civil::Date::new(y, month, day)) {
                    return Some(d.to_string());
                }
            }
        }
    }
    let num = |k: usize| words.get(k).and_then(|x| x.trim_end_matches(|c: char| c.is_alphabetic() || c == '.').parse::<i32>().ok());
    let year_at = |k: usize| {
        let k = if words.get(k).is_some_and(|x| x == "de" || x == "del") { k + 1 } else { k };
        num(k).filter(|&y| y > 1900)
    };
    // "4. 2. 2022": a dotted day and month written apart.
    for w in words.windows(3) {
        let dotted = |x: &str| x.strip_suffix('.').and_then(|n| n.parse::<i8>().ok());
        if let (Some(day), Some(month), Ok(year)) = (dotted(&w[0]), dotted(&w[1]), w[2].trim_end_matches('.').parse::<i16>()) {
            match jiff::civil::Date::new(year, month, day) {
                Ok(d) if year > 1900 => return Some(d.to_string()),
                _ => {}
            }
        }
    }
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month(w.trim_end_matches('.')) else { continue };
        let day = |d: Option<i32>| d.filter(|d| (1..=31).contains(d));
        // "4 de octubre de 2024" / "31. Januar 2022" / "4 October 2024"
        let day_before = match i {
            0 => None,
            _ if words[i - 1] == "de" && i >= 2 => day(num(i - 2)),
            _ => day(num(i - 1)),
        };
        let found = match (day(num(i + 1)), year_at(i + 2), day_before, year_at(i + 1)) {
            (Some(d), Some(y), _, _) => Some((d, y)), // "October 4, 2024"
            (_, _, Some(d), Some(y)) => Some((d, y)),
            _ => None,
        };
        if let Some((d, y)) = found {
            return jiff::civil::Date::new(y as i16, month, d as i8).ok().map(|d| d.to_string());
        }
    }
    None
}

/// A month name or abbreviation in English (the table the time stage uses) or in German,
/// French, Spanish, Italian, Portuguese, Dutch, Swedish, Danish, Russian, Ukrainian or Polish.
fn month(word: &str) -> Option<i8> {
    const OTHER: &[(&str, i8)] = &[
        ("januar", 1), ("jänner", 1), ("janvier", 1), ("enero", 1), ("gennaio", 1), ("janeiro", 1), ("januari", 1),
        ("februar", 2), ("février", 2), ("fevrier", 2), ("febrero", 2), ("febbraio", 2), ("fevereiro", 2), ("februari", 2),
        ("märz", 3), ("maerz", 3), ("mars", 3), ("marzo", 3), ("março", 3), ("maart", 3),
        ("avril", 4), ("abril", 4), ("aprile", 4),
        ("mai", 5), ("mayo", 5), ("maggio", 5), ("maio", 5), ("mei", 5),
        ("juni", 6), ("juin", 6), ("junio", 6), ("giugno", 6), ("junho", 6),
        ("juli", 7), ("juillet", 7), ("julio", 7), ("luglio", 7), ("julho", 7),
        ("august", 8), ("août", 8), ("aout", 8), ("agosto", 8), ("augustus", 8),
        ("september", 9), ("septembre", 9), ("septiembre", 9), ("settembre", 9), ("setembro", 9),
        ("oktober", 10), ("octobre", 10), ("octubre", 10), ("ottobre", 10), ("outubro", 10),
        ("november", 11), ("novembre", 11), ("noviembre", 11), ("novembro", 11),
        ("dezember", 12), ("décembre", 12), ("decembre", 12), ("diciembre", 12), ("dicembre", 12), ("dezembro", 12),
        // Swedish and Danish where they differ from the above.
        ("maj", 5), ("augusti", 8), ("december", 12),
        // Russian, Ukrainian and Polish, in the genitive that dates use ("15 августа 2016").
        ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6),
        ("июля", 7), ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11), ("декабря", 12),
        ("січня", 1), ("лютого", 2), ("березня", 3), ("квітня", 4), ("травня", 5), ("червня", 6),
        ("липня", 7), ("серпня", 8), ("вересня", 9), ("жовтня", 10), ("листопада", 11), ("грудня", 12),
        ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5), ("czerwca", 6),
        ("lipca", 7), ("sierpnia", 8), ("września", 9), ("października", 10), ("listopada", 11), ("grudnia", 12),
    ];
    month_number(word).or_else(|| OTHER.iter().find(|(m, _)| *m == word).map(|&(_, n)| n))
}

/// "2024-10-04", "2024-10-04T09:30:00Z", "2024/10/04", "20241004" at the start of the text.
fn iso_prefix(t: &str) -> Option<String> {
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if digits(0..4) && matches!(b.get(4), Some(b'-' | b'/' | b'.')) && digits(5..7) && b.get(7) == b.get(4) && digits(8..10) {
        let date = format!("{}-{}-{}", &t[0..4], &t[5..7], &t[8..10]);
        jiff::civil::Date::strptime("%Y-%m-%d", &date).ok()?;
        // Keep a full datetime as written (with its offset) when it parses as one.
        if b.get(10) == Some(&b'T') || b.get(10) == Some(&b' ') && digits(11..13) {
            let end = t.find(char::is_whitespace).filter(|&e| e > 10).unwrap_or(t.len());
            let candidate = t[..end].replace(' ', "T");
            if candidate.parse::<jiff::Timestamp>().is_ok() || candidate.parse::<jiff::civil::DateTime>().is_ok() {
                return Some(candidate);
            }
        }
        return Some(date);
    }
    if t.len() >= 8 && digits(0..8) && !digits(8..9) {
        let date = format!("{}-{}-{}", &t[0..4], &t[4..6], &t[6..8]);
        return jiff::civil::Date::strptime("%Y-%m-%d", &date).ok().map(|d| d.to_string());
    }
    None
}
