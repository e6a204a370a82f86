//! One entry point for every kind of input: [`open_input`] takes a path (a
//! file, a directory, or `-` for stdin), recognises the format by extension
//! or by sniffing the first bytes (gzip is undone first), and yields articles,
//! each failure being a per-record [`RecordError`].
//!
//! [`open_records`] is the same with the expensive step (HTML extraction)
//! left undone, so a caller can run it on several threads.

use crate::charset;
use crate::error::IngestError;
use crate::feeds;
use crate::gzip;
use crate::html::{self, PageContext};
use crate::jsonl::JsonlReader;
use crate::warc;
use herodotus_core::article::{article_from_text, id_from_path};
use herodotus_core::{Article, Date, RecordError};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Largest plain-text, HTML or feed file read whole.
pub const MAX_FILE: usize = html::MAX_PAGE;

/// Options for reading input.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct InputOptions {
    /// Date for articles that carry none.
    pub default_date: Option<Date>,
    /// Force a format instead of guessing it.
    pub format: Option<Format>,
}

/// The kinds of input understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: one article per file.
    Text,
    /// One JSON article per line.
    Jsonl,
    /// An HTML page.
    Html,
    /// A WARC archive.
    Warc,
    /// An RSS, Atom or sitemap feed.
    Feed,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Format::Text,
            "jsonl" | "ndjson" => Format::Jsonl,
            "html" | "htm" => Format::Html,
            "warc" => Format::Warc,
            "feed" | "rss" | "atom" | "sitemap" | "xml" => Format::Feed,
            _ => return Err(format!("unknown format {s:?}")),
        })
    }
}

/// The format an extension names (the name without a final `.gz`).
pub(crate) fn format_from_name(name: &str) -> Option<Format> {
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    Some(match ext {
        "txt" | "text" => Format::Text,
        "jsonl" | "ndjson" => Format::Jsonl,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "warc" => Format::Warc,
        "rss" | "atom" => Format::Feed,
        _ => return None,
    })
}

/// Guesses the format from the first (decompressed) bytes.
pub(crate) fn sniff(head: &[u8]) -> Format {
    let h = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = h
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(h.len());
    let h = &h[start..];
    if h.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if h.starts_with(b"{") {
        return Format::Jsonl;
    }
    let sample = &h[..h.len().min(2048)];
    let lower = sample.to_ascii_lowercase();
    let has = |pat: &[u8]| memchr::memmem::find(&lower, pat).is_some();
    if h.starts_with(b"<") {
        if has(b"<rss")
            || has(b"<feed")
            || has(b"<urlset")
            || has(b"<sitemapindex")
            || has(b"<rdf:rdf")
        {
            return Format::Feed;
        }
        return Format::Html;
    }
    if has(b"<html") || has(b"<body") || has(b"<!doctype html") {
        return Format::Html;
    }
    Format::Text
}

/// A record read from input, with HTML extraction possibly still to do.
pub enum Record {
    /// A finished article.
    Article(Article),
    /// An HTML page to extract.
    Page(PendingPage),
}

/// An HTML page waiting for extraction.
#[non_exhaustive]
pub struct PendingPage {
    /// Article id.
    pub id: String,
    /// Where it came from, for error messages.
    pub origin: String,
    /// The raw (decompressed) bytes.
    pub bytes: Vec<u8>,
    /// Charset, URL and date known from outside the page.
    pub ctx: PageContext,
    /// Date for an article that has none.
    pub default_date: Option<Date>,
    /// Whether the context URL (e.g. WARC-Target-URI) beats the page's canonical URL.
    pub url_is_authoritative: bool,
}

impl PendingPage {
    /// A page to extract: its article id, where it came from (for error
    /// messages), its bytes and what is known from outside it; no default date,
    /// and the page's own canonical URL wins over `ctx.url`.
    pub fn new(id: String, origin: String, bytes: Vec<u8>, ctx: PageContext) -> PendingPage {
        PendingPage {
            id,
            origin,
            bytes,
            ctx,
            default_date: None,
            url_is_authoritative: false,
        }
    }

    /// Extracts the article.
    pub fn extract(self) -> Result<Article, RecordError> {
        let page = html::extract_page(&self.bytes, &self.ctx)
            .map_err(|e| RecordError::new(&self.origin, e.to_string()))?;
        let mut a = page.into_article(self.id, self.default_date);
        if self.url_is_authoritative && self.ctx.url.is_some() {
            a.url = self.ctx.url;
        }
        Ok(a)
    }
}

