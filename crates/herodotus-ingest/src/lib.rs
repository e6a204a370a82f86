//! herodotus-ingest: turns files (plain text, JSONL, HTML, WARC, RSS/Atom) into
//! [`herodotus_core::Article`]s.
