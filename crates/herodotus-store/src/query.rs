//! Reading the store back: filtered events, articles, quotes, search, top dyads.

use crate::{Error, Result, Store};
use herodotus_core::{Date, Event, Quote};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

/// Which events to return. Every field narrows the selection; empty means "any".
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
#[non_exhaustive]
pub struct EventFilter {
    /// First day (inclusive).
    pub from: Option<Date>,
    /// Last day (inclusive).
    pub to: Option<Date>,
    /// Actor code prefixes; an event matches when its source or target starts with one.
    pub actor: Vec<String>,
    /// Source actor code prefix.
    pub source: Option<String>,
    /// Target actor code prefix.
    pub target: Option<String>,
    /// With both `source` and `target`: also match target->source events.
    pub undirected: bool,
    /// CAMEO event codes (exact).
    pub code: Vec<String>,
    /// CAMEO root codes (two digits).
    pub root: Vec<String>,
    /// QuadClasses (1-4).
    pub quad: Vec<u8>,
    /// ISO 3166-1 alpha-3 country of the action place.
    pub country: Option<String>,
    /// Full-text search over the event sentences (words, `word*` for prefixes).
    pub text: Option<String>,
    /// Only events of this article id.
    pub article: Option<String>,
    /// Attach the quotes that overlap each event's sentence.
    pub with_quotes: bool,
    /// Newest first instead of oldest first.
    pub newest_first: bool,
    /// At most this many events.
    pub limit: Option<usize>,
    /// Skip this many events first.
    pub offset: usize,
}

/// An event as stored: its row id, its article's title and URL, and the event.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StoredEvent {
    /// Row id (stable for the life of the article in the store).
    pub id: i64,
    /// Title of the article, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// URL of the article, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The event.
    #[serde(flatten)]
    pub event: Event,
}

/// An actor mention as stored.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StoredMention {
    /// Sentence index.
    pub sentence_index: usize,
    /// Byte span in the article text.
    pub span: [usize; 2],
    /// Actor code, if resolved.
    pub code: Option<String>,
    /// Canonical name.
    pub name: String,
    /// Kind of actor (`country`, `person`, ...).
    pub kind: String,
}

/// An article with everything stored about it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StoredArticle {
    /// Article id.
    pub id: String,
    /// Publication date.
    pub date: Option<Date>,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Language.
    pub language: Option<String>,
    /// Full text.
    pub text: String,
    /// Article tone, when computed.
    pub tone: Option<f64>,
    /// True when a discard phrase matched.
    pub discarded: bool,
    /// Sentence byte spans.
    pub sentences: Vec<[usize; 2]>,
    /// Actor mentions.
    pub mentions: Vec<StoredMention>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// Events.
    pub events: Vec<StoredEvent>,
}

/// One line of an article listing.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ArticleSummary {
    /// Article id.
    pub id: String,
    /// Publication date.
    pub date: Option<Date>,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Number of events.
    pub events: u64,
}

/// A sentence found by full-text search.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SentenceHit {
    /// Article id.
    pub article_id: String,
    /// Article title.
    pub title: Option<String>,
    /// Article date.
    pub date: Option<Date>,
    /// Sentence index in the article.
    pub sentence_index: usize,
    /// Byte span of the sentence in the article text.
    pub span: [usize; 2],
    /// The sentence.
    pub text: String,
}

/// Event count of one (undirected) pair of actor country codes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DyadCount {
    /// First country code (alphabetically).
    pub a: String,
    /// Second country code.
    pub b: String,
    /// Number of events in either direction.
    pub count: u64,
    /// Mean Goldstein score.
    pub goldstein_mean: f64,
    /// Last event date.
    pub last: Option<Date>,
}

