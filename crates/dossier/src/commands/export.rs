//! `dossier export`: the ledger as JSONL, CSV tables, ClaimReview JSON-LD or FollowTheMoney entities.

use super::query::open;
use dossier_ledger::{ArticleView, ClaimQuery, Location, Store};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Every article (with every span) and every claim cluster, one JSON object per line.
    Jsonl,
    /// articles.csv, claims.csv, appearances.csv and relations.csv in the --out folder.
    Csv,
    /// One schema.org ClaimReview (JSON-LD) per claim cluster, one per line.
    Claimreview,
    /// FollowTheMoney entities (Article, Person, Organization, Mention), one per line.
    Ftm,
    /// PLOVER-style events, one per line: the reported speech acts PLOVER codes
    /// (accusations, rejections, requests, agreements, concessions), with actor and date.
    Plover,
}

pub fn export(db: &Location, format: ExportFormat, out_dir: Option<&Path>) -> ExitCode {
    let store = match open(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(1);
        }
    };
    let result = match format {
        ExportFormat::Csv => match out_dir {
            Some(dir) => csv_tables(&*store, dir),
            None => Err("csv export writes several tables: give a folder with --out DIR".into()),
        },
        _ => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let written = match format {
                ExportFormat::Jsonl => jsonl(&*store, &mut out),
                ExportFormat::Claimreview => claim_reviews(&*store, &mut out),
                ExportFormat::Plover => plover(&*store, &mut out),
                _ => follow_the_money(&*store, &mut out),
            };
            written.and_then(|_| out.flush().map_err(|e| e.to_string()))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: export: {e}");
            ExitCode::from(1)
        }
    }
}

fn line(out: &mut impl Write, value: &impl serde::Serialize) -> Result<(), String> {
    serde_json::to_writer(&mut *out, value).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())
}

fn jsonl(store: &dyn Store, out: &mut impl Write) -> Result<(), String> {
    store
        .each_article(&mut |a| line(out, &json!({"type": "article", "article": a})).map_err(|message| dossier_ledger::Error { message }))
        .map_err(|e| e.to_string())?;
    for row in store.claims(&ClaimQuery::default()).map_err(|e| e.to_string())? {
        if let Some(view) = store.claim(row.id).map_err(|e| e.to_string())? {
            line(out, &json!({"type": "claim", "claim": view}))?;
        }
    }
    Ok(())
}

fn claim_reviews(store: &dyn Store, out: &mut impl Write) -> Result<(), String> {
    for row in store.claims(&ClaimQuery::default()).map_err(|e| e.to_string())? {
        let Some(view) = store.claim(row.id).map_err(|e| e.to_string())? else { continue };
        let appearance = |a: &dossier_ledger::Appearance| {
            json!({"@type": "CreativeWork", "identifier": format!("A{}", a.article), "publisher": {"@type": "Organization", "name": a.publisher}, "datePublished": a.published_day, "text": a.content.text})
        };
        let review = json!({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": format!("C{}", row.id),
            "claimReviewed": row.content,
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Thing", "name": row.origin},
                "datePublished": row.first_seen,
                "firstAppearance": view.appearances.first().map(appearance),
                "appearance": view.appearances.iter().map(appearance).collect::<Vec<Value>>(),
            },
        });
        line(out, &review)?;
    }
    Ok(())
}

/// The PLOVER event type of a reporting verb, for the verbs that are themselves events.
fn plover_event(cue: &str) -> Option<&'static str> {
    // The verb is the cue's last word, before a particle ("has called for").
    let verb = cue.rsplit(' ').find(|w| !matches!(*w, "for" | "on" | "out" | "to")).unwrap_or(cue).to_lowercase();
    Some(match verb.as_str() {
        "accused" | "accuses" | "charged" | "alleged" | "alleges" | "blamed" | "blames" => "ACCUSE",
        "denied" | "denies" | "deny" | "rejected" | "rejects" | "dismissed" | "refuted" => "REJECT",
        "urged" | "urges" | "asked" | "asks" | "called" | "calls" | "demanded" | "demands" | "appealed" => "REQUEST",
        "agreed" | "agrees" => "AGREE",
        "conceded" | "concedes" | "acknowledged" | "acknowledges" | "admitted" | "admits" => "CONCEDE",
        _ => return None,
    })
}

fn plover(store: &dyn Store, out: &mut impl Write) -> Result<(), String> {
    for row in store.claims(&ClaimQuery::default()).map_err(|e| e.to_string())? {
        let Some(view) = store.claim(row.id).map_err(|e| e.to_string())? else { continue };
        for a in &view.appearances {
            let Some(event) = a.cue.as_deref().and_then(plover_event) else { continue };
            line(
                out,
                &json!({
                    "id": format!("dossier-C{}-A{}", row.id, a.article),
                    "event_date": a.said_on.as_ref().filter(|d| d.len() == 10).or(a.published_day.as_ref()),
                    "event_type": event,
                    "mode": "verbal",
                    "actor": a.source,
                    "source_text": a.content.text,
                    "source_span": [a.content.start, a.content.end],
                    "publisher": a.publisher,
                    "article": format!("A{}", a.article),
                    "claim": format!("C{}", row.id),
                }),
            )?;
        }
    }
    Ok(())
}

