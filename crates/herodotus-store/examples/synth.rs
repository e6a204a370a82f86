//! Synthetic event stores for benchmarks and tests.
//!
//! ```text
//! cargo run --release -p herodotus-store --example synth -- generate DB EVENTS
//! cargo run --release -p herodotus-store --example synth -- bench DB
//! cargo run --release -p herodotus-store --example synth -- jsonl ARTICLES > in.jsonl
//! ```
//! `generate` writes EVENTS events (4 per article) between 30 actor countries
//! over 2022-2024, with a Zipf-like spread (USA and RUS the most active), in
//! batches of 1,000 articles through the same store API that `ingest` uses.
//! `bench` times dyad series and other queries. `jsonl` prints articles for
//! the CLI (`herodotus ingest`) with distinct texts.

use herodotus_core::{Article, CodedArticle, Date, Event, Place};
use herodotus_store::{Bucketing, DyadQuery, EventFilter, Processed, Store};
use std::time::Instant;

const COUNTRIES: &[&str] = &[
    "USA", "RUS", "UKR", "CHN", "GBR", "FRA", "DEU", "ISR", "IRN", "TUR", "SYR", "IND", "PAK",
    "JPN", "KOR", "PRK", "SAU", "EGY", "IRQ", "AFG", "BRA", "MEX", "CAN", "POL", "ITA", "ESP",
    "NGA", "ZAF", "AUS", "VNM",
];
const ROLES: &[&str] = &["GOV", "MIL", "", "OPP", "BUS", "MED"];
const CODES: &[(&str, u8, f32)] = &[
    ("010", 1, 0.0),
    ("036", 1, 4.0),
    ("042", 1, 1.9),
    ("057", 1, 8.0),
    ("061", 2, 6.4),
    ("070", 2, 7.0),
    ("111", 3, -2.0),
    ("112", 3, -2.0),
    ("130", 3, -4.4),
    ("173", 4, -5.0),
    ("190", 4, -10.0),
    ("193", 4, -10.0),
];

use herodotus_core::rng::Rng;

/// Zipf-ish draws on top of the shared generator.
trait Zipf {
    /// Index i in 0..n with weight 1/(i+1).
    fn zipf(&mut self, n: usize) -> usize;
}

impl Zipf for Rng {
    fn zipf(&mut self, n: usize) -> usize {
        let h: f64 = (1..=n).map(|i| 1.0 / i as f64).sum();
        let mut x = (self.next() % 1_000_000) as f64 / 1_000_000.0 * h;
        for i in 0..n {
            x -= 1.0 / (i + 1) as f64;
            if x <= 0.0 {
                return i;
            }
        }
        n - 1
    }
}

fn article(i: u64, rng: &mut Rng, per: usize) -> (Article, Processed) {
    let start = Date::parse("2022-01-01").unwrap().to_days();
    let day = start + rng.below(3 * 365) as i64;
    let text = format!(
        "Officials met in the capital on day {i}. Talks were described as difficult by both sides. \
         A spokesman said further meetings are planned."
    );
    let a = Article::builder()
        .id(format!("synth-{i}"))
        .text(text.clone())
        .date(Some(Date::from_days(day)))
        .title(Some(format!("Synthetic story {i}")))
        .source(Some("synthetic".to_string()))
        .build();
    let events = (0..per)
        .map(|_| {
            let s = COUNTRIES[rng.zipf(COUNTRIES.len())];
            let mut t = COUNTRIES[rng.zipf(COUNTRIES.len())];
            if t == s {
                t = COUNTRIES[(rng.below(COUNTRIES.len() - 1)
                    + 1
                    + COUNTRIES.iter().position(|c| *c == s).unwrap())
                    % COUNTRIES.len()];
            }
            let (code, quad, g) = CODES[rng.below(CODES.len())];
            Event::builder()
                .article_id(a.id.clone())
                .date(a.date)
                .sentence_index(0)
                .sentence(text[..41].to_string())
                .source_code(format!("{s}{}", ROLES[rng.below(ROLES.len())]))
                .source_text(s)
                .target_code(format!("{t}{}", ROLES[rng.below(ROLES.len())]))
                .target_text(t)
                .event_code(code)
                .event_root(herodotus_core::CameoCode::new(code).root())
                .event_label("synthetic")
                .quad_class(quad)
                .goldstein(g)
                .pattern("synth")
                .source_span([0, 9])
                .verb_span([10, 13])
                .sentence_span([0, 41])
                .is_root_event(true)
                .sentence_tone(Some((rng.below(200) as f32 - 100.0) / 10.0))
                .action_geo(Some(Place::new(t, 1, t, None, 0.0, 0.0)))
                .build()
        })
        .collect();
    let mut coded = CodedArticle::default();
    coded.sentences = vec![[0, 41], [42, 98], [99, text.len()]];
    coded.events = events;
    (a, Processed::new(coded))
}

