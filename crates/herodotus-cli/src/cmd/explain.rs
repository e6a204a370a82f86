//! `herodotus explain`: how a text is coded, decision by decision, for dictionary
//! authors. It runs the coder's one code path (the same as `code`) with a recorder.
//!
//! A sentence given alone has no article around it: pronouns ("he"), "the minister"
//! and dated roles may then resolve differently than in its article. To see a
//! sentence exactly as `code` coded it, explain the article: `--article FILE --id ID`.

use crate::common::DictArgs;
use anyhow::{bail, Context, Result};
use herodotus_core::{Article, Coder, Date};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `explain`.
#[derive(clap::Args)]
pub struct Args {
    /// The sentence (or short text) to code; omit with --article.
    #[arg(required_unless_present = "article")]
    text: Option<String>,
    /// Article date for dated actor roles.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<Date>,
    /// Explain articles of this input (any format `code` reads) instead of a text.
    #[arg(long, value_name = "INPUT", conflicts_with = "text")]
    article: Option<String>,
    /// With --article: only the article with this id.
    #[arg(long, value_name = "ID", requires = "article")]
    id: Option<String>,
    /// Print JSON (one object per article: id, decisions, events) instead of text.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    dicts: DictArgs,
}

/// Runs `explain`.
pub fn run(args: Args) -> Result<ExitCode> {
    let coder = args.dicts.load()?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut status = ExitCode::SUCCESS;
    match (&args.text, &args.article) {
        (Some(text), _) => {
            let a = Article::builder()
                .id("explain")
                .text(text.clone())
                .date(args.date)
                .build();
            explain_one(&coder, &a, args.json, &mut out)?;
        }
        (None, Some(input)) => {
            let mut opts = herodotus_ingest::InputOptions::default();
            opts.default_date = args.date;
            let mut found = 0usize;
            for item in herodotus_ingest::open_input(input, &opts) {
                let a = match item {
                    Ok(a) => a,
                    Err(e) => {
                        eprintln!("herodotus: {e}");
                        status = ExitCode::from(1);
                        continue;
                    }
                };
                if args.id.as_deref().is_some_and(|id| id != a.id) {
                    continue;
                }
                found += 1;
                explain_one(&coder, &a, args.json, &mut out)?;
            }
            if found == 0 {
                match &args.id {
                    Some(id) => bail!("{input}: no article with id {id:?}"),
                    None => bail!("{input}: no articles"),
                }
            }
        }
        (None, None) => bail!("give a text or --article FILE"),
    }
    out.flush().context("writing stdout")?;
    Ok(status)
}

/// Explains one article: its decisions, then the events `code` gives for it.
fn explain_one(coder: &Coder, a: &Article, json: bool, out: &mut impl Write) -> Result<()> {
    let (coded, decisions) = coder.explain_article(a);
    if json {
        let doc = serde_json::json!({
            "id": a.id,
            "decisions": decisions,
            "events": coded.events,
            "limits": coded.limits,
        });
        writeln!(out, "{doc}")?;
        return Ok(());
    }
    if a.id != "explain" {
        writeln!(out, "article {}", a.id)?;
    }
    write!(
        out,
        "{}",
        herodotus_core::coder::render_decisions(&decisions)
    )?;
    writeln!(out, "events:")?;
    if coded.events.is_empty() {
        writeln!(out, "  (none)")?;
    }
    for e in &coded.events {
        writeln!(
            out,
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
        )?;
    }
    Ok(())
}
