//! herodotus-store: the embedded SQLite event store.
//!
//! One file holds articles (with their text and sentences), coded events,
//! quotes and actor mentions. It is written in WAL mode, one transaction per
//! batch of articles, so an interrupted ingest leaves a consistent database
//! and a re-run completes it; articles are keyed by id and by a hash of their
//! text, so re-ingesting never duplicates anything.
//!
//! ```no_run
//! use herodotus_store::{Store, DyadQuery, Bucketing};
//! let store = Store::open("herodotus.db".as_ref()).unwrap();
//! let q = DyadQuery::new("USA", "RUS", Bucketing::Week);
//! for b in store.dyad_series(&q).unwrap() {
//!     println!("{} {} {:?}", b.start, b.count, b.goldstein_mean);
//! }
//! ```
//!
//! All SQL takes user input through bound parameters only.

mod columns;
mod export;
mod ingest;
#[cfg(feature = "plot")]
pub mod plot;
mod query;
mod schema;
mod series;

pub use export::write_events;
pub use herodotus_pipeline::Format as OutputFormat;
pub use herodotus_pipeline::Processed;
pub use ingest::{IngestOptions, IngestStats, StoreSink};
pub use query::{
    ArticleSummary, DyadCount, EventFilter, SentenceHit, StoredArticle, StoredEvent, StoredMention,
};
pub use series::{Bucket, Bucketing, DyadQuery};

/// Re-exported so the CLI draws the same progress bars without its own dependency.
pub use indicatif;

use herodotus_core::{Article, CodedArticle, Quote};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An SQLite error.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A database written by a newer herodotus.
    #[error("database schema version {found} is newer than this herodotus supports ({supported}); upgrade herodotus")]
    TooNew {
        /// The version found in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// A bad query argument, already phrased for the user.
    #[error("{0}")]
    BadQuery(String),
    /// An I/O error while writing output.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A JSON (de)serialisation error.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

/// Result with the store [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// What happened to one article handed to the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InsertOutcome {
    /// New article stored with its events.
    Inserted,
    /// Same id with different text: the old version and its events were replaced.
    Replaced,
    /// Same id and same text already stored: nothing done.
    Unchanged,
    /// Same text already stored under another id: nothing done.
    Duplicate,
}

/// Row counts of the main tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Articles.
    pub articles: u64,
    /// Events.
    pub events: u64,
    /// Quotes.
    pub quotes: u64,
    /// Sentences (searchable with full-text search).
    pub sentences: u64,
    /// Actor mentions.
    pub mentions: u64,
}

/// The hash that identifies an article's content (128-bit XXH3 of the text, hex).
pub fn content_hash(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// An open event store (one SQLite connection).
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, in WAL mode, and
    /// brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::setup(conn, true)
    }

    /// Opens an existing database for reading only (no migration is run; the
    /// schema must be current). Used by the server's reader connections.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX
                | rusqlite::OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let v = schema::version(&conn)?;
        if v > schema::CURRENT {
            return Err(Error::TooNew {
                found: v,
                supported: schema::CURRENT,
            });
        }
        Ok(Store { conn })
    }

    /// An in-memory store (tests, coding on the fly).
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, false)
    }

    fn setup(conn: Connection, wal: bool) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            // NORMAL in WAL mode: a killed process never corrupts nor loses a
            // committed transaction; only a power cut can drop the latest ones.
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", -65536)?; // 64 MiB
        let mut conn = conn;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The schema version of the open database (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64> {
        schema::version(&self.conn)
    }

    /// The underlying connection, for tools and benchmarks.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// True when an article with this content hash (see [`content_hash`]) is
    /// already stored, under its id or another: coding it again can be skipped.
    pub fn is_known(&self, hash: &str) -> Result<bool> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1 LIMIT 1")?;
        Ok(st.exists(params![hash])?)
    }

    /// Whether an article with this content hash is stored: `None` when not,
    /// `Some(true)` when under `id` itself, `Some(false)` under another id.
    pub fn holder_of(&self, hash: &str, id: &str) -> Result<Option<bool>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?;
        let ids: Vec<String> = st
            .query_map(params![hash], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(if ids.is_empty() {
            None
        } else {
            Some(ids.iter().any(|i| i == id))
        })
    }

    /// Stores one coded article with its events and quotes, in its own
    /// transaction.
    pub fn insert_coded(
        &mut self,
        article: &Article,
        coded: &CodedArticle,
        quotes: &[Quote],
    ) -> Result<InsertOutcome> {
        let tx = self.conn.transaction()?;
        let out = insert_article(&tx, article, coded, quotes, None)?;
        tx.commit()?;
        Ok(out)
    }

    /// Stores a batch of processed articles in one transaction: either all of
    /// them (with all their events) are stored, or none.
    pub fn insert_batch(&mut self, batch: &[(Article, Processed)]) -> Result<Vec<InsertOutcome>> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(batch.len());
        for (a, p) in batch {
            out.push(insert_article(&tx, a, &p.coded, &p.quotes, p.tone)?);
        }
        tx.commit()?;
        Ok(out)
    }

    /// Deletes an article and everything attached to it. Returns whether it existed.
    pub fn delete_article(&mut self, id: &str) -> Result<bool> {
        let n = self
            .conn
            .execute("DELETE FROM articles WHERE id = ?1", params![id])?;
        Ok(n > 0)
    }

    /// Row counts.
    pub fn counts(&self) -> Result<Counts> {
        let c = |t: &str| -> Result<u64> {
            // Table names are constants below, never user input.
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as u64)
        };
        Ok(Counts {
            articles: c("articles")?,
            events: c("events")?,
            quotes: c("quotes")?,
            sentences: c("sentences")?,
            mentions: c("mentions")?,
        })
    }

    /// Lets SQLite refresh the query planner's statistics where they are
    /// stale (cheap; run after an ingest).
    pub fn analyze(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA analysis_limit = 1000; PRAGMA optimize;")?;
        Ok(())
    }
}

