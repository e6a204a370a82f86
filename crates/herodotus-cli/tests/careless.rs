//! Careless input through the binary (issue 11, items 2, 4 and 7): undated
//! articles are reported, re-ingesting with a date updates them, articles in
//! other languages are counted, and `ingest` prints its summary when stderr is
//! not a terminal (here it is a pipe).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EN: &str = "The United States condemned Russia over the missile strikes on Kyiv. \
    Russia accused the United States of provoking the conflict.";
const DE: &str = "Russland hat am Dienstag die Vereinigten Staaten scharf kritisiert. Der \
    Außenminister sagte, die neuen Sanktionen seien ein feindseliger Akt und würden die \
    Beziehungen zwischen beiden Ländern weiter beschädigen.";
const RU: &str = "Россия во вторник резко раскритиковала Соединенные Штаты. Министр \
    иностранных дел заявил, что новые санкции являются враждебным актом.";

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let d = std::env::temp_dir().join(format!(
            "herodotus-careless-test-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("create temp dir");
        TempDir(d)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, text).expect("write input");
        p.display().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn herodotus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_herodotus"))
        .args(args)
        .output()
        .expect("run herodotus")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn summary(o: &Output) -> serde_json::Value {
    let out = String::from_utf8_lossy(&o.stdout);
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn dyad_events(db: &Path) -> u64 {
    let o = herodotus(&[
        "dyad",
        "USA",
        "RUS",
        "--db",
        db.to_str().unwrap(),
        "--by",
        "month",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // TSV with a header: start, end, count, ...
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(2)?.parse::<u64>().ok())
        .sum()
}

const UNDATED: &str =
    "have no date and will not appear in time series; give --date or a date field";

#[test]
fn undated_articles_are_reported_and_a_date_given_later_updates_them() {
    let dir = TempDir::new("dates");
    let en = dir.file("en.txt", EN);
    let db = dir.0.join("t.db");
    let dbs = db.to_str().unwrap();

    let o = herodotus(&["code", &en]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("1 articles {UNDATED}")),
        "{}",
        stderr(&o)
    );
    let o = herodotus(&["code", &en, "--date", "2024-05-01"]);
    assert!(!stderr(&o).contains(UNDATED), "{}", stderr(&o));

    // Item 7: stderr is a pipe here, and the summary is still printed.
    let o = herodotus(&["ingest", &en, "--db", dbs, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("1 articles read: 1 new"), "{err}");
    assert!(err.contains(&format!("1 articles {UNDATED}")), "{err}");
    // ... and the progress bar (spinner, cursor moves) stays terminal-only.
    assert!(
        !err.contains('\r') && !err.contains("\x1b["),
        "no progress bar on a pipe: {err:?}"
    );
    let s = summary(&o);
    assert_eq!(
        (s["inserted"].as_u64(), s["undated"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(s["events"].as_u64().unwrap() > 0);
    assert_eq!(dyad_events(&db), 0, "undated events are in no series");
    let o = herodotus(&["dyad", "USA", "RUS", "--db", dbs]);
    assert!(
        stderr(&o).contains("1 stored articles have no date"),
        "{}",
        stderr(&o)
    );

    // The same file with --date: updated (it used to be "already stored").
    let o = herodotus(&["ingest", &en, "--db", dbs, "--date", "2024-05-01", "--json"]);
    let s = summary(&o);
    assert_eq!(
        (s["updated"].as_u64(), s["undated"].as_u64()),
        (Some(1), Some(0)),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains(UNDATED));
    assert!(dyad_events(&db) > 0, "dated events make a series");
    let o = herodotus(&["dyad", "USA", "RUS", "--db", dbs]);
    assert!(!stderr(&o).contains("have no date"), "{}", stderr(&o));

    // Without --date again: nothing to do, the date is kept.
    let s = summary(&herodotus(&["ingest", &en, "--db", dbs, "--json"]));
    assert_eq!(
        (s["unchanged"].as_u64(), s["undated"].as_u64()),
        (Some(1), Some(0))
    );
    // --replace stores it again as given.
    let s = summary(&herodotus(&[
        "ingest",
        &en,
        "--db",
        dbs,
        "--json",
        "--replace",
    ]));
    assert_eq!(
        (s["updated"].as_u64(), s["undated"].as_u64()),
        (Some(1), Some(1))
    );
}

#[test]
fn other_languages_are_counted_skipped_by_code_and_stored_by_ingest() {
    let dir = TempDir::new("langs");
    let inputs = [
        dir.file("en.txt", EN),
        dir.file("de.txt", DE),
        dir.file("ru.txt", RU),
    ];
    let mut args = vec!["code", "--date", "2024-05-01"];
    args.extend(inputs.iter().map(String::as_str));
    let o = herodotus(&args);
    let err = stderr(&o);
    assert!(
        err.contains("1 articles coded") && err.contains("2 non-English articles skipped"),
        "{err}"
    );
    // A skip, like a bad record: exit status 1.
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!o.stdout.is_empty(), "the English article is still coded");

    let db = dir.0.join("t.db");
    let mut args = vec![
        "ingest",
        "--date",
        "2024-05-01",
        "--json",
        "--db",
        db.to_str().unwrap(),
    ];
    args.extend(inputs.iter().map(String::as_str));
    let o = herodotus(&args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "stored, not skipped: {err}");
    assert!(
        err.contains("2 not in English stored without events"),
        "{err}"
    );
    let s = summary(&o);
    assert_eq!(s["inserted"].as_u64(), Some(3));
    assert_eq!(s["non_english_without_events"].as_u64(), Some(2));
}

/// Issue 11 item 9: the README says how to get `herodotus` on the PATH before
/// its first `herodotus ...` example, and the install command names this crate.
#[test]
fn readme_says_how_to_get_the_binary_before_using_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let install = "cargo install --locked --path crates/herodotus-cli";
    let at = readme
        .find(install)
        .expect("README gives the install command");
    let first_use = [
        "code",
        "explain",
        "extract",
        "quotes",
        "merge",
        "unknown-actors",
        "ingest",
        "query",
        "dyad",
        "serve",
        "eval",
        "bench",
    ]
    .iter()
    .filter_map(|c| readme.find(&format!("herodotus {c}")))
    .min()
    .expect("README has examples");
    assert!(
        at < first_use,
        "install at byte {at}, first example at {first_use}"
    );
    assert!(
        readme[at..].contains("target/release/herodotus"),
        "and the built binary's path"
    );
    let manifest = std::fs::read_to_string(root.join("crates/herodotus-cli/Cargo.toml")).unwrap();
    assert!(
        manifest.contains("name = \"herodotus\""),
        "the crate installs `herodotus`"
    );
}

/// Issue 11: a file of binary junk given as text is refused with its name and a
/// failing exit status; the good file beside it is still coded.
#[test]
fn binary_junk_is_reported_by_name_and_the_rest_coded() {
    let dir = TempDir::new("junk");
    let good = dir.file("en.txt", EN);
    let junk_path = dir.0.join("photo.txt");
    // Bytes of every value, as in an image or an executable.
    let junk: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(&junk_path, junk).expect("write junk");
    let o = herodotus(&[
        "code",
        "--date",
        "2024-05-01",
        &good,
        junk_path.to_str().unwrap(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("photo.txt") && err.contains("binary content, not text"),
        "{err}"
    );
    assert!(err.contains("1 articles coded"), "{err}");
    assert!(!o.stdout.is_empty(), "the good file is still coded");
}
