//! The pipeline: read -> code -> enrich, in parallel, in input order.

use crate::{DictSource, Error, EventSink, Options, Processed, Result};
use herodotus_core::{Article, Coder, CoderOptions, Dictionaries, RecordError};
use herodotus_enrich::Enricher;
use herodotus_ingest::{open_input, InputOptions};
use rayon::prelude::*;
use std::collections::VecDeque;

/// Articles coded together on the thread pool. Output order is input order; a
/// batch bounds the memory held between reading and writing.
pub const BATCH: usize = 512;

/// The whole coding pipeline, built once and shared (`Send + Sync`): dictionaries
/// compiled into a [`Coder`], plus the [`Enricher`].
pub struct Pipeline {
    coder: Coder,
    enricher: Option<Enricher>,
    options: Options,
    warnings: Vec<String>,
    pool: Option<rayon::ThreadPool>,
}

/// Counts of one [`Pipeline::run`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct RunStats {
    /// Articles coded and handed to the sink.
    pub articles: u64,
    /// Events in those articles.
    pub events: u64,
    /// Records that could not be read (reported through `on_bad`).
    pub bad_records: u64,
    /// Articles skipped because their detected language is not English.
    pub non_english: u64,
    /// Articles the sink declined ([`EventSink::wants`] returned false).
    pub declined: u64,
    /// Articles where a coder cap bit (see `herodotus_core::coder` caps).
    pub limited: u64,
    /// `record id: cap` for the first [`MAX_LIMIT_NOTES`] of those articles.
    pub limit_notes: Vec<String>,
}

/// How many cap notes [`RunStats::limit_notes`] keeps (the count goes on).
pub const MAX_LIMIT_NOTES: usize = 100;

impl Pipeline {
    /// Loads the dictionaries and builds the coder and enricher. Dictionary
    /// warnings are kept in [`Pipeline::warnings`]; errors name file and line.
    pub fn new(options: Options) -> Result<Pipeline> {
        let dicts = match &options.dicts {
            DictSource::Builtin => Dictionaries::builtin().map_err(Error::Builtin)?,
            DictSource::Dir(d) => {
                Dictionaries::load_dir(d).map_err(|error| Error::Dictionaries {
                    what: "dictionaries",
                    path: d.clone(),
                    error,
                })?
            }
            DictSource::Petrarch(p) => {
                Dictionaries::load_petrarch(p).map_err(|error| Error::Dictionaries {
                    what: "PETRARCH dictionaries",
                    path: p.clone(),
                    error,
                })?
            }
        };
        let warnings = dicts.warnings.clone();
        let coder_options = CoderOptions {
            require_target: !options.allow_no_target,
            ..CoderOptions::default()
        };
        let coder = Coder::with_options(dicts, coder_options);
        Pipeline::with_coder(coder, options).map(|mut p| {
            p.warnings = warnings;
            p
        })
    }

