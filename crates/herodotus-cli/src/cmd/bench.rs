//! `herodotus bench`: coding speed, dictionary load time and peak memory on a corpus.
//!
//! The corpus is read into memory once, before any timing. Then the dictionaries are
//! loaded and compiled (timed), and the corpus is coded `--repeat` times on a rayon pool
//! of one thread and again on a pool of all threads (pools built locally, never the
//! global one). Each pool first codes the corpus once untimed (warm-up, and the
//! reference counts); every timed repetition must produce exactly the same number of
//! sentences and events, or the bench fails. Figures are wall-clock times of the coding
//! loop only (no reading, no output), plus sentences per CPU-second of the process's
//! threads (Linux), which a busy machine disturbs less than wall time.
//!
//! With `--pipeline` the timed loop is the whole default pipeline instead
//! (`Pipeline::process` with enrichment on: build the document, code, then quotes,
//! tone, places and entities), and the quote count joins the checked counts.

use crate::common::DictArgs;
use anyhow::{bail, ensure, Context as _, Result};
use herodotus_core::{Article, Coder};
use herodotus_ingest::{open_input, InputOptions};
use herodotus_pipeline::{Options, Pipeline};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The corpus used when none is given (relative to the repository root).
pub const DEFAULT_CORPUS: &str = "samples/bench/corpus.jsonl";

/// Arguments of `bench`.
#[derive(clap::Args)]
pub struct Args {
    /// Corpus to code: JSONL articles or anything `code` reads.
    #[arg(value_name = "CORPUS", default_value = DEFAULT_CORPUS)]
    corpus: PathBuf,
    #[command(flatten)]
    dicts: DictArgs,
    /// Threads of the "all cores" run (default: all available cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Timed repetitions per thread count (after one untimed warm-up run).
    #[arg(long, value_name = "N", default_value_t = 5)]
    repeat: usize,
    /// Time the whole default pipeline (code, then quotes, tone, places and
    /// entities: `Pipeline::process` with enrichment on) instead of coding alone.
    #[arg(long)]
    pipeline: bool,
}

/// What one coding pass over the corpus produced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    sentences: usize,
    events: usize,
    mentions: usize,
    quotes: usize,
}

impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(self, o: Counts) -> Counts {
        Counts {
            sentences: self.sentences + o.sentences,
            events: self.events + o.events,
            mentions: self.mentions + o.mentions,
            quotes: self.quotes + o.quotes,
        }
    }
}

/// Timings of the repetitions on one pool.
struct Run {
    threads: usize,
    times: Vec<Duration>,
    /// CPU time of all threads of the process over all repetitions (Linux only).
    cpu: Option<Duration>,
}

impl Run {
    fn sorted(&self) -> Vec<f64> {
        let mut t: Vec<f64> = self.times.iter().map(Duration::as_secs_f64).collect();
        t.sort_by(f64::total_cmp);
        t
    }

    fn median(&self) -> f64 {
        let t = self.sorted();
        match t.len() {
            0 => f64::NAN,
            n if n % 2 == 1 => t[n / 2],
            n => (t[n / 2 - 1] + t[n / 2]) / 2.0,
        }
    }

    fn best(&self) -> f64 {
        self.sorted().first().copied().unwrap_or(f64::NAN)
    }

    fn worst(&self) -> f64 {
        self.sorted().last().copied().unwrap_or(f64::NAN)
    }
}

/// Reads every article of the corpus; bad records are reported and counted.
fn read_corpus(path: &Path) -> Result<(Vec<Article>, usize)> {
    if !path.exists() {
        bail!(
            "corpus {} not found (run from the repository root, or pass a corpus path; \
             samples/bench/make_corpus.py writes the default one)",
            path.display()
        );
    }
    let name = path.to_string_lossy();
    let mut articles = Vec::new();
    let mut errors = 0usize;
    for item in open_input(&name, &InputOptions::default()) {
        match item {
            Ok(a) => articles.push(a),
            Err(e) => {
                eprintln!("herodotus: {e}");
                errors += 1;
            }
        }
    }
    if articles.is_empty() {
        bail!("corpus {} holds no readable article", path.display());
    }
    Ok((articles, errors))
}

