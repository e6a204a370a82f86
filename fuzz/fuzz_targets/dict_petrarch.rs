//! Any text given to the PETRARCH/TABARI dictionary readers (verbs, actors, agents,
//! discards, PETR_config.ini): dictionaries or an error naming file and line,
//! never a panic. The first byte picks the reader.
#![no_main]
use herodotus_core::dict::petrarch;
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let file: Arc<str> = Arc::from("fuzz.txt");
    let mut d = herodotus_core::Dictionaries::default();
    let r = match kind % 5 {
        0 => petrarch::parse_verbs(text, &file, &mut d),
        1 => petrarch::parse_actors(text, &file, &mut d),
        2 => petrarch::parse_agents(text, &file, &mut d),
        3 => petrarch::parse_discards(text, &file, &mut d),
        _ => {
            let _ = petrarch::parse_config(text);
            return;
        }
    };
    if let Err(e) = r {
        let msg = e.to_string();
        assert!(msg.starts_with("fuzz.txt"), "error without its file: {msg}");
    } else if kind >= 128 {
        // Half of the inputs: compile what was read and code a sentence with it.
        let coder = herodotus_core::Coder::new(d);
        let a = herodotus_core::Article::builder()
            .id("f")
            .text(
                "Russia condemned the attack on Ukraine. Its minister met the president of France.",
            )
            .date(herodotus_core::Date::parse("2025-01-01"))
            .build();
        let _ = coder.code_article(&a);
    }
});
