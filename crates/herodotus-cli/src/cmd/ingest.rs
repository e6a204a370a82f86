//! `herodotus ingest`: code articles and store them (with their events,
//! quotes, tone and places) in the SQLite event store.

use crate::common::{DictArgs, InputArgs};
use anyhow::{Context as _, Result};
use herodotus_core::Article;
use herodotus_enrich::Enricher;
use herodotus_store::{ingest, IngestOptions, Processed, Store};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `ingest`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dicts: DictArgs,
    /// The SQLite database (created if missing).
    #[arg(long, value_name = "FILE", default_value = "herodotus.db")]
    db: PathBuf,
    /// Articles per transaction: an interrupted ingest loses at most one batch,
    /// which a re-run stores.
    #[arg(long, value_name = "N", default_value_t = 256)]
    batch: usize,
    /// Code and store again every article already stored under its id, with
    /// its metadata as given (by default a stored article is updated only
    /// when its text changed or new metadata such as a date is given).
    #[arg(long)]
    replace: bool,
    /// Also print the summary as one JSON object on stdout.
    #[arg(long)]
    json: bool,
}

/// Codes and enriches one article: what `ingest` stores and what `serve`
/// answers `POST /api/articles` with.
pub type Processor = Arc<dyn Fn(&Article) -> Processed + Send + Sync>;

/// Builds the coding + enrichment step from dictionary options.
pub fn processor(dicts: &DictArgs) -> Result<Processor> {
    let coder = dicts.load()?;
    let enricher = Enricher::new();
    Ok(Arc::new(move |a: &Article| {
        let mut coded = coder.code_article(a);
        let e = enricher.enrich(a, &mut coded, &coder);
        Processed {
            coded,
            quotes: e.quotes,
            tone: Some(e.tone.tone),
        }
    }))
}

/// Runs the subcommand.
pub fn run(args: Args) -> Result<ExitCode> {
    args.input.init_threads()?;
    let process = processor(&args.dicts)?;
    let mut store = Store::open(&args.db)
        .with_context(|| format!("opening the database {}", args.db.display()))?;
    let tty = std::io::stderr().is_terminal();
    // Articles in another language are stored without events: the
    // dictionaries are English (`herodotus code` skips them).
    let opts = IngestOptions {
        batch_size: args.batch,
        progress: tty,
        replace: args.replace,
        english_only: true,
    };
    let stats = ingest(&mut store, args.input.articles(), &*process, &opts, |e| {
        eprintln!("herodotus: {e}");
    })
    .with_context(|| format!("storing into {}", args.db.display()))?;
    store.analyze()?;
    // On a terminal or not: scripts and logs need the summary too.
    eprintln!(
        "herodotus: {} articles read: {} new, {} replaced (new text), {} updated (new metadata), {} already stored, {} duplicates of another id; {} events and {} quotes stored; {} not in English stored without events; {} bad records skipped",
        stats.read,
        stats.inserted,
        stats.replaced,
        stats.updated,
        stats.unchanged,
        stats.duplicates,
        stats.events,
        stats.quotes,
        stats.non_english_without_events,
        stats.errors
    );
    crate::common::warn_undated(stats.undated);
    if args.json {
        println!("{}", serde_json::to_string(&stats)?);
    }
    Ok(if stats.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
