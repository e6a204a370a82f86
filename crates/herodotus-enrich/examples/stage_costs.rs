//! Stage costs on a hostile input, to find what is superlinear: run it at n and
//! 4n and compare (docs/RELIABILITY.md).
//!
//! `cargo run -p herodotus-enrich --example stage_costs -- CASE N [coder|mentions]`
//! CASE: countries, and, comma, line, sents, nested, quotes, pronouns, pronoun1,
//! caps, words, saidq, names. `coder` codes the text first (its mentions feed
//! enrichment); `mentions` makes one mention per gazetteer name instead.
use herodotus_core::{Article, CodedArticle, Coder, Dictionaries};
use std::time::Instant;

fn gen(case: &str, n: usize) -> String {
    let countries = [
        "France", "Germany", "Russia", "China", "Japan", "Brazil", "India", "Canada", "Mexico",
        "Egypt", "Iran", "Iraq", "Syria", "Turkey", "Spain", "Italy", "Poland", "Ukraine",
    ];
    match case {
        "countries" => format!(
            "Leaders of {} met in Geneva.",
            (0..n)
                .map(|i| countries[i % countries.len()])
                .collect::<Vec<_>>()
                .join(", ")
        ),
        "and" => format!("{}China met.", "Russia and ".repeat(n)),
        "comma" => "Russia, ".repeat(n),
        "line" => {
            "Russia accused Ukraine of shelling the city and China urged restraint, ".repeat(n)
        }
        "sents" => "Russia accused Ukraine of shelling the city. China urged restraint. ".repeat(n),
        "nested" => format!(
            "{}Russia attacked Ukraine{}.",
            "He said \"".repeat(n),
            "\"".repeat(n)
        ),
        "quotes" => "\"".repeat(n),
        "pronouns" => format!(
            "Putin met Zelensky. {}",
            "He said she told them it was his. ".repeat(n)
        ),
        "pronoun1" => format!(
            "Putin met Zelensky. {}.",
            "he she they it his her them ".repeat(n)
        ),
        "caps" => "Alpha Beta Gamma Delta Said ".repeat(n),
        "words" => "word ".repeat(n),
        "saidq" => "\"We will fight,\" Russia said. He said Russia would win. ".repeat(n),
        "names" => (0..n)
            .map(|i| {
                let w = |k: usize| {
                    let mut s = String::from("Q");
                    let mut k = k;
                    for _ in 0..4 {
                        s.push((b'a' + (k % 26) as u8) as char);
                        k /= 26;
                    }
                    s
                };
                format!("{} {} said the talks failed. ", w(i), w(i * 7 + 3))
            })
            .collect(),
        _ => panic!("case"),
    }
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let case = &a[1];
    let n: usize = a[2].parse().unwrap();
    let coder_on = a.get(3).is_some_and(|s| s == "coder");
    let text = gen(case, n);
    eprintln!("{case} n={n} bytes={}", text.len());
    let t = Instant::now();
    let s = herodotus_core::sentences::split(&text);
    eprintln!("  split: {:?} ({} sentences)", t.elapsed(), s.len());
    let t = Instant::now();
    let mut nt = 0;
    for &sp in &s {
        nt += herodotus_core::tokens::tokenize(&text, sp).len();
    }
    eprintln!("  tokenize: {:?} ({nt} tokens)", t.elapsed());
    let article = Article::builder()
        .id("x")
        .text(text.clone())
        .date(herodotus_core::Date::parse("2025-01-01"))
        .build();
    let mut coded = CodedArticle::default();
    if coder_on {
        let coder = Coder::new(Dictionaries::builtin().unwrap());
        let t = Instant::now();
        coded = coder.code_article(&article);
        eprintln!(
            "  coder: {:?} ({} mentions, {} events)",
            t.elapsed(),
            coded.mentions.len(),
            coded.events.len()
        );
    }
    let en = herodotus_enrich::Enricher::new();
    if a.get(3).is_some_and(|s| s == "mentions") {
        for h in en.gazetteer().find_names(&text) {
            coded.mentions.push(herodotus_core::Mention::new(
                0,
                h.span,
                Some("RUS".into()),
                "Russia",
                herodotus_core::ActorKind::Country,
            ));
        }
        eprintln!("  synthetic mentions: {}", coded.mentions.len());
    }
    let t = Instant::now();
    let is_place = |w: &str| en.gazetteer().is_place_word(w);
    let mut finder = herodotus_enrich::quotes::QuoteFinder::new(&text, &coded.mentions, &is_place);
    eprintln!("  quotefinder new: {:?}", t.elapsed());
    let t = Instant::now();
    let q = finder.find("x");
    eprintln!("  quotes find: {:?} ({} quotes)", t.elapsed(), q.len());
    let t = Instant::now();
    let p = herodotus_enrich::places::find_places(en.gazetteer(), &text, &coded.mentions);
    eprintln!("  places: {:?} ({})", t.elapsed(), p.len());
    let t = Instant::now();
    let tone = en.lexicon().tone(&text, [0, text.len()]);
    eprintln!("  tone: {:?} {:?}", t.elapsed(), tone.tone);
    let t = Instant::now();
    let e = en.enrich_coded(&article, &mut coded);
    eprintln!(
        "  enrich total: {:?} ({} entities)",
        t.elapsed(),
        e.entities.len()
    );
    let t = Instant::now();
    let sig = en.signature(&article);
    eprintln!("  signature: {:?}", t.elapsed());
    let _ = sig;
}
