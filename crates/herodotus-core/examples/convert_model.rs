//! Rewrites a syntax model file in the current format (for example a format-1,
//! zlib-packed model into format 2, which loads in place):
//! `cargo run --release -p herodotus-core --example convert_model -- IN OUT`.

use herodotus_core::syntax::Model;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = &args[..] else {
        eprintln!("usage: convert_model IN OUT");
        std::process::exit(2);
    };
    let bytes = std::fs::read(input).unwrap_or_else(|e| {
        eprintln!("{input}: {e}");
        std::process::exit(1);
    });
    let model = Model::from_bytes(&bytes).unwrap_or_else(|e| {
        eprintln!("{input}: {e}");
        std::process::exit(1);
    });
    let out = model.to_bytes();
    // The rewritten file must read back.
    if let Err(e) = Model::from_bytes(&out) {
        eprintln!("{output}: the rewritten model does not load: {e}");
        std::process::exit(1);
    }
    std::fs::write(output, &out).unwrap_or_else(|e| {
        eprintln!("{output}: {e}");
        std::process::exit(1);
    });
    eprintln!(
        "{input} ({} bytes) -> {output} ({} bytes)",
        bytes.len(),
        out.len()
    );
}
