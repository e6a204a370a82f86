//! `herodotus explain`: how one sentence is coded, for dictionary authors.

use crate::common::DictArgs;
use anyhow::Result;
use herodotus_core::Date;
use std::process::ExitCode;

/// Arguments of `explain`.
#[derive(clap::Args)]
pub struct Args {
    /// The sentence (or short text) to code.
    text: String,
    /// Article date for dated actor roles.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<Date>,
    #[command(flatten)]
    dicts: DictArgs,
}

/// Runs `explain`.
pub fn run(args: Args) -> Result<ExitCode> {
    let coder = args.dicts.load()?;
    let (coded, trace) = coder.explain(&args.text, args.date);
    print!("{trace}");
    println!("events:");
    if coded.events.is_empty() {
        println!("  (none)");
    }
    for e in &coded.events {
        println!(
            "  {} {} {}  ({} {:+.1}, {})  from {}",
            e.source_code,
            e.event_code,
            if e.target_code.is_empty() {
                "-"
            } else {
                &e.target_code
            },
            e.event_label,
            e.goldstein,
            e.plover.as_deref().unwrap_or("no PLOVER type"),
            e.pattern
        );
    }
    Ok(ExitCode::SUCCESS)
}
