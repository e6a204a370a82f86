//! Property tests: every extractor survives random text (unicode, quotation marks
//! of every kind, combining marks, stray newlines) and returns spans that are in
//! bounds and on char boundaries. Deterministic (fixed seeds), no time limits.

use herodotus_core::{ActorKind, Article, CodedArticle, Event, Mention};
use herodotus_enrich::{cluster, quotes, ArticleSig, Enricher};

use herodotus_core::rng::Rng;

const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "„",
    "«",
    "»",
    "‘",
    "’",
    "'",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    ":",
    "?",
    "!",
    "—",
    "-",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "the minister",
    "Lavrov",
    "Sergei",
    "Paris",
    "Texas",
    "Moscow",
    "Russia's",
    "Mr.",
    "U.S.",
    "al-",
    "e\u{301}",
    "\u{301}",
    "\u{20DD}",
    "日本",
    "🙂",
    "Ω",
    "ß",
    "İ",
    "ǅ",
    "a",
    "B",
    "x",
    "WHO",
    "that",
    "(",
    ")",
    "according",
    "to",
    "Ministry",
    "spokesman",
    ",\"",
    ".\"",
    " \"",
    "\u{200B}",
    "\r",
    "\t",
];

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(80);
    let mut s = String::new();
    for _ in 0..n {
        if rng.below(5) == 0 {
            // A random scalar value anywhere in Unicode.
            let c = loop {
                if let Some(c) = char::from_u32((rng.next() % 0x11_0000) as u32) {
                    break c;
                }
            };
            s.push(c);
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    s
}

fn random_span(rng: &mut Rng, text: &str) -> [usize; 2] {
    let bounds: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let a = bounds[rng.below(bounds.len())];
    let b = bounds[rng.below(bounds.len())];
    [a.min(b), a.max(b)]
}

fn check(text: &str, span: [usize; 2], what: &str) {
    assert!(
        span[0] <= span[1] && span[1] <= text.len(),
        "{what}: span {span:?} out of bounds in {text:?}"
    );
    assert!(
        text.is_char_boundary(span[0]) && text.is_char_boundary(span[1]),
        "{what}: span {span:?} not on char boundaries in {text:?}"
    );
}

fn event(rng: &mut Rng, text: &str) -> Event {
    Event::builder()
        .article_id("f")
        .sentence_index(0)
        .source_code(["RUSGOV", "", "X", "USA"][rng.below(4)])
        .target_code(["UKR", "", "IGOUNO"][rng.below(3)])
        .event_code("190")
        .event_root("19")
        .quad_class(4)
        .goldstein(-10.0)
        .source_span(random_span(rng, text))
        .target_span(random_span(rng, text))
        .verb_span(random_span(rng, text))
        .sentence_span(if rng.below(4) == 0 {
            [text.len() + 5, text.len() + 9]
        } else {
            random_span(rng, text)
        })
        .build()
}

#[test]
fn extractors_never_panic_and_keep_spans_valid() {
    let enricher = Enricher::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut sigs = Vec::new();
    for round in 0..3000 {
        let text = random_text(&mut rng);
        for s in quotes::segments(&text) {
            check(&text, s.inner, "segment");
            assert!(s.close_end <= text.len());
            let _ = quotes::segment_text(&text, &s);
        }
        let mentions: Vec<Mention> = (0..rng.below(4))
            .map(|_| {
                let span = random_span(&mut rng, &text);
                let kind = [
                    ActorKind::Person,
                    ActorKind::Country,
                    ActorKind::Agent,
                    ActorKind::Group,
                ][rng.below(4)];
                Mention::new(0, span, Some("RUSGOV".into()), "Sergei Lavrov", kind)
            })
            .collect();
        let events: Vec<Event> = (0..rng.below(3)).map(|_| event(&mut rng, &text)).collect();
        let article = Article::builder()
            .id(format!("a{round}"))
            .text(text.clone())
            .build();
        let mut coded = CodedArticle::default();
        if rng.below(2) != 0 {
            coded.sentences = vec![random_span(&mut rng, &text)];
        }
        coded.mentions = mentions;
        coded.events = events;
        let e = enricher.enrich_coded(&article, &mut coded);
        for q in &e.quotes {
            check(&text, q.span, "quote");
            assert!(q.kind == "direct" || q.kind == "indirect");
        }
        for p in &e.places {
            check(&text, p.span, "place");
        }
        for ent in &e.entities {
            check(&text, ent.first_span, "entity");
            assert!(ent.count >= 1);
        }
        assert!(e.tone.tone.is_finite() && e.tone.polarity >= 0.0);
        for ev in &coded.events {
            assert!(ev.sentence_tone.is_some_and(f32::is_finite));
        }
        sigs.push(enricher.signature(&article));
        sigs.push(ArticleSig::new(&text));
    }
    let ids = cluster(&sigs);
    assert_eq!(ids.len(), sigs.len());
    assert!(ids.iter().enumerate().all(|(i, &c)| c <= i));
}
