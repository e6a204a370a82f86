//! WARC/1.0 and WARC/1.1 archives, as Common Crawl's CC-NEWS publishes them:
//! gzip per record (or whole file, or none), `response` records holding an
//! HTTP response. HTML responses with status 200 become pages to extract, with
//! `WARC-Target-URI` as URL and `WARC-Date` as fallback date; everything else
//! is skipped.
//!
//! Damage stays local: a corrupt gzip member, a truncated record or a wrong
//! `Content-Length` is reported for that record, and reading resumes at the
//! next `WARC/` header.

use crate::gzip;
use crate::html::{PageContext, MAX_PAGE};
use crate::input::{PendingPage, Record};
use herodotus_core::{Date, RecordError};
use std::io::{BufRead, Read};

/// Longest WARC or HTTP header block accepted.
const MAX_HEADER: usize = 64 * 1024;

/// Reads gzip members one after another; a corrupt member gives one error,
/// then reading resumes at the next gzip header.
pub struct GzMembers<R: BufRead> {
    dec: Option<flate2::bufread::GzDecoder<R>>,
    idle: Option<R>,
}

impl<R: BufRead> GzMembers<R> {
    /// Wraps a reader positioned at a gzip member.
    pub fn new(inner: R) -> Self {
        GzMembers {
            dec: Some(flate2::bufread::GzDecoder::new(inner)),
            idle: None,
        }
    }
}

/// Skips to the next gzip header (`1f 8b 08`); false at end of input.
fn resync_gzip<R: BufRead>(r: &mut R, skip_first: bool) -> std::io::Result<bool> {
    if skip_first {
        if r.fill_buf()?.is_empty() {
            return Ok(false);
        }
        r.consume(1);
    }
    loop {
        let (found, n) = {
            let buf = r.fill_buf()?;
            if buf.is_empty() {
                return Ok(false);
            }
            match memchr::memchr(0x1f, buf) {
                Some(o) => (true, o),
                None => (false, buf.len()),
            }
        };
        r.consume(n);
        if found {
            let buf = r.fill_buf()?;
            let magic: &[u8] = b"\x1f\x8b\x08";
            let m = buf.len().min(3);
            if buf[..m] == magic[..m] {
                // A false start (rare) just fails again and resyncs further on.
                return Ok(true);
            }
            r.consume(1);
        }
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let Some(dec) = self.dec.as_mut() else {
                return Ok(0);
            };
            match dec.read(buf) {
                Ok(0) if !buf.is_empty() => {
                    let mut inner = self.dec.take().expect("decoder present").into_inner();
                    if inner.fill_buf()?.is_empty() {
                        self.idle = Some(inner);
                        return Ok(0);
                    }
                    if gzip::is_gzip(inner.fill_buf()?) || resync_gzip(&mut inner, false)? {
                        self.dec = Some(flate2::bufread::GzDecoder::new(inner));
                    } else {
                        self.idle = Some(inner);
                        return Ok(0);
                    }
                }
                Ok(n) => return Ok(n),
                Err(e) => {
                    let mut inner = self.dec.take().expect("decoder present").into_inner();
                    // A bad checksum is found at the member's end: the next member
                    // starts right here and must not be skipped with the bad one.
                    let at_member = inner.fill_buf().map(gzip::is_gzip).unwrap_or(false);
                    if at_member {
                        self.dec = Some(flate2::bufread::GzDecoder::new(inner));
                        return Err(e);
                    }
                    match resync_gzip(&mut inner, true) {
                        Ok(true) => self.dec = Some(flate2::bufread::GzDecoder::new(inner)),
                        _ => self.idle = Some(inner),
                    }
                    return Err(e);
                }
            }
        }
    }
}

/// A reader with bytes pushed back in front of it.
struct Src<R> {
    back: Vec<u8>,
    pos: usize,
    inner: R,
}

