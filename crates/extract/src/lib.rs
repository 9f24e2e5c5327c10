//! Page → [`Article`]: the clean body, its metadata, its captions, and every block that
//! was removed, with why.
//!
//! **Key decision: one block classifier for both kinds of input.** A share strip, a
//! footer, a photo credit or a breadcrumb reads the same whether it came out of HTML or
//! out of a scraper's flattened text, so [`blocks`] judges text blocks and both the HTML
//! walker and the text splitter feed it. The HTML path adds what only markup can give:
//! metadata (JSON-LD, OpenGraph, `<time>`), and the container whose paragraphs score
//! highest (text length and commas, discounted by link density), with its sibling
//! containers when an article is split.
//!
//! ```
//! use dossier_page::{decode, InputKind};
//! let page = decode("NewsPolitics\n\nSix officers were killed\n\nSix officers were killed in a strike, officials said on Friday.\n\npdfshareprint".as_bytes(), InputKind::Auto).unwrap();
//! let article = dossier_extract::extract(&page);
//! assert_eq!(article.section, ["News", "Politics"]);
//! assert_eq!(article.title.as_deref(), Some("Six officers were killed"));
//! assert_eq!(article.paragraphs.len(), 1);
//! assert_eq!(article.removed.len(), 3);
//! ```

pub mod blocks;
mod date;
mod html;
mod nesting;
mod text;
pub mod zone;

use dossier_doc::Article;
use dossier_page::{InputKind, Page};

pub use date::normalize_date;
pub use nesting::{cap_nesting, MAX_DEPTH};

/// Extracts the article from a decoded page, by the page's kind.
pub fn extract(page: &Page) -> Article {
    match page.kind {
        InputKind::Html => html::extract(&page.text),
        InputKind::Plain => text::plain(&page.text),
        InputKind::Text | InputKind::Auto => text::extract(&page.text),
    }
}

/// Collapses runs of whitespace into single spaces and trims, drops the characters a
/// reader never sees (soft hyphens, zero-width spaces, a stray byte-order mark), which
/// would otherwise cut words in two for every stage after this one ("Mit\u{ad}tel\u{ad}alter"),
/// and puts words in Unicode's composed form (NFC), so that one word is one string
/// however the page encoded it ("য়" as one code point or two).
pub(crate) fn squash(text: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];
    let collapse = |text: &str| {
        let mut out = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    };
    let out = collapse(text);
    // Most text needs nothing more, and is checked for it in one pass or two.
    if out.is_ascii() || !out.contains(INVISIBLE) && is_nfc_quick(out.chars()) == IsNormalized::Yes {
        return out;
    }
    let visible: String = out.chars().filter(|c| !INVISIBLE.contains(c)).nfc().collect();
    collapse(&visible)
}

#[cfg(test)]
mod tests {
    use super::squash;

    #[test]
    fn squashing_drops_what_a_reader_never_sees() {
        assert_eq!(squash("  Schon im Mit\u{ad}tel\u{ad}al\u{ad}ter \n war  es so "), "Schon im Mittelalter war es so");
        assert_eq!(squash("\u{200b} a \u{feff} b\u{200b}c"), "a bc");
        assert_eq!(squash("Cafe\u{301} \u{9df}"), "Café \u{9af}\u{9bc}");
    }
}
