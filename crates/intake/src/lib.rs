//! dossier-intake: what `dossier ingest` reads — files, directories (recursively), globs,
//! gzip, RSS/Atom feeds, WARC archives and JSONL — as one lazy stream of [`Document`]s.
//!
//! **Key decision: a stream, never a list.** Directories are walked, and archives, feeds
//! and JSONL files are read record by record, so memory stays flat however many articles
//! a batch holds. Every read is bounded by [`MAX_PAGE_BYTES`] (a gzip bomb or a WARC
//! record that claims a terabyte stops there). A bad file or record is one
//! [`Failure`] in the stream, naming where it came from; the stream goes on.
//!
//! ```
//! let dir = std::env::temp_dir().join(format!("intake-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("a.txt"), "The ministry said on Thursday that 20 soldiers died.").unwrap();
//! std::fs::write(dir.join("b.jsonl"), "{\"url\":\"https://x.test/1\",\"text\":\"One.\",\"published\":\"2024-10-04\"}\n").unwrap();
//! let docs: Vec<_> = dossier_intake::documents(&[dir.display().to_string()]).collect::<Result<_, _>>().unwrap();
//! assert_eq!(docs.len(), 2);
//! assert_eq!(docs[1].published.as_deref(), Some("2024-10-04"));
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

mod warc;

use dossier_page::{InputKind, MAX_PAGE_BYTES};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One page to analyse, with where it came from.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file, and inside containers the record: `feed.xml#3`, `crawl.warc.gz#12`, `pages.jsonl:7`.
    pub origin: String,
    pub url: Option<String>,
    /// A publication date given by the container (feed item, JSONL field, WARC date is not one).
    pub published: Option<String>,
    /// The publishing outlet as the container names it (feed title, JSONL field).
    pub publisher: Option<String>,
    pub bytes: Vec<u8>,
    pub kind: InputKind,
}

/// A file or record that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// The documents of one file, one at a time.
pub type Records = Box<dyn Iterator<Item = Result<Document, Failure>>>;
type Files = Box<dyn Iterator<Item = Result<PathBuf, Failure>>>;

/// Every document under `specs` (files, directories, glob patterns), in a stable order.
pub fn documents(specs: &[String]) -> Documents {
    Documents { specs: specs.to_vec(), next_spec: 0, files: Box::new(std::iter::empty()), records: None }
}

/// How many documents `specs` hold, when that is known without reading them: `None`
/// when a file is a container (WARC, JSONL, feed) whose records are counted only by reading.
pub fn count(specs: &[String]) -> Option<u64> {
    let mut n = 0;
    for spec in specs {
        for path in expand(spec).flatten() {
            let name = path.file_name().unwrap_or_default().to_string_lossy().to_ascii_lowercase();
            let feed = [".xml", ".rss", ".atom"].iter().any(|e| name.trim_end_matches(".gz").ends_with(e));
            if feed || container(&name).0 != Container::Single {
                return None;
            }
            n += 1;
        }
    }
    Some(n)
}

/// The stream returned by [`documents`].
pub struct Documents {
    specs: Vec<String>,
    next_spec: usize,
    files: Files,
    records: Option<Records>,
}

impl Iterator for Documents {
    type Item = Result<Document, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(records) = &mut self.records {
                match records.next() {
                    Some(item) => return Some(item),
                    None => self.records = None,
                }
            }
            match self.files.next() {
                Some(Ok(path)) => match open(&path) {
                    Ok(records) => self.records = Some(records),
                    Err(failure) => return Some(Err(failure)),
                },
                Some(Err(failure)) => return Some(Err(failure)),
                None => {
                    let spec = self.specs.get(self.next_spec)?;
                    self.next_spec += 1;
                    self.files = expand(spec);
                }
            }
        }
    }
}

fn failure(origin: impl Into<String>, message: impl Into<String>) -> Failure {
    Failure { origin: origin.into(), message: message.into() }
}

/// Whether a file met while walking a directory may hold pages (by its name; a file
/// named outright is always read): pages, feeds, archives and JSONL, gzipped or not.
fn page_like(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.') {
        None => true,
        Some((_, ext)) => matches!(ext, "html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx" | "txt" | "text" | "xml" | "rss" | "atom" | "warc" | "jsonl" | "ndjson"),
    }
}

