//! `herodotus dyad A B`: the time series of events between two actors.

use super::query::open_existing;
use anyhow::{Context as _, Result};
use herodotus_core::Date;
use herodotus_store::{Bucket, Bucketing, DyadQuery};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `dyad`.
#[derive(clap::Args)]
pub struct Args {
    /// First actor: a code prefix (USA matches USAGOV, USAMIL).
    #[arg(value_name = "A")]
    a: String,
    /// Second actor: a code prefix.
    #[arg(value_name = "B")]
    b: String,
    /// The SQLite database.
    #[arg(long, value_name = "FILE", default_value = "herodotus.db")]
    db: PathBuf,
    /// Bucket size: day, week (ISO, from Monday) or month.
    #[arg(long, value_name = "BUCKET", default_value = "week")]
    by: Bucketing,
    /// Only events with A as source and B as target (default: both directions).
    #[arg(long)]
    directed: bool,
    /// First day (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<Date>,
    /// Last day (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<Date>,
    /// Output format: tsv (with a header), csv or jsonl.
    #[arg(long, value_name = "FORMAT", default_value = "tsv")]
    format: String,
    /// Also draw the chart to FILE (.svg or .png).
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
}

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.3}")).unwrap_or_default()
}

/// Writes the series.
pub fn write_series(out: &mut impl Write, format: &str, series: &[Bucket]) -> Result<()> {
    let sep = match format {
        "tsv" => "\t",
        "csv" => ",",
        "jsonl" | "json" => {
            for b in series {
                serde_json::to_writer(&mut *out, b)?;
                out.write_all(b"\n")?;
            }
            return Ok(());
        }
        f => anyhow::bail!("bad format {f:?}: expected tsv, csv or jsonl"),
    };
    writeln!(
        out,
        "{}",
        [
            "start",
            "end",
            "count",
            "q1",
            "q2",
            "q3",
            "q4",
            "goldstein_mean",
            "tone_mean"
        ]
        .join(sep)
    )?;
    for b in series {
        writeln!(
            out,
            "{}",
            [
                b.start.to_string(),
                b.end.to_string(),
                b.count.to_string(),
                b.q1.to_string(),
                b.q2.to_string(),
                b.q3.to_string(),
                b.q4.to_string(),
                num(b.goldstein_mean),
                num(b.tone_mean),
            ]
            .join(sep)
        )?;
    }
    Ok(())
}

/// Runs the subcommand.
pub fn run(args: Args) -> Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let mut q = DyadQuery::new(
        &args.a.trim().to_uppercase(),
        &args.b.trim().to_uppercase(),
        args.by,
    );
    q.directed = args.directed;
    q.from = args.from;
    q.to = args.to;
    let series = store.dyad_series(&q)?;
    // An empty or thin chart is most often articles stored without a date.
    let undated = store.undated_articles()?;
    if undated > 0 {
        eprintln!(
            "herodotus: warning: {undated} stored articles have no date and are in no series; ingest them again with --date or a date field"
        );
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    match write_series(&mut out, &args.format.to_ascii_lowercase(), &series) {
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) => {}
        r => r?,
    }
    let _ = out.flush();
    if let Some(path) = &args.plot {
        let arrow = if q.directed { "->" } else { "-" };
        let by = format!("{:?}", q.by).to_lowercase();
        let title = format!("{} {arrow} {}, events per {by}", q.a, q.b);
        herodotus_store::plot::plot_series(&series, &title, path)
            .with_context(|| format!("drawing {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
