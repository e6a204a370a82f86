//! Any text given to the loader of our own dictionary format (docs/DICTIONARIES.md):
//! dictionaries or an error, never a panic. The first byte picks which kind of file
//! the rest is; a dictionary that loads is compiled into a coder and used once.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const NAMES: [&str; 6] = [
    "verbs/fuzz.txt",
    "actors/fuzz.txt",
    "agents.txt",
    "discards.txt",
    "cameo.txt",
    "other.txt",
];

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // Kinds >= 6: the text is split at "\n===\n" into a verbs, an actors and an
    // agents file, so patterns can refer to actors and synsets across files.
    let files: Vec<(String, String)> = if (kind as usize) < NAMES.len() {
        vec![(NAMES[kind as usize].to_string(), text.to_string())]
    } else {
        text.splitn(3, "\n===\n")
            .zip(["verbs/fuzz.txt", "actors/fuzz.txt", "agents.txt"])
            .map(|(t, n)| (n.to_string(), t.to_string()))
            .collect()
    };
    if let Ok(d) = herodotus_core::Dictionaries::from_files(&files) {
        let _ = d.summary();
        common::code_once(d);
    }
});
