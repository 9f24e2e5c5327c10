//! WARC records (ISO 28500, versions 1.0 and 1.1), read with every length bounded.
//!
//! Written here rather than taken from the `warc` crate because that reader buffers a
//! record of whatever size its header claims and cannot resynchronise after a bad
//! record; a crawl is hostile input, so each line, header block and body has a limit.
//! Only `response` records carrying HTML or text (and `resource` records of HTML) become
//! documents; requests, metadata, images and error responses are passed over silently.

use crate::{failure, Document, Failure};
use dossier_page::{InputKind, MAX_PAGE_BYTES};
use std::io::{BufRead, Read};

const MAX_HEADER_LINE: u64 = 64 * 1024;
const MAX_HEADER_LINES: usize = 512;

pub(crate) struct Records {
    reader: Box<dyn BufRead>,
    origin: String,
    record: usize,
    done: bool,
}

impl Records {
    pub(crate) fn new(reader: Box<dyn BufRead>, origin: String) -> Records {
        Records { reader, origin, record: 0, done: false }
    }

    /// One header line without its line ending; `None` at the end of the stream.
    fn line(&mut self) -> Result<Option<String>, String> {
        let mut line = Vec::new();
        let n = (&mut self.reader).take(MAX_HEADER_LINE).read_until(b'\n', &mut line).map_err(|e| format!("cannot read: {e}"))?;
        if n == 0 {
            return Ok(None);
        }
        if line.last() != Some(&b'\n') && n as u64 == MAX_HEADER_LINE {
            return Err("a header line is longer than 64 KiB: not a WARC file".into());
        }
        Ok(Some(String::from_utf8_lossy(&line).trim_end_matches(['\r', '\n']).to_string()))
    }

    /// The next record's headers (lower-cased names), skipping blank lines between records.
    fn headers(&mut self) -> Result<Option<Vec<(String, String)>>, String> {
        let first = loop {
            match self.line()? {
                None => return Ok(None),
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => break l,
            }
        };
        if !first.starts_with("WARC/") {
            return Err(format!("expected a WARC record header, found {:?}", first.chars().take(40).collect::<String>()));
        }
        let mut headers = Vec::new();
        loop {
            let Some(line) = self.line()? else { return Err("the file ends inside a record header (truncated)".into()) };
            if line.is_empty() {
                return Ok(Some(headers));
            }
            if headers.len() == MAX_HEADER_LINES {
                return Err("a record has more than 512 header lines: not a WARC file".into());
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

impl Iterator for Records {
    type Item = Result<Document, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let headers = match self.headers() {
                Ok(Some(h)) => h,
                Ok(None) => return None,
                Err(message) => {
                    self.done = true; // without a sound header there is no telling where the next record starts
                    return Some(Err(failure(format!("{}#{}", self.origin, self.record + 1), message)));
                }
            };
            self.record += 1;
            let origin = format!("{}#{}", self.origin, self.record);
            let Some(length) = header(&headers, "content-length").and_then(|l| l.parse::<u64>().ok()) else {
                self.done = true;
                return Some(Err(failure(origin, "record without a valid Content-Length; the rest of the file is skipped")));
            };
            let kind = header(&headers, "warc-type").unwrap_or("").to_ascii_lowercase();
            let wanted = kind == "response" || kind == "resource";
            if !wanted || length > MAX_PAGE_BYTES as u64 * 2 {
                if let Err(e) = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink()) {
                    self.done = true;
                    return Some(Err(failure(origin, format!("cannot read: {e}"))));
                }
                if wanted {
                    return Some(Err(failure(origin, format!("record of {length} bytes is over the page limit; skipped"))));
                }
                continue;
            }
            let mut block = Vec::with_capacity(length as usize);
            match (&mut self.reader).take(length).read_to_end(&mut block) {
                Ok(n) if n as u64 == length => {}
                Ok(_) => {
                    self.done = true;
                    return Some(Err(failure(origin, "the file ends inside a record (truncated)")));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(failure(origin, format!("cannot read: {e}"))));
                }
            }
            let url = header(&headers, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
            let page = if kind == "response" {
                http_body(&block)
            } else {
                let html = header(&headers, "content-type").is_some_and(|t| t.contains("html"));
                Ok(html.then_some((block, InputKind::Html)))
            };
            match page {
                Ok(Some((bytes, kind))) => return Some(Ok(Document { origin, url, published: None, publisher: None, bytes, kind })),
                Ok(None) => continue,
                Err(message) => return Some(Err(failure(origin, message))),
            }
        }
        None
    }
}

/// The page inside an HTTP response: `None` for error statuses and non-text content.
fn http_body(block: &[u8]) -> Result<Option<(Vec<u8>, InputKind)>, String> {
    let Some(split) = find(block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(block, b"\n\n").map(|i| (i, i + 2))) else {
        return Err("response record without an HTTP header".into());
    };
    let head = String::from_utf8_lossy(&block[..split.0]).to_ascii_lowercase();
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse::<u16>().ok());
    if !status.is_some_and(|s| (200..300).contains(&s)) {
        return Ok(None);
    }
    let fields: Vec<(&str, &str)> = lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim(), v.trim())).collect();
    let field = |name: &str| fields.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let kind = match field("content-type") {
        Some(t) if t.contains("html") => InputKind::Html,
        Some(t) if t.starts_with("text/") => InputKind::Auto,
        None => InputKind::Auto,
        Some(_) => return Ok(None),
    };
    let mut body = block[split.1..].to_vec();
    if field("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body).ok_or("malformed chunked HTTP body")?;
    }
    match field("content-encoding") {
        Some(e) if e.contains("gzip") => body = inflate(flate2::read::MultiGzDecoder::new(&body[..]))?,
        Some(e) if e.contains("deflate") => body = inflate(flate2::read::ZlibDecoder::new(&body[..]))?,
        _ => {}
    }
    Ok(Some((body, kind)))
}

