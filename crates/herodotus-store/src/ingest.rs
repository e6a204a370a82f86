//! The ingest pipeline: read articles, code them in parallel, store them in
//! batches (one transaction per batch, each article with all its events).

use crate::{content_hash, InsertOutcome, Result, Store};
use herodotus_core::{Article, CodedArticle, Quote, RecordError};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

/// What the coding (and enrichment) step produced for one article.
#[derive(Clone, Debug, Default)]
pub struct Processed {
    /// Sentences, mentions and events.
    pub coded: CodedArticle,
    /// Quotes with speakers.
    pub quotes: Vec<Quote>,
    /// The article's tone, when computed.
    pub tone: Option<f32>,
}

/// Options of [`ingest`].
#[derive(Clone, Debug)]
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
pub struct IngestStats {
    /// Articles read.
    pub read: u64,
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
    /// Bad records reported and skipped.
    pub errors: u64,
}

/// Reads `input`, codes every article not yet stored with `process` (in
/// parallel on the current rayon pool) and stores them, `opts.batch_size`
/// articles per transaction. Bad records are passed to `on_error` and skipped.
/// Killing the process at any point loses at most the current batch, which a
/// re-run stores.
pub fn ingest<I, P, E>(
    store: &mut Store,
    input: I,
    process: &P,
    opts: &IngestOptions,
    mut on_error: E,
) -> Result<IngestStats>
where
    I: Iterator<Item = std::result::Result<Article, RecordError>>,
    P: Fn(&Article) -> Processed + Sync + ?Sized,
    E: FnMut(&RecordError),
{
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
    let mut stats = IngestStats::default();
    let mut input = input.peekable();
    let batch_size = opts.batch_size.max(1);
    while input.peek().is_some() {
        let mut todo: Vec<(Article, String)> = Vec::with_capacity(batch_size);
        for rec in input.by_ref().take(batch_size) {
            stats.read += 1;
            match rec {
                Ok(a) => {
                    let h = content_hash(&a.text);
                    if store.is_known(&h)? {
                        // Counted exactly by the insert below, which is cheap.
                        todo.push((a, h));
                    } else {
                        todo.push((a, String::new()));
                    }
                }
                Err(e) => {
                    stats.errors += 1;
                    pb.suspend(|| on_error(&e));
                }
            }
        }
        let batch: Vec<(Article, Processed)> = todo
            .into_par_iter()
            .map(|(a, known)| {
                let p = if known.is_empty() {
                    process(&a)
                } else {
                    Processed::default()
                };
                (a, p)
            })
            .collect();
        let outcomes = store.insert_batch(&batch)?;
        for ((_, p), o) in batch.iter().zip(outcomes) {
            match o {
                InsertOutcome::Inserted | InsertOutcome::Replaced => {
                    if o == InsertOutcome::Inserted {
                        stats.inserted += 1;
                    } else {
                        stats.replaced += 1;
                    }
                    stats.events += p.coded.events.len() as u64;
                    stats.quotes += p.quotes.len() as u64;
                }
                InsertOutcome::Unchanged => stats.unchanged += 1,
                InsertOutcome::Duplicate => stats.duplicates += 1,
            }
        }
        pb.set_position(stats.read);
        pb.set_message(format!("{} events", stats.events));
    }
    pb.finish_and_clear();
    Ok(stats)
}
