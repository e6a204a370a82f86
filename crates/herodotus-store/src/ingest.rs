//! The store as a pipeline sink: processed articles are stored in batches (one
//! transaction per batch, each article with all its events); articles whose text
//! is already stored are declined before they are coded.

use crate::{content_hash, InsertOutcome, Result, Store};
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
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: 256,
            progress: false,
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
    /// Articles already stored (same id and text): skipped.
    pub unchanged: u64,
    /// Same text already stored under another id: skipped.
    pub duplicates: u64,
    /// Events stored.
    pub events: u64,
    /// Quotes stored.
    pub quotes: u64,
}

/// An [`EventSink`] that stores processed articles, `batch_size` per
/// transaction. Killing the process at any point loses at most the current
/// batch, which a re-run stores; re-running never duplicates anything.
pub struct StoreSink<'s> {
    store: &'s mut Store,
    batch: Vec<(Article, Processed)>,
    batch_size: usize,
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
            stats: IngestStats::default(),
            seen: 0,
            pb,
        }
    }

    /// What was stored so far.
    pub fn stats(&self) -> IngestStats {
        self.stats
    }

    /// The progress line (hidden unless asked for): print through
    /// `progress().suspend(..)` so messages do not tear it.
    pub fn progress(&self) -> ProgressBar {
        self.pb.clone()
    }

    fn commit(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let outcomes = self.store.insert_batch(&self.batch)?;
        for ((_, p), o) in self.batch.iter().zip(outcomes) {
            match o {
                InsertOutcome::Inserted | InsertOutcome::Replaced => {
                    if o == InsertOutcome::Inserted {
                        self.stats.inserted += 1;
                    } else {
                        self.stats.replaced += 1;
                    }
                    self.stats.events += p.coded.events.len() as u64;
                    self.stats.quotes += p.quotes.len() as u64;
                }
                InsertOutcome::Unchanged => self.stats.unchanged += 1,
                InsertOutcome::Duplicate => self.stats.duplicates += 1,
            }
        }
        self.batch.clear();
        self.pb.set_message(format!("{} events", self.stats.events));
        Ok(())
    }
}

impl EventSink for StoreSink<'_> {
    fn wants(&mut self, article: &Article) -> herodotus_pipeline::Result<bool> {
        self.seen += 1;
        self.pb.set_position(self.seen);
        let hash = content_hash(&article.text);
        let holder = self
            .store
            .holder_of(&hash, &article.id)
            .map_err(herodotus_pipeline::Error::sink)?;
        match holder {
            None => Ok(true),
            Some(same_id) => {
                if same_id {
                    self.stats.unchanged += 1;
                } else {
                    self.stats.duplicates += 1;
                }
                Ok(false)
            }
        }
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
