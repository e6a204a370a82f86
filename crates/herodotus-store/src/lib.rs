//! herodotus-store: the embedded SQLite event store.