/// What is timed: the coder alone, or the whole pipeline (coding and enrichment).
enum Engine {
    Coder(Box<Coder>),
    Pipeline(Box<Pipeline>),
}

impl Engine {
    fn coder(&self) -> &Coder {
        match self {
            Engine::Coder(c) => c,
            Engine::Pipeline(p) => p.coder(),
        }
    }

    fn counts(&self, a: &Article) -> Counts {
        let (c, quotes) = match self {
            Engine::Coder(c) => (c.code_article(a), 0),
            Engine::Pipeline(p) => {
                let r = p.process(a);
                let n = r.quotes.len();
                (r.coded, n)
            }
        };
        Counts {
            sentences: c.sentences.len(),
            events: c.events.len(),
            mentions: c.mentions.len(),
            quotes,
        }
    }
}

/// Codes (and with `--pipeline` enriches) the whole corpus once on the current
/// rayon pool.
fn code_all(engine: &Engine, articles: &[Article]) -> Counts {
    articles
        .par_iter()
        .map(|a| engine.counts(a))
        .reduce(Counts::default, |a, b| a + b)
}

/// One warm-up pass and `repeat` timed passes on a local pool of `threads` threads.
fn run_on(
    coder: &Engine,
    articles: &[Article],
    threads: usize,
    repeat: usize,
    reference: &mut Option<Counts>,
) -> Result<Run> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .with_context(|| format!("building a pool of {threads} threads"))?;
    pool.install(|| -> Result<Run> {
        let warm = code_all(coder, articles);
        let expected = *reference.get_or_insert(warm);
        ensure!(
            warm == expected,
            "{threads} thread(s) coded {warm:?}, but the first run coded {expected:?}"
        );
        let mut times = Vec::with_capacity(repeat);
        let mut cpu = Some(Duration::ZERO);
        for rep in 0..repeat {
            let cpu_start = process_cpu();
            let start = Instant::now();
            let got = code_all(coder, articles);
            times.push(start.elapsed());
            cpu = match (cpu, cpu_start, process_cpu()) {
                (Some(sum), Some(a), Some(b)) => Some(sum + b.saturating_sub(a)),
                _ => None,
            };
            ensure!(
                got == expected,
                "repetition {} on {threads} thread(s) coded {got:?}, but the first run coded \
                 {expected:?}: coding is not deterministic",
                rep + 1
            );
        }
        Ok(Run {
            threads,
            times,
            cpu,
        })
    })
}

/// A field of /proc/self/status in KiB (`VmHWM`, `VmRSS`); `None` off Linux.
fn proc_status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| {
        let rest = l.strip_prefix(field)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

/// CPU time used so far by the live threads of this process, from
/// `/proc/self/task/*/schedstat` (nanoseconds on a CPU); `None` off Linux.
fn process_cpu() -> Option<Duration> {
    let mut ns = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        ns += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(ns))
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "n/a".to_string(),
        |k| format!("{:.1} MiB", k as f64 / 1024.0),
    )
}

