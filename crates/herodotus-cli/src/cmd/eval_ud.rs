//! `herodotus eval ud FILE.conllu [--model M] [--raw]`: tagging and parsing accuracy
//! against a Universal Dependencies treebank. Prints one line,
//! `UPOS 0.xxx UAS 0.xxx LAS 0.xxx`, over all words (punctuation included, as in the
//! CoNLL 2018 shared task); details go to stderr.
//!
//! Without `--raw` the model reads the file's own words. With `--raw` each sentence's
//! `# text` is re-tokenised with our tokeniser (`herodotus_core::tokens`) and the
//! system's tokens are aligned to the gold words by character span:
//! - gold spans are found by walking the text left to right, matching each surface
//!   token (a word, or a multiword token such as "don't") after any white space;
//! - the words of a multiword token get sub-spans when their forms concatenate to the
//!   surface form ("do" + "n't"); otherwise they stay unaligned;
//! - a gold word is aligned to the system token with exactly the same span;
//! - scores are over all gold words: an unaligned word counts as wrong, and a head is
//!   right when the system head is the token aligned to the gold head (or both are root).
//!
//! A malformed line is reported as `file:line: message`; that sentence is skipped and
//! the exit status is 1.

use anyhow::{Context as _, Result};
use herodotus_core::syntax::{conllu, Analysis, Model, Sentence};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `eval ud`.
#[derive(clap::Args)]
pub struct Args {
    /// The CoNLL-U file.
    #[arg(value_name = "FILE.conllu")]
    file: PathBuf,
    /// A model file (default: the built-in model).
    #[arg(long, value_name = "MODEL")]
    model: Option<PathBuf>,
    /// Re-tokenise each sentence's `# text` with our tokeniser and align to the gold words.
    #[arg(long)]
    raw: bool,
    /// Parse with the gold UPOS tags (measures the parser apart from the tagger).
    #[arg(long, conflicts_with = "raw")]
    gold_tags: bool,
    /// Print the most frequent tag confusions and the accuracy per relation (stderr).
    #[arg(long, short)]
    verbose: bool,
    /// Turn off the repairs after parsing (reported speech, punctuation, passive
    /// subjects), to measure the parser and labeller alone.
    #[arg(long)]
    no_repairs: bool,
    /// Also write the system's analysis of the file's words as CoNLL-U.
    #[arg(long, value_name = "FILE", conflicts_with = "raw")]
    write: Option<PathBuf>,
}

#[derive(Default)]
struct Score {
    words: usize,
    upos: usize,
    uas: usize,
    las: usize,
    lemma: usize,
    gold_tokens: usize,
    confusions: HashMap<(String, String), usize>,
    by_rel: HashMap<String, (usize, usize, usize)>,
    sys_tokens: usize,
    matched_tokens: usize,
}

/// Loads `--model` or the built-in model; a bad file is an error naming it.
pub fn load_model(path: Option<&std::path::Path>) -> Result<&'static Model> {
    match path {
        None => Model::try_builtin().map_err(|e| anyhow::anyhow!("built-in syntax model: {e}")),
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("reading model {}", p.display()))?;
            let m = Model::from_bytes(&bytes).with_context(|| format!("model {}", p.display()))?;
            Ok(Box::leak(Box::new(m)))
        }
    }
}

