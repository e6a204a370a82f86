//! Streaming JSONL articles (one JSON object per line) from any reader, in
//! constant memory; each line is parsed by
//! [`herodotus_core::article::article_from_json_line`]. Moved here from the core
//! crate, which does no I/O.

use herodotus_core::article::{article_from_json_line, MAX_LINE};
use herodotus_core::{Article, Date, RecordError};
use std::io::BufRead;

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
}
