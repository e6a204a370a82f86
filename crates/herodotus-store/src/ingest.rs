//! The store as a pipeline sink: processed articles are stored in batches (one
//! transaction per batch, each article with all its events); articles already
//! stored with the same text and metadata are declined before they are coded.

use crate::{InsertOutcome, Result, Store};
use herodotus_core::Article;
use herodotus_pipeline::{EventSink, Processed};
use indicatif::{ProgressBar, ProgressStyle};

/// Options of a [`StoreSink`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct IngestOptions {
    /// Articles per transaction.
    pub batch_size: usize,
    /// Draw a progress line on stderr.
    pub progress: bool,
    /// Code and store again every article already stored under its id, with
    /// the metadata as given (`herodotus ingest --replace`).
    pub replace: bool,
}

/// A cloneable handle on an ingest's progress line, so other output can be
/// printed without tearing it (the line itself is drawn only on a terminal).
#[derive(Clone, Debug)]
pub struct Progress(ProgressBar);

impl Progress {
    /// Hides the progress line while `f` runs (e.g. to print a warning).
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.0.suspend(f)
    }
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: 256,
            progress: false,
            replace: false,
        }
    }
}

/// Counts of one ingest run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct IngestStats {
    /// New articles stored.
    pub inserted: u64,
    /// Articles whose text changed and were replaced.
    pub replaced: u64,
    /// Same id and text with new metadata (a date, title...), or `replace`:
    /// coded and stored again.
    pub updated: u64,
    /// Articles already stored (same id and text): skipped.
    pub unchanged: u64,
    /// Same text already stored under another id: skipped.
    pub duplicates: u64,
    /// Events stored.
    pub events: u64,
    /// Quotes stored.
    pub quotes: u64,
    /// Articles (new or already stored) that are stored without a date: their
    /// events are in no time series.
    pub undated: u64,
    /// Articles not in English, stored without events (the dictionaries are
    /// English; see [`EventSink::other_language`]).
    pub non_english_without_events: u64,
}

/// An [`EventSink`] that stores processed articles, `batch_size` per
/// transaction. Killing the process at any point loses at most the current
/// batch, which a re-run stores; re-running never duplicates anything.
pub struct StoreSink<'s> {
    store: &'s mut Store,
    batch: Vec<(Article, Processed)>,
    batch_size: usize,
    replace: bool,
    stats: IngestStats,
    seen: u64,
    pb: ProgressBar,
}

impl<'s> StoreSink<'s> {
    /// A sink into `store`.
    pub fn new(store: &'s mut Store, opts: &IngestOptions) -> StoreSink<'s> {
        let pb = if opts.progress {
            let pb = ProgressBar::new_spinner();
            pb.set_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed_precise} {pos} articles ({per_sec}) {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            pb.enable_steady_tick(std::time::Duration::from_millis(200));
            pb
        } else {
            ProgressBar::hidden()
        };
        StoreSink {
            store,
            batch: Vec::new(),
            batch_size: opts.batch_size.max(1),
            replace: opts.replace,
            stats: IngestStats::default(),
            seen: 0,
            pb,
        }
    }

    /// What was stored so far.
    pub fn stats(&self) -> IngestStats {
        self.stats
    }

    /// A handle on the progress line (hidden unless asked for): print through
    /// `progress().suspend(..)` so messages do not tear it.
    pub fn progress(&self) -> Progress {
        Progress(self.pb.clone())
    }

    fn commit(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let outcomes = self.store.insert_batch_with(&self.batch, self.replace)?;
        for ((_, p), o) in self.batch.iter().zip(outcomes) {
            match o {
                InsertOutcome::Inserted => self.stats.inserted += 1,
                InsertOutcome::Replaced => self.stats.replaced += 1,
                InsertOutcome::Updated => self.stats.updated += 1,
                // Stored meanwhile (the same article twice in one batch).
                InsertOutcome::Unchanged => self.stats.unchanged += 1,
                InsertOutcome::Duplicate => self.stats.duplicates += 1,
            }
            if matches!(
                o,
                InsertOutcome::Inserted | InsertOutcome::Replaced | InsertOutcome::Updated
            ) {
                self.stats.events += p.coded.events.len() as u64;
                self.stats.quotes += p.quotes.len() as u64;
            }
        }
        self.batch.clear();
        self.pb.set_message(format!("{} events", self.stats.events));
        Ok(())
    }
}

impl StoreSink<'_> {
    /// Whether `article` is to be coded and stored; counts the ones that are
    /// not, and the ones that will be (or stay) undated.
    fn plan(&mut self, article: &Article) -> herodotus_pipeline::Result<bool> {
        let (outcome, date) = self
            .store
            .prepare(article, self.replace)
            .map_err(herodotus_pipeline::Error::sink)?;
        if outcome != InsertOutcome::Duplicate && date.is_none() {
            self.stats.undated += 1;
        }
        Ok(match outcome {
            InsertOutcome::Unchanged => {
                self.stats.unchanged += 1;
                false
            }
            InsertOutcome::Duplicate => {
                self.stats.duplicates += 1;
                false
            }
            _ => true,
        })
    }
}

impl EventSink for StoreSink<'_> {
    fn wants(&mut self, article: &Article) -> herodotus_pipeline::Result<bool> {
        self.seen += 1;
        self.pb.set_position(self.seen);
        self.plan(article)
    }

    fn other_language(&mut self, article: Article) -> herodotus_pipeline::Result<()> {
        self.seen += 1;
        self.pb.set_position(self.seen);
        if self.plan(&article)? {
            self.stats.non_english_without_events += 1;
            self.write(article, Processed::default())?;
        }
        Ok(())
    }

    fn write(&mut self, article: Article, processed: Processed) -> herodotus_pipeline::Result<()> {
        self.batch.push((article, processed));
        if self.batch.len() >= self.batch_size {
            self.commit().map_err(herodotus_pipeline::Error::sink)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> herodotus_pipeline::Result<()> {
        self.commit().map_err(herodotus_pipeline::Error::sink)?;
        self.pb.finish_and_clear();
        Ok(())
    }
}
