//! The JSON API under `/api/` (described by `/openapi.json`).

use crate::{blocking, ApiError, AppState, WritePolicy};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use herodotus_core::{Article, Date};
use herodotus_store::{Bucketing, DyadQuery, EventFilter, InsertOutcome};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;

type S = State<Arc<AppState>>;
type ApiResult = Result<Json<Value>, ApiError>;

/// Largest page size of list endpoints.
pub const MAX_LIMIT: usize = 1000;

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/api/stats", get(stats))
        .route("/api/articles", get(list_articles).post(post_article))
        .route("/api/articles/{id}", get(get_article))
        .route("/api/code", post(code_article))
        .route("/api/events", get(list_events))
        .route("/api/events/{id}", get(get_event))
        .route("/api/quotes", get(list_quotes))
        .route("/api/dyad/{a}/{b}", get(dyad))
        .route("/api/dyads", get(top_dyads))
        .route("/api/search", get(search))
}

fn date(name: &str, v: &Option<String>) -> Result<Option<Date>, ApiError> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => Date::parse(s).map(Some).ok_or_else(|| {
            ApiError::bad_request(format!("{name}: bad date {s:?}: expected YYYY-MM-DD"))
        }),
    }
}

fn list(v: &Option<String>) -> Vec<String> {
    v.as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn flag(v: &Option<String>) -> bool {
    matches!(v.as_deref(), Some("1" | "true" | "yes" | "on"))
}

fn number(name: &str, v: &Option<String>, default: usize, max: usize) -> Result<usize, ApiError> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(default),
        Some(s) => s.parse::<usize>().map(|n| n.min(max)).map_err(|_| {
            ApiError::bad_request(format!("{name}: expected a non-negative number, got {s:?}"))
        }),
    }
}

