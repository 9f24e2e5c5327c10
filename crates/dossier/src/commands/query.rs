//! `dossier claims | show | search | figures`: reading the ledger as tables, JSON or CSV.

use dossier_ledger::{ClaimQuery, ClaimRow, ClaimView, EntityView, Location, Store};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Output {
    /// Aligned columns for reading.
    Table,
    Json,
    Jsonl,
    Csv,
}

/// Opens an existing ledger; querying never creates one.
pub fn open(db: &Location) -> Result<Box<dyn Store + Send>, String> {
    if !db.may_exist() {
        return Err(format!("no ledger at {db}: file some pages first (dossier ingest PATH --db {db}) or give --db"));
    }
    db.open().map_err(|e| e.to_string())
}

/// Text from articles, made safe for a terminal: control characters (escape sequences) become spaces.
pub fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn shorten(text: &str, max: usize) -> String {
    let text = clean(text);
    if text.chars().count() <= max {
        return text;
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// Rows with headers, printed as aligned columns (the last one cut to fit) or as CSV.
struct Table {
    headers: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

impl Table {
    fn write(&self, out: &mut impl Write, csv: bool) -> std::io::Result<()> {
        if csv {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(self.headers)?;
            for row in &self.rows {
                w.write_record(row)?;
            }
            return w.flush();
        }
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row).take(n - 1) {
                *w = (*w).max(cell.chars().count().min(40));
            }
        }
        let line = |cells: Vec<String>, out: &mut dyn Write| -> std::io::Result<()> {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate() {
                if i + 1 < n {
                    let cell = shorten(cell, 40);
                    text.push_str(&format!("{cell:<w$}  ", w = widths[i]));
                } else {
                    text.push_str(&shorten(cell, 120));
                }
            }
            writeln!(out, "{}", text.trim_end())
        };
        line(self.headers.iter().map(|h| h.to_string()).collect(), out)?;
        for row in &self.rows {
            line(row.clone(), out)?;
        }
        Ok(())
    }
}

fn emit<T: Serialize>(items: &[T], format: Output, table: impl FnOnce() -> Table) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match format {
        Output::Json => serde_json::to_writer_pretty(&mut out, items).map_err(std::io::Error::from).and_then(|_| writeln!(out)),
        Output::Jsonl => items.iter().try_for_each(|i| serde_json::to_writer(&mut out, i).map_err(std::io::Error::from).and_then(|_| writeln!(out))),
        Output::Table | Output::Csv => table().write(&mut out, format == Output::Csv),
    };
    match written.and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write output: {e}")),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("dossier: {message}");
    ExitCode::from(1)
}

fn ids(prefix: char, ids: &[i64]) -> String {
    ids.iter().map(|i| format!("{prefix}{i}")).collect::<Vec<_>>().join(" ")
}

fn flags(row: &ClaimRow) -> String {
    let mut flags = Vec::new();
    if row.hedged {
        flags.push("hedged".to_string());
    }
    if row.negative {
        flags.push("says no".to_string());
    }
    if !row.corroborated_by.is_empty() {
        flags.push(format!("corroborated by {}", ids('C', &row.corroborated_by)));
    }
    if !row.contradicted_by.is_empty() {
        flags.push(format!("contradicted by {}", ids('C', &row.contradicted_by)));
    }
    flags.join("; ")
}

fn claim_table(rows: &[ClaimRow]) -> Table {
    Table {
        headers: &["ID", "FIRST SEEN", "ORIGIN", "SEEN", "FLAGS", "CLAIM"],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    format!("C{}", r.id),
                    r.first_seen.clone().unwrap_or_default(),
                    r.origin.clone(),
                    format!("{}× ({} independent)", r.appearances, r.independent_reports),
                    flags(r),
                    r.content.clone(),
                ]
            })
            .collect(),
    }
}

pub fn claims(db: &Location, query: &ClaimQuery, format: Output) -> ExitCode {
    let result = open(db).and_then(|store| store.claims(query).map_err(|e| e.to_string()));
    match result {
        Ok(rows) => emit(&rows, format, || claim_table(&rows)),
        Err(e) => fail(&e),
    }
}

pub fn search(db: &Location, text: &str, limit: usize, format: Output) -> ExitCode {
    match open(db).and_then(|store| store.search(text, limit).map_err(|e| e.to_string())) {
        Ok(hits) => emit(&hits, format, || Table {
            headers: &["ID", "KIND", "MATCH"],
            rows: hits.iter().map(|h| vec![format!("{}{}", if h.kind == "claim" { 'C' } else { 'A' }, h.id), h.kind.clone(), h.snippet.clone()]).collect(),
        }),
        Err(e) => fail(&e),
    }
}

pub fn figures(db: &Location, about: &str, format: Output) -> ExitCode {
    match open(db).and_then(|store| store.figures(about).map_err(|e| e.to_string())) {
        Ok(rows) if rows.is_empty() => fail(&format!("no figure in any claim about '{about}' (is the name right? try dossier show \"{about}\")")),
        Ok(rows) => emit(&rows, format, || Table {
            headers: &["MEASURES", "DAY", "OUTLET", "CLAIM", "ORIGIN", "FIGURE", "INTERVAL"],
            rows: rows
                .iter()
                .map(|r| {
                    vec![
                        r.figure.unit.clone().unwrap_or_else(|| "-".into()),
                        r.published_day.clone().unwrap_or_default(),
                        r.publisher.clone().unwrap_or_default(),
                        format!("C{}", r.claim),
                        r.origin.clone(),
                        r.figure.text.clone(),
                        format!("{}{}", r.figure.interval, if r.figure.approximate { " ≈" } else { "" }),
                    ]
                })
                .collect(),
        }),
        Err(e) => fail(&e),
    }
}