/// Runs `eval ud`.
pub fn run(args: Args) -> Result<ExitCode> {
    let t0 = Instant::now();
    let model = load_model(args.model.as_deref())?;
    let load = t0.elapsed();
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let (sentences, errors) = conllu::read(&text, &args.file.to_string_lossy());
    for e in &errors {
        eprintln!("herodotus: {e}");
    }
    let mut sc = Score::default();
    let mut a = Analysis::new();
    a.set_repairs(!args.no_repairs);
    let mut no_text = 0usize;
    let mut written = String::new();
    let t1 = Instant::now();
    for s in &sentences {
        if args.raw {
            match &s.text {
                Some(t) => score_raw(model, s, t, &mut a, &mut sc),
                None => {
                    no_text += 1;
                    sc.words += s.words.len();
                }
            }
        } else {
            score_words(model, s, args.gold_tags, &mut a, &mut sc);
            if args.write.is_some() {
                write_conllu(s, &a, &mut written);
            }
        }
    }
    let took = t1.elapsed();
    if let Some(p) = &args.write {
        std::fs::write(p, &written).with_context(|| format!("writing {}", p.display()))?;
    }
    let f = |x: usize| x as f64 / sc.words.max(1) as f64;
    println!(
        "UPOS {:.3} UAS {:.3} LAS {:.3}",
        f(sc.upos),
        f(sc.uas),
        f(sc.las)
    );
    eprintln!(
        "eval ud: {} sentences, {} words{}; lemma accuracy {:.3}; model loaded in {:.0} ms; analysed in {:.2}s",
        sentences.len(),
        sc.words,
        if errors.is_empty() { String::new() } else { format!(", {} malformed sentence(s) skipped", errors.len()) },
        f(sc.lemma),
        load.as_secs_f64() * 1000.0,
        took.as_secs_f64()
    );
    if args.verbose {
        let mut c: Vec<_> = sc.confusions.iter().collect();
        c.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        eprintln!("tag confusions (gold -> system):");
        for ((g, s), n) in c.iter().take(15) {
            eprintln!("  {g:>6} -> {s:<6} {n}");
        }
        let mut r: Vec<_> = sc.by_rel.iter().collect();
        r.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        eprintln!("relation       words   UAS    LAS");
        for (rel, (n, u, l)) in r.iter().take(30) {
            eprintln!(
                "  {rel:<13}{n:>6}  {:.3}  {:.3}",
                *u as f64 / *n as f64,
                *l as f64 / *n as f64
            );
        }
    }
    if args.raw {
        let p = sc.matched_tokens as f64 / sc.sys_tokens.max(1) as f64;
        let r = sc.matched_tokens as f64 / sc.gold_tokens.max(1) as f64;
        eprintln!(
            "eval ud --raw: word alignment precision {p:.3} recall {r:.3} F1 {:.3}{}",
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
            if no_text > 0 {
                format!("; {no_text} sentence(s) without # text counted wrong")
            } else {
                String::new()
            }
        );
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn score_words(model: &Model, s: &Sentence, gold_tags: bool, a: &mut Analysis, sc: &mut Score) {
    let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    if gold_tags {
        let tags: Vec<_> = s.words.iter().map(|w| w.upos).collect();
        model.analyse_tagged(&words, &tags, a);
    } else {
        model.analyse(&words, a);
    }
    for (i, w) in s.words.iter().enumerate() {
        if a.upos[i] != w.upos {
            *sc.confusions
                .entry((w.upos.to_string(), a.upos[i].to_string()))
                .or_default() += 1;
        }
        let e = sc.by_rel.entry(w.deprel.to_string()).or_default();
        e.0 += 1;
        e.1 += (a.head[i] == w.head) as usize;
        e.2 += (a.head[i] == w.head && a.deprel[i] == w.deprel) as usize;
        sc.words += 1;
        sc.upos += (a.upos[i] == w.upos) as usize;
        sc.lemma += (a.lemma(i) == w.lemma) as usize;
        if a.head[i] == w.head {
            sc.uas += 1;
            sc.las += (a.deprel[i] == w.deprel) as usize;
        }
    }
}

/// Gold word spans in `text` (byte offsets), `None` where a word cannot be placed.
fn gold_spans(s: &Sentence, text: &str) -> Vec<Option<(usize, usize)>> {
    let n = s.words.len();
    let mut spans = vec![None; n];
    let mut at = 0usize;
    let mut i = 0usize;
    let place = |form: &str, at: &mut usize| -> Option<(usize, usize)> {
        let rest = &text[*at..];
        let skip = rest.len() - rest.trim_start().len();
        let start = *at + skip;
        if text[start..].starts_with(form) {
            *at = start + form.len();
            Some((start, *at))
        } else {
            None
        }
    };
    while i < n {
        let id = i as u32 + 1;
        if let Some(mw) = s.multiwords.iter().find(|m| m.first == id) {
            let last = (mw.last as usize).min(n);
            if let Some((st, en)) = place(&mw.form, &mut at) {
                let concat: String = s.words[i..last].iter().map(|w| w.form.as_str()).collect();
                if concat == mw.form {
                    let mut p = st;
                    for (k, w) in s.words[i..last].iter().enumerate() {
                        spans[i + k] = Some((p, p + w.form.len()));
                        p += w.form.len();
                    }
                } else {
                    let _ = en;
                }
            }
            i = last;
            continue;
        }
        spans[i] = place(&s.words[i].form, &mut at);
        i += 1;
    }
    spans
}

fn score_raw(model: &Model, s: &Sentence, text: &str, a: &mut Analysis, sc: &mut Score) {
    let gold = gold_spans(s, text);
    let toks = herodotus_core::tokens::tokenize(text, [0, text.len()]);
    let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
    model.analyse(&words, a);
    let by_span: HashMap<(usize, usize), usize> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| ((t.start, t.end), i))
        .collect();
    let align: Vec<Option<usize>> = gold
        .iter()
        .map(|g| g.and_then(|sp| by_span.get(&sp).copied()))
        .collect();
    sc.gold_tokens += s.words.len();
    sc.sys_tokens += toks.len();
    sc.matched_tokens += align.iter().flatten().count();
    for (i, w) in s.words.iter().enumerate() {
        sc.words += 1;
        let Some(t) = align[i] else { continue };
        sc.upos += (a.upos[t] == w.upos) as usize;
        sc.lemma += (a.lemma(t) == w.lemma) as usize;
        let head_ok = match (w.head, a.head[t]) {
            (0, 0) => true,
            (gh, sh) if gh > 0 && sh > 0 => align[gh as usize - 1] == Some(sh as usize - 1),
            _ => false,
        };
        if head_ok {
            sc.uas += 1;
            sc.las += (a.deprel[t] == w.deprel) as usize;
        }
    }
}

fn write_conllu(s: &Sentence, a: &Analysis, out: &mut String) {
    use std::fmt::Write as _;
    if let Some(id) = &s.sent_id {
        let _ = writeln!(out, "# sent_id = {id}");
    }
    if let Some(t) = &s.text {
        let _ = writeln!(out, "# text = {t}");
    }
    for (i, w) in s.words.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t_\t_\t{}\t{}\t_\t_",
            i + 1,
            w.form,
            a.lemma(i),
            a.upos[i],
            a.head[i],
            a.deprel[i]
        );
    }
    out.push('\n');
}