impl<R: BufRead> Read for Src<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos < self.back.len() {
            let n = buf.len().min(self.back.len() - self.pos);
            buf[..n].copy_from_slice(&self.back[self.pos..self.pos + n]);
            self.pos += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

impl<R: BufRead> BufRead for Src<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.pos < self.back.len() {
            return Ok(&self.back[self.pos..]);
        }
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        if self.pos < self.back.len() {
            self.pos = (self.pos + amt).min(self.back.len());
        } else {
            self.inner.consume(amt);
        }
    }
}

impl<R> Src<R> {
    fn push_back(&mut self, bytes: &[u8]) {
        let mut v = bytes.to_vec();
        v.extend_from_slice(&self.back[self.pos..]);
        self.back = v;
        self.pos = 0;
    }
}

/// The fields of a WARC header that matter here.
#[derive(Debug, Default)]
struct WarcHeader {
    version_ok: bool,
    kind: String,
    record_id: String,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: String,
    length: Option<u64>,
}

/// Records a [`WarcReader`] passed over without yielding them, by reason: none of
/// them is an error, but a caller that reports what it read (the Spark job) counts them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WarcSkips {
    /// Records that are not responses or resources (`warcinfo`, `request`, `metadata`).
    pub not_response: usize,
    /// Responses whose content is not HTML (PDF, images, JSON, feeds).
    pub not_html: usize,
    /// HTTP responses with a status other than 200 (redirects, errors).
    pub not_ok: usize,
}

/// Streams the articles of a WARC file.
pub struct WarcReader<R: BufRead> {
    src: Src<R>,
    name: String,
    default_date: Option<Date>,
    index: usize,
    done: bool,
    line: Vec<u8>,
    skips: WarcSkips,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads WARC records from an (already decompressed) stream.
    pub fn new(reader: R, name: &str, default_date: Option<Date>) -> Self {
        WarcReader {
            src: Src {
                back: Vec::new(),
                pos: 0,
                inner: reader,
            },
            name: name.to_string(),
            default_date,
            index: 0,
            done: false,
            line: Vec::new(),
            skips: WarcSkips::default(),
        }
    }

    /// Records passed over so far, by reason.
    pub fn skips(&self) -> WarcSkips {
        self.skips
    }

    fn origin(&self, id: &str) -> String {
        if id.is_empty() {
            format!("{} (record {})", self.name, self.index)
        } else {
            format!("{} (record {})", self.name, id)
        }
    }

    /// Reads one line (without CRLF), at most [`MAX_HEADER`] bytes kept.
    /// `Ok(false)` at end of input.
    fn read_line(&mut self) -> std::io::Result<bool> {
        self.line.clear();
        let mut any = false;
        loop {
            let buf = self.src.fill_buf()?;
            if buf.is_empty() {
                return Ok(any);
            }
            any = true;
            match memchr::memchr(b'\n', buf) {
                Some(i) => {
                    if self.line.len() < MAX_HEADER {
                        self.line.extend_from_slice(&buf[..i]);
                    }
                    self.src.consume(i + 1);
                    if self.line.last() == Some(&b'\r') {
                        self.line.pop();
                    }
                    return Ok(true);
                }
                None => {
                    let n = buf.len();
                    if self.line.len() < MAX_HEADER {
                        self.line.extend_from_slice(buf);
                    }
                    self.src.consume(n);
                }
            }
        }
    }

    /// Skips lines until one starts with `WARC/`; leaves it in `self.line`.
    fn seek_header(&mut self) -> std::io::Result<bool> {
        loop {
            if !self.read_line()? {
                return Ok(false);
            }
            if self.line.starts_with(b"WARC/") {
                return Ok(true);
            }
        }
    }

