//! Articles: the unit of input. Readers for plain text files and JSONL streams.
//!
//! Every reader yields `Result<Article, RecordError>` so one bad record is
//! reported (with file and line) and skipped while the rest is processed.

use crate::date::Date;
use crate::error::RecordError;
use serde::{Deserialize, Serialize};

/// One news article: an id, its text and whatever metadata came with it.
///
/// The struct is `#[non_exhaustive]`: outside this crate, build one with
/// [`Article::builder`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Article {
    /// Stable identifier (file name without extensions, JSONL `id`, WARC record id).
    pub id: String,
    /// The main text. Paragraphs are separated by blank lines.
    pub text: String,
    /// Publication date, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Canonical URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publisher or site name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Authors, as the page names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// ISO 639-1 language code, if detected or given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Article {
    /// A builder that starts from the empty article (`Article::default()`).
    pub fn builder() -> ArticleBuilder {
        ArticleBuilder(Article::default())
    }
}

/// Builds an [`Article`] field by field; each setter is named after its field.
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct ArticleBuilder(Article);

setters! {
    ArticleBuilder, Article;
    strings: id, text;
    others:
    date: Option<Date>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    authors: Vec<String>,
    language: Option<String>,
}

impl ArticleBuilder {
    /// The article.
    pub fn build(self) -> Article {
        self.0
    }
}

/// The JSONL record as users write it; dates arrive as strings so a bad one can
/// be reported with its line instead of failing the whole record silently.
#[derive(Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    language: Option<String>,
}

/// Longest JSONL line accepted (64 MiB); longer lines are reported and skipped.
pub const MAX_LINE: usize = 64 << 20;

/// The id of a plain-text file: its name without directories and extensions
/// (`data/story.txt.gz` -> `story`).
pub fn id_from_path(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.find('.') {
        Some(0) | None => name.to_string(),
        Some(i) => name[..i].to_string(),
    }
}

/// Decodes bytes as UTF-8, naming the byte offset of the first bad sequence.
pub(crate) fn decode_utf8(bytes: Vec<u8>, origin: &str) -> Result<String, RecordError> {
    String::from_utf8(bytes).map_err(|e| {
        RecordError::new(
            origin,
            format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        )
    })
}

/// Builds an [`Article`] from a plain text body.
pub fn article_from_text(
    path: &str,
    bytes: Vec<u8>,
    default_date: Option<Date>,
) -> Result<Article, RecordError> {
    let text = decode_utf8(bytes, path)?;
    if text.trim().is_empty() {
        return Err(RecordError::new(path, "empty file"));
    }
    Ok(Article {
        id: id_from_path(path),
        text,
        date: default_date,
        ..Article::default()
    })
}

/// Parses one JSONL line into an article. `origin` is `file:line` for messages.
pub fn article_from_json_line(
    line: &[u8],
    origin: &str,
    default_date: Option<Date>,
) -> Result<Article, RecordError> {
    let line = std::str::from_utf8(line).map_err(|e| {
        RecordError::new(origin, format!("invalid UTF-8 at byte {}", e.valid_up_to()))
    })?;
    let rec: JsonArticle = serde_json::from_str(line)
        .map_err(|e| RecordError::new(origin, format!("malformed JSON: {e}")))?;
    let id = match rec.id {
        serde_json::Value::String(s) if !s.is_empty() => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => {
            return Err(RecordError::new(
                origin,
                "record has no usable `id` (a non-empty string or number)",
            ))
        }
    };
    let origin_id = format!("{origin} (id {id})");
    let text = rec
        .text
        .ok_or_else(|| RecordError::new(&origin_id, "record has no `text`"))?;
    let date = match rec.date.as_deref().map(str::trim) {
        None | Some("") => default_date,
        Some(d) => Some(Date::parse(d).ok_or_else(|| {
            RecordError::new(&origin_id, format!("bad date {d:?}: expected YYYY-MM-DD"))
        })?),
    };
    Ok(Article {
        id,
        text,
        date,
        title: rec.title,
        url: rec.url,
        source: rec.source,
        authors: rec.authors,
        language: rec.language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_paths() {
        assert_eq!(id_from_path("a/b/story.txt"), "story");
        assert_eq!(id_from_path("abc.html.gz"), "abc");
        assert_eq!(id_from_path("noext"), "noext");
    }

    #[test]
    fn empty_text_file_is_an_error() {
        let e = article_from_text("x/empty.txt", b"  \n".to_vec(), None).unwrap_err();
        assert!(e.to_string().contains("empty.txt") && e.to_string().contains("empty"));
    }
}
