//! Any bytes given to the text decoding layer of ingest (`sniff_text`, then
//! `DecodingReader`, which every text and JSONL file goes through): the
//! output is UTF-8, it does not depend on how the input is cut into reads, and
//! valid UTF-8 comes out unchanged (less a leading byte order mark).
#![no_main]
use herodotus_ingest::{sniff_text, DecodingReader, TextEncoding};
use libfuzzer_sys::fuzz_target;
use std::io::{BufReader, Read};

/// Decodes `data` read through a buffer of `cap` bytes.
fn decode(data: &[u8], enc: TextEncoding, cap: usize) -> String {
    let mut out = String::new();
    DecodingReader::new(BufReader::with_capacity(cap, data), enc, "fuzz.txt")
        .read_to_string(&mut out)
        .expect("the decoder yields UTF-8 and reading a slice cannot fail");
    out
}

fuzz_target!(|input: &[u8]| {
    let Some((&cut, data)) = input.split_first() else {
        return;
    };
    let enc = sniff_text(data);
    let whole = decode(data, enc, data.len().max(1));
    let cut = usize::from(cut % 7) + 1;
    assert_eq!(
        whole,
        decode(data, enc, cut),
        "reads of {cut} bytes change the text"
    );
    if enc == TextEncoding::Utf8 {
        if let Ok(s) = std::str::from_utf8(data) {
            assert_eq!(whole, s.strip_prefix('\u{FEFF}').unwrap_or(s));
        }
    }
});
