//! Publication dates in the many ways pages write them, normalised to ISO 8601.

use dossier_text::month_number;

/// Normalises a date or datetime to ISO 8601, keeping the page's own day and offset
/// (never shifting to UTC). Returns `None` when no full date can be read.
///
/// ```
/// use dossier_extract::normalize_date;
/// assert_eq!(normalize_date("2024-10-04T09:30:00+03:00").as_deref(), Some("2024-10-04T09:30:00+03:00"));
/// assert_eq!(normalize_date("October 4, 2024 10:30").as_deref(), Some("2024-10-04"));
/// assert_eq!(normalize_date("Published 4 Oct 2024").as_deref(), Some("2024-10-04"));
/// assert_eq!(normalize_date("2024/10/04").as_deref(), Some("2024-10-04"));
/// assert_eq!(normalize_date("yesterday"), None);
/// ```
pub fn normalize_date(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(iso) = iso_prefix(t) {
        return Some(iso);
    }
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '-' | '.'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_number(w) else { continue };
        let num = |k: usize| words.get(k).and_then(|x| x.trim_end_matches(|c: char| c.is_alphabetic()).parse::<i32>().ok());
        // "October 4, 2024" or "4 October 2024"
        let (day, year) = match (i.checked_sub(1).and_then(num), num(i + 1), num(i + 2)) {
            (_, Some(d), Some(y)) if d <= 31 && y > 1900 => (d, y),
            (Some(d), Some(y), _) if d <= 31 && y > 1900 => (d, y),
            _ => continue,
        };
        return jiff::civil::Date::new(year as i16, month, day as i8).ok().map(|d| d.to_string());
    }
    None
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
