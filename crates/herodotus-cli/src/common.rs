//! Options shared by subcommands, turned into a [`Pipeline`]; the pipeline does
//! the reading, coding and enrichment, in parallel with output in input order.

use anyhow::{Context as _, Result};
use herodotus_core::{Coder, Date};
use herodotus_pipeline::{DictSource, EventSink, Options, Pipeline, RunStats};
use std::path::PathBuf;

/// Which dictionaries to load.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct DictArgs {
    /// Dictionary directory in herodotus format (default: the built-in dictionaries).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// PETRARCH/TABARI dictionary directory (reads its PETR_config.ini if present).
    #[arg(long, value_name = "DIR", conflicts_with = "dict")]
    pub petrarch_dicts: Option<PathBuf>,
    /// Keep events that have no target actor.
    #[arg(long)]
    pub allow_no_target: bool,
}

impl DictArgs {
    /// The pipeline options these arguments give (enrichment on).
    pub fn options(&self) -> Options {
        let mut o = Options::default();
        o.dicts = DictSource::from_paths(self.dict.clone(), self.petrarch_dicts.clone());
        o.allow_no_target = self.allow_no_target;
        o
    }

    /// Builds the pipeline from `options`, printing dictionary warnings.
    pub fn build(options: Options) -> Result<Pipeline> {
        let p = Pipeline::new(options)?;
        for w in p.warnings() {
            eprintln!("herodotus: warning: {w}");
        }
        Ok(p)
    }

    /// Loads and compiles the dictionaries (commands that only code).
    pub fn load(&self) -> Result<Coder> {
        let mut o = self.options();
        o.enrich = false;
        Ok(Self::build(o)?.into_coder())
    }
}

/// Inputs and how to read them.
#[derive(clap::Args, Clone, Debug)]
pub struct InputArgs {
    /// Input files or directories: text, JSONL, HTML, WARC, RSS/Atom (gzipped or not); `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Date (YYYY-MM-DD) for articles that carry none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// The options every article-coding subcommand shares: inputs and dictionaries.
#[derive(clap::Args, Clone, Debug)]
pub struct CodeArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dicts: DictArgs,
}

impl CodeArgs {
    /// The input paths.
    pub fn inputs(&self) -> &[String] {
        &self.input.inputs
    }

    /// The pipeline for these options; `adjust` sets the stages a command needs.
    pub fn pipeline(&self, adjust: impl FnOnce(&mut Options)) -> Result<Pipeline> {
        let mut o = self.dicts.options();
        o.default_date = self.input.date;
        o.threads = self.input.threads;
        adjust(&mut o);
        DictArgs::build(o)
    }

    /// Reads all inputs through `pipeline` into `sink`; bad records are reported
    /// on stderr and counted.
    pub fn run<S: EventSink + ?Sized>(
        &self,
        pipeline: &Pipeline,
        sink: &mut S,
    ) -> herodotus_pipeline::Result<RunStats> {
        pipeline.run(pipeline.read(self.inputs()), sink, &mut |e| {
            eprintln!("herodotus: {e}")
        })
    }
}

/// What was skipped, for summary lines: `", 2 non-English articles skipped, 1 bad
/// records skipped"`, or nothing.
pub fn skipped(stats: &RunStats) -> String {
    let mut s = String::new();
    if stats.non_english > 0 {
        s.push_str(&format!(
            ", {} non-English articles skipped",
            stats.non_english
        ));
    }
    if stats.bad_records > 0 {
        s.push_str(&format!(", {} bad records skipped", stats.bad_records));
    }
    s
}

/// The exit status: 1 when any record could not be read.
pub fn exit_code(stats: &RunStats) -> std::process::ExitCode {
    if stats.bad_records > 0 {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// Runs a command's pipeline: a closed output pipe ends it quietly (`Ok(None)`).
pub fn quiet_pipe(r: herodotus_pipeline::Result<RunStats>) -> Result<Option<RunStats>> {
    match r {
        Err(e) if e.is_broken_pipe() => Ok(None),
        r => Ok(Some(r?)),
    }
}

/// Buffered output to `path`, or to stdout when none is given. Creating the file
/// fails with its name in the message. `Send`, so the Parquet writer can use it.
pub fn open_output(
    path: Option<&std::path::Path>,
) -> Result<std::io::BufWriter<Box<dyn std::io::Write + Send>>> {
    let sink: Box<dyn std::io::Write + Send> = match path {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        // Not `lock()`: a lock is not `Send`; the 256 KiB buffer makes locking rare.
        None => Box::new(std::io::stdout()),
    };
    Ok(std::io::BufWriter::with_capacity(256 * 1024, sink))
}