fn generate(db: &str, events: u64) {
    let per = 4;
    let articles = events.div_ceil(per as u64);
    let mut store = Store::open(db.as_ref()).expect("open");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let t0 = Instant::now();
    let mut i = 0;
    while i < articles {
        let n = (articles - i).min(1000);
        let batch: Vec<_> = (i..i + n).map(|k| article(k, &mut rng, per)).collect();
        store.insert_batch(&batch).expect("insert");
        i += n;
    }
    store
        .connection()
        .execute_batch("ANALYZE")
        .expect("analyze");
    let secs = t0.elapsed().as_secs_f64();
    let c = store.counts().expect("counts");
    println!(
        "generated {} articles, {} events in {secs:.1} s ({:.0} events/s)",
        c.articles,
        c.events,
        c.events as f64 / secs
    );
}

fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        out = Some(f());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{label:<48} median {:>7.2} ms   max {:>7.2} ms   ({runs} runs)",
        times[times.len() / 2],
        times[times.len() - 1]
    );
    out.expect("at least one run")
}

fn bench(db: &str) {
    let store = Store::open(db.as_ref()).expect("open");
    let c = store.counts().expect("counts");
    println!("{} events, {} articles", c.events, c.articles);
    for (a, b, by, directed) in [
        ("USA", "RUS", Bucketing::Week, false),
        ("USA", "RUS", Bucketing::Day, false),
        ("USA", "RUS", Bucketing::Month, false),
        ("USA", "RUS", Bucketing::Week, true),
        ("USAGOV", "RUSMIL", Bucketing::Week, false),
        ("ISR", "IRN", Bucketing::Week, false),
    ] {
        let mut q = DyadQuery::new(a, b, by);
        q.directed = directed;
        let label = format!(
            "dyad {a} {b} --by {by:?}{}",
            if directed { " --directed" } else { "" }
        );
        let s = time(&label, 20, || store.dyad_series(&q).expect("series"));
        let n: u64 = s.iter().map(|b| b.count).sum();
        println!("{:<48} -> {} buckets, {n} events", "", s.len());
    }
    let mut q = DyadQuery::new("USA", "RUS", Bucketing::Week);
    q.from = Date::parse("2024-01-01");
    q.to = Date::parse("2024-06-30");
    time("dyad USA RUS --by week, first half of 2024", 20, || {
        store.dyad_series(&q).expect("series")
    });
    let mut f = EventFilter::default();
    f.source = Some("USA".into());
    f.target = Some("RUS".into());
    f.undirected = true;
    f.from = Date::parse("2023-03-06");
    f.to = Date::parse("2023-03-12");
    f.limit = Some(500);
    f.with_quotes = true;
    let n = time("events of one USA-RUS week (click a point)", 20, || {
        store.events(&f).expect("events").len()
    });
    println!("{:<48} -> {n} events", "");
    time("top 25 dyads (dashboard)", 5, || {
        store.top_dyads(25, None).expect("top")
    });
    let mut f = EventFilter::default();
    f.text = Some("day 123457".into());
    f.limit = Some(100);
    time("events by full-text search (one article)", 5, || {
        store.events(&f).expect("events").len()
    });
    time("sentence search, common word, first 50", 5, || {
        store.search("difficult", 50, 0).expect("search").len()
    });
}

fn jsonl(n: u64) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for i in 0..n {
        let day = Date::from_days(Date::parse("2024-01-01").unwrap().to_days() + (i % 300) as i64);
        let text = format!(
            "Russian troops attacked Ukrainian positions near Kharkiv on day {i}. \
             The United States condemned Russia over the attack. \
             \"This must stop,\" Secretary of State Antony Blinken said."
        );
        let rec = serde_json::json!({ "id": format!("story-{i}"), "date": day.to_string(), "title": format!("Story {i}"), "text": text });
        writeln!(out, "{rec}").expect("write");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", db, n] => generate(db, n.parse().expect("EVENTS is a number")),
        ["bench", db] => bench(db),
        ["jsonl", n] => jsonl(n.parse().expect("ARTICLES is a number")),
        _ => {
            eprintln!("usage: synth generate DB EVENTS | synth bench DB | synth jsonl ARTICLES");
            std::process::exit(2);
        }
    }
}
