//! RSS 2.0 (and RSS 1.0/RDF), Atom and news sitemaps: each item becomes an
//! article with its link (URL), title, date, authors and, where the feed
//! carries it, its content (HTML content is reduced to text).
//!
//! Feeds are parsed with a small forgiving XML scanner (tags, CDATA, entities)
//! so that a malformed feed still yields what can be read. Items whose page
//! must be fetched are left for a [`crate::fetch::Fetcher`].

use crate::html::{self, render::normalize_space};
use herodotus_core::{Article, Date, RecordError};

/// One feed item, before it becomes an article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedItem {
    /// `guid` / Atom `id`.
    pub guid: Option<String>,
    /// The item's link (`link`, Atom `link rel=alternate`, sitemap `loc`).
    pub link: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication date as written.
    pub date: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Summary (`description`, `summary`), often HTML.
    pub summary: Option<String>,
    /// Full content (`content:encoded`, Atom `content`), often HTML.
    pub content: Option<String>,
    /// Declared language of the channel.
    pub language: Option<String>,
}

enum Tok<'a> {
    Start {
        name: String,
        attrs: &'a str,
        empty: bool,
    },
    End(String),
    Text(String),
}

/// A forgiving XML tokenizer.
struct Scanner<'a> {
    s: &'a str,
    i: usize,
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_ascii_lowercase()
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Tok<'a>;
    fn next(&mut self) -> Option<Tok<'a>> {
        let b = self.s.as_bytes();
        loop {
            if self.i >= b.len() {
                return None;
            }
            if b[self.i] != b'<' {
                let end = memchr::memchr(b'<', &b[self.i..]).map_or(b.len(), |o| self.i + o);
                let t = &self.s[self.i..end];
                self.i = end;
                return Some(Tok::Text(html::entities::decode(t).into_owned()));
            }
            let rest = &self.s[self.i..];
            if let Some(r) = rest.strip_prefix("<![CDATA[") {
                let end = r.find("]]>").unwrap_or(r.len());
                self.i += 9 + end + 3.min(r.len() - end);
                return Some(Tok::Text(r[..end].to_string()));
            }
            if rest.starts_with("<!--") {
                self.i += rest.find("-->").map_or(rest.len(), |e| e + 3);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                self.i += rest.find('>').map_or(rest.len(), |e| e + 1);
                continue;
            }
            let end = match memchr::memchr(b'>', &b[self.i..]) {
                Some(o) => self.i + o,
                None => {
                    self.i = b.len();
                    return None;
                }
            };
            let inner = &self.s[self.i + 1..end];
            self.i = end + 1;
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Tok::End(local(name.trim())));
            }
            let empty = inner.ends_with('/');
            let inner = inner.trim_end_matches('/');
            let name_end = inner
                .find(|c: char| c.is_whitespace())
                .unwrap_or(inner.len());
            if name_end == 0 {
                continue;
            }
            return Some(Tok::Start {
                name: local(&inner[..name_end]),
                attrs: &inner[name_end..],
                empty,
            });
        }
    }
}

/// The value of `key="..."` in a tag's attribute text.
fn attr<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(at) = rest.find(key) {
        let before_ok = at == 0 || rest.as_bytes()[at - 1].is_ascii_whitespace();
        let after = rest[at + key.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let body = &v[1..];
                    return body.find(q).map(|e| &body[..e]);
                }
            }
        }
        rest = &rest[at + key.len()..];
    }
    None
}

fn is_field(name: &str) -> bool {
    matches!(
        name,
        "title"
            | "link"
            | "loc"
            | "guid"
            | "id"
            | "pubdate"
            | "published"
            | "date"
            | "issued"
            | "publication_date"
            | "updated"
            | "lastmod"
            | "modified"
            | "description"
            | "summary"
            | "abstract"
            | "encoded"
            | "content"
            | "creator"
            | "author"
    )
}

