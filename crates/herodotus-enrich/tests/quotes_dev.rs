//! Quote dev set evaluation: quote recall and speaker accuracy against the
//! hand-annotated gold in `tests/quotes-dev/` (see its README).
//!
//! `cargo test -p herodotus-enrich --test quotes_dev -- --nocapture` prints the figures
//! and every miss.

use herodotus_core::{
    article::article_from_json_line, ActorKind, Article, CodedArticle, Mention, Quote,
};
use herodotus_enrich::Enricher;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Gold {
    article_id: String,
    quote: String,
    speaker: Option<String>,
    kind: String,
}

fn dev_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/quotes-dev")
}

/// A stand-in for the coder's actor dictionaries: some (not all) speakers are known.
const KNOWN: &[(&str, &str, ActorKind)] = &[
    ("Sergei Lavrov", "RUSGOV", ActorKind::Person),
    ("Lavrov", "RUSGOV", ActorKind::Person),
    ("Vladimir Putin", "RUSGOV", ActorKind::Person),
    ("Kremlin", "RUSGOV", ActorKind::Country),
    ("Hakan Fidan", "TURGOV", ActorKind::Person),
    ("Antony Blinken", "USAGOV", ActorKind::Person),
    ("Blinken", "USAGOV", ActorKind::Person),
    ("William Ruto", "KENGOV", ActorKind::Person),
    ("Ruto", "KENGOV", ActorKind::Person),
    ("Benjamin Netanyahu", "ISRGOV", ActorKind::Person),
    ("Netanyahu", "ISRGOV", ActorKind::Person),
    ("Hamas", "PSEREB", ActorKind::Group),
    (
        "World Health Organization",
        "IGOWHO",
        ActorKind::Organisation,
    ),
    ("Emmanuel Macron", "FRAGOV", ActorKind::Person),
    ("Macron", "FRAGOV", ActorKind::Person),
    ("Volodymyr Zelenskiy", "UKRGOV", ActorKind::Person),
    ("Zelenskiy", "UKRGOV", ActorKind::Person),
];

fn mentions(text: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for &(name, code, kind) in KNOWN {
        let mut from = 0;
        while let Some(i) = text[from..].find(name) {
            let s = from + i;
            let e = s + name.len();
            from = e;
            let bounded = !text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[e..].chars().next().is_some_and(char::is_alphanumeric);
            if bounded && !out.iter().any(|m| m.span[0] < e && s < m.span[1]) {
                out.push(Mention::new(0, [s, e], Some(code.into()), name, kind));
            }
        }
    }
    out.sort_by_key(|m| m.span[0]);
    out
}

fn gold_span(text: &str, q: &str) -> [usize; 2] {
    if let Some(i) = text.find(q) {
        return [i, i + q.len()];
    }
    let head: String = q.chars().take(25).collect();
    let tail: String = q
        .chars()
        .rev()
        .take(15)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let s = text
        .find(&head)
        .unwrap_or_else(|| panic!("gold quote not in text: {q}"));
    let e = text[s..]
        .find(&tail)
        .map(|i| s + i + tail.len())
        .unwrap_or(s + head.len());
    [s, e]
}

fn overlap(a: [usize; 2], b: [usize; 2]) -> f64 {
    let inter = a[1].min(b[1]).saturating_sub(a[0].max(b[0])) as f64;
    let shorter = (a[1] - a[0]).min(b[1] - b[0]).max(1) as f64;
    inter / shorter
}

#[test]
fn quote_dev_set() {
    let dir = dev_dir();
    let articles: Vec<Article> = std::fs::read_to_string(dir.join("articles.jsonl"))
        .expect("articles.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            article_from_json_line(l.as_bytes(), &format!("articles.jsonl:{}", i + 1), None)
                .unwrap()
        })
        .collect();
    let gold: Vec<Gold> = std::fs::read_to_string(dir.join("gold.jsonl"))
        .expect("gold.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let enricher = Enricher::new();
    let (mut found, mut right_speaker, mut coded_known, mut coded_right) =
        (0usize, 0usize, 0usize, 0usize);
    let mut predicted_total = 0usize;
    let mut unmatched_predictions = Vec::new();
    for a in &articles {
        let mut coded = CodedArticle::default();
        coded.mentions = mentions(&a.text);
        let preds: Vec<Quote> = enricher.quotes(a, &coded);
        predicted_total += preds.len();
        let mut used = vec![false; preds.len()];
        for g in gold.iter().filter(|g| g.article_id == a.id) {
            let gs = gold_span(&a.text, &g.quote);
            let best = preds
                .iter()
                .enumerate()
                .filter(|(i, p)| !used[*i] && overlap(p.span, gs) >= 0.5)
                .max_by(|x, y| overlap(x.1.span, gs).total_cmp(&overlap(y.1.span, gs)));
            match best {
                None => println!(
                    "MISSED   {} [{}] {:?} ({:?})",
                    a.id, g.kind, g.quote, g.speaker
                ),
                Some((i, p)) => {
                    used[i] = true;
                    found += 1;
                    if p.speaker == g.speaker {
                        right_speaker += 1;
                    } else {
                        println!(
                            "SPEAKER  {} {:?}: got {:?}, want {:?}",
                            a.id, g.quote, p.speaker, g.speaker
                        );
                    }
                    if let Some(code) = KNOWN
                        .iter()
                        .find(|k| Some(k.0) == g.speaker.as_deref())
                        .map(|k| k.1)
                    {
                        coded_known += 1;
                        if p.speaker_code.as_deref() == Some(code) {
                            coded_right += 1;
                        }
                    }
                }
            }
        }
        for (i, p) in preds.iter().enumerate() {
            if !used[i] {
                unmatched_predictions.push(format!(
                    "{} [{}] {:?} ({:?})",
                    a.id, p.kind, p.quote, p.speaker
                ));
            }
        }
    }
    for u in &unmatched_predictions {
        println!("EXTRA    {u}");
    }
    let recall = found as f64 / gold.len() as f64;
    let precision =
        (predicted_total - unmatched_predictions.len()) as f64 / predicted_total.max(1) as f64;
    let speaker_acc = right_speaker as f64 / found.max(1) as f64;
    println!(
        "quotes-dev: {} gold, {} predicted; recall {:.3}, precision {:.3}, speaker accuracy {:.3} ({}/{}), speaker code accuracy {:.3} ({}/{})",
        gold.len(),
        predicted_total,
        recall,
        precision,
        speaker_acc,
        right_speaker,
        found,
        coded_right as f64 / coded_known.max(1) as f64,
        coded_right,
        coded_known
    );
    assert!(gold.len() >= 60);
    assert!(recall >= 0.95, "quote recall {recall:.3} < 0.95");
    assert!(
        speaker_acc >= 0.9,
        "speaker accuracy {speaker_acc:.3} < 0.9"
    );
}
