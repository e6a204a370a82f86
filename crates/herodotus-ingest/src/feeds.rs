//! RSS 2.0 (and RSS 1.0/RDF), Atom and news sitemaps: each item becomes an
//! article with its link (URL), title, date, authors and, where the feed
//! carries it, its content (HTML content is reduced to text).
//!
//! Feeds are read with `quick-xml`, configured to forgive (end tags need not
//! match, reading goes on after a syntax error) so that a malformed feed still
//! yields what can be read. Items whose page
//! must be fetched are left for a [`crate::fetch::Fetcher`].

use crate::html::{self, render::normalize_space};
use herodotus_core::{Article, Date, RecordError};
use quick_xml::events::{BytesStart, Event as XmlEvent};
use quick_xml::Reader;

/// One feed item, before it becomes an article.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct FeedItem {
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

enum Tok {
    Start {
        name: String,
        /// `href` and `rel`, the only attributes read (entities decoded).
        href: Option<String>,
        rel: Option<String>,
        empty: bool,
    },
    End(String),
    Text(String),
}

/// A forgiving XML tokenizer over `quick-xml`: end tags need not match, text
/// entities are decoded as HTML's (feeds use `&nbsp;` and friends), and after
/// a syntax error reading goes on past it (or stops, if it cannot).
struct Scanner<'a> {
    reader: Reader<&'a [u8]>,
}

impl<'a> Scanner<'a> {
    fn new(xml: &'a str) -> Scanner<'a> {
        let mut reader = Reader::from_str(xml);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        Scanner { reader }
    }
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    name.rsplit(':')
        .next()
        .unwrap_or(&name)
        .to_ascii_lowercase()
}

/// The value of attribute `key` (case-insensitive, any prefix) of a start tag.
fn attr(tag: &BytesStart<'_>, key: &str) -> Option<String> {
    tag.attributes()
        .with_checks(false)
        .filter_map(|a| a.ok())
        .find(|a| local(a.key.as_ref()) == key)
        .map(|a| html::entities::decode(&String::from_utf8_lossy(&a.value)).into_owned())
}

impl Iterator for Scanner<'_> {
    type Item = Tok;
    fn next(&mut self) -> Option<Tok> {
        loop {
            let before = self.reader.buffer_position();
            let ev = match self.reader.read_event() {
                Ok(ev) => ev,
                // Skip what could not be read; stop where nothing was consumed.
                Err(_) if self.reader.buffer_position() > before => continue,
                Err(_) => return None,
            };
            return Some(match ev {
                XmlEvent::Start(ref t) | XmlEvent::Empty(ref t) => {
                    let name = local(t.name().as_ref());
                    if name.is_empty() {
                        continue;
                    }
                    Tok::Start {
                        name,
                        href: attr(t, "href"),
                        rel: attr(t, "rel"),
                        empty: matches!(ev, XmlEvent::Empty(_)),
                    }
                }
                XmlEvent::End(t) => Tok::End(local(t.name().as_ref())),
                XmlEvent::Text(t) => {
                    Tok::Text(html::entities::decode(&String::from_utf8_lossy(&t)).into_owned())
                }
                XmlEvent::CData(t) => Tok::Text(String::from_utf8_lossy(&t).into_owned()),
                XmlEvent::Eof => return None,
                _ => continue,
            });
        }
    }
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
pub(crate) fn parse_items(xml: &str) -> Vec<FeedItem> {
    let mut items = Vec::new();
    let mut cur: Option<FeedItem> = None;
    let mut depth_in_item = 0usize;
    let mut field: Option<String> = None;
    let mut text = String::new();
    let mut in_author = false;
    let mut channel_lang: Option<String> = None;
    let mut in_lang = false;
    for tok in Scanner::new(xml) {
        match tok {
            Tok::Start {
                name,
                href,
                rel,
                empty,
            } => {
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
                    if let Some(href) = href {
                        let rel = rel.as_deref().unwrap_or("alternate");
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
pub(crate) fn fragment_text(fragment: &str) -> String {
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
        Ok(Article::builder()
            .id(id)
            .text(text)
            .date(date)
            .title(self.title)
            .url(self.link)
            .authors(self.authors)
            .language(language)
            .build())
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

    /// Attribute values are XML: entities decoded, a `>` inside quotes is not the
    /// end of the tag (the hand-written scanner kept `&amp;` in links and cut
    /// the tag at the first `>`).
    #[test]
    fn attributes_are_read_as_xml() {
        let atom = r#"<feed><entry><title type="text" alt="a > b">Storm</title>
<link rel="alternate" href="https://ex.org/a?x=1&amp;y=2"/><updated>2019-11-18</updated></entry></feed>"#;
        let items = parse_items(atom);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].title.as_deref(), Some("Storm"));
        assert_eq!(items[0].link.as_deref(), Some("https://ex.org/a?x=1&y=2"));
        // A malformed item before a good one: the good one is still read.
        let rss = "<rss><item><title>a < b</title></item><item><title>Talks</title></item></rss>";
        let titles: Vec<_> = parse_items(rss).into_iter().map(|i| i.title).collect();
        assert_eq!(
            titles.last(),
            Some(&Some("Talks".to_string())),
            "{titles:?}"
        );
    }
}
