//! `herodotus quotes`: quotations and reported speech with their speakers, one JSON object a line.

use crate::common::{self, CodeArgs};
use anyhow::Result;
use herodotus_pipeline::{FnSink, Processed};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `quotes`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    code: CodeArgs,
    /// Only direct quotations (leave out reported speech).
    #[arg(long)]
    direct_only: bool,
    /// Write to a file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

/// Runs `quotes`: JSONL lines with `article_id`, `quote`, `speaker`, `speaker_code`,
/// `kind` (direct|indirect), `verb` and `span` (byte span in the article text).
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = args.code.pipeline(|_| {})?;
    let mut out = common::open_output(args.output.as_deref())?;
    let mut count = 0usize;
    let mut sink = FnSink(|_, p: Processed| {
        for q in p
            .quotes
            .iter()
            .filter(|q| !args.direct_only || q.kind == "direct")
        {
            serde_json::to_writer(&mut out, q).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
            count += 1;
        }
        Ok(())
    });
    let run = args.code.run(&pipeline, &mut sink);
    let run = run.and_then(|s| Ok(out.flush().map(|_| s)?));
    let Some(stats) = common::quiet_pipe(run)? else {
        return Ok(ExitCode::SUCCESS);
    };
    eprintln!(
        "herodotus: {} articles read, {} quotes{}",
        stats.articles,
        count,
        common::skipped(&stats),
    );
    Ok(common::exit_code(&stats))
}
