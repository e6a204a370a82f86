//! Page metadata: title, publication date, authors, canonical URL, site name,
//! declared language, from JSON-LD, OpenGraph and other `<meta>` tags,
//! `<time>`, `<link rel=canonical>`, and the URL itself.

use super::dom::{AttrName, Document, NodeId, Tag};
use super::render::normalize_space;
use herodotus_core::Date;
use serde_json::Value;

/// What a page says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Authors' names.
    pub authors: Vec<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Site or publisher name.
    pub site_name: Option<String>,
    /// Declared language (ISO 639-1).
    pub language: Option<String>,
    /// JSON-LD `articleBody`, when the page has one.
    pub article_body: Option<String>,
}

#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    date: Option<String>,
    authors: Vec<String>,
    url: Option<String>,
    publisher: Option<String>,
    language: Option<String>,
    body: Option<String>,
    is_article: bool,
}

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting" | "NewsArticle" | "Report" | "LiveBlogPosting"
            )
    };
    match v {
        Value::String(s) => check(s),
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(check)),
        _ => false,
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => {
            let s = normalize_space(s);
            (!s.is_empty()).then_some(s)
        }
        Value::Object(o) => str_of(o.get("name")).or_else(|| str_of(o.get("@id"))),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        _ => None,
    }
}

fn names_of(v: Option<&Value>, out: &mut Vec<String>) {
    match v {
        Some(Value::String(s)) => {
            let s = normalize_space(s);
            if !s.is_empty() && !s.starts_with("http") {
                out.push(s);
            }
        }
        Some(Value::Object(o)) => {
            if let Some(n) = str_of(o.get("name")) {
                out.push(n);
            }
        }
        Some(Value::Array(a)) => {
            for x in a {
                names_of(Some(x), out);
            }
        }
        _ => {}
    }
}

fn collect_ld(v: &Value, out: &mut JsonLd) {
    match v {
        Value::Array(a) => {
            for x in a {
                collect_ld(x, out);
            }
        }
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                collect_ld(g, out);
            }
            let article = o.get("@type").is_some_and(is_article_type);
            if !article && out.is_article {
                return;
            }
            let fresh = article && !out.is_article;
            if fresh {
                out.is_article = true;
            }
            let set = |slot: &mut Option<String>, val: Option<String>| {
                if fresh || slot.is_none() {
                    if let Some(v) = val {
                        *slot = Some(v);
                    }
                }
            };
            if !article && !o.contains_key("headline") && !o.contains_key("datePublished") {
                return;
            }
            set(&mut out.headline, str_of(o.get("headline")));
            set(
                &mut out.date,
                str_of(o.get("datePublished")).or_else(|| str_of(o.get("dateCreated"))),
            );
            set(
                &mut out.url,
                str_of(o.get("url")).or_else(|| str_of(o.get("mainEntityOfPage"))),
            );
            set(&mut out.publisher, str_of(o.get("publisher")));
            set(&mut out.language, str_of(o.get("inLanguage")));
            if let Some(Value::String(b)) = o.get("articleBody") {
                if fresh || out.body.is_none() {
                    out.body = Some(b.clone());
                }
            }
            if fresh || out.authors.is_empty() {
                let mut a = Vec::new();
                names_of(o.get("author").or_else(|| o.get("creator")), &mut a);
                if !a.is_empty() {
                    out.authors = a;
                }
            }
        }
        _ => {}
    }
}

fn parse_ld(doc: &Document) -> JsonLd {
    let mut ld = JsonLd::default();
    for s in doc.elements(Tag::Script) {
        let raw = doc.text_content(s);
        let t = raw.trim();
        let t = t.strip_prefix("<!--").unwrap_or(t);
        let t = t.strip_suffix("-->").unwrap_or(t).trim();
        let t = t.strip_prefix("//<![CDATA[").unwrap_or(t);
        let t = t.strip_suffix("//]]>").unwrap_or(t).trim();
        let t = t.trim_end_matches(';');
        if let Ok(v) = serde_json::from_str::<Value>(t) {
            collect_ld(&v, &mut ld);
        }
    }
    ld
}

/// Parses the many date spellings pages use: ISO 8601 (with any time part),
/// `YYYY/MM/DD`, `YYYYMMDD`, and "November 20, 2019" / "20 Nov 2019".
pub fn parse_date(s: &str) -> Option<Date> {
    parse_date_any(s).filter(|d| (1990..=2100).contains(&d.year))
}

