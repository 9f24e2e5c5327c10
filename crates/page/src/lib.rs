//! The first stage: raw bytes → [`Page`], decoded text of a known [`InputKind`].
//!
//! **Key decision: decoding is strict about what is not text and lenient about how text
//! is encoded.** A binary file or an empty one is refused with an error that says so,
//! because extracting "claims" from a JPEG helps nobody; but a page in windows-1251 with
//! no declaration is sniffed and decoded, because that is how much of the web is.
//! The order of trust is: byte-order mark, the declared charset (HTTP-style `charset=`
//! in a `<meta>` tag), valid UTF-8, then a statistical guess (chardetng).
//!
//! ```
//! use dossier_page::{decode, InputKind};
//! let page = decode(b"<html><body><p>Hello</p></body></html>", InputKind::Auto).unwrap();
//! assert_eq!(page.kind, InputKind::Html);
//! assert_eq!(page.encoding, "UTF-8");
//! ```

use sha2::{Digest, Sha256};
use std::fmt;

/// The largest page accepted, in bytes. Real article pages are well under 10 MB; larger
/// inputs are archives or mistakes, and refusing them keeps memory bounded.
pub const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;

/// What the input is, as given by the user or detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Detect HTML or text from the content.
    Auto,
    Html,
    /// Scraped text of a whole page: boilerplate lines are still in it.
    Text,
    /// Already the article body: nothing is removed.
    Plain,
}

impl InputKind {
    pub fn name(self) -> &'static str {
        match self {
            InputKind::Auto => "auto",
            InputKind::Html => "html",
            InputKind::Text => "text",
            InputKind::Plain => "plain",
        }
    }

    /// The kind a [`InputKind::name`] names.
    ///
    /// ```
    /// use dossier_page::InputKind;
    /// assert_eq!(InputKind::named("plain"), Some(InputKind::Plain));
    /// assert_eq!(InputKind::named("pdf"), None);
    /// ```
    pub fn named(name: &str) -> Option<InputKind> {
        [InputKind::Auto, InputKind::Html, InputKind::Text, InputKind::Plain].into_iter().find(|k| k.name() == name)
    }
}

/// A decoded page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Never `Auto`.
    pub kind: InputKind,
    pub text: String,
    /// The encoding the bytes were decoded from (WHATWG name).
    pub encoding: &'static str,
    /// Whether the encoding was guessed: the bytes were not UTF-8 and declared nothing.
    pub encoding_guessed: bool,
    /// SHA-256 of the raw bytes, lowercase hex.
    pub sha256: String,
    pub bytes: usize,
}

/// Why a page could not be read. Each message says what was found and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    Empty,
    TooLarge { bytes: usize },
    Binary { what: &'static str },
    NoText,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::Empty => write!(f, "the input is empty: give a file with an article's HTML or text"),
            PageError::TooLarge { bytes } => write!(
                f,
                "the input is {:.1} MB, over the {} MB limit for one page: split it, or ingest it as a feed or archive",
                *bytes as f64 / 1e6,
                MAX_PAGE_BYTES / (1024 * 1024)
            ),
            PageError::Binary { what } => {
                write!(f, "the input looks like {what}, not HTML or text: give the page's HTML or its text")
            }
            PageError::NoText => write!(f, "the input has no readable text after decoding"),
        }
    }
}

impl std::error::Error for PageError {}

/// Decodes raw bytes into a page of the given kind (`Auto` detects HTML or text).
pub fn decode(bytes: &[u8], kind: InputKind) -> Result<Page, PageError> {
    if bytes.is_empty() {
        return Err(PageError::Empty);
    }
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(PageError::TooLarge { bytes: bytes.len() });
    }
    if let Some(what) = binary_signature(bytes) {
        return Err(PageError::Binary { what });
    }
    let (text, encoding, encoding_guessed) = decode_text(bytes);
    if looks_binary(&text) {
        return Err(PageError::Binary { what: "binary data" });
    }
    if text.trim().is_empty() {
        return Err(PageError::NoText);
    }
    let kind = match kind {
        InputKind::Auto if looks_like_html(&text) => InputKind::Html,
        InputKind::Auto => InputKind::Text,
        k => k,
    };
    let sha256 = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    Ok(Page { kind, text, encoding, encoding_guessed, sha256, bytes: bytes.len() })
}

/// The text, the encoding it was decoded from, and whether that encoding was a guess.
fn decode_text(bytes: &[u8]) -> (String, &'static str, bool) {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), encoding.name(), false);
    }
    if let Some(encoding) = declared_charset(bytes) {
        // A page declaring UTF-8 that is not valid UTF-8 was mislabelled: sniff instead.
        if encoding != encoding_rs::UTF_8 || std::str::from_utf8(bytes).is_ok() {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            return (text.into_owned(), encoding.name(), false);
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), encoding_rs::UTF_8.name(), false);
    }
    // UTF-8 with a few broken sequences (a truncated page, one stray byte) is still
    // UTF-8: a statistical guess over it would garble every other character.
    if mostly_utf8(bytes) {
        return (String::from_utf8_lossy(bytes).into_owned(), encoding_rs::UTF_8.name(), true);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding.name(), true)
}

