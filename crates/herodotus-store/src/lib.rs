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
mod merged;
#[cfg(feature = "plot")]
pub mod plot;
mod query;
mod schema;
mod series;

pub use export::{write_events, write_merged};
pub use herodotus_pipeline::Format as OutputFormat;
pub use herodotus_pipeline::Processed;
pub use ingest::{IngestOptions, IngestStats, Progress, StoreSink};
pub use query::{
    ArticleSummary, DyadCount, EventFilter, SentenceHit, StoredArticle, StoredEvent, StoredMention,
};
pub use series::{goldstein_runs, Bucket, Bucketing, DyadQuery};

use herodotus_core::{Article, CodedArticle, Quote};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
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
    /// Same id and text, with new metadata (a date, title, URL... the stored
    /// version lacked or had otherwise), or a forced replace: coded and stored again.
    Updated,
    /// Same id and same text already stored: nothing done.
    Unchanged,
    /// Same text already stored under another id: nothing done.
    Duplicate,
}

/// Row counts of the main tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
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
    /// Merged events (`herodotus merge --db`): one per event over its mentions.
    pub merged_events: u64,
    /// Distinct stories (duplicate clusters) behind the merged events: what the
    /// dashboard counts, rather than copies of one story.
    pub stories: u64,
    /// Articles without a date: their events appear in no time series.
    pub undated: u64,
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

    /// What storing `a` would do, before it is coded, and the date it would be
    /// stored with: an article stored under the same id lends `a` the metadata
    /// `a` lacks (so re-ingesting a file without `--date` keeps the stored
    /// date), unless `replace` is set. [`InsertOutcome::Unchanged`] and
    /// [`InsertOutcome::Duplicate`] mean there is nothing to code.
    pub fn prepare(
        &self,
        a: &Article,
        replace: bool,
    ) -> Result<(InsertOutcome, Option<herodotus_core::Date>)> {
        let mut meta = meta_of(a);
        let outcome = plan(&self.conn, &mut meta, &content_hash(&a.text), replace)?;
        Ok((outcome, meta.date))
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
        let out = insert_article(&tx, article, coded, quotes, None, false)?;
        tx.commit()?;
        Ok(out)
    }

    /// Stores a batch of processed articles in one transaction: either all of
    /// them (with all their events) are stored, or none.
    pub fn insert_batch(&mut self, batch: &[(Article, Processed)]) -> Result<Vec<InsertOutcome>> {
        self.insert_batch_with(batch, false)
    }

    /// [`Store::insert_batch`], and with `replace` every article already stored
    /// under its id is replaced by the given version (metadata as given).
    pub fn insert_batch_with(
        &mut self,
        batch: &[(Article, Processed)],
        replace: bool,
    ) -> Result<Vec<InsertOutcome>> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(batch.len());
        for (a, p) in batch {
            out.push(insert_article(
                &tx, a, &p.coded, &p.quotes, p.tone, replace,
            )?);
        }
        tx.commit()?;
        Ok(out)
    }

    /// The id of the article stored with exactly this text, if any (the paste
    /// page sends a duplicate to it).
    pub fn id_by_text(&self, text: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1 LIMIT 1")?
            .query_row(params![content_hash(text)], |r| r.get(0))
            .optional()?)
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
        let (merged_events, stories) = self.merged_counts()?;
        Ok(Counts {
            articles: c("articles")?,
            events: c("events")?,
            quotes: c("quotes")?,
            sentences: c("sentences")?,
            mentions: c("mentions")?,
            merged_events,
            stories,
            undated: c("articles WHERE date IS NULL")?,
        })
    }

    /// Articles stored without a date (their events are in no series); uses
    /// the date index, cheap on any store.
    pub fn undated_articles(&self) -> Result<u64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM articles WHERE date IS NULL",
            [],
            |r| r.get::<_, i64>(0),
        )? as u64)
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

/// An article's metadata (all but the text), to compare a new version with
/// the stored one.
fn meta_of(a: &Article) -> Article {
    Article::builder()
        .id(a.id.clone())
        .date(a.date)
        .title(a.title.clone())
        .url(a.url.clone())
        .source(a.source.clone())
        .authors(a.authors.clone())
        .language(a.language.clone())
        .build()
}