fn parse_date_any(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = Date::parse(s.get(..10).unwrap_or(s)) {
        return Some(d);
    }
    let b = s.as_bytes();
    // A YYYY-MM-DD or YYYY/MM/DD anywhere.
    for i in 0..b.len().saturating_sub(9) {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && matches!(b[i + 4], b'-' | b'/' | b'.')
            && b[i + 5..i + 7].iter().all(u8::is_ascii_digit)
            && b[i + 7] == b[i + 4]
            && b[i + 8..i + 10].iter().all(u8::is_ascii_digit)
        {
            let y = s[i..i + 4].parse().ok()?;
            if let Some(d) = Date::new(
                y,
                s[i + 5..i + 7].parse().ok()?,
                s[i + 8..i + 10].parse().ok()?,
            ) {
                return Some(d);
            }
        }
    }
    month_name_date(s)
}

fn month_of(w: &str) -> Option<u8> {
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = w.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    M.iter().position(|m| w.starts_with(m)).map(|i| i as u8 + 1)
}

fn month_name_date(s: &str) -> Option<Date> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    for i in 0..words.len() {
        let Some(m) = month_of(words[i]) else {
            continue;
        };
        let num = |w: &str| -> Option<u32> {
            let d: String = w.chars().take_while(char::is_ascii_digit).collect();
            d.parse().ok()
        };
        // Month Day Year
        if let (Some(d), Some(y)) = (
            words.get(i + 1).and_then(|w| num(w)),
            words.get(i + 2).and_then(|w| num(w)),
        ) {
            if (1..=31).contains(&d) && (1900..=2100).contains(&y) {
                return Date::new(y as i32, m, d as u8);
            }
        }
        // Day Month Year
        if i > 0 {
            if let (Some(d), Some(y)) = (num(words[i - 1]), words.get(i + 1).and_then(|w| num(w))) {
                if (1..=31).contains(&d) && (1900..=2100).contains(&y) {
                    return Date::new(y as i32, m, d as u8);
                }
            }
        }
    }
    None
}

/// A date in a URL path (`/2019/11/20/`, `/2019-11-20-`).
pub fn date_from_url(url: &str) -> Option<Date> {
    let b = url.as_bytes();
    for i in 0..b.len().saturating_sub(10) {
        if b[i] == b'/'
            && b[i + 1..i + 5].iter().all(u8::is_ascii_digit)
            && matches!(b[i + 5], b'/' | b'-')
            && b[i + 6..i + 8].iter().all(u8::is_ascii_digit)
            && b[i + 8] == b[i + 5]
            && b.get(i + 9..i + 11)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        {
            let y: i32 = url[i + 1..i + 5].parse().ok()?;
            if (1990..=2100).contains(&y) {
                if let Some(d) = Date::new(
                    y,
                    url[i + 6..i + 8].parse().ok()?,
                    url[i + 9..i + 11].parse().ok()?,
                ) {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn clean_author(s: &str) -> Option<String> {
    let s = normalize_space(s);
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(&s)
        .trim();
    if s.is_empty() || s.starts_with("http") || s.len() > 100 {
        None
    } else {
        Some(s.to_string())
    }
}

/// Splits `<title>` text "Headline | Site" into the headline part.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| tail.eq_ignore_ascii_case(s));
            if tail_is_site || (head.len() > tail.len() * 2 && head.split_whitespace().count() >= 3)
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Reads the metadata of a parsed page.
pub fn extract(doc: &Document) -> Metadata {
    let ld = parse_ld(doc);
    let mut metas: Vec<(String, String)> = Vec::new();
    for m in doc.elements(Tag::Meta) {
        let key = doc
            .attr(m, AttrName::Property)
            .or_else(|| doc.attr(m, AttrName::Name))
            .or_else(|| doc.attr(m, AttrName::Itemprop))
            .or_else(|| doc.attr(m, AttrName::HttpEquiv));
        if let (Some(k), Some(v)) = (key, doc.attr(m, AttrName::Content)) {
            let v = normalize_space(v);
            if !v.is_empty() {
                metas.push((k.trim().to_ascii_lowercase(), v));
            }
        }
    }
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()))
    };

    let site_name = meta(&["og:site_name", "application-name"]).or(ld.publisher.clone());

    let title = ld
        .headline
        .clone()
        .or_else(|| meta(&["og:title", "twitter:title", "title", "dc.title"]))
        .or_else(|| {
            doc.elements(Tag::H1)
                .map(|h| normalize_space(&doc.text_content(h)))
                .find(|t| !t.is_empty())
        })
        .or_else(|| {
            doc.elements(Tag::Title)
                .map(|t| normalize_space(&doc.text_content(t)))
                .find(|t| !t.is_empty())
                .map(|t| strip_site_suffix(&t, site_name.as_deref()))
        });

    let url = doc
        .elements(Tag::Link)
        .find(|&l| {
            doc.attr(l, AttrName::Rel)
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
        })
        .and_then(|l| doc.attr(l, AttrName::Href))
        .map(|h| h.trim().to_string())
        .filter(|h| h.starts_with("http"))
        .or_else(|| meta(&["og:url", "twitter:url"]))
        .or_else(|| ld.url.clone().filter(|u| u.starts_with("http")));

    let date = ld
        .date
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            meta(&[
                "article:published_time",
                "og:published_time",
                "datepublished",
                "article.published",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "published_time",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dc.date",
                "dcterms.created",
                "date",
                "citation_publication_date",
                "og:updated_time",
                "article:modified_time",
            ])
            .and_then(|d| parse_date(&d))
        })
        .or_else(|| time_element_date(doc))
        .or_else(|| url.as_deref().and_then(date_from_url));

    let mut authors: Vec<String> = Vec::new();
    for a in &ld.authors {
        if let Some(a) = clean_author(a) {
            if !authors.contains(&a) {
                authors.push(a);
            }
        }
    }
    if authors.is_empty() {
        for k in [
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
        ] {
            for (mk, v) in &metas {
                if mk == k {
                    if let Some(a) = clean_author(v) {
                        if !authors.contains(&a) {
                            authors.push(a);
                        }
                    }
                }
            }
            if !authors.is_empty() {
                break;
            }
        }
    }
    if authors.is_empty() {
        for id in 1..doc.nodes.len() as NodeId {
            let tag = doc.node(id).tag;
            if tag == Tag::Text || tag == Tag::Meta {
                continue;
            }
            let is_author = doc.attr(id, AttrName::Itemprop) == Some("author")
                || (tag == Tag::A
                    && doc
                        .attr(id, AttrName::Rel)
                        .is_some_and(|r| r.eq_ignore_ascii_case("author")));
            if is_author {
                if let Some(a) = clean_author(&doc.text_content(id)) {
                    if !authors.contains(&a) {
                        authors.push(a);
                    }
                }
            }
        }
    }

    let language = doc
        .elements(Tag::Html)
        .next()
        .and_then(|h| doc.attr(h, AttrName::Lang))
        .map(str::to_string)
        .or_else(|| meta(&["content-language", "og:locale", "language"]))
        .or(ld.language.clone())
        .and_then(|l| crate::language::normalize_tag(&l));

    Metadata {
        title,
        date,
        authors,
        url,
        site_name,
        language,
        article_body: ld.body,
    }
}