/// The encoding a document declares in its first 4 KiB: an HTML page by `<meta charset=...>`
/// or `charset=` in a content type, an XML document (a feed) in the declaration that opens
/// it (`<?xml version="1.0" encoding="ISO-8859-1"?>`). Each reader obeys its own first: a
/// browser ignores an XHTML page's XML declaration, and a feed's escaped items may hold
/// pages naming other charsets.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let label = |after: &[u8]| {
        let rest = after.strip_prefix(b"\"").or_else(|| after.strip_prefix(b"'")).unwrap_or(after);
        let end = rest.iter().position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b))).unwrap_or(rest.len());
        encoding_rs::Encoding::for_label(&rest[..end])
    };
    let xml = lower.trim_ascii_start().strip_prefix(b"<?xml").and_then(|declaration| {
        let declaration = &declaration[..declaration.windows(2).position(|w| w == b"?>")?];
        let at = declaration.windows(8).position(|w| w == b"encoding")? + 8;
        label(declaration[at..].trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start())
    });
    let meta = || label(&lower[lower.windows(8).position(|w| w == b"charset=")? + 8..]);
    let html = lower.windows(5).any(|w| w == b"<html");
    let encoding = if html { meta().or(xml) } else { xml.or_else(meta) }?;
    // A page that reached us as bytes cannot really be UTF-16 without a BOM (handled above).
    (encoding != encoding_rs::UTF_16LE && encoding != encoding_rs::UTF_16BE).then_some(encoding)
}

/// At most one broken byte in a thousand (or a cut final character), and at least as many
/// valid multi-byte characters as broken bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut invalid, mut wide) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (invalid <= 3 || invalid * 1000 <= bytes.len()) && wide >= invalid
}

/// Recognises common binary formats by their magic bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
        (b"\x7fELF", "an executable"),
        (b"RIFF", "a media file"),
        (b"\x00\x00\x00", "binary data"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|&(_, what)| what)
}

/// Text with many control characters or replacement characters is binary in disguise.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let bad = sample
        .iter()
        .filter(|&&c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')))
        .count();
    bad * 20 > sample.len().max(1)
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(2048).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || ["<head", "<body", "<p>", "<p ", "<div", "<article", "<meta "].iter().any(|tag| head.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b"", InputKind::Auto).unwrap_err(), PageError::Empty);
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n....", InputKind::Auto), Err(PageError::Binary { .. })));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 256) as u8).collect();
        assert!(matches!(decode(&noise, InputKind::Auto), Err(PageError::Binary { .. })));
    }

    #[test]
    fn detects_kind() {
        assert_eq!(decode(b"Just a line of text.", InputKind::Auto).unwrap().kind, InputKind::Text);
        assert_eq!(decode(b"<!DOCTYPE html><title>x</title>", InputKind::Auto).unwrap().kind, InputKind::Html);
        assert_eq!(decode(b"<p>x</p>", InputKind::Plain).unwrap().kind, InputKind::Plain);
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let page = decode(b"\xef\xbb\xbfHello", InputKind::Auto).unwrap();
        assert_eq!(page.text, "Hello");
        assert_eq!(page.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let bytes: Vec<u8> = [0xff, 0xfe].into_iter().chain("Hi there".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&bytes, InputKind::Auto).unwrap().text, "Hi there");
    }

    #[test]
    fn declared_legacy_charset() {
        // "Привет" in windows-1251, declared by a page's meta tag, and by a feed's XML
        // declaration over the charset its escaped item names (XML readers obey the
        // declaration first).
        let cases: [(&[u8], &[u8]); 2] = [
            (b"<html><head><meta charset=\"windows-1251\"></head><body><p>", b"</p></body></html>"),
            (b"<?xml version=\"1.0\" encoding='windows-1251' ?><rss><item><description>&lt;meta charset=iso-8859-1&gt; ", b"</description></item></rss>"),
        ];
        for (head, tail) in cases {
            let page = decode(&[head, &[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2], tail].concat(), InputKind::Auto).unwrap();
            assert_eq!(page.encoding, "windows-1251");
            assert!(page.text.contains("Привет"), "{}", page.text);
        }
        // An XHTML page's XML declaration yields to its meta tag, as it does in a browser.
        let page = decode("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><html><head><meta charset=\"utf-8\"></head><body>café</body></html>".as_bytes(), InputKind::Auto).unwrap();
        assert_eq!((page.encoding, page.text.contains("café")), ("UTF-8", true));
        // A declaration that is not the document's first is no declaration of it.
        let page = decode(b"<p>caf\xc3\xa9 <?xml encoding=\"windows-1251\"?></p>", InputKind::Text).unwrap();
        assert_eq!(page.encoding, "UTF-8");
    }

    #[test]
    fn sniffs_undeclared_legacy_text() {
        let text = "Шесть северокорейских офицеров погибли в результате удара по Донецку, сообщает источник.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let page = decode(&bytes, InputKind::Auto).unwrap();
        assert_eq!(page.encoding, "windows-1251");
        assert!(page.encoding_guessed);
        assert_eq!(page.text, text);
    }

    #[test]
    fn utf8_with_a_broken_tail_stays_utf8() {
        let mut bytes = "Déjà vu: l’article continue ici, avec des accents — été, côté, où. ".repeat(20).into_bytes();
        bytes.extend_from_slice(&[0xe2, 0x80]); // a cut "’"
        let page = decode(&bytes, InputKind::Auto).unwrap();
        assert_eq!(page.encoding, "UTF-8");
        assert!(page.encoding_guessed && page.text.starts_with("Déjà vu"));
    }

    #[test]
    fn sha256_of_raw_bytes() {
        let page = decode(b"abc", InputKind::Text).unwrap();
        assert_eq!(page.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
