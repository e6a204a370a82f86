//! `herodotus extract`: main text and metadata from HTML pages, WARC archives
//! and feeds (or any input `code` reads), written as JSONL articles in the
//! shape `herodotus code` reads back.

use anyhow::Context;
use herodotus_core::{Date, RecordError};
use herodotus_ingest::input::{open_records, InputOptions, Record};
use rayon::prelude::*;
use std::io::Write;
use std::process::ExitCode;

/// Records extracted together on the thread pool.
const BATCH: usize = 64;

/// Arguments.
#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories (`-` for stdin): HTML, WARC, RSS/Atom,
    /// JSONL or text, optionally gzipped.
    #[arg(required = true, value_name = "FILES")]
    pub files: Vec<String>,
    /// Write JSONL here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Worker threads for extraction (default 0: one per core). Output keeps input order.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Date (YYYY-MM-DD) for articles whose page gives none.
    #[arg(long)]
    pub date: Option<String>,
    /// Force the input format: html, warc, feed, jsonl or text.
    #[arg(long)]
    pub format: Option<herodotus_ingest::Format>,
}

/// Runs the subcommand.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let default_date = match args.date.as_deref() {
        Some(d) => {
            Some(Date::parse(d).with_context(|| format!("bad --date {d:?}: expected YYYY-MM-DD"))?)
        }
        None => None,
    };
    let mut opts = InputOptions::default();
    opts.default_date = default_date;
    opts.format = args.format;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .context("cannot start the thread pool")?;
    let mut out = crate::common::open_output(args.output.as_deref())?;
    let mut failed = 0usize;
    let mut batch: Vec<Result<Record, RecordError>> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Result<Record, RecordError>>,
                     out: &mut std::io::BufWriter<Box<dyn Write + Send>>|
     -> anyhow::Result<()> {
        let done: Vec<_> = pool.install(|| {
            batch
                .par_drain(..)
                .map(|r| r.and_then(Record::finish))
                .collect()
        });
        for r in done {
            match r {
                Ok(a) => {
                    serde_json::to_writer(&mut *out, &a)?;
                    out.write_all(b"\n")?;
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("herodotus: {}: {}", e.origin, e.message);
                }
            }
        }
        Ok(())
    };
    for f in &args.files {
        for r in open_records(f, &opts) {
            batch.push(r);
            if batch.len() >= BATCH {
                flush(&mut batch, &mut out)?;
            }
        }
    }
    flush(&mut batch, &mut out)?;
    out.flush().context("cannot write output")?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
