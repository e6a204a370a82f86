//! Any bytes given to the feed reader: items or errors, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = herodotus_ingest::feeds::parse_feed(data, "fuzz.rss", None);
});
