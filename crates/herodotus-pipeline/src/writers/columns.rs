//! The column lists of the tabular formats, each defined once.

use super::EventRow;
use std::borrow::Cow;

/// One output column: its name and how to get its value.
pub struct Column {
    /// Header name (GDELT's where GDELT has the field).
    pub name: &'static str,
    /// The value of the column for one row.
    pub value: fn(&EventRow<'_>) -> String,
}

/// The columns of the TSV and CSV outputs of `herodotus code` (GDELT order where
/// GDELT has the field).
pub const TABLE: &[Column] = &[
    Column {
        name: "article_id",
        value: |r| r.event.article_id.clone(),
    },
    Column {
        name: "SQLDATE",
        value: |r| {
            r.event
                .date
                .map(|d| d.to_sqldate().to_string())
                .unwrap_or_default()
        },
    },
    Column {
        name: "Actor1Code",
        value: |r| r.event.source_code.clone(),
    },
    Column {
        name: "Actor1Name",
        value: |r| r.event.source_text.clone(),
    },
    Column {
        name: "Actor2Code",
        value: |r| r.event.target_code.clone(),
    },
    Column {
        name: "Actor2Name",
        value: |r| r.event.target_text.clone(),
    },
    Column {
        name: "IsRootEvent",
        value: |r| u8::from(r.event.is_root_event).to_string(),
    },
    Column {
        name: "EventCode",
        value: |r| r.event.event_code.clone(),
    },
    Column {
        name: "EventBaseCode",
        value: |r| {
            r.event
                .event_code
                .get(..3)
                .unwrap_or(&r.event.event_code)
                .to_string()
        },
    },
    Column {
        name: "EventRootCode",
        value: |r| r.event.event_root.clone(),
    },
    Column {
        name: "QuadClass",
        value: |r| r.event.quad_class.to_string(),
    },
    Column {
        name: "GoldsteinScale",
        value: |r| format!("{:.1}", r.event.goldstein),
    },
    Column {
        name: "PLOVER",
        value: |r| r.event.plover.clone().unwrap_or_default(),
    },
    Column {
        name: "EventLabel",
        value: |r| r.event.event_label.clone(),
    },
    Column {
        name: "sentence_index",
        value: |r| r.event.sentence_index.to_string(),
    },
    Column {
        name: "pattern",
        value: |r| r.event.pattern.clone(),
    },
    Column {
        name: "sentence",
        value: |r| r.event.sentence.clone(),
    },
];

/// The values of [`TABLE`] for one row.
pub fn values<'r>(row: &'r EventRow<'_>) -> impl Iterator<Item = String> + 'r {
    TABLE.iter().map(move |c| (c.value)(row))
}

/// A TSV field: tabs and line breaks become spaces.
pub fn tsv_field(s: &str) -> Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        Cow::Owned(s.replace(['\t', '\n', '\r'], " "))
    } else {
        Cow::Borrowed(s)
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}
