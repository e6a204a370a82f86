//! Any text given to the coder with the built-in dictionaries (text -> sentences ->
//! actors -> events): events, never a panic, and every span inside the text.
//! Run with -rss_limit_mb and -timeout: the cost caps are part of what is tested.
#![no_main]
use herodotus_core::{Article, Coder, Date};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| {
        Coder::new(herodotus_core::Dictionaries::builtin().expect("built-in dictionaries"))
    })
}

// One-time setup (dictionaries compiled, model loaded: seconds under AddressSanitizer)
// runs before fuzzing, so libFuzzer's per-input -timeout times only the input.
fuzz_target!(init: {
    coder();
}, |data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let a = Article::builder()
        .id("fuzz")
        .text(text)
        .date(Date::parse("2025-03-01"))
        .build();
    let coded = coder().code_article(&a);
    let n = a.text.len();
    for e in &coded.events {
        for s in [e.source_span, e.target_span, e.verb_span, e.sentence_span] {
            assert!(
                s[0] <= s[1] && s[1] <= n,
                "span {s:?} outside a text of {n} bytes"
            );
            assert!(a.text.is_char_boundary(s[0]) && a.text.is_char_boundary(s[1]));
        }
    }
    for m in &coded.mentions {
        assert!(
            m.span[0] <= m.span[1] && m.span[1] <= n,
            "mention span {:?}",
            m.span
        );
    }
});
