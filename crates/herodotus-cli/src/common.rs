//! Options and helpers shared by subcommands: loading dictionaries, reading inputs,
//! coding in parallel with output in input order.

use anyhow::{Context as _, Result};
use herodotus_core::{Article, Coder, CoderOptions, Date, Dictionaries, RecordError};
use herodotus_ingest::{open_input, InputOptions};
use rayon::prelude::*;
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
    /// Loads and compiles the dictionaries.
    pub fn load(&self) -> Result<Coder> {
        let dicts = match (&self.dict, &self.petrarch_dicts) {
            (Some(d), _) => Dictionaries::load_dir(d)
                .with_context(|| format!("loading dictionaries from {}", d.display()))?,
            (None, Some(p)) => Dictionaries::load_petrarch(p)
                .with_context(|| format!("loading PETRARCH dictionaries from {}", p.display()))?,
            (None, None) => Dictionaries::builtin().context("loading the built-in dictionaries")?,
        };
        let options = CoderOptions {
            require_target: !self.allow_no_target,
            ..CoderOptions::default()
        };
        for w in &dicts.warnings {
            eprintln!("herodotus: warning: {w}");
        }
        Ok(Coder::with_options(dicts, options))
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

impl InputArgs {
    /// Sets up the rayon pool size.
    pub fn init_threads(&self) -> Result<()> {
        if let Some(n) = self.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global()
                .context("setting up threads")?;
        }
        Ok(())
    }

    /// All articles of all inputs, streamed; errors are items. An article
    /// whose language is not given gets the detected one when the detection
    /// is reliable (a Russian text file is then counted as not English instead
    /// of yielding no events in silence).
    pub fn articles(&self) -> impl Iterator<Item = Result<Article, RecordError>> + '_ {
        let opts = InputOptions {
            default_date: self.date,
            ..InputOptions::default()
        };
        self.inputs
            .iter()
            .flat_map(move |p| open_input(p, &opts))
            .map(|r| {
                r.map(|mut a| {
                    if a.language.is_none() {
                        a.language = detect_language(&a.text);
                    }
                    a
                })
            })
    }
}

/// The language of a text when whatlang is sure of it; unsure detections
/// (short or mixed texts) leave the article to be coded as English.
pub fn detect_language(text: &str) -> Option<String> {
    match herodotus_ingest::language::detect_with_confidence(text) {
        Some((code, true)) => Some(code.to_string()),
        _ => None,
    }
}

/// The warning for articles without a date (issue 11: an undated article
/// silently missing from every chart is the commonest surprise).
pub fn warn_undated(n: u64) {
    if n > 0 {
        eprintln!(
            "herodotus: warning: {n} articles have no date and will not appear in time series; give --date or a date field"
        );
    }
}

/// Counts of what happened to the input.
#[derive(Default, Debug)]
pub struct Tally {
    /// Articles coded.
    pub articles: usize,
    /// Records that could not be read.
    pub errors: usize,
    /// Articles skipped because they are not in English.
    pub non_english: usize,
    /// Articles coded that have no date.
    pub undated: u64,
    /// Events written.
    pub events: usize,
}

/// Streams articles through `work` in parallel batches, calling `sink` in input order.
/// Bad records are reported on stderr and counted.
pub fn process<T: Send>(
    articles: impl Iterator<Item = Result<Article, RecordError>>,
    tally: &mut Tally,
    work: impl Fn(&Article) -> T + Sync,
    mut sink: impl FnMut(&Article, T) -> Result<()>,
) -> Result<()> {
    const BATCH: usize = 512;
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Article>, tally: &mut Tally| -> Result<()> {
        let results: Vec<T> = batch.par_iter().map(&work).collect();
        for (a, r) in batch.iter().zip(results) {
            tally.articles += 1;
            tally.undated += u64::from(a.date.is_none());
            sink(a, r)?;
        }
        batch.clear();
        Ok(())
    };
    for item in articles {
        match item {
            Ok(a) => {
                if a.language.as_deref().is_some_and(|l| l != "en") {
                    tally.non_english += 1;
                    continue;
                }
                batch.push(a);
                if batch.len() == BATCH {
                    flush(&mut batch, tally)?;
                }
            }
            Err(e) => {
                eprintln!("herodotus: {e}");
                tally.errors += 1;
            }
        }
    }
    flush(&mut batch, tally)
}

impl Tally {
    /// What was skipped, for summary lines: `", 2 non-English articles skipped, 1 bad
    /// records skipped"`, or nothing.
    pub fn skipped(&self) -> String {
        let mut s = String::new();
        if self.non_english > 0 {
            s.push_str(&format!(
                ", {} non-English articles skipped",
                self.non_english
            ));
        }
        if self.errors > 0 {
            s.push_str(&format!(", {} bad records skipped", self.errors));
        }
        s
    }

    /// The exit status: 1 when any input was skipped, a record that could not
    /// be read or an article not in English (README, "Exit status").
    pub fn exit_code(&self) -> std::process::ExitCode {
        if self.errors > 0 || self.non_english > 0 {
            std::process::ExitCode::from(1)
        } else {
            std::process::ExitCode::SUCCESS
        }
    }
}

/// True when an error is a closed output pipe (`herodotus code ... | head`), which is
/// a normal way for a reader to stop, not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Flushes output, treating a closed pipe as success.
pub fn flush(out: &mut impl std::io::Write) -> Result<()> {
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Buffered output to `path`, or to stdout when none is given. Creating the file
/// fails with its name in the message.
pub fn open_output(
    path: Option<&std::path::Path>,
) -> Result<std::io::BufWriter<Box<dyn std::io::Write>>> {
    let sink: Box<dyn std::io::Write> = match path {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    Ok(std::io::BufWriter::with_capacity(256 * 1024, sink))
}