/// Fills the metadata fields `new` lacks from `old`; true when `new` gives a
/// field that differs from `old` (new metadata worth storing).
fn merge_meta(new: &mut Article, old: &Article) -> bool {
    fn field<T: PartialEq + Clone>(n: &mut Option<T>, o: &Option<T>, changed: &mut bool) {
        match (n.as_ref(), o) {
            (None, Some(_)) => *n = o.clone(),
            (Some(x), o) if o.as_ref() != Some(x) => *changed = true,
            _ => {}
        }
    }
    let mut changed = false;
    field(&mut new.date, &old.date, &mut changed);
    field(&mut new.title, &old.title, &mut changed);
    field(&mut new.url, &old.url, &mut changed);
    field(&mut new.source, &old.source, &mut changed);
    field(&mut new.language, &old.language, &mut changed);
    if new.authors.is_empty() {
        new.authors = old.authors.clone();
    } else if new.authors != old.authors {
        changed = true;
    }
    changed
}

/// The stored version of article `id`: row id, content hash and metadata.
fn stored_meta(conn: &Connection, id: &str) -> Result<Option<(i64, String, Article)>> {
    Ok(conn
        .prepare_cached(
            "SELECT rowid, content_hash, date, title, url, source, authors, language
             FROM articles WHERE id = ?1",
        )?
        .query_row(params![id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                Article::builder()
                    .id(id)
                    .date(
                        r.get::<_, Option<i64>>(2)?
                            .map(herodotus_core::Date::from_days),
                    )
                    .title(r.get(3)?)
                    .url(r.get(4)?)
                    .source(r.get(5)?)
                    .authors(
                        r.get::<_, Option<String>>(6)?
                            .and_then(|s| serde_json::from_str(&s).ok())
                            .unwrap_or_default(),
                    )
                    .language(r.get(7)?)
                    .build(),
            ))
        })
        .optional()?)
}

/// The one decision of what to do with an article (see [`Store::prepare`]);
/// merges the stored metadata into `a` unless `replace`.
fn plan(conn: &Connection, a: &mut Article, hash: &str, replace: bool) -> Result<InsertOutcome> {
    let existing = stored_meta(conn, &a.id)?;
    let changed = match &existing {
        Some((_, _, old)) if !replace => merge_meta(a, old),
        _ => true,
    };
    if let Some((_, h, _)) = &existing {
        if h == hash {
            return Ok(if changed {
                InsertOutcome::Updated
            } else {
                InsertOutcome::Unchanged
            });
        }
    }
    // The same text under another id is one story stored once.
    let dup = conn
        .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1 AND id <> ?2")?
        .exists(params![hash, a.id])?;
    Ok(if dup {
        InsertOutcome::Duplicate
    } else if existing.is_some() {
        InsertOutcome::Replaced
    } else {
        InsertOutcome::Inserted
    })
}