fn time_element_date(doc: &Document) -> Option<Date> {
    let mut first = None;
    for t in doc.elements(Tag::Time) {
        let d = doc
            .attr(t, AttrName::Datetime)
            .and_then(parse_date)
            .or_else(|| parse_date(&doc.text_content(t)));
        if let Some(d) = d {
            let published = doc
                .attr(t, AttrName::Itemprop)
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                || doc
                    .attr(t, AttrName::Class)
                    .is_some_and(|c| c.to_ascii_lowercase().contains("publish"));
            if published {
                return Some(d);
            }
            first.get_or_insert(d);
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_ld_and_meta() {
        let html = r#"<html lang="en-GB"><head>
<title>Big news today | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2019-11-20T10:00:00Z">
<link rel="canonical" href="https://example.com/news/big">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
 {"@type":"NewsArticle","headline":"Big news, today","datePublished":"2019-11-19T23:00:00-05:00",
  "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
  "articleBody":"Body text."}]}</script>
</head><body><h1>Other</h1></body></html>"#;
        let m = extract(&Document::parse(html));
        assert_eq!(m.title.as_deref(), Some("Big news, today"));
        assert_eq!(m.date.unwrap().to_string(), "2019-11-19");
        assert_eq!(m.authors, vec!["Jane Roe", "John Doe"]);
        assert_eq!(m.url.as_deref(), Some("https://example.com/news/big"));
        assert_eq!(m.site_name.as_deref(), Some("The Example Times"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(m.article_body.as_deref(), Some("Body text."));
    }

    #[test]
    fn falls_back_to_title_time_and_url() {
        let html = r#"<head><title>A headline with words - Site</title>
<meta name="author" content="By Ann Smith"><meta property="og:url" content="https://ex.com/2018/03/04/story"></head>
<body><time>no date</time></body>"#;
        let m = extract(&Document::parse(html));
        assert_eq!(m.title.as_deref(), Some("A headline with words"));
        assert_eq!(m.authors, vec!["Ann Smith"]);
        assert_eq!(m.date.unwrap().to_string(), "2018-03-04");
    }

    #[test]
    fn date_spellings() {
        for (s, want) in [
            ("2019-11-20T10:00:00+01:00", "2019-11-20"),
            ("2019/11/20 10:00", "2019-11-20"),
            ("Published November 20, 2019", "2019-11-20"),
            ("20 Nov. 2019", "2019-11-20"),
            ("Wed, 20 Nov 2019 10:00:00 GMT", "2019-11-20"),
        ] {
            assert_eq!(
                parse_date(s).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{s}"
            );
        }
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("0001-01-01T00:00:00"), None);
    }
}
