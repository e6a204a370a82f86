//! herodotus-server: HTTP API and web pages over the event store.
