//! The pipeline: read -> code -> enrich, in parallel, in input order.

use crate::{DictSource, Error, EventSink, Options, Processed, Result};
use herodotus_core::doc::Doc;
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
    /// Articles coded that have no date: their events are in no time series.
    pub undated: u64,
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
        let mut coder_options = CoderOptions::default();
        coder_options.require_target = !options.allow_no_target;
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
    /// naming file and line or record id. An article whose language is not
    /// given gets the detected one when the detection is reliable, so a
    /// Russian text file is counted as not English instead of giving no events
    /// in silence.
    pub fn read<'a, S: AsRef<str> + Sync + 'a>(
        &self,
        inputs: &'a [S],
    ) -> impl Iterator<Item = std::result::Result<Article, RecordError>> + Send + 'a {
        let mut opts = InputOptions::default();
        opts.default_date = self.options.default_date;
        inputs
            .iter()
            .flat_map(move |p| open_input(p.as_ref(), &opts))
            .map(|r| {
                r.map(|mut a| {
                    if a.language.is_none() {
                        a.language = detect_language(&a.text);
                    }
                    a
                })
            })
    }

    /// Codes and enriches one article (cannot fail).
    pub fn process(&self, article: &Article) -> Processed {
        match self.process_within(article, &herodotus_core::coder::Budget::unlimited()) {
            Ok(p) => p,
            // An unlimited budget never interrupts.
            Err(_) => unreachable!("an unlimited budget never stops coding"),
        }
    }

    /// [`process`](Self::process) within a work budget (deadline, cancel flag,
    /// token allowance), checked by the coder between sentences: how the server
    /// stops a request's work for real. Enrichment after coding is linear in the
    /// text and is not interrupted.
    pub fn process_within(
        &self,
        article: &Article,
        budget: &herodotus_core::coder::Budget,
    ) -> std::result::Result<Processed, herodotus_core::coder::Interrupted> {
        // The article is split and tokenised once, into its document; the coder
        // fills the document's mentions and every later stage reads the same
        // sentences and mentions.
        let mut doc = self.coder.build_doc(article, budget)?;
        let coded = self.coder.code_doc(&mut doc, budget)?;
        Ok(self.finish(&doc, coded))
    }

    /// Enriches a coded document and adds the signature if asked.
    fn finish(&self, doc: &Doc<'_>, mut coded: herodotus_core::CodedArticle) -> Processed {
        let article = doc.article;
        let mut p = match &self.enricher {
            Some(en) => {
                let e = en.enrich_doc(doc, &mut coded);
                Processed {
                    coded,
                    quotes: e.quotes,
                    tone: Some(e.tone.tone),
                    entities: e.entities,
                    places: e.places,
                    signature: None,
                    notes: e.notes,
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
                        sink.other_language(a)?;
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
            stats.undated += u64::from(a.date.is_none());
            stats.events += p.coded.events.len() as u64;
            if !p.coded.limits.is_empty() || !p.notes.is_empty() {
                stats.limited += 1;
                for l in &p.coded.limits {
                    if stats.limit_notes.len() < MAX_LIMIT_NOTES {
                        stats.limit_notes.push(format!("{}: {l}", a.id));
                    }
                }
                for n in &p.notes {
                    if stats.limit_notes.len() < MAX_LIMIT_NOTES {
                        stats.limit_notes.push(format!("{}: {n}", a.id));
                    }
                }
            }
            sink.write(a, p)?;
        }
        Ok(())
    }
}

/// The language of a text when whatlang is sure of it; unsure detections
/// (short or mixed texts) leave the article to be coded as English. No false
/// positive on the English news-dev articles nor on the 164 PLOVER dev
/// sentences (docs/RELIABILITY.md).
pub fn detect_language(text: &str) -> Option<String> {
    match herodotus_ingest::language::detect_with_confidence(text) {
        Some((code, true)) => Some(code.to_string()),
        _ => None,
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
