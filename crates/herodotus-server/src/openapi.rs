//! The OpenAPI 3.1 description served at `/openapi.json`.

use serde_json::{json, Value};

fn q(name: &str, desc: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": desc, "schema": { "type": "string" } })
}

fn p(name: &str, desc: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "description": desc, "schema": { "type": "string" } })
}

fn ok(desc: &str, schema: Value) -> Value {
    json!({
        "200": { "description": desc, "content": { "application/json": { "schema": schema } } },
        "400": { "$ref": "#/components/responses/Error" },
        "404": { "$ref": "#/components/responses/Error" }
    })
}

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn arr(name: &str) -> Value {
    json!({ "type": "array", "items": r(name) })
}

fn page(key: &str, item: &str) -> Value {
    json!({ "type": "object", "properties": { "offset": {"type": "integer"}, "limit": {"type": "integer"}, key: arr(item) } })
}

/// The API description.
pub fn spec() -> Value {
    let paging = [
        q("limit", "page size (default 50-100, at most 1000)"),
        q("offset", "rows to skip"),
    ];
    let date = |n: &str| q(n, "YYYY-MM-DD");
    let write_body = json!({
        "required": true,
        "content": { "application/json": { "schema": r("NewArticle") } }
    });
    let write_errors = json!({
        "401": { "$ref": "#/components/responses/Error" },
        "403": { "$ref": "#/components/responses/Error" },
        "413": { "description": "body too large" },
        "422": { "$ref": "#/components/responses/Error" }
    });
    let mut post_art = ok(
        "the stored article (201 when new)",
        json!({
            "type": "object",
            "properties": { "id": {"type": "string", "description": "the id the article is stored under: for a duplicate, the stored article with the same text"}, "posted_id": {"type": "string", "description": "the id sent, when it differs from id (duplicate)"}, "outcome": {"type": "string", "enum": ["inserted", "replaced", "updated", "unchanged", "duplicate"]}, "article": r("Article") }
        }),
    );
    let mut post_code = ok(
        "the coded article (not stored)",
        json!({
            "type": "object",
            "properties": { "id": {"type": "string"}, "events": arr("Event"), "quotes": arr("Quote"), "sentences": {"type": "array"}, "mentions": {"type": "array"}, "discarded": {"type": "boolean"}, "tone": {"type": ["number", "null"]} }
        }),
    );
    for resp in [&mut post_art, &mut post_code] {
        if let (Some(o), Some(e)) = (resp.as_object_mut(), write_errors.as_object()) {
            o.extend(e.clone());
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "herodotus",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "CAMEO event data from news: stored articles, events, quotes and dyad time series. Errors are JSON {\"error\": message, \"status\": code}. Writes need `Authorization: Bearer TOKEN` when the server has a token, and are refused on a non-loopback address without one."
        },
        "components": {
            "securitySchemes": { "token": { "type": "http", "scheme": "bearer" } },
            "responses": {
                "Error": { "description": "error", "content": { "application/json": { "schema": r("Error") } } }
            },
            "schemas": {
                "Error": { "type": "object", "properties": { "error": {"type": "string"}, "status": {"type": "integer"} }, "required": ["error"] },
                "Place": { "type": "object", "properties": {
                    "name": {"type": "string"}, "kind": {"type": "integer"}, "country_code": {"type": "string"},
                    "adm1": {"type": "string"}, "lat": {"type": "number"}, "lon": {"type": "number"} } },
                "Quote": { "type": "object", "properties": {
                    "article_id": {"type": "string"}, "quote": {"type": "string"}, "speaker": {"type": ["string", "null"]},
                    "speaker_code": {"type": ["string", "null"]}, "kind": {"type": "string"}, "verb": {"type": ["string", "null"]},
                    "span": {"type": "array", "items": {"type": "integer"}} } },
                "Event": { "type": "object", "description": "A coded event: who did what to whom. Spans are byte offsets into the article text.", "properties": {
                    "id": {"type": "integer"}, "article_id": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"},
                    "date": {"type": ["string", "null"], "format": "date"}, "sentence_index": {"type": "integer"}, "sentence": {"type": "string"},
                    "source_code": {"type": "string"}, "source_text": {"type": "string"}, "target_code": {"type": "string"}, "target_text": {"type": "string"},
                    "event_code": {"type": "string"}, "event_root": {"type": "string"}, "event_label": {"type": "string"},
                    "quad_class": {"type": "integer", "minimum": 1, "maximum": 4}, "goldstein": {"type": "number"}, "plover": {"type": ["string", "null"]},
                    "pattern": {"type": "string"},
                    "source_span": {"type": "array", "items": {"type": "integer"}}, "target_span": {"type": "array", "items": {"type": "integer"}},
                    "verb_span": {"type": "array", "items": {"type": "integer"}}, "sentence_span": {"type": "array", "items": {"type": "integer"}},
                    "is_root_event": {"type": "boolean"}, "sentence_tone": {"type": "number"}, "article_tone": {"type": "number"},
                    "action_geo": r("Place"), "source_geo": r("Place"), "target_geo": r("Place"), "quotes": arr("Quote") } },
                "Article": { "type": "object", "properties": {
                    "id": {"type": "string"}, "date": {"type": ["string", "null"]}, "title": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]},
                    "source": {"type": ["string", "null"]}, "authors": {"type": "array", "items": {"type": "string"}}, "language": {"type": ["string", "null"]},
                    "text": {"type": "string"}, "tone": {"type": ["number", "null"]}, "discarded": {"type": "boolean"},
                    "sentences": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}},
                    "mentions": {"type": "array", "items": {"type": "object"}}, "quotes": arr("Quote"), "events": arr("Event") } },
                "ArticleSummary": { "type": "object", "properties": {
                    "id": {"type": "string"}, "date": {"type": ["string", "null"]}, "title": {"type": ["string", "null"]},
                    "source": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]}, "events": {"type": "integer"} } },
                "NewArticle": { "type": "object", "required": ["text"], "properties": {
                    "id": {"type": "string", "description": "default: web- and a hash of the text"}, "text": {"type": "string"},
                    "date": {"type": "string", "format": "date"}, "title": {"type": "string"}, "url": {"type": "string"},
                    "source": {"type": "string"}, "authors": {"type": "array", "items": {"type": "string"}}, "language": {"type": "string"} } },
                "Bucket": { "type": "object", "properties": {
                    "start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"}, "count": {"type": "integer"},
                    "q1": {"type": "integer"}, "q2": {"type": "integer"}, "q3": {"type": "integer"}, "q4": {"type": "integer"},
                    "goldstein_mean": {"type": ["number", "null"]}, "tone_mean": {"type": ["number", "null"]} } },
                "DyadCount": { "type": "object", "properties": {
                    "a": {"type": "string"}, "b": {"type": "string"}, "count": {"type": "integer"},
                    "goldstein_mean": {"type": "number"}, "last": {"type": ["string", "null"]} } },
                "SentenceHit": { "type": "object", "properties": {
                    "article_id": {"type": "string"}, "title": {"type": ["string", "null"]}, "date": {"type": ["string", "null"]},
                    "sentence_index": {"type": "integer"}, "span": {"type": "array", "items": {"type": "integer"}}, "text": {"type": "string"} } }
            }
        },
        "paths": {
            "/api/stats": { "get": { "summary": "Row counts and versions", "operationId": "stats",
                "responses": ok("counts", json!({"type": "object"})) } },
            "/api/articles": {
                "get": { "summary": "Articles, newest first", "operationId": "listArticles",
                    "parameters": [q("q", "only articles with a sentence matching these words"), paging[0].clone(), paging[1].clone()],
                    "responses": ok("a page of articles", page("articles", "ArticleSummary")) },
                "post": { "summary": "Code an article and store it", "operationId": "postArticle",
                    "security": [{"token": []}], "requestBody": write_body.clone(), "responses": post_art }
            },
            "/api/articles/{id}": { "get": { "summary": "One article with its text, sentences, mentions, quotes and events", "operationId": "getArticle",
                "parameters": [p("id", "article id")], "responses": ok("the article", r("Article")) } },
            "/api/code": { "post": { "summary": "Code an article on the fly without storing it", "operationId": "codeArticle",
                "security": [{"token": []}], "requestBody": write_body, "responses": post_code } },
            "/api/events": { "get": { "summary": "Events matching filters, in date order", "operationId": "listEvents",
                "parameters": [date("from"), date("to"),
                    q("actor", "actor code prefixes, comma-separated: source or target starts with one"),
                    q("source", "source actor code prefix"), q("target", "target actor code prefix"),
                    q("undirected", "1: with source and target, match both directions"),
                    q("code", "CAMEO codes, comma-separated"), q("root", "CAMEO roots, comma-separated"),
                    q("quad", "QuadClasses 1-4, comma-separated"), q("country", "ISO3 country of the action place"),
                    q("text", "full-text search over the event sentences"), q("article", "article id"),
                    q("order", "newest: newest first"), paging[0].clone(), paging[1].clone()],
                "responses": ok("a page of events", page("events", "Event")) } },
            "/api/events/{id}": { "get": { "summary": "One event", "operationId": "getEvent",
                "parameters": [p("id", "event id (integer)")], "responses": ok("the event", r("Event")) } },
            "/api/quotes": { "get": { "summary": "Quotes, newest first", "operationId": "listQuotes",
                "parameters": [q("speaker", "speaker code prefix or name"), q("q", "words the quote contains"), paging[0].clone(), paging[1].clone()],
                "responses": ok("a page of quotes", page("quotes", "Quote")) } },
            "/api/dyad/{a}/{b}": { "get": { "summary": "Time series of events between two actors", "operationId": "dyadSeries",
                "description": "Actors are code prefixes (USA matches USAGOV, USAMIL). Both directions unless directed=1. Buckets without events are included.",
                "parameters": [p("a", "first actor code prefix"), p("b", "second actor code prefix"),
                    q("by", "day, week (default, ISO weeks from Monday) or month"), q("directed", "1: only a as source and b as target"),
                    date("from"), date("to")],
                "responses": ok("the series", json!({"type": "object", "properties": {
                    "a": {"type": "string"}, "b": {"type": "string"}, "by": {"type": "string"}, "directed": {"type": "boolean"},
                    "series": arr("Bucket") }})) } },
            "/api/dyads": { "get": { "summary": "The most active pairs of actor countries", "operationId": "topDyads",
                "parameters": [q("limit", "how many (default 20)"), date("from")],
                "responses": ok("dyads, most events first", json!({"type": "object", "properties": {"dyads": arr("DyadCount")}})) } },
            "/api/search": { "get": { "summary": "Full-text search over all stored sentences", "operationId": "search",
                "parameters": [json!({"name": "q", "in": "query", "required": true, "schema": {"type": "string"}, "description": "words; word* for a prefix"}), paging[0].clone(), paging[1].clone()],
                "responses": ok("matching sentences, most recently stored first", page("sentences", "SentenceHit")) } }
        }
    })
}
