//! The web pages: dashboard, dyad chart, article, search and "paste an
//! article". Server-side HTML; the embedded script only adds the click-a-point
//! event list and the paste form's submit.

use crate::api::DyadParams;
use crate::chart::{dyad_chart, esc};
use crate::{blocking, ApiError, AppState, WritePolicy};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use herodotus_store::StoredArticle;
use serde::Deserialize;
use std::fmt::Write;
use std::sync::Arc;

const CSS: &str = include_str!("assets/app.css");
const JS: &str = include_str!("assets/app.js");

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(dashboard))
        .route("/dyad/{a}/{b}", get(dyad_page))
        .route("/article/{id}", get(article_page))
        .route("/paste", get(paste_page))
        .route("/search", get(search_page))
        .route(
            "/static/app.css",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                        (header::CACHE_CONTROL, "max-age=3600"),
                    ],
                    CSS,
                )
            }),
        )
        .route(
            "/static/app.js",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                        (header::CACHE_CONTROL, "max-age=3600"),
                    ],
                    JS,
                )
            }),
        )
}

fn layout(title: &str, body: &str) -> Html<String> {
    Html(format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} · herodotus</title>
<link rel="stylesheet" href="/static/app.css">
</head><body>
<header class="top"><a class="brand" href="/">herodotus</a>
<nav><a href="/">Dashboard</a><a href="/search">Search</a><a href="/paste">Paste an article</a><a href="/openapi.json">API</a></nav>
<form class="qs" action="/search" role="search"><input name="q" type="search" placeholder="Search sentences" aria-label="Search sentences"></form>
</header>
<main>{body}</main>
<script src="/static/app.js" defer></script>
</body></html>"#,
        esc(title)
    ))
}

/// An HTML error page with the right status.
fn page_error(e: ApiError) -> Response {
    let body = format!(
        r#"<h1>{}</h1><p class="err">{}</p><p><a href="/">Back to the dashboard</a></p>"#,
        e.status.as_u16(),
        esc(&e.message)
    );
    (e.status, layout("Error", &body)).into_response()
}

fn gold_class(g: f64) -> &'static str {
    if g > 1.0 {
        "pos"
    } else if g < -1.0 {
        "neg"
    } else {
        "neu"
    }
}

