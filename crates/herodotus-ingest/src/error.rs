//! Errors of the ingest library.

/// What can go wrong reading one input record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// Reading the file or stream failed.
    #[error("read error: {0}")]
    Io(#[from] std::io::Error),
    /// Gzip data was corrupt or truncated.
    #[error("gzip: {0}")]
    Gzip(String),
    /// The input is larger than the limit for one record.
    #[error("record larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The bytes do not look like text (HTML, XML) at all.
    #[error("binary content, not {0}")]
    Binary(&'static str),
    /// The page has no extractable text.
    #[error("no main text found")]
    NoText,
    /// A WARC record is malformed.
    #[error("WARC: {0}")]
    Warc(String),
    /// A feed (RSS, Atom, sitemap) is malformed.
    #[error("feed: {0}")]
    Feed(String),
}

/// Result with [`IngestError`].
pub type Result<T> = std::result::Result<T, IngestError>;
