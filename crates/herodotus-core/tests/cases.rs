//! Construction tables: `tests/cases/*.tsv`, one expected event a line,
//! `sentence<TAB>source<TAB>code<TAB>target`, with `-` in the code column for a
//! sentence that must give no event. All the rows of one sentence together are its
//! exact event set (extra events fail too, so precision is tested, not only recall).
//! `#` lines are comments; `# date: YYYY-MM-DD` sets the article date for the rows
//! below it (default 2020-01-15). Each sentence is coded alone, as a one-sentence
//! article. The sentences are written by us to exercise one construction or verb
//! family each (see the comment heading every table).

use herodotus_core::{Article, Coder, Date, Dictionaries};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

type Triple = (String, String, String);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Parses one table: sentence -> (date, expected events), in file order.
fn parse(name: &str, text: &str) -> Vec<(String, String, BTreeSet<Triple>)> {
    let mut date = "2020-01-15".to_string();
    let mut order: Vec<String> = Vec::new();
    let mut rows: BTreeMap<String, (String, BTreeSet<Triple>)> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(c) = t.strip_prefix('#') {
            if let Some(d) = c.trim().strip_prefix("date:") {
                date = d.trim().to_string();
                assert!(Date::parse(&date).is_some(), "{name}:{}: bad date", i + 1);
            }
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "{name}:{}: want 4 tab-separated fields", i + 1);
        let e = rows.entry(f[0].to_string()).or_insert_with(|| {
            order.push(f[0].to_string());
            (date.clone(), BTreeSet::new())
        });
        if f[2] != "-" {
            e.1.insert((f[1].to_string(), f[2].to_string(), f[3].to_string()));
        }
    }
    order
        .into_iter()
        .map(|s| {
            let (d, ev) = rows.remove(&s).unwrap();
            (s, d, ev)
        })
        .collect()
}

#[test]
fn construction_tables() {
    let dir = root().join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no tables in {}", dir.display());
    let coder = Coder::new(Dictionaries::builtin().unwrap());
    let (mut n, mut failures) = (0usize, Vec::new());
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(f).unwrap();
        for (sentence, date, want) in parse(&name, &text) {
            n += 1;
            let a = Article {
                id: "case".into(),
                text: sentence.clone(),
                date: Date::parse(&date),
                ..Article::default()
            };
            let got: BTreeSet<Triple> = coder
                .code_article(&a)
                .events
                .iter()
                .map(|e| {
                    (
                        e.source_code.clone(),
                        e.event_code.clone(),
                        e.target_code.clone(),
                    )
                })
                .collect();
            if got != want {
                failures.push(format!(
                    "{name}: {sentence}\n    want {want:?}\n    got  {got:?}"
                ));
            }
        }
    }
    assert!(n > 0);
    assert!(
        failures.is_empty(),
        "{} of {n} table sentences fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn tables_parse() {
    let t = "# a table\n# date: 2019-03-01\nA hit B.\tAAA\t190\tBBB\nA hit B.\tAAA\t190\tCCC\nNothing.\t-\t-\t-\n";
    let p = parse("t", t);
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].1, "2019-03-01");
    assert_eq!(p[0].2.len(), 2);
    assert!(p[1].2.is_empty());
}
