//! Dictionaries: the in-memory model and its loaders.

use crate::error::Result;
use std::path::Path;

/// All dictionaries the coder uses, before compilation.
#[derive(Clone, Debug, Default)]
pub struct Dictionaries {}

impl Dictionaries {
    /// Loads a directory in the project's own format (see docs/DICTIONARIES.md).
    pub fn load_dir(dir: &Path) -> Result<Dictionaries> {
        let _ = dir;
        Ok(Dictionaries::default())
    }

    /// Loads PETRARCH/TABARI dictionaries from a directory.
    pub fn load_petrarch(dir: &Path) -> Result<Dictionaries> {
        let _ = dir;
        Ok(Dictionaries::default())
    }

    /// The default dictionaries shipped with herodotus (compiled into the binary).
    pub fn builtin() -> Result<Dictionaries> {
        Ok(Dictionaries::default())
    }
}
