//! API and page tests against a temporary database.

use super::*;
use axum::body::Body;
use axum::http::Request;
use herodotus_core::{CodedArticle, Date, Event, Mention, Quote};
use http_body_util::BodyExt;
use std::sync::atomic::AtomicU32;
use tower::ServiceExt;

/// A stand-in coder: one USAGOV -> RUSGOV event per sentence ending in '.',
/// the verb at "condemned" if present.
fn fake_processor() -> Processor {
    Arc::new(|a: &Article, _b: &Budget| Ok(fake_process(a)))
}

fn fake_process(a: &Article) -> Processed {
    {
        let text = &a.text;
        let mut events = Vec::new();
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices('.') {
            sentences.push([start, i + 1]);
            start = i + 1;
            while start < text.len() && text.as_bytes()[start] == b' ' {
                start += 1;
            }
        }
        for (si, s) in sentences.iter().enumerate() {
            let sent = &text[s[0]..s[1]];
            let verb = sent
                .find("condemned")
                .map_or([s[0], s[0]], |v| [s[0] + v, s[0] + v + 9]);
            events.push(
                Event::builder()
                    .article_id(a.id.clone())
                    .date(a.date)
                    .sentence_index(si)
                    .sentence(sent.to_string())
                    .source_code("USAGOV")
                    .source_text("Washington")
                    .target_code("RUSGOV")
                    .target_text("Moscow")
                    .event_code("111")
                    .event_root("11")
                    .event_label("Criticize or denounce")
                    .quad_class(3)
                    .goldstein(-2.0)
                    .plover(Some("ACCUSE".to_string()))
                    .pattern("test")
                    .source_span([s[0], s[0] + 10.min(sent.len())])
                    .verb_span(verb)
                    .sentence_span(*s)
                    .is_root_event(si == 0)
                    .sentence_tone(Some(-3.0))
                    .quotes(vec![])
                    .build(),
            );
        }
        let mentions = vec![Mention::new(
            0,
            [0, 10.min(text.len())],
            Some("USAGOV".into()),
            "Washington",
            herodotus_core::ActorKind::Country,
        )];
        let quotes = text
            .find('"')
            .and_then(|i| text[i + 1..].find('"').map(|j| [i + 1, i + 1 + j]))
            .map(|span| {
                Quote::builder(herodotus_core::QuoteKind::Direct)
                    .article_id(a.id.clone())
                    .quote(&text[span[0]..span[1]])
                    .speaker(Some("Lavrov".into()))
                    .speaker_code(Some("RUSGOV".into()))
                    .verb(Some("said".into()))
                    .span(span)
                    .build()
            })
            .into_iter()
            .collect();
        let mut coded = CodedArticle::default();
        coded.sentences = sentences;
        coded.mentions = mentions;
        coded.events = events;
        let mut p = Processed::new(coded);
        p.quotes = quotes;
        p.tone = Some(-3.0);
        p
    }
}

static N: AtomicU32 = AtomicU32::new(0);

struct TempDb(std::path::PathBuf);
impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_db() -> (TempDb, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!(
        "hserver-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("t.db");
    // Seed: three articles over two weeks, one <script> title to check escaping.
    let mut s = Store::open(&db).unwrap();
    let p = fake_processor();
    for (id, d, t) in [
        (
            "a1",
            "2024-01-02",
            "Washington condemned Moscow. Russia said \"we reject this\".",
        ),
        ("a2", "2024-01-03", "Washington condemned Moscow again."),
        (
            "a3",
            "2024-01-16",
            "Washington condemned the <script>alert(1)</script> move.",
        ),
    ] {
        let a = Article::builder()
            .id(id)
            .text(t)
            .date(Date::parse(d))
            .title(Some(format!("<b>{id}</b>")))
            .build();
        let pr = p(&a, &Budget::unlimited()).unwrap();
        s.insert_batch(&[(a, pr)]).unwrap();
    }
    (TempDb(dir), db)
}

fn app(db: &std::path::Path, policy: WritePolicy) -> Router {
    let st = AppState::open(db, 2, fake_processor(), policy).unwrap();
    router(Arc::new(st), 64 * 1024, Duration::from_secs(10))
}

async fn call(app: &Router, req: Request<Body>) -> (StatusCode, String) {
    let r = app.clone().oneshot(req).await.unwrap();
    let status = r.status();
    let b = r.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(b.to_vec()).unwrap())
}

