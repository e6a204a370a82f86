//! Issue 11, item 8: `fuzz/Cargo.lock` is committed, matches the workspace
//! lockfile, and is complete, so the fuzz build needs no network and runs the same
//! crate versions as everything else.
//!
//! Before: the lockfile was git-ignored (CI fetched the newest crates on every
//! run), and after the workspace gained dependencies (flate2 in core, chardetng in
//! ingest, csv in pipeline) the committed one no longer resolved with `--locked`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `name -> versions` of the `[[package]]` entries of a Cargo.lock.
fn packages(lock: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let field = |key: &str| {
            block.lines().find_map(|l| {
                l.strip_prefix(key)
                    .and_then(|r| r.trim().strip_prefix("= \""))
                    .and_then(|r| r.strip_suffix('"'))
                    .map(str::to_string)
            })
        };
        let (Some(name), Some(version)) = (field("name "), field("version ")) else {
            panic!("a [[package]] without name or version: {block}");
        };
        out.entry(name).or_default().push(version);
    }
    out
}

#[test]
fn fuzz_lockfile_is_committed_and_uses_the_workspace_versions() {
    let root = root();
    let fuzz_lock = std::fs::read_to_string(root.join("fuzz/Cargo.lock"))
        .expect("fuzz/Cargo.lock is in the repository");
    for ignore in ["fuzz/.gitignore", ".gitignore"] {
        let text = std::fs::read_to_string(root.join(ignore)).unwrap_or_default();
        assert!(
            !text
                .lines()
                .any(|l| l.trim().trim_start_matches('/') == "Cargo.lock"),
            "{ignore} ignores Cargo.lock"
        );
    }
    let fuzz = packages(&fuzz_lock);
    let ws = packages(&std::fs::read_to_string(root.join("Cargo.lock")).unwrap());
    assert!(fuzz.contains_key("libfuzzer-sys") && fuzz.contains_key("herodotus-core"));
    let mut differ = Vec::new();
    for (name, versions) in &fuzz {
        if let Some(w) = ws.get(name) {
            if versions.iter().any(|v| !w.contains(v)) {
                differ.push(format!("{name}: fuzz {versions:?}, workspace {w:?}"));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "fuzz/Cargo.lock differs from Cargo.lock (refresh: cd fuzz && cargo metadata \
         --offline --format-version 1): {differ:#?}"
    );
}

/// The lockfile resolves the fuzz crate as it is now: `--locked` would refuse to
/// change it (this is what `.ci/run` checks before `cargo fuzz build`).
#[test]
fn fuzz_lockfile_is_up_to_date() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--offline", "--locked", "--format-version", "1"])
        .arg("--manifest-path")
        .arg(root().join("fuzz/Cargo.toml"))
        .env("CARGO_NET_OFFLINE", "true")
        .output()
        .expect("cargo runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("lock file") || out.status.success(),
        "fuzz/Cargo.lock needs an update: {err}"
    );
    if !out.status.success() {
        // Not a lockfile problem: the fuzz-only crates (libfuzzer-sys, ...) are not
        // in this machine's cargo cache, and we are offline. The first test still
        // compares the versions.
        eprintln!("cargo metadata could not run offline here: {err}");
    }
}
