//! The desk's HTML pages. Every string from an article goes through maud's escaping.

use crate::State;
use axum::extract::{Path, Query, State as Shared};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use dossier_ledger::filing::{Bounds, Filing};
use dossier_ledger::{ArticleView, ClaimOrder, ClaimQuery, ClaimRow, ClaimView, EntityView, SearchHit, Store};
use maud::{html, Markup, DOCTYPE};
use std::sync::Arc;

/// Runs a ledger read off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(state: Arc<State>, read: impl FnOnce(&State) -> Result<T, String> + Send + 'static) -> Result<T, String> {
    tokio::task::spawn_blocking(move || read(&state)).await.map_err(|e| format!("internal error: {e}"))?
}

fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · dossier" }
                link rel="stylesheet" href="/desk.css";
            }
            body {
                header {
                    nav aria-label="main" {
                        a href="/claims" { "Claims" }
                        form action="/search" method="get" role="search" {
                            label for="q" class="hidden" { "Search" }
                            input id="q" name="q" type="search" placeholder="Search articles and claims";
                            button type="submit" { "Search" }
                        }
                    }
                }
                main { h1 { (title) } (body) }
            }
        }
    }
}

fn page(status: StatusCode, title: &str, body: Markup) -> Response {
    (status, layout(title, body)).into_response()
}

fn failure(message: &str) -> Response {
    page(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong", html! { p { (message) } })
}

fn missing(what: &str) -> Response {
    page(StatusCode::NOT_FOUND, "Not found", html! { p { "There is no " (what) " in this ledger." } p { a href="/claims" { "All claims" } } })
}

pub(crate) async fn home() -> Redirect {
    Redirect::to("/claims")
}

pub(crate) async fn stylesheet() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], include_str!("desk.css"))
}

/// The filters of the claims page (and of `/api/claims`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub(crate) struct ClaimFilter {
    pub about: Option<String>,
    pub source: Option<String>,
    pub outlet: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub contains: Option<String>,
    /// "yes" or "no"
    pub hedged: Option<String>,
    /// "yes" or "no"
    pub contradicted: Option<String>,
    /// "first-seen" (default) or "most-seen"
    pub sort: Option<String>,
    pub page: Option<usize>,
}

pub(crate) const PAGE_SIZE: usize = 50;