fn follow_the_money(store: &dyn Store, out: &mut impl Write) -> Result<(), String> {
    let mut seen = HashSet::new();
    let mut each = |a: ArticleView| -> Result<(), String> {
        let f = &a.filing;
        let doc_id = format!("dossier-article-{}", f.provenance.sha256);
        line(
            out,
            &json!({"id": doc_id, "schema": "Article", "properties": {
                "title": f.title.iter().collect::<Vec<_>>(), "publisher": f.publisher.iter().collect::<Vec<_>>(),
                "publishedAt": f.published_day.iter().collect::<Vec<_>>(), "sourceUrl": f.provenance.url.iter().collect::<Vec<_>>(),
                "author": f.byline, "bodyText": [f.body]}}),
        )?;
        for e in &f.entities {
            let schema = match e.kind.as_str() {
                "person" => "Person",
                "organization" | "outlet" => "Organization",
                _ => continue, // FollowTheMoney has no schema for places as actors
            };
            let id = format!("dossier-entity-{}", e.key.replace(':', "-"));
            if seen.insert(e.key.clone()) {
                line(out, &json!({"id": id, "schema": schema, "properties": {"name": [e.name]}}))?;
            }
            let names: HashSet<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            line(
                out,
                &json!({"id": format!("dossier-mention-{}-{}", f.provenance.sha256, e.key.replace(':', "-")), "schema": "Mention", "properties": {
                    "document": [doc_id], "resolved": [id], "name": names, "detectedSchema": [schema]}}),
            )?;
        }
        Ok(())
    };
    store.each_article(&mut |a| each(a).map_err(|message| dossier_ledger::Error { message })).map_err(|e| e.to_string())
}

fn csv_tables(store: &dyn Store, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let writer = |name: &str| csv::Writer::from_path(dir.join(name)).map_err(|e| format!("cannot write {}: {e}", dir.join(name).display()));
    let mut articles = writer("articles.csv")?;
    articles
        .write_record(["article", "sha256", "origin", "url", "ingested_at", "title", "publisher", "published", "copy_of"])
        .map_err(|e| e.to_string())?;
    store
        .each_article(&mut |a| {
            let f = &a.filing;
            let p = &f.provenance;
            articles
                .write_record([
                    format!("A{}", a.id),
                    p.sha256.clone(),
                    p.origin.clone(),
                    p.url.clone().unwrap_or_default(),
                    a.ingested_at.clone(),
                    f.title.clone().unwrap_or_default(),
                    f.publisher.clone().unwrap_or_default(),
                    f.published.clone().unwrap_or_default(),
                    a.copy_of.map(|c| format!("A{c}")).unwrap_or_default(),
                ])
                .map_err(|e| dossier_ledger::Error { message: e.to_string() })
        })
        .map_err(|e| e.to_string())?;
    articles.flush().map_err(|e| e.to_string())?;

    let mut claims = writer("claims.csv")?;
    let mut appearances = writer("appearances.csv")?;
    let mut relations = writer("relations.csv")?;
    let csv_err = |e: csv::Error| e.to_string();
    claims.write_record(["claim", "first_seen", "origin", "appearances", "independent_reports", "negative", "hedged", "content"]).map_err(csv_err)?;
    appearances.write_record(["claim", "article", "published_day", "publisher", "copy_of", "source", "cue", "content", "start", "end", "relay", "figures"]).map_err(csv_err)?;
    relations.write_record(["claim", "relation", "other"]).map_err(csv_err)?;
    for row in store.claims(&ClaimQuery::default()).map_err(|e| e.to_string())? {
        let id = format!("C{}", row.id);
        claims
            .write_record([
                id.clone(),
                row.first_seen.clone().unwrap_or_default(),
                row.origin.clone(),
                row.appearances.to_string(),
                row.independent_reports.to_string(),
                row.negative.to_string(),
                row.hedged.to_string(),
                row.content.clone(),
            ])
            .map_err(csv_err)?;
        let Some(view) = store.claim(row.id).map_err(|e| e.to_string())? else { continue };
        for a in &view.appearances {
            let figures: Vec<String> = a.figures.iter().map(|f| format!("{} {}", f.interval, f.unit.as_deref().unwrap_or(""))).collect();
            appearances
                .write_record([
                    id.clone(),
                    format!("A{}", a.article),
                    a.published_day.clone().unwrap_or_default(),
                    a.publisher.clone().unwrap_or_default(),
                    a.copy_of.map(|c| format!("A{c}")).unwrap_or_default(),
                    a.source.clone().unwrap_or_default(),
                    a.cue.clone().unwrap_or_default(),
                    a.content.text.clone(),
                    a.content.start.to_string(),
                    a.content.end.to_string(),
                    a.relay.join(" <- "),
                    figures.join("; "),
                ])
                .map_err(csv_err)?;
        }
        for rel in view.relations.iter().filter(|r| r.kind == "refines" || (r.kind != "refined-by" && row.id < r.claim)) {
            relations.write_record([id.clone(), rel.kind.clone(), format!("C{}", rel.claim)]).map_err(csv_err)?;
        }
    }
    for w in [&mut claims, &mut appearances, &mut relations] {
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}
