//! Any bytes given to the JSONL article reader (`herodotus_ingest::JsonlReader`,
//! moved there from core): articles or per-line errors naming the line, never a
//! panic; every line is accounted for.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Blank as the reader sees it: only ASCII white space, or a byte order mark
    // (which some tools write at the start of every file they append).
    let lines = data
        .split(|&b| b == b'\n')
        .filter(|l| {
            let t = l.trim_ascii();
            !(t.is_empty() || t == b"\xEF\xBB\xBF")
        })
        .count();
    let reader = herodotus_ingest::JsonlReader::new(data, "fuzz.jsonl", None);
    let mut seen = 0usize;
    for r in reader.take(100_000) {
        seen += 1;
        if let Err(e) = r {
            // An error must say where it happened.
            assert!(
                e.origin.starts_with("fuzz.jsonl"),
                "error without origin: {e}"
            );
        }
    }
    // Nothing dropped silently: one article or one error per non-blank line.
    assert_eq!(seen, lines, "{seen} records from {lines} non-blank lines");
    // The single-line entry point too, with a default date.
    if let Some(line) = data.split(|&b| b == b'\n').next() {
        let _ = herodotus_core::article::article_from_json_line(
            line,
            "fuzz.jsonl:1",
            herodotus_core::Date::parse("2025-01-01"),
        );
    }
});