    fn read_header(&mut self) -> std::io::Result<Option<WarcHeader>> {
        if !self.seek_header()? {
            return Ok(None);
        }
        let mut h = WarcHeader {
            version_ok: self.line.starts_with(b"WARC/1.0") || self.line.starts_with(b"WARC/1.1"),
            ..WarcHeader::default()
        };
        let mut total = 0;
        loop {
            if !self.read_line()? || self.line.is_empty() {
                break;
            }
            total += self.line.len();
            if total > MAX_HEADER {
                break;
            }
            let line = String::from_utf8_lossy(&self.line);
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let v = v.trim();
            match k.trim().to_ascii_lowercase().as_str() {
                "warc-type" => h.kind = v.to_ascii_lowercase(),
                "warc-record-id" => {
                    let id = v.trim_start_matches('<').trim_end_matches('>');
                    h.record_id = id.strip_prefix("urn:uuid:").unwrap_or(id).to_string();
                }
                "warc-target-uri" => {
                    h.target_uri = Some(v.trim_start_matches('<').trim_end_matches('>').to_string())
                }
                "warc-date" => h.date = Some(v.to_string()),
                "content-type" => h.content_type = v.to_ascii_lowercase(),
                "content-length" => h.length = v.parse().ok(),
                _ => {}
            }
        }
        Ok(Some(h))
    }

    /// Discards `n` bytes of the block.
    fn skip(&mut self, n: u64) -> std::io::Result<u64> {
        std::io::copy(&mut (&mut self.src).take(n), &mut std::io::sink())
    }

    /// After a block: consumes the CRLF CRLF and checks that a header (or the
    /// end) follows. False if the length was wrong.
    fn check_boundary(&mut self) -> std::io::Result<bool> {
        let mut seen = Vec::with_capacity(8);
        loop {
            let buf = self.src.fill_buf()?;
            if buf.is_empty() {
                return Ok(true);
            }
            let c = buf[0];
            if c == b'\r' || c == b'\n' {
                self.src.consume(1);
                seen.push(c);
                if seen.len() > 8 {
                    break;
                }
                continue;
            }
            break;
        }
        let buf = self.src.fill_buf()?;
        if buf.is_empty() {
            return Ok(true);
        }
        if buf.len() < 5 {
            // Need more bytes to decide; read them into the push-back buffer.
            let mut more = buf.to_vec();
            let n = more.len();
            self.src.consume(n);
            let mut tmp = [0u8; 5];
            let got = (&mut self.src).take(5).read(&mut tmp)?;
            more.extend_from_slice(&tmp[..got]);
            let ok = more.starts_with(b"WARC/");
            self.src.push_back(&more);
            return Ok(ok && seen.len() >= 2);
        }
        Ok(buf.starts_with(b"WARC/") && seen.len() >= 2)
    }

