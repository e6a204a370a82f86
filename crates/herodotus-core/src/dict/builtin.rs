//! The default dictionaries, compiled into the binary from `dict/` by the build script.

use super::*;

include!(concat!(env!("OUT_DIR"), "/builtin_dict.rs"));

/// Loads the built-in dictionaries. Origins read `dict/<file>:<line>`.
pub fn load() -> Result<Dictionaries> {
    let files: Vec<(String, String)> = BUILTIN_FILES
        .iter()
        .map(|(n, t)| (format!("dict/{n}"), t.to_string()))
        .collect();
    own::load_files(&files)
}
