//! herodotus-ingest: turns files (plain text, JSONL, HTML, WARC, RSS/Atom) into
//! [`herodotus_core::Article`]s.
//!
//! - [`open_input`]: one entry point for files, directories and stdin,
//!   any of the formats, gzipped or not; errors are per record.
//! - [`html`]: main text and metadata of a news page, fast.
//! - [`warc`]: WARC archives (Common Crawl CC-NEWS).
//! - [`feeds`]: RSS, Atom and sitemaps; [`fetch`] is the seam for fetching.
//! - [`JsonlReader`]: JSONL articles in constant memory; [`language`]: language
//!   identification; [`is_gzip`]: whether bytes are gzip.
//! - [`sniff_text`] and [`DecodingReader`]: the encoding of a text stream judged
//!   from its first bytes, and a streaming decoder to UTF-8 (what every text and
//!   JSONL input goes through).
//!
//! HTML and feed charset rules, gzip reading and the HTML tag scanner are internal.

pub(crate) mod charset;
mod error;
pub mod feeds;
pub mod fetch;
pub(crate) mod gzip;
pub mod html;
pub mod input;
mod jsonl;
pub mod language;
pub mod warc;

pub use charset::{sniff_text, DecodingReader, TextEncoding};
pub use error::{IngestError, Result};
pub use gzip::is_gzip;
pub use input::{open_input, open_records, Format, InputOptions, PendingPage, Record};
pub use jsonl::JsonlReader;
