//! Kill an ingest mid-way, run it again, and check that nothing is lost or
//! duplicated. The test binary runs itself as the ingesting child process
//! (selected by an environment variable), so the real pipeline and real
//! SQLite files are used, and the kill is a real SIGKILL at an arbitrary point.

use herodotus_core::{Article, CodedArticle, Date, Event, RecordError};
use herodotus_pipeline::{EventSink, Processed};
use herodotus_store::{IngestOptions, Store, StoreSink};
use std::path::{Path, PathBuf};
use std::process::Command;

const ARTICLES: usize = 6000;
const EVENTS_PER: usize = 3;
const CHILD_ENV: &str = "HERODOTUS_STORE_KILL_CHILD_DB";

fn input() -> impl Iterator<Item = Result<Article, RecordError>> {
    (0..ARTICLES).map(|i| {
        if i % 1000 == 999 {
            // Bad records are reported and skipped, every run.
            return Err(RecordError::new(&format!("gen:{i}"), "bad record"));
        }
        Ok(Article::builder()
            .id(format!("k{i}"))
            .text(format!(
                "Story number {i}. Washington criticised Moscow. Moscow replied."
            ))
            .date(Date::new(2024, 1 + (i % 12) as u8, 1 + (i % 28) as u8))
            .build())
    })
}

fn process(a: &Article) -> Processed {
    let events = (0..EVENTS_PER)
        .map(|k| {
            Event::builder()
                .article_id(a.id.clone())
                .date(a.date)
                .sentence_index(1)
                .sentence("Washington criticised Moscow.")
                .source_code("USAGOV")
                .source_text("Washington")
                .target_code("RUSGOV")
                .target_text("Moscow")
                .event_code(format!("11{k}"))
                .event_root("11")
                .event_label("criticise")
                .quad_class(3)
                .goldstein(-2.0)
                .pattern("kill-test")
                .build()
        })
        .collect();
    let mut coded = CodedArticle::default();
    coded.sentences = vec![[0, 10]];
    coded.events = events;
    Processed::new(coded)
}

fn child(db: &Path) {
    let mut store = Store::open(db).expect("open");
    let mut opts = IngestOptions::default();
    opts.batch_size = 20;
    let mut sink = StoreSink::new(&mut store, &opts);
    // The pipeline's protocol, driven by hand with a stand-in coder: bad records
    // are counted, known articles declined, the rest written in order.
    let mut errors = 0;
    sink.begin().expect("begin");
    for rec in input() {
        match rec {
            Ok(a) => {
                if sink.wants(&a).expect("wants") {
                    let p = process(&a);
                    sink.write(a, p).expect("write");
                }
            }
            Err(_) => errors += 1,
        }
    }
    sink.finish().expect("finish");
    assert_eq!(errors, ARTICLES / 1000);
}

fn spawn(db: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().expect("exe"))
        .args([
            "--exact",
            "interrupted_ingest_completes_exactly",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, db)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn child")
}

fn counts(db: &Path) -> Option<(u64, u64, u64)> {
    let s = Store::open_read_only(db).ok()?;
    let c = s.counts().ok()?;
    Some((c.articles, c.events, c.sentences))
}

#[test]
fn interrupted_ingest_completes_exactly() {
    if let Some(db) = std::env::var_os(CHILD_ENV) {
        child(Path::new(&db));
        return;
    }
    let dir: PathBuf = std::env::temp_dir().join(format!("hstore-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("kill.db");

    let good = (ARTICLES - ARTICLES / 1000) as u64;
    let mut kills = 0;
    // Kill at three different depths; each wait is bounded by the child's
    // own progress (it cannot go on past the end of its input).
    for target in [good / 10, good / 3, good * 2 / 3] {
        let mut c = spawn(&db);
        let finished = loop {
            if let Some(status) = c.try_wait().unwrap() {
                assert!(status.success(), "child failed: {status}");
                break true;
            }
            if counts(&db).is_some_and(|(a, _, _)| a >= target) {
                break false;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        };
        if !finished {
            c.kill().unwrap();
            c.wait().unwrap();
            kills += 1;
        }
        // Whatever was committed is whole: every stored article has all its events.
        let (a, e, s) = counts(&db).unwrap();
        assert_eq!(e, a * EVENTS_PER as u64, "articles {a}, events {e}");
        assert_eq!(s, a);
        assert!(a <= good);
    }
    // Complete it, then run once more: nothing changes.
    for _ in 0..2 {
        let status = spawn(&db).wait().unwrap();
        assert!(status.success());
        assert_eq!(counts(&db), Some((good, good * EVENTS_PER as u64, good)));
    }
    let s = Store::open(&db).unwrap();
    let ids: i64 = s
        .connection()
        .query_row("SELECT count(DISTINCT id) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ids as u64, good);
    let ok: String = s
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    eprintln!("killed {kills} times mid-ingest; final counts exact");
    drop(s);
    std::fs::remove_dir_all(&dir).unwrap();
}
