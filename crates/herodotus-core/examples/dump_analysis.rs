//! Prints the built-in model's analysis of every sentence of some files, one line per
//! sentence and call (tags, lemmas, heads, relations), to check that a change to the
//! inference code leaves its output unchanged (diff the output of two builds):
//! `cargo run --release -p herodotus-core --example dump_analysis -- FILE...`.
//!
//! A `.conllu` file is read with its own words; any other file is JSONL articles (the
//! `text` field), split and tokenised as the coder does. Each sentence is analysed
//! three ways: `analyse`, `tag`, and `tag` then `analyse_tagged` on those tags (the
//! coder's path), all with one reused [`Analysis`].
//!
//! With `--time` first, nothing is printed per sentence: the sentences are analysed
//! five times over and the best pass's wall and CPU time are printed (a quick check
//! of the syntax's speed without building the CLI).

use herodotus_core::syntax::{conllu, Analysis, Model};
use std::fmt::Write as _;

fn line(kind: &str, a: &Analysis, out: &mut String) {
    out.clear();
    out.push_str(kind);
    for i in 0..a.len() {
        let _ = write!(out, " {}/{}", a.upos[i].as_str(), a.lemma(i));
        if let (Some(h), Some(r)) = (a.head.get(i), a.deprel.get(i)) {
            let _ = write!(out, "/{h}/{}", r.as_str());
        }
    }
    println!("{out}");
}

/// CPU time of the calling thread (Linux `/proc/thread-self/schedstat`; 0 elsewhere).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() {
    let model = Model::builtin();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let mut time = false;
    for path in std::env::args().skip(1) {
        if path == "--time" {
            time = true;
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        });
        if path.ends_with(".conllu") {
            let (read, _) = conllu::read(&text, &path);
            sentences.extend(
                read.into_iter()
                    .map(|s| s.words.into_iter().map(|w| w.form).collect()),
            );
            continue;
        }
        for l in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(l) else {
                continue;
            };
            let Some(t) = v.get("text").and_then(|t| t.as_str()) else {
                continue;
            };
            for r in herodotus_core::sentences::split(t) {
                let toks = herodotus_core::tokens::tokenize(t, r);
                if !toks.is_empty() {
                    sentences.push(toks.iter().map(|k| t[k.start..k.end].to_string()).collect());
                }
            }
        }
    }
    let mut a = Analysis::new();
    if time {
        let words: usize = sentences.iter().map(Vec::len).sum();
        let (mut best, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
        for _ in 0..6 {
            let (t, c) = (std::time::Instant::now(), cpu_seconds());
            for s in &sentences {
                model.analyse(s, &mut a);
            }
            best = best.min(t.elapsed().as_secs_f64());
            best_cpu = best_cpu.min(cpu_seconds() - c);
        }
        println!(
            "{} sentences, {words} words: best of 5 passes {:.1} ms wall, {:.1} ms CPU; \
             {:.0} sentences/s, {:.0} sentences per CPU-second",
            sentences.len(),
            best * 1e3,
            best_cpu * 1e3,
            sentences.len() as f64 / best,
            sentences.len() as f64 / best_cpu
        );
        return;
    }
    let mut out = String::new();
    for s in &sentences {
        model.analyse(s, &mut a);
        line("A", &a, &mut out);
        model.tag(s, &mut a);
        line("T", &a, &mut out);
        let tags = a.upos.clone();
        model.analyse_tagged(s, &tags, &mut a);
        line("P", &a, &mut out);
    }
}
