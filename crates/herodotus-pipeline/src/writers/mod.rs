//! One writer per output format. Each column list is defined once, in
//! [`columns`], and every command that writes events (`code`, `query`) goes
//! through [`EventWriter`].

pub mod columns;

use crate::{EventSink, Processed, Result};
use herodotus_core::{Article, Event};
use std::io::Write;

/// Output formats of events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// One JSON object per event (the `Event` fields, plus context fields when known).
    Jsonl,
    /// Tab-separated with a header, the columns of [`columns::TABLE`].
    Tsv,
    /// Comma-separated with a header, the columns of [`columns::TABLE`].
    Csv,
}

/// One event with what is known of its context: the store adds its row id and
/// the article's title and URL.
#[derive(Clone, Copy, Debug)]
pub struct EventRow<'a> {
    /// The event.
    pub event: &'a Event,
    /// The store's event id, when stored.
    pub id: Option<i64>,
    /// The article's title.
    pub title: Option<&'a str>,
    /// The article's URL.
    pub url: Option<&'a str>,
}

impl<'a> EventRow<'a> {
    /// A row with no context.
    pub fn new(event: &'a Event) -> EventRow<'a> {
        EventRow {
            event,
            id: None,
            title: None,
            url: None,
        }
    }
}

/// Writes events to `W` in one [`Format`]; also an [`EventSink`].
pub struct EventWriter<W: Write> {
    out: W,
    format: Format,
}

impl<W: Write> EventWriter<W> {
    /// A writer of `format` to `out` (wrap files in a `BufWriter`).
    pub fn new(out: W, format: Format) -> EventWriter<W> {
        EventWriter { out, format }
    }

    /// The header line, for formats that have one.
    pub fn header(&mut self) -> std::io::Result<()> {
        let names = columns::TABLE.iter().map(|c| c.name);
        match self.format {
            Format::Jsonl => Ok(()),
            Format::Tsv => line(&mut self.out, names, '\t', columns::tsv_field),
            Format::Csv => line(&mut self.out, names, ',', columns::csv_field),
        }
    }

    /// One event.
    pub fn write_row(&mut self, row: &EventRow<'_>) -> std::io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, row.event)?;
                self.out.write_all(b"\n")
            }
            Format::Tsv => line(
                &mut self.out,
                columns::values(row),
                '\t',
                columns::tsv_field,
            ),
            Format::Csv => line(&mut self.out, columns::values(row), ',', columns::csv_field),
        }
    }

    /// Flushes and returns the output.
    pub fn into_inner(mut self) -> std::io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

fn line<S: AsRef<str>>(
    out: &mut impl Write,
    fields: impl IntoIterator<Item = S>,
    sep: char,
    quote: fn(&str) -> std::borrow::Cow<'_, str>,
) -> std::io::Result<()> {
    let mut s = String::new();
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            s.push(sep);
        }
        s.push_str(&quote(f.as_ref()));
    }
    s.push('\n');
    out.write_all(s.as_bytes())
}

impl<W: Write> EventSink for EventWriter<W> {
    fn begin(&mut self) -> Result<()> {
        Ok(self.header()?)
    }

    fn write(&mut self, _article: Article, processed: Processed) -> Result<()> {
        for e in &processed.coded.events {
            self.write_row(&EventRow::new(e))?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        Ok(self.out.flush()?)
    }
}
