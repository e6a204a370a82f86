//! Character set detection and decoding: byte order mark, then the HTTP
//! `Content-Type` charset, then `<meta charset>` / `<meta http-equiv>` in the
//! first bytes, then UTF-8 if the bytes are valid UTF-8, else windows-1252.
//! Unknown labels are ignored (best effort) rather than failing the page.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// How far into a page to look for a `<meta>` charset declaration.
const PRESCAN: usize = 16 * 1024;

/// The charset parameter of a `Content-Type` value (`text/html; charset=utf-8`).
pub fn charset_from_content_type(ct: &str) -> Option<&str> {
    let lower = ct.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = ct[at + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(rest.len());
    let v = &rest[..end];
    (!v.is_empty()).then_some(v)
}

/// Finds a charset declared in `<meta>` within the first bytes of a page.
pub fn sniff_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let mut i = 0;
    while let Some(o) = memchr::memmem::find(&head[i..], b"<meta") {
        let start = i + o + 5;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        let tag = String::from_utf8_lossy(&head[start..end]).to_ascii_lowercase();
        if let Some(v) = charset_from_content_type(&tag) {
            if let Some(enc) = Encoding::for_label(v.as_bytes()) {
                return Some(meta_override(enc));
            }
        }
        i = end;
    }
    // Upper-case tags are rare; check them too.
    if memchr::memmem::find(head, b"<META").is_some() {
        let lower = head.to_ascii_lowercase();
        if memchr::memmem::find(&lower, b"<meta").is_some() && lower != head {
            return sniff_meta_charset(&lower);
        }
    }
    None
}

/// A page cannot declare itself UTF-16 in `<meta>` (it would not be readable
/// as ASCII); the HTML standard maps that to UTF-8, and `x-user-defined` to 1252.
fn meta_override(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        UTF_8
    } else if enc == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    }
}

/// Chooses the encoding of an HTML page.
pub fn detect(bytes: &[u8], http_charset: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = http_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())) {
        return enc;
    }
    if let Some(enc) = sniff_meta_charset(bytes) {
        // Many pages declare latin-1 but are UTF-8; trust valid UTF-8.
        if enc != UTF_8 && enc.is_ascii_compatible() && is_utf8_with_non_ascii(bytes) {
            return UTF_8;
        }
        return enc;
    }
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

fn is_utf8_with_non_ascii(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// Decodes a page to text (malformed sequences become U+FFFD).
pub fn decode_html<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Cow<'a, str> {
    let enc = detect(bytes, http_charset);
    let (text, _, _) = enc.decode(bytes);
    text
}

/// Decodes an XML document: BOM, then the `encoding` of the XML declaration,
/// then UTF-8 with replacement.
pub fn decode_xml(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc.decode(bytes).0;
    }
    let head = &bytes[..bytes.len().min(256)];
    if head.starts_with(b"<?xml") {
        let end = memchr::memchr(b'>', head).unwrap_or(head.len());
        let decl = String::from_utf8_lossy(&head[..end]);
        if let Some(at) = decl.find("encoding") {
            let rest = decl[at + 8..]
                .trim_start()
                .trim_start_matches('=')
                .trim_start();
            let rest = rest.trim_start_matches(['"', '\'']);
            let label: String = rest
                .chars()
                .take_while(|c| !matches!(c, '"' | '\'' | ' ' | '?'))
                .collect();
            if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                return enc.decode(bytes).0;
            }
        }
    }
    UTF_8.decode(bytes).0
}

/// How a plain-text or JSONL stream is encoded, judged from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (with or without BOM); invalid bytes are replaced, with a warning.
    Utf8,
    /// Another encoding (UTF-16 by BOM or by its zero bytes; a legacy
    /// single-byte encoding guessed by chardetng), decoded to UTF-8.
    Other(&'static Encoding),
}

