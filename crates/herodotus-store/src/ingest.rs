//! The ingest pipeline: read articles, code them in parallel, store them in
//! batches (one transaction per batch, each article with all its events).

use crate::{InsertOutcome, Result, Store};
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
    /// Code and store again every article already stored under its id, with
    /// the metadata as given (`herodotus ingest --replace`).
    pub replace: bool,
    /// Store articles whose language is known and not English without coding
    /// them (the dictionaries are English): they are kept, searchable by id,
    /// and counted in [`IngestStats::non_english_without_events`].
    pub english_only: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: 256,
            progress: false,
            replace: false,
            english_only: false,
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
    /// Same id and text with new metadata (or `replace`): coded and stored again.
    pub updated: u64,
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
    /// Articles read that are stored without a date: their events are in no
    /// time series.
    pub undated: u64,
    /// Articles not in English, stored without events (with
    /// [`IngestOptions::english_only`]).
    pub non_english_without_events: u64,
}

/// True when an article's language is known and is not English.
pub fn is_non_english(a: &Article) -> bool {
    a.language.as_deref().is_some_and(|l| l != "en")
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
        // (article, code it?): decided in order, before the parallel coding,
        // with the stored metadata merged in so the coder sees the date.
        let mut todo: Vec<(Article, bool)> = Vec::with_capacity(batch_size);
        for rec in input.by_ref().take(batch_size) {
            stats.read += 1;
            match rec {
                Ok(mut a) => {
                    let plan = store.prepare(&mut a, opts.replace)?;
                    let skip = matches!(plan, InsertOutcome::Unchanged | InsertOutcome::Duplicate)
                        || (opts.english_only && is_non_english(&a));
                    todo.push((a, !skip));
                }
                Err(e) => {
                    stats.errors += 1;
                    pb.suspend(|| on_error(&e));
                }
            }
        }
        let batch: Vec<(Article, Processed)> = todo
            .into_par_iter()
            .map(|(a, code)| {
                let p = if code {
                    process(&a)
                } else {
                    Processed::default()
                };
                (a, p)
            })
            .collect();
        let outcomes = store.insert_batch_with(&batch, opts.replace)?;
        for ((a, p), o) in batch.iter().zip(outcomes) {
            match o {
                InsertOutcome::Inserted => stats.inserted += 1,
                InsertOutcome::Replaced => stats.replaced += 1,
                InsertOutcome::Updated => stats.updated += 1,
                InsertOutcome::Unchanged => stats.unchanged += 1,
                InsertOutcome::Duplicate => stats.duplicates += 1,
            }
            if o != InsertOutcome::Duplicate {
                stats.events += p.coded.events.len() as u64;
                stats.quotes += p.quotes.len() as u64;
                if a.date.is_none() {
                    stats.undated += 1;
                }
                if opts.english_only && is_non_english(a) {
                    stats.non_english_without_events += 1;
                }
            }
        }
        pb.set_position(stats.read);
        pb.set_message(format!("{} events", stats.events));
    }
    pb.finish_and_clear();
    Ok(stats)
}
