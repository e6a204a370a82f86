//! Any bytes given to the WARC reader (plain and as gzip members): records or
//! errors, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = herodotus_ingest::warc::WarcReader::new(data, "fuzz.warc", None);
    for rec in reader.take(10_000).flatten() {
        let _ = rec.finish();
    }
    let gz = std::io::BufReader::new(herodotus_ingest::warc::GzMembers::new(data));
    for r in herodotus_ingest::warc::WarcReader::new(gz, "fuzz.warc.gz", None).take(10_000) {
        let _ = r;
    }
});
