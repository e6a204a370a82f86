//! `herodotus query`: stored events matching filters, as JSONL, CSV or
//! GDELT-style TSV.

use anyhow::{bail, Context as _, Result};
use herodotus_core::Date;
use herodotus_store::{write_events, write_merged, EventFilter, OutputFormat, Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `query`.
#[derive(clap::Args)]
pub struct Args {
    /// The SQLite database.
    #[arg(long, value_name = "FILE", default_value = "herodotus.db")]
    db: PathBuf,
    /// First day (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<Date>,
    /// Last day (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<Date>,
    /// Actor code or prefix, as source or target (USA matches USAGOV); repeat or comma-separate.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    actor: Vec<String>,
    /// Source actor code or prefix.
    #[arg(long, value_name = "CODE")]
    source: Option<String>,
    /// Target actor code or prefix.
    #[arg(long, value_name = "CODE")]
    target: Option<String>,
    /// With --source and --target: match both directions.
    #[arg(long)]
    undirected: bool,
    /// CAMEO event codes (exact); repeat or comma-separate.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    code: Vec<String>,
    /// CAMEO root codes (two digits); repeat or comma-separate.
    #[arg(long, value_name = "ROOT", value_delimiter = ',')]
    root: Vec<String>,
    /// QuadClasses 1-4; repeat or comma-separate.
    #[arg(long, value_name = "N", value_delimiter = ',', value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Vec<u8>,
    /// ISO 3166-1 alpha-3 country of the place of the event.
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    /// Full-text search over the event sentences (words, `word*` for a prefix).
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
    /// Only the events of this article id.
    #[arg(long, value_name = "ID")]
    article: Option<String>,
    /// Newest first.
    #[arg(long)]
    newest: bool,
    /// At most this many events.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Output format: jsonl, csv, tsv (GDELT 2.0 event columns) or parquet (when
    /// built with `--features parquet`).
    #[arg(long, value_name = "FORMAT", default_value = "jsonl")]
    format: String,
    /// The merged events stored by `herodotus merge --db` (one row per event over
    /// its mentions, with GDELT's counts) instead of the coded events.
    #[arg(long)]
    merged: bool,
    #[command(flatten)]
    out: crate::common::OutputArgs,
}

/// Opens an existing database (a missing one is an error, not a new empty file).
pub fn open_existing(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "no database at {}: store articles first with `herodotus ingest FILES --db {}`",
            db.display(),
            db.display()
        );
    }
    Store::open(db).with_context(|| format!("opening the database {}", db.display()))
}

/// Runs the subcommand.
pub fn run(args: Args) -> Result<ExitCode> {
    let format: OutputFormat = args.format.parse().map_err(anyhow::Error::msg)?;
    let store = open_existing(&args.db)?;
    // `EventFilter` is `#[non_exhaustive]`: set field by field, grouped.
    let mut filter = EventFilter::default();
    (filter.from, filter.to) = (args.from, args.to);
    (filter.actor, filter.source, filter.target) = (args.actor, args.source, args.target);
    filter.undirected = args.undirected;
    (filter.code, filter.root, filter.quad) = (args.code, args.root, args.quad);
    (filter.country, filter.text, filter.article) = (args.country, args.text, args.article);
    (filter.with_quotes, filter.newest_first) = (true, args.newest);
    filter.limit = args.limit;
    if !format.available() {
        // Before opening the output, so no empty file is left behind.
        bail!("parquet output is not built in this herodotus: rebuild with `--features parquet` (see the README)");
    }
    let out = args.out.open()?;
    if args.merged {
        write_merged(&store, &filter, format, out)?;
    } else {
        write_events(&store, &filter, format, out)?;
    }
    Ok(ExitCode::SUCCESS)
}
