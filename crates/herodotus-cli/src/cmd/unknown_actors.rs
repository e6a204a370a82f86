//! `herodotus unknown-actors`: capitalised names the dictionaries do not know,
//! ranked by how often they occur, so users can see which actors they miss.

use crate::common::{self, CodeArgs};
use anyhow::Result;
use herodotus_enrich::EntityKind;
use herodotus_pipeline::{FnSink, Processed};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

/// Output formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per name.
    Jsonl,
    /// An aligned text table.
    Table,
}

/// Arguments of `unknown-actors`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    code: CodeArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Leave out names seen fewer times than this.
    #[arg(long, default_value_t = 1, value_name = "N")]
    min_count: usize,
    /// Show only the first N names.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Write to a file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

/// One ranked name.
#[derive(Serialize)]
struct Row {
    name: String,
    kind: EntityKind,
    count: usize,
    articles: usize,
    example: String,
    example_article: String,
}

/// Runs `unknown-actors`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = args.code.pipeline(|_| {})?;
    let mut rows: HashMap<String, Row> = HashMap::new();
    let mut sink = FnSink(|a: herodotus_core::Article, p: Processed| {
        for e in p
            .entities
            .into_iter()
            .filter(|e| !e.known && e.kind != EntityKind::Location)
        {
            let r = rows.entry(e.name.clone()).or_insert_with(|| Row {
                name: e.name,
                kind: e.kind,
                count: 0,
                articles: 0,
                example: e.example,
                example_article: a.id.clone(),
            });
            r.count += e.count;
            r.articles += 1;
        }
        Ok(())
    });
    let stats = args.code.run(&pipeline, &mut sink)?;
    let mut rows: Vec<Row> = rows
        .into_values()
        .filter(|r| r.count >= args.min_count)
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.articles.cmp(&a.articles))
            .then_with(|| a.name.cmp(&b.name))
    });
    rows.truncate(args.top.unwrap_or(usize::MAX));
    let mut out = crate::common::open_output(args.output.as_deref())?;
    let written = (|| -> std::io::Result<()> {
        match args.format {
            Format::Jsonl => {
                for r in &rows {
                    serde_json::to_writer(&mut out, r)?;
                    out.write_all(b"\n")?;
                }
            }
            Format::Table => {
                let w = rows
                    .iter()
                    .map(|r| r.name.chars().count())
                    .max()
                    .unwrap_or(4)
                    .clamp(4, 40);
                writeln!(
                    out,
                    "{:<w$}  {:<12}  {:>6}  {:>8}  example",
                    "name", "kind", "count", "articles"
                )?;
                for r in &rows {
                    let kind = serde_json::to_value(r.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default();
                    let ex: String = r.example.chars().take(100).collect();
                    writeln!(
                        out,
                        "{:<w$}  {:<12}  {:>6}  {:>8}  {}",
                        r.name, kind, r.count, r.articles, ex
                    )?;
                }
            }
        }
        out.flush()
    })();
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    eprintln!(
        "herodotus: {} articles read, {} unknown names{}",
        stats.articles,
        rows.len(),
        common::skipped(&stats),
    );
    Ok(common::exit_code(&stats))
}