/// Parses the items of a feed (RSS, Atom, RDF or sitemap).
pub fn parse_items(xml: &str) -> Vec<FeedItem> {
    let mut items = Vec::new();
    let mut cur: Option<FeedItem> = None;
    let mut depth_in_item = 0usize;
    let mut field: Option<String> = None;
    let mut text = String::new();
    let mut in_author = false;
    let mut channel_lang: Option<String> = None;
    let mut in_lang = false;
    for tok in (Scanner { s: xml, i: 0 }) {
        match tok {
            Tok::Start { name, attrs, empty } => {
                if matches!(name.as_str(), "item" | "entry" | "url") && cur.is_none() {
                    cur = Some(FeedItem {
                        language: channel_lang.clone(),
                        ..FeedItem::default()
                    });
                    depth_in_item = 0;
                    continue;
                }
                if cur.is_none() {
                    in_lang = name == "language" && !empty;
                    text.clear();
                    continue;
                }
                let item = cur.as_mut().expect("in item");
                depth_in_item += usize::from(!empty);
                if name == "author" {
                    in_author = !empty;
                }
                if name == "link" {
                    if let Some(href) = attr(attrs, "href") {
                        let rel = attr(attrs, "rel").unwrap_or("alternate");
                        if rel == "alternate" && item.link.is_none() {
                            item.link = Some(href.trim().to_string());
                        }
                    }
                }
                let in_body = matches!(
                    field.as_deref(),
                    Some("encoded" | "content" | "description" | "summary")
                );
                if !empty && !in_body && (is_field(&name) || (in_author && name == "name")) {
                    field = Some(name);
                    text.clear();
                }
            }
            Tok::Text(t) => {
                if field.is_some() || in_lang {
                    text.push_str(&t);
                }
            }
            Tok::End(name) => {
                if cur.is_none() {
                    if in_lang && name == "language" {
                        channel_lang = Some(text.trim().to_string());
                        in_lang = false;
                    }
                    continue;
                }
                if matches!(name.as_str(), "item" | "entry" | "url") && depth_in_item == 0 {
                    if let Some(it) = cur.take() {
                        items.push(it);
                    }
                    field = None;
                    in_author = false;
                    continue;
                }
                depth_in_item = depth_in_item.saturating_sub(1);
                if name == "author" {
                    in_author = false;
                }
                if field.as_deref() == Some(name.as_str()) || (in_author && name == "name") {
                    let item = cur.as_mut().expect("in item");
                    let value = text.trim().to_string();
                    let f = if in_author && name == "name" {
                        "name"
                    } else {
                        name.as_str()
                    };
                    if !value.is_empty() {
                        match f {
                            "title" => item.title.get_or_insert(normalize_space(&value)),
                            "link" | "loc" => item.link.get_or_insert(value),
                            "guid" | "id" => item.guid.get_or_insert(value),
                            "pubdate" | "published" | "date" | "issued" | "publication_date"
                            | "updated" | "lastmod" | "modified" => item.date.get_or_insert(value),
                            "description" | "summary" | "abstract" => {
                                item.summary.get_or_insert(value)
                            }
                            "encoded" | "content" => item.content.get_or_insert(value),
                            "creator" | "author" | "name" => {
                                let n = normalize_space(&value);
                                if !item.authors.contains(&n) {
                                    item.authors.push(n);
                                }
                                &mut String::new()
                            }
                            _ => &mut String::new(),
                        };
                    }
                    if field.as_deref() == Some(name.as_str()) {
                        field = None;
                    }
                    text.clear();
                }
            }
        }
    }
    if let Some(it) = cur {
        items.push(it);
    }
    items
}

/// Text of an HTML fragment (feed content), all of it, without page
/// selection: paragraphs separated by blank lines.
pub fn fragment_text(fragment: &str) -> String {
    if !fragment.contains('<') {
        return normalize_space(fragment);
    }
    let doc = html::dom::Document::parse(fragment);
    html::extract::all_paragraphs(&doc).join("\n\n")
}

impl FeedItem {
    /// The item as an article; `index` numbers items without guid or link.
    pub fn into_article(
        self,
        feed_name: &str,
        index: usize,
        default_date: Option<Date>,
    ) -> Result<Article, RecordError> {
        let id = self
            .guid
            .clone()
            .or_else(|| self.link.clone())
            .unwrap_or_else(|| {
                format!(
                    "{}-{index}",
                    herodotus_core::article::id_from_path(feed_name)
                )
            });
        let origin = format!("{feed_name} (item {id})");
        let text = self
            .content
            .as_deref()
            .map(fragment_text)
            .filter(|t| !t.is_empty())
            .or_else(|| {
                self.summary
                    .as_deref()
                    .map(fragment_text)
                    .filter(|t| !t.is_empty())
            })
            .or_else(|| self.title.clone())
            .unwrap_or_default();
        if text.trim().is_empty() {
            return Err(RecordError::new(
                &origin,
                "item has no title, summary or content",
            ));
        }
        let date = self
            .date
            .as_deref()
            .and_then(html::metadata::parse_date)
            .or_else(|| self.link.as_deref().and_then(html::metadata::date_from_url))
            .or(default_date);
        let declared = self
            .language
            .as_deref()
            .and_then(crate::language::normalize_tag);
        let language = crate::language::detect_or_declared(&text, declared.as_deref());
        Ok(Article {
            id,
            text,
            date,
            title: self.title,
            url: self.link,
            source: None,
            authors: self.authors,
            language,
        })
    }
}

