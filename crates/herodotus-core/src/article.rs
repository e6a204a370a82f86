//! Articles: the unit of input. Readers for plain text files and JSONL streams.
//!
//! Every reader yields `Result<Article, RecordError>` so one bad record is
//! reported (with file and line) and skipped while the rest is processed.

use crate::date::Date;
use crate::error::RecordError;
use serde::{Deserialize, Serialize};
use std::io::BufRead;

/// One news article: an id, its text and whatever metadata came with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
pub fn decode_utf8(bytes: Vec<u8>, origin: &str) -> Result<String, RecordError> {
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

/// Streams JSONL articles from a reader, one at a time, in constant memory.
/// Blank lines are skipped; over-long lines are reported and skipped.
pub struct JsonlReader<R> {
    reader: R,
    name: String,
    line_no: usize,
    buf: Vec<u8>,
    default_date: Option<Date>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// Wraps a reader; `name` is used in error messages.
    pub fn new(reader: R, name: impl Into<String>, default_date: Option<Date>) -> Self {
        JsonlReader {
            reader,
            name: name.into(),
            line_no: 0,
            buf: Vec::new(),
            default_date,
            done: false,
        }
    }

    /// Reads one line into `buf`, capping what is kept at [`MAX_LINE`].
    /// Returns `Ok(None)` at end of input, `Ok(Some(true))` if the line was too long.
    fn read_line(&mut self) -> std::io::Result<Option<bool>> {
        self.buf.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let avail = match self.reader.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                return Ok(if any { Some(too_long) } else { None });
            }
            any = true;
            let (chunk, used, end) = match memchr::memchr(b'\n', avail) {
                Some(i) => (&avail[..i], i + 1, true),
                None => (avail, avail.len(), false),
            };
            if self.buf.len() + chunk.len() > MAX_LINE {
                too_long = true;
            } else {
                self.buf.extend_from_slice(chunk);
            }
            self.reader.consume(used);
            if end {
                return Ok(Some(too_long));
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Article, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let too_long = match self.read_line() {
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(t)) => t,
                Err(e) => {
                    self.done = true;
                    return Some(Err(RecordError::new(
                        &format!("{}:{}", self.name, self.line_no + 1),
                        format!("read error: {e}"),
                    )));
                }
            };
            self.line_no += 1;
            let origin = format!("{}:{}", self.name, self.line_no);
            if too_long {
                return Some(Err(RecordError::new(
                    &origin,
                    format!("line longer than {MAX_LINE} bytes"),
                )));
            }
            let line = trim_ascii(&self.buf);
            if line.is_empty() {
                continue;
            }
            return Some(article_from_json_line(line, &origin, self.default_date));
        }
        None
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let b = b.strip_suffix(b"\r").unwrap_or(b);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |i| i + 1);
    // A UTF-8 byte order mark on the first line is not part of the JSON.
    let s = &b[start..end];
    s.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(s)
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
    fn jsonl_reports_bad_lines_and_keeps_going() {
        let input = b"{\"id\":\"a\",\"text\":\"x\",\"date\":\"2017-04-12\"}\n\nnot json\n{\"id\":\"b\",\"text\":\"y\",\"date\":\"2017-99-01\"}\n{\"id\":3,\"text\":\"z\"}\n\xff\xfe\n";
        let got: Vec<_> = JsonlReader::new(&input[..], "in.jsonl", None).collect();
        assert_eq!(got.len(), 5);
        assert_eq!(
            got[0].as_ref().unwrap().date.unwrap().to_string(),
            "2017-04-12"
        );
        let e = got[1].as_ref().unwrap_err().to_string();
        assert!(
            e.contains("in.jsonl:3") && e.contains("malformed JSON"),
            "{e}"
        );
        let e = got[2].as_ref().unwrap_err().to_string();
        assert!(
            e.contains("in.jsonl:4") && e.contains("bad date") && e.contains("id b"),
            "{e}"
        );
        assert_eq!(got[3].as_ref().unwrap().id, "3");
        assert!(got[4]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("invalid UTF-8"));
    }

    #[test]
    fn empty_text_file_is_an_error() {
        let e = article_from_text("x/empty.txt", b"  \n".to_vec(), None).unwrap_err();
        assert!(e.to_string().contains("empty.txt") && e.to_string().contains("empty"));
    }
}
