//! `herodotus serve`: the JSON API and web pages over the event store.

use crate::common::DictArgs;
use anyhow::{Context as _, Result};
use herodotus_server::Config;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The SQLite database (created if missing).
    #[arg(long, value_name = "FILE", default_value = "herodotus.db")]
    db: PathBuf,
    /// Address to listen on. Loopback by default; on any other address, writes
    /// (POST) need --token.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Token that write requests must send as `Authorization: Bearer TOKEN`
    /// (default: $HERODOTUS_TOKEN).
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    #[command(flatten)]
    dicts: DictArgs,
    /// Reader connections (parallel queries).
    #[arg(long, value_name = "N", default_value_t = 4)]
    readers: usize,
    /// Largest request body, in KiB.
    #[arg(long, value_name = "KIB", default_value_t = 2048)]
    body_limit: usize,
    /// Time limit of one request, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
    /// Most tokens one coding request (`POST /api/code`, `/api/articles`) may code (413 beyond).
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    max_tokens: usize,
    /// Time given to coding one request, in seconds; the coder is stopped then (503).
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    code_timeout: u64,
    /// Coding requests at once; more are refused with 503 (default: one per core).
    #[arg(long, value_name = "N")]
    max_coding: Option<usize>,
}

/// Runs the subcommand.
pub fn run(args: Args) -> Result<ExitCode> {
    let token = args
        .token
        .or_else(|| std::env::var("HERODOTUS_TOKEN").ok())
        .filter(|t| !t.is_empty());
    let pipeline = crate::common::DictArgs::build(args.dicts.options())?;
    let processor = herodotus_server::processor(std::sync::Arc::new(pipeline));
    let mut config = Config::new(args.db.clone(), args.addr, processor);
    config.token = token;
    config.readers = args.readers.max(1);
    config.body_limit = args.body_limit.max(1) * 1024;
    config.timeout = Duration::from_secs(args.timeout.max(1));
    config.work.max_tokens = args.max_tokens.max(1);
    config.work.code_timeout = Duration::from_secs(args.code_timeout.max(1));
    config.work.max_concurrent = args.max_coding.unwrap_or(config.work.max_concurrent).max(1);
    herodotus_server::run(config)
        .with_context(|| format!("serving {} on {}", args.db.display(), args.addr))?;
    Ok(ExitCode::SUCCESS)
}