fn inflate(reader: impl Read) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    reader.take(MAX_PAGE_BYTES as u64 + 1).read_to_end(&mut out).map_err(|e| format!("cannot decompress the HTTP body: {e}"))?;
    Ok(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let end = find(body, b"\r\n")?;
        let size = std::str::from_utf8(&body[..end]).ok()?.split(';').next()?.trim();
        let size = usize::from_str_radix(size, 16).ok()?;
        body = &body[end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?.strip_prefix(b"\r\n").unwrap_or(body.get(size..)?);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!("WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n", block.len()).into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read(bytes: Vec<u8>) -> Vec<Result<Document, Failure>> {
        Records::new(Box::new(std::io::Cursor::new(bytes)), "crawl.warc".into()).collect()
    }

    #[test]
    fn responses_with_html_become_documents() {
        let mut warc = record("warcinfo", "", b"software: test");
        warc.extend(record("request", "https://a.test/", b"GET / HTTP/1.1\r\n\r\n"));
        warc.extend(record("response", "https://a.test/", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>hi\r\n4\r\n</p>\r\n0\r\n\r\n"));
        warc.extend(record("response", "https://a.test/logo.png", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"));
        warc.extend(record("response", "https://a.test/gone", b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nno"));
        let docs = read(warc);
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!((doc.origin.as_str(), doc.url.as_deref(), doc.bytes.as_slice()), ("crawl.warc#3", Some("https://a.test/"), &b"<p>hi</p>"[..]));
    }

    #[test]
    fn a_truncated_record_is_a_failure_and_ends_the_file() {
        let mut warc = record("response", "https://a.test/", b"HTTP/1.1 200 OK\r\n\r\nwhole page");
        let mut cut = record("response", "https://b.test/", b"HTTP/1.1 200 OK\r\n\r\nthis page is cut short");
        cut.truncate(cut.len() - 20);
        warc.extend(cut);
        let docs = read(warc);
        assert_eq!(docs.len(), 2);
        assert!(docs[0].is_ok());
        assert_eq!(docs[1].as_ref().unwrap_err().message, "the file ends inside a record (truncated)");
    }

    #[test]
    fn garbage_is_one_failure() {
        let docs = read(b"\x00\x01binary garbage\n".to_vec());
        assert_eq!(docs.len(), 1);
        assert!(docs[0].as_ref().unwrap_err().message.starts_with("expected a WARC record header"));
    }
}
