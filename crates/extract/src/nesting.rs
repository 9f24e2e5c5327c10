//! A linear guard against hostile nesting, run before the HTML parser.
//!
//! html5ever checks the stack of open elements on every start tag, so a page of 100,000
//! unclosed `<div>`s costs time quadratic in its depth (33 s measured). No real article
//! nests anywhere near [`MAX_DEPTH`]; start tags beyond it are dropped, their text kept.

use std::borrow::Cow;

/// The deepest element nesting passed to the parser.
pub const MAX_DEPTH: usize = 512;

/// Whether an element never holds children, or has an end tag that is optional and
/// implied by its siblings (`<p>a<p>b`): neither deepens the tree for long. Every tag of
/// the page is asked, so the name is lower-cased on the stack, not compared name by name.
fn is_flat(name: &str) -> bool {
    let mut lower = [0u8; 8];
    if name.len() > lower.len() {
        return false;
    }
    for (l, b) in lower.iter_mut().zip(name.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &lower[..name.len()],
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link" | b"meta" | b"source" | b"track"
            | b"wbr" | b"param" | b"keygen" | b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th"
            | b"tbody" | b"thead" | b"tfoot" | b"colgroup" | b"rt" | b"rp" | b"!doctype"
    )
}

/// Returns the page with start tags deeper than `MAX_DEPTH` removed (borrowed when none are).
///
/// ```
/// let deep = format!("<body>{}<p>text</p></body>", "<div>".repeat(600));
/// let capped = dossier_extract::cap_nesting(&deep);
/// assert_eq!(capped.matches("<div>").count(), dossier_extract::MAX_DEPTH - 1);
/// assert!(capped.contains("<p>text</p>"));
/// ```
pub fn cap_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + off;
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            i = memchr::memmem::find(rest.as_bytes(), b"-->").map_or(bytes.len(), |e| at + e + 3);
            continue;
        }
        let Some(close) = memchr::memchr(b'>', rest.as_bytes()) else { break };
        let tag = &rest[1..close];
        let end = at + close + 1;
        if let Some(name) = tag.strip_prefix('/') {
            if !is_flat(tag_name(name)) {
                depth = depth.saturating_sub(1);
            }
        } else if tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let name = tag_name(tag);
            if ["script", "style", "textarea", "title"].iter().any(|raw| name.eq_ignore_ascii_case(raw)) {
                // Raw text: skip to the matching end tag.
                i = find_end_tag(bytes, end, name.as_bytes());
                continue;
            }
            if !is_flat(name) && !tag.ends_with('/') {
                if depth >= MAX_DEPTH {
                    cuts.push((at, end));
                } else {
                    depth += 1;
                }
            }
        }
        i = end;
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (from, to) in cuts {
        out.push_str(&html[last..from]);
        last = to;
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

/// The offset of `</name` (any case) at or after `from`, or the end of the page.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(off) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + off;
        let candidate = &bytes[lt + 1..];
        if candidate.first() == Some(&b'/') && candidate.len() > name.len() && candidate[1..=name.len()].eq_ignore_ascii_case(name) {
            return lt;
        }
        at = lt + 1;
    }
    bytes.len()
}

/// A tag's name as written (any case): what comes before its attributes.
fn tag_name(tag: &str) -> &str {
    tag.split(|c: char| c.is_whitespace() || c == '/' || c == '>').next().unwrap_or("")
}
