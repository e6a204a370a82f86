//! Unit tests of the coder as a whole: caps and budget on adversarial input.
//!
//! Cost is asserted through counts and sizes (events, mentions, bytes of output,
//! limits recorded, and their growth when the input doubles), never wall time.

use super::caps::*;
use super::*;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// The coder without the tagger: these tests are about the caps, and parsing the
/// megabyte inputs in a debug build takes minutes (the tagger path has its own
/// bounded-cost test below).
fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| {
        Coder::with_options(
            Dictionaries::builtin().expect("built-in dictionaries"),
            CoderOptions {
                use_parser: false,
                ..CoderOptions::default()
            },
        )
    })
}

#[test]
fn the_tagger_path_is_bounded_too() {
    let coder = Coder::with_options(
        Dictionaries::builtin().unwrap(),
        CoderOptions {
            use_parser: true,
            ..CoderOptions::default()
        },
    );
    let unit = "Russian troops attacked Ukrainian positions while France criticised Germany ";
    let text = unit.repeat(40_000 / unit.len() + 1);
    let c = coder.code_article(&article(text.clone()));
    check_bounded(&text, &c);
    assert!(!c.events.is_empty() && c.events.len() <= MAX_EVENTS);
    // The same sentence alone codes the same events with or without windows.
    let one = coder.code_article(&article(unit.trim_end().to_string() + "."));
    assert!(!one.events.is_empty());
}

fn article(text: String) -> Article {
    Article {
        id: "hostile".into(),
        text,
        date: Date::parse("2024-05-10"),
        ..Article::default()
    }
}

/// Countries the built-in dictionaries know.
const COUNTRIES: &[&str] = &[
    "Russia", "China", "France", "Germany", "Japan", "India", "Brazil", "Canada", "Italy", "Spain",
    "Egypt", "Kenya", "Nigeria", "Mexico", "Turkey", "Iran", "Poland", "Norway",
];

/// Bytes of output a caller would write for these events (the text fields).
fn output_bytes(c: &CodedArticle) -> usize {
    c.events
        .iter()
        .map(|e| e.sentence.len() + e.source_text.len() + e.target_text.len() + e.pattern.len())
        .sum()
}

/// Upper bound on events from the caps: per window, and per article.
fn event_bound(text: &str, c: &CodedArticle) -> usize {
    let caps = Caps::default();
    // Every window holds at least one token of at least one byte, and a window is
    // at most `sentence_tokens` tokens: windows <= sentences + tokens / cap + byte windows.
    let tokens = text.split_whitespace().count() * 2 + 1;
    let windows =
        c.sentences.len() + tokens / caps.sentence_tokens + text.len() / caps.sentence_bytes + 1;
    (windows * caps.events).min(caps.article_events)
}

fn check_bounded(text: &str, c: &CodedArticle) {
    let caps = Caps::default();
    assert!(
        c.events.len() <= event_bound(text, c),
        "{} events",
        c.events.len()
    );
    assert!(c.mentions.len() <= caps.article_mentions);
    for e in &c.events {
        assert!(e.sentence.len() <= caps.event_sentence_bytes);
        assert!(e.sentence_span[1] <= text.len());
        assert!(text[e.sentence_span[0]..e.sentence_span[1]].starts_with(&e.sentence));
    }
}

#[test]
fn ten_thousand_countries_in_one_list() {
    let list = |n: usize| {
        let names: Vec<&str> = (0..n).map(|i| COUNTRIES[i % COUNTRIES.len()]).collect();
        format!("{} attacked Ukraine.", names.join(", "))
    };
    let text = list(10_000);
    let c = coder().code_article(&article(text.clone()));
    check_bounded(&text, &c);
    assert!(c.limits.iter().any(|l| l.limit == Limit::SentenceTokens));
    assert!(c.limits.iter().any(|l| l.limit == Limit::Mentions));
    // The kept mentions are bounded by the windows, not by the list.
    let windows = text.len() / MAX_SENTENCE_BYTES + 2 * 10_000 / MAX_SENTENCE_TOKENS + 2;
    assert!(c.mentions.len() <= windows * MAX_MENTIONS);
    // Doubling the list at most doubles the output (plus a constant).
    let text2 = list(20_000);
    let c2 = coder().code_article(&article(text2.clone()));
    check_bounded(&text2, &c2);
    assert!(c2.events.len() <= 2 * c.events.len() + MAX_EVENTS);
    assert!(c2.mentions.len() <= 2 * c.mentions.len() + MAX_MENTIONS);
    assert!(output_bytes(&c2) <= 2 * output_bytes(&c) + 64 * 1024);
}

