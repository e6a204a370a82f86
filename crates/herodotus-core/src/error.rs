//! Error types of the core library.

use std::fmt;

/// A problem with one input record (a file, a JSONL line, a WARC record).
/// The record is skipped; processing goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordError {
    /// Where: `file`, `file:line`, or `file:line (id X)`.
    pub origin: String,
    /// What went wrong, in words.
    pub message: String,
}

impl RecordError {
    /// Builds an error for the record at `origin`.
    pub fn new(origin: &str, message: impl Into<String>) -> Self {
        RecordError {
            origin: origin.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for RecordError {}

/// Errors loading dictionaries or evaluation data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A syntax error in a dictionary file, with its location.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An I/O error on a named file.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error (already part of the message, so not chained again).
        error: std::io::Error,
    },
    /// Anything else, already phrased for the user.
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.as_ref().display().to_string(),
            error: source,
        }
    }
}

/// Result with the core [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