/// Turns user words into a safe FTS5 query: each word quoted (implicit AND),
/// a trailing `*` kept as a prefix search. Returns `None` when no word is left.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .filter_map(|w| {
            let prefix = w.ends_with('*');
            // Control characters go too: FTS5 reads the query as a C string, so a NUL
            // ends it inside a quoted word and the query becomes a syntax error.
            let w: String = w
                .chars()
                .filter(|c| *c != '"' && *c != '*' && !c.is_control())
                .collect();
            if w.is_empty() {
                None
            } else {
                Some(format!("\"{w}\"{}", if prefix { "*" } else { "" }))
            }
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Adds "code starts with `prefix`" for the code/country column pair to `sql`.
/// Uses the country column (indexed) when the prefix is at least 3 characters.
pub(crate) fn prefix_clause(
    sql: &mut String,
    args: &mut Vec<Value>,
    code_col: &str,
    country_col: &str,
    prefix: &str,
) {
    let p = prefix.trim().to_uppercase();
    let n = p.chars().count();
    if n >= 3 {
        args.push(Value::Text(
            herodotus_core::ActorCode::new(&p).country().to_string(),
        ));
        sql.push_str(&format!("{country_col} = ?{}", args.len()));
        if n > 3 {
            args.push(Value::Integer(p.len() as i64));
            args.push(Value::Text(p));
            sql.push_str(&format!(
                " AND substr({code_col}, 1, ?{}) = ?{}",
                args.len() - 1,
                args.len()
            ));
        }
    } else {
        args.push(Value::Integer(p.len() as i64));
        args.push(Value::Text(p));
        sql.push_str(&format!(
            "substr({code_col}, 1, ?{}) = ?{}",
            args.len() - 1,
            args.len()
        ));
    }
}

fn date_of(v: Option<i64>) -> Option<Date> {
    v.map(Date::from_days)
}

fn span(r: &Row<'_>, i: usize) -> rusqlite::Result<[usize; 2]> {
    Ok([
        r.get::<_, i64>(i)? as usize,
        r.get::<_, i64>(i + 1)? as usize,
    ])
}

fn quote_row(r: &Row<'_>) -> rusqlite::Result<Quote> {
    let k: String = r.get(4)?;
    // Only this crate writes the column, from a QuoteKind.
    let kind = k.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, e.into())
    })?;
    Ok(Quote::builder(kind)
        .article_id(r.get::<_, String>(0)?)
        .quote(r.get::<_, String>(1)?)
        .speaker(r.get(2)?)
        .speaker_code(r.get(3)?)
        .verb(r.get(5)?)
        .speaker_description(r.get(8)?)
        .span(span(r, 6)?)
        .build())
}

