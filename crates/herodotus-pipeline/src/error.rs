//! The pipeline's error type.

use std::path::PathBuf;

/// Errors of building or running a [`crate::Pipeline`]. Bad input records are not
/// errors: they are reported to the caller one by one and counted in
/// [`crate::RunStats`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A dictionary directory could not be loaded.
    #[error("loading {what} from {}: {error}", path.display())]
    Dictionaries {
        /// `dictionaries` or `PETRARCH dictionaries`.
        what: &'static str,
        /// The directory.
        path: PathBuf,
        /// What went wrong, with file and line (part of the message, so not
        /// chained again as a source).
        error: herodotus_core::Error,
    },
    /// The built-in dictionaries failed to load (a packaging bug).
    #[error("loading the built-in dictionaries: {0}")]
    Builtin(herodotus_core::Error),
    /// The thread pool could not be started.
    #[error("setting up threads: {0}")]
    Threads(String),
    /// Writing output failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A feature this build lacks (Parquet without the `parquet` feature).
    #[error("{0}")]
    Unavailable(&'static str),
    /// A sink failed (the store, say), with its own message.
    #[error("{0}")]
    Sink(Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    /// Wraps any sink error.
    pub fn sink(e: impl std::error::Error + Send + Sync + 'static) -> Error {
        Error::Sink(Box::new(e))
    }

    /// True when the output pipe was closed by its reader (`herodotus code | head`):
    /// a normal way for a reader to stop, not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Result with the pipeline [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
