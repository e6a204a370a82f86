//! `herodotus ingest`: code articles and store them (with their events,
//! quotes, tone and places) in the SQLite event store.

use crate::common::CodeArgs;
use anyhow::{Context as _, Result};
use herodotus_store::{IngestOptions, Store, StoreSink};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `ingest`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    code: CodeArgs,
    /// The SQLite database (created if missing).
    #[arg(long, value_name = "FILE", default_value = "herodotus.db")]
    db: PathBuf,
    /// Articles per transaction: an interrupted ingest loses at most one batch,
    /// which a re-run stores.
    #[arg(long, value_name = "N", default_value_t = 256)]
    batch: usize,
}

/// Runs the subcommand.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = args.code.pipeline(|_| {})?;
    let mut store = Store::open(&args.db)
        .with_context(|| format!("opening the database {}", args.db.display()))?;
    let tty = std::io::stderr().is_terminal();
    let mut opts = IngestOptions::default();
    opts.batch_size = args.batch;
    opts.progress = tty;
    let mut sink = StoreSink::new(&mut store, &opts);
    let pb = sink.progress();
    let run = pipeline.run(pipeline.read(args.code.inputs()), &mut sink, &mut |e| {
        pb.suspend(|| eprintln!("herodotus: {e}"))
    });
    let stored = sink.stats();
    let run = run.with_context(|| format!("storing into {}", args.db.display()))?;
    store.analyze()?;
    if tty {
        eprintln!(
            "herodotus: {} articles read: {} stored ({} events, {} quotes), {} replaced, {} already stored, {} duplicates, {} not in English, {} bad records",
            run.articles + run.declined + run.bad_records,
            stored.inserted,
            stored.events,
            stored.quotes,
            stored.replaced,
            stored.unchanged,
            stored.duplicates,
            run.non_english,
            run.bad_records
        );
    }
    Ok(crate::common::exit_code(&run))
}
