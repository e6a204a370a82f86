//! `explain` and `code` run one code path: coding an article with the decision
//! recorder on gives exactly the events (and mentions, limits) of coding it plainly.
//! Checked on the bundled samples and, when present, on `../shared/data/news-dev`
//! (skipped cleanly without it; CI runs it).

use herodotus_core::article::article_from_json_line;
use herodotus_core::{Coder, Decision, Dictionaries};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Codes every article of a JSONL file both ways; returns (articles, events).
fn same_both_ways(coder: &Coder, path: &Path) -> (usize, usize) {
    let input = std::fs::read(path).unwrap();
    let name = path.display().to_string();
    let (mut n, mut events) = (0, 0);
    let lines = input.split(|&b| b == b'\n').enumerate();
    for (i, line) in lines.filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace)) {
        let a = article_from_json_line(line, &format!("{name}:{}", i + 1), None).unwrap();
        let plain = coder.code_article(&a);
        let (explained, decisions) = coder.explain_article(&a);
        assert_eq!(plain, explained, "{name}: article {}", a.id);
        // The recorder saw every sentence that was coded.
        let sentences = decisions
            .iter()
            .filter(|d| matches!(d, Decision::Sentence { .. }))
            .count();
        assert!(plain.discarded || sentences >= plain.sentences.len());
        n += 1;
        events += plain.events.len();
    }
    (n, events)
}

#[test]
fn samples_code_the_same_with_and_without_explain() {
    let coder = Coder::new(Dictionaries::builtin().unwrap());
    let (n, events) = same_both_ways(&coder, &root().join("samples/articles.jsonl"));
    assert!(n > 0 && events > 0);
}

#[test]
fn news_dev_codes_the_same_with_and_without_explain() {
    let path = root().join("../shared/data/news-dev/articles.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} not present", path.display());
        return;
    }
    let coder = Coder::new(Dictionaries::builtin().unwrap());
    let (n, _) = same_both_ways(&coder, &path);
    assert!(n > 0);
}