/// Judges the encoding of text from its first bytes (up to 64 KiB is plenty).
/// UTF-16 is recognised by its BOM, or without one by zero bytes in every other
/// position (English text in UTF-16 is half zeros). Bytes that are UTF-8 but for a
/// few bad sequences are UTF-8 with damage, not a legacy encoding; otherwise
/// chardetng (Firefox's detector) names the legacy encoding.
pub fn sniff_text(head: &[u8]) -> TextEncoding {
    if let Some((enc, _)) = Encoding::for_bom(head) {
        return if enc == UTF_8 {
            TextEncoding::Utf8
        } else {
            TextEncoding::Other(enc)
        };
    }
    if let Some(enc) = utf16_without_bom(head) {
        return TextEncoding::Other(enc);
    }
    let (valid_multi, invalid) = utf8_census(head);
    let damaged_utf8 = valid_multi > 0 && invalid <= valid_multi / 4 + 2;
    if invalid == 0 || damaged_utf8 || (valid_multi == 0 && !legacy_plausible(head)) {
        return TextEncoding::Utf8;
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(head, true);
    match det.guess(None, false) {
        e if e == UTF_8 => TextEncoding::Utf8,
        e => TextEncoding::Other(e),
    }
}

/// Whether the non-ASCII bytes of `b` read as legacy text: letters next to a
/// letter (`caf\xe9`, `Z\xfcrich`), or Windows typographic quotes and dashes.
/// A stray byte between spaces or digits is damage, not an encoding.
fn legacy_plausible(b: &[u8]) -> bool {
    let letter = |i: usize| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c >= 0xC0)
    };
    let mut high = 0;
    let mut plausible = 0;
    for (i, &c) in b.iter().enumerate() {
        if c < 0x80 {
            continue;
        }
        high += 1;
        let typographic = matches!(c, 0x80 | 0x85 | 0x91..=0x97 | 0xA0..=0xBF);
        let in_word = c >= 0xC0 && ((i > 0 && letter(i - 1)) || letter(i + 1));
        if typographic || in_word {
            plausible += 1;
        }
    }
    high > 0 && plausible * 3 >= high * 2
}

/// UTF-16LE/BE without a BOM: at least 16 byte pairs, and most pairs have a zero
/// in one half and not the other (ASCII and Latin text).
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len().min(4096) / 2;
    if pairs < 16 {
        return None;
    }
    let (mut le, mut be) = (0, 0);
    for p in head[..pairs * 2].chunks_exact(2) {
        match (p[0] == 0, p[1] == 0) {
            (false, true) => le += 1,
            (true, false) => be += 1,
            _ => {}
        }
    }
    if le * 10 >= pairs * 6 && be * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if be * 10 >= pairs * 6 && le * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// (valid multi-byte UTF-8 sequences, invalid sequences) in `b`; a sequence cut
/// by the end of `b` counts as neither.
fn utf8_census(mut b: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                valid += s.bytes().filter(|&c| c >= 0xC0).count();
                return (valid, invalid);
            }
            Err(e) => {
                let ok = e.valid_up_to();
                valid += b[..ok].iter().filter(|&&c| c >= 0xC0).count();
                match e.error_len() {
                    None => return (valid, invalid),
                    Some(n) => {
                        invalid += 1;
                        b = &b[ok + n..];
                    }
                }
            }
        }
    }
}

/// Most warnings about bad bytes printed per file; a summary follows.
const MAX_WARNINGS: usize = 10;

/// A reader that turns a text stream of a known encoding into UTF-8, streaming
/// (constant memory). In UTF-8 input each invalid sequence becomes U+FFFD and
/// the first in each line is reported on stderr with `origin:line`, so one bad
/// byte no longer costs the whole article. Other encodings are decoded by
/// encoding_rs (malformed sequences, e.g. a lone UTF-16 surrogate, the same way).
pub struct DecodingReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    origin: String,
    label: &'static str,
    out: Vec<u8>,
    pos: usize,
    line: usize,
    warned_line: usize,
    warned: usize,
    bad: usize,
    done: bool,
}

