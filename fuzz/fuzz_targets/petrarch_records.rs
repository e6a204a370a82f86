//! Any text given to the PETRARCH validation-records reader (the XML of
//! `herodotus eval petrarch`): records or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((_env, recs)) = herodotus_core::petrarch_records::parse_records(xml) {
        for r in &recs {
            assert!(!r.id.is_empty());
        }
    }
});