fn text(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// Query string of `/api/events` (all strings: parsed with clear errors).
#[derive(Deserialize, Default)]
pub struct EventParams {
    from: Option<String>,
    to: Option<String>,
    actor: Option<String>,
    source: Option<String>,
    target: Option<String>,
    undirected: Option<String>,
    code: Option<String>,
    root: Option<String>,
    quad: Option<String>,
    country: Option<String>,
    text: Option<String>,
    article: Option<String>,
    order: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

impl EventParams {
    fn filter(&self) -> Result<EventFilter, ApiError> {
        let quad = list(&self.quad)
            .iter()
            .map(|q| {
                q.parse::<u8>()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(|| ApiError::bad_request(format!("quad: {q:?} is not 1-4")))
            })
            .collect::<Result<_, _>>()?;
        let mut f = EventFilter::default();
        f.from = date("from", &self.from)?;
        f.to = date("to", &self.to)?;
        f.actor = list(&self.actor);
        f.source = text(&self.source);
        f.target = text(&self.target);
        f.undirected = flag(&self.undirected);
        f.code = list(&self.code);
        f.root = list(&self.root);
        f.quad = quad;
        f.country = text(&self.country);
        f.text = text(&self.text);
        f.article = text(&self.article);
        f.with_quotes = true;
        f.newest_first = self.order.as_deref() == Some("newest");
        f.limit = Some(number("limit", &self.limit, 100, MAX_LIMIT)?);
        f.offset = number("offset", &self.offset, 0, usize::MAX)?;
        Ok(f)
    }
}

async fn stats(State(st): S) -> ApiResult {
    blocking(move || {
        let counts = st.counts()?;
        Ok(Json(json!({
            "counts": counts,
            "schema_version": st.reader().schema_version()?,
            "version": env!("CARGO_PKG_VERSION"),
        })))
    })
    .await
}

async fn list_events(State(st): S, Query(p): Query<EventParams>) -> ApiResult {
    let f = p.filter()?;
    blocking(move || {
        let events = st.reader().events(&f)?;
        Ok(Json(
            json!({ "offset": f.offset, "limit": f.limit, "events": events }),
        ))
    })
    .await
}

async fn get_event(State(st): S, Path(id): Path<i64>) -> ApiResult {
    blocking(move || match st.reader().event(id)? {
        Some(e) => Ok(Json(json!(e))),
        None => Err(ApiError::not_found(format!("no event {id}"))),
    })
    .await
}

/// Query string of list endpoints.
#[derive(Deserialize, Default)]
pub struct ListParams {
    q: Option<String>,
    speaker: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
    from: Option<String>,
}

async fn list_articles(State(st): S, Query(p): Query<ListParams>) -> ApiResult {
    let limit = number("limit", &p.limit, 50, MAX_LIMIT)?;
    let offset = number("offset", &p.offset, 0, usize::MAX)?;
    blocking(move || {
        let a = st.reader().articles(text(&p.q).as_deref(), limit, offset)?;
        Ok(Json(
            json!({ "offset": offset, "limit": limit, "articles": a }),
        ))
    })
    .await
}

async fn get_article(State(st): S, Path(id): Path<String>) -> ApiResult {
    blocking(move || match st.reader().article(&id)? {
        Some(a) => Ok(Json(json!(a))),
        None => Err(ApiError::not_found(format!("no article {id:?}"))),
    })
    .await
}

async fn list_quotes(State(st): S, Query(p): Query<ListParams>) -> ApiResult {
    let limit = number("limit", &p.limit, 50, MAX_LIMIT)?;
    let offset = number("offset", &p.offset, 0, usize::MAX)?;
    blocking(move || {
        let q = st.reader().quotes(
            text(&p.speaker).as_deref(),
            text(&p.q).as_deref(),
            limit,
            offset,
        )?;
        Ok(Json(
            json!({ "offset": offset, "limit": limit, "quotes": q }),
        ))
    })
    .await
}

async fn search(State(st): S, Query(p): Query<ListParams>) -> ApiResult {
    let limit = number("limit", &p.limit, 50, MAX_LIMIT)?;
    let offset = number("offset", &p.offset, 0, usize::MAX)?;
    let q = text(&p.q).ok_or_else(|| ApiError::bad_request("q: search words are needed"))?;
    blocking(move || {
        let hits = st.reader().search(&q, limit, offset)?;
        Ok(Json(
            json!({ "q": q, "offset": offset, "limit": limit, "sentences": hits }),
        ))
    })
    .await
}

async fn top_dyads(State(st): S, Query(p): Query<ListParams>) -> ApiResult {
    let limit = number("limit", &p.limit, 20, MAX_LIMIT)?;
    let from = date("from", &p.from)?;
    blocking(move || {
        let d = st.reader().top_dyads(limit, from)?;
        Ok(Json(json!({ "dyads": d })))
    })
    .await
}

/// Query string of the dyad series.
#[derive(Deserialize, Default)]
pub struct DyadParams {
    pub(crate) by: Option<String>,
    pub(crate) directed: Option<String>,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
}

impl DyadParams {
    pub(crate) fn query(&self, a: &str, b: &str) -> Result<DyadQuery, ApiError> {
        let by = match self.by.as_deref().map(str::trim) {
            None | Some("") => Bucketing::Week,
            Some(s) => s.parse::<Bucketing>().map_err(ApiError::bad_request)?,
        };
        let code = |s: &str| -> Result<String, ApiError> {
            let s = s.trim();
            if s.is_empty() || s.len() > 32 || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(ApiError::bad_request(format!(
                    "actor {s:?}: expected a code prefix like USA or USAGOV"
                )));
            }
            Ok(s.to_ascii_uppercase())
        };
        let mut q = DyadQuery::new(&code(a)?, &code(b)?, by);
        q.directed = flag(&self.directed);
        q.from = date("from", &self.from)?;
        q.to = date("to", &self.to)?;
        Ok(q)
    }
}

async fn dyad(
    State(st): S,
    Path((a, b)): Path<(String, String)>,
    Query(p): Query<DyadParams>,
) -> ApiResult {
    let q = p.query(&a, &b)?;
    if let (Some(f), Some(t)) = (q.from, q.to) {
        if t.to_days() - f.to_days() > 366 * 200 {
            return Err(ApiError::bad_request("from/to: at most 200 years"));
        }
    }
    blocking(move || {
        let series = st.reader().dyad_series(&q)?;
        Ok(Json(json!({
            "a": q.a, "b": q.b, "by": q.by, "directed": q.directed,
            "from": q.from, "to": q.to, "series": series,
        })))
    })
    .await
}

/// An article posted for coding; `id` defaults to a hash of the text.
#[derive(Deserialize)]
pub struct PostArticle {
    id: Option<serde_json::Value>,
    text: String,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    language: Option<String>,
}

impl PostArticle {
    fn article(self) -> Result<Article, ApiError> {
        if self.text.trim().is_empty() {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "text: the article text is empty",
            ));
        }
        let id = match self.id {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            None | Some(Value::Null) => {
                format!("web-{}", &herodotus_store::content_hash(&self.text)[..16])
            }
            Some(Value::String(_)) => {
                format!("web-{}", &herodotus_store::content_hash(&self.text)[..16])
            }
            Some(_) => {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "id: expected a string or number",
                ))
            }
        };
        let date = date("date", &self.date)
            .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.message))?;
        Ok(Article::builder()
            .id(id)
            .text(self.text)
            .date(date)
            .title(self.title.filter(|s| !s.trim().is_empty()))
            .url(self.url.filter(|s| !s.trim().is_empty()))
            .source(self.source.filter(|s| !s.trim().is_empty()))
            .authors(self.authors)
            .language(self.language)
            .build())
    }
}