fn span_ok(text: &str, s: [usize; 2]) -> bool {
    s[0] <= s[1] && s[1] <= text.len() && text.is_char_boundary(s[0]) && text.is_char_boundary(s[1])
}

fn insert_article(
    tx: &rusqlite::Transaction<'_>,
    a: &Article,
    coded: &CodedArticle,
    quotes: &[Quote],
    tone: Option<f32>,
) -> Result<InsertOutcome> {
    let hash = content_hash(&a.text);
    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT rowid, content_hash FROM articles WHERE id = ?1")?
        .query_row(params![a.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if matches!(&existing, Some((_, h)) if *h == hash) {
        return Ok(InsertOutcome::Unchanged);
    }
    let dup = tx
        .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")?
        .exists(params![hash])?;
    if dup {
        return Ok(InsertOutcome::Duplicate);
    }
    let mut outcome = InsertOutcome::Inserted;
    if let Some((rowid, _)) = existing {
        tx.execute("DELETE FROM articles WHERE rowid = ?1", params![rowid])?;
        outcome = InsertOutcome::Replaced;
    }
    let tone = tone.or_else(|| coded.events.iter().find_map(|e| e.article_tone));
    tx.prepare_cached(
        "INSERT INTO articles (id, content_hash, date, title, url, source, authors, language,
                               text, tone, discarded, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, strftime('%s','now'))",
    )?
    .execute(params![
        a.id,
        hash,
        a.date.map(|d| d.to_days()),
        a.title,
        a.url,
        a.source,
        if a.authors.is_empty() {
            None
        } else {
            Some(serde_json::to_string(&a.authors)?)
        },
        a.language,
        a.text,
        tone,
        coded.discarded,
    ])?;
    let art = tx.last_insert_rowid();

    {
        let mut st = tx.prepare_cached(
            "INSERT INTO sentences (article_rowid, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, s) in coded.sentences.iter().enumerate() {
            if span_ok(&a.text, *s) {
                st.execute(params![
                    art,
                    i as i64,
                    s[0] as i64,
                    s[1] as i64,
                    &a.text[s[0]..s[1]]
                ])?;
            }
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO mentions (article_rowid, sentence_index, start, end, code, name, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for m in &coded.mentions {
            let kind = serde_json::to_value(m.kind)?;
            st.execute(params![
                art,
                m.sentence_index as i64,
                m.span[0] as i64,
                m.span[1] as i64,
                m.code,
                m.name,
                kind.as_str().unwrap_or("other"),
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO quotes (article_rowid, ord, quote, speaker, speaker_code, kind, verb, start, end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, q) in quotes.iter().enumerate() {
            st.execute(params![
                art,
                i as i64,
                q.quote,
                q.speaker,
                q.speaker_code,
                q.kind.as_str(),
                q.verb,
                q.span[0] as i64,
                q.span[1] as i64,
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(columns::insert_sql())?;
        for (ord, e) in coded.events.iter().enumerate() {
            let ctx = columns::Ctx {
                e,
                article: art,
                ord,
                date: a.date,
                tone,
            };
            st.execute(rusqlite::params_from_iter(columns::values(&ctx)))?;
        }
    }
    Ok(outcome)
}

#[cfg(test)]
pub(crate) mod testutil {
    use herodotus_core::{Article, CodedArticle, Date, Event, Mention, Place, Quote};

    /// An event between two actors on a date, in sentence 0 of `text`.
    pub fn event(
        article: &Article,
        src: &str,
        tgt: &str,
        code: &str,
        quad: u8,
        gold: f32,
    ) -> Event {
        let text = &article.text;
        Event {
            article_id: article.id.clone(),
            date: article.date,
            sentence_index: 0,
            sentence: text.clone(),
            source_code: src.into(),
            source_text: "Washington".into(),
            target_code: tgt.into(),
            target_text: "Moscow".into(),
            event_code: code.into(),
            event_root: herodotus_core::CameoCode::new(code).root().into(),
            event_label: "label".into(),
            quad_class: quad,
            goldstein: gold,
            plover: None,
            pattern: "test:1".into(),
            source_span: [0, 10],
            target_span: [20, 26],
            verb_span: [11, 19],
            sentence_span: [0, text.len()],
            is_root_event: true,
            sentence_tone: Some(-1.5),
            article_tone: None,
            action_geo: Some(Place {
                name: "Moscow, Russia".into(),
                kind: 3,
                country_code: "RUS".into(),
                adm1: None,
                lat: 55.75,
                lon: 37.6,
            }),
            source_geo: None,
            target_geo: None,
            quotes: vec![],
        }
    }

    /// An article with `n` USA->RUS events.
    pub fn article(id: &str, date: &str, n: usize) -> (Article, CodedArticle, Vec<Quote>) {
        let text = format!("Washington condemned Moscow over the talks in article {id}.");
        let a = Article {
            id: id.into(),
            text: text.clone(),
            date: Date::parse(date),
            title: Some(format!("Title {id}")),
            ..Article::default()
        };
        let events = (0..n)
            .map(|i| {
                event(
                    &a,
                    "USAGOV",
                    "RUSGOV",
                    if i % 2 == 0 { "111" } else { "036" },
                    if i % 2 == 0 { 3 } else { 1 },
                    if i % 2 == 0 { -2.0 } else { 4.0 },
                )
            })
            .collect();
        let coded = CodedArticle {
            sentences: vec![[0, text.len()]],
            mentions: vec![Mention {
                sentence_index: 0,
                span: [0, 10],
                code: Some("USAGOV".into()),
                name: "Washington".into(),
                kind: herodotus_core::ActorKind::Country,
            }],
            events,
            discarded: false,
            limits: Vec::new(),
        };
        let quotes = vec![Quote {
            article_id: id.into(),
            quote: "over the talks".into(),
            speaker: Some("Washington".into()),
            speaker_code: Some("USAGOV".into()),
            kind: herodotus_core::QuoteKind::Indirect,
            verb: Some("condemned".into()),
            span: [27, 41],
        }];
        (a, coded, quotes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_is_idempotent_and_replaces_changed_text() {
        let mut s = Store::open_in_memory().unwrap();
        let (a, c, q) = testutil::article("a1", "2024-01-10", 3);
        assert_eq!(s.insert_coded(&a, &c, &q).unwrap(), InsertOutcome::Inserted);
        assert_eq!(
            s.insert_coded(&a, &c, &q).unwrap(),
            InsertOutcome::Unchanged
        );
        let n = s.counts().unwrap();
        assert_eq!(
            (n.articles, n.events, n.quotes, n.sentences, n.mentions),
            (1, 3, 1, 1, 1)
        );
        // Same text, other id: a duplicate story, not stored twice.
        let mut b = a.clone();
        b.id = "copy".into();
        assert_eq!(
            s.insert_coded(&b, &c, &q).unwrap(),
            InsertOutcome::Duplicate
        );
        // Same id, new text: replaced, events too.
        let (mut a2, c2, q2) = testutil::article("a1", "2024-01-11", 1);
        a2.text.push_str(" Updated.");
        assert_eq!(
            s.insert_coded(&a2, &c2, &q2).unwrap(),
            InsertOutcome::Replaced
        );
        let n = s.counts().unwrap();
        assert_eq!((n.articles, n.events, n.quotes, n.sentences), (1, 1, 1, 1));
        assert!(s.is_known(&content_hash(&a2.text)).unwrap());
        assert_eq!(s.top_dyads(5, None).unwrap()[0].count, 1);
        assert!(s.delete_article("a1").unwrap());
        assert_eq!(s.counts().unwrap(), Counts::default());
        // The kept dyad counts follow deletions (cascaded from the article).
        assert!(s.top_dyads(5, None).unwrap().is_empty());
    }

    #[test]
    fn schema_version_is_set_and_migration_is_repeatable() {
        let dir = std::env::temp_dir().join(format!("hstore-mig-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("t.db");
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), schema::CURRENT);
        drop(s);
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), schema::CURRENT);
        let r = Store::open_read_only(&p).unwrap();
        assert_eq!(r.counts().unwrap().articles, 0);
        drop((s, r));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
