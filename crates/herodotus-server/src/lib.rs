#![recursion_limit = "512"]
//! herodotus-server: HTTP API and web pages over the event store.
//!
//! `GET /openapi.json` describes the JSON API under `/api/`; the pages at `/`
//! are plain server-side HTML with a little embedded vanilla JS and CSS (no
//! CDN, nothing fetched from elsewhere). Writes (`POST`) need the configured
//! token, and are refused outright on a non-loopback address without one.
//!
//! ```no_run
//! use herodotus_server::{Config, Processor};
//! use std::sync::Arc;
//! let processor: Processor =
//!     Arc::new(|_a: &herodotus_core::Article, _b: &herodotus_core::coder::Budget| Ok(Default::default()));
//! let config = Config::new("herodotus.db".into(), "127.0.0.1:8080".parse().unwrap(), processor);
//! herodotus_server::run(config).unwrap();
//! ```

mod api;
mod chart;
mod openapi;
mod pages;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Router;
use herodotus_core::coder::{Budget, Interrupted};
use herodotus_core::Article;
use herodotus_pipeline::{Pipeline, Processed};
use herodotus_store::Store;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// Codes (and enriches) one article within a work budget:
/// [`Pipeline::process_within`], the step `herodotus ingest` runs, stopped when
/// the budget runs out (tests put a stand-in here).
pub type Processor = Arc<dyn Fn(&Article, &Budget) -> Result<Processed, Interrupted> + Send + Sync>;

/// The [`Processor`] of a pipeline.
pub fn processor(pipeline: Arc<Pipeline>) -> Processor {
    Arc::new(move |a: &Article, b: &Budget| pipeline.process_within(a, b))
}

/// The work one coding request (`POST /api/code`, `POST /api/articles`, the
/// paste page) may cost. A 64 KB body of `"Russia, "` once took the server
/// down; now every request is bounded in tokens, time and company.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct WorkLimits {
    /// Most tokens coded per request; a longer text is refused with 413.
    pub max_tokens: usize,
    /// Time given to coding one request; the coder stops between sentences
    /// when it passes (503), and also when the client goes away.
    pub code_timeout: Duration,
    /// Coding requests at once; one more is refused at once with 503 (the
    /// readers are not affected).
    pub max_concurrent: usize,
}

impl Default for WorkLimits {
    /// 100,000 tokens (a long article has 10,000), 10 s, one per core.
    fn default() -> Self {
        WorkLimits {
            max_tokens: 100_000,
            code_timeout: Duration::from_secs(10),
            max_concurrent: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

/// Errors starting or running the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The store could not be opened.
    #[error("{0}")]
    Store(#[from] herodotus_store::Error),
    /// Binding or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Server settings.
#[non_exhaustive]
pub struct Config {
    /// The SQLite database (created if missing).
    pub db: PathBuf,
    /// Address to listen on (default loopback).
    pub addr: SocketAddr,
    /// Token that write requests must carry (`Authorization: Bearer TOKEN`).
    pub token: Option<String>,
    /// Coding function for `POST /api/articles` and `POST /api/code`.
    pub processor: Processor,
    /// Reader connections (parallel queries).
    pub readers: usize,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Time limit of one request.
    pub timeout: Duration,
    /// Budget of coding requests.
    pub work: WorkLimits,
}

impl Config {
    /// Defaults: no token, 4 readers, 2 MiB bodies, 30 s per request.
    pub fn new(db: PathBuf, addr: SocketAddr, processor: Processor) -> Config {
        Config {
            db,
            addr,
            token: None,
            processor,
            readers: 4,
            body_limit: 2 << 20,
            timeout: Duration::from_secs(30),
            work: WorkLimits::default(),
        }
    }
}

/// Whether writes are allowed and with which token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WritePolicy {
    /// Anyone who can connect may write (loopback without a token).
    Open,
    /// Writes need this token.
    Token(String),
    /// Writes are refused (non-loopback address without a token).
    Closed,
}

impl WritePolicy {
    /// The policy for a listening address and an optional token.
    pub fn for_addr(addr: &SocketAddr, token: Option<String>) -> WritePolicy {
        match token.filter(|t| !t.is_empty()) {
            Some(t) => WritePolicy::Token(t),
            None if addr.ip().is_loopback() => WritePolicy::Open,
            None => WritePolicy::Closed,
        }
    }
}

/// Shared state of the handlers.
pub struct AppState {
    readers: Vec<Mutex<Store>>,
    next: AtomicUsize,
    writer: Mutex<Store>,
    processor: Processor,
    policy: WritePolicy,
    counts: Mutex<Option<(std::time::Instant, herodotus_store::Counts)>>,
    work: WorkLimits,
    /// Permits for coding requests (see [`WorkLimits::max_concurrent`]).
    coding: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// Opens the writer (creating and migrating the database) and the readers.
    pub fn open(
        db: &std::path::Path,
        readers: usize,
        processor: Processor,
        policy: WritePolicy,
    ) -> Result<AppState, Error> {
        let writer = Store::open(db)?;
        let readers = (0..readers.max(1))
            .map(|_| Store::open_read_only(db).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AppState {
            readers,
            next: AtomicUsize::new(0),
            writer: Mutex::new(writer),
            processor,
            policy,
            counts: Mutex::new(None),
            coding: Arc::new(tokio::sync::Semaphore::new(
                WorkLimits::default().max_concurrent.max(1),
            )),
            work: WorkLimits::default(),
        })
    }

    /// Sets the budget of coding requests.
    pub fn with_work_limits(mut self, work: WorkLimits) -> AppState {
        self.coding = Arc::new(tokio::sync::Semaphore::new(work.max_concurrent.max(1)));
        self.work = work;
        self
    }

    /// Runs `f` (coding) on a blocking thread within the request budget: refused
    /// with 503 when `max_concurrent` codings are running; the budget stops the
    /// coder at `code_timeout`, or as soon as the request is dropped (client gone,
    /// request timeout). The permit is held until the work has really ended.
    async fn coding<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&AppState, &Budget) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = self.coding.clone().try_acquire_owned().map_err(|_| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "busy: {} coding requests are running; retry in a moment",
                    self.work.max_concurrent
                ),
            )
        })?;
        let cancel = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _on_drop = CancelOnDrop(cancel.clone());
        let budget = Budget::unlimited()
            .with_timeout(self.work.code_timeout)
            .with_cancel(cancel)
            .with_max_tokens(self.work.max_tokens);
        let st = self.clone();
        blocking(move || {
            let _permit = permit;
            f(&st, &budget)
        })
        .await
    }
}

