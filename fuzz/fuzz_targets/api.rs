//! Any request body or query string given to the HTTP API and pages, through the
//! real router (tower `oneshot`, no socket) over a scratch database, with the
//! pipeline `herodotus serve` uses (coder and enrichment): a JSON answer with a
//! 2xx/4xx status, never a panic or a 5xx.
//!
//! The first byte picks the route; the rest is the body (POST) or the query
//! string / path segment (GET).
#![no_main]
use axum::body::Body;
use axum::http::{Request, StatusCode};
use herodotus_server::{AppState, Processor, WritePolicy};
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tower::ServiceExt;

struct Fixture {
    rt: tokio::runtime::Runtime,
    app: Mutex<(axum::Router, usize)>,
    dir: std::path::PathBuf,
}

/// What `herodotus serve` uses: the pipeline with the built-in dictionaries and
/// enrichment (quotes, tone, places).
/// The pipeline, built once: a fresh database every 20,000 posts reuses it.
fn processor() -> Processor {
    static P: OnceLock<Processor> = OnceLock::new();
    P.get_or_init(|| {
        let mut o = herodotus_pipeline::Options::default();
        o.threads = Some(1);
        let p = herodotus_pipeline::Pipeline::new(o).expect("built-in pipeline");
        herodotus_server::processor(Arc::new(p))
    })
    .clone()
}

fn new_app(dir: &std::path::Path, generation: usize) -> axum::Router {
    let db = dir.join(format!("fuzz-{generation}.db"));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    let state = AppState::open(&db, 1, processor(), WritePolicy::Open).expect("scratch database");
    herodotus_server::router(Arc::new(state), 64 << 10, Duration::from_secs(10))
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        // Scratch space in memory when there is some: SQLite writes on every POST.
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            std::path::PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("herodotus-fuzz-api-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let app = new_app(&dir, 0);
        Fixture {
            rt,
            app: Mutex::new((app, 0)),
            dir,
        }
    })
}

/// Percent-encodes everything but unreserved characters, so any bytes make a valid URI.
fn pct(data: &[u8]) -> String {
    let mut s = String::with_capacity(data.len() * 3);
    for &b in data {
        if b.is_ascii_alphanumeric() || b"-._~=&".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

// One-time setup (dictionaries compiled, model loaded: seconds under AddressSanitizer)
// runs before fuzzing, so libFuzzer's per-input -timeout times only the input.
fuzz_target!(init: {
    fixture();
}, |data: &[u8]| {
    let Some((&route, rest)) = data.split_first() else {
        return;
    };
    let f = fixture();
    let app = {
        let mut g = f.app.lock().unwrap();
        // A fresh database now and then, so the store does not grow without end.
        g.1 += 1;
        if g.1.is_multiple_of(20_000) {
            let old = g.1 / 20_000 - 1;
            g.0 = new_app(&f.dir, g.1 / 20_000);
            for ext in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!(
                    "{}{ext}",
                    f.dir.join(format!("fuzz-{old}.db")).display()
                ));
            }
        }
        g.0.clone()
    };
    let q = pct(rest);
    let req = match route % 12 {
        0 => post("/api/code", rest),
        1 => post("/api/articles", rest),
        2 => get(&format!("/api/events?{q}")),
        3 => get(&format!("/api/search?q={q}")),
        4 => get(&format!("/api/dyad/USA/RUS?{q}")),
        5 => get(&format!("/api/dyads?{q}")),
        6 => get(&format!("/api/articles?{q}")),
        7 => get(&format!("/api/quotes?{q}")),
        8 => get(&format!("/article/{q}")),
        9 => get(&format!("/search?q={q}")),
        10 => get(&format!("/dyad/{q}/RUS")),
        _ => {
            // Post an article, then read its page back (highlights use byte spans).
            let resp =
                f.rt.block_on(app.clone().oneshot(post("/api/articles", rest)));
            let resp = resp.expect("infallible");
            check(resp.status(), "POST /api/articles");
            if resp.status().is_success() {
                let body =
                    f.rt.block_on(axum::body::to_bytes(resp.into_body(), usize::MAX))
                        .unwrap();
                let v: serde_json::Value = serde_json::from_slice(&body).expect("JSON answer");
                if let Some(id) = v["id"].as_str() {
                    let r = f.rt.block_on(
                        app.clone()
                            .oneshot(get(&format!("/article/{}", pct(id.as_bytes())))),
                    );
                    check(r.expect("infallible").status(), "GET /article/ID");
                }
            }
            return;
        }
    };
    let what = format!("{} {}", req.method(), req.uri());
    let resp = f.rt.block_on(app.oneshot(req)).expect("infallible");
    check(resp.status(), &what);
});

fn check(status: StatusCode, what: &str) {
    assert!(!status.is_server_error(), "{what}: {status}");
}

fn post(path: &str, body: &[u8]) -> Request<Body> {
    Request::post(path)
        .header("content-type", "application/json")
        .body(Body::from(body.to_vec()))
        .unwrap()
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}