impl Store {
    /// Builds the WHERE clause (after `WHERE 1`) for a filter.
    pub(crate) fn event_where(
        &self,
        f: &EventFilter,
        sql: &mut String,
        args: &mut Vec<Value>,
    ) -> Result<()> {
        if let Some(d) = f.from {
            args.push(Value::Integer(d.to_days()));
            sql.push_str(&format!(" AND e.date >= ?{}", args.len()));
        }
        if let Some(d) = f.to {
            args.push(Value::Integer(d.to_days()));
            sql.push_str(&format!(" AND e.date <= ?{}", args.len()));
        }
        if !f.actor.is_empty() {
            sql.push_str(" AND (");
            for (i, p) in f.actor.iter().enumerate() {
                if i > 0 {
                    sql.push_str(" OR ");
                }
                sql.push('(');
                prefix_clause(sql, args, "e.source_code", "e.source_country", p);
                sql.push_str(") OR (");
                prefix_clause(sql, args, "e.target_code", "e.target_country", p);
                sql.push(')');
            }
            sql.push(')');
        }
        match (&f.source, &f.target) {
            (Some(s), Some(t)) if f.undirected => {
                sql.push_str(" AND ((");
                prefix_clause(sql, args, "e.source_code", "e.source_country", s);
                sql.push_str(" AND ");
                prefix_clause(sql, args, "e.target_code", "e.target_country", t);
                sql.push_str(") OR (");
                prefix_clause(sql, args, "e.source_code", "e.source_country", t);
                sql.push_str(" AND ");
                prefix_clause(sql, args, "e.target_code", "e.target_country", s);
                sql.push_str("))");
            }
            (s, t) => {
                if let Some(s) = s {
                    sql.push_str(" AND ");
                    prefix_clause(sql, args, "e.source_code", "e.source_country", s);
                }
                if let Some(t) = t {
                    sql.push_str(" AND ");
                    prefix_clause(sql, args, "e.target_code", "e.target_country", t);
                }
            }
        }
        let list = |sql: &mut String, args: &mut Vec<Value>, col: &str, vals: Vec<Value>| {
            sql.push_str(&format!(" AND {col} IN ("));
            for (i, v) in vals.into_iter().enumerate() {
                args.push(v);
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("?{}", args.len()));
            }
            sql.push(')');
        };
        if !f.code.is_empty() {
            let v = f
                .code
                .iter()
                .map(|c| Value::Text(c.trim().into()))
                .collect();
            list(sql, args, "e.event_code", v);
        }
        if !f.root.is_empty() {
            let v = f
                .root
                .iter()
                .map(|c| Value::Text(c.trim().into()))
                .collect();
            list(sql, args, "e.event_root", v);
        }
        if !f.quad.is_empty() {
            if let Some(q) = f.quad.iter().find(|q| !(1..=4).contains(*q)) {
                return Err(Error::BadQuery(format!("QuadClass {q} is not 1-4")));
            }
            let v = f
                .quad
                .iter()
                .map(|q| Value::Integer(i64::from(*q)))
                .collect();
            list(sql, args, "e.quad_class", v);
        }
        if let Some(c) = &f.country {
            args.push(Value::Text(c.trim().to_uppercase()));
            sql.push_str(&format!(" AND e.action_country = ?{}", args.len()));
        }
        if let Some(id) = &f.article {
            args.push(Value::Text(id.clone()));
            sql.push_str(&format!(" AND a.id = ?{}", args.len()));
        }
        if let Some(t) = &f.text {
            if let Some(q) = fts_query(t) {
                args.push(Value::Text(q));
                sql.push_str(&format!(
                    " AND (e.article_rowid, e.sentence_index) IN (SELECT s.article_rowid, s.idx
                       FROM sentences s WHERE s.rowid IN
                       (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?{}))",
                    args.len()
                ));
            }
        }
        Ok(())
    }

    /// Calls `each` for every event matching `filter`, in date order, streaming.
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(StoredEvent) -> Result<()>,
    ) -> Result<()> {
        let mut sql = format!(
            "SELECT {} FROM events e JOIN articles a ON a.rowid = e.article_rowid WHERE 1",
            crate::columns::select_list()
        );
        let mut args = Vec::new();
        self.event_where(filter, &mut sql, &mut args)?;
        let dir = if filter.newest_first { "DESC" } else { "ASC" };
        sql.push_str(&format!(" ORDER BY e.date {dir}, e.rowid {dir}"));
        if filter.limit.is_some() || filter.offset > 0 {
            args.push(Value::Integer(filter.limit.map_or(-1, |l| l as i64)));
            args.push(Value::Integer(filter.offset as i64));
            sql.push_str(&format!(
                " LIMIT ?{} OFFSET ?{}",
                args.len() - 1,
                args.len()
            ));
        }
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(args))?;
        let mut qst = if filter.with_quotes {
            Some(self.conn.prepare_cached(
                "SELECT a.id, q.quote, q.speaker, q.speaker_code, q.kind, q.verb, q.start, q.end, q.speaker_description
                 FROM quotes q JOIN articles a ON a.rowid = q.article_rowid
                 WHERE q.article_rowid = ?1 AND q.start < ?2 AND q.end > ?3 ORDER BY q.ord",
            )?)
        } else {
            None
        };
        while let Some(r) = rows.next()? {
            let (mut ev, art) = crate::columns::read(r)?;
            if let Some(q) = qst.as_mut() {
                let s = ev.event.sentence_span;
                ev.event.quotes = q
                    .query_map(params![art, s[1] as i64, s[0] as i64], quote_row)?
                    .collect::<rusqlite::Result<_>>()?;
            }
            each(ev)?;
        }
        Ok(())
    }

    /// Events matching `filter`, in date order.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Number of events matching `filter` (ignoring its limit and offset).
    pub fn count_events(&self, filter: &EventFilter) -> Result<u64> {
        let mut sql = String::from(
            "SELECT count(*) FROM events e JOIN articles a ON a.rowid = e.article_rowid WHERE 1",
        );
        let mut args = Vec::new();
        self.event_where(filter, &mut sql, &mut args)?;
        let n: i64 = self
            .conn
            .query_row(&sql, params_from_iter(args), |r| r.get(0))?;
        Ok(n as u64)
    }

    /// One event by row id.
    pub fn event(&self, id: i64) -> Result<Option<StoredEvent>> {
        let sql = format!(
            "SELECT {} FROM events e JOIN articles a ON a.rowid = e.article_rowid WHERE e.rowid = ?1",
            crate::columns::select_list()
        );
        Ok(self
            .conn
            .query_row(&sql, params![id], |r| crate::columns::read(r).map(|x| x.0))
            .optional()?)
    }

    /// An article with its sentences, mentions, quotes and events.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let row = self
            .conn
            .query_row(
                "SELECT rowid, id, date, title, url, source, authors, language, text, tone, discarded
                 FROM articles WHERE id = ?1",
                params![id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        StoredArticle {
                            id: r.get(1)?,
                            date: date_of(r.get(2)?),
                            title: r.get(3)?,
                            url: r.get(4)?,
                            source: r.get(5)?,
                            authors: r
                                .get::<_, Option<String>>(6)?
                                .and_then(|s| serde_json::from_str(&s).ok())
                                .unwrap_or_default(),
                            language: r.get(7)?,
                            text: r.get(8)?,
                            tone: r.get(9)?,
                            discarded: r.get(10)?,
                            sentences: vec![],
                            mentions: vec![],
                            quotes: vec![],
                            events: vec![],
                        },
                    ))
                },
            )
            .optional()?;
        let Some((rowid, mut art)) = row else {
            return Ok(None);
        };
        let mut st = self.conn.prepare_cached(
            "SELECT start, end FROM sentences WHERE article_rowid = ?1 ORDER BY idx",
        )?;
        art.sentences = st
            .query_map(params![rowid], |r| span(r, 0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT sentence_index, start, end, code, name, kind FROM mentions
             WHERE article_rowid = ?1 ORDER BY start",
        )?;
        art.mentions = st
            .query_map(params![rowid], |r| {
                Ok(StoredMention {
                    sentence_index: r.get::<_, i64>(0)? as usize,
                    span: span(r, 1)?,
                    code: r.get(3)?,
                    name: r.get(4)?,
                    kind: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT ?2, quote, speaker, speaker_code, kind, verb, start, end, speaker_description FROM quotes
             WHERE article_rowid = ?1 ORDER BY ord",
        )?;
        art.quotes = st
            .query_map(params![rowid, art.id], quote_row)?
            .collect::<rusqlite::Result<_>>()?;
        let sql = format!(
            "SELECT {} FROM events e JOIN articles a ON a.rowid = e.article_rowid
             WHERE e.article_rowid = ?1 ORDER BY e.ord",
            crate::columns::select_list()
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        art.events = st
            .query_map(params![rowid], |r| crate::columns::read(r).map(|x| x.0))?
            .collect::<rusqlite::Result<_>>()?;
        for e in &mut art.events {
            let s = e.event.sentence_span;
            e.event.quotes = art
                .quotes
                .iter()
                .filter(|q| q.span[0] < s[1] && q.span[1] > s[0])
                .cloned()
                .collect();
        }
        Ok(Some(art))
    }

    /// Articles, newest first; `text` narrows to articles with a matching sentence.
    pub fn articles(
        &self,
        text: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ArticleSummary>> {
        let mut args: Vec<Value> = Vec::new();
        let mut sql = String::from(
            "SELECT a.id, a.date, a.title, a.source, a.url,
                (SELECT count(*) FROM events e WHERE e.article_rowid = a.rowid)
             FROM articles a WHERE 1",
        );
        if let Some(q) = text.and_then(fts_query) {
            args.push(Value::Text(q));
            sql.push_str(&format!(
                " AND a.rowid IN (SELECT s.article_rowid FROM sentences s WHERE s.rowid IN
                   (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?{}))",
                args.len()
            ));
        }
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        sql.push_str(&format!(
            " ORDER BY a.date DESC, a.rowid DESC LIMIT ?{} OFFSET ?{}",
            args.len() - 1,
            args.len()
        ));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(args), |r| {
            Ok(ArticleSummary {
                id: r.get(0)?,
                date: date_of(r.get(1)?),
                title: r.get(2)?,
                source: r.get(3)?,
                url: r.get(4)?,
                events: r.get::<_, i64>(5)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Quotes, newest articles first; `speaker` is an actor code prefix or a
    /// speaker name, `text` words that the quote must contain.
    pub fn quotes(
        &self,
        speaker: Option<&str>,
        text: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<Quote>> {
        let mut args: Vec<Value> = Vec::new();
        let mut sql = String::from(
            "SELECT a.id, q.quote, q.speaker, q.speaker_code, q.kind, q.verb, q.start, q.end, q.speaker_description
             FROM quotes q JOIN articles a ON a.rowid = q.article_rowid WHERE 1",
        );
        if let Some(s) = speaker.map(str::trim).filter(|s| !s.is_empty()) {
            args.push(Value::Integer(s.len() as i64));
            args.push(Value::Text(s.to_uppercase()));
            args.push(Value::Text(s.to_string()));
            let n = args.len();
            sql.push_str(&format!(
                " AND (substr(q.speaker_code, 1, ?{}) = ?{} OR q.speaker = ?{n} COLLATE NOCASE)",
                n - 2,
                n - 1
            ));
        }
        if let Some(t) = text.map(str::trim).filter(|s| !s.is_empty()) {
            args.push(Value::Text(t.to_string()));
            sql.push_str(&format!(
                " AND instr(lower(q.quote), lower(?{})) > 0",
                args.len()
            ));
        }
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        sql.push_str(&format!(
            " ORDER BY a.date DESC, q.rowid DESC LIMIT ?{} OFFSET ?{}",
            args.len() - 1,
            args.len()
        ));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(args), quote_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Full-text search over all stored sentences, most recently stored first
    /// (streamed by FTS5, so a common word stays fast on a large store).
    pub fn search(&self, text: &str, limit: usize, offset: usize) -> Result<Vec<SentenceHit>> {
        let Some(q) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.title, a.date, s.idx, s.start, s.end, s.text
             FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid
             JOIN articles a ON a.rowid = s.article_rowid
             WHERE sentences_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2 OFFSET ?3",
        )?;
        let rows = st.query_map(params![q, limit as i64, offset as i64], |r| {
            Ok(SentenceHit {
                article_id: r.get(0)?,
                title: r.get(1)?,
                date: date_of(r.get(2)?),
                sentence_index: r.get::<_, i64>(3)? as usize,
                span: span(r, 4)?,
                text: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The most active pairs of actor countries (either direction, pairs of
    /// two different non-empty codes), most events first. Without `from` this
    /// reads the counts kept at insert time; with it, it counts.
    pub fn top_dyads(&self, limit: usize, from: Option<Date>) -> Result<Vec<DyadCount>> {
        let row = |r: &Row<'_>| {
            Ok(DyadCount {
                a: r.get(0)?,
                b: r.get(1)?,
                count: r.get::<_, i64>(2)? as u64,
                goldstein_mean: r.get(3)?,
                last: date_of(r.get(4)?),
            })
        };
        let rows = match from {
            None => self
                .conn
                .prepare_cached(
                    "SELECT a, b, n, gold / n, last FROM dyad_counts WHERE n > 0
                     ORDER BY n DESC, a, b LIMIT ?1",
                )?
                .query_map(params![limit as i64], row)?
                .collect::<rusqlite::Result<_>>()?,
            Some(d) => self
                .conn
                .prepare_cached(
                    "SELECT min(source_country, target_country) AS x, max(source_country, target_country) AS y,
                            count(*) AS n, avg(goldstein), max(date)
                     FROM events
                     WHERE target_country <> '' AND source_country <> '' AND source_country <> target_country
                       AND date >= ?1
                     GROUP BY x, y ORDER BY n DESC, x, y LIMIT ?2",
                )?
                .query_map(params![d.to_days(), limit as i64], row)?
                .collect::<rusqlite::Result<_>>()?,
        };
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil;

    fn store() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        for (id, d, n) in [
            ("a", "2024-01-01", 2),
            ("b", "2024-01-08", 3),
            ("c", "2024-02-01", 1),
        ] {
            let (a, c, q) = testutil::article(id, d, n);
            s.insert_coded(&a, &c, &q).unwrap();
        }
        s
    }

    #[test]
    fn filters_combine() {
        let s = store();
        let all = s.events(&EventFilter::default()).unwrap();
        assert_eq!(all.len(), 6);
        assert_eq!(all[0].event.article_id, "a");
        assert_eq!(all[0].event, {
            let (a, c, _) = testutil::article("a", "2024-01-01", 2);
            let _ = a;
            c.events[0].clone()
        });
        let f = |f: EventFilter| s.count_events(&f).unwrap();
        assert_eq!(
            f(EventFilter {
                from: Date::parse("2024-01-02"),
                ..Default::default()
            }),
            4
        );
        assert_eq!(
            f(EventFilter {
                to: Date::parse("2024-01-08"),
                ..Default::default()
            }),
            5
        );
        assert_eq!(
            f(EventFilter {
                actor: vec!["rus".into()],
                ..Default::default()
            }),
            6
        );
        assert_eq!(
            f(EventFilter {
                actor: vec!["CHN".into()],
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            f(EventFilter {
                source: Some("USAGOV".into()),
                target: Some("RUS".into()),
                ..Default::default()
            }),
            6
        );
        assert_eq!(
            f(EventFilter {
                source: Some("RUS".into()),
                target: Some("USA".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            f(EventFilter {
                source: Some("RUS".into()),
                target: Some("USA".into()),
                undirected: true,
                ..Default::default()
            }),
            6
        );
        assert_eq!(
            f(EventFilter {
                source: Some("US".into()),
                ..Default::default()
            }),
            6
        );
        assert_eq!(
            f(EventFilter {
                code: vec!["111".into()],
                ..Default::default()
            }),
            4
        );
        assert_eq!(
            f(EventFilter {
                root: vec!["03".into()],
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            f(EventFilter {
                quad: vec![1, 2],
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            f(EventFilter {
                country: Some("rus".into()),
                ..Default::default()
            }),
            6
        );
        assert_eq!(
            f(EventFilter {
                text: Some("article b".into()),
                ..Default::default()
            }),
            3
        );
        assert_eq!(
            f(EventFilter {
                text: Some("condem*".into()),
                ..Default::default()
            }),
            6
        );
        assert_eq!(
            f(EventFilter {
                text: Some("\" OR 1=1 --".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            f(EventFilter {
                article: Some("c".into()),
                ..Default::default()
            }),
            1
        );
        assert!(s
            .count_events(&EventFilter {
                quad: vec![5],
                ..Default::default()
            })
            .is_err());
        let page = s
            .events(&EventFilter {
                limit: Some(2),
                offset: 1,
                newest_first: true,
                with_quotes: true,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(page.len(), 2);
        assert_eq!(page[0].event.article_id, "b");
        assert_eq!(page[0].event.quotes.len(), 1);
        assert_eq!(s.event(page[0].id).unwrap().unwrap().id, page[0].id);
    }

    #[test]
    fn articles_quotes_search_and_dyads() {
        let s = store();
        let a = s.article("b").unwrap().unwrap();
        assert_eq!(
            (
                a.events.len(),
                a.quotes.len(),
                a.mentions.len(),
                a.sentences.len()
            ),
            (3, 1, 1, 1)
        );
        assert_eq!(a.events[0].event.quotes.len(), 1);
        assert!(s.article("zzz").unwrap().is_none());
        let list = s.articles(None, 10, 0).unwrap();
        assert_eq!(
            list.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["c", "b", "a"]
        );
        assert_eq!(list[1].events, 3);
        assert_eq!(s.articles(Some("article a"), 10, 0).unwrap().len(), 1);
        assert_eq!(s.quotes(Some("USA"), None, 10, 0).unwrap().len(), 3);
        assert_eq!(
            s.quotes(Some("washington"), Some("TALKS"), 10, 0)
                .unwrap()
                .len(),
            3
        );
        assert_eq!(s.quotes(Some("CHN"), None, 10, 0).unwrap().len(), 0);
        let hits = s.search("moscow", 10, 0).unwrap();
        assert_eq!(hits.len(), 3);
        assert!(s.search("   ", 10, 0).unwrap().is_empty());
        let d = s.top_dyads(10, None).unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].a.as_str(), d[0].b.as_str(), d[0].count),
            ("RUS", "USA", 6)
        );
        assert_eq!(d[0].last, Date::parse("2024-02-01"));
        assert!((d[0].goldstein_mean - (4.0 * -2.0 + 2.0 * 4.0) / 6.0).abs() < 1e-9);
        assert_eq!(
            s.top_dyads(10, None).unwrap(),
            s.top_dyads(10, Date::parse("2000-01-01")).unwrap()
        );
        let d = s.top_dyads(10, Date::parse("2024-01-05")).unwrap();
        assert_eq!(d[0].count, 4);
    }

    #[test]
    fn fts_queries_are_quoted() {
        assert_eq!(fts_query("a b*").unwrap(), "\"a\" \"b\"*");
        assert_eq!(fts_query("\"x\" OR"), Some("\"x\" \"OR\"".into()));
        assert_eq!(fts_query(" * \" "), None);
    }

    /// Found by the `api` fuzz target: a NUL byte in the search words made the
    /// FTS5 query a syntax error (HTTP 500 from /api/search).
    #[test]
    fn search_with_control_characters_is_not_an_error() {
        assert_eq!(fts_query("NE\0* x\u{1}y").unwrap(), "\"NE\"* \"xy\"");
        assert_eq!(fts_query("\0"), None);
        let s = store();
        assert!(s.search("Putin OR NE\0*(a b)) *", 10, 0).is_ok());
        assert_eq!(
            s.search("mos\0cow", 10, 0).unwrap().len(),
            s.search("moscow", 10, 0).unwrap().len()
        );
    }
}