/// Parses a feed file into articles (one result per item).
pub fn parse_feed(
    bytes: &[u8],
    name: &str,
    default_date: Option<Date>,
) -> Vec<Result<Article, RecordError>> {
    if html::looks_binary(bytes) {
        return vec![Err(RecordError::new(name, "binary content, not a feed"))];
    }
    let xml = crate::charset::decode_xml(bytes);
    let items = parse_items(&xml);
    if items.is_empty() {
        return vec![Err(RecordError::new(name, "feed: no items found"))];
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, it)| it.into_article(name, i + 1, default_date))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><language>en-us</language>
<item><title>Talks resume &amp; continue</title><link>https://ex.com/talks</link>
<guid isPermaLink="false">abc-1</guid><pubDate>Wed, 20 Nov 2019 10:00:00 GMT</pubDate>
<dc:creator>Jane Roe</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Negotiators met in Geneva on Wednesday.</p><p>They agreed to meet again, a spokesman said.</p><div class="share">Share</div>]]></content:encoded></item>
<item><title>Only a title</title><link>https://ex.com/2019/11/21/only</link></item>
</channel></rss>"#;

    const ATOM: &str = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<entry><title type="html">Storm hits coast</title><link rel="alternate" href="https://ex.org/storm"/><link rel="edit" href="https://ex.org/edit"/>
<id>tag:ex.org,2019:1</id><published>2019-11-18T08:00:00Z</published><author><name>Ann Smith</name></author>
<content type="html">&lt;p&gt;A storm hit the coast overnight, cutting power to thousands of homes.&lt;/p&gt;</content></entry></feed>"#;

    #[test]
    fn rss_items() {
        let got = parse_feed(RSS.as_bytes(), "f.rss", None);
        assert_eq!(got.len(), 2);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.id, "abc-1");
        assert_eq!(a.title.as_deref(), Some("Talks resume & continue"));
        assert_eq!(a.url.as_deref(), Some("https://ex.com/talks"));
        assert_eq!(a.date.unwrap().to_string(), "2019-11-20");
        assert_eq!(a.authors, vec!["Jane Roe"]);
        assert_eq!(
            a.text,
            "Negotiators met in Geneva on Wednesday.\n\nThey agreed to meet again, a spokesman said."
        );
        let b = got[1].as_ref().unwrap();
        assert_eq!(b.text, "Only a title");
        assert_eq!(b.date.unwrap().to_string(), "2019-11-21");
    }

    #[test]
    fn atom_entries() {
        let got = parse_feed(ATOM.as_bytes(), "f.atom", None);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.url.as_deref(), Some("https://ex.org/storm"));
        assert_eq!(a.authors, vec!["Ann Smith"]);
        assert_eq!(a.date.unwrap().to_string(), "2019-11-18");
        assert!(a.text.starts_with("A storm hit the coast"), "{}", a.text);
        assert_eq!(a.language.as_deref(), Some("en"));
    }

    #[test]
    fn sitemap_and_garbage() {
        let sm = r#"<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://ex.com/a</loc>
<news:news><news:publication_date>2019-11-17</news:publication_date><news:title>Headline A</news:title></news:news></url></urlset>"#;
        let got = parse_feed(sm.as_bytes(), "s.xml", None);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.url.as_deref(), Some("https://ex.com/a"));
        assert_eq!(a.title.as_deref(), Some("Headline A"));
        assert_eq!(a.date.unwrap().to_string(), "2019-11-17");
        let bad = parse_feed(b"<rss><channel>", "bad.rss", None);
        assert!(bad[0].as_ref().unwrap_err().message.contains("no items"));
        for junk in [
            "<item><title>x",
            "<item><<<>>></item>",
            "<![CDATA[",
            "<entry><link href='x",
        ] {
            let _ = parse_feed(junk.as_bytes(), "j.rss", None);
        }
    }
}
