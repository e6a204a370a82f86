//! One writer per output format, for every command that writes events (`code`,
//! `query`): [`EventWriter`]. The column lists are defined once, in [`columns`].
//!
//! | format  | columns                          | framing                         |
//! |---------|----------------------------------|---------------------------------|
//! | JSONL   | the `Event` fields (+ context)   | one object per line             |
//! | CSV     | [`columns::CSV`]                 | header, RFC 4180 (`csv` crate)  |
//! | GDELT   | [`columns::GDELT`] (61)          | tab-separated, no header        |
//! | Parquet | [`columns::CSV`], typed          | feature `parquet`               |

pub(crate) mod columns;
#[cfg(feature = "parquet")]
mod parquet;

use crate::{EventSink, Processed, Result};
use columns::Column;
use herodotus_core::{Article, Event};
use serde::Serialize;
use std::io::Write;

/// Output formats of events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// One JSON object per event: the `Event` fields, plus `id`, `title` and `url`
    /// when the row has them (events from the store do).
    Jsonl,
    /// Comma-separated with a header, [`columns::CSV`].
    Csv,
    /// The GDELT 2.0 event table: [`columns::GDELT`], tab-separated, no header.
    Gdelt,
    /// Apache Parquet, the [`columns::CSV`] columns with their types (needs the
    /// cargo feature `parquet`).
    Parquet,
}

impl Format {
    /// True when this build can write the format.
    pub fn available(self) -> bool {
        self != Format::Parquet || cfg!(feature = "parquet")
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "json" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "tsv" | "gdelt" => Ok(Format::Gdelt),
            "parquet" => Ok(Format::Parquet),
            _ => Err(format!(
                "bad format {s:?}: expected jsonl, csv, tsv (GDELT) or parquet"
            )),
        }
    }
}

/// GDELT's counts of a merged event (NumMentions, NumSources, NumArticles,
/// AvgTone); a single coded event counts as 1, 1, 1 and its own tone.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Counts {
    /// All mentions, repeats included.
    pub num_mentions: usize,
    /// Distinct publishers.
    pub num_sources: usize,
    /// Distinct documents.
    pub num_articles: usize,
    /// Mean tone of the distinct documents.
    pub avg_tone: f32,
}

impl Counts {
    /// The counts of a merged event: mentions, distinct publishers, distinct
    /// documents and their mean tone.
    pub fn new(
        num_mentions: usize,
        num_sources: usize,
        num_articles: usize,
        avg_tone: f32,
    ) -> Counts {
        Counts {
            num_mentions,
            num_sources,
            num_articles,
            avg_tone,
        }
    }
}

/// One event with what is known of its context: the store adds its row id and
/// the article's title and URL; merged events add their counts.
#[derive(Clone, Copy, Debug, Serialize)]
#[non_exhaustive]
pub struct EventRow<'a> {
    /// The store's event id, when stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The article's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// The article's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// The event.
    #[serde(flatten)]
    pub event: &'a Event,
    /// Counts over mentions, for merged events.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
}