async fn dashboard(State(st): State<Arc<AppState>>) -> Response {
    let r = blocking(move || {
        // Counts first: they may take a reader connection of their own.
        let counts = st.counts()?;
        let s = st.reader();
        Ok((counts, s.top_dyads(25, None)?, s.articles(None, 10, 0)?))
    })
    .await;
    let (counts, dyads, articles) = match r {
        Ok(x) => x,
        Err(e) => return page_error(e),
    };
    let mut b = String::new();
    let _ = write!(
        b,
        r#"<h1>Dashboard</h1>
<p class="stats"><span><b>{}</b> articles</span><span><b>{}</b> events</span><span><b>{}</b> quotes</span><span><b>{}</b> sentences</span>{}</p>
<form class="pair" action="/dyad" onsubmit="location.href='/dyad/'+encodeURIComponent(this.a.value.trim()||'USA')+'/'+encodeURIComponent(this.b.value.trim()||'RUS');return false;">
<label>Actor <input name="a" placeholder="USA" size="8" pattern="[A-Za-z0-9]+"></label>
<label>and <input name="b" placeholder="RUS" size="8" pattern="[A-Za-z0-9]+"></label>
<button>Show the series</button></form>
<div class="cols"><section><h2>Most active dyads</h2>"#,
        counts.articles,
        counts.events,
        counts.quotes,
        counts.sentences,
        undated_note(counts.undated),
    );
    if dyads.is_empty() {
        b.push_str(r#"<p class="muted">No events between two different actors yet. Store some with <code>herodotus ingest FILES --db DB</code> or <a href="/paste">paste an article</a>.</p>"#);
    } else {
        b.push_str(r#"<table class="dyads"><thead><tr><th>Dyad</th><th class="num">Events</th><th class="num">Mean Goldstein</th><th>Last</th></tr></thead><tbody>"#);
        for d in &dyads {
            let _ = write!(
                b,
                r#"<tr><td><a class="dyad" href="/dyad/{}/{}">{} – {}</a></td><td class="num">{}</td><td class="num {}">{:+.2}</td><td>{}</td></tr>"#,
                esc(&d.a),
                esc(&d.b),
                esc(&d.a),
                esc(&d.b),
                d.count,
                gold_class(d.goldstein_mean),
                d.goldstein_mean,
                d.last.map(|x| x.to_string()).unwrap_or_default()
            );
        }
        b.push_str("</tbody></table>");
    }
    b.push_str(r#"</section><section><h2>Latest articles</h2>"#);
    if articles.is_empty() {
        b.push_str(r#"<p class="muted">No articles yet.</p>"#);
    } else {
        b.push_str(r#"<ul class="articles">"#);
        for a in &articles {
            let _ = write!(
                b,
                r#"<li><a href="/article/{}">{}</a> <span class="muted">{} · {} events</span></li>"#,
                esc(&urlenc(&a.id)),
                esc(a.title.as_deref().unwrap_or(&a.id)),
                a.date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into()),
                a.events
            );
        }
        b.push_str("</ul>");
    }
    b.push_str("</section></div>");
    layout("Dashboard", &b).into_response()
}

/// How many stored articles have no date, which is why their events are in
/// no chart; nothing when all are dated.
fn undated_note(n: u64) -> String {
    if n == 0 {
        return String::new();
    }
    format!(
        r#"<span class="undated" title="Their events appear in no time series. Ingest them again with --date or a date field to date them."><b>{n}</b> undated articles</span>"#
    )
}

fn urlenc(s: &str) -> String {
    let mut o = String::new();
    for byte in s.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            o.push(byte as char);
        } else {
            let _ = write!(o, "%{byte:02X}");
        }
    }
    o
}

async fn dyad_page(
    State(st): State<Arc<AppState>>,
    Path((a, b)): Path<(String, String)>,
    Query(p): Query<DyadParams>,
) -> Response {
    let q = match p.query(&a, &b) {
        Ok(q) => q,
        Err(e) => return page_error(e),
    };
    let q2 = q.clone();
    let series = match blocking(move || Ok(st.reader().dyad_series(&q2)?)).await {
        Ok(s) => s,
        Err(e) => return page_error(e),
    };
    let arrow = if q.directed { "→" } else { "–" };
    let title = format!("{} {arrow} {}", q.a, q.b);
    let total: u64 = series.iter().map(|b| b.count).sum();
    let by = format!("{:?}", q.by).to_lowercase();
    let sel = |v: &str| if v == by { " selected" } else { "" };
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<h1>{t}</h1>
<form class="controls" method="get">
<label>By <select name="by"><option value="day"{d}>day</option><option value="week"{w}>week</option><option value="month"{m}>month</option></select></label>
<label>From <input type="date" name="from" value="{from}"></label>
<label>To <input type="date" name="to" value="{to}"></label>
<label class="check"><input type="checkbox" name="directed" value="1"{dir}> only {a} → {b}</label>
<button>Update</button></form>
<p class="muted">{total} events in {n} {by}s. Click a bar or point to list its events and sentences.</p>
<div class="chartbox" data-dyad data-a="{a}" data-b="{b}" data-directed="{dirv}">{svg}</div>
<p class="legend"><span class="k q1"></span>verbal cooperation <span class="k q2"></span>material cooperation <span class="k q3"></span>verbal conflict <span class="k q4"></span>material conflict <span class="k gl"></span>mean Goldstein</p>
<section id="events" aria-live="polite"><p class="muted">No point selected.</p></section>"#,
        t = esc(&title),
        d = sel("day"),
        w = sel("week"),
        m = sel("month"),
        from = q.from.map(|d| d.to_string()).unwrap_or_default(),
        to = q.to.map(|d| d.to_string()).unwrap_or_default(),
        dir = if q.directed { " checked" } else { "" },
        dirv = u8::from(q.directed),
        a = esc(&q.a),
        b = esc(&q.b),
        n = series.len(),
        svg = dyad_chart(&series, &title),
    );
    layout(&title, &h).into_response()
}

/// The article text as HTML with actors, verbs and quotes highlighted.
/// Spans may overlap: the text is cut at every span boundary and each piece
/// gets the classes of all spans covering it, so the HTML always nests.
pub fn highlight(a: &StoredArticle) -> String {
    let text = &a.text;
    let ok = |s: [usize; 2]| {
        s[0] < s[1]
            && s[1] <= text.len()
            && text.is_char_boundary(s[0])
            && text.is_char_boundary(s[1])
    };
    // (span, class, event index for data attributes)
    let mut marks: Vec<([usize; 2], &str)> = Vec::new();
    for m in &a.mentions {
        marks.push((m.span, "actor"));
    }
    for e in &a.events {
        marks.push((e.event.source_span, "actor"));
        marks.push((e.event.target_span, "actor"));
        marks.push((e.event.verb_span, "verb"));
    }
    for q in &a.quotes {
        marks.push((q.span, "quote"));
    }
    marks.retain(|(s, _)| ok(*s));
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (s, _) in &marks {
        cuts.extend_from_slice(s);
    }
    let starts: Vec<(usize, usize)> = a
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| ok(**s) || (s[0] <= text.len() && text.is_char_boundary(s[0])))
        .map(|(i, s)| (s[0], i))
        .collect();
    cuts.extend(starts.iter().map(|x| x.0));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    let mut si = 0;
    for w in cuts.windows(2) {
        let (x, y) = (w[0], w[1]);
        while si < starts.len() && starts[si].0 <= x {
            if starts[si].0 == x {
                let _ = write!(
                    out,
                    r#"<span class="anchor" id="s{}"></span>"#,
                    starts[si].1
                );
            }
            si += 1;
        }
        let mut classes: Vec<&str> = marks
            .iter()
            .filter(|(s, _)| s[0] <= x && y <= s[1])
            .map(|(_, c)| *c)
            .collect();
        classes.sort_unstable();
        classes.dedup();
        let piece = esc(&text[x..y]);
        if classes.is_empty() {
            out.push_str(&piece);
        } else {
            let _ = write!(out, r#"<span class="{}">{piece}</span>"#, classes.join(" "));
        }
    }
    out
}

async fn article_page(State(st): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let id2 = id.clone();
    let a = match blocking(move || Ok(st.reader().article(&id2)?)).await {
        Ok(Some(a)) => a,
        Ok(None) => return page_error(ApiError::not_found(format!("no article {id:?}"))),
        Err(e) => return page_error(e),
    };
    let title = a.title.clone().unwrap_or_else(|| a.id.clone());
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<h1>{}</h1><p class="muted">{} {} {} · id <code>{}</code>{}</p>
<p class="legend"><span class="actor">actor</span> <span class="verb">verb</span> <span class="quote">quote</span></p>
<div class="cols article"><article class="text">{}</article><aside><h2>{} events</h2>"#,
        esc(&title),
        a.date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into()),
        esc(a.source.as_deref().unwrap_or("")),
        a.url
            .as_deref()
            .map(|u| format!(
                r#"· <a href="{}" rel="noopener noreferrer nofollow">source</a>"#,
                esc(u)
            ))
            .unwrap_or_default(),
        esc(&a.id),
        if a.discarded {
            " · discarded by a story filter"
        } else {
            ""
        },
        highlight(&a),
        a.events.len()
    );
    if a.events.is_empty() {
        h.push_str(r#"<p class="muted">No events were coded in this article.</p>"#);
    }
    h.push_str(r#"<ol class="evlist">"#);
    for e in &a.events {
        let ev = &e.event;
        let _ = write!(
            h,
            r##"<li class="ev q{q}"><a href="#s{si}"><b>{src}</b> {code} <b>{tgt}</b></a> <span class="muted">{label} · Goldstein <span class="{gc}">{g:+.1}</span>{pl}</span><blockquote>{sent}</blockquote></li>"##,
            q = ev.quad_class,
            si = ev.sentence_index,
            src = esc(&ev.source_code),
            code = esc(&ev.event_code),
            tgt = esc(if ev.target_code.is_empty() {
                "—"
            } else {
                &ev.target_code
            }),
            label = esc(&ev.event_label),
            gc = gold_class(f64::from(ev.goldstein)),
            g = ev.goldstein,
            pl = ev
                .plover
                .as_deref()
                .map(|p| format!(" · {}", esc(p)))
                .unwrap_or_default(),
            sent = esc(&ev.sentence),
        );
    }
    h.push_str("</ol>");
    if !a.quotes.is_empty() {
        let _ = write!(h, "<h2>{} quotes</h2><ul class=\"quotes\">", a.quotes.len());
        for q in &a.quotes {
            let _ = write!(
                h,
                r#"<li>“{}” <span class="muted">— {}{}</span></li>"#,
                esc(&q.quote),
                esc(q.speaker.as_deref().unwrap_or("unknown speaker")),
                q.speaker_code
                    .as_deref()
                    .map(|c| format!(" ({})", esc(c)))
                    .unwrap_or_default()
            );
        }
        h.push_str("</ul>");
    }
    h.push_str("</aside></div>");
    layout(&title, &h).into_response()
}

async fn paste_page(State(st): State<Arc<AppState>>) -> Response {
    let token_field = match st.policy {
        WritePolicy::Open => String::new(),
        WritePolicy::Token(_) => r#"<label>Token <input name="token" type="password" autocomplete="off" required></label>"#.into(),
        WritePolicy::Closed => r#"<p class="err">Writing is disabled on this server (non-loopback address without a token).</p>"#.into(),
    };
    let body = format!(
        r#"<h1>Paste an article</h1>
<p class="muted">The article is coded on the server and stored; you are taken to its page.</p>
<form id="paste" class="paste">
<label>Title <input name="title" autocomplete="off"></label>
<div class="row"><label>Date <input name="date" type="date"></label><label>Source <input name="source" autocomplete="off"></label></div>
<label>URL <input name="url" type="url" autocomplete="off"></label>
<label>Text <textarea name="text" rows="14" required placeholder="Paste the article text here"></textarea></label>
{token_field}
<button type="submit">Code and store</button>
<p id="paste-status" role="status" aria-live="polite"></p>
</form>"#
    );
    layout("Paste an article", &body).into_response()
}

#[derive(Deserialize, Default)]
struct SearchParams {
    q: Option<String>,
}

async fn search_page(State(st): State<Arc<AppState>>, Query(p): Query<SearchParams>) -> Response {
    let q = p.q.unwrap_or_default().trim().to_string();
    let mut h = format!(
        r#"<h1>Search</h1><form class="controls" action="/search"><input name="q" type="search" value="{}" placeholder="words, or word* for a prefix" aria-label="Search words"><button>Search</button></form>"#,
        esc(&q)
    );
    if !q.is_empty() {
        let q2 = q.clone();
        let hits = match blocking(move || Ok(st.reader().search(&q2, 100, 0)?)).await {
            Ok(h) => h,
            Err(e) => return page_error(e),
        };
        let _ = write!(
            h,
            r#"<p class="muted">{} sentences.</p><ul class="hits">"#,
            hits.len()
        );
        for hit in &hits {
            let _ = write!(
                h,
                r##"<li><blockquote>{}</blockquote><a href="/article/{}#s{}">{}</a> <span class="muted">{}</span></li>"##,
                esc(&hit.text),
                esc(&urlenc(&hit.article_id)),
                hit.sentence_index,
                esc(hit.title.as_deref().unwrap_or(&hit.article_id)),
                hit.date.map(|d| d.to_string()).unwrap_or_default()
            );
        }
        h.push_str("</ul>");
    }
    layout("Search", &h).into_response()
}
