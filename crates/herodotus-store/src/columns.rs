//! The `events` table's columns, defined once: each column's name, how its value
//! is computed from an event being stored, and how it is read back into an
//! [`Event`]. The INSERT statement, the SELECT list and the row mapping are all
//! generated from [`EVENTS`], so they cannot drift apart (no `r.get(27)`).

use herodotus_core::{ActorCode, Date, Event, Place};
use rusqlite::types::Value;
use rusqlite::Row;
use std::sync::OnceLock;

/// What an event is stored with besides itself.
pub(crate) struct Ctx<'a> {
    /// The event.
    pub e: &'a Event,
    /// Row id of its article.
    pub article: i64,
    /// Its position among the article's events.
    pub ord: usize,
    /// The article's date (for undated events).
    pub date: Option<Date>,
    /// The article's tone (for events without one).
    pub tone: Option<f32>,
}

type Put = fn(&Ctx<'_>) -> Value;
type Get = fn(&mut Event, &Row<'_>, usize) -> rusqlite::Result<()>;

/// One column of `events`.
pub(crate) struct Col {
    /// Column name.
    pub name: &'static str,
    /// Its value for a new row.
    pub put: Put,
    /// How it is read back; `None` for columns derived for indexes and filters
    /// (the event already holds their source).
    pub get: Option<Get>,
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt_text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, text)
}

fn int(i: i64) -> Value {
    Value::Integer(i)
}

fn real(x: Option<f32>) -> Value {
    x.map_or(Value::Null, |v| Value::Real(f64::from(v)))
}

fn place(p: &Option<Place>) -> Value {
    // A Place is plain strings and numbers: serialising it cannot fail.
    p.as_ref()
        .and_then(|p| serde_json::to_string(p).ok())
        .map_or(Value::Null, Value::Text)
}

fn read_place(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Place>> {
    Ok(r.get::<_, Option<String>>(i)?
        .and_then(|s| serde_json::from_str(&s).ok()))
}

fn usize_at(r: &Row<'_>, i: usize) -> rusqlite::Result<usize> {
    Ok(r.get::<_, i64>(i)? as usize)
}

fn tone_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<f32>> {
    Ok(r.get::<_, Option<f64>>(i)?.map(|v| v as f32))
}

macro_rules! col {
    ($name:literal, $put:expr) => {
        Col {
            name: $name,
            put: $put,
            get: None,
        }
    };
    ($name:literal, $put:expr, $get:expr) => {
        Col {
            name: $name,
            put: $put,
            get: Some($get),
        }
    };
}

/// The columns of `events`, in table order (rowid aside).
pub(crate) const EVENTS: &[Col] = &[
    col!("article_rowid", |c| int(c.article)),
    col!("ord", |c| int(c.ord as i64)),
    col!(
        "date",
        |c| c
            .e
            .date
            .or(c.date)
            .map_or(Value::Null, |d| int(d.to_days())),
        |e, r, i| {
            e.date = r.get::<_, Option<i64>>(i)?.map(Date::from_days);
            Ok(())
        }
    ),
    col!(
        "sentence_index",
        |c| int(c.e.sentence_index as i64),
        |e, r, i| {
            e.sentence_index = usize_at(r, i)?;
            Ok(())
        }
    ),
    col!("sentence", |c| text(&c.e.sentence), |e, r, i| {
        e.sentence = r.get(i)?;
        Ok(())
    }),
    col!("source_code", |c| text(&c.e.source_code), |e, r, i| {
        e.source_code = r.get(i)?;
        Ok(())
    }),
    col!("source_text", |c| text(&c.e.source_text), |e, r, i| {
        e.source_text = r.get(i)?;
        Ok(())
    }),
    col!("source_country", |c| text(
        ActorCode::new(&c.e.source_code).country()
    )),
    col!("target_code", |c| text(&c.e.target_code), |e, r, i| {
        e.target_code = r.get(i)?;
        Ok(())
    }),
    col!("target_text", |c| text(&c.e.target_text), |e, r, i| {
        e.target_text = r.get(i)?;
        Ok(())
    }),
    col!("target_country", |c| text(
        ActorCode::new(&c.e.target_code).country()
    )),
    col!("event_code", |c| text(&c.e.event_code), |e, r, i| {
        e.event_code = r.get(i)?;
        Ok(())
    }),
    col!("event_root", |c| text(&c.e.event_root), |e, r, i| {
        e.event_root = r.get(i)?;
        Ok(())
    }),
    col!("event_label", |c| text(&c.e.event_label), |e, r, i| {
        e.event_label = r.get(i)?;
        Ok(())
    }),
    col!(
        "quad_class",
        |c| int(i64::from(c.e.quad_class)),
        |e, r, i| {
            e.quad_class = r.get(i)?;
            Ok(())
        }
    ),
    col!("goldstein", |c| real(Some(c.e.goldstein)), |e, r, i| {
        e.goldstein = r.get::<_, f64>(i)? as f32;
        Ok(())
    }),
    col!("plover", |c| opt_text(c.e.plover.as_deref()), |e, r, i| {
        e.plover = r.get(i)?;
        Ok(())
    }),
    col!("pattern", |c| text(&c.e.pattern), |e, r, i| {
        e.pattern = r.get(i)?;
        Ok(())
    }),
    col!(
        "source_start",
        |c| int(c.e.source_span[0] as i64),
        |e, r, i| {
            e.source_span[0] = usize_at(r, i)?;
            Ok(())
        }
    ),
    col!(
        "source_end",
        |c| int(c.e.source_span[1] as i64),
        |e, r, i| {
            e.source_span[1] = usize_at(r, i)?;
            Ok(())
        }
    ),
    col!(
        "target_start",
        |c| int(c.e.target_span[0] as i64),
        |e, r, i| {
            e.target_span[0] = usize_at(r, i)?;
            Ok(())
        }
    ),
    col!(
        "target_end",
        |c| int(c.e.target_span[1] as i64),
        |e, r, i| {
            e.target_span[1] = usize_at(r, i)?;
            Ok(())
        }
    ),
    col!("verb_start", |c| int(c.e.verb_span[0] as i64), |e, r, i| {
        e.verb_span[0] = usize_at(r, i)?;
        Ok(())
    }),
    col!("verb_end", |c| int(c.e.verb_span[1] as i64), |e, r, i| {
        e.verb_span[1] = usize_at(r, i)?;
        Ok(())
    }),
    col!(
        "sentence_start",
        |c| int(c.e.sentence_span[0] as i64),
        |e, r, i| {
            e.sentence_span[0] = usize_at(r, i)?;
            Ok(())
        }
    ),
    col!(
        "sentence_end",
        |c| int(c.e.sentence_span[1] as i64),
        |e, r, i| {
            e.sentence_span[1] = usize_at(r, i)?;
            Ok(())
        }
    ),
    col!(
        "is_root_event",
        |c| int(i64::from(c.e.is_root_event)),
        |e, r, i| {
            e.is_root_event = r.get(i)?;
            Ok(())
        }
    ),
    col!("sentence_tone", |c| real(c.e.sentence_tone), |e, r, i| {
        e.sentence_tone = tone_at(r, i)?;
        Ok(())
    }),
    col!(
        "article_tone",
        |c| real(c.e.article_tone.or(c.tone)),
        |e, r, i| {
            e.article_tone = tone_at(r, i)?;
            Ok(())
        }
    ),
    // The tone a series averages: the sentence's, else the article's.
    col!("tone", |c| real(
        c.e.sentence_tone.or(c.e.article_tone).or(c.tone)
    )),
    col!("action_country", |c| {
        opt_text(c.e.action_geo.as_ref().map(|g| g.country_code.as_str()))
    }),
    col!("action_geo", |c| place(&c.e.action_geo), |e, r, i| {
        e.action_geo = read_place(r, i)?;
        Ok(())
    }),
    col!("source_geo", |c| place(&c.e.source_geo), |e, r, i| {
        e.source_geo = read_place(r, i)?;
        Ok(())
    }),
    col!("target_geo", |c| place(&c.e.target_geo), |e, r, i| {
        e.target_geo = read_place(r, i)?;
        Ok(())
    }),
];

/// `INSERT INTO events (...) VALUES (?1, ...)` for [`EVENTS`].
pub(crate) fn insert_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let names: Vec<&str> = EVENTS.iter().map(|c| c.name).collect();
        let params: Vec<String> = (1..=EVENTS.len()).map(|i| format!("?{i}")).collect();
        format!(
            "INSERT INTO events ({}) VALUES ({})",
            names.join(", "),
            params.join(", ")
        )
    })
}

