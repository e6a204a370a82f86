//! `herodotus quotes`: quotations and reported speech with their speakers, one JSON object a line.

use crate::common::{process, DictArgs, InputArgs, Tally};
use anyhow::Result;
use herodotus_enrich::Enricher;
use std::io::{BufWriter, Write};
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
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => {
            Box::new(std::fs::File::create(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
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
