//! herodotus-ingest: turns files (plain text, JSONL, HTML, WARC, RSS/Atom) into
//! [`herodotus_core::Article`]s.
//!
//! - [`input::open_input`]: one entry point for files, directories and stdin,
//!   any of the formats, gzipped or not; errors are per record.
//! - [`html`]: main text and metadata of a news page, fast.
//! - [`warc`]: WARC archives (Common Crawl CC-NEWS).
//! - [`feeds`]: RSS, Atom and sitemaps; [`fetch`] is the seam for fetching.
//! - [`charset`], [`gzip`]: decoding bytes; [`language`]: language identification.

pub mod charset;
pub mod error;
pub mod feeds;
pub mod fetch;
pub mod gzip;
pub mod html;
pub mod input;
pub mod jsonl;
pub mod language;
pub mod warc;

pub use error::{IngestError, Result};
pub use input::{open_input, open_records, Format, InputOptions, Record};
pub use jsonl::JsonlReader;
