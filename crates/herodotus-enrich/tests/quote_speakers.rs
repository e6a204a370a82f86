//! Quote speakers by class: the table `tests/cases/quotes/speakers.tsv`
//! (`text<TAB>quote prefix<TAB>speaker`, `-` for no speaker, `\n` a paragraph break),
//! run through the same path as `herodotus quotes` (built-in dictionaries, coder
//! mentions, gazetteer). The texts are ours, one construction each.

use herodotus_core::{Article, Coder, Date, Dictionaries};
use herodotus_enrich::Enricher;
use std::path::PathBuf;

#[test]
fn quote_speaker_table() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases/quotes/speakers.tsv");
    let table = std::fs::read_to_string(&path).unwrap();
    let coder = Coder::new(Dictionaries::builtin().unwrap());
    let enricher = Enricher::new();
    let (mut n, mut failures) = (0, Vec::new());
    for (i, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "speakers.tsv:{}: want 3 fields", i + 1);
        n += 1;
        let a = Article::builder()
            .id(format!("q{i}"))
            .text(f[0].replace("\\n", "\n\n"))
            .date(Date::parse("2020-01-15"))
            .build();
        let coded = coder.code_article(&a);
        let quotes = enricher.quotes(&a, &coded);
        let want = (f[2] != "-").then(|| f[2].to_string());
        match quotes.iter().find(|q| q.quote.starts_with(f[1])) {
            Some(q) if q.speaker == want => {}
            Some(q) => failures.push(format!(
                "line {}: want {want:?}, got {:?}",
                i + 1,
                q.speaker
            )),
            None => failures.push(format!("line {}: quote {:?} not found", i + 1, f[1])),
        }
    }
    assert!(n > 0);
    assert!(
        failures.is_empty(),
        "{} of {n} fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn anonymous_sources_are_described_not_named() {
    let coder = Coder::new(Dictionaries::builtin().unwrap());
    let enricher = Enricher::new();
    let cases = [
        (
            "\"The convoy was hit near the border crossing,\" a senior security official said.",
            "a senior security official",
        ),
        (
            "\"The talks are stuck,\" two people briefed on the negotiations said.",
            "two people briefed on the negotiations",
        ),
        // Ordinary people named by occupation or kin.
        (
            "\"We lost the whole harvest,\" a farmer from the valley said.",
            "a farmer from the valley",
        ),
        (
            "\"The bridge is down,\" one soldier at the checkpoint told reporters.",
            "one soldier at the checkpoint",
        ),
        (
            "\"Nobody came for days,\" said a mother of three.",
            "a mother of three",
        ),
        (
            "\"The wards are full,\" a nurse said on Tuesday.",
            "a nurse",
        ),
    ];
    for (text, want) in cases {
        let a = Article::builder().id("a").text(text).build();
        let qs = enricher.quotes(&a, &coder.code_article(&a));
        assert_eq!(qs.len(), 1, "{text}");
        assert_eq!(qs[0].speaker, None, "{text}");
        assert_eq!(qs[0].speaker_description.as_deref(), Some(want), "{text}");
    }
    // A named speaker has no description.
    let a = Article::builder()
        .id("b")
        .text("\"We will stay,\" said Maria Lopez.")
        .build();
    let qs = enricher.quotes(&a, &coder.code_article(&a));
    assert_eq!(qs[0].speaker.as_deref(), Some("Maria Lopez"));
    assert_eq!(qs[0].speaker_description, None);
}