fn insert_article(
    tx: &rusqlite::Transaction<'_>,
    a: &Article,
    coded: &CodedArticle,
    quotes: &[Quote],
    tone: Option<f32>,
    replace: bool,
) -> Result<InsertOutcome> {
    let hash = content_hash(&a.text);
    let mut meta = meta_of(a);
    let outcome = plan(tx, &mut meta, &hash, replace)?;
    match outcome {
        InsertOutcome::Unchanged | InsertOutcome::Duplicate => return Ok(outcome),
        InsertOutcome::Replaced | InsertOutcome::Updated => {
            tx.execute("DELETE FROM articles WHERE id = ?1", params![a.id])?;
        }
        InsertOutcome::Inserted => {}
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
        meta.date.map(|d| d.to_days()),
        meta.title,
        meta.url,
        meta.source,
        if meta.authors.is_empty() {
            None
        } else {
            Some(serde_json::to_string(&meta.authors)?)
        },
        meta.language,
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
            "INSERT INTO quotes (article_rowid, ord, quote, speaker, speaker_code, kind, verb, start, end,
                                 speaker_description)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
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
                q.speaker_description,
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
                date: meta.date,
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
        Event::builder()
            .article_id(article.id.clone())
            .date(article.date)
            .sentence_index(0)
            .sentence(text.clone())
            .source_code(src)
            .source_text("Washington")
            .target_code(tgt)
            .target_text("Moscow")
            .event_code(code)
            .event_root(herodotus_core::CameoCode::new(code).root())
            .event_label("label")
            .quad_class(quad)
            .goldstein(gold)
            .pattern("test:1")
            .source_span([0, 10])
            .target_span([20, 26])
            .verb_span([11, 19])
            .sentence_span([0, text.len()])
            .is_root_event(true)
            .sentence_tone(Some(-1.5))
            .action_geo(Some(Place::new(
                "Moscow, Russia",
                3,
                "RUS",
                None,
                55.75,
                37.6,
            )))
            .build()
    }

    /// An article with `n` USA->RUS events.
    pub fn article(id: &str, date: &str, n: usize) -> (Article, CodedArticle, Vec<Quote>) {
        let text = format!("Washington condemned Moscow over the talks in article {id}.");
        let a = Article::builder()
            .id(id)
            .text(text.clone())
            .date(Date::parse(date))
            .title(Some(format!("Title {id}")))
            .build();
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
        let mut coded = CodedArticle::default();
        coded.sentences = vec![[0, text.len()]];
        coded.mentions = vec![Mention::new(
            0,
            [0, 10],
            Some("USAGOV".into()),
            "Washington",
            herodotus_core::ActorKind::Country,
        )];
        coded.events = events;
        let quotes = vec![Quote::builder(herodotus_core::QuoteKind::Indirect)
            .article_id(id)
            .quote("over the talks")
            .speaker(Some("Washington".into()))
            .speaker_code(Some("USAGOV".into()))
            .verb(Some("condemned".into()))
            .span([27, 41])
            .build()];
        (a, coded, quotes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use herodotus_core::Date;

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

    /// Drives a [`StoreSink`] as `Pipeline::run` does: articles not in
    /// English go to `other_language`, the rest are coded when wanted.
    fn sink_run(
        s: &mut Store,
        articles: Vec<Article>,
        process: &dyn Fn(&Article) -> Processed,
        replace: bool,
    ) -> IngestStats {
        use herodotus_pipeline::EventSink;
        let opts = IngestOptions {
            replace,
            ..IngestOptions::default()
        };
        let mut sink = StoreSink::new(s, &opts);
        for a in articles {
            if a.language.as_deref().is_some_and(|l| l != "en") {
                sink.other_language(a).unwrap();
            } else if sink.wants(&a).unwrap() {
                let p = process(&a);
                sink.write(a, p).unwrap();
            }
        }
        sink.finish().unwrap();
        sink.stats()
    }

    /// Issue 11 item 2: an article stored undated is dated by ingesting it
    /// again with a date (it used to be "already stored" and ignored); an
    /// ingest without the date keeps it; `replace` forces a new coding.
    #[test]
    fn reingest_with_new_metadata_updates_the_article() {
        let mut s = Store::open_in_memory().unwrap();
        let process = |a: &Article| {
            let (_, mut coded, quotes) = testutil::article(&a.id, "2000-01-01", 2);
            for e in &mut coded.events {
                e.date = a.date;
            }
            let mut p = Processed::new(coded);
            p.quotes = quotes;
            p
        };
        let (mut a, _, _) = testutil::article("u1", "2024-03-05", 0);
        a.date = None;
        a.title = None;
        let run = |s: &mut Store, a: &Article, replace: bool| {
            sink_run(s, vec![a.clone()], &process, replace)
        };
        let st = run(&mut s, &a, false);
        assert_eq!((st.inserted, st.undated, st.events), (1, 1, 2));
        assert_eq!(s.counts().unwrap().undated, 1);
        assert!(s
            .dyad_series(&DyadQuery::new("USA", "RUS", Bucketing::Week))
            .unwrap()
            .is_empty());

        // The same text again, now with a date and a title: updated, events dated.
        let mut dated = a.clone();
        dated.date = Date::parse("2024-03-05");
        dated.title = Some("Dated".into());
        let st = run(&mut s, &dated, false);
        assert_eq!(
            (st.updated, st.unchanged, st.undated, st.events),
            (1, 0, 0, 2)
        );
        let stored = s.article("u1").unwrap().unwrap();
        assert_eq!(
            (stored.date, stored.title.as_deref()),
            (dated.date, Some("Dated"))
        );
        assert_eq!(s.counts().unwrap().undated, 0);
        assert_eq!(s.counts().unwrap().events, 2);
        let series = s
            .dyad_series(&DyadQuery::new("USA", "RUS", Bucketing::Week))
            .unwrap();
        assert_eq!(series.iter().map(|b| b.count).sum::<u64>(), 2);

        // Without the date (the first file again): nothing to update, the date stays.
        let st = run(&mut s, &a, false);
        assert_eq!((st.unchanged, st.updated, st.undated), (1, 0, 0));
        assert_eq!(s.article("u1").unwrap().unwrap().date, dated.date);

        // --replace: coded and stored again as given (undated again).
        let st = run(&mut s, &a, true);
        assert_eq!((st.updated, st.undated), (1, 1));
        assert_eq!(s.article("u1").unwrap().unwrap().date, None);
        assert_eq!(s.counts().unwrap().events, 2);

        // The same text under another id is still a duplicate.
        let mut other = dated.clone();
        other.id = "u2".into();
        assert_eq!(run(&mut s, &other, false).duplicates, 1);
        assert_eq!(s.id_by_text(&a.text).unwrap().as_deref(), Some("u1"));
    }

    /// Issue 11 item 4: an article in another language is stored, without
    /// events, and counted (it was coded into nothing, silently).
    #[test]
    fn non_english_articles_are_stored_without_events() {
        let mut s = Store::open_in_memory().unwrap();
        let process = |a: &Article| {
            let (_, coded, quotes) = testutil::article(&a.id, "2024-01-01", 1);
            let mut p = Processed::new(coded);
            p.quotes = quotes;
            p
        };
        let (en, _, _) = testutil::article("en", "2024-01-01", 0);
        let (mut de, _, _) = testutil::article("de", "2024-01-01", 0);
        de.language = Some("de".into());
        de.text = "Washington hat Moskau verurteilt.".into();
        let st = sink_run(&mut s, vec![en, de.clone()], &process, false);
        assert_eq!(
            (st.inserted, st.events, st.non_english_without_events),
            (2, 1, 1)
        );
        let stored = s.article("de").unwrap().unwrap();
        assert!(stored.events.is_empty());
        assert_eq!(stored.language.as_deref(), Some("de"));
        // Again: already stored, not stored twice.
        let st = sink_run(&mut s, vec![de], &process, false);
        assert_eq!((st.unchanged, st.inserted), (1, 0));
    }

    #[test]
    fn an_anonymous_speakers_description_is_stored_and_read_back() {
        let mut s = Store::open_in_memory().unwrap();
        let (a, c, mut q) = testutil::article("anon", "2024-01-10", 1);
        q[0].speaker = None;
        q[0].speaker_code = None;
        q[0].speaker_description = Some("a senior official".into());
        s.insert_coded(&a, &c, &q).unwrap();
        let got = s.article("anon").unwrap().unwrap();
        assert_eq!(
            got.quotes[0].speaker_description.as_deref(),
            Some("a senior official")
        );
        assert_eq!(got.quotes[0].speaker, None);
        // The event's quotes and the quote search read the same column.
        assert_eq!(
            got.events[0].event.quotes[0].speaker_description.as_deref(),
            Some("a senior official")
        );
        let found = s.quotes(None, Some("talks"), 10, 0).unwrap();
        assert_eq!(
            found[0].speaker_description.as_deref(),
            Some("a senior official")
        );
        // A named speaker keeps no description.
        let (b, cb, qb) = testutil::article("named", "2024-01-11", 1);
        s.insert_coded(&b, &cb, &qb).unwrap();
        let got = s.article("named").unwrap().unwrap();
        assert_eq!(got.quotes[0].speaker_description, None);
    }

    #[test]
    fn a_version_2_database_gains_the_description_column() {
        let dir = std::env::temp_dir().join(format!("hstore-mig3-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("v2.db");
        // A database written by the previous schema, with one quote.
        let mut s = Store::open(&p).unwrap();
        let (a, c, q) = testutil::article("old", "2024-01-10", 1);
        s.insert_coded(&a, &c, &q).unwrap();
        s.conn
            .execute_batch("ALTER TABLE quotes DROP COLUMN speaker_description")
            .unwrap();
        s.conn.pragma_update(None, "user_version", 2).unwrap();
        drop(s);
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), schema::CURRENT);
        assert_eq!(schema::CURRENT, 3);
        let got = s.article("old").unwrap().unwrap();
        assert_eq!(got.quotes.len(), 1);
        assert_eq!(got.quotes[0].speaker_description, None);
        assert_eq!(got.quotes[0].speaker.as_deref(), Some("Washington"));
        drop(s);
        std::fs::remove_dir_all(&dir).unwrap();
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
