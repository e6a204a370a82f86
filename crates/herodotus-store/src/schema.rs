//! Versioned schema migrations, tracked with `PRAGMA user_version`.

use crate::{Error, Result};
use rusqlite::Connection;

/// Migrations in order; migration `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: articles, sentences (+ FTS5), mentions, quotes, events.
    r#"
    CREATE TABLE articles (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        date         INTEGER,            -- days since 1970-01-01
        title        TEXT,
        url          TEXT,
        source       TEXT,
        authors      TEXT,               -- JSON array
        language     TEXT,
        text         TEXT NOT NULL,
        tone         REAL,
        discarded    INTEGER NOT NULL DEFAULT 0,
        ingested_at  INTEGER NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_date ON articles(date);

    CREATE TABLE sentences (
        rowid         INTEGER PRIMARY KEY,
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        idx           INTEGER NOT NULL,
        start         INTEGER NOT NULL,
        end           INTEGER NOT NULL,
        text          TEXT NOT NULL
    );
    CREATE INDEX sentences_article ON sentences(article_rowid, idx);
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;

    CREATE TABLE mentions (
        rowid          INTEGER PRIMARY KEY,
        article_rowid  INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        sentence_index INTEGER NOT NULL,
        start          INTEGER NOT NULL,
        end            INTEGER NOT NULL,
        code           TEXT,
        name           TEXT NOT NULL,
        kind           TEXT NOT NULL
    );
    CREATE INDEX mentions_article ON mentions(article_rowid);

    CREATE TABLE quotes (
        rowid         INTEGER PRIMARY KEY,
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        ord           INTEGER NOT NULL,
        quote         TEXT NOT NULL,
        speaker       TEXT,
        speaker_code  TEXT,
        kind          TEXT NOT NULL,
        verb          TEXT,
        start         INTEGER NOT NULL,
        end           INTEGER NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_rowid);
    CREATE INDEX quotes_speaker ON quotes(speaker_code);

    CREATE TABLE events (
        rowid          INTEGER PRIMARY KEY,
        article_rowid  INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        ord            INTEGER NOT NULL,
        date           INTEGER,          -- days since 1970-01-01
        sentence_index INTEGER NOT NULL,
        sentence       TEXT NOT NULL,
        source_code    TEXT NOT NULL,
        source_text    TEXT NOT NULL,
        source_country TEXT NOT NULL,    -- first three characters of source_code
        target_code    TEXT NOT NULL,
        target_text    TEXT NOT NULL,
        target_country TEXT NOT NULL,
        event_code     TEXT NOT NULL,
        event_root     TEXT NOT NULL,
        event_label    TEXT NOT NULL,
        quad_class     INTEGER NOT NULL,
        goldstein      REAL NOT NULL,
        plover         TEXT,
        pattern        TEXT NOT NULL,
        source_start   INTEGER NOT NULL, source_end   INTEGER NOT NULL,
        target_start   INTEGER NOT NULL, target_end   INTEGER NOT NULL,
        verb_start     INTEGER NOT NULL, verb_end     INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        is_root_event  INTEGER NOT NULL,
        sentence_tone  REAL,
        article_tone   REAL,
        tone           REAL,             -- sentence tone, else article tone
        action_country TEXT,
        action_geo     TEXT,             -- JSON Place
        source_geo     TEXT,
        target_geo     TEXT
    );
    -- The dyad series index: covering (codes included for prefixes longer
    -- than a country), so a series never touches the table.
    CREATE INDEX events_dyad ON events(source_country, target_country, date, quad_class, goldstein,
                                       tone, source_code, target_code);

    -- Events per pair of different actor countries (either direction), kept
    -- by triggers so the dashboard needs no scan. `last` is the latest date
    -- ever stored (not lowered when events are deleted).
    CREATE TABLE dyad_counts (
        a     TEXT NOT NULL,
        b     TEXT NOT NULL,
        n     INTEGER NOT NULL,
        gold  REAL NOT NULL,
        last  INTEGER,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX dyad_counts_n ON dyad_counts(n);
    CREATE TRIGGER events_dyad_ai AFTER INSERT ON events
    WHEN new.source_country <> '' AND new.target_country <> '' AND new.source_country <> new.target_country
    BEGIN
        INSERT INTO dyad_counts (a, b, n, gold, last)
        VALUES (min(new.source_country, new.target_country), max(new.source_country, new.target_country),
                1, new.goldstein, new.date)
        ON CONFLICT (a, b) DO UPDATE SET n = n + 1, gold = gold + excluded.gold,
            last = CASE WHEN last IS NULL OR excluded.last > last THEN excluded.last ELSE last END;
    END;
    CREATE TRIGGER events_dyad_ad AFTER DELETE ON events
    WHEN old.source_country <> '' AND old.target_country <> '' AND old.source_country <> old.target_country
    BEGIN
        UPDATE dyad_counts SET n = n - 1, gold = gold - old.goldstein
        WHERE a = min(old.source_country, old.target_country) AND b = max(old.source_country, old.target_country);
        DELETE FROM dyad_counts
        WHERE a = min(old.source_country, old.target_country) AND b = max(old.source_country, old.target_country)
          AND n <= 0;
    END;
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_source ON events(source_code, date);
    CREATE INDEX events_target ON events(target_code, date);
    CREATE INDEX events_article ON events(article_rowid, ord);
    CREATE INDEX events_code ON events(event_code);
    CREATE INDEX events_action_country ON events(action_country, date);
    "#,
    // 2: merged events (`herodotus merge --db`): one row per event over all its
    // mentions, with GDELT's counts. Column names follow `events` so the same
    // filters apply.
    r#"
    CREATE TABLE merged_events (
        rowid          INTEGER PRIMARY KEY,
        date           INTEGER,
        source_code    TEXT NOT NULL,
        source_country TEXT NOT NULL,
        target_code    TEXT NOT NULL,
        target_country TEXT NOT NULL,
        event_code     TEXT NOT NULL,
        event_root     TEXT NOT NULL,
        quad_class     INTEGER NOT NULL,
        goldstein      REAL NOT NULL,
        is_root_event  INTEGER NOT NULL,
        num_mentions   INTEGER NOT NULL,
        num_sources    INTEGER NOT NULL,
        num_articles   INTEGER NOT NULL,
        num_stories    INTEGER NOT NULL,
        avg_tone       REAL NOT NULL,
        action_country TEXT,
        action_geo     TEXT,             -- JSON Place
        mentions       TEXT NOT NULL     -- JSON [MentionLink]
    );
    CREATE INDEX merged_events_date ON merged_events(date);
    CREATE INDEX merged_events_dyad ON merged_events(source_country, target_country, date);
    "#,
    // 3: the description of an unnamed speaker ("a senior US official"), so a quote
    // read back keeps `Quote::speaker_description`. Older rows read back as NULL.
    r#"
    ALTER TABLE quotes ADD COLUMN speaker_description TEXT;
    "#,
];

/// The schema version this build writes.
pub const CURRENT: i64 = MIGRATIONS.len() as i64;

/// The schema version of a database.
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Applies the missing migrations, each in its own transaction with the
/// version bump, so a crash mid-migration leaves the previous version intact.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let mut v = version(conn)?;
    if v > CURRENT {
        return Err(Error::TooNew {
            found: v,
            supported: CURRENT,
        });
    }
    while v < CURRENT {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Re-read inside the write lock: another process may have migrated meanwhile.
        let now = version(&tx)?;
        if now == v {
            tx.execute_batch(MIGRATIONS[v as usize])?;
            tx.pragma_update(None, "user_version", v + 1)?;
        }
        tx.commit()?;
        v = version(conn)?;
    }
    Ok(())
}
