//! Any bytes given to the HTML reader: an error or a page, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = herodotus_ingest::html::extract_page(data, &Default::default());
});
