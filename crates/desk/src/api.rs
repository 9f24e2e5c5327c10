//! The JSON API behind every page, its OpenAPI description, and ingest by POST.

use crate::pages::{blocking, ClaimFilter, SearchQuery};
use crate::State;
use axum::extract::{Path, Query, State as Shared};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use dossier_intake::PageRecord;
use dossier_ledger::Filed;
use serde_json::{json, Value};
use std::sync::Arc;

pub(crate) fn routes() -> Router<Arc<State>> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/api/claims", get(claims))
        .route("/api/claims/{id}", get(claim))
        .route("/api/articles", post(ingest))
        .route("/api/articles/{id}", get(article))
        .route("/api/entities/{key}", get(entity))
        .route("/api/search", get(search))
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

fn found<T: serde::Serialize>(result: Result<Option<T>, String>, what: &str) -> Response {
    match result {
        Ok(Some(v)) => Json(v).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, &format!("no {what} in this ledger")),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

async fn claims(Shared(state): Shared<Arc<State>>, Query(filter): Query<ClaimFilter>) -> Response {
    match blocking(state, move |s| s.read(|store| filter.select(store))).await {
        Ok((rows, more)) => Json(json!({ "claims": rows, "more": more })).into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

async fn claim(Shared(state): Shared<Arc<State>>, Path(id): Path<i64>) -> Response {
    found(blocking(state, move |s| s.read(|store| store.claim(id).map_err(|e| e.to_string()))).await, &format!("claim C{id}"))
}

async fn article(Shared(state): Shared<Arc<State>>, Path(id): Path<i64>) -> Response {
    let read = blocking(state, move |s| {
        s.read(|store| {
            let Some(view) = store.article(id).map_err(|e| e.to_string())? else { return Ok(None) };
            let marks: Vec<Value> = crate::pages::marks(&view.filing, &view.clusters)
                .into_iter()
                .map(|(start, end, kind, note)| json!({ "start": start, "end": end, "kind": kind, "note": note }))
                .collect();
            Ok(Some(json!({ "article": view, "highlights": marks })))
        })
    })
    .await;
    found(read, &format!("article A{id}"))
}

async fn entity(Shared(state): Shared<Arc<State>>, Path(key): Path<String>) -> Response {
    let k = key.clone();
    found(blocking(state, move |s| s.read(|store| store.entity(&k).map_err(|e| e.to_string()))).await, &format!("entity {key}"))
}

async fn search(Shared(state): Shared<Arc<State>>, Query(query): Query<SearchQuery>) -> Response {
    let q = query.q.unwrap_or_default();
    match blocking(state, move |s| s.read(|store| store.search(&q, 50).map_err(|e| e.to_string()))).await {
        Ok(hits) => Json(json!({ "hits": hits })).into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

/// Compares in time independent of where the strings differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn ingest(Shared(state): Shared<Arc<State>>, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let Some(token) = state.token.clone() else {
        return error(StatusCode::FORBIDDEN, "this desk is read-only: start it with DOSSIER_TOKEN set to accept pages");
    };
    let given = headers.get("authorization").and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|g| same_secret(g.as_bytes(), token.as_bytes())) {
        return error(StatusCode::UNAUTHORIZED, "send the desk's token as 'Authorization: Bearer TOKEN'");
    }
    let record: PageRecord = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return error(StatusCode::BAD_REQUEST, &format!("the body must be JSON {{url, html or text, published, publisher}}: {e}")),
    };
    let origin = record.url.clone().unwrap_or_else(|| "posted to the desk".into());
    let Ok(document) = record.into_document(origin) else {
        return error(StatusCode::BAD_REQUEST, "give the page as \"html\" or \"text\"");
    };
    let filed = blocking(state, move |s| {
        let prepared = (s.analyse)(document)?;
        let mut writer = s.writer.lock().map_err(|_| "the writer is poisoned")?;
        if writer.is_none() {
            *writer = Some(s.db.open().map_err(|e| e.to_string())?);
        }
        writer.as_mut().expect("opened just above").file(&prepared).map_err(|e| e.to_string())
    })
    .await;
    match filed {
        Ok(Filed::New { article, copy_of, claims, .. }) => {
            (StatusCode::CREATED, Json(json!({ "article": article, "status": "new", "copy_of": copy_of, "claims": claims }))).into_response()
        }
        Ok(Filed::AlreadyKept { article }) => Json(json!({ "article": article, "status": "already kept" })).into_response(),
        Err(e) => error(StatusCode::UNPROCESSABLE_ENTITY, &e),
    }
}

async fn openapi() -> Response {
    let text = |d: &str| json!({ "description": d, "content": { "application/json": {} } });
    let param = |name: &str, place: &str, d: &str| json!({ "name": name, "in": place, "required": place == "path", "description": d, "schema": { "type": "string" } });
    Json(json!({
        "openapi": "3.1.0",
        "info": { "title": "dossier desk", "version": env!("CARGO_PKG_VERSION"), "description": "A sourced ledger of claims: claims, articles, entities and search, as the desk's pages show them." },
        "paths": {
            "/api/claims": { "get": {
                "summary": "Claims (clusters of appearances), first seen first",
                "parameters": [param("about", "query", "an entity name or key"), param("source", "query", "part of the source's name"), param("outlet", "query", "a publishing outlet's name"),
                    param("since", "query", "YYYY-MM-DD"), param("until", "query", "YYYY-MM-DD"), param("contains", "query", "words of the claim"),
                    param("hedged", "query", "yes or no"), param("contradicted", "query", "yes or no"), param("sort", "query", "first-seen or most-seen"), param("page", "query", "from 1")],
                "responses": { "200": text("{claims, more}") } } },
            "/api/claims/{id}": { "get": { "summary": "A claim: appearances, relations, figures", "parameters": [param("id", "path", "the claim's number")], "responses": { "200": text("the claim"), "404": text("no such claim") } } },
            "/api/articles/{id}": { "get": { "summary": "An article with every span and its highlights", "parameters": [param("id", "path", "the article's number")], "responses": { "200": text("{article, highlights}"), "404": text("no such article") } } },
            "/api/articles": { "post": {
                "summary": "Ingest a page (needs the desk's bearer token)",
                "security": [{ "bearer": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": {
                    "url": { "type": "string" }, "html": { "type": "string" }, "text": { "type": "string" }, "published": { "type": "string" }, "publisher": { "type": "string" } } } } } },
                "responses": { "201": text("filed"), "200": text("already kept"), "401": text("no or wrong token"), "403": text("read-only desk"), "413": text("too large") } } },
            "/api/entities/{key}": { "get": { "summary": "An entity: claims it made and claims about it", "parameters": [param("key", "path", "a key (place:north-korea) or a name")], "responses": { "200": text("the entity"), "404": text("no such entity") } } },
            "/api/search": { "get": { "summary": "Full-text search over articles and claims", "parameters": [param("q", "query", "words")], "responses": { "200": text("{hits}") } } }
        },
        "components": { "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } } }
    }))
    .into_response()
}