async fn get(app: &Router, uri: &str) -> (StatusCode, String) {
    call(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn get_json(app: &Router, uri: &str) -> (StatusCode, serde_json::Value) {
    let (s, b) = get(app, uri).await;
    (
        s,
        serde_json::from_str(&b).unwrap_or_else(|e| panic!("{uri}: {e}: {b}")),
    )
}

fn post(uri: &str, body: &str, token: Option<&str>) -> Request<Body> {
    let mut r = Request::post(uri).header("content-type", "application/json");
    if let Some(t) = token {
        r = r.header("authorization", format!("Bearer {t}"));
    }
    r.body(Body::from(body.to_string())).unwrap()
}

#[tokio::test]
async fn read_api() {
    let (_t, db) = temp_db();
    let app = app(&db, WritePolicy::Open);
    let (s, v) = get_json(&app, "/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["openapi"], "3.1.0");
    for p in [
        "/api/articles",
        "/api/events",
        "/api/quotes",
        "/api/dyad/{a}/{b}",
        "/api/search",
        "/api/code",
    ] {
        assert!(v["paths"][p].is_object(), "{p} missing from openapi.json");
    }

    let (s, v) = get_json(&app, "/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["counts"]["articles"], 3);
    assert_eq!(v["counts"]["events"], 4);

    let (_, v) = get_json(&app, "/api/dyad/usa/RUS?by=week").await;
    let series = v["series"].as_array().unwrap();
    assert_eq!(series.len(), 3);
    assert_eq!(series[0]["start"], "2024-01-01");
    assert_eq!(series[0]["count"], 3);
    assert_eq!(series[0]["q3"], 3);
    assert_eq!(series[1]["count"], 0);
    assert_eq!(series[0]["tone_mean"], -3.0);
    let (_, v) = get_json(&app, "/api/dyad/RUS/USA?by=day&directed=1").await;
    assert_eq!(v["series"].as_array().unwrap().len(), 0);

    let (_, v) = get_json(
        &app,
        "/api/events?source=RUS&target=USA&undirected=1&from=2024-01-01&to=2024-01-07",
    )
    .await;
    let evs = v["events"].as_array().unwrap();
    assert_eq!(evs.len(), 3);
    assert!(evs[0].get("quotes").is_none());
    assert_eq!(evs[1]["quotes"][0]["speaker"], "Lavrov");
    let id = evs[0]["id"].as_i64().unwrap();
    let (s, v) = get_json(&app, &format!("/api/events/{id}")).await;
    assert_eq!((s, v["article_id"].as_str()), (StatusCode::OK, Some("a1")));
    let (_, v) = get_json(
        &app,
        "/api/events?text=again&quad=3,4&code=111&root=11&limit=1",
    )
    .await;
    assert_eq!(v["events"].as_array().unwrap().len(), 1);
    let (_, v) = get_json(&app, "/api/events?actor=USA&order=newest&limit=2&offset=1").await;
    assert_eq!(v["events"][0]["article_id"], "a2");

    let (_, v) = get_json(&app, "/api/articles?limit=2").await;
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    assert_eq!(v["articles"][0]["id"], "a3");
    let (_, v) = get_json(&app, "/api/articles/a1").await;
    assert_eq!(v["events"].as_array().unwrap().len(), 2);
    assert_eq!(v["quotes"][0]["quote"], "we reject this");
    let (_, v) = get_json(&app, "/api/quotes?speaker=RUS").await;
    assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
    let (_, v) = get_json(&app, "/api/search?q=again").await;
    assert_eq!(v["sentences"][0]["article_id"], "a2");
    let (_, v) = get_json(&app, "/api/dyads").await;
    assert_eq!(v["dyads"][0]["count"], 4);
}

#[tokio::test]
async fn errors_are_json_with_status() {
    let (_t, db) = temp_db();
    let app = app(&db, WritePolicy::Open);
    for (uri, status) in [
        ("/api/events?from=2024-13-01", StatusCode::BAD_REQUEST),
        ("/api/events?quad=7", StatusCode::BAD_REQUEST),
        ("/api/events?limit=-1", StatusCode::BAD_REQUEST),
        ("/api/dyad/USA/RUS?by=year", StatusCode::BAD_REQUEST),
        ("/api/dyad/USA/R'S", StatusCode::BAD_REQUEST),
        ("/api/search", StatusCode::BAD_REQUEST),
        ("/api/articles/nope", StatusCode::NOT_FOUND),
        ("/api/events/999999", StatusCode::NOT_FOUND),
        ("/api/events/xyz", StatusCode::BAD_REQUEST),
        ("/nowhere", StatusCode::NOT_FOUND),
    ] {
        let (s, b) = get(&app, uri).await;
        assert_eq!(s, status, "{uri}: {b}");
        if uri != "/api/events/xyz" {
            let v: serde_json::Value =
                serde_json::from_str(&b).unwrap_or_else(|e| panic!("{uri}: {e}: {b}"));
            assert!(v["error"].is_string(), "{uri}: {b}");
        }
    }
    // Injection attempts are just words to match.
    let (s, v) = get_json(
        &app,
        "/api/events?text=%22%20OR%201%3D1%20--&source=USA%27%20OR%20%271%27%3D%271",
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["events"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn writes_store_once_and_need_the_token() {
    let (_t, db) = temp_db();
    let open = app(&db, WritePolicy::Open);
    let body = r#"{"id":"p1","text":"Washington condemned Moscow. Talks failed.","date":"2024-02-01","title":"Pasted"}"#;
    let (s, b) = call(&open, post("/api/articles", body, None)).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let v: serde_json::Value = serde_json::from_str(&b).unwrap();
    assert_eq!(v["outcome"], "inserted");
    assert_eq!(v["article"]["events"].as_array().unwrap().len(), 2);
    let (s, b) = call(&open, post("/api/articles", body, None)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(b.contains("\"unchanged\""));
    let (_, v) = get_json(&open, "/api/stats").await;
    assert_eq!(v["counts"]["articles"], 4);
    // Without an id: one is made from the text.
    let (s, b) = call(
        &open,
        post(
            "/api/articles",
            r#"{"text":"Washington condemned it."}"#,
            None,
        ),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    assert!(b.contains("\"id\":\"web-"));
    let (s, b) = call(
        &open,
        post(
            "/api/code",
            r#"{"text":"Washington condemned Moscow."}"#,
            None,
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert!(b.contains("\"event_code\":\"111\""));
    for (body, status) in [
        ("{", StatusCode::BAD_REQUEST),
        (r#"{"text":"  "}"#, StatusCode::UNPROCESSABLE_ENTITY),
        (
            r#"{"text":"x","date":"yesterday"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (r#"{"title":"no text"}"#, StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let (s, b) = call(&open, post("/api/articles", body, None)).await;
        assert_eq!(s, status, "{body}: {b}");
        assert!(b.contains("\"error\""), "{b}");
    }
    let big = format!(r#"{{"text":"{}"}}"#, "a".repeat(100 * 1024));
    let (s, _) = call(&open, post("/api/articles", &big, None)).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    // Declared too large by Content-Length: refused before any handler runs (by the
    // body-limit layer), with the same JSON error as every other refusal.
    let mut declared = post("/api/articles", &big, None);
    declared.headers_mut().insert(
        "content-length",
        big.len().to_string().parse().expect("a header value"),
    );
    let (s, b) = call(&open, declared).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    let v: serde_json::Value = serde_json::from_str(&b).expect("413 body is JSON");
    assert_eq!(v["status"], 413, "{b}");
    assert!(
        v["error"].as_str().is_some_and(|e| e.contains("limit")),
        "{b}"
    );

    let locked = app(&db, WritePolicy::Token("s3cret".into()));
    let body = r#"{"id":"p2","text":"Moscow condemned Washington."}"#;
    let (s, _) = call(&locked, post("/api/articles", body, None)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = call(&locked, post("/api/articles", body, Some("nope"))).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = call(&locked, post("/api/articles", body, Some("s3cret"))).await;
    assert_eq!(s, StatusCode::CREATED);
    let closed = app(&db, WritePolicy::Closed);
    let (s, _) = call(&closed, post("/api/code", body, Some("s3cret"))).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // Reads stay open.
    assert_eq!(get(&closed, "/api/stats").await.0, StatusCode::OK);
}

/// Issue 11 item 5: the text of a stored article pasted again (the page
/// sends no id, so it gets a `web-` one) answers with the stored article's id,
/// and that page exists; it used to answer with the new id, a 404.
#[tokio::test]
async fn pasting_a_stored_text_leads_to_the_stored_article() {
    let (_t, db) = temp_db();
    let app = app(&db, WritePolicy::Open);
    let body = r#"{"text":"Washington condemned Moscow again.","title":"Pasted copy"}"#;
    let (s, b) = call(&app, post("/api/articles", body, None)).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let v: serde_json::Value = serde_json::from_str(&b).unwrap();
    assert_eq!(v["outcome"], "duplicate");
    assert_eq!(v["id"], "a2", "{b}");
    assert!(v["posted_id"].as_str().unwrap().starts_with("web-"));
    assert_eq!(v["article"]["id"], "a2");
    // What the page script does with the answer.
    let (s, page) = get(&app, &format!("/article/{}", v["id"].as_str().unwrap())).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("condemned"));
    let (_, v) = get_json(&app, "/api/stats").await;
    assert_eq!(v["counts"]["articles"], 3, "not stored twice");
    // The script follows `id`.
    let (_, js) = get(&app, "/static/app.js").await;
    assert!(js.contains("encodeURIComponent(j.id)"));
}

/// Issue 11 item 2: the dashboard says how many stored articles are undated.
#[tokio::test]
async fn dashboard_counts_undated_articles() {
    let (_t, db) = temp_db();
    let app = app(&db, WritePolicy::Open);
    let (_, b) = get(&app, "/").await;
    assert!(
        !b.contains("undated articles"),
        "all seeded articles are dated"
    );
    for (id, text) in [
        ("n1", "Moscow condemned Kyiv."),
        ("n2", "Kyiv condemned Moscow."),
    ] {
        let body = format!(r#"{{"id":"{id}","text":"{text}"}}"#);
        let (s, b) = call(&app, post("/api/articles", &body, None)).await;
        assert_eq!(s, StatusCode::CREATED, "{b}");
    }
    let (_, b) = get(&app, "/").await;
    assert!(b.contains("<b>2</b> undated articles"), "{b}");
    let (_, v) = get_json(&app, "/api/stats").await;
    assert_eq!(v["counts"]["undated"], 2);
    // Dated by posting the same text again with a date: updated, not ignored.
    let body = r#"{"id":"n1","text":"Moscow condemned Kyiv.","date":"2024-02-02"}"#;
    let (_, b) = call(&app, post("/api/articles", body, None)).await;
    assert!(b.contains("\"updated\""), "{b}");
    let (_, b) = get(&app, "/").await;
    assert!(b.contains("<b>1</b> undated articles"), "{b}");
}

#[test]
fn write_policy_by_address() {
    let lo: SocketAddr = "127.0.0.1:8080".parse().unwrap();
    let lo6: SocketAddr = "[::1]:8080".parse().unwrap();
    let any: SocketAddr = "0.0.0.0:8080".parse().unwrap();
    assert_eq!(WritePolicy::for_addr(&lo, None), WritePolicy::Open);
    assert_eq!(WritePolicy::for_addr(&lo6, None), WritePolicy::Open);
    assert_eq!(WritePolicy::for_addr(&any, None), WritePolicy::Closed);
    assert_eq!(
        WritePolicy::for_addr(&any, Some(String::new())),
        WritePolicy::Closed
    );
    assert_eq!(
        WritePolicy::for_addr(&any, Some("t".into())),
        WritePolicy::Token("t".into())
    );
    assert_eq!(
        WritePolicy::for_addr(&lo, Some("t".into())),
        WritePolicy::Token("t".into())
    );
}

#[tokio::test]
async fn pages_render_and_escape() {
    let (_t, db) = temp_db();
    let app = app(&db, WritePolicy::Open);
    let (s, b) = get(&app, "/").await;
    assert_eq!(s, StatusCode::OK);
    assert!(b.contains(r#"href="/dyad/RUS/USA""#), "{b}");
    assert!(b.contains("&lt;b&gt;a3&lt;/b&gt;") && !b.contains("<b>a3</b>"));
    let (s, b) = get(&app, "/dyad/USA/RUS?by=week").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(b.matches(r#"class="bucket""#).count(), 3);
    assert!(b.contains(r#"data-from="2024-01-01" data-to="2024-01-07" data-count="3""#));
    let (s, b) = get(&app, "/dyad/USA/RUS?by=fortnight").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(b.contains("<html"));
    let (s, b) = get(&app, "/article/a3").await;
    assert_eq!(s, StatusCode::OK);
    assert!(b.contains(r#"<span class="verb">condemned</span>"#), "{b}");
    assert!(b.contains("&lt;script&gt;") && !b.contains("<script>alert"));
    let (_, b) = get(&app, "/article/a1").await;
    assert!(
        b.contains(r#"<span class="quote">we reject this</span>"#),
        "{b}"
    );
    assert!(b.contains(r#"id="s1""#));
    assert_eq!(get(&app, "/article/zz").await.0, StatusCode::NOT_FOUND);
    let (s, b) = get(&app, "/paste").await;
    assert_eq!(s, StatusCode::OK);
    assert!(b.contains(r#"id="paste""#) && !b.contains("name=\"token\""));
    let locked = self::app(&db, WritePolicy::Token("t".into()));
    assert!(get(&locked, "/paste").await.1.contains("name=\"token\""));
    let (_, b) = get(&app, "/search?q=again").await;
    assert!(b.contains("/article/a2#s0"));
    let (s, b) = get(&app, "/static/app.js").await;
    assert_eq!(s, StatusCode::OK);
    assert!(b.contains("/api/events?"));
    assert_eq!(get(&app, "/static/app.css").await.0, StatusCode::OK);
}

#[tokio::test]
async fn real_listener_and_graceful_shutdown() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (_t, db) = temp_db();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let cfg = Config::new(db.clone(), addr, fake_processor());
    let server = tokio::spawn(serve(listener, cfg, async {
        let _ = rx.await;
    }));
    let mut c = tokio::net::TcpStream::connect(addr).await.unwrap();
    c.write_all(b"GET /api/dyad/USA/RUS?by=month HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut buf = String::new();
    c.read_to_string(&mut buf).await.unwrap();
    assert!(buf.starts_with("HTTP/1.1 200"), "{buf}");
    assert!(buf.contains("\"series\""));
    tx.send(()).unwrap();
    server.await.unwrap().unwrap();
}

/// The real pipeline (built-in dictionaries), for the work-budget tests.
fn real_processor() -> Processor {
    let pipeline = herodotus_pipeline::Pipeline::new(herodotus_pipeline::Options::default())
        .expect("built-in pipeline");
    processor(Arc::new(pipeline))
}

fn app_with(db: &std::path::Path, processor: Processor, work: WorkLimits) -> Router {
    let st = AppState::open(db, 2, processor, WritePolicy::Open)
        .unwrap()
        .with_work_limits(work);
    router(Arc::new(st), 2 << 20, Duration::from_secs(60))
}

fn code_body(text: &str) -> String {
    serde_json::json!({"id": "x", "date": "2025-01-01", "text": text}).to_string()
}

#[tokio::test]
async fn the_64_kb_comma_list_is_coded_within_bounds() {
    // Issue 11: this body grew the server's memory quadratically until killed.
    let (_g, db) = temp_db();
    let app = app_with(&db, real_processor(), WorkLimits::default());
    let body = code_body(&"Russia, ".repeat(8_000));
    assert!(body.len() > 64_000);
    let t = std::time::Instant::now();
    let (st, b) = call(&app, post("/api/code", &body, None)).await;
    assert_eq!(st, StatusCode::OK, "{b}");
    // Debug build on a shared 2-core machine; it took minutes and GBs before.
    assert!(t.elapsed() < Duration::from_secs(30), "{:?}", t.elapsed());
    let v: serde_json::Value = serde_json::from_str(&b).unwrap();
    assert!(v["events"].as_array().unwrap().len() <= 5_000);
}

#[tokio::test]
async fn coding_stops_at_the_token_cap_and_the_deadline() {
    let (_g, db) = temp_db();
    let text = "Russia accused Ukraine of shelling the city. ".repeat(2_000);
    // Tokens: 16,000 > 1,000: refused with 413 and a JSON error.
    let work = WorkLimits {
        max_tokens: 1_000,
        ..WorkLimits::default()
    };
    let app = app_with(&db, real_processor(), work);
    let (st, b) = call(&app, post("/api/code", &code_body(&text), None)).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE, "{b}");
    assert!(b.contains("1000 tokens"), "{b}");
    let (st, b) = call(&app, post("/api/articles", &code_body(&text), None)).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE, "{b}");
    // Deadline: 2,000 sentences do not fit in 1 ms; the coder stops (503).
    let work = WorkLimits {
        code_timeout: Duration::from_millis(1),
        ..WorkLimits::default()
    };
    let app = app_with(&db, real_processor(), work);
    let t = std::time::Instant::now();
    let (st, b) = call(&app, post("/api/code", &code_body(&text), None)).await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{b}");
    assert!(b.contains("longer than"), "{b}");
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    // Nothing was stored by the refused POST /api/articles.
    let (_, v) = get_json(&app, "/api/articles/x").await;
    assert!(v.get("error").is_some(), "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_coding_requests_are_limited() {
    use std::sync::atomic::AtomicBool;
    static RUNNING: AtomicBool = AtomicBool::new(false);
    static RELEASE: AtomicBool = AtomicBool::new(false);
    // A coder that holds its permit until released, as a slow article would.
    let slow: Processor = Arc::new(|a: &Article, _b: &Budget| {
        RUNNING.store(true, Ordering::SeqCst);
        while !RELEASE.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(5));
        }
        Ok(fake_process(a))
    });
    let (_g, db) = temp_db();
    let work = WorkLimits {
        max_concurrent: 1,
        ..WorkLimits::default()
    };
    let app = app_with(&db, slow, work);
    let first = {
        let app = app.clone();
        tokio::spawn(async move { call(&app, post("/api/code", &code_body("A. B."), None)).await })
    };
    while !RUNNING.load(Ordering::SeqCst) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // The one permit is taken: refused at once, as JSON, for both coding routes.
    let (st, b) = call(&app, post("/api/code", &code_body("C."), None)).await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{b}");
    assert!(b.contains("busy"), "{b}");
    let (st, _) = call(&app, post("/api/articles", &code_body("C."), None)).await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE);
    // Reads are not limited.
    let (st, _) = get(&app, "/api/stats").await;
    assert_eq!(st, StatusCode::OK);
    RELEASE.store(true, Ordering::SeqCst);
    let (st, b) = first.await.unwrap();
    assert_eq!(st, StatusCode::OK, "{b}");
    // The permit came back.
    let (st, b) = call(&app, post("/api/code", &code_body("D."), None)).await;
    assert_eq!(st, StatusCode::OK, "{b}");
}