#[test]
fn a_short_list_still_codes_one_event_per_member() {
    // Under the compound cap nothing changes: "A, B and C attacked D" is three events.
    let c = coder().code_article(&article(
        "Russia, China and France attacked Ukraine.".into(),
    ));
    let mut got: Vec<_> = c
        .events
        .iter()
        .map(|e| (e.source_code.as_str(), e.target_code.as_str()))
        .collect();
    got.sort();
    assert_eq!(got, [("CHN", "UKR"), ("FRA", "UKR"), ("RUS", "UKR")]);
    assert!(c.limits.is_empty());
}

#[test]
fn a_compound_over_the_cap_is_skipped_and_reported() {
    let names: Vec<&str> = COUNTRIES[..MAX_COMPOUND + 1].to_vec();
    let text = format!(
        "{} and Chile attacked Ukraine.",
        names[..names.len() - 1].join(", ")
    );
    let c = coder().code_article(&article(text));
    assert!(c.events.is_empty(), "{:?}", c.events);
    assert!(c.limits.iter().any(|l| l.limit == Limit::Compound));
}

#[test]
fn an_and_chain() {
    let chain = |n: usize| {
        let names: Vec<&str> = (0..n).map(|i| COUNTRIES[i % COUNTRIES.len()]).collect();
        format!("{} met in Geneva.", names.join(" and "))
    };
    let text = chain(5_000);
    let c = coder().code_article(&article(text.clone()));
    check_bounded(&text, &c);
    let text2 = chain(10_000);
    let c2 = coder().code_article(&article(text2.clone()));
    check_bounded(&text2, &c2);
    assert!(c2.events.len() <= 2 * c.events.len() + MAX_EVENTS);
    assert!(output_bytes(&c2) <= 2 * output_bytes(&c) + 64 * 1024);
}

#[test]
fn russia_comma_repeated_does_not_pair_every_source_with_every_target() {
    // The request that took the server down: "Russia, " x 8000.
    let text = "Russia, ".repeat(8_000) + "criticised China, " + &"Russia, ".repeat(8_000);
    let c = coder().code_article(&article(text.clone()));
    check_bounded(&text, &c);
    assert!(c.events.len() <= MAX_EVENTS * (2 * 16_000 * 2 / MAX_SENTENCE_TOKENS + 4));
}

#[test]
fn a_one_megabyte_single_line() {
    let unit = "Russian troops attacked Ukrainian positions near Kharkiv while \
                French officials criticised Germany ";
    let line = |bytes: usize| unit.repeat(bytes / unit.len() + 1);
    let text = line(1 << 20);
    let c = coder().code_article(&article(text.clone()));
    check_bounded(&text, &c);
    assert_eq!(c.sentences.len(), 1);
    assert!(c.limits.iter().any(|l| l.limit == Limit::SentenceBytes));
    // Events repeat within the sentence and are kept once each.
    assert!(!c.events.is_empty() && c.events.len() <= MAX_EVENTS);
    // Output is a small multiple of the input, not of its square.
    assert!(output_bytes(&c) <= text.len());
    let text2 = line(2 << 20);
    let c2 = coder().code_article(&article(text2.clone()));
    check_bounded(&text2, &c2);
    assert!(c2.mentions.len() <= 2 * c.mentions.len() + MAX_MENTIONS);
    assert!(output_bytes(&c2) <= 2 * output_bytes(&c) + 64 * 1024);
}

#[test]
fn a_one_megabyte_line_of_distinct_sentences_stops_at_the_article_cap() {
    let unit = "Russia attacked Ukraine. China criticised Japan. Egypt praised Kenya. ";
    let text = unit.repeat((1 << 20) / unit.len() + 1);
    let c = coder().code_article(&article(text.clone()));
    check_bounded(&text, &c);
    // Every sentence codes; the article keeps at most its cap.
    assert!(c.events.len() <= MAX_ARTICLE_EVENTS);
}

#[test]
fn a_hundred_thousand_pronouns() {
    let body = |n: usize| format!("Putin said he {}attacked Ukraine.", "he ".repeat(n));
    let text = body(100_000);
    let c = coder().code_article(&article(text.clone()));
    check_bounded(&text, &c);
    assert!(c.limits.iter().any(|l| l.limit == Limit::Mentions));
    // Pronouns are not listed as mentions; events stay within one window's cap.
    assert!(c.mentions.len() <= 2);
    let text2 = body(200_000);
    let c2 = coder().code_article(&article(text2.clone()));
    check_bounded(&text2, &c2);
    assert!(c2.events.len() <= 2 * c.events.len() + MAX_EVENTS);
}