impl Record {
    /// Finishes the record (extracting HTML if needed).
    pub fn finish(self) -> Result<Article, RecordError> {
        match self {
            Record::Article(a) => Ok(a),
            Record::Page(p) => p.extract(),
        }
    }
}

/// Iterator of records.
pub type Records = Box<dyn Iterator<Item = Result<Record, RecordError>> + Send>;

/// Opens a path (`-` is stdin) and yields its articles, extracting HTML.
pub fn open_input(
    path: &str,
    opts: &InputOptions,
) -> Box<dyn Iterator<Item = Result<Article, RecordError>> + Send> {
    Box::new(open_records(path, opts).map(|r| r.and_then(Record::finish)))
}

/// Opens a path and yields records, leaving HTML extraction to the caller.
pub fn open_records(path: &str, opts: &InputOptions) -> Records {
    if path == "-" {
        let stdin = std::io::stdin();
        return open_stream(Box::new(stdin), "-", "stdin", opts);
    }
    let p = Path::new(path);
    if p.is_dir() {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        walk(p, &mut files, &mut errors);
        files.sort();
        let opts = opts.clone();
        let errs = errors.into_iter().map(Err);
        let recs = files.into_iter().flat_map(move |f| {
            let name = f.to_string_lossy().into_owned();
            open_file(&f, &name, &opts)
        });
        return Box::new(errs.chain(recs));
    }
    open_file(p, path, opts)
}

/// Deepest directory nesting followed (guards against symlink loops).
const MAX_DIR_DEPTH: usize = 64;

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<RecordError>) {
    walk_depth(dir, files, errors, 0);
}

fn walk_depth(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<RecordError>, depth: usize) {
    if depth > MAX_DIR_DEPTH {
        errors.push(RecordError::new(
            &dir.to_string_lossy(),
            format!("directories nested deeper than {MAX_DIR_DEPTH} (a symlink loop?)"),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(RecordError::new(&dir.to_string_lossy(), e.to_string()));
            return;
        }
    };
    let mut items: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    items.sort();
    for p in items {
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk_depth(&p, files, errors, depth + 1);
        } else {
            files.push(p);
        }
    }
}

fn open_file(path: &Path, name: &str, opts: &InputOptions) -> Records {
    match std::fs::File::open(path) {
        Ok(f) => open_stream(Box::new(f), name, name, opts),
        Err(e) => Box::new(std::iter::once(Err(RecordError::new(name, e.to_string())))),
    }
}

fn one_err(origin: &str, e: impl std::fmt::Display) -> Records {
    Box::new(std::iter::once(Err(RecordError::new(
        origin,
        e.to_string(),
    ))))
}

