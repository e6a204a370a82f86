//! What the dictionary targets share (included with `#[path]`; not a target).

/// Compiles dictionaries that loaded into a coder and codes two sentences with
/// them: an entry that loads must not make the coder panic either.
pub fn code_once(d: herodotus_core::Dictionaries) {
    let coder = herodotus_core::Coder::new(d);
    let a = herodotus_core::Article::builder()
        .id("f")
        .text("Russia condemned the attack on Ukraine. Its minister met the president of France.")
        .date(herodotus_core::Date::parse("2025-01-01"))
        .build();
    let _ = coder.code_article(&a);
}
