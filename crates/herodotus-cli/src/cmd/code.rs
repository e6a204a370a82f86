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
    /// Tab-separated, GDELT-like column order, with a header.
    Tsv,
    /// Comma-separated, same columns as TSV.
    Csv,
}

impl From<Format> for herodotus_pipeline::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Jsonl => herodotus_pipeline::Format::Jsonl,
            Format::Tsv => herodotus_pipeline::Format::Tsv,
            Format::Csv => herodotus_pipeline::Format::Csv,
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
    let pipeline = args.code.pipeline(|o| o.enrich = !args.no_enrich)?;
    let out = common::open_output(args.output.as_deref())?;
    let mut sink = EventWriter::new(out, args.format.into());
    let Some(stats) = common::quiet_pipe(args.code.run(&pipeline, &mut sink))? else {
        return Ok(ExitCode::SUCCESS);
    };
    eprintln!(
        "herodotus: {} articles coded, {} events{}",
        stats.articles,
        stats.events,
        common::skipped(&stats),
    );
    Ok(common::exit_code(&stats))
}