/// A spec as files: a directory walked in name order (hidden entries and files that are
/// not pages skipped), a file, or a glob.
fn expand(spec: &str) -> Files {
    let path = Path::new(spec);
    if path.is_dir() {
        let walk = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(|entry| match entry {
                Ok(e) if e.file_type().is_file() && page_like(e.path()) => Some(Ok(e.into_path())),
                Ok(_) => None,
                Err(e) => Some(Err(failure(e.path().map_or(String::new(), |p| p.display().to_string()), format!("cannot walk: {e}")))),
            });
        return Box::new(walk);
    }
    if path.exists() {
        return Box::new(std::iter::once(Ok(path.to_path_buf())));
    }
    if spec.contains(['*', '?', '[']) {
        return match glob::glob(spec) {
            // A glob's paths are collected (paths are small), so an empty match can be told.
            Ok(paths) => {
                let files: Vec<Result<PathBuf, Failure>> = paths
                    .filter_map(|p| match p {
                        Ok(p) if p.is_file() => Some(Ok(p)),
                        Ok(_) => None,
                        Err(e) => Some(Err(failure(e.path().display().to_string(), format!("cannot read: {}", e.error())))),
                    })
                    .collect();
                if files.is_empty() {
                    return Box::new(std::iter::once(Err(failure(spec, "no file matches this pattern"))));
                }
                Box::new(files.into_iter())
            }
            Err(e) => Box::new(std::iter::once(Err(failure(spec, format!("not a valid glob pattern: {e}"))))),
        };
    }
    Box::new(std::iter::once(Err(failure(spec, "no such file or directory: check the path"))))
}

/// What a file holds, judged by its name (a `.gz` suffix is looked through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Warc,
    Jsonl,
    /// One page, or a feed when its content says so.
    Single,
}

fn container(name: &str) -> (Container, bool) {
    let name = name.to_ascii_lowercase();
    let (inner, gzip) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let kind = if inner.ends_with(".warc") {
        Container::Warc
    } else if inner.ends_with(".jsonl") || inner.ends_with(".ndjson") {
        Container::Jsonl
    } else {
        Container::Single
    };
    (kind, gzip)
}

fn open(path: &Path) -> Result<Records, Failure> {
    let origin = path.display().to_string();
    let file = File::open(path).map_err(|e| failure(&origin, format!("cannot open: {e}")))?;
    read(Box::new(BufReader::new(file)), &path.file_name().unwrap_or_default().to_string_lossy(), origin)
}

/// The documents in one file's contents, read as its `name` says (`.warc`, `.jsonl`, a
/// feed or a page, each maybe `.gz`): what [`documents`] does with every file it meets,
/// for callers (and fuzzers) that hold the contents rather than a path.
///
/// ```
/// let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.test/</link>
///   <item><title>Port</title><description>The port said 20 ships waited.</description></item></channel></rss>"#;
/// let docs: Vec<_> = dossier_intake::read(Box::new(feed.as_bytes()), "news.xml", "news.xml".into()).unwrap().collect();
/// assert_eq!(docs.len(), 1);
/// assert_eq!(docs[0].as_ref().unwrap().publisher.as_deref(), Some("Wire"));
/// ```
pub fn read(contents: Box<dyn BufRead>, name: &str, origin: String) -> Result<Records, Failure> {
    let (kind, gzip) = container(name);
    let reader: Box<dyn BufRead> = if gzip { Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(contents))) } else { contents };
    match kind {
        Container::Warc => Ok(Box::new(warc::Records::new(reader, origin))),
        Container::Jsonl => Ok(Box::new(JsonLines { reader, origin, line: 0, done: false })),
        Container::Single => {
            let bytes = read_bounded(reader).map_err(|e| failure(&origin, e))?;
            if looks_like_feed(&bytes) {
                return Ok(Box::new(feed_items(&bytes, &origin).into_iter()));
            }
            Ok(Box::new(std::iter::once(Ok(Document { origin, url: None, published: None, publisher: None, bytes, kind: InputKind::Auto }))))
        }
    }
}

/// Reads at most one byte past the page limit, so the page decoder can say it is too large.
fn read_bounded(reader: impl Read) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader.take(MAX_PAGE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read: {e}"))?;
    Ok(bytes)
}

fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    (head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed"))
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf"))
}

/// Each item of an RSS or Atom feed as a small HTML page carrying its title and date.
fn feed_items(bytes: &[u8], origin: &str) -> Vec<Result<Document, Failure>> {
    // Decoded as any page is (byte-order mark, the declaration's encoding, else a guess), so
    // the XML reader never switches encoding as it reads.
    let unreadable = |e: &dyn std::fmt::Display| vec![Err(failure(origin, format!("not a readable RSS or Atom feed: {e}")))];
    let text = match dossier_page::decode(bytes, InputKind::Text) {
        Ok(page) => without_declarations(&page.text),
        Err(e) => return unreadable(&e),
    };
    let bytes = text.as_bytes();
    let feed = match feed_rs::parser::parse(bytes).or_else(|e| versioned(bytes).ok_or(e).and_then(|b| feed_rs::parser::parse(&b[..]))) {
        Ok(feed) => feed,
        Err(e) => return unreadable(&e),
    };
    let outlet = feed.title.as_ref().map(|t| t.content.clone());
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let origin = format!("{origin}#{}", i + 1);
            let body = entry.content.as_ref().and_then(|c| c.body.clone()).or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
            let Some(body) = body.filter(|b| !b.trim().is_empty()) else {
                return Err(failure(origin, "feed item has no content or summary"));
            };
            let title = entry.title.as_ref().map(|t| escape(&t.content)).unwrap_or_default();
            let site = outlet.as_deref().map(|o| format!("<meta property=\"og:site_name\" content=\"{}\">", escape(o))).unwrap_or_default();
            let html = format!("<html><head><title>{title}</title>{site}</head><body><article><h1>{title}</h1>{body}</article></body></html>");
            Ok(Document {
                origin,
                url: entry.links.first().map(|l| l.href.clone()),
                published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
                publisher: outlet.clone(),
                bytes: html.into_bytes(),
                kind: InputKind::Html,
            })
        })
        .collect()
}

/// A decoded feed with no XML declaration left in it: quick-xml 0.42.0 (under feed-rs
/// 3.0.0) panics when a declaration it meets past its first bytes names another encoding
/// (found by fuzzing; the input is `fuzz/seeds/feed/late-declaration.xml`), and the text is
/// already decoded, so no declaration has anything left to say.
fn without_declarations(text: &str) -> String {
    // Each declaration becomes one space, so that what is left either side cannot join into
    // a new one ("<?x" + "ml …").
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    while let Some(found) = text[from..].find("<?xml") {
        let (at, after) = (from + found, from + found + 5);
        if !text[after..].starts_with(|c: char| c.is_whitespace() || c == '?') {
            out.push_str(&text[from..after]);
            from = after;
            continue;
        }
        out.push_str(&text[from..at]);
        out.push(' ');
        // Its end, or where the next tag starts when it is never closed.
        let rest = &text[after..];
        from = after
            + match (rest.find("?>"), rest.find('<')) {
                (Some(close), Some(next)) if next < close => next,
                (Some(close), _) => close + 2,
                (None, Some(next)) => next,
                (None, None) => rest.len(),
            };
    }
    out.push_str(&text[from..]);
    out
}

/// An `<rss>` root with no version read as RSS 2.0, as other readers do: feed-rs 3.0.0
/// refuses it ("no root element"; feed-rs issue #275, fixed upstream after that release).
fn versioned(bytes: &[u8]) -> Option<Vec<u8>> {
    let at = bytes.windows(5).position(|w| w[..4].eq_ignore_ascii_case(b"<rss") && (w[4] == b'>' || w[4].is_ascii_whitespace()))?;
    let tag_end = at + bytes[at..].iter().position(|&b| b == b'>')?;
    if bytes[at..tag_end].windows(8).any(|w| w.eq_ignore_ascii_case(b"version=")) {
        return None;
    }
    Some([&bytes[..at + 4], b" version=\"2.0\"", &bytes[at + 4..]].concat())
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A JSONL file of `{url, html | text, published, publisher}` objects, one per line.
struct JsonLines {
    reader: Box<dyn BufRead>,
    origin: String,
    line: usize,
    done: bool,
}

/// A page as JSON, `{url, html | text, published, publisher}`: a line of a JSONL file, or
/// a page posted to the desk.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PageRecord {
    pub url: Option<String>,
    pub html: Option<String>,
    pub text: Option<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
}