/// Opens a byte stream whose name (for the id and extension) is `name`.
fn open_stream(
    raw: Box<dyn Read + Send>,
    name: &str,
    origin: &str,
    opts: &InputOptions,
) -> Records {
    let mut raw = BufReader::with_capacity(64 * 1024, raw);
    let gz = match raw.fill_buf() {
        Ok(b) => gzip::is_gzip(b),
        Err(e) => return one_err(origin, format!("read error: {e}")),
    };
    let by_name = if name == "-" {
        None
    } else {
        format_from_name(name)
    };
    let forced = opts.format.or(by_name);

    // WARC: stream records, per-member gzip so a bad member costs one record.
    if forced == Some(Format::Warc) || (forced.is_none() && sniff_stream_is_warc(&mut raw, gz)) {
        let reader: Box<dyn BufRead + Send> = if gz {
            Box::new(BufReader::with_capacity(
                64 * 1024,
                warc::GzMembers::new(raw),
            ))
        } else {
            Box::new(raw)
        };
        return Box::new(warc::WarcReader::new(reader, origin, opts.default_date));
    }
    let mut reader: Box<dyn BufRead + Send> = if gz {
        Box::new(BufReader::with_capacity(
            64 * 1024,
            flate2::bufread::MultiGzDecoder::new(raw),
        ))
    } else {
        Box::new(raw)
    };
    // Text encodings (issue 11): UTF-16 is decoded before the format is sniffed
    // (its zero bytes hide the `{` of JSONL); other text and JSONL streams go
    // through the decoder after, which repairs bad UTF-8 bytes with a warning or
    // decodes a legacy encoding. HTML and feeds keep their own charset rules.
    let text_enc = match reader.fill_buf() {
        Ok(b) => charset::sniff_text(b),
        Err(e) => return one_err(origin, gz_or_io(&e, gz)),
    };
    let mut decoded = false;
    if let charset::TextEncoding::Other(enc) = text_enc {
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            reader = Box::new(charset::DecodingReader::new(reader, text_enc, origin));
            decoded = true;
        }
    }
    let format = match forced {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(b) => sniff(b),
            Err(e) => return one_err(origin, gz_or_io(&e, gz)),
        },
    };
    if !decoded && matches!(format, Format::Text | Format::Jsonl) {
        // Binary junk (an image, an executable, random bytes) would otherwise be
        // "decoded" as a legacy single-byte encoding and coded as one article of
        // noise: it is refused with the file's name instead (issue 11).
        match reader.fill_buf() {
            Ok(b) if crate::html::looks_binary(b) => {
                let what = if format == Format::Text {
                    "text"
                } else {
                    "JSONL"
                };
                return one_err(origin, IngestError::Binary(what));
            }
            Ok(_) => {}
            Err(e) => return one_err(origin, gz_or_io(&e, gz)),
        }
        reader = Box::new(charset::DecodingReader::new(reader, text_enc, origin));
    }
    if format == Format::Jsonl {
        let origin = origin.to_string();
        return Box::new(
            JsonlReader::new(reader, origin, opts.default_date).map(|r| r.map(Record::Article)),
        );
    }
    let bytes = match gzip::read_limited(&mut reader, MAX_FILE) {
        Ok(b) => b,
        Err(IngestError::Io(e)) => return one_err(origin, gz_or_io(&e, gz)),
        Err(e) => return one_err(origin, e),
    };
    let id = if name == "-" {
        "stdin".to_string()
    } else {
        id_from_path(name)
    };
    match format {
        Format::Text => Box::new(std::iter::once(
            article_from_text(origin, bytes, opts.default_date)
                .map(|mut a| {
                    a.id = id;
                    a
                })
                .map(Record::Article),
        )),
        Format::Html => Box::new(std::iter::once(Ok(Record::Page(PendingPage {
            id,
            origin: origin.to_string(),
            bytes,
            ctx: PageContext::default(),
            default_date: opts.default_date,
            url_is_authoritative: false,
        })))),
        Format::Feed => Box::new(
            feeds::parse_feed(&bytes, origin, opts.default_date)
                .into_iter()
                .map(|r| r.map(Record::Article)),
        ),
        Format::Jsonl | Format::Warc => unreachable!("handled above"),
    }
}

fn gz_or_io(e: &std::io::Error, gz: bool) -> String {
    if gz {
        format!("gzip: {}", gzip::describe(e))
    } else {
        format!("read error: {e}")
    }
}