impl<R: std::io::BufRead> DecodingReader<R> {
    /// Wraps `inner`, whose bytes are in `enc`; `origin` names it in warnings.
    pub fn new(inner: R, enc: TextEncoding, origin: &str) -> Self {
        let enc = match enc {
            TextEncoding::Utf8 => UTF_8,
            TextEncoding::Other(e) => e,
        };
        if enc != UTF_8 {
            eprintln!("herodotus: note: {origin}: decoded as {}", enc.name());
        }
        DecodingReader {
            inner,
            // A BOM of the encoding is removed; another BOM is kept as text.
            decoder: enc.new_decoder_with_bom_removal(),
            origin: origin.to_string(),
            label: enc.name(),
            out: Vec::new(),
            pos: 0,
            line: 1,
            warned_line: 0,
            warned: 0,
            bad: 0,
            done: false,
        }
    }

    /// Decodes the next chunk of input into `out`.
    fn refill(&mut self) -> std::io::Result<()> {
        self.out.clear();
        self.pos = 0;
        while self.out.is_empty() && !self.done {
            let src = self.inner.fill_buf()?;
            let last = src.is_empty();
            let mut buf = vec![0u8; src.len() * 3 + 16];
            let mut read_total = 0;
            let mut written = 0;
            loop {
                let (res, read, wrote) = self.decoder.decode_to_utf8_without_replacement(
                    &src[read_total..],
                    &mut buf[written..],
                    last,
                );
                // Count the lines of what was decoded so far, for warnings.
                self.line += memchr::memchr_iter(b'\n', &buf[written..written + wrote]).count();
                read_total += read;
                written += wrote;
                match res {
                    encoding_rs::DecoderResult::InputEmpty => break,
                    encoding_rs::DecoderResult::OutputFull => {
                        buf.resize(buf.len() * 2 + 16, 0);
                    }
                    encoding_rs::DecoderResult::Malformed(_, _) => {
                        self.bad += 1;
                        if self.warned_line != self.line {
                            self.warned_line = self.line;
                            self.warned += 1;
                            if self.warned <= MAX_WARNINGS {
                                eprintln!(
                                    "herodotus: warning: {}:{}: invalid {} bytes replaced by U+FFFD",
                                    self.origin, self.line, self.label
                                );
                            }
                        }
                        if buf.len() - written < 3 {
                            buf.resize(buf.len() * 2 + 16, 0);
                        }
                        buf[written..written + 3].copy_from_slice("\u{FFFD}".as_bytes());
                        written += 3;
                    }
                }
            }
            buf.truncate(written);
            self.out = buf;
            let n = read_total;
            self.inner.consume(n);
            if last {
                self.done = true;
                if self.warned > MAX_WARNINGS {
                    eprintln!(
                        "herodotus: warning: {}: {} invalid {} sequences in all replaced by U+FFFD",
                        self.origin, self.bad, self.label
                    );
                }
            }
        }
        Ok(())
    }
}

impl<R: std::io::BufRead> std::io::Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let avail = std::io::BufRead::fill_buf(self)?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        std::io::BufRead::consume(self, n);
        Ok(n)
    }
}

