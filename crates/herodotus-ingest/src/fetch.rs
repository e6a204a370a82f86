//! The seam for fetching pages. Nothing here touches the network: a
//! [`Fetcher`] is supplied by the caller (an HTTP client later, a map of
//! pages in tests), and [`complete_article`] uses it to replace a feed item's
//! summary with the text of the page it links to.

use crate::error::Result;
use crate::html::{self, PageContext};
use herodotus_core::Article;

/// A fetched page: its bytes and the `Content-Type` it came with.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Fetched {
    /// The response body.
    pub body: Vec<u8>,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
}

/// Something that can fetch a URL.
pub trait Fetcher: Send + Sync {
    /// Fetches the page at `url`.
    fn fetch(&self, url: &str) -> Result<Fetched>;
}

/// Fetches an article's URL and replaces its text with the page's main text,
/// filling metadata the article lacks. The article is unchanged if it has no URL.
pub fn complete_article(article: &mut Article, fetcher: &dyn Fetcher) -> Result<()> {
    let Some(url) = article.url.clone() else {
        return Ok(());
    };
    let fetched = fetcher.fetch(&url)?;
    let ctx = PageContext {
        http_charset: fetched
            .content_type
            .as_deref()
            .and_then(crate::charset::charset_from_content_type)
            .map(str::to_string),
        url: Some(url),
        fallback_date: article.date,
    };
    let page = html::extract_page(&fetched.body, &ctx)?;
    article.text = page.text;
    article.title = article.title.take().or(page.meta.title);
    article.date = article.date.or(page.meta.date);
    if article.authors.is_empty() {
        article.authors = page.meta.authors;
    }
    article.source = article.source.take().or(page.meta.site_name);
    article.language = page.language.or(article.language.take());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::IngestError;
    use std::collections::HashMap;

    struct MapFetcher(HashMap<String, Vec<u8>>);

    impl Fetcher for MapFetcher {
        fn fetch(&self, url: &str) -> Result<Fetched> {
            self.0
                .get(url)
                .map(|b| Fetched {
                    body: b.clone(),
                    content_type: Some("text/html; charset=utf-8".into()),
                })
                .ok_or_else(|| IngestError::Io(std::io::Error::other("not found")))
        }
    }

    #[test]
    fn completes_feed_items_through_the_seam() {
        let mut pages = HashMap::new();
        pages.insert(
            "https://ex.com/a".to_string(),
            b"<html><body><article><p>The full story of the flood, with every detail the summary left out.</p></article></body></html>".to_vec(),
        );
        let f = MapFetcher(pages);
        let mut a = Article::builder()
            .id("a")
            .text("Summary.")
            .url(Some("https://ex.com/a".to_string()))
            .build();
        complete_article(&mut a, &f).unwrap();
        assert!(a.text.starts_with("The full story"));
        let mut b = Article::builder()
            .url(Some("https://ex.com/missing".to_string()))
            .build();
        assert!(complete_article(&mut b, &f).is_err());
    }
}