    fn next_record(&mut self) -> Option<Result<Record, RecordError>> {
        loop {
            self.index += 1;
            let h = match self.read_header() {
                Ok(Some(h)) => h,
                Ok(None) => return None,
                Err(e) => {
                    let origin = self.origin("");
                    return Some(Err(read_error(&origin, &e)));
                }
            };
            let origin = self.origin(&h.record_id);
            if !h.version_ok {
                return Some(Err(RecordError::new(&origin, "unsupported WARC version")));
            }
            let Some(len) = h.length else {
                return Some(Err(RecordError::new(&origin, "missing Content-Length")));
            };
            let wanted = h.kind == "response" || h.kind == "resource";
            let http = h.content_type.starts_with("application/http");
            let html_resource = h.kind == "resource"
                && (h.content_type.contains("html") || h.content_type.contains("xhtml"));
            if !wanted || !(http || html_resource) || len > MAX_PAGE as u64 {
                let big = wanted && len > MAX_PAGE as u64;
                match self.skip(len) {
                    Ok(n) if n < len => {
                        return Some(Err(RecordError::new(
                            &origin,
                            format!("truncated record: Content-Length {len}, only {n} bytes"),
                        )))
                    }
                    Err(e) => return Some(Err(read_error(&origin, &e))),
                    Ok(_) => {}
                }
                if !matches!(self.check_boundary(), Ok(true)) {
                    return Some(Err(RecordError::new(
                        &origin,
                        "Content-Length does not match the record (no WARC header after it)",
                    )));
                }
                if big {
                    return Some(Err(RecordError::new(
                        &origin,
                        format!("record larger than {MAX_PAGE} bytes"),
                    )));
                }
                if wanted {
                    self.skips.not_html += 1;
                } else {
                    self.skips.not_response += 1;
                }
                continue;
            }
            let mut block = Vec::with_capacity(len as usize);
            match (&mut self.src).take(len).read_to_end(&mut block) {
                Ok(_) => {}
                Err(e) => return Some(Err(read_error(&origin, &e))),
            }
            if (block.len() as u64) < len {
                return Some(Err(RecordError::new(
                    &origin,
                    format!(
                        "truncated record: Content-Length {len}, only {} bytes",
                        block.len()
                    ),
                )));
            }
            // A Content-Length that is too long swallows the next record.
            if let Some(at) = find_next_header(&block) {
                self.src.push_back(&block[at..]);
                return Some(Err(RecordError::new(
                    &origin,
                    format!("Content-Length {len} runs into the next record"),
                )));
            }
            match self.check_boundary() {
                Ok(true) => {}
                Ok(false) => {
                    return Some(Err(RecordError::new(
                        &origin,
                        format!("Content-Length {len} does not match the record"),
                    )))
                }
                Err(e) => return Some(Err(read_error(&origin, &e))),
            }
            let ctx_url = h.target_uri.clone();
            let date = h.date.as_deref().and_then(Date::parse);
            let (charset, body) = if http {
                match parse_http(&block) {
                    HttpBody::Html { charset, body } => (charset, body),
                    HttpBody::Skip(why) => {
                        match why {
                            Skip::NotOk => self.skips.not_ok += 1,
                            Skip::NotHtml => self.skips.not_html += 1,
                        }
                        continue;
                    }
                    HttpBody::Bad(msg) => return Some(Err(RecordError::new(&origin, msg))),
                }
            } else {
                (
                    crate::charset::charset_from_content_type(&h.content_type).map(str::to_string),
                    block,
                )
            };
            let id = if h.record_id.is_empty() {
                format!(
                    "{}-{}",
                    herodotus_core::article::id_from_path(&self.name),
                    self.index
                )
            } else {
                h.record_id
            };
            return Some(Ok(Record::Page(PendingPage {
                id,
                origin,
                bytes: body,
                ctx: PageContext {
                    http_charset: charset,
                    url: ctx_url,
                    fallback_date: date,
                },
                default_date: self.default_date,
                url_is_authoritative: true,
            })));
        }
    }
}

fn read_error(origin: &str, e: &std::io::Error) -> RecordError {
    let msg = if e.kind() == std::io::ErrorKind::InvalidInput
        || e.kind() == std::io::ErrorKind::InvalidData
        || e.kind() == std::io::ErrorKind::UnexpectedEof
    {
        format!("gzip: {}", gzip::describe(e))
    } else {
        format!("read error: {e}")
    };
    RecordError::new(origin, msg)
}

fn find_next_header(block: &[u8]) -> Option<usize> {
    let f = memchr::memmem::Finder::new(b"\r\n\r\nWARC/1.");
    f.find(block).map(|i| i + 4)
}

enum HttpBody {
    Html {
        charset: Option<String>,
        body: Vec<u8>,
    },
    Skip(Skip),
    Bad(String),
}

/// Why an HTTP response is passed over.
enum Skip {
    NotOk,
    NotHtml,
}

/// Splits an HTTP response into status, headers and body.
fn parse_http(block: &[u8]) -> HttpBody {
    let end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_end, body_start)) = end else {
        return HttpBody::Bad("HTTP response without a header end".into());
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return HttpBody::Bad(format!("not an HTTP response: {:?}", truncate(status, 40)));
    }
    let code = status.split_whitespace().nth(1).unwrap_or("");
    if code != "200" {
        return HttpBody::Skip(Skip::NotOk);
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = v.trim().to_string(),
                "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                "content-encoding" => encoding = v.trim().to_ascii_lowercase(),
                _ => {}
            }
        }
    }
    let lower = content_type.to_ascii_lowercase();
    if !(lower.is_empty() || lower.contains("html")) {
        return HttpBody::Skip(Skip::NotHtml);
    }
    let mut body = block[body_start..].to_vec();
    if chunked {
        if let Some(b) = dechunk(&body) {
            body = b;
        }
    }
    if gzip::is_gzip(&body) || encoding == "gzip" {
        match gzip::gunzip(&body, MAX_PAGE) {
            Ok(b) => body = b,
            Err(e) if gzip::is_gzip(&body) => return HttpBody::Bad(e.to_string()),
            Err(_) => {}
        }
    }
    HttpBody::Html {
        charset: crate::charset::charset_from_content_type(&content_type).map(str::to_string),
        body,
    }
}

