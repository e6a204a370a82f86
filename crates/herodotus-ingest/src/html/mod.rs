//! News pages: main text and metadata from HTML.
//!
//! [`extract_page`] decodes the bytes ([`crate::charset`]), parses them with the
//! fast tree builder of [`dom`], reads the [`metadata`] and extracts the main
//! text ([`extract`]).

pub(crate) mod dom;
pub(crate) mod entities;
mod entities_table;
pub(crate) mod extract;
pub(crate) mod metadata;
pub(crate) mod render;

pub use metadata::Metadata;

use crate::error::{IngestError, Result};
use herodotus_core::{Article, Date};

/// Largest page accepted (bigger ones are an error for that record).
pub const MAX_PAGE: usize = 64 << 20;

/// What the caller knows about a page besides its bytes.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct PageContext {
    /// Charset from an HTTP `Content-Type` header.
    pub http_charset: Option<String>,
    /// The URL the page was fetched from (WARC-Target-URI, feed link).
    pub url: Option<String>,
    /// A date known from outside (WARC-Date), used when the page has none.
    pub fallback_date: Option<Date>,
}

/// A page's main text and metadata.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Page {
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// Headline, date, authors, URL, site, declared language.
    pub meta: metadata::Metadata,
    /// Detected (or else declared) language, ISO 639-1.
    pub language: Option<String>,
}

/// Whether bytes look like binary data rather than markup or text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    if head.is_empty() {
        return false;
    }
    // UTF-16 with a BOM is text.
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let bad = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    bad * 20 > head.len()
}

/// Extracts the main text of an already decoded page.
pub fn extract_str(html: &str, ctx: &PageContext) -> Page {
    let doc = dom::Document::parse(html);
    let mut meta = metadata::extract(&doc);
    let paragraphs = extract::main_paragraphs(&doc);
    let mut text = paragraphs.join("\n\n");
    if let Some(body) = meta.article_body.take() {
        text = extract::prefer_json_ld(text, &body);
    }
    if meta.url.is_none() {
        meta.url = ctx.url.clone();
    }
    if meta.date.is_none() {
        meta.date = ctx
            .url
            .as_deref()
            .and_then(metadata::date_from_url)
            .or(ctx.fallback_date);
    }
    let language = crate::language::detect_or_declared(&text, meta.language.as_deref());
    Page {
        text,
        meta,
        language,
    }
}

/// Decodes and extracts a page. Fails on binary data, oversized pages and
/// pages without any text.
pub fn extract_page(bytes: &[u8], ctx: &PageContext) -> Result<Page> {
    if bytes.len() > MAX_PAGE {
        return Err(IngestError::TooLarge { limit: MAX_PAGE });
    }
    if looks_binary(bytes) {
        return Err(IngestError::Binary("HTML"));
    }
    let html = crate::charset::decode_html(bytes, ctx.http_charset.as_deref());
    let page = extract_str(&html, ctx);
    if page.text.trim().is_empty() {
        return Err(IngestError::NoText);
    }
    Ok(page)
}

impl Page {
    /// Turns the page into an article with this id.
    pub fn into_article(self, id: String, default_date: Option<Date>) -> Article {
        Article::builder()
            .id(id)
            .text(self.text)
            .date(self.meta.date.or(default_date))
            .title(self.meta.title)
            .url(self.meta.url)
            .source(self.meta.site_name)
            .authors(self.meta.authors)
            .language(self.language)
            .build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_to_article() {
        let html = b"<html lang=en><head><title>Quiet day</title></head><body><article><p>Nothing much happened in the town today, officials said, and everyone went home early.</p></article></body></html>";
        let page = extract_page(html, &PageContext::default()).unwrap();
        let a = page.into_article("x".into(), None);
        assert!(a.text.starts_with("Nothing much"));
        assert_eq!(a.title.as_deref(), Some("Quiet day"));
        assert_eq!(a.language.as_deref(), Some("en"));
    }

    #[test]
    fn binary_and_empty_are_errors() {
        let bin: Vec<u8> = (0..2000u32).map(|i| (i % 7) as u8).collect();
        assert!(matches!(
            extract_page(&bin, &PageContext::default()),
            Err(IngestError::Binary(_))
        ));
        assert!(matches!(
            extract_page(b"<html><body></body></html>", &PageContext::default()),
            Err(IngestError::NoText)
        ));
    }
}