/// Runs `bench`.
pub fn run(args: Args) -> Result<ExitCode> {
    ensure!(args.repeat >= 1, "--repeat must be at least 1");
    let all = match args.threads {
        Some(0) => bail!("--threads must be at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let dict_label = match (&args.dicts.dict, &args.dicts.petrarch_dicts) {
        (Some(d), _) => format!("herodotus {}", d.display()),
        (None, Some(p)) => format!("PETRARCH {}", p.display()),
        (None, None) => "built-in".to_string(),
    };

    let start = Instant::now();
    let (articles, bad) = read_corpus(&args.corpus)?;
    let read_time = start.elapsed();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "corpus:      {} ({} articles, {:.1} KiB of text{}, read in {:.1} ms, not timed below)",
        args.corpus.display(),
        articles.len(),
        bytes as f64 / 1024.0,
        if bad > 0 {
            format!(", {bad} bad records skipped")
        } else {
            String::new()
        },
        read_time.as_secs_f64() * 1e3
    );

    let rss_before = proc_status_kib("VmRSS");
    let start = Instant::now();
    let coder = args.dicts.load()?;
    let engine = if args.pipeline {
        // The default options: enrichment on, no signature.
        let options = Options::default();
        ensure!(options.enrich, "the default pipeline enriches");
        Engine::Pipeline(Box::new(Pipeline::with_coder(coder, options)?))
    } else {
        Engine::Coder(Box::new(coder))
    };
    let coder = engine.coder();
    let load_time = start.elapsed();
    let rss_after = proc_status_kib("VmRSS");
    let hwm_load = proc_status_kib("VmHWM");
    let growth = match (rss_before, rss_after) {
        (Some(b), Some(a)) => mib(Some(a.saturating_sub(b))),
        _ => "n/a".to_string(),
    };
    println!(
        "dictionaries: {dict_label}: {}",
        coder.dictionaries().summary()
    );
    println!(
        "load:        {:.1} ms (read + parse + compile); RSS +{growth}, peak RSS so far {}",
        load_time.as_secs_f64() * 1e3,
        mib(hwm_load)
    );

    let mut thread_counts = vec![1];
    if all != 1 {
        thread_counts.push(all);
    }
    let mut reference = None;
    let mut runs = Vec::new();
    for &n in &thread_counts {
        runs.push(run_on(&engine, &articles, n, args.repeat, &mut reference)?);
    }
    let counts = reference.unwrap_or_default();
    println!(
        "coded:       {} sentences, {} events, {} actor mentions{} per pass (identical in every pass)",
        counts.sentences,
        counts.events,
        counts.mentions,
        if args.pipeline {
            format!(", {} quotes (whole pipeline: coding and enrichment)", counts.quotes)
        } else {
            String::new()
        }
    );
    for r in &runs {
        let med = r.median();
        println!(
            "{:>2} thread{}:  median {:.1} ms (best {:.1}, worst {:.1}, {} runs): \
             {:.0} sentences/s, {:.0} articles/s, {:.0} events/s (best {:.0} sentences/s; \
             {} sentences per CPU-second)",
            r.threads,
            if r.threads == 1 { " " } else { "s" },
            med * 1e3,
            r.best() * 1e3,
            r.worst() * 1e3,
            r.times.len(),
            counts.sentences as f64 / med,
            articles.len() as f64 / med,
            counts.events as f64 / med,
            counts.sentences as f64 / r.best(),
            r.cpu.map_or_else(
                || "n/a".to_string(),
                |c| format!(
                    "{:.0}",
                    (counts.sentences * r.times.len()) as f64 / c.as_secs_f64()
                )
            ),
        );
    }
    let peak = proc_status_kib("VmHWM");
    println!(
        "peak RSS:    {} (whole process: dictionaries, corpus, coding)",
        mib(peak)
    );

    let rate = |r: &Run| counts.sentences as f64 / r.median();
    let one = runs.first().map(rate).unwrap_or(f64::NAN);
    let many = runs
        .get(1)
        .map(|r| format!(" {}-threads={:.0}", r.threads, rate(r)))
        .unwrap_or_default();
    println!(
        "summary: {}dicts={} load_ms={:.1} sentences={} events={} sent_per_s: 1-thread={:.0}{} peak_rss={}",
        if args.pipeline { "pipeline " } else { "" },
        dict_label.replace(' ', ":"),
        load_time.as_secs_f64() * 1e3,
        counts.sentences,
        counts.events,
        one,
        many,
        mib(peak).replace(' ', "")
    );
    Ok(ExitCode::SUCCESS)
}