fn given(v: &Option<String>) -> Option<String> {
    v.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl ClaimFilter {
    /// The page of claims this filter selects, and whether there are more.
    pub(crate) fn select(&self, store: &dyn Store) -> Result<(Vec<ClaimRow>, bool), String> {
        let yes_no = |v: &Option<String>| given(v).map(|s| s == "yes");
        let page = self.page.unwrap_or(1).max(1);
        let query = ClaimQuery {
            about: given(&self.about),
            source: given(&self.source),
            outlet: given(&self.outlet),
            since: given(&self.since),
            until: given(&self.until),
            contains: given(&self.contains),
            hedged: yes_no(&self.hedged),
            contradicted: yes_no(&self.contradicted),
            order: if self.sort.as_deref() == Some("most-seen") { ClaimOrder::MostSeen } else { ClaimOrder::FirstSeen },
            // One more than a page, to know whether there is a next one.
            limit: PAGE_SIZE + 1,
            offset: (page - 1) * PAGE_SIZE,
        };
        let mut rows = store.claims(&query).map_err(|e| e.to_string())?;
        let more = rows.len() > PAGE_SIZE;
        rows.truncate(PAGE_SIZE);
        Ok((rows, more))
    }
}

/// How a speaker's or an outlet's claims fared: how many were corroborated and contradicted.
fn fared(rows: &[ClaimRow]) -> String {
    let corroborated = rows.iter().filter(|r| !r.corroborated_by.is_empty()).count();
    let contradicted = rows.iter().filter(|r| !r.contradicted_by.is_empty()).count();
    format!("{corroborated} corroborated by another source, {contradicted} contradicted.")
}

/// A claim's origin, linked to its entity's page when it is a known entity.
fn origin(r: &ClaimRow) -> Markup {
    html! {
        @if let Some(key) = &r.origin_entity { a href={ "/entities/" (encode(key)) } { (r.origin) } } @else { (r.origin) }
    }
}

fn claim_table(rows: &[ClaimRow]) -> Markup {
    html! {
        table class="claims" {
            thead { tr { th scope="col" { "Claim" } th scope="col" { "Origin" } th scope="col" { "First seen" } th scope="col" { "Seen" } th scope="col" { "Flags" } } }
            tbody {
                @for r in rows {
                    tr {
                        td { a href={ "/claims/" (r.id) } { (r.content) } }
                        td { (origin(r)) }
                        td { (r.first_seen.as_deref().unwrap_or("")) }
                        td { (r.appearances) "× · " (r.independent_reports) " independent" }
                        td class="flags" {
                            @if r.hedged { span class="flag hedged" { "hedged" } }
                            @if r.negative { span class="flag negative" { "says no" } }
                            @if !r.corroborated_by.is_empty() { span class="flag corroborated" { "corroborated" } }
                            @if !r.contradicted_by.is_empty() { span class="flag contradicted" { "contradicted" } }
                        }
                    }
                }
            }
        }
    }
}

pub(crate) async fn claims(Shared(state): Shared<Arc<State>>, Query(filter): Query<ClaimFilter>) -> Response {
    let f = filter.clone();
    let selected = blocking(state, move |s| s.read(|store| f.select(store))).await;
    let (rows, more) = match selected {
        Ok(r) => r,
        Err(e) => return failure(&e),
    };
    let page_no = filter.page.unwrap_or(1).max(1);
    let link = |page: usize| {
        let mut q: Vec<(String, String)> = Vec::new();
        for (k, v) in [("about", &filter.about), ("source", &filter.source), ("outlet", &filter.outlet), ("since", &filter.since), ("until", &filter.until), ("contains", &filter.contains), ("hedged", &filter.hedged), ("contradicted", &filter.contradicted), ("sort", &filter.sort)] {
            if let Some(v) = given(v) {
                q.push((k.into(), v));
            }
        }
        q.push(("page".into(), page.to_string()));
        format!("/claims?{}", query_string(&q))
    };
    let choice = |name: &str, value: &Option<String>, options: &[(&str, &str)]| {
        html! {
            label { (name) " "
                select name=(name.to_lowercase()) {
                    @for (v, label) in options {
                        option value=(v) selected[given(value).as_deref() == Some(*v) || (v.is_empty() && given(value).is_none())] { (label) }
                    }
                }
            }
        }
    };
    let body = html! {
        form class="filters" method="get" action="/claims" {
            label { "About " input name="about" value=(filter.about.clone().unwrap_or_default()) placeholder="entity or key"; }
            label { "Source " input name="source" value=(filter.source.clone().unwrap_or_default()); }
            label { "Outlet " input name="outlet" value=(filter.outlet.clone().unwrap_or_default()); }
            label { "Contains " input name="contains" value=(filter.contains.clone().unwrap_or_default()); }
            label { "Since " input name="since" type="date" value=(filter.since.clone().unwrap_or_default()); }
            label { "Until " input name="until" type="date" value=(filter.until.clone().unwrap_or_default()); }
            (choice("Hedged", &filter.hedged, &[("", "any"), ("yes", "yes"), ("no", "no")]))
            (choice("Contradicted", &filter.contradicted, &[("", "any"), ("yes", "yes"), ("no", "no")]))
            (choice("Sort", &filter.sort, &[("", "first seen"), ("most-seen", "most independent reports")]))
            button type="submit" { "Filter" }
        }
        @if rows.is_empty() { p { "No claim matches." } } @else { (claim_table(&rows)) }
        nav class="pages" aria-label="pages" {
            @if page_no > 1 { a href=(link(page_no - 1)) rel="prev" { "← previous" } }
            " page " (page_no) " "
            @if more { a href=(link(page_no + 1)) rel="next" { "next →" } }
        }
    };
    page(StatusCode::OK, "Claims", body)
}

/// Percent-encodes everything but unreserved characters (for a path segment or a query value).
fn encode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// `k=v&…` with each part percent-encoded.
fn query_string(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// A figure's intervals across appearances, in time order, as an SVG chart.
fn lineage_chart(view: &ClaimView) -> Option<Markup> {
    // One measured thing: the unit of the first appearance's first counted figure.
    let unit = view.appearances.iter().flat_map(|a| &a.figures).find_map(|f| f.unit.clone())?;
    let points: Vec<(String, String, Bounds)> = view
        .appearances
        .iter()
        .flat_map(|a| a.figures.iter().filter(|f| f.unit.as_deref() == Some(unit.as_str())).map(move |f| (a.published_day.clone().unwrap_or_default(), f.text.clone(), f.interval)))
        .collect();
    let finite: Vec<f64> = points.iter().flat_map(|(_, _, b)| [b.low, b.high]).flatten().collect();
    let top = finite.iter().cloned().fold(0.0_f64, f64::max) * 1.25;
    if points.is_empty() || top <= 0.0 {
        return None;
    }
    let (w, h, pad) = (640.0, 220.0, 30.0);
    let step = (w - 2.0 * pad) / points.len().max(1) as f64;
    let y = |v: f64| h - pad - (v / top) * (h - 2.0 * pad);
    Some(html! {
        figure {
            svg class="lineage" viewBox={ "0 0 " (w) " " (h) } role="img" aria-label="The figure's interval in each appearance, in time order" {
                line x1=(pad) y1=(h - pad) x2=(w - pad) y2=(h - pad) class="axis" {}
                @for (i, (day, text, b)) in points.iter().enumerate() {
                    @let x = pad + step * (i as f64 + 0.5);
                    @let low = y(b.low.unwrap_or(0.0));
                    @let high = b.high.map_or(pad / 2.0, y);
                    g {
                        title { (day) ": " (text) " → " (b.to_string()) }
                        line x1=(x) y1=(low) x2=(x) y2=(high) class={ "bar" @if b.high.is_none() { " open" } } {}
                        circle cx=(x) cy=(low) r="4" {}
                        text x=(x) y=(h - 8.0) text-anchor="middle" { (day) }
                    }
                }
            }
            figcaption { "The number of " (unit) " as each appearance gives it (bars are intervals; a dashed bar has no upper bound)." }
        }
    })
}

pub(crate) async fn claim(Shared(state): Shared<Arc<State>>, Path(id): Path<i64>) -> Response {
    let view = match blocking(state, move |s| s.read(|store| store.claim(id).map_err(|e| e.to_string()))).await {
        Ok(Some(v)) => v,
        Ok(None) => return missing(&format!("claim C{id}")),
        Err(e) => return failure(&e),
    };
    let r = &view.row;
    let body = html! {
        p class="claim-text" { (r.content) }
        dl class="facts" {
            dt { "Origin" } dd { (origin(r)) }
            dt { "First seen" } dd { (r.first_seen.as_deref().unwrap_or("unknown")) }
            dt { "Seen" } dd { (r.appearances) " times, in " (r.independent_reports) " independent reports" }
        }
        @if let Some(chart) = lineage_chart(&view) { h2 { "The figure over time" } (chart) }
        h2 { "Relations" }
        @if view.relations.is_empty() { p { "None found." } }
        ul class="relations" {
            @for rel in &view.relations {
                li class=(rel.kind) { span class="kind" { (rel.kind) } " " a href={ "/claims/" (rel.claim) } { (rel.content) } " — " (rel.origin) }
            }
        }
        h2 { "Appearances, first first" }
        ol class="appearances" {
            @for a in &view.appearances {
                li {
                    a href={ "/articles/" (a.article) } { (a.publisher.as_deref().unwrap_or("unknown outlet")) ", " (a.published_day.as_deref().unwrap_or("undated")) }
                    @if let Some(p) = &a.publisher { " · " a href={ "/outlets/" (encode(p)) } { "outlet" } }
                    @if let Some(c) = a.copy_of { " (a copy of " a href={ "/articles/" (c) } { "A" (c) } ")" }
                    p class="relay" { "Relay: " (a.relay.join(" ← ")) }
                    p { @if let Some(s) = &a.source { strong { (s) } " " } @if let Some(c) = &a.cue { em { (c) } ": " } (a.content.text) }
                    @if !a.hedges.is_empty() { p class="hedges" { "Hedges: " (a.hedges.join(", ")) } }
                    @for f in &a.figures { p class="figure" { (f.text) " → " (f.interval.to_string()) @if let Some(u) = &f.unit { " " (u) } } }
                }
            }
        }
    };
    page(StatusCode::OK, &format!("Claim C{id}"), body)
}

/// A run of the body with the highlights over it.
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    note: String,
}

/// Every source, cue, content, figure and time of the article as marks on its body.
pub(crate) fn marks(f: &Filing, clusters: &[i64]) -> Vec<(usize, usize, &'static str, String)> {
    let mut marks = Vec::new();
    for (c, cluster) in f.claims.iter().zip(clusters) {
        let who = c.source.as_ref().map(|s| s.name.clone().unwrap_or_else(|| s.excerpt.text.clone())).unwrap_or_else(|| "the outlet's own voice".into());
        marks.push((c.content.start, c.content.end, "content", format!("claim C{cluster} by {who}; relay {}", c.relay.join(" ← "))));
        if let Some(s) = &c.source {
            marks.push((s.excerpt.start, s.excerpt.end, "source", format!("source: {}", s.name.as_deref().unwrap_or(&s.excerpt.text))));
        }
        if let Some(cue) = &c.cue {
            marks.push((cue.start, cue.end, "cue", format!("cue of claim C{cluster}")));
        }
    }
    for q in &f.figures {
        marks.push((q.excerpt.start, q.excerpt.end, "figure", format!("{} {}", q.interval, q.unit.as_deref().unwrap_or(""))));
    }
    for t in &f.times {
        marks.push((t.excerpt.start, t.excerpt.end, "time", format!("{} {}", t.kind, t.value)));
    }
    marks
}

/// The body cut at every mark's edge: each piece carries the classes and notes over it.
fn highlighted(body: &str, marks: &[(usize, usize, &'static str, String)]) -> Markup {
    let chars: Vec<char> = body.chars().collect();
    let mut edges: Vec<usize> = marks.iter().flat_map(|m| [m.0, m.1]).chain([0, chars.len()]).filter(|&e| e <= chars.len()).collect();
    edges.sort_unstable();
    edges.dedup();
    let pieces: Vec<(String, Vec<Mark>)> = edges
        .windows(2)
        .map(|w| {
            let over = marks.iter().filter(|m| m.0 <= w[0] && w[1] <= m.1 && m.0 < m.1).map(|m| Mark { start: m.0, end: m.1, class: m.2, note: m.3.clone() }).collect();
            (chars[w[0]..w[1]].iter().collect(), over)
        })
        .collect();
    html! {
        div class="body" {
            @for (text, over) in &pieces {
                @if over.is_empty() { (text) } @else {
                    @let classes = over.iter().map(|m| m.class).collect::<Vec<_>>().join(" ");
                    @let note = over.iter().map(|m| m.note.as_str()).collect::<Vec<_>>().join(" · ");
                    @let first = over.iter().map(|m| m.start).min().unwrap_or(0);
                    @let last = over.iter().map(|m| m.end).max().unwrap_or(0);
                    mark class=(classes) data-note=(note) data-span={ (first) "-" (last) } tabindex="0" { (text) }
                }
            }
        }
    }
}

pub(crate) async fn article(Shared(state): Shared<Arc<State>>, Path(id): Path<i64>) -> Response {
    let view: ArticleView = match blocking(state, move |s| s.read(|store| store.article(id).map_err(|e| e.to_string()))).await {
        Ok(Some(v)) => v,
        Ok(None) => return missing(&format!("article A{id}")),
        Err(e) => return failure(&e),
    };
    let f = &view.filing;
    let title = f.title.clone().unwrap_or_else(|| format!("Article A{id}"));
    let body = html! {
        dl class="facts" {
            dt { "Publisher" } dd { @if let Some(p) = &f.publisher { a href={ "/outlets/" (encode(p)) } { (p) } } @else { "unknown" } }
            dt { "Published" } dd { (f.published.as_deref().unwrap_or("undated")) }
            @if !f.byline.is_empty() { dt { "By" } dd { (f.byline.join(", ")) } }
            dt { "From" } dd { (f.provenance.origin) @if let Some(u) = &f.provenance.url { " · " (u) } }
            dt { "SHA-256" } dd class="hash" { (f.provenance.sha256) }
            @if let Some(o) = view.copy_of { dt { "Copy of" } dd { a href={ "/articles/" (o) } { "A" (o) } } }
            @if !view.copies.is_empty() { dt { "Copied by" } dd { @for c in &view.copies { a href={ "/articles/" (c) } { "A" (c) } " " } } }
        }
        p class="legend" { "Highlights: " mark class="source" { "source" } " " mark class="cue" { "cue" } " " mark class="content" { "content" } " " mark class="figure" { "figure" } " " mark class="time" { "time" } " — hover or focus one for details." }
        (highlighted(&f.body, &marks(f, &view.clusters)))
        @if !f.captions.is_empty() {
            h2 { "Captions" }
            ul { @for (text, credit) in &f.captions { li { (text) @if let Some(c) = credit { " (" (c) ")" } } } }
        }
        details class="removed" {
            summary { "Removed by extraction (" (f.removed.len()) ")" }
            ul { @for r in &f.removed { li { span class="reason" { (r.reason) } " " (r.text) } } }
        }
    };
    page(StatusCode::OK, &title, body)
}

pub(crate) async fn entity(Shared(state): Shared<Arc<State>>, Path(key): Path<String>) -> Response {
    let k = key.clone();
    let view: EntityView = match blocking(state, move |s| s.read(|store| store.entity(&k).map_err(|e| e.to_string()))).await {
        Ok(Some(v)) => v,
        Ok(None) => return missing(&format!("entity “{key}”")),
        Err(e) => return failure(&e),
    };
    let body = html! {
        p { (view.kind) " · key " code { (view.key) } " · named in " (view.articles) " articles" }
        p class="record" { "As a source: " (view.claims_by.len()) " claims, " (fared(&view.claims_by)) }
        @if let Some(chart) = timeline(&view) { h2 { "Timeline" } (chart) }
        h2 { "Claims it made (" (view.claims_by.len()) ")" }
        (claim_table(&view.claims_by))
        h2 { "Claims about it (" (view.claims_about.len()) ")" }
        (claim_table(&view.claims_about))
    };
    page(StatusCode::OK, &view.name, body)
}

/// The claims made by and about an entity on a time axis, one lane each: every dot is a
/// link to its claim (focusable, titled with its day and words), coloured by how it fared.
fn timeline(view: &EntityView) -> Option<Markup> {
    let day = |r: &ClaimRow| r.first_seen.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let lanes = [("made", &view.claims_by), ("about", &view.claims_about)];
    let days: Vec<jiff::civil::Date> = lanes.iter().flat_map(|(_, rows)| rows.iter().filter_map(day)).collect();
    let (first, last) = (*days.iter().min()?, *days.iter().max()?);
    let span = first.until(last).map_or(0, |s| s.get_days()).max(1) as f64;
    let (w, pad, lane_h) = (640.0, 40.0, 50.0);
    let h = lane_h * lanes.len() as f64 + 30.0;
    let x = |d: jiff::civil::Date| pad + first.until(d).map_or(0, |s| s.get_days()) as f64 / span * (w - 2.0 * pad);
    let undated = lanes.iter().flat_map(|(_, rows)| rows.iter()).filter(|r| day(r).is_none()).count();
    Some(html! {
        figure {
            svg class="timeline" viewBox={ "0 0 " (w) " " (h) } role="group" aria-label="Claims made by and about it, in time" {
                @for (i, (lane, rows)) in lanes.iter().enumerate() {
                    @let y = lane_h * (i as f64 + 0.5);
                    text x="4" y=(y + 4.0) class="lane" { (lane) }
                    line x1=(pad) y1=(y) x2=(w - pad) y2=(y) class="axis" {}
                    @let dated: Vec<(&ClaimRow, jiff::civil::Date)> = rows.iter().filter_map(|r| Some((r, day(r)?))).collect();
                    @for (n, &(r, d)) in dated.iter().enumerate() {
                        // Claims of one day fan out up and down the lane rather than hide each other.
                        @let same_day = dated[..n].iter().filter(|(_, o)| *o == d).count();
                        @let dy = if same_day.is_multiple_of(2) { -1.0 } else { 1.0 } * same_day.div_ceil(2) as f64 * 7.0;
                        @let fate = if !r.contradicted_by.is_empty() { "contradicted" } else if !r.corroborated_by.is_empty() { "corroborated" } else { "alone" };
                        a href={ "/claims/" (r.id) } {
                            title { (d) ": " (r.content) }
                            circle cx=(x(d)) cy=(y + dy) r="6" class=(fate) {}
                        }
                    }
                }
                text x=(pad) y=(h - 6.0) text-anchor="start" { (first) }
                @if last != first { text x=(w - pad) y=(h - 6.0) text-anchor="end" { (last) } }
            }
            figcaption {
                "Each dot is a claim on the day it was first seen: red contradicted (whether or not also corroborated), green corroborated, grey neither."
                @if undated > 0 { " " (undated) " undated claims are not drawn." }
            }
        }
    })
}

/// An outlet: what its articles carried, and how those claims fared.
pub(crate) async fn outlet(Shared(state): Shared<Arc<State>>, Path(name): Path<String>) -> Response {
    let n = name.clone();
    let rows = blocking(state, move |s| {
        s.read(|store| store.claims(&ClaimQuery { outlet: Some(n), limit: 500, ..Default::default() }).map_err(|e| e.to_string()))
    })
    .await;
    let rows = match rows {
        Ok(r) if r.is_empty() => return missing(&format!("outlet “{name}”")),
        Ok(r) => r,
        Err(e) => return failure(&e),
    };
    let body = html! {
        p class="record" { (rows.len()) " claims carried, " (fared(&rows)) }
        (claim_table(&rows))
    };
    page(StatusCode::OK, &name, body)
}

#[derive(serde::Deserialize)]
pub(crate) struct SearchQuery {
    pub q: Option<String>,
}

pub(crate) async fn search(Shared(state): Shared<Arc<State>>, Query(query): Query<SearchQuery>) -> Response {
    let q = query.q.clone().unwrap_or_default();
    let text = q.clone();
    let hits: Vec<SearchHit> = match blocking(state, move |s| s.read(|store| store.search(&text, 50).map_err(|e| e.to_string()))).await {
        Ok(h) => h,
        Err(e) => return failure(&e),
    };
    let body = html! {
        @if q.trim().is_empty() { p { "Type words to search for." } }
        @else if hits.is_empty() { p { "Nothing matches “" (q) "”." } }
        ul class="hits" {
            @for h in &hits {
                @let href = if h.kind == "claim" { format!("/claims/{}", h.id) } else { format!("/articles/{}", h.id) };
                li class=(h.kind) { a href=(href) { (h.kind) " " (if h.kind == "claim" { "C" } else { "A" }) (h.id) } ": " (h.snippet) }
            }
        }
    };
    page(StatusCode::OK, "Search", body)
}
