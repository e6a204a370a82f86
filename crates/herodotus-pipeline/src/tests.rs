//! Pipeline tests on the built-in dictionaries, with articles we wrote.

use crate::*;
use herodotus_core::{Article, RecordError};

fn article(id: &str, text: &str) -> Article {
    Article::builder().id(id).text(text).build()
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

fn coded_sample() -> (Article, Processed) {
    let p = Pipeline::new(Options::default()).unwrap();
    let mut a = article("x", "Iran fired missiles at Israel on Tuesday.");
    a.date = herodotus_core::Date::parse("2024-10-01");
    let pr = p.process(&a);
    assert!(!pr.coded.events.is_empty());
    (a, pr)
}

fn write_all(format: Format, a: &Article, pr: &Processed) -> Vec<u8> {
    let mut w = EventWriter::new(Vec::new(), format).unwrap();
    w.begin().unwrap();
    w.write(a.clone(), pr.clone()).unwrap();
    w.into_inner().unwrap()
}

#[test]
fn csv_and_gdelt_follow_their_column_lists() {
    let (a, pr) = coded_sample();
    let n = pr.coded.events.len();
    let csv = String::from_utf8(write_all(Format::Csv, &a, &pr)).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let names: Vec<&str> = writers::columns::CSV.iter().map(|c| c.name).collect();
    assert_eq!(header, names);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), n);
    assert_eq!(&rows[0][3], "IRN");
    assert_eq!(&rows[0][2], "2024-10-01");
    assert!(csv.ends_with("\r\n"), "RFC 4180 line ends");

    let tsv = String::from_utf8(write_all(Format::Gdelt, &a, &pr)).unwrap();
    assert_eq!(tsv.lines().count(), n, "no header");
    let cols: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!(cols.len(), 61);
    assert_eq!(cols[1], "20241001");
    assert_eq!(cols[5], "IRN");
    assert_eq!(cols[7], "IRN");
    assert_eq!(cols[60], "x", "SOURCEURL falls back to the article id");
}

#[test]
fn jsonl_is_the_event_itself() {
    let (a, pr) = coded_sample();
    let text = String::from_utf8(write_all(Format::Jsonl, &a, &pr)).unwrap();
    let first: herodotus_core::Event = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first, pr.coded.events[0]);
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_round_trips() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let (a, pr) = coded_sample();
    let bytes = write_all(Format::Parquet, &a, &pr);
    let r = SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
    let meta = r.metadata();
    assert_eq!(
        meta.file_metadata().num_rows() as usize,
        pr.coded.events.len()
    );
    let schema = meta.file_metadata().schema_descr();
    assert_eq!(schema.num_columns(), writers::columns::CSV.len());
    assert_eq!(schema.column(3).name(), "source_code");
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_is_a_clear_error() {
    let e = EventWriter::new(Vec::new(), Format::Parquet).err().unwrap();
    assert!(e.to_string().contains("--features parquet"), "{e}");
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
