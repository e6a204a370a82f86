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
    /// Code and store again every article already stored under its id, with
    /// its metadata as given (by default a stored article is updated only
    /// when its text changed or new metadata such as a date is given).
    #[arg(long)]
    replace: bool,
    /// Also print the summary as one JSON object on stdout.
    #[arg(long)]
    json: bool,
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
    opts.replace = args.replace;
    let mut sink = StoreSink::new(&mut store, &opts);
    let pb = sink.progress();
    let run = pipeline.run(pipeline.read(args.code.inputs()), &mut sink, &mut |e| {
        pb.suspend(|| eprintln!("herodotus: {e}"))
    });
    let stored = sink.stats();
    let run = run.with_context(|| format!("storing into {}", args.db.display()))?;
    store.analyze()?;
    // On a terminal or not: scripts and logs need the summary too.
    eprintln!(
        "herodotus: {} articles read: {} new, {} replaced (new text), {} updated (new metadata), {} already stored, {} duplicates of another id; {} events and {} quotes stored; {} not in English stored without events; {} bad records skipped",
        run.articles + run.declined + run.non_english + run.bad_records,
        stored.inserted,
        stored.replaced,
        stored.updated,
        stored.unchanged,
        stored.duplicates,
        stored.events,
        stored.quotes,
        stored.non_english_without_events,
        run.bad_records
    );
    crate::common::warn_undated(stored.undated);
    if args.json {
        let mut v = serde_json::to_value(stored)?;
        v["read"] = (run.articles + run.declined + run.non_english + run.bad_records).into();
        v["errors"] = run.bad_records.into();
        println!("{v}");
    }
    // Articles in another language are stored (without events), not
    // skipped: only unreadable records make the exit status 1.
    Ok(if run.bad_records > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