/// Peeks through gzip (if any) to see whether a stream is a WARC file.
fn sniff_stream_is_warc(raw: &mut BufReader<Box<dyn Read + Send>>, gz: bool) -> bool {
    let Ok(buf) = raw.fill_buf() else {
        return false;
    };
    if !gz {
        return sniff(buf) == Format::Warc;
    }
    let mut head = [0u8; 16];
    let mut dec = flate2::bufread::GzDecoder::new(buf);
    let mut got = 0;
    while got < head.len() {
        match dec.read(&mut head[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    sniff(&head[..got]) == Format::Warc
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn tmpdir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("herodotus-ingest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    const PAGE: &[u8] = b"<html><body><article><p>The council voted on Monday to build a new bridge across the river, the mayor said.</p></article></body></html>";

    #[test]
    fn formats_by_name_and_sniffing() {
        assert_eq!(format_from_name("a/b.html.gz"), Some(Format::Html));
        assert_eq!(format_from_name("x.warc.gz"), Some(Format::Warc));
        assert_eq!(format_from_name("x.ndjson"), Some(Format::Jsonl));
        assert_eq!(format_from_name("x.dat"), None);
        assert_eq!(sniff(b"WARC/1.1\r\n"), Format::Warc);
        assert_eq!(sniff(b"  {\"id\":1}"), Format::Jsonl);
        assert_eq!(sniff(b"<?xml version='1.0'?><rss>"), Format::Feed);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"Plain words."), Format::Text);
    }

    #[test]
    fn directory_of_mixed_files() {
        let d = tmpdir("mixed");
        std::fs::write(d.join("b.html.gz"), gz(PAGE)).unwrap();
        std::fs::write(d.join("a.txt"), b"Some plain text.").unwrap();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(
            d.join("sub/c.jsonl"),
            b"{\"id\":\"c1\",\"text\":\"x\"}\nbad\n{\"id\":\"c2\",\"text\":\"y\"}\n",
        )
        .unwrap();
        std::fs::write(d.join("sub/d.data"), PAGE).unwrap(); // sniffed as HTML
        std::fs::write(d.join("trunc.html.gz"), &gz(PAGE)[..30]).unwrap();
        let got: Vec<_> = open_input(d.to_str().unwrap(), &InputOptions::default()).collect();
        let ids: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(a) => a.id.clone(),
                Err(e) => format!("ERR {e}"),
            })
            .collect();
        assert_eq!(ids.len(), 7, "{ids:?}");
        assert_eq!(ids[0], "a");
        assert_eq!(ids[1], "b");
        assert_eq!(ids[2], "c1");
        assert!(
            ids[3].starts_with("ERR") && ids[3].contains("c.jsonl:2"),
            "{ids:?}"
        );
        assert_eq!(ids[4], "c2");
        assert_eq!(ids[5], "d", "{ids:?}");
        assert!(ids[6].contains("trunc.html.gz"), "{ids:?}");
        let b = got[1].as_ref().unwrap();
        assert!(b.text.starts_with("The council voted"));
        let trunc: Vec<_> = open_input(
            d.join("trunc.html.gz").to_str().unwrap(),
            &InputOptions::default(),
        )
        .collect();
        let e = trunc[0].as_ref().unwrap_err().to_string();
        assert!(e.contains("trunc.html.gz") && e.contains("gzip"), "{e}");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn extracted_articles_read_back_as_jsonl() {
        let d = tmpdir("roundtrip");
        let page = d.join("p.html");
        std::fs::write(&page, b"<html lang=en><head><title>Bridge vote</title><meta name=author content='Ann Lee'>\
            <meta property='og:site_name' content='Town News'><meta property='article:published_time' content='2020-02-03'></head>\
            <body><article><p>The council voted on Monday to build a new bridge across the river, the mayor said.</p></article></body></html>").unwrap();
        let a = open_input(page.to_str().unwrap(), &InputOptions::default())
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(a.source.as_deref(), Some("Town News"));
        let out = d.join("out.jsonl.gz");
        std::fs::write(
            &out,
            gz(format!("{}\n", serde_json::to_string(&a).unwrap()).as_bytes()),
        )
        .unwrap();
        let back: Vec<_> = open_input(out.to_str().unwrap(), &InputOptions::default()).collect();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].as_ref().unwrap(), &a);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn text_and_jsonl_in_other_encodings_are_decoded() {
        // Issue 11: these were dropped whole ("invalid UTF-8").
        let d = tmpdir("encodings");
        let story = "Russia and Ukraine met in Z\u{fc}rich; the caf\u{e9} was closed, \u{201c}for now\u{201d}, officials said.";
        let utf16 = |s: &str, le: bool, bom: bool| {
            let mut v = Vec::new();
            if bom {
                v.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
            }
            for u in s.encode_utf16() {
                v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            v
        };
        let jsonl = format!(
            "{}\n{}\n",
            serde_json::json!({"id": "j1", "text": story}),
            serde_json::json!({"id": "j2", "text": "Second record."})
        );
        let latin = "Le caf\u{e9} de la gare \u{e0} Gen\u{e8}ve \u{e9}tait ferm\u{e9}, a d\u{e9}clar\u{e9} le maire de Z\u{fc}rich.";
        let (latin_bytes, _, _) = encoding_rs::WINDOWS_1252.encode(latin);
        let latin_jsonl = format!("{}\n", serde_json::json!({"id": "l1", "text": latin}));
        let (latin_jsonl_bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin_jsonl);
        let files: Vec<(&str, Vec<u8>)> = vec![
            ("le-bom.txt", utf16(story, true, true)),
            ("be-bom.txt", utf16(story, false, true)),
            ("le.txt", utf16(story, true, false)),
            ("be.txt", utf16(story, false, false)),
            ("le.jsonl", utf16(&jsonl, true, false)),
            ("be-bom.jsonl", utf16(&jsonl, false, true)),
            ("sniffed-le", utf16(&jsonl, true, false)),
            ("latin1.txt", latin_bytes.to_vec()),
            ("latin1.jsonl", latin_jsonl_bytes.to_vec()),
        ];
        for (name, bytes) in files {
            let path = d.join(name);
            std::fs::write(&path, bytes).unwrap();
            let got: Vec<_> = open_input(path.to_str().unwrap(), &InputOptions::default())
                .map(|r| r.unwrap_or_else(|e| panic!("{name}: {e}")))
                .collect();
            let want: Vec<&str> = if name.starts_with("latin1") {
                vec![latin]
            } else if name.ends_with(".txt") {
                vec![story]
            } else {
                vec![story, "Second record."]
            };
            let texts: Vec<&str> = got.iter().map(|a| a.text.as_str()).collect();
            assert_eq!(texts, want, "{name}");
        }
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn one_bad_byte_is_replaced_not_fatal() {
        let d = tmpdir("badbyte");
        let mut text = "Russia and Ukraine met in Z\u{fc}rich.\nThe talks \u{2014} the first in months \u{2014} ended"
            .as_bytes()
            .to_vec();
        text.extend(b" \xff early.\n");
        let p = d.join("bad.txt");
        std::fs::write(&p, &text).unwrap();
        let got: Vec<_> = open_input(p.to_str().unwrap(), &InputOptions::default()).collect();
        assert_eq!(got.len(), 1);
        let a = got[0].as_ref().unwrap();
        assert!(a.text.ends_with("ended \u{FFFD} early.\n"), "{:?}", a.text);
        let p = d.join("bad.jsonl");
        let mut lines =
            b"{\"id\":\"a\",\"text\":\"Z\xc3\xbcrich caf\xc3\xa9 \xe2\x80\x94 fine.\"}\n".to_vec();
        lines.extend(b"{\"id\":\"b\",\"text\":\"one \xff bad byte\"}\n");
        std::fs::write(&p, &lines).unwrap();
        let got: Vec<_> = open_input(p.to_str().unwrap(), &InputOptions::default())
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].text, "one \u{FFFD} bad byte");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn binary_junk_is_a_record_error_not_an_article() {
        // Issue 11: random bytes were read as windows-1252 and coded as an article.
        let d = tmpdir("junk");
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15; // xorshift: the same junk every run
        let junk: Vec<u8> = (0..20_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 56) as u8
            })
            .collect();
        // An executable-like head: text-free structure full of zero bytes.
        let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
        elf.extend((0..3000u32).map(|i| (i * 31 % 251) as u8));
        for (name, bytes, what) in [
            ("junk.txt", junk.clone(), "text"),
            ("junk", junk.clone(), "text"),
            ("junk.jsonl", junk.clone(), "JSONL"),
            ("prog.txt", elf, "text"),
            ("junk.txt.gz", gz(&junk), "text"),
        ] {
            let p = d.join(name);
            std::fs::write(&p, bytes).unwrap();
            let got: Vec<_> = open_input(p.to_str().unwrap(), &InputOptions::default()).collect();
            assert_eq!(got.len(), 1, "{name}");
            let e = got[0].as_ref().unwrap_err();
            assert!(e.origin.contains(name), "{name}: {e}");
            assert!(
                e.to_string()
                    .contains(&format!("binary content, not {what}")),
                "{name}: {e}"
            );
        }
        // Text with a tab, a form feed and legacy bytes is still text.
        let p = d.join("ok.txt");
        std::fs::write(
            &p,
            b"Col\tumn one.\x0cThe caf\xe9 opened on Monday, the mayor said.",
        )
        .unwrap();
        let got: Vec<_> = open_input(p.to_str().unwrap(), &InputOptions::default()).collect();
        assert!(got[0].as_ref().unwrap().text.contains("caf\u{e9}"));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn missing_file_is_a_record_error() {
        let got: Vec<_> = open_input("/nonexistent/x.html", &InputOptions::default()).collect();
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().unwrap_err().origin.contains("x.html"));
    }
}
