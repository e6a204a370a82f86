//! `herodotus quotes`: quotations and reported speech with their speakers, one JSON object a line.

use crate::common::{process, DictArgs, InputArgs, Tally};
use anyhow::Result;
use herodotus_enrich::Enricher;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `quotes`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dicts: DictArgs,
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
    args.input.init_threads()?;
    let coder = args.dicts.load()?;
    let enricher = Enricher::new();
    let mut out = crate::common::open_output(args.output.as_deref())?;
    let mut tally = Tally::default();
    let mut count = 0usize;
    let result = process(
        args.input.articles(),
        &mut tally,
        |a| {
            let coded = coder.code_article(a);
            enricher.quotes(a, &coded)
        },
        |_, quotes| {
            for q in quotes
                .iter()
                .filter(|q| !args.direct_only || q.kind == "direct")
            {
                serde_json::to_writer(&mut out, q)?;
                out.write_all(b"\n")?;
                count += 1;
            }
            Ok(())
        },
    );
    match result {
        Err(e) if crate::common::is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        r => r?,
    }
    crate::common::flush(&mut out)?;
    eprintln!(
        "herodotus: {} articles read, {} quotes{}",
        tally.articles,
        count,
        tally.skipped(),
    );
    Ok(tally.exit_code())
}