/// The values of a new row, in [`EVENTS`] order.
pub(crate) fn values(c: &Ctx<'_>) -> Vec<Value> {
    EVENTS.iter().map(|col| (col.put)(c)).collect()
}

/// Context columns selected before the event's own: event row id, article id,
/// title, URL and row id (`e` is `events`, `a` is `articles`).
const CONTEXT: &str = "e.rowid, a.id, a.title, a.url, e.article_rowid";

/// The SELECT list that [`read`] maps.
pub(crate) fn select_list() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let mut s = CONTEXT.to_string();
        for c in EVENTS.iter().filter(|c| c.get.is_some()) {
            s.push_str(", e.");
            s.push_str(c.name);
        }
        s
    })
}

/// A row selected with [`select_list`]: the stored event and its article's row id.
pub(crate) fn read(r: &Row<'_>) -> rusqlite::Result<(crate::StoredEvent, i64)> {
    let mut event = Event::builder().article_id(r.get::<_, String>(1)?).build();
    let first = CONTEXT.split(',').count();
    for (k, get) in EVENTS.iter().filter_map(|c| c.get).enumerate() {
        get(&mut event, r, first + k)?;
    }
    Ok((
        crate::StoredEvent {
            id: r.get(0)?,
            title: r.get(2)?,
            url: r.get(3)?,
            event,
        },
        r.get(4)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_is_named_once() {
        let mut names: Vec<&str> = EVENTS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), EVENTS.len());
        assert_eq!(insert_sql().matches('?').count(), EVENTS.len());
    }
}
