//! Golden-file test: the bundled sample articles coded with the built-in
//! dictionaries. A dictionary or engine change shows up as a reviewable diff of
//! `tests/golden/sample-events.tsv`; regenerate it with
//! `HERODOTUS_UPDATE_GOLDEN=1 cargo test -p herodotus-core --test golden`.

use herodotus_core::article::article_from_json_line;
use herodotus_core::{Coder, Dictionaries};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn sample_articles_code_as_recorded() {
    let coder = Coder::new(Dictionaries::builtin().unwrap());
    let input = std::fs::read(root().join("samples/articles.jsonl")).unwrap();
    let mut lines = vec![
        "article_id\tsentence\tsource\tevent\ttarget\tsource_text\ttarget_text\tpattern"
            .to_string(),
    ];
    let mut n = 0;
    for (i, line) in input.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = format!("samples/articles.jsonl:{}", i + 1);
        let a = article_from_json_line(line, &origin, None).unwrap();
        n += 1;
        for e in coder.code_article(&a).events {
            assert!(e.source_span[1] <= a.text.len() && e.verb_span[0] < e.verb_span[1]);
            assert_eq!(&a.text[e.source_span[0]..e.source_span[1]], e.source_text);
            lines.push(format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                e.article_id,
                e.sentence_index,
                e.source_code,
                e.event_code,
                e.target_code,
                e.source_text,
                e.target_text,
                e.pattern
            ));
        }
    }
    assert!(n >= 5, "samples: {n} articles");
    let got = lines.join("\n") + "\n";
    let path = root().join("tests/golden/sample-events.tsv");
    if std::env::var_os("HERODOTUS_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .expect("golden file exists (run with HERODOTUS_UPDATE_GOLDEN=1 to create it)");
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .filter(|l| !got.lines().any(|g| g == *l))
            .map(|l| format!("- {l}"))
            .chain(
                got.lines()
                    .filter(|l| !want.lines().any(|w| w == *l))
                    .map(|l| format!("+ {l}")),
            )
            .collect();
        panic!(
            "coded events differ from {}:\n{}",
            path.display(),
            diff.join("\n")
        );
    }
    assert!(lines.len() > 10, "the samples should code into events");
}
