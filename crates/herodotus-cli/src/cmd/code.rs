//! `herodotus code`: articles in, one event per line out.

use crate::common::{self, CodeArgs};
use anyhow::Result;
use herodotus_pipeline::EventWriter;
use std::process::ExitCode;

/// Output formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per event.
    Jsonl,
    /// The GDELT 2.0 event table: 61 tab-separated columns, no header.
    #[value(alias = "gdelt")]
    Tsv,
    /// Comma-separated with a header (the columns of `query --format csv`).
    Csv,
    /// Apache Parquet, the CSV columns typed (build with `--features parquet`).
    Parquet,
}

impl From<Format> for herodotus_pipeline::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Jsonl => herodotus_pipeline::Format::Jsonl,
            Format::Tsv => herodotus_pipeline::Format::Gdelt,
            Format::Csv => herodotus_pipeline::Format::Csv,
            Format::Parquet => herodotus_pipeline::Format::Parquet,
        }
    }
}

/// Arguments of `code`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    code: CodeArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Write to a file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Skip quotes, tone and places (events only, faster).
    #[arg(long)]
    no_enrich: bool,
}

/// Runs `code`.
pub fn run(args: Args) -> Result<ExitCode> {
    let format = herodotus_pipeline::Format::from(args.format);
    if !format.available() {
        // Before loading dictionaries or creating the output file.
        anyhow::bail!("parquet output is not built in this herodotus: rebuild with `--features parquet` (see the README)");
    }
    let pipeline = args.code.pipeline(|o| o.enrich = !args.no_enrich)?;
    let out = common::open_output(args.output.as_deref())?;
    let mut sink = EventWriter::new(out, format)?;
    let Some(stats) = common::quiet_pipe(args.code.run(&pipeline, &mut sink))? else {
        return Ok(ExitCode::SUCCESS);
    };
    for note in &stats.limit_notes {
        // A cap of the coder bit (a huge sentence, a list of hundreds of actors):
        // say so with the record id rather than lose events silently.
        eprintln!("herodotus: warning: {note}");
    }
    eprintln!(
        "herodotus: {} articles coded, {} events{}",
        stats.articles,
        stats.events,
        common::skipped(&stats),
    );
    Ok(common::exit_code(&stats))
}
