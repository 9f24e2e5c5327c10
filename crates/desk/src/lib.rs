//! dossier-desk: the analyst's desk — web pages and a JSON API over the ledger, served
//! by the `dossier` binary itself (`dossier serve`).
//!
//! **Key decisions.** Pages are rendered on the server with `maud`, whose templates
//! escape every interpolated string unless told otherwise (and nothing from an article
//! is ever told otherwise), and they carry no script at all: details show on hover and
//! on keyboard focus through CSS, so the Content-Security-Policy can forbid every script.
//! Each page has the same data as JSON under `/api`, described by `/openapi.json`.
//! Analysis is not a dependency of the desk: the binary hands it an [`Analyse`]
//! function, so that the desk depends on the ledger (and on intake for what a posted page
//! is) and data still flows one way.

mod api;
mod pages;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::Router;
use dossier_intake::Document;
use dossier_ledger::{Location, Prepared, Store};
use std::sync::{Arc, Mutex};

/// Turns a posted page into a filing ready to store (the binary's pipeline).
pub type Analyse = Arc<dyn Fn(Document) -> Result<Prepared, String> + Send + Sync>;

/// What `dossier serve` serves.
pub struct Desk {
    pub db: Location,
    /// The bearer token that allows `POST /api/articles`; `None`: read-only.
    pub token: Option<String>,
    pub analyse: Analyse,
}

/// The largest request body accepted (a page plus its JSON framing).
pub const MAX_REQUEST_BYTES: usize = 33 * 1024 * 1024;

/// Shared by every handler: read connections to reuse, one writer, the token, the pipeline.
pub(crate) struct State {
    db: Location,
    readers: Mutex<Vec<Box<dyn Store + Send>>>,
    writer: Mutex<Option<Box<dyn Store + Send>>>,
    token: Option<String>,
    analyse: Analyse,
}

impl State {
    /// Runs `read` on a pooled connection (opened on first need).
    pub(crate) fn read<T>(&self, read: impl FnOnce(&dyn Store) -> Result<T, String>) -> Result<T, String> {
        let pooled = self.readers.lock().map_err(|_| "the connection pool is poisoned")?.pop();
        let store = match pooled {
            Some(s) => s,
            None => self.db.open().map_err(|e| e.to_string())?,
        };
        let result = read(&*store);
        if let Ok(mut pool) = self.readers.lock() {
            pool.push(store);
        }
        result
    }
}

/// The desk's routes, over a ledger that must exist.
pub fn router(desk: Desk) -> Result<Router, String> {
    if !desk.db.may_exist() {
        return Err(format!("no ledger at {0}: file some pages first (dossier ingest PATH --db {0})", desk.db));
    }
    let state = Arc::new(State { db: desk.db, readers: Mutex::new(Vec::new()), writer: Mutex::new(None), token: desk.token, analyse: desk.analyse });
    let router = Router::new()
        .route("/", get(pages::home))
        .route("/claims", get(pages::claims))
        .route("/claims/{id}", get(pages::claim))
        .route("/articles/{id}", get(pages::article))
        .route("/entities/{key}", get(pages::entity))
        .route("/outlets/{name}", get(pages::outlet))
        .route("/search", get(pages::search))
        .route("/desk.css", get(pages::stylesheet))
        .merge(api::routes())
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state);
    Ok(router)
}

/// No script may run, nothing may be framed, and only this origin's stylesheet loads.
async fn security_headers(mut response: axum::response::Response) -> axum::response::Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

/// Serves the desk until the process is stopped.
pub fn serve(desk: Desk, addr: &str) -> Result<(), String> {
    let router = router(desk)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e} (is another server there? try --addr 127.0.0.1:8081)"))?;
        eprintln!("dossier: the desk is at http://{}/", listener.local_addr().map_err(|e| e.to_string())?);
        axum::serve(listener, router).await.map_err(|e| format!("the server stopped: {e}"))
    })
}
