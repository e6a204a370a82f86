//! Embeds the default dictionaries (`dict/` in this crate, so a packaged crate keeps them) into the library.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(root, &p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, p));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dict = manifest.join("dict");
    println!("cargo:rerun-if-changed={}", dict.display());
    let mut files = Vec::new();
    collect(&dict, &dict, &mut files);
    let mut src = String::from("/// Built-in dictionary files: (path under dict/, contents).\npub static BUILTIN_FILES: &[(&str, &str)] = &[\n");
    for (rel, p) in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        writeln!(
            src,
            "    ({rel:?}, include_str!({:?})),",
            p.canonicalize().unwrap().display().to_string()
        )
        .unwrap();
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_dict.rs");
    std::fs::write(out, src).unwrap();
}