/// `C12` a claim, `A3` an article, anything else an entity.
pub fn show(db: &Location, what: &str, format: Output) -> ExitCode {
    let store = match open(db) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    if format == Output::Csv {
        return fail("show prints one record: use --format table, json or jsonl");
    }
    let numbered = |prefix: char| what.strip_prefix(prefix).or_else(|| what.strip_prefix(prefix.to_ascii_lowercase())).and_then(|n| n.parse::<i64>().ok());
    let result = if let Some(id) = numbered('C') {
        store.claim(id).map(|v| v.map(|v| Shown::Claim(Box::new(v))))
    } else if let Some(id) = numbered('A') {
        store.article(id).map(|v| v.map(|v| Shown::Article(Box::new(v))))
    } else {
        store.entity(what).map(|v| v.map(|v| Shown::Entity(Box::new(v))))
    };
    let shown = match result {
        Ok(Some(s)) => s,
        Ok(None) => return fail(&format!("nothing called '{what}' in {}: claims are C<number>, articles A<number>, entities a name or key", db)),
        Err(e) => return fail(&e.to_string()),
    };
    if format != Output::Table {
        return emit(std::slice::from_ref(&shown), format, || unreachable!("tables are printed below"));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match &shown {
        Shown::Claim(v) => print_claim(&mut out, v),
        Shown::Article(v) => print_article(&mut out, v),
        Shown::Entity(v) => print_entity(&mut out, v),
    };
    match written.and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write output: {e}")),
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum Shown {
    Claim(Box<ClaimView>),
    Article(Box<dossier_ledger::ArticleView>),
    Entity(Box<EntityView>),
}

fn print_claim(out: &mut impl Write, v: &ClaimView) -> std::io::Result<()> {
    let r = &v.row;
    writeln!(out, "C{}  {}", r.id, clean(&r.content))?;
    writeln!(out, "origin: {}   first seen: {}   seen {}× in {} independent reports", clean(&r.origin), r.first_seen.as_deref().unwrap_or("?"), r.appearances, r.independent_reports)?;
    if !flags(r).is_empty() {
        writeln!(out, "flags: {}", flags(r))?;
    }
    writeln!(out, "\nappearances (first first):")?;
    for a in &v.appearances {
        let copy = a.copy_of.map(|c| format!(" (copy of A{c})")).unwrap_or_default();
        writeln!(out, "  A{} {} {}{copy}", a.article, a.published_day.as_deref().unwrap_or("?"), clean(a.publisher.as_deref().unwrap_or("?")))?;
        writeln!(out, "    relay: {}", clean(&a.relay.join(" ← ")))?;
        if let Some(cue) = &a.cue {
            writeln!(out, "    {} {}: {}", clean(a.source.as_deref().unwrap_or("")), clean(cue), clean(&a.content.text))?;
        } else {
            writeln!(out, "    {}", clean(&a.content.text))?;
        }
        if !a.hedges.is_empty() {
            writeln!(out, "    hedges: {}", clean(&a.hedges.join(", ")))?;
        }
        for f in &a.figures {
            writeln!(out, "    figure: {} = {}{} {}", clean(&f.text), f.interval, if f.approximate { " ≈" } else { "" }, clean(f.unit.as_deref().unwrap_or("")))?;
        }
    }
    if !v.relations.is_empty() {
        writeln!(out, "\nrelations:")?;
        for rel in &v.relations {
            writeln!(out, "  {} C{} ({}): {}", rel.kind, rel.claim, clean(&rel.origin), shorten(&rel.content, 100))?;
        }
    }
    Ok(())
}

fn print_article(out: &mut impl Write, v: &dossier_ledger::ArticleView) -> std::io::Result<()> {
    let f = &v.filing;
    writeln!(out, "A{}  {}", v.id, clean(f.title.as_deref().unwrap_or("(no title)")))?;
    writeln!(out, "publisher: {}   published: {}", clean(f.publisher.as_deref().unwrap_or("?")), f.published.as_deref().unwrap_or("?"))?;
    writeln!(out, "from: {}   url: {}", clean(&f.provenance.origin), clean(f.provenance.url.as_deref().unwrap_or("-")))?;
    writeln!(out, "sha256: {}   ingested: {}", f.provenance.sha256, v.ingested_at)?;
    if let Some(o) = v.copy_of {
        writeln!(out, "a copy of A{o}")?;
    }
    if !v.copies.is_empty() {
        writeln!(out, "copied by: {}", ids('A', &v.copies))?;
    }
    writeln!(out, "\nclaims:")?;
    for (claim, cluster) in f.claims.iter().zip(&v.clusters) {
        let source = claim.source.as_ref().map(|s| s.name.clone().unwrap_or_else(|| s.excerpt.text.clone())).unwrap_or_else(|| "(own voice)".into());
        writeln!(out, "  C{cluster}  {}: {}", clean(&source), shorten(&claim.content.text, 110))?;
    }
    for p in &f.paragraphs {
        writeln!(out, "\n{}", clean(&p.text))?;
    }
    Ok(())
}

fn print_entity(out: &mut impl Write, v: &EntityView) -> std::io::Result<()> {
    writeln!(out, "{} ({}, key {}) named in {} articles", clean(&v.name), v.kind, v.key, v.articles)?;
    for (title, rows) in [("claims it made", &v.claims_by), ("claims about it", &v.claims_about)] {
        writeln!(out, "\n{title}: {}", rows.len())?;
        if !rows.is_empty() {
            claim_table(rows).write(out, false)?;
        }
    }
    Ok(())
}
