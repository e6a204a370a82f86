//! Any text given to the PETRARCH/TABARI dictionary readers (verbs, actors, agents,
//! discards, PETR_config.ini): dictionaries or an error naming file and line,
//! never a panic. The first byte picks the reader.
#![no_main]
use herodotus_core::dict::{FileSet, PetrarchFile};
use herodotus_core::Dictionaries;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = match kind % 5 {
        0 => PetrarchFile::Verbs,
        1 => PetrarchFile::Actors,
        2 => PetrarchFile::Agents,
        3 => PetrarchFile::Discards,
        _ => {
            let _ = FileSet::from_config(text);
            return;
        }
    };
    let r = Dictionaries::from_petrarch_text(kind, text, "fuzz.txt");
    match r {
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz.txt"), "error without its file: {msg}");
        }
        // Half of the inputs: compile what was read and code a sentence with it.
        Ok(d) if data[0] >= 128 => common::code_once(d),
        Ok(_) => {}
    }
});