#[test]
fn the_article_event_cap_holds_and_is_reported() {
    let caps = Caps {
        article_events: 10,
        ..Caps::default()
    };
    let coder = Coder::with_options(
        Dictionaries::builtin().unwrap(),
        CoderOptions {
            caps,
            ..CoderOptions::default()
        },
    );
    let text = "Russia attacked Ukraine. China criticised Japan. ".repeat(50);
    let c = coder.code_article(&article(text));
    assert_eq!(c.events.len(), 10);
    assert!(c.limits.iter().any(|l| l.limit == Limit::ArticleEvents));
}

#[test]
fn a_long_event_sentence_is_cut_but_its_span_is_whole() {
    let text = format!(
        "Russia attacked Ukraine near {} today.",
        "the small river and the old bridge ".repeat(40)
    );
    assert!(text.len() > MAX_EVENT_SENTENCE_BYTES && text.len() < MAX_SENTENCE_BYTES);
    let c = coder().code_article(&article(text.clone()));
    assert_eq!(c.events.len(), 1);
    let e = &c.events[0];
    assert_eq!(e.sentence.len(), MAX_EVENT_SENTENCE_BYTES);
    assert_eq!(e.sentence_span, [0, text.len()]);
}

#[test]
fn budget_interrupts_and_unlimited_budget_changes_nothing() {
    let text = "Russia attacked Ukraine. China criticised Japan. ".repeat(20);
    let a = article(text);
    let plain = coder().code_article(&a);
    let within = coder()
        .code_article_within(
            &a,
            &Budget::unlimited().with_timeout(Duration::from_secs(3600)),
        )
        .unwrap();
    assert_eq!(plain, within);
    assert_eq!(
        coder().code_article_within(&a, &Budget::unlimited().with_max_tokens(10)),
        Err(Interrupted::Tokens { limit: 10 })
    );
    let flag = Arc::new(AtomicBool::new(true));
    assert_eq!(
        coder().code_article_within(&a, &Budget::unlimited().with_cancel(flag)),
        Err(Interrupted::Cancelled)
    );
    assert_eq!(
        coder().code_article_within(&a, &Budget::unlimited().with_deadline(Instant::now())),
        Err(Interrupted::Deadline)
    );
}

#[test]
fn a_budget_stops_a_huge_sentence_between_windows() {
    // One sentence of 2 MB: the token allowance stops it after a few windows, not
    // after tokenising it all.
    let text = "Russia criticised China and ".repeat(80_000);
    let a = article(text);
    let r = coder().code_article_within(&a, &Budget::unlimited().with_max_tokens(5_000));
    assert_eq!(r, Err(Interrupted::Tokens { limit: 5_000 }));
}

/// Regression (coder fuzz target, session 9): two mentions that overlap reached the
/// place-joining step, which sliced the token ids between them backwards and
/// panicked. Overlapping mentions are now dropped before it, and the step itself
/// leaves an overlapping pair alone.
#[test]
fn overlapping_mentions_reaching_the_place_step_do_not_panic() {
    let found = |tok: [usize; 2], code: &str, kind: ActorKind| mentions::Found {
        tok,
        span: [tok[0] * 4, tok[1] * 4],
        code: Some(code.to_string()),
        name: code.to_string(),
        kind,
        agent: None,
        pronoun: false,
        inferred: false,
        pair: false,
    };
    // "the rebels in Darfur"-shaped codes (an actor with a role, then its country),
    // but the second mention starts inside the first.
    let mut out = vec![
        found([0, 3], "SDNREB", ActorKind::Agent),
        found([1, 2], "SDN", ActorKind::Country),
    ];
    let ids = vec![0u32; 4];
    coder().located(&ids, &mut out);
    assert_eq!(out.len(), 2, "an overlapping pair is not joined");
    assert_eq!((out[0].tok, out[1].tok), ([0, 3], [1, 2]));
    // Adjacent with one word between them still joins when the word is "in".
    let in_ = coder().w.in_;
    let mut out = vec![
        found([0, 2], "SDNREB", ActorKind::Agent),
        found([3, 4], "SDN", ActorKind::Country),
    ];
    coder().located(&[0, 0, in_, 0], &mut out);
    assert_eq!(out.len(), 1, "'the rebels in Sudan' is one mention");
    assert_eq!(out[0].tok, [0, 4]);
}