/// Checks the write token.
fn authorize(st: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let want = match &st.policy {
        WritePolicy::Open => return Ok(()),
        WritePolicy::Closed => {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "writes are disabled: this server listens on a non-loopback address without a token (--token or HERODOTUS_TOKEN)",
            ))
        }
        WritePolicy::Token(t) => t,
    };
    let given = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .or_else(|| {
            headers
                .get("x-herodotus-token")
                .and_then(|v| v.to_str().ok())
        });
    match given {
        Some(g) if constant_time_eq(g.trim().as_bytes(), want.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(StatusCode::FORBIDDEN, "wrong token")),
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "a token is needed: send Authorization: Bearer TOKEN",
        )),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn body<T>(b: Result<Json<T>, JsonRejection>) -> Result<T, ApiError> {
    b.map(|Json(x)| x)
        .map_err(|e| ApiError::new(e.status(), e.body_text()))
}

async fn post_article(
    State(st): S,
    headers: HeaderMap,
    b: Result<Json<PostArticle>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    authorize(&st, &headers)?;
    let article = body(b)?.article()?;
    st.coding(move |st, budget| {
        let processed = (st.processor)(&article, budget)?;
        let outcome = st
            .writer()
            .insert_batch(&[(article.clone(), processed)])?
            .pop()
            .unwrap_or(InsertOutcome::Unchanged);
        st.forget_counts();
        // A duplicate is the same text stored under another id: answer with
        // that article, so the paste page goes to it rather than to a 404.
        let id = match outcome {
            InsertOutcome::Duplicate => st
                .writer()
                .id_by_text(&article.text)?
                .unwrap_or_else(|| article.id.clone()),
            _ => article.id.clone(),
        };
        let stored = st.writer().article(&id)?;
        let status = match outcome {
            InsertOutcome::Inserted => StatusCode::CREATED,
            _ => StatusCode::OK,
        };
        let outcome = format!("{outcome:?}").to_lowercase();
        let mut body = json!({ "id": id, "outcome": outcome, "article": stored });
        if id != article.id {
            body["posted_id"] = json!(article.id);
        }
        Ok((status, Json(body)))
    })
    .await
}

async fn code_article(
    State(st): S,
    headers: HeaderMap,
    b: Result<Json<PostArticle>, JsonRejection>,
) -> ApiResult {
    authorize(&st, &headers)?;
    let article = body(b)?.article()?;
    st.coding(move |st, budget| {
        let p = (st.processor)(&article, budget)?;
        Ok(Json(json!({
            "id": article.id,
            "sentences": p.coded.sentences,
            "mentions": p.coded.mentions,
            "events": p.coded.events,
            "discarded": p.coded.discarded,
            "quotes": p.quotes,
            "tone": p.tone,
        })))
    })
    .await
}
