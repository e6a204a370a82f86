//! `herodotus ingest`: code articles and store them (with their events,
//! quotes, tone and places) in the SQLite event store.

use crate::common::{DictArgs, InputArgs};
use anyhow::{Context as _, Result};
use herodotus_core::Article;
use herodotus_enrich::Enricher;
use herodotus_store::{ingest, IngestOptions, Processed, Store};
use std::cell::Cell;
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
    let non_english = Cell::new(0u64);
    // Articles in another language are not coded (as in `herodotus code`).
    let articles = args.input.articles().filter(|r| match r {
        Ok(a) if a.language.as_deref().is_some_and(|l| l != "en") => {
            non_english.set(non_english.get() + 1);
            false
        }
        _ => true,
    });
    let opts = IngestOptions {
        batch_size: args.batch,
        progress: tty,
    };
    let stats = ingest(&mut store, articles, &*process, &opts, |e| {
        eprintln!("herodotus: {e}");
    })
    .with_context(|| format!("storing into {}", args.db.display()))?;
    store.analyze()?;
    if tty {
        eprintln!(
            "herodotus: {} articles read: {} stored ({} events, {} quotes), {} replaced, {} already stored, {} duplicates, {} not in English, {} bad records",
            stats.read,
            stats.inserted,
            stats.events,
            stats.quotes,
            stats.replaced,
            stats.unchanged,
            stats.duplicates,
            non_english.get(),
            stats.errors
        );
    }
    Ok(if stats.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