impl<'a> EventRow<'a> {
    /// A row with no context.
    pub fn new(event: &'a Event) -> EventRow<'a> {
        EventRow {
            event,
            id: None,
            title: None,
            url: None,
            counts: None,
        }
    }
}

enum Inner<W: Write + Send> {
    Jsonl(W),
    // Boxed: the csv writer carries its own buffer, much larger than a `W`.
    Csv(Box<csv::Writer<W>>),
    Gdelt(W),
    #[cfg(feature = "parquet")]
    // Boxed: column builders and the Arrow writer are large.
    Parquet(Box<parquet::ParquetEvents<W>>),
}

/// Writes events to `W` in one [`Format`]; also an [`EventSink`] (each
/// processed article's events, in order).
pub struct EventWriter<W: Write + Send> {
    inner: Inner<W>,
    header_done: bool,
}

impl<W: Write + Send> EventWriter<W> {
    /// A writer of `format` to `out` (text formats buffer nothing themselves:
    /// wrap files in a `BufWriter`). Fails only for a format this build lacks.
    pub fn new(out: W, format: Format) -> Result<EventWriter<W>> {
        let inner = match format {
            Format::Jsonl => Inner::Jsonl(out),
            Format::Gdelt => Inner::Gdelt(out),
            Format::Csv => Inner::Csv(Box::new(
                csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(out),
            )),
            #[cfg(feature = "parquet")]
            Format::Parquet => {
                Inner::Parquet(Box::new(parquet::ParquetEvents::new(out, columns::CSV)?))
            }
            #[cfg(not(feature = "parquet"))]
            Format::Parquet => return Err(crate::Error::Unavailable(
                "parquet output is not built in this herodotus: rebuild with `--features parquet` (see the README)",
            )),
        };
        Ok(EventWriter {
            inner,
            header_done: false,
        })
    }

    /// The header line, for formats that have one (written once).
    pub fn header(&mut self) -> Result<()> {
        if std::mem::replace(&mut self.header_done, true) {
            return Ok(());
        }
        if let Inner::Csv(w) = &mut self.inner {
            w.write_record(columns::CSV.iter().map(|c| c.name))
                .map_err(csv_error)?;
        }
        Ok(())
    }

    /// One event.
    pub fn write_row(&mut self, row: &EventRow<'_>) -> Result<()> {
        self.header()?;
        match &mut self.inner {
            Inner::Jsonl(out) => {
                serde_json::to_writer(&mut *out, row).map_err(std::io::Error::from)?;
                out.write_all(b"\n")?;
            }
            Inner::Csv(w) => w
                .write_record(texts(columns::CSV, row))
                .map_err(csv_error)?,
            Inner::Gdelt(out) => {
                let mut line = String::new();
                for (i, c) in columns::GDELT.iter().enumerate() {
                    if i > 0 {
                        line.push('\t');
                    }
                    line.push_str(&columns::tsv_field(&c.field.value(row).text()));
                }
                line.push('\n');
                out.write_all(line.as_bytes())?;
            }
            #[cfg(feature = "parquet")]
            Inner::Parquet(p) => p.push(row)?,
        }
        Ok(())
    }

    /// Writes what is pending (a Parquet file's last row group and footer) and
    /// flushes. Call once at the end.
    pub fn finish(&mut self) -> Result<()> {
        self.header()?;
        match &mut self.inner {
            Inner::Jsonl(out) | Inner::Gdelt(out) => out.flush()?,
            Inner::Csv(w) => w.flush()?,
            #[cfg(feature = "parquet")]
            Inner::Parquet(p) => p.finish()?,
        }
        Ok(())
    }

    /// Finishes and returns the output.
    pub fn into_inner(mut self) -> Result<W> {
        self.finish()?;
        Ok(match self.inner {
            Inner::Jsonl(out) | Inner::Gdelt(out) => out,
            Inner::Csv(w) => w.into_inner().map_err(|e| e.into_error())?,
            #[cfg(feature = "parquet")]
            Inner::Parquet(p) => (*p).into_inner()?,
        })
    }
}

fn texts<'r>(cols: &'static [Column], row: &'r EventRow<'_>) -> impl Iterator<Item = String> + 'r {
    cols.iter()
        .map(move |c| c.field.value(row).text().into_owned())
}

fn csv_error(e: csv::Error) -> crate::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => crate::Error::Io(io),
        other => crate::Error::Io(std::io::Error::other(format!("{other:?}"))),
    }
}

impl<W: Write + Send> EventSink for EventWriter<W> {
    fn begin(&mut self) -> Result<()> {
        self.header()
    }

    fn write(&mut self, _article: Article, processed: Processed) -> Result<()> {
        for e in &processed.coded.events {
            self.write_row(&EventRow::new(e))?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        EventWriter::finish(self)
    }
}