impl<R: std::io::BufRead> std::io::BufRead for DecodingReader<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.pos >= self.out.len() {
            self.refill()?;
        }
        Ok(&self.out[self.pos..])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.out.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_charset() {
        assert_eq!(
            charset_from_content_type("text/html; charset=ISO-8859-1"),
            Some("ISO-8859-1")
        );
        assert_eq!(
            charset_from_content_type("text/html;charset=\"utf-8\""),
            Some("utf-8")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
    }

    #[test]
    fn bom_header_meta_and_fallbacks() {
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body>";
        assert!(decode_html(latin, None).contains("café"));
        let meta2 = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8</p>";
        assert!(decode_html(meta2, None).contains("При"));
        // HTTP header wins over meta.
        assert!(decode_html(b"<meta charset=utf-8>caf\xe9", Some("latin1")).contains("café"));
        // BOM wins over everything.
        assert!(decode_html(b"\xef\xbb\xbfcaf\xc3\xa9", Some("latin1")).contains("café"));
        // Unknown label: best effort.
        assert!(decode_html("<meta charset=klingon>café".as_bytes(), None).contains("café"));
        // No declaration, not UTF-8: windows-1252.
        assert!(decode_html(b"caf\xe9 \x93q\x94", None).contains("café \u{201c}q\u{201d}"));
        // Declared latin-1 but really UTF-8.
        assert!(decode_html("<meta charset=iso-8859-1>café".as_bytes(), None).contains("café"));
    }

    #[test]
    fn text_encodings_are_recognised() {
        let text = "Russia and Ukraine met in Z\u{fc}rich on Tuesday, the minister said.";
        let utf16 = |le: bool, bom: bool| {
            let mut v = Vec::new();
            if bom {
                v.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
            }
            for u in text.encode_utf16() {
                v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            v
        };
        let le = TextEncoding::Other(encoding_rs::UTF_16LE);
        let be = TextEncoding::Other(encoding_rs::UTF_16BE);
        assert_eq!(sniff_text(&utf16(true, true)), le);
        assert_eq!(sniff_text(&utf16(false, true)), be);
        assert_eq!(sniff_text(&utf16(true, false)), le);
        assert_eq!(sniff_text(&utf16(false, false)), be);
        assert_eq!(sniff_text(text.as_bytes()), TextEncoding::Utf8);
        let (latin1, _, _) = WINDOWS_1252.encode(
            "Le caf\u{e9} de la gare \u{e0} Gen\u{e8}ve \u{e9}tait ferm\u{e9}, a d\u{e9}clar\u{e9} le maire. \u{ab} Nous n'avons pas re\u{e7}u d'ordre \u{bb}, a-t-il dit.",
        );
        assert!(matches!(sniff_text(&latin1), TextEncoding::Other(e) if e.is_single_byte()));
        // One bad byte in UTF-8 text: damage, not an encoding.
        let mut bad = text.as_bytes().to_vec();
        bad.insert(10, 0xFF);
        assert_eq!(sniff_text(&bad), TextEncoding::Utf8);
        let mut ascii_bad = b"Russia and Ukraine met on Tuesday.".to_vec();
        ascii_bad.insert(6, 0x9D);
        assert_eq!(sniff_text(&ascii_bad), TextEncoding::Utf8);
    }

    #[test]
    fn decoding_reader_repairs_utf8_and_names_the_line() {
        use std::io::Read;
        let input = b"line one\nline \xff two\nthree \xe2\x80 four\n";
        let mut r = DecodingReader::new(&input[..], TextEncoding::Utf8, "x.txt");
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out, "line one\nline \u{FFFD} two\nthree \u{FFFD} four\n");
        assert_eq!((r.bad, r.warned), (2, 2));
        // UTF-16 with a BOM: decoded, BOM removed.
        let mut v = vec![0xFF, 0xFE];
        for u in "caf\u{e9}\n".encode_utf16() {
            v.extend(u.to_le_bytes());
        }
        let mut r = DecodingReader::new(&v[..], TextEncoding::Other(encoding_rs::UTF_16LE), "y");
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out, "caf\u{e9}\n");
        // Large input through small reads: nothing lost.
        let big = "\u{e9}t\u{e9} ".repeat(100_000);
        let (bytes, _, _) = WINDOWS_1252.encode(&big);
        let reader = std::io::BufReader::with_capacity(1000, &bytes[..]);
        let mut r = DecodingReader::new(reader, TextEncoding::Other(WINDOWS_1252), "z");
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out, big);
    }

    #[test]
    fn xml_declaration() {
        let x = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>caf\xe9</rss>";
        assert!(decode_xml(x).contains("café"));
        assert!(decode_xml("<rss>café</rss>".as_bytes()).contains("café"));
    }
}