impl PageRecord {
    /// The page as a document named `origin` (its HTML when it has both); an error when it
    /// has neither "html" nor "text".
    pub fn into_document(self, origin: String) -> Result<Document, String> {
        let (bytes, kind) = match (self.html, self.text) {
            (Some(html), _) => (html.into_bytes(), InputKind::Html),
            (None, Some(text)) => (text.into_bytes(), InputKind::Text),
            (None, None) => return Err("has neither \"html\" nor \"text\"".into()),
        };
        Ok(Document { origin, url: self.url, published: self.published, publisher: self.publisher, bytes, kind })
    }
}

impl Iterator for JsonLines {
    type Item = Result<Document, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            let origin = format!("{}:{}", self.origin, self.line);
            let mut line = Vec::new();
            let limit = 2 * MAX_PAGE_BYTES as u64;
            match (&mut self.reader).take(limit).read_until(b'\n', &mut line) {
                Ok(0) => return None,
                Ok(_) if line.len() as u64 >= limit && line.last() != Some(&b'\n') => {
                    self.done = true; // the rest of this line cannot be told from the next record
                    return Some(Err(failure(origin, "line longer than the page limit; the rest of the file is skipped")));
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(failure(origin, format!("cannot read: {e}"))));
                }
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let page: PageRecord = match serde_json::from_slice(&line) {
                Ok(p) => p,
                Err(e) => return Some(Err(failure(origin, format!("not a JSON object of {{url, html or text, published, publisher}}: {e}")))),
            };
            return Some(page.into_document(origin.clone()).map_err(|message| failure(origin, message)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dossier-intake-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn directories_are_walked_in_order_and_hidden_files_skipped() {
        let dir = scratch("walk");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.html"), "<p>b</p>").unwrap();
        std::fs::write(dir.join("sub/a.txt"), "a").unwrap();
        std::fs::write(dir.join(".hidden"), "x").unwrap();
        std::fs::write(dir.join("notes.yaml"), "x").unwrap();
        std::fs::write(dir.join("c.txt.gz"), gzip(b"compressed page")).unwrap();
        let docs: Vec<Document> = documents(&[dir.display().to_string()]).map(Result::unwrap).collect();
        let names: Vec<String> = docs.iter().map(|d| d.origin.rsplit('/').next().unwrap().to_string()).collect();
        assert_eq!(names, ["b.html", "c.txt.gz", "a.txt"]);
        assert_eq!(docs[1].bytes, b"compressed page");
    }

    #[test]
    fn globs_and_missing_paths() {
        let dir = scratch("glob");
        std::fs::write(dir.join("one.html"), "1").unwrap();
        std::fs::write(dir.join("two.html"), "2").unwrap();
        std::fs::write(dir.join("three.txt"), "3").unwrap();
        let specs = [format!("{}/*.html", dir.display()), format!("{}/nothing-*.xml", dir.display()), format!("{}/absent.html", dir.display())];
        let items: Vec<_> = documents(&specs).collect();
        assert_eq!(items.len(), 4);
        assert!(items[0].as_ref().unwrap().origin.ends_with("one.html"));
        assert!(items[1].as_ref().unwrap().origin.ends_with("two.html"));
        assert_eq!(items[2].as_ref().unwrap_err().message, "no file matches this pattern");
        assert!(items[3].as_ref().unwrap_err().message.starts_with("no such file"));
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_page_limit() {
        let dir = scratch("bomb");
        let zeros = vec![b'a'; MAX_PAGE_BYTES + 4096];
        std::fs::write(dir.join("bomb.html.gz"), gzip(&zeros)).unwrap();
        let doc = documents(&[dir.join("bomb.html.gz").display().to_string()]).next().unwrap().unwrap();
        assert_eq!(doc.bytes.len(), MAX_PAGE_BYTES + 1, "read one byte past the limit, no more");
    }

    #[test]
    fn jsonl_lines_become_documents_and_bad_lines_failures() {
        let dir = scratch("jsonl");
        let lines = "{\"url\":\"u1\",\"html\":\"<p>x</p>\",\"published\":\"2024-01-02\"}\n\nnot json\n{\"url\":\"u3\"}\n{\"text\":\"plain words\"}\n";
        std::fs::write(dir.join("pages.jsonl.gz"), gzip(lines.as_bytes())).unwrap();
        let items: Vec<_> = documents(&[dir.join("pages.jsonl.gz").display().to_string()]).collect();
        assert_eq!(items.len(), 4);
        let first = items[0].as_ref().unwrap();
        assert_eq!((first.url.as_deref(), first.kind), (Some("u1"), InputKind::Html));
        assert!(items[1].as_ref().unwrap_err().origin.ends_with("pages.jsonl.gz:3"));
        assert!(items[2].as_ref().unwrap_err().message.contains("neither"));
        assert_eq!(items[3].as_ref().unwrap().kind, InputKind::Text);
    }

    #[test]
    fn feed_items_carry_their_own_dates() {
        let dir = scratch("feed");
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Courier</title>
            <item><title>Port closed</title><link>https://hc.test/1</link><pubDate>Tue, 04 Mar 2025 08:00:00 +0000</pubDate>
            <description>&lt;p&gt;The port authority said the harbour was closed.&lt;/p&gt;</description></item>
            <item><title>Empty</title></item></channel></rss>"#;
        std::fs::write(dir.join("news.xml"), rss).unwrap();
        let items: Vec<_> = documents(&[dir.join("news.xml").display().to_string()]).collect();
        assert_eq!(items.len(), 2);
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.url.as_deref(), Some("https://hc.test/1"));
        assert!(doc.published.as_deref().unwrap().starts_with("2025-03-04"));
        let html = String::from_utf8_lossy(&doc.bytes);
        assert!(html.contains("Harbour Courier") && html.contains("<p>The port authority"));
        assert_eq!(items[1].as_ref().unwrap_err().message, "feed item has no content or summary");
    }

    #[test]
    fn an_rss_feed_without_a_version_is_read_as_rss_2() {
        let rss = "<?xml version=\"1.0\"?>\n<rss>\n<channel><title>Wire</title><item><title>Port</title><description>The port said 20 ships waited.</description></item></channel></rss>";
        let items: Vec<_> = read(Box::new(rss.as_bytes()), "news.xml", "news.xml".into()).unwrap().collect();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].as_ref().unwrap().publisher.as_deref(), Some("Wire"));
        assert!(versioned(b"<rss version=\"0.91\"><channel/></rss>").is_none());
    }

