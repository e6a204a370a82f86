//! `herodotus bench-syntax [CORPUS]`: speed of the tagger + lemmatiser + parser on one
//! core, and the model's load time.
//!
//! The corpus is read, split into sentences and tokenised before any timing (with the
//! same splitter and tokeniser as the coder). Then every sentence is analysed
//! `--repeat` times over (after one untimed warm-up pass) on the calling thread; the
//! best pass is reported. Load time is `Model::from_static` on the embedded model file
//! (what `Model::builtin` does: header, checksum and offsets checked, tables used in
//! place), first call and best of 5; then the time to build the lookup tables the
//! weights are re-laid in at first use (`Model::prepare`).

use anyhow::{bail, Result};
use herodotus_core::syntax::{model::builtin_bytes, Analysis, Model};
use herodotus_ingest::{open_input, InputOptions};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `bench-syntax`.
#[derive(clap::Args)]
pub struct Args {
    /// Corpus: JSONL articles or anything `code` reads.
    #[arg(value_name = "CORPUS", default_value = crate::cmd::bench::DEFAULT_CORPUS)]
    corpus: PathBuf,
    /// Timed passes (after one untimed warm-up pass).
    #[arg(long, value_name = "N", default_value_t = 3)]
    repeat: usize,
}

/// Runs `bench-syntax`.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut load = f64::INFINITY;
    let mut first = 0.0;
    for i in 0..5 {
        let t = Instant::now();
        let m = Model::from_static(builtin_bytes())?;
        let took = t.elapsed().as_secs_f64();
        if i == 0 {
            first = took;
        }
        load = load.min(took);
        drop(m);
    }
    let model = Model::try_builtin().map_err(|e| anyhow::anyhow!("built-in syntax model: {e}"))?;
    // The lookup tables are built on first use; build them now to time it apart.
    let t = Instant::now();
    model.prepare();
    let prepare = t.elapsed().as_secs_f64();
    let name = args.corpus.to_string_lossy();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let mut bad = 0usize;
    for item in open_input(&name, &InputOptions::default()) {
        match item {
            Ok(a) => {
                for [s, e] in herodotus_core::sentences::split(&a.text) {
                    let toks = herodotus_core::tokens::tokenize(&a.text, [s, e]);
                    if !toks.is_empty() {
                        sentences.push(
                            toks.iter()
                                .map(|t| a.text[t.start..t.end].to_string())
                                .collect(),
                        );
                    }
                }
            }
            Err(e) => {
                eprintln!("herodotus: {e}");
                bad += 1;
            }
        }
    }
    if sentences.is_empty() {
        bail!("corpus {} holds no sentence", args.corpus.display());
    }
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut a = Analysis::new();
    let mut check = 0usize;
    let mut best = f64::INFINITY;
    for pass in 0..=args.repeat.max(1) {
        let t = Instant::now();
        let mut heads = 0usize;
        for s in &sentences {
            model.analyse(s, &mut a);
            heads += a.head.iter().filter(|&&h| h == 0).count();
        }
        let took = t.elapsed().as_secs_f64();
        if pass == 0 {
            check = heads;
        } else {
            if heads != check {
                bail!("passes disagree: {heads} roots, then {check}");
            }
            best = best.min(took);
        }
    }
    println!(
        "{} sentences, {} words ({:.1} words/sentence): tag+lemma+parse {:.0} sentences/s, {:.0} words/s on one core (best of {}); model load {:.1} ms (first call {:.1} ms), lookup tables built in {:.1} ms",
        sentences.len(),
        words,
        words as f64 / sentences.len() as f64,
        sentences.len() as f64 / best,
        words as f64 / best,
        args.repeat.max(1),
        load * 1000.0,
        first * 1000.0,
        prepare * 1000.0
    );
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
