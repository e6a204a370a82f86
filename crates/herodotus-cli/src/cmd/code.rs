//! `herodotus code`: articles in, one event per line out.

use crate::common::{process, DictArgs, InputArgs, Tally};
use anyhow::Result;
use herodotus_core::Event;
use std::io::Write;
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

/// Arguments of `code`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dicts: DictArgs,
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

/// Column names of the TSV/CSV output (GDELT order where GDELT has the field).
pub const COLUMNS: &[&str] = &[
    "article_id",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor2Code",
    "Actor2Name",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "PLOVER",
    "EventLabel",
    "sentence_index",
    "pattern",
    "sentence",
];

/// One event as TSV/CSV fields.
pub fn row(e: &Event) -> Vec<String> {
    vec![
        e.article_id.clone(),
        e.date
            .map(|d| d.to_sqldate().to_string())
            .unwrap_or_default(),
        e.source_code.clone(),
        e.source_text.clone(),
        e.target_code.clone(),
        e.target_text.clone(),
        u8::from(e.is_root_event).to_string(),
        e.event_code.clone(),
        e.event_code.get(..3).unwrap_or(&e.event_code).to_string(),
        e.event_root.clone(),
        e.quad_class.to_string(),
        format!("{:.1}", e.goldstein),
        e.plover.clone().unwrap_or_default(),
        e.event_label.clone(),
        e.sentence_index.to_string(),
        e.pattern.clone(),
        e.sentence.clone(),
    ]
}

fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes events in a format.
pub fn write_event(out: &mut impl Write, format: Format, e: &Event) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, e)?;
            out.write_all(b"\n")
        }
        Format::Tsv => writeln!(
            out,
            "{}",
            row(e)
                .iter()
                .map(|f| tsv_field(f))
                .collect::<Vec<_>>()
                .join("\t")
        ),
        Format::Csv => writeln!(
            out,
            "{}",
            row(e)
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// Runs `code`.
pub fn run(args: Args) -> Result<ExitCode> {
    args.input.init_threads()?;
    let coder = args.dicts.load()?;
    let enricher = (!args.no_enrich).then(herodotus_enrich::Enricher::new);
    let mut out = crate::common::open_output(args.output.as_deref())?;
    match args.format {
        Format::Tsv => writeln!(out, "{}", COLUMNS.join("\t"))?,
        Format::Csv => writeln!(out, "{}", COLUMNS.join(","))?,
        Format::Jsonl => {}
    }
    let mut tally = Tally::default();
    let mut events = 0usize;
    let work = |a: &herodotus_core::Article| {
        let mut coded = coder.code_article(a);
        if let Some(en) = &enricher {
            // Fills every event's tone, places and quotes.
            en.enrich(a, &mut coded, &coder);
        }
        coded
    };
    let result = process(args.input.articles(), &mut tally, work, |a, coded| {
        // A cap of the coder bit (a huge sentence, a list of hundreds of actors):
        // say so with the record id rather than lose events silently.
        for l in &coded.limits {
            eprintln!("herodotus: warning: {}: {l}", a.id);
        }
        for e in &coded.events {
            write_event(&mut out, args.format, e)?;
            events += 1;
        }
        Ok(())
    });
    match result {
        Err(e) if crate::common::is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        r => r?,
    }
    crate::common::flush(&mut out)?;
    tally.events = events;
    eprintln!(
        "herodotus: {} articles coded, {} events{}",
        tally.articles,
        tally.events,
        tally.skipped(),
    );
    Ok(tally.exit_code())
}