    #[test]
    fn a_feed_is_decoded_by_its_declaration_and_a_late_declaration_is_no_panic() {
        // Latin-1, as declared.
        let rss = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Zeitung</title><item><title>Br\xfccke</title><description>Die Br\xfccke bleibt gesperrt.</description></item></channel></rss>";
        let items: Vec<_> = read(Box::new(&rss[..]), "news.xml", "news.xml".into()).unwrap().collect();
        let page = String::from_utf8(items[0].as_ref().unwrap().bytes.clone()).unwrap();
        assert!(page.contains("Die Brücke bleibt gesperrt."), "{page}");
        // The fuzzer's input: a second declaration naming another encoding, far in.
        let hostile = include_bytes!("../../../fuzz/seeds/feed/late-declaration.xml");
        let records: Vec<_> = read(Box::new(&hostile[..]), "feed.xml", "feed.xml".into()).unwrap().collect();
        assert!(records.iter().all(|r| r.is_err()), "{records:?}");
        assert_eq!(without_declarations("<?xml version=\"1.0\"?><rss/><?xml broken <a/>"), " <rss/> <a/>");
        // Not one declaration left, however they are cut or nested.
        for hostile in [&include_bytes!("../../../fuzz/seeds/feed/nested-declarations.xml")[..], b"<?x<?xml a?>ml encoding=\"utf-16\"?><rss/>", b"<?xmlml <?xml encoding=\"utf-16\"?>"] {
            assert!(!without_declarations(&String::from_utf8_lossy(hostile)).contains("<?xml "));
            let _ = read(Box::new(hostile), "feed.xml", "feed.xml".into()).map(|records| records.count());
        }
    }
}