/// Sets a cancel flag when dropped: a handler future dropped by the request
/// timeout or a closed connection stops the coder it started.
struct CancelOnDrop(Arc<std::sync::atomic::AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

impl From<Interrupted> for ApiError {
    fn from(e: Interrupted) -> ApiError {
        match e {
            Interrupted::Tokens { limit } => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the text has more than {limit} tokens, the most one request may code; split it or use `herodotus ingest`"),
            ),
            Interrupted::Deadline => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "coding took longer than this server allows for one request and was stopped; send a shorter text",
            ),
            Interrupted::Cancelled => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "coding was cancelled")
            }
            // A reason added later: the coder's own message.
            other => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, other.to_string()),
        }
    }
}

impl AppState {
    /// Row counts, recounted at most every 10 s (counting a large store
    /// scans whole indexes) and after each write through this server.
    fn counts(&self) -> Result<herodotus_store::Counts, herodotus_store::Error> {
        let mut c = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((t, n)) = *c {
            if t.elapsed() < Duration::from_secs(10) {
                return Ok(n);
            }
        }
        let n = self.reader().counts()?;
        *c = Some((std::time::Instant::now(), n));
        Ok(n)
    }

    fn forget_counts(&self) {
        *self.counts.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// A free reader connection (or waits for the next one in turn).
    fn reader(&self) -> MutexGuard<'_, Store> {
        let n = self.readers.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            if let Ok(g) = self.readers[(start + i) % n].try_lock() {
                return g;
            }
        }
        self.readers[start % n]
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    fn writer(&self) -> MutexGuard<'_, Store> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// An error answered as JSON `{"error": "..."}` with a status code.
#[derive(Debug)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Message for the client.
    pub message: String,
}

impl ApiError {
    /// An error with a status and message.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
    fn bad_request(m: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, m)
    }
    fn not_found(m: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, m)
    }
}

impl From<herodotus_store::Error> for ApiError {
    fn from(e: herodotus_store::Error) -> ApiError {
        match e {
            herodotus_store::Error::BadQuery(m) => ApiError::bad_request(m),
            e => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            axum::Json(
                serde_json::json!({ "error": self.message, "status": self.status.as_u16() }),
            ),
        )
            .into_response()
    }
}

/// Runs blocking store work off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("worker: {e}")))?
}

/// The whole application: API, pages, OpenAPI, limits and timeouts.
pub fn router(state: Arc<AppState>, body_limit: usize, timeout: Duration) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(pages::routes())
        .route(
            "/openapi.json",
            axum::routing::get(|| async { axum::Json(openapi::spec()) }),
        )
        .fallback(|| async { ApiError::not_found("no such page") })
        .with_state(state)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(body_limit))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        // Outermost: the limit and timeout layers answer in plain text or with an
        // empty body; clients get the same JSON error as from every handler.
        .layer(axum::middleware::map_response(
            move |r: Response| async move { limit_errors_as_json(r, body_limit, timeout) },
        ))
}

/// Turns a 413 or 408 that is not JSON (from the body-limit or timeout layers, or
/// axum's body extractors) into an [`ApiError`] with the limit in its message.
fn limit_errors_as_json(r: Response, body_limit: usize, timeout: Duration) -> Response {
    let is_json = r
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    match r.status() {
        StatusCode::PAYLOAD_TOO_LARGE if !is_json => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body too large: the limit is {body_limit} bytes"),
        )
        .into_response(),
        StatusCode::REQUEST_TIMEOUT if !is_json => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            format!("request took longer than {} ms", timeout.as_millis()),
        )
        .into_response(),
        _ => r,
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Serves on an already bound listener until `shutdown` resolves, then lets
/// requests in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), Error> {
    let addr = listener.local_addr()?;
    let policy = WritePolicy::for_addr(&addr, config.token.clone());
    let state = Arc::new(
        AppState::open(&config.db, config.readers, config.processor.clone(), policy)?
            .with_work_limits(config.work.clone()),
    );
    let app = router(state, config.body_limit, config.timeout);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

/// Binds `config.addr` and serves until Ctrl-C or SIGTERM, on its own runtime.
/// Prints the address it listens on to stderr.
pub fn run(config: Config) -> Result<(), Error> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        let policy = WritePolicy::for_addr(&addr, config.token.clone());
        eprintln!(
            "herodotus: serving {} on http://{addr}/ (writes: {})",
            config.db.display(),
            match policy {
                WritePolicy::Open => "open on loopback",
                WritePolicy::Token(_) => "need the token",
                WritePolicy::Closed => "disabled: set --token or HERODOTUS_TOKEN",
            }
        );
        serve(listener, config, shutdown_signal()).await
    })
}

#[cfg(test)]
mod tests;
