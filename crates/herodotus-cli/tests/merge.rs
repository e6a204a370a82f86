//! End-to-end test of `herodotus merge`: near-duplicate wire copies fall into one
//! story and their events merge with GDELT-style counts; bad records are reported.

use std::path::PathBuf;
use std::process::{Command, Output};

const STORY: &str = "MOSCOW (Reuters) - Russia on Tuesday expelled ten Polish diplomats in a \
    tit-for-tat move after Warsaw accused Moscow of spying, the foreign ministry said in a \
    statement. The diplomats were given five days to leave the country. Poland's foreign \
    minister said the decision was unjustified and that Warsaw would consider its response in \
    consultation with its allies in the European Union and NATO.";

const OTHER: &str = "BRASILIA - Brazil's President Luiz Inacio Lula da Silva met Argentine \
    President Javier Milei in Brasilia on Monday to discuss trade, and the two leaders signed an \
    agreement on energy cooperation. Officials said further talks were planned for next month.";

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let d = std::env::temp_dir().join(format!(
            "herodotus-merge-test-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("create temp dir");
        TempDir(d)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn record(id: &str, date: &str, source: &str, text: &str) -> String {
    serde_json::json!({"id": id, "date": date, "source": source, "text": text}).to_string()
}

/// Two wire copies of one story (small edits, "Russian Federation" for "Russia")
/// and one different story, as JSONL lines.
fn lines() -> Vec<String> {
    let copy = STORY
        .replace("(Reuters) - ", "(AP) - ")
        .replace("ten", "10")
        .replace("Russia on", "Russian Federation on")
        + " Additional reporting by staff.";
    vec![
        record("wire-1", "2025-03-11", "Reuters", STORY),
        record("wire-2", "2025-03-11", "AP", &copy),
        record("other", "2025-03-10", "Agencia Brasil", OTHER),
    ]
}

fn run(dir: &TempDir, lines: &[String], extra: &[&str]) -> Output {
    let input = dir.0.join("in.jsonl");
    std::fs::write(&input, lines.join("\n") + "\n").expect("write input");
    Command::new(env!("CARGO_BIN_EXE_herodotus"))
        .arg("merge")
        .arg(&input)
        .args(["--threads", "2"])
        .args(extra)
        .output()
        .expect("run herodotus")
}

#[test]
fn wire_copies_merge_into_one_story() {
    let dir = TempDir::new("copies");
    let out = run(&dir, &lines(), &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "status {:?}: {stderr}", out.status);
    assert!(
        stderr.contains("3 articles, 2 stories"),
        "summary line: {stderr}"
    );
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert!(!records.is_empty(), "no merged events; stderr: {stderr}");

    // The two copies are one story: every mention of them carries the same cluster.
    let cluster_of = |id: &str| {
        records
            .iter()
            .flat_map(|r| r["mentions"].as_array().unwrap())
            .find(|m| m["article_id"] == id)
            .map(|m| m["cluster"].as_u64().unwrap())
    };
    let (c1, c2, c3) = (
        cluster_of("wire-1"),
        cluster_of("wire-2"),
        cluster_of("other"),
    );
    assert!(
        c1.is_some() && c1 == c2,
        "copies in clusters {c1:?}, {c2:?}"
    );
    assert!(c3.is_some() && c3 != c1, "other story in cluster {c3:?}");

    // An event of the story is merged over both copies.
    let merged = records
        .iter()
        .find(|r| r["num_articles"] == 2)
        .unwrap_or_else(|| panic!("no event with NumArticles 2: {records:#?}"));
    assert!(merged["num_mentions"].as_u64().unwrap() >= 2, "{merged:#}");
    assert_eq!(merged["num_sources"], 2, "{merged:#}");
    assert_eq!(merged["num_stories"], 1, "{merged:#}");
    assert_eq!(merged["stories"][0]["articles"], 2, "{merged:#}");
    assert_eq!(merged["date"], "2025-03-11");
    assert_eq!(merged["sqldate"], 20250311);

    // Nothing from the other story is merged with the copies.
    for r in &records {
        let ids: Vec<&str> = r["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["article_id"].as_str().unwrap())
            .collect();
        assert!(
            !(ids.contains(&"other") && ids.iter().any(|i| i.starts_with("wire"))),
            "{r:#}"
        );
    }
}

#[test]
fn tsv_has_gdelt_columns() {
    let dir = TempDir::new("tsv");
    let out = run(&dir, &lines(), &["--format", "tsv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = text.lines().map(|l| l.split('\t').collect::<Vec<_>>());
    let header = rows.next().expect("header");
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name}: {header:?}"))
    };
    let (articles, mentions, ids) = (
        col("NumArticles"),
        col("NumMentions"),
        col("MentionArticleIds"),
    );
    for name in ["SQLDATE", "EventRootCode", "AvgTone", "ActionGeo_Long"] {
        col(name);
    }
    let rows: Vec<Vec<&str>> = rows.collect();
    let row = rows
        .iter()
        .find(|r| r[articles] == "2")
        .unwrap_or_else(|| panic!("no row with NumArticles 2: {rows:?}"));
    assert!(row[mentions].parse::<usize>().unwrap() >= 2);
    assert_eq!(row[ids], "wire-1;wire-2");
    assert!(rows.iter().all(|r| r.len() == header.len()));
}

#[test]
fn malformed_line_is_reported_and_skipped() {
    let dir = TempDir::new("malformed");
    let mut lines = lines();
    lines.insert(2, r#"{"id": "broken", "text": "no closing"#.to_string());
    let out = run(&dir, &lines, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("herodotus: ") && l.contains("in.jsonl:3")),
        "no origin with line number: {stderr}"
    );
    assert!(stderr.contains("1 bad records skipped"), "{stderr}");
    // The good records are still merged.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"num_articles\":2"), "{stdout}");
}

#[test]
fn merged_events_are_stored_and_queryable() {
    let dir = TempDir::new("db");
    let db = dir.0.join("m.db");
    let db_arg = db.to_str().expect("UTF-8 temp path");
    let query = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_herodotus"))
            .args(["query", "--db", db_arg, "--merged"])
            .args(extra)
            .output()
            .expect("run herodotus query")
    };
    // Twice: the second merge replaces the first, it does not add to it.
    for _ in 0..2 {
        let out = run(&dir, &lines(), &["--db", db_arg]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stdout.is_empty(),
            "with --db and no -o nothing goes to stdout"
        );
    }
    let out = query(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let merged = records
        .iter()
        .find(|r| r["num_articles"] == 2)
        .unwrap_or_else(|| panic!("no stored event with NumArticles 2: {records:#?}"));
    assert_eq!(merged["num_sources"], 2);
    // The GDELT table carries the counts in NumMentions/NumSources/NumArticles.
    let out = query(&["--format", "tsv"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), records.len());
    assert!(
        text.lines().any(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            c.len() == 61 && c[32] == "2" && c[33] == "2"
        }),
        "{text}"
    );
}
