//! Pipeline tests on the built-in dictionaries, with articles we wrote.

use crate::*;
use herodotus_core::{Article, RecordError};

fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        ..Article::default()
    }
}

fn input() -> Vec<std::result::Result<Article, RecordError>> {
    let mut v = Vec::new();
    for i in 0..(BATCH + 7) {
        v.push(Ok(article(
            &format!("a{i}"),
            "Russian troops attacked Ukrainian positions near Kharkiv on Monday.",
        )));
    }
    v.insert(3, Err(RecordError::new("in.jsonl:4", "not JSON")));
    let mut fr = article("fr", "Le président a parlé hier soir.");
    fr.language = Some("fr".into());
    v.insert(9, Ok(fr));
    v
}

#[test]
fn run_keeps_input_order_and_counts_skips() {
    let p = Pipeline::new(Options {
        threads: Some(2),
        ..Options::default()
    })
    .unwrap();
    let mut ids = Vec::new();
    let mut bad = Vec::new();
    let mut sink = FnSink(|a: Article, pr: Processed| {
        assert!(!pr.coded.events.is_empty(), "{}", a.id);
        assert!(pr.tone.is_some(), "enriched by default");
        ids.push(a.id);
        Ok(())
    });
    let stats = p
        .run(input(), &mut sink, &mut |e| bad.push(e.to_string()))
        .unwrap();
    let want: Vec<String> = (0..(BATCH + 7)).map(|i| format!("a{i}")).collect();
    assert_eq!(ids, want);
    assert_eq!(bad, vec!["in.jsonl:4: not JSON".to_string()]);
    assert_eq!(stats.articles, (BATCH + 7) as u64);
    assert_eq!(stats.bad_records, 1);
    assert_eq!(stats.non_english, 1);
    assert_eq!(stats.declined, 0);
    assert!(stats.events >= stats.articles);
}

struct Declining(usize);
impl EventSink for Declining {
    fn wants(&mut self, a: &Article) -> Result<bool> {
        Ok(a.id != "a1")
    }
    fn write(&mut self, _: Article, _: Processed) -> Result<()> {
        self.0 += 1;
        Ok(())
    }
}

#[test]
fn declined_articles_are_not_coded() {
    let p = Pipeline::new(Options {
        enrich: false,
        ..Options::default()
    })
    .unwrap();
    let mut s = Declining(0);
    let stats = p.run(input(), &mut s, &mut |_| {}).unwrap();
    assert_eq!(stats.declined, 1);
    assert_eq!(s.0 as u64, stats.articles);
    assert_eq!(stats.articles, (BATCH + 6) as u64);
}

#[test]
fn process_iter_matches_process() {
    let p = Pipeline::new(Options::default()).unwrap();
    let arts: Vec<Article> = input().into_iter().filter_map(|r| r.ok()).collect();
    let one: Vec<usize> = arts
        .iter()
        .map(|a| p.process(a).coded.events.len())
        .collect();
    let many: Vec<usize> = p
        .process_iter(arts.clone())
        .map(|(_, pr)| pr.coded.events.len())
        .collect();
    assert_eq!(one, many);
}

#[test]
fn writers_share_one_column_list() {
    let p = Pipeline::new(Options::default()).unwrap();
    let a = article("x", "Iran fired missiles at Israel on Tuesday.");
    let pr = p.process(&a);
    assert!(!pr.coded.events.is_empty());
    for (format, sep) in [(Format::Tsv, '\t'), (Format::Csv, ',')] {
        let mut w = EventWriter::new(Vec::new(), format);
        w.begin().unwrap();
        w.write(a.clone(), pr.clone()).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let header = text.lines().next().unwrap();
        assert_eq!(header.split(sep).count(), writers::columns::TABLE.len());
        assert_eq!(text.lines().count(), 1 + pr.coded.events.len());
    }
}

#[test]
fn dictionary_errors_name_the_directory() {
    let e = Pipeline::new(Options {
        dicts: DictSource::Dir("/nonexistent/dicts".into()),
        ..Options::default()
    })
    .err()
    .unwrap();
    assert!(e.to_string().contains("/nonexistent/dicts"), "{e}");
}

#[test]
fn pipeline_is_send_sync() {
    fn f<T: Send + Sync>() {}
    f::<Pipeline>();
}
