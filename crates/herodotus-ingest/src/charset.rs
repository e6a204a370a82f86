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
    fn xml_declaration() {
        let x = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>caf\xe9</rss>";
        assert!(decode_xml(x).contains("café"));
        assert!(decode_xml("<rss>café</rss>".as_bytes()).contains("café"));
    }
}
