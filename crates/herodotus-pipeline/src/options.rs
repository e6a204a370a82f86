//! How to build a [`crate::Pipeline`]: which dictionaries, which stages.

use herodotus_core::Date;
use std::path::PathBuf;

/// Which dictionaries to load.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum DictSource {
    /// The dictionaries compiled into herodotus-core.
    #[default]
    Builtin,
    /// A directory in herodotus format (docs/DICTIONARIES.md).
    Dir(PathBuf),
    /// A PETRARCH/TABARI directory (reads its `PETR_config.ini` if present).
    Petrarch(PathBuf),
}

impl DictSource {
    /// From the CLI's `--dict` and `--petrarch-dicts` options (`--dict` wins).
    pub fn from_paths(dict: Option<PathBuf>, petrarch: Option<PathBuf>) -> DictSource {
        match (dict, petrarch) {
            (Some(d), _) => DictSource::Dir(d),
            (None, Some(p)) => DictSource::Petrarch(p),
            (None, None) => DictSource::Builtin,
        }
    }
}

/// Options of a [`crate::Pipeline`]. Build with `Options::default()` and set fields.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    /// Dictionaries.
    pub dicts: DictSource,
    /// Keep events that have no target actor.
    pub allow_no_target: bool,
    /// Find quotes, tone, places and entities (and fill the events' tone, geo and
    /// quote fields). On by default.
    pub enrich: bool,
    /// Compute each article's duplicate-detection signature (`herodotus merge`).
    pub signature: bool,
    /// Date for articles that carry none (when reading with [`crate::Pipeline::read`]).
    pub default_date: Option<Date>,
    /// Worker threads: `None` uses rayon's global pool (all cores unless the
    /// caller configured it), `Some(n)` a pool of `n` threads owned by the pipeline.
    pub threads: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            dicts: DictSource::Builtin,
            allow_no_target: false,
            enrich: true,
            signature: false,
            default_date: None,
            threads: None,
        }
    }
}
