//! herodotus-pipeline: the herodotus pipeline as a library.
//!
//! A [`Pipeline`] is built once from [`Options`] (which dictionaries, whether to
//! enrich): it reads articles ([`Pipeline::read`], any format herodotus-ingest
//! knows), codes them with herodotus-core's `Coder`, enriches them with
//! herodotus-enrich (quotes, tone, places, entities), in parallel and in input
//! order, and hands each [`Processed`] article to an [`EventSink`]: an
//! [`EventWriter`] for JSONL, CSV, the GDELT table and Parquet, the SQLite store (herodotus-store's
//! `StoreSink`), or a collector of your own. The `herodotus` binary only wires
//! options to these pieces.
//!
//! ```no_run
//! use herodotus_pipeline::{EventWriter, Format, Options, Pipeline};
//! let pipeline = Pipeline::new(Options::default())?;
//! // Writers need `Write + Send` (the Parquet writer does), so `stdout()`, not a lock.
//! let mut out = EventWriter::new(std::io::BufWriter::new(std::io::stdout()), Format::Jsonl)?;
//! let stats = pipeline.run(pipeline.read(&["articles.jsonl"]), &mut out, &mut |e| {
//!     eprintln!("skipped {e}")
//! })?;
//! eprintln!("{} articles, {} events", stats.articles, stats.events);
//! # Ok::<(), herodotus_pipeline::Error>(())
//! ```

mod error;
mod options;
mod pipeline;
mod processed;
mod sink;
pub mod writers;

pub use error::{Error, Result};
pub use options::{DictSource, Options};
pub use pipeline::{Pipeline, ProcessIter, RunStats, BATCH};
pub use processed::Processed;
pub use sink::{EventSink, FnSink};
pub use writers::{Counts, EventRow, EventWriter, Format};

#[cfg(test)]
mod tests;