/// Undoes chunked transfer coding; `None` if the body is not chunked after all.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = memchr::memchr(b'\n', b)?;
        let line = std::str::from_utf8(&b[..nl]).ok()?.trim();
        let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
        b = &b[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        if size > b.len() {
            out.extend_from_slice(b);
            return Some(out);
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Record, RecordError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let r = self.next_record();
        if r.is_none() {
            self.done = true;
        }
        r
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::input::{open_input, InputOptions};
    use std::io::Write;

    /// Builds one WARC record; `len_delta` falsifies its Content-Length.
    pub(crate) fn record(kind: &str, id: &str, uri: &str, block: &[u8], len_delta: i64) -> Vec<u8> {
        let ct = if kind == "response" {
            "application/http; msgtype=response"
        } else {
            "application/warc-fields"
        };
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-11-20T10:00:00Z\r\nContent-Type: {ct}\r\nContent-Length: {}\r\n\r\n",
            block.len() as i64 + len_delta
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    pub(crate) fn http(status: &str, ctype: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nServer: x\r\n\r\n{body}")
            .into_bytes()
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn page(n: u32) -> String {
        format!("<html><head><title>Story {n}</title></head><body><article><p>Story number {n} tells how the committee met on Friday and agreed on a plan, officials said.</p></article></body></html>")
    }

    fn records() -> Vec<Vec<u8>> {
        vec![
            record("warcinfo", "info", "", b"software: test\r\n", 0),
            record(
                "response",
                "r1",
                "https://ex.com/2019/11/19/one",
                &http("200 OK", "text/html; charset=utf-8", &page(1)),
                0,
            ),
            record(
                "request",
                "q2",
                "https://ex.com/two",
                b"GET /two HTTP/1.1\r\n\r\n",
                0,
            ),
            record(
                "response",
                "r2",
                "https://ex.com/two",
                &http("404 Not Found", "text/html", "gone"),
                0,
            ),
            record(
                "response",
                "r3",
                "https://ex.com/img.png",
                &http("200 OK", "image/png", "\u{1}PNG"),
                0,
            ),
            record(
                "response",
                "r4",
                "https://ex.com/four",
                &http("200 OK", "text/html", &page(4)),
                0,
            ),
        ]
    }

    fn read(path: &std::path::Path) -> Vec<Result<herodotus_core::Article, RecordError>> {
        open_input(path.to_str().unwrap(), &InputOptions::default()).collect()
    }

    /// The ids of the records read without error.
    fn ok_ids(got: &[Result<herodotus_core::Article, RecordError>]) -> Vec<&str> {
        got.iter()
            .filter_map(|r| r.as_ref().ok().map(|a| a.id.as_str()))
            .collect()
    }

    fn tmp(name: &str, data: &[u8]) -> std::path::PathBuf {
        let p = std::env::temp_dir().join(format!("herodotus-warc-{}-{name}", std::process::id()));
        std::fs::write(&p, data).unwrap();
        p
    }

    #[test]
    fn plain_per_record_gzip_and_whole_file_gzip() {
        let plain: Vec<u8> = records().concat();
        let per_record: Vec<u8> = records().iter().flat_map(|r| gz(r)).collect();
        let whole = gz(&plain);
        for (name, data) in [
            ("a.warc", plain),
            ("b.warc.gz", per_record),
            ("c.warc.gz", whole),
        ] {
            let p = tmp(name, &data);
            let got = read(&p);
            let _ = std::fs::remove_file(&p);
            assert_eq!(got.len(), 2, "{name}: {got:?}");
            let a = got[0].as_ref().unwrap();
            assert_eq!(a.id, "r1");
            assert_eq!(a.url.as_deref(), Some("https://ex.com/2019/11/19/one"));
            assert_eq!(a.title.as_deref(), Some("Story 1"));
            assert!(a.text.starts_with("Story number 1"));
            assert_eq!(a.date.unwrap().to_string(), "2019-11-19");
            let b = got[1].as_ref().unwrap();
            assert_eq!(b.id, "r4");
            assert_eq!(b.date.unwrap().to_string(), "2019-11-20");
        }
    }

    #[test]
    fn truncated_member_loses_one_record() {
        let mut members: Vec<Vec<u8>> = records().iter().map(|r| gz(r)).collect();
        // Corrupt the middle of r1's member, and truncate the last one.
        let m = &mut members[1];
        let mid = m.len() / 2;
        m.truncate(mid);
        let last = members.last_mut().unwrap();
        last.truncate(last.len() - 10);
        let p = tmp("t.warc.gz", &members.concat());
        let got = read(&p);
        let _ = std::fs::remove_file(&p);
        let errs: Vec<String> = got
            .iter()
            .filter_map(|r| r.as_ref().err().map(|e| e.to_string()))
            .collect();
        assert!(!errs.is_empty(), "{got:?}");
        assert!(errs.iter().all(|e| e.contains("t.warc.gz")), "{errs:?}");
        assert!(got
            .iter()
            .all(|r| r.as_ref().map_or(true, |a| a.id != "r1")));
    }

    #[test]
    fn bad_checksum_loses_only_its_own_record() {
        let mut members: Vec<Vec<u8>> = records().iter().map(|r| gz(r)).collect();
        // Flip bytes inside r1's member: its CRC (or inflate) fails at its end.
        members.insert(
            2,
            gz(&record(
                "response",
                "r1b",
                "https://ex.com/b",
                &http("200 OK", "text/html", &page(2)),
                0,
            )),
        );
        let m = &mut members[1];
        let mid = m.len() / 2;
        for b in &mut m[mid..mid + 16] {
            *b ^= 0x5a;
        }
        let p = tmp("crc.warc.gz", &members.concat());
        let got = read(&p);
        let _ = std::fs::remove_file(&p);
        let ok = ok_ids(&got);
        assert_eq!(ok, ["r1b", "r4"], "{got:?}");
        assert_eq!(got.iter().filter(|r| r.is_err()).count(), 1, "{got:?}");
    }

    #[test]
    fn wrong_content_length() {
        let mut recs = records();
        // Too long: runs into r4. Too short: cut inside the body.
        recs[1] = record(
            "response",
            "r1",
            "https://ex.com/one",
            &http("200 OK", "text/html", &page(1)),
            40,
        );
        let mut more = records();
        more[5] = record(
            "response",
            "r5",
            "https://ex.com/five",
            &http("200 OK", "text/html", &page(5)),
            -30,
        );
        recs.extend(more);
        recs.push(record(
            "response",
            "r6",
            "https://ex.com/six",
            &http("200 OK", "text/html", &page(6)),
            0,
        ));
        let p = tmp("len.warc", &recs.concat());
        let got = read(&p);
        let _ = std::fs::remove_file(&p);
        let ok = ok_ids(&got);
        let errs: Vec<String> = got
            .iter()
            .filter_map(|r| r.as_ref().err().map(|e| e.to_string()))
            .collect();
        assert!(ok.contains(&"r4") && ok.contains(&"r6"), "{ok:?} {errs:?}");
        assert!(
            errs.iter()
                .any(|e| e.contains("r1") && e.contains("Content-Length")),
            "{errs:?}"
        );
        assert!(
            errs.iter()
                .any(|e| e.contains("r5") && e.contains("Content-Length")),
            "{errs:?}"
        );
    }

    #[test]
    fn skipped_records_are_counted_by_reason() {
        let data: Vec<u8> = records().concat();
        let mut r = WarcReader::new(&data[..], "s.warc", None);
        let pages = r.by_ref().filter(|x| x.is_ok()).count();
        assert_eq!(pages, 2);
        // warcinfo and request; the 404; the PNG.
        assert_eq!(
            r.skips(),
            WarcSkips {
                not_response: 2,
                not_html: 1,
                not_ok: 1
            }
        );
    }

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert!(dechunk(b"<html>").is_none());
    }
}