    /// A pipeline around an already built coder (`options.dicts` is ignored).
    pub fn with_coder(coder: Coder, options: Options) -> Result<Pipeline> {
        let pool = match options.threads {
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n.max(1))
                    .build()
                    .map_err(|e| Error::Threads(e.to_string()))?,
            ),
            None => None,
        };
        Ok(Pipeline {
            coder,
            enricher: options.enrich.then(Enricher::new),
            options,
            warnings: Vec::new(),
            pool,
        })
    }

    /// The coder (for `explain`, evaluations and benchmarks).
    pub fn coder(&self) -> &Coder {
        &self.coder
    }

    /// The coder, for callers that only code (benchmarks, evaluations).
    pub fn into_coder(self) -> Coder {
        self.coder
    }

    /// The enricher, unless enrichment is off.
    pub fn enricher(&self) -> Option<&Enricher> {
        self.enricher.as_ref()
    }

    /// The options it was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Warnings from loading the dictionaries (unknown codes and the like).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Reads articles from files, directories or `-` (stdin), any format
    /// herodotus-ingest knows; a record that cannot be read is an `Err` item
    /// naming file and line or record id.
    pub fn read<'a, S: AsRef<str> + Sync + 'a>(
        &self,
        inputs: &'a [S],
    ) -> impl Iterator<Item = std::result::Result<Article, RecordError>> + Send + 'a {
        let opts = InputOptions {
            default_date: self.options.default_date,
            ..InputOptions::default()
        };
        inputs
            .iter()
            .flat_map(move |p| open_input(p.as_ref(), &opts))
    }

    /// Codes and enriches one article (cannot fail).
    pub fn process(&self, article: &Article) -> Processed {
        let mut coded = self.coder.code_article(article);
        let mut p = match &self.enricher {
            Some(en) => {
                let e = en.enrich(article, &mut coded, &self.coder);
                Processed {
                    coded,
                    quotes: e.quotes,
                    tone: Some(e.tone.tone),
                    entities: e.entities,
                    places: e.places,
                    signature: None,
                }
            }
            None => Processed::new(coded),
        };
        if self.options.signature {
            p.signature = Some(match &self.enricher {
                Some(en) => en.signature(article),
                None => Enricher::new().signature(article),
            });
        }
        p
    }

    /// Processes a batch in parallel on the pipeline's pool; results in order.
    pub fn process_batch(&self, articles: &[Article]) -> Vec<Processed> {
        let work = || articles.par_iter().map(|a| self.process(a)).collect();
        match &self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }

    /// Processes articles [`BATCH`] at a time in parallel, yielding
    /// `(article, processed)` in input order. No filtering: every article is coded.
    pub fn process_iter<I>(&self, articles: I) -> ProcessIter<'_, I::IntoIter>
    where
        I: IntoIterator<Item = Article>,
    {
        ProcessIter {
            pipeline: self,
            input: articles.into_iter(),
            ready: VecDeque::new(),
        }
    }

    /// Runs `input` through the pipeline into `sink`: bad records go to `on_bad`
    /// and are counted, non-English articles are counted and skipped, articles the
    /// sink declines are not coded, the rest are processed in parallel and written
    /// in input order. Stops at the first sink error.
    pub fn run<I, S>(
        &self,
        input: I,
        sink: &mut S,
        on_bad: &mut dyn FnMut(&RecordError),
    ) -> Result<RunStats>
    where
        I: IntoIterator<Item = std::result::Result<Article, RecordError>>,
        S: EventSink + ?Sized,
    {
        let mut stats = RunStats::default();
        sink.begin()?;
        let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
        for item in input {
            match item {
                Ok(a) => {
                    if a.language.as_deref().is_some_and(|l| l != "en") {
                        stats.non_english += 1;
                        continue;
                    }
                    if !sink.wants(&a)? {
                        stats.declined += 1;
                        continue;
                    }
                    batch.push(a);
                    if batch.len() == BATCH {
                        self.flush(&mut batch, sink, &mut stats)?;
                    }
                }
                Err(e) => {
                    stats.bad_records += 1;
                    on_bad(&e);
                }
            }
        }
        self.flush(&mut batch, sink, &mut stats)?;
        sink.finish()?;
        Ok(stats)
    }

    fn flush<S: EventSink + ?Sized>(
        &self,
        batch: &mut Vec<Article>,
        sink: &mut S,
        stats: &mut RunStats,
    ) -> Result<()> {
        let done = self.process_batch(batch);
        for (a, p) in batch.drain(..).zip(done) {
            stats.articles += 1;
            stats.events += p.coded.events.len() as u64;
            if !p.coded.limits.is_empty() {
                stats.limited += 1;
                for l in &p.coded.limits {
                    if stats.limit_notes.len() < MAX_LIMIT_NOTES {
                        stats.limit_notes.push(format!("{}: {l}", a.id));
                    }
                }
            }
            sink.write(a, p)?;
        }
        Ok(())
    }
}

/// The iterator of [`Pipeline::process_iter`].
pub struct ProcessIter<'p, I> {
    pipeline: &'p Pipeline,
    input: I,
    ready: VecDeque<(Article, Processed)>,
}

impl<I: Iterator<Item = Article>> Iterator for ProcessIter<'_, I> {
    type Item = (Article, Processed);

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() {
            let batch: Vec<Article> = self.input.by_ref().take(BATCH).collect();
            let done = self.pipeline.process_batch(&batch);
            self.ready.extend(batch.into_iter().zip(done));
        }
        self.ready.pop_front()
    }
}
