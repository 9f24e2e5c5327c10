//! The embedded store: one SQLite file (WAL journal), schema migrations by `user_version`.
//!
//! Every value reaches SQL as a bound parameter, lists included: a list is bound as one
//! JSON array and read with `json_each`, so each statement is prepared once and cached.
//! Rows are written one cached statement per row, which is cheaper than parsing JSON.
//! Only the filters of [`Store::claims`] join fixed fragments of SQL, never values.

use crate::copies::{containment, COPY_CONTAINMENT};
use crate::filing::{Bounds, FiledClaim, Filing};
use crate::matching::{comparable, fit, idf, may_match, measured, same_origin, similarity, widen, FigureFit, Origin, CLOSE, SAME_CLAIM};
use crate::prepared::Prepared;
use crate::{
    Appearance, ArticleView, ClaimOrder, ClaimQuery, ClaimRow, ClaimView, Counts, EntityView, Error, FigureAppearance, FigureRow, Filed, Relation, Result, SearchHit,
    Store,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
// Filing hashes many short strings: foldhash is several times faster than SipHash there and
// still seeded per process, so crafted terms cannot force collisions.
use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;
use std::path::Path;

/// Each migration brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    url TEXT,
    ingested_at TEXT NOT NULL,
    title TEXT,
    publisher TEXT,
    publisher_key TEXT,
    published TEXT,
    published_at TEXT,
    -- The whole Filing, every span included (Filing::pack: deflated JSON).
    filing BLOB NOT NULL,
    -- The body's shingles (copies::Signature::fingerprint), to judge later articles as copies.
    fingerprint BLOB NOT NULL,
    copy_group INTEGER NOT NULL,
    copy_score REAL
);
CREATE INDEX articles_first ON articles(copy_group, ifnull(published_at, '~'), id);
-- Postings tables are their own index (WITHOUT ROWID): a lookup by band or term reads one B-tree.
CREATE TABLE article_bands (band INTEGER NOT NULL, article INTEGER NOT NULL REFERENCES articles(id), PRIMARY KEY (band, article)) WITHOUT ROWID;
CREATE TABLE entities (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL);
-- Which articles name an entity, and how often (the spans are in the article's filing).
CREATE TABLE mentions (
    entity INTEGER NOT NULL REFERENCES entities(id),
    article INTEGER NOT NULL REFERENCES articles(id),
    count INTEGER NOT NULL,
    PRIMARY KEY (entity, article)
) WITHOUT ROWID;
CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    origin_key TEXT NOT NULL,
    origin_name TEXT NOT NULL,
    origin_text TEXT NOT NULL,
    voice INTEGER,
    negative INTEGER NOT NULL,
    terms TEXT NOT NULL,
    -- Kept up to date as appearances arrive, so that listings are one indexed query:
    -- the earliest publication ('~' when none is dated), the count, whether any is hedged.
    first_seen TEXT NOT NULL DEFAULT '~',
    appearances INTEGER NOT NULL DEFAULT 0,
    -- Distinct copy groups among the appearances: independent reports.
    reports INTEGER NOT NULL DEFAULT 0,
    hedged INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_first_seen ON clusters(first_seen, id);
CREATE INDEX clusters_most_seen ON clusters(reports DESC, appearances DESC, first_seen, id);
CREATE TABLE cluster_terms (term TEXT NOT NULL, cluster INTEGER NOT NULL REFERENCES clusters(id), PRIMARY KEY (term, cluster)) WITHOUT ROWID;
CREATE TABLE term_counts (term TEXT PRIMARY KEY, clusters INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    ordinal INTEGER NOT NULL,
    cluster INTEGER NOT NULL REFERENCES clusters(id),
    content TEXT NOT NULL,
    source_name TEXT,
    source_key TEXT,
    hedged INTEGER NOT NULL,
    published_at TEXT,
    copy_group INTEGER NOT NULL
);
CREATE INDEX claims_reports ON claims(cluster, copy_group);
-- "First appearance" is the earliest by publication (unknown dates last): found by index.
CREATE INDEX claims_first ON claims(cluster, ifnull(published_at, '~'), id);
CREATE INDEX claims_article ON claims(article);
CREATE TABLE claim_entities (claim INTEGER NOT NULL REFERENCES claims(id), entity INTEGER NOT NULL REFERENCES entities(id));
CREATE INDEX claim_entities_entity ON claim_entities(entity);
CREATE INDEX claim_entities_claim ON claim_entities(claim);
CREATE TABLE figures (
    claim INTEGER NOT NULL REFERENCES claims(id),
    text TEXT NOT NULL,
    unit TEXT,
    low REAL, low_inclusive INTEGER NOT NULL,
    high REAL, high_inclusive INTEGER NOT NULL,
    approximate INTEGER NOT NULL
);
CREATE INDEX figures_claim ON figures(claim);
CREATE TABLE relations (
    from_cluster INTEGER NOT NULL REFERENCES clusters(id),
    to_cluster INTEGER NOT NULL REFERENCES clusters(id),
    kind TEXT NOT NULL,
    PRIMARY KEY (from_cluster, to_cluster, kind)
);
CREATE INDEX relations_to ON relations(to_cluster);
-- One row per article (rowid = the article's id), claims found through their articles.
-- Contentless: the text is in the article's filing already, and snippets are cut from it.
CREATE VIRTUAL TABLE search USING fts5(title, text, content = '');
-- Each article commits on its own: merge index segments less often than the default.
INSERT INTO search (search, rank) VALUES ('automerge', 8);
INSERT INTO search (search, rank) VALUES ('crisismerge', 32);
"#, r#"
-- What kind of figure (count, share, money, measure): only figures of one kind and unit are compared.
ALTER TABLE figures ADD COLUMN kind TEXT;
"#];

/// Share of the larger claim's terms (by weight) that two claims of different origins must
/// share to be related (see [`crate::matching::Overlap`]).
const RELATED_BALANCE: f64 = 0.35;

/// How many stored articles sharing a band are checked for containment, at most.
const COPY_CANDIDATES: i64 = 32;
/// How many clusters sharing terms are compared with a new claim, at most.
const CLUSTER_CANDIDATES: usize = 16;
/// How many claims by and about an entity its page lists, first seen first.
const ENTITY_CLAIMS: usize = 500;
/// A term held by more clusters than this nominates no candidates.
const MAX_POSTINGS: i64 = 50;
/// How many of a claim's rarest terms nominate candidates.
const NOMINATING_TERMS: usize = 12;

pub struct SqliteStore {
    conn: Connection,
    memory: LinkingMemory,
}

/// What filing has read of the linking tables, kept between articles so that each term's
/// count and each nominated cluster is read once per run rather than once per claim. It is
/// forgotten whenever another connection has written to the ledger (`PRAGMA data_version`),
/// when a filing fails (its transaction rolled back), and when it grows past a bound.
#[derive(Default)]
struct LinkingMemory {
    data_version: i64,
    counts: TermCounts,
    clusters: HashMap<i64, Arc<Candidate>>,
}

/// Past these sizes (some 15 MB and 20 MB) the memory starts again, so that a long ingest
/// stays in flat memory.
const REMEMBERED_TERMS: usize = 250_000;
const REMEMBERED_CLUSTERS: usize = 20_000;

fn err(doing: &str) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| Error { message: format!("{doing}: {e}") }
}

impl SqliteStore {
    /// Opens (creating if needed) a ledger file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error { message: format!("cannot create the ledger's folder {}: {e}", dir.display()) })?;
        }
        let conn = Connection::open(path).map_err(|e| Error { message: format!("cannot open the ledger {}: {e}", path.display()) })?;
        conn.set_prepared_statement_cache_capacity(128);
        SqliteStore::setup(conn, &path.display().to_string())
    }

    pub fn open_in_memory() -> Result<SqliteStore> {
        let conn = Connection::open_in_memory().map_err(err("cannot open an in-memory ledger"))?;
        conn.set_prepared_statement_cache_capacity(128);
        SqliteStore::setup(conn, ":memory:")
    }

    fn setup(mut conn: Connection, name: &str) -> Result<SqliteStore> {
        let not_a_ledger = |e: rusqlite::Error| Error { message: format!("{name} is not a dossier ledger (or is damaged): {e}") };
        // One query plan per statement, whatever its parameters: without this, SQLite
        // (built with STAT4) re-prepares some statements each time a parameter changes.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true).map_err(not_a_ledger)?;
        // WAL with synchronous=NORMAL: a commit survives the process being killed; only
        // a power cut can lose the last few, and never leaves the file inconsistent.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 8192;",
        )
            .map_err(not_a_ledger)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(not_a_ledger)?;
        if version > MIGRATIONS.len() as i64 {
            return Err(Error {
                message: format!("{name} was written by a newer dossier (schema {version}, this one knows {}): upgrade dossier", MIGRATIONS.len()),
            });
        }
        for (i, migration) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction().map_err(not_a_ledger)?;
            tx.execute_batch(migration).map_err(not_a_ledger)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64).map_err(not_a_ledger)?;
            tx.commit().map_err(not_a_ledger)?;
        }
        Ok(SqliteStore { conn, memory: LinkingMemory::default() })
    }
}

/// A list bound as one parameter, read in SQL with `json_each`.
fn list<T: serde::Serialize>(values: &[T]) -> String {
    serde_json::to_string(values).unwrap_or_else(|_| "[]".into())
}

/// A claim's [`Origin`], owned: `own` is the outlet's own voice (key, name, copy group).
struct Speaker {
    key: String,
    name: String,
    surface: String,
    voice: Option<i64>,
}

impl Speaker {
    fn of(claim: &FiledClaim, own: &(String, String, i64)) -> Speaker {
        let said = |text: &str| {
            let text = text.trim();
            let lower = text.to_lowercase();
            let bare = ["the ", "a ", "an "].iter().find_map(|d| lower.strip_prefix(d)).unwrap_or(&lower);
            Speaker { key: format!("said:{bare}"), name: text.to_string(), surface: text.to_string(), voice: None }
        };
        let Some(s) = &claim.source else {
            return Speaker { key: own.0.clone(), name: own.1.clone(), surface: own.1.clone(), voice: Some(own.2) };
        };
        // "Meridian Wire reported, citing the port authority": the chain goes on past the source.
        if let Some(last) = claim.relay.last().filter(|last| claim.relay.len() > 1 && Some(*last) != s.name.as_ref() && **last != s.excerpt.text) {
            return said(last);
        }
        match (&s.key, &s.name) {
            (Some(key), Some(name)) => Speaker { key: key.clone(), name: name.clone(), surface: s.excerpt.text.clone(), voice: None },
            _ => said(&s.excerpt.text),
        }
    }

    fn origin(&self) -> Origin<'_> {
        Origin { key: &self.key, name: &self.name, surface: &self.surface, voice: self.voice }
    }
}

struct Candidate {
    cluster: i64,
    origin_key: String,
    origin_name: String,
    origin_text: String,
    voice: Option<i64>,
    negative: bool,
    terms: Vec<String>,
    /// Its first appearance's publication ('~' when undated).
    first_seen: String,
}

/// How many clusters hold each term, read from `term_counts` once and kept current in
/// memory as claims found clusters; an article's additions are written back in one
/// statement when it is done ([`TermCounts::save`]).
#[derive(Default)]
struct TermCounts {
    /// Every term looked up so far (0: held by no cluster).
    known: HashMap<String, i64>,
    added: HashMap<String, i64>,
}

impl TermCounts {
    /// Reads the counts of the terms not yet known, in one statement.
    fn load<'a>(&mut self, tx: &Transaction, terms: impl IntoIterator<Item = &'a String>) -> rusqlite::Result<()> {
        let mut missing: Vec<&String> = terms.into_iter().filter(|t| !self.known.contains_key(*t)).collect();
        if missing.is_empty() {
            return Ok(());
        }
        missing.sort();
        missing.dedup();
        let mut stmt = tx.prepare_cached("SELECT term, clusters FROM term_counts WHERE term IN (SELECT value FROM json_each(?1))")?;
        let mut rows = stmt.query([list(&missing)])?;
        self.known.extend(missing.into_iter().map(|t| (t.clone(), 0)));
        while let Some(row) = rows.next()? {
            self.known.insert(row.get(0)?, row.get(1)?);
        }
        Ok(())
    }

    /// How many clusters hold `term` (0 when none does, or when it was never loaded).
    fn of(&self, term: &str) -> i64 {
        self.known.get(term).copied().unwrap_or(0)
    }

    /// A new cluster holds each of `terms` (all loaded).
    fn add(&mut self, terms: &[String]) {
        for t in terms {
            *self.known.entry(t.clone()).or_default() += 1;
            *self.added.entry(t.clone()).or_default() += 1;
        }
    }

    fn save(&mut self, tx: &Transaction) -> rusqlite::Result<()> {
        if self.added.is_empty() {
            return Ok(());
        }
        let mut upsert = tx.prepare_cached("INSERT INTO term_counts (term, clusters) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET clusters = clusters + excluded.clusters")?;
        for (term, n) in self.added.drain() {
            upsert.execute(params![term, n])?;
        }
        Ok(())
    }
}

/// Clusters sharing the claim's rarer terms, most shared first. Terms held by more than
/// [`MAX_POSTINGS`] clusters ("Trump", "campaign") nominate none: they tell no claim from
/// another, and following them would make filing slow in proportion to the ledger.
/// Clusters read before come from `seen`.
fn candidates(tx: &Transaction, terms: &[String], counts: &TermCounts, seen: &mut HashMap<i64, Arc<Candidate>>) -> rusqlite::Result<Vec<Arc<Candidate>>> {
    let mut rare: Vec<(&String, i64)> = terms.iter().map(|t| (t, counts.of(t))).filter(|&(_, n)| (1..=MAX_POSTINGS).contains(&n)).collect();
    rare.sort_by_key(|&(t, n)| (n, t));
    rare.truncate(NOMINATING_TERMS);
    if rare.is_empty() {
        return Ok(Vec::new());
    }
    let rare: Vec<&String> = rare.into_iter().map(|(t, _)| t).collect();
    // Postings are counted here rather than grouped in SQL: a plain index range per term.
    let mut shared: HashMap<i64, i64> = HashMap::new();
    let mut postings = tx.prepare_cached("SELECT cluster FROM cluster_terms WHERE term = ?1")?;
    for term in &rare {
        let mut rows = postings.query([term])?;
        while let Some(row) = rows.next()? {
            *shared.entry(row.get(0)?).or_default() += 1;
        }
    }
    // A claim of many terms must share two rare ones with a candidate.
    let at_least: i64 = if rare.len() >= 4 { 2 } else { 1 };
    let mut best: Vec<(i64, i64)> = shared.into_iter().filter(|&(_, n)| n >= at_least).collect();
    best.sort_by_key(|&(cluster, n)| (std::cmp::Reverse(n), cluster));
    best.truncate(CLUSTER_CANDIDATES);
    let unread: Vec<i64> = best.iter().map(|&(c, _)| c).filter(|c| !seen.contains_key(c)).collect();
    if !unread.is_empty() {
        let mut stmt = tx.prepare_cached("SELECT id, origin_key, origin_name, origin_text, voice, negative, terms, first_seen FROM clusters WHERE id IN (SELECT value FROM json_each(?1))")?;
        let mut rows = stmt.query([list(&unread)])?;
        while let Some(r) = rows.next()? {
            let terms: String = r.get(6)?;
            let c = Candidate {
                cluster: r.get(0)?,
                origin_key: r.get(1)?,
                origin_name: r.get(2)?,
                origin_text: r.get(3)?,
                voice: r.get(4)?,
                negative: r.get(5)?,
                terms: terms.split('\n').map(str::to_string).collect(),
                first_seen: r.get(7)?,
            };
            seen.insert(c.cluster, Arc::new(c));
        }
    }
    Ok(best.iter().filter_map(|(c, _)| seen.get(c).cloned()).collect())
}

/// The figures of a cluster's first appearance, with what they measure: claims are
/// compared as first made; how retellings changed a figure is its lineage, not a relation.
fn cluster_figures(tx: &Transaction, cluster: i64) -> rusqlite::Result<Vec<(Option<String>, Bounds)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT f.unit, f.low, f.low_inclusive, f.high, f.high_inclusive, f.approximate, f.kind FROM figures f
         WHERE f.claim = (SELECT c.id FROM claims c WHERE c.cluster = ?1 ORDER BY ifnull(c.published_at, '~'), c.id LIMIT 1)",
    )?;
    let rows = stmt.query_map([cluster], |r| {
        let b = Bounds { low: r.get(1)?, low_inclusive: r.get(2)?, high: r.get(3)?, high_inclusive: r.get(4)? };
        Ok((measured(r.get::<_, Option<String>>(6)?.as_deref(), r.get::<_, Option<String>>(0)?.as_deref()), widen(b, r.get(5)?)))
    })?;
    rows.collect()
}

/// How a new cluster relates to an older one about the same thing, if it does. Figures of
/// one unit decide; without them only a near restatement ([`CLOSE`]) relates — two sources
/// saying the same thing, or one saying no to what the other says. Words alike around
/// figures that do not agree (a poll's "margin of error of 3 points" and another's "of 2.8
/// points", or figures of different things) are two statements, not one restated.
fn relate(score: f64, mine: &[(Option<String>, Bounds)], theirs: &[(Option<String>, Bounds)], opposite: bool) -> Option<&'static str> {
    let pairs = || mine.iter().flat_map(|(u, a)| theirs.iter().filter(move |(v, _)| u.is_some() && u == v).map(move |(_, b)| (u, fit(*a, *b))));
    let fits: Vec<FigureFit> = pairs().filter(|(u, _)| comparable(u)).map(|(_, f)| f).collect();
    if fits.is_empty() || opposite {
        let figures_differ = !mine.is_empty() && !theirs.is_empty() && pairs().all(|(_, f)| f == FigureFit::Disjoint);
        return (score >= CLOSE && !figures_differ).then_some(if opposite { "contradicts" } else { "corroborates" });
    }
    Some(if fits.iter().all(|f| *f == FigureFit::Disjoint) {
        "contradicts"
    } else if fits.contains(&FigureFit::Compatible) {
        "corroborates"
    } else if fits.contains(&FigureFit::Narrower) {
        "refines"
    } else {
        "refined-by"
    })
}

impl SqliteStore {
    fn file_in(tx: &Transaction, prepared: &Prepared, memory: &mut LinkingMemory) -> rusqlite::Result<Filed> {
        let filing = &prepared.filing;
        let p = &filing.provenance;
        if let Some(article) = tx.prepare_cached("SELECT id FROM articles WHERE sha256 = ?1")?.query_row([&p.sha256], |r| r.get(0)).optional()? {
            return Ok(Filed::AlreadyKept { article });
        }

        // Copies: candidates share a MinHash band; containment decides.
        let signature = &prepared.signature;
        let mut copy: Option<(i64, f64)> = None; // (copy group, containment)
        if !signature.bands.is_empty() {
            let mut stmt = tx.prepare_cached(
                "SELECT a.id, a.copy_group, a.fingerprint FROM articles a JOIN (
                     SELECT article, COUNT(*) AS shared FROM article_bands WHERE band IN (SELECT value FROM json_each(?1))
                     GROUP BY article ORDER BY shared DESC, article LIMIT ?2
                 ) b ON b.article = a.id",
            )?;
            let mut rows = stmt.query(params![list(&signature.bands), COPY_CANDIDATES])?;
            while let Some(row) = rows.next()? {
                let stored: Vec<u8> = row.get(2)?;
                let score = containment(&signature.fingerprint, &stored);
                if score >= COPY_CONTAINMENT && copy.is_none_or(|(_, best)| score > best) {
                    copy = Some((row.get(1)?, score));
                }
            }
        }

        // The id is chosen here so that the row is written once, its copy group included.
        let article: i64 = tx.prepare_cached("SELECT ifnull(max(id), 0) + 1 FROM articles")?.query_row([], |r| r.get(0))?;
        let group = copy.map_or(article, |c| c.0);
        tx.prepare_cached("INSERT INTO articles (id, sha256, origin, url, ingested_at, title, publisher, publisher_key, published, published_at, filing, copy_group, copy_score, fingerprint)
             VALUES (?13, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?14, ?11, ?12)")?.execute(params![
                p.sha256,
                p.origin,
                p.url,
                p.ingested_at,
                filing.title,
                filing.publisher,
                filing.publisher_key(),
                filing.published,
                filing.published_at,
                prepared.packed,
                copy.map(|c| c.1),
                signature.fingerprint,
                article,
                group
            ],
        )?;
        let mut band = tx.prepare_cached("INSERT INTO article_bands (band, article) VALUES (?1, ?2)")?;
        for b in &signature.bands {
            band.execute(params![b, article])?;
        }

        // Entities, keyed across articles: three statements for all of them.
        let entities: Vec<[&str; 3]> = filing.entities.iter().map(|e| [e.key.as_str(), e.name.as_str(), e.kind.as_str()]).collect();
        tx.prepare_cached(
            "INSERT INTO entities (key, name, kind) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?1) WHERE true
             ON CONFLICT(key) DO NOTHING",
        )?
        .execute([list(&entities)])?;
        let keys: Vec<&str> = filing.entities.iter().map(|e| e.key.as_str()).collect();
        let ids: HashMap<String, i64> = tx
            .prepare_cached("SELECT key, id FROM entities WHERE key IN (SELECT value FROM json_each(?1))")?
            .query_map([list(&keys)], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let entity_ids: Vec<i64> = filing.entities.iter().map(|e| ids.get(&e.key).copied().unwrap_or_default()).collect();
        let mentions: Vec<[i64; 2]> = filing.entities.iter().zip(&entity_ids).map(|(e, &id)| [id, e.mentions.len() as i64]).collect();
        tx.prepare_cached(
            "INSERT INTO mentions (entity, article, count) SELECT json_extract(value, '$[0]'), ?2, sum(json_extract(value, '$[1]')) FROM json_each(?1)
             GROUP BY json_extract(value, '$[0]')",
        )?
        .execute(params![list(&mentions), article])?;

        // The outlet's own voice; its copies share it through the copy group.
        let own_voice = (
            filing.publisher_key().unwrap_or_else(|| format!("article:{article}")),
            filing.publisher.clone().unwrap_or_else(|| dossier_doc::UNKNOWN_OUTLET.to_string()),
            group,
        );

        let mut new_clusters = 0;
        let clusters_so_far: i64 = tx.prepare_cached("SELECT COALESCE(MAX(id), 0) FROM clusters")?.query_row([], |r| r.get(0))?;
        let LinkingMemory { counts, clusters: seen, .. } = memory;
        counts.load(tx, prepared.claims.iter().flat_map(|c| &c.terms))?;
        for (ordinal, (claim, worked)) in filing.claims.iter().zip(&prepared.claims).enumerate() {
            let speaker = Speaker::of(claim, &own_voice);
            let me = speaker.origin();
            let (claim_terms, negative, mine) = (&worked.terms, worked.negative, &worked.figures);
            // Only candidates that can match, or that share a name and may measure the same thing, are weighed.
            let shares_name = |c: &Candidate| c.terms.iter().any(|t| t.starts_with('@') && claim_terms.binary_search(t).is_ok());
            let found: Vec<Arc<Candidate>> =
                candidates(tx, claim_terms, counts, seen)?.into_iter().filter(|c| may_match(claim_terms, &c.terms) || !mine.is_empty() && shares_name(c)).collect();
            // Each term weighs its [`idf`] among the clusters stored before this article.
            counts.load(tx, found.iter().flat_map(|c| &c.terms))?;
            let weight = |t: &str| match counts.of(t) {
                0 => 1.0,
                n => idf(n as usize, clusters_so_far as usize),
            };
            let mut same: Option<(f64, &Candidate)> = None;
            let mut related = Vec::new();
            for c in found.iter().map(|c| &**c) {
                let overlap = similarity(claim_terms, &c.terms, weight);
                let score = overlap.of_smaller;
                let one_speaker = same_origin(me, Origin { key: &c.origin_key, name: &c.origin_name, surface: &c.origin_text, voice: c.voice });
                if score >= SAME_CLAIM && one_speaker && c.negative == negative {
                    if same.is_none_or(|(best, _)| score > best) {
                        same = Some((score, c));
                    }
                    continue;
                }
                if score >= SAME_CLAIM {
                    // A short claim inside a long one on another matter is no relation.
                    if overlap.of_larger >= RELATED_BALANCE {
                        related.push((overlap, c, cluster_figures(tx, c.cluster)?));
                    }
                    continue;
                }
                // The same measured thing: a shared entity and a figure of the same unit, as
                // two named sources give it (an outlet's narration of figures is background).
                let attributed = speaker.voice.is_none() && c.voice.is_none();
                if attributed && shares_name(c) && !one_speaker && mine.iter().any(|(u, _)| comparable(u)) {
                    let theirs = cluster_figures(tx, c.cluster)?;
                    if mine.iter().any(|(u, _)| comparable(u) && theirs.iter().any(|(v, _)| v == u)) {
                        related.push((overlap, c, theirs));
                    }
                }
            }
            let cluster = match same {
                Some((_, c)) => c.cluster,
                None => {
                    // Born with its first appearance's summary.
                    tx.prepare_cached(
                        "INSERT INTO clusters (origin_key, origin_name, origin_text, voice, negative, terms, first_seen, appearances, reports, hedged)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ifnull(?7, '~'), 1, 1, ?8)",
                    )?
                    .execute(params![speaker.key, speaker.name, speaker.surface, speaker.voice, negative, claim_terms.join("\n"), filing.published_at, !claim.hedges.is_empty()])?;
                    new_clusters += 1;
                    let id = tx.last_insert_rowid();
                    // Postings only for terms still rare enough to nominate (see `candidates`).
                    let rare: Vec<&String> = claim_terms.iter().filter(|t| counts.of(t) < MAX_POSTINGS).collect();
                    let mut posting = tx.prepare_cached("INSERT INTO cluster_terms (term, cluster) VALUES (?1, ?2)")?;
                    for term in rare {
                        posting.execute(params![term, id])?;
                    }
                    counts.add(claim_terms);
                    id
                }
            };
            // A first appearance in this copy group is one more independent report.
            let new_report = same.is_none() || !tx.prepare_cached("SELECT 1 FROM claims WHERE cluster = ?1 AND copy_group = ?2 LIMIT 1")?.exists(params![cluster, group])?;
            tx.prepare_cached("INSERT INTO claims (article, ordinal, cluster, content, source_name, source_key, hedged, published_at, copy_group) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?.execute(params![
                    article,
                    ordinal as i64,
                    cluster,
                    claim.content.text,
                    claim.source.as_ref().map(|s| s.name.clone().unwrap_or_else(|| s.excerpt.text.clone())),
                    claim.source.as_ref().and_then(|s| s.key.clone()),
                    !claim.hedges.is_empty(),
                    filing.published_at,
                    group
                ],
            )?;
            let claim_id = tx.last_insert_rowid();
            if same.is_some() {
                tx.prepare_cached(
                    "UPDATE clusters SET appearances = appearances + 1, reports = reports + ?4, hedged = max(hedged, ?2), first_seen = min(first_seen, ifnull(?3, '~')) WHERE id = ?1",
                )?
                .execute(params![cluster, !claim.hedges.is_empty(), filing.published_at, new_report])?;
                seen.remove(&cluster); // its summary changed: read it again if nominated
            }
            {
                let mut named_in = tx.prepare_cached("INSERT INTO claim_entities (claim, entity) VALUES (?1, ?2)")?;
                for entity in claim.entities.iter().filter_map(|&e| entity_ids.get(e)) {
                    named_in.execute(params![claim_id, entity])?;
                }
                let mut figure = tx.prepare_cached(
                    "INSERT INTO figures (claim, text, unit, low, low_inclusive, high, high_inclusive, approximate, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?;
                for f in claim.figures.iter().filter_map(|&q| filing.figures.get(q)) {
                    let i = f.interval;
                    figure.execute(params![claim_id, f.excerpt.text, f.unit, i.low, i.low_inclusive, i.high, i.high_inclusive, f.approximate, f.kind])?;
                }
            }
            // Relations hang on a cluster's first appearance: made when the cluster is, and
            // made again when an earlier appearance arrives later (a backfill out of order).
            // (A tie in time goes to the earlier filed, as every "first" here.)
            let first = same.is_none_or(|(_, c)| filing.published_at.as_deref().unwrap_or("~") < c.first_seen.as_str());
            if first {
                if same.is_some() {
                    tx.prepare_cached("DELETE FROM relations WHERE from_cluster = ?1 OR to_cluster = ?1")?.execute([cluster])?;
                    // The cluster is named as its first appearance names its speaker (its key,
                    // which matching relies on, stays).
                    tx.prepare_cached("UPDATE clusters SET origin_name = ?2, origin_text = ?3 WHERE id = ?1")?.execute(params![cluster, speaker.name, speaker.surface])?;
                }
                let mut relation = tx.prepare_cached("INSERT OR IGNORE INTO relations (from_cluster, to_cluster, kind) VALUES (?1, ?2, ?3)")?;
                // A speaker does not corroborate itself, nor does one article: a claim nested
                // in another's content ("Judicial Watch said Comey said …") is no second source.
                let mut in_article = tx.prepare_cached("SELECT 1 FROM claims WHERE article = ?2 AND +cluster = ?1 LIMIT 1")?;
                for (overlap, other, theirs) in related {
                    if other.origin_key == speaker.key || in_article.exists(params![other.cluster, article])? {
                        continue;
                    }
                    match relate(overlap.of_smaller, mine, &theirs, other.negative != negative) {
                        Some("refined-by") => relation.execute(params![other.cluster, cluster, "refines"])?,
                        Some(kind) => relation.execute(params![cluster, other.cluster, kind])?,
                        None => 0,
                    };
                }
            }
        }
        counts.save(tx)?;
        // Last: an FTS5 table flushes its pending terms at every statement savepoint after it.
        tx.prepare_cached("INSERT INTO search (rowid, title, text) VALUES (?3, ?1, ?2)")?.execute(params![filing.title, filing.body, article])?;
        Ok(Filed::New { article, copy_of: copy.map(|c| c.0), claims: filing.claims.len(), new_clusters })
    }

    /// The clusters `where_sql` selects (over `clusters k`), in `order`, one page of them.
    fn cluster_ids(&self, where_sql: &str, args: &[&dyn rusqlite::ToSql], order: &str, limit: usize, offset: usize) -> Result<Vec<i64>> {
        let sql = format!("SELECT k.id FROM clusters k WHERE {where_sql} ORDER BY {order} LIMIT {limit} OFFSET {offset}");
        let doing = "cannot list claims";
        let mut stmt = self.conn.prepare_cached(&sql).map_err(err(doing))?;
        let ids = stmt.query_map(args, |r| r.get(0)).map_err(err(doing))?.collect::<rusqlite::Result<Vec<i64>>>().map_err(err(doing))?;
        Ok(ids)
    }

    /// One cluster as a listing row: its summary, its first appearance's words and its
    /// relations (looked up per row, for the rows shown only).
    fn claim_row(&self, id: i64) -> Result<Option<ClaimRow>> {
        let doing = "cannot read the claim";
        let row = self
            .conn
            .prepare_cached(
                "SELECT k.id, nullif(substr(k.first_seen, 1, 10), '~'), k.origin_name, k.negative, k.hedged, k.appearances, k.reports,
                        (SELECT c2.content FROM claims c2 WHERE c2.cluster = k.id ORDER BY ifnull(c2.published_at, '~'), c2.id LIMIT 1),
                        (SELECT e.key FROM entities e WHERE e.key = k.origin_key)
                 FROM clusters k WHERE k.id = ?1",
            )
            .map_err(err(doing))?
            .query_row([id], |r| {
                Ok(ClaimRow {
                    id: r.get(0)?,
                    first_seen: r.get(1)?,
                    origin: r.get(2)?,
                    negative: r.get(3)?,
                    hedged: r.get(4)?,
                    appearances: r.get(5)?,
                    independent_reports: r.get(6)?,
                    content: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                    origin_entity: r.get(8)?,
                    corroborated_by: Vec::new(),
                    contradicted_by: Vec::new(),
                })
            })
            .optional()
            .map_err(err(doing))?;
        let Some(mut row) = row else { return Ok(None) };
        for rel in self.relations(row.id)? {
            match rel.kind.as_str() {
                "corroborates" => row.corroborated_by.push(rel.claim),
                "contradicts" => row.contradicted_by.push(rel.claim),
                _ => {}
            }
        }
        Ok(Some(row))
    }

    fn claim_rows(&self, where_sql: &str, args: &[&dyn rusqlite::ToSql], order: &str, limit: usize, offset: usize) -> Result<Vec<ClaimRow>> {
        let mut rows = Vec::new();
        for id in self.cluster_ids(where_sql, args, order, limit, offset)? {
            rows.extend(self.claim_row(id)?);
        }
        Ok(rows)
    }

    fn relations(&self, cluster: i64) -> Result<Vec<Relation>> {
        let doing = "cannot read relations";
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT r.kind, r.to_cluster, 0 FROM relations r WHERE r.from_cluster = ?1
                 UNION ALL SELECT r.kind, r.from_cluster, 1 FROM relations r WHERE r.to_cluster = ?1",
            )
            .map_err(err(doing))?;
        let pairs = stmt
            .query_map([cluster], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, bool>(2)?)))
            .map_err(err(doing))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(err(doing))?;
        let mut out = Vec::new();
        for (kind, other, reversed) in pairs {
            let (content, origin): (String, String) = self
                .conn
                .query_row(
                    "SELECT c.content, k.origin_name FROM clusters k JOIN claims c ON c.cluster = k.id WHERE k.id = ?1 ORDER BY c.id LIMIT 1",
                    [other],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(err(doing))?;
            let kind = if reversed && kind == "refines" { "refined-by".to_string() } else { kind };
            out.push(Relation { kind, claim: other, content, origin });
        }
        Ok(out)
    }

    fn entity_ids(&self, name: &str) -> Result<Vec<(i64, String, String, String)>> {
        let doing = "cannot look up the entity";
        let slug = dossier_entities::entity_key(dossier_doc::EntityKind::Other, name);
        let slug = slug.trim_start_matches("other:");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, key, name, kind FROM entities WHERE key = ?1 OR lower(name) = lower(?1) OR substr(key, instr(key, ':') + 1) = ?2 ORDER BY id",
            )
            .map_err(err(doing))?;
        let rows = stmt.query_map(params![name, slug], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).map_err(err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(err(doing))
    }

    fn appearances(&self, cluster: i64) -> Result<Vec<Appearance>> {
        let doing = "cannot read the claim's appearances";
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.article, c.ordinal, a.publisher, substr(a.published_at, 1, 10), a.copy_group, a.filing FROM claims c JOIN articles a ON a.id = c.article
                 WHERE c.cluster = ?1 ORDER BY ifnull(a.published_at, '~'), c.id",
            )
            .map_err(err(doing))?;
        let rows = stmt
            .query_map([cluster], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)? as usize,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, Vec<u8>>(6)?,
                ))
            })
            .map_err(err(doing))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(err(doing))?;
        let mut out = Vec::new();
        for (claim, article, ordinal, publisher, published_day, group, filing) in rows {
            let filing = unpack(&filing, article)?;
            let Some(c) = filing.claims.get(ordinal) else { continue };
            out.push(Appearance {
                claim,
                article,
                publisher,
                published_day,
                copy_of: self.original(group)?.filter(|&o| o != article),
                source: c.source.as_ref().map(|s| s.name.clone().unwrap_or_else(|| s.excerpt.text.clone())),
                cue: c.cue.as_ref().map(|e| e.text.clone()),
                said_on: c.said_on.clone(),
                content: c.content.clone(),
                hedges: c.hedges.iter().map(|h| h.text.clone()).collect(),
                relay: c.relay.clone(),
                figures: c
                    .figures
                    .iter()
                    .filter_map(|&q| filing.figures.get(q))
                    .map(|f| FigureAppearance { text: f.excerpt.text.clone(), unit: f.unit.clone(), interval: f.interval, approximate: f.approximate })
                    .collect(),
            });
        }
        Ok(out)
    }

    /// The original of a copy group: its earliest article by publication day.
    fn original(&self, group: i64) -> Result<Option<i64>> {
        self.conn
            .query_row("SELECT id FROM articles WHERE copy_group = ?1 ORDER BY ifnull(published_at, '~'), id LIMIT 1", [group], |r| r.get(0))
            .optional()
            .map_err(err("cannot read the copy group"))
    }
}

/// The ORDER BY of a listing over `clusters k`.
fn order_by(order: ClaimOrder) -> &'static str {
    match order {
        ClaimOrder::FirstSeen => "k.first_seen, k.id",
        ClaimOrder::MostSeen => "k.reports DESC, k.appearances DESC, k.first_seen, k.id",
    }
}

/// A stored filing, or an error saying which article is damaged.
fn unpack(packed: &[u8], article: i64) -> Result<Filing> {
    Filing::unpack(packed).map_err(|e| Error { message: format!("article A{article} is damaged in the ledger: {e}") })
}

/// The stretch of `body` around the first of `words` (lower case), each word in [brackets].
fn snippet(body: &str, words: &[String]) -> String {
    let lower = body.to_lowercase();
    // Lower-casing can change byte lengths; fall back to the start when it does.
    let same_shape = lower.len() == body.len();
    let at = if same_shape { words.iter().filter_map(|w| lower.find(w.as_str())).min().unwrap_or(0) } else { 0 };
    let start = body[..at].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
    let end = body[at..].char_indices().nth(160).map_or(body.len(), |(i, _)| at + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let window = &body[start..end];
    let window_lower = &lower[start..end];
    let mut i = 0;
    while i < window.len() {
        let hit = same_shape.then(|| words.iter().find(|w| window_lower[i..].starts_with(w.as_str()) && !window_lower[..i].ends_with(char::is_alphanumeric))).flatten();
        match hit {
            Some(w) => {
                out.push('[');
                out.push_str(&window[i..i + w.len()]);
                out.push(']');
                i += w.len();
            }
            None => {
                let c = window[i..].chars().next().expect("i is inside the window");
                out.push(if c == '\n' { ' ' } else { c });
                i += c.len_utf8();
            }
        }
    }
    if end < body.len() {
        out.push('…');
    }
    out
}

impl Store for SqliteStore {
    fn contains(&self, sha256: &str) -> Result<bool> {
        self.conn
            .query_row("SELECT 1 FROM articles WHERE sha256 = ?1", [sha256], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(err("cannot read the ledger"))
    }

    fn file(&mut self, prepared: &Prepared) -> Result<Filed> {
        let doing = format!("cannot store {}", prepared.filing.provenance.origin);
        // Immediate: the write lock is taken first, so no other writer commits between
        // reading `data_version` and this commit (the memory below stays true).
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err(&doing))?;
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0)).map_err(err(&doing))?;
        let memory = &mut self.memory;
        if version != memory.data_version || memory.counts.known.len() > REMEMBERED_TERMS || memory.clusters.len() > REMEMBERED_CLUSTERS {
            *memory = LinkingMemory { data_version: version, ..LinkingMemory::default() };
        }
        let filed = SqliteStore::file_in(&tx, prepared, memory).and_then(|filed| tx.commit().map(|()| filed));
        if filed.is_err() {
            self.memory = LinkingMemory::default(); // it holds what was rolled back
        }
        filed.map_err(err(&doing))
    }

    fn claims(&self, q: &ClaimQuery) -> Result<Vec<ClaimRow>> {
        let mut clauses = vec!["1 = 1".to_string()];
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(about) = &q.about {
            let (ids, keys): (Vec<i64>, Vec<String>) = self.entity_ids(about)?.into_iter().map(|e| (e.0, e.1)).unzip();
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            clauses.push(
                "k.id IN (SELECT c3.cluster FROM claims c3 JOIN claim_entities ce ON ce.claim = c3.id WHERE ce.entity IN (SELECT value FROM json_each(?))
                          UNION SELECT id FROM clusters WHERE origin_key IN (SELECT value FROM json_each(?)))"
                    .into(),
            );
            args.push(Box::new(list(&ids)));
            args.push(Box::new(list(&keys)));
        }
        // Each filter is a fixed fragment of SQL and the values it binds.
        let mut filter = |clause: &str, values: Vec<Box<dyn rusqlite::ToSql>>| {
            clauses.push(clause.to_string());
            args.extend(values);
        };
        if let Some(source) = &q.source {
            let clause = "(instr(lower(k.origin_name), lower(?)) > 0 OR k.id IN (SELECT cluster FROM claims WHERE instr(lower(source_name), lower(?)) > 0))";
            filter(clause, vec![Box::new(source.clone()), Box::new(source.clone())]);
        }
        if let Some(outlet) = &q.outlet {
            filter("k.id IN (SELECT c.cluster FROM claims c JOIN articles a ON a.id = c.article WHERE a.publisher = ?)", vec![Box::new(outlet.clone())]);
        }
        if let Some(contains) = &q.contains {
            filter("k.id IN (SELECT cluster FROM claims WHERE instr(lower(content), lower(?)) > 0)", vec![Box::new(contains.clone())]);
        }
        if let Some(since) = &q.since {
            filter("k.first_seen >= ? AND k.first_seen <> '~'", vec![Box::new(since.clone())]);
        }
        if let Some(until) = &q.until {
            // Any moment of that day is on or before it.
            filter("k.first_seen < ? || 'U'", vec![Box::new(until.clone())]);
        }
        if let Some(hedged) = q.hedged {
            filter("k.hedged = ?", vec![Box::new(hedged)]);
        }
        if let Some(contradicted) = q.contradicted {
            let clause = "EXISTS (SELECT 1 FROM relations r WHERE r.kind = 'contradicts' AND (r.from_cluster = k.id OR r.to_cluster = k.id)) = ?";
            filter(clause, vec![Box::new(contradicted)]);
        }
        let refs: Vec<&dyn rusqlite::ToSql> = args.iter().map(|a| a.as_ref()).collect();
        self.claim_rows(&clauses.join(" AND "), &refs, order_by(q.order), if q.limit == 0 { i64::MAX as usize } else { q.limit }, q.offset)
    }

    fn claim(&self, id: i64) -> Result<Option<ClaimView>> {
        let Some(row) = self.claim_row(id)? else { return Ok(None) };
        Ok(Some(ClaimView { appearances: self.appearances(id)?, relations: self.relations(id)?, row }))
    }

    fn article(&self, id: i64) -> Result<Option<ArticleView>> {
        let doing = "cannot read the article";
        let found = self
            .conn
            .query_row("SELECT ingested_at, copy_group, filing FROM articles WHERE id = ?1", [id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, Vec<u8>>(2)?))
            })
            .optional()
            .map_err(err(doing))?;
        let Some((ingested_at, group, filing)) = found else { return Ok(None) };
        let filing = unpack(&filing, id)?;
        let original = self.original(group)?;
        let mut members = self.conn.prepare_cached("SELECT id FROM articles WHERE copy_group = ?1 ORDER BY id").map_err(err(doing))?;
        let copies: Vec<i64> = if original == Some(id) {
            members.query_map([group], |r| r.get(0)).map_err(err(doing))?.filter_map(|r| r.ok()).filter(|&m| m != id).collect()
        } else {
            Vec::new()
        };
        let mut clusters = self.conn.prepare_cached("SELECT cluster FROM claims WHERE article = ?1 ORDER BY ordinal").map_err(err(doing))?;
        let clusters: Vec<i64> = clusters.query_map([id], |r| r.get(0)).map_err(err(doing))?.collect::<rusqlite::Result<_>>().map_err(err(doing))?;
        Ok(Some(ArticleView { id, ingested_at, copy_of: original.filter(|&o| o != id), copies, clusters, filing }))
    }

    fn entity(&self, name: &str) -> Result<Option<EntityView>> {
        let Some((id, key, name, kind)) = self.entity_ids(name)?.into_iter().next() else { return Ok(None) };
        let articles: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM mentions WHERE entity = ?1", [id], |r| r.get(0))
            .map_err(err("cannot read the entity"))?;
        let claims_by = self.claim_rows("k.origin_key = ?", &[&key], order_by(ClaimOrder::FirstSeen), ENTITY_CLAIMS, 0)?;
        let claims_about = self.claim_rows(
            "k.origin_key <> ? AND k.id IN (SELECT c3.cluster FROM claims c3 JOIN claim_entities ce ON ce.claim = c3.id WHERE ce.entity = ?)",
            &[&key, &id],
            order_by(ClaimOrder::FirstSeen),
            ENTITY_CLAIMS,
            0,
        )?;
        Ok(Some(EntityView { key, name, kind, articles, claims_by, claims_about }))
    }

    fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        // The user's words become quoted FTS terms, so no character of theirs is syntax.
        let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let query: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        let doing = "cannot search";
        let mut articles = self
            .conn
            .prepare_cached("SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rank LIMIT ?2")
            .map_err(err(doing))?;
        let ids = articles
            .query_map(params![query.join(" "), limit as i64], |r| r.get::<_, i64>(0))
            .map_err(err(doing))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(err(doing))?;
        // Only the stored filing is needed for the snippet, not the whole article view.
        let mut filing = self.conn.prepare_cached("SELECT filing FROM articles WHERE id = ?1").map_err(err(doing))?;
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            let packed: Vec<u8> = filing.query_row([id], |r| r.get(0)).map_err(err(doing))?;
            found.push((id, snippet(&unpack(&packed, id)?.body, &words)));
        }
        let mut claims = self.conn.prepare_cached("SELECT cluster, content FROM claims WHERE article = ?1 ORDER BY ordinal").map_err(err(doing))?;
        let mut seen = std::collections::HashSet::new();
        let mut hits = Vec::new();
        for (article, snippet) in found {
            hits.push(SearchHit { kind: "article".into(), id: article, snippet });
            // The article's claims that hold every word, each cluster once.
            let rows = claims.query_map([article], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).map_err(err(doing))?;
            for row in rows {
                let (cluster, content) = row.map_err(err(doing))?;
                let lower = content.to_lowercase();
                if words.iter().all(|w| lower.contains(w.as_str())) && seen.insert(cluster) {
                    hits.push(SearchHit { kind: "claim".into(), id: cluster, snippet: content });
                }
            }
        }
        Ok(hits)
    }

    fn figures(&self, about: &str) -> Result<Vec<FigureRow>> {
        let ids: Vec<i64> = self.entity_ids(about)?.into_iter().map(|e| e.0).collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let doing = "cannot list figures";
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT substr(a.published_at, 1, 10), a.publisher, a.id, c.cluster, k.origin_name, f.text, f.unit, f.low, f.low_inclusive, f.high, f.high_inclusive, f.approximate
                 FROM figures f JOIN claims c ON c.id = f.claim JOIN articles a ON a.id = c.article JOIN clusters k ON k.id = c.cluster
                 WHERE c.id IN (SELECT claim FROM claim_entities WHERE entity IN (SELECT value FROM json_each(?1)))
                 ORDER BY f.unit, ifnull(a.published_at, '~'), c.id",
            )
            .map_err(err(doing))?;
        let rows = stmt
            .query_map([list(&ids)], |r| {
                Ok(FigureRow {
                    published_day: r.get(0)?,
                    publisher: r.get(1)?,
                    article: r.get(2)?,
                    claim: r.get(3)?,
                    origin: r.get(4)?,
                    figure: FigureAppearance {
                        text: r.get(5)?,
                        unit: r.get(6)?,
                        interval: Bounds { low: r.get(7)?, low_inclusive: r.get(8)?, high: r.get(9)?, high_inclusive: r.get(10)? },
                        approximate: r.get(11)?,
                    },
                })
            })
            .map_err(err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(err(doing))
    }

    fn each_article(&self, each: &mut dyn FnMut(ArticleView) -> Result<()>) -> Result<()> {
        let mut next = 0i64;
        loop {
            let id: Option<i64> = self
                .conn
                .query_row("SELECT MIN(id) FROM articles WHERE id > ?1", [next], |r| r.get(0))
                .map_err(err("cannot read the ledger"))?;
            let Some(id) = id else { return Ok(()) };
            if let Some(view) = self.article(id)? {
                each(view)?;
            }
            next = id;
        }
    }

    fn counts(&self) -> Result<Counts> {
        self.conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM articles WHERE copy_group <> id), (SELECT COUNT(*) FROM entities),
                        (SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM clusters),
                        (SELECT COUNT(*) FROM clusters WHERE appearances > 1),
                        (SELECT COUNT(*) FROM relations WHERE kind = 'corroborates'), (SELECT COUNT(*) FROM relations WHERE kind = 'contradicts'),
                        (SELECT COUNT(*) FROM relations WHERE kind = 'refines')",
                [],
                |r| {
                    Ok(Counts {
                        articles: r.get(0)?,
                        copies: r.get(1)?,
                        entities: r.get(2)?,
                        claims: r.get(3)?,
                        clusters: r.get(4)?,
                        clusters_seen_twice: r.get(5)?,
                        corroborates: r.get(6)?,
                        contradicts: r.get(7)?,
                        refines: r.get(8)?,
                    })
                },
            )
            .map_err(err("cannot count the ledger"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filing::{Excerpt, FiledEntity, FiledFigure, FiledSource, Provenance};

    fn excerpt(text: &str) -> Excerpt {
        Excerpt { start: 0, end: text.chars().count(), text: text.into() }
    }

    fn filing(sha: &str, publisher: &str, day: &str, body: &str, claims: Vec<FiledClaim>, figures: Vec<FiledFigure>) -> Filing {
        Filing {
            provenance: Provenance { sha256: sha.into(), origin: format!("{sha}.html"), url: None, ingested_at: "2025-01-01T00:00:00Z".into() },
            title: Some(format!("{publisher} story")),
            publisher: Some(publisher.into()),
            published: Some(day.into()),
            published_day: Some(day.into()),
            published_at: Some(day.into()),
            byline: vec![],
            section: vec![],
            language: None,
            captions: vec![],
            removed: vec![],
            body: body.into(),
            paragraphs: vec![excerpt(body)],
            entities: vec![FiledEntity { key: "place:harbour-city".into(), name: "Harbour City".into(), kind: "place".into(), mentions: vec![] }],
            figures,
            times: vec![],
            claims,
        }
    }

    fn claim(content: &str, source: Option<&str>, figures: Vec<usize>) -> FiledClaim {
        FiledClaim {
            content: excerpt(content),
            source: source.map(|s| FiledSource { key: Some(format!("organization:{}", s.to_lowercase().replace(' ', "-"))), name: Some(s.into()), excerpt: excerpt(s) }),
            cue: None,
            hedges: vec![],
            negative: false,
            quoted: false,
            relay: vec![],
            figures,
            times: vec![],
            entities: vec![0],
            said_on: None,
        }
    }

    fn figure(text: &str, low: f64, high: Option<f64>) -> FiledFigure {
        FiledFigure {
            excerpt: excerpt(text),
            kind: "count".into(),
            interval: Bounds { low: Some(low), low_inclusive: true, high, high_inclusive: high.is_some() },
            approximate: false,
            hedge: None,
            modality: None,
            unit: Some("ships".into()),
            currency: None,
            per: None,
            derived: None,
        }
    }

    const WIRE: &str = "The port authority of Harbour City said on Tuesday that at least 40 ships were waiting outside the harbour after the storm damaged two cranes, and that the backlog should clear within a fortnight.";

    #[test]
    fn copies_join_the_earliest_and_claims_cluster_by_origin() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let wire_claim = || claim("at least 40 ships were waiting outside the harbour in Harbour City after the storm", Some("Port Authority"), vec![0]);
        let a = filing("a", "Wire Service", "2025-03-04", WIRE, vec![wire_claim()], vec![figure("at least 40", 40.0, None)]);
        // A later copy with a new first sentence.
        let b_body = format!("Storm chaos at the docks. {WIRE}");
        let b = filing("b", "Daily Bugle", "2025-03-05", &b_body, vec![wire_claim()], vec![figure("at least 40", 40.0, None)]);
        // An independent report from another source, with a narrower figure.
        let c = filing(
            "c",
            "Coast Times",
            "2025-03-05",
            "Harbour pilots counted 52 ships waiting outside the harbour of Harbour City on Wednesday, a union official said.",
            vec![claim("52 ships were waiting outside the harbour of Harbour City", Some("Pilots Union"), vec![0])],
            vec![figure("52", 52.0, Some(52.0))],
        );
        // A contradicting count.
        let d = filing(
            "d",
            "Evening Post",
            "2025-03-06",
            "Only 12 ships were waiting outside the harbour of Harbour City, the harbour master insisted.",
            vec![claim("Only 12 ships were waiting outside the harbour of Harbour City", Some("Harbour Master"), vec![0])],
            vec![figure("12", 12.0, Some(12.0))],
        );
        for f in [a, b, c, d] {
            assert!(matches!(store.file(&f.into()).unwrap(), Filed::New { .. }));
        }
        let view_b = store.article(2).unwrap().unwrap();
        assert_eq!(view_b.copy_of, Some(1));
        assert_eq!(store.article(1).unwrap().unwrap().copies, vec![2]);
        let rows = store.claims(&ClaimQuery::default()).unwrap();
        assert_eq!(rows.len(), 3, "{rows:#?}");
        assert_eq!((rows[0].appearances, rows[0].independent_reports), (2, 1), "the copy is no independent report");
        let wire = store.claim(rows[0].id).unwrap().unwrap();
        let kinds: Vec<(&str, i64)> = wire.relations.iter().map(|r| (r.kind.as_str(), r.claim)).collect();
        assert!(kinds.contains(&("refined-by", rows[1].id)), "{kinds:?}");
        assert!(kinds.contains(&("contradicts", rows[2].id)), "{kinds:?}");
        assert_eq!(store.counts().unwrap().copies, 1);
        assert_eq!(store.search("backlog fortnight", 5).unwrap()[0].kind, "article");
        assert_eq!(store.figures("Harbour City").unwrap().len(), 4);
        assert_eq!(store.claims(&ClaimQuery { source: Some("union".into()), ..Default::default() }).unwrap().len(), 1);
        assert_eq!(store.claims(&ClaimQuery { outlet: Some("Evening Post".into()), ..Default::default() }).unwrap().len(), 1);
        assert_eq!(store.claims(&ClaimQuery { since: Some("2025-03-06".into()), ..Default::default() }).unwrap().len(), 1);
    }

    #[test]
    fn snippets_bracket_the_words() {
        let words = ["cranes".to_string()];
        assert_eq!(snippet("The storm damaged two cranes.\n\nMore later.", &words), "The storm damaged two [cranes].  More later.");
        assert!(snippet(&format!("{} cranes", "word ".repeat(100)), &words).starts_with('…'));
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = std::env::temp_dir().join(format!("dossier-ledger-schema-{}", std::process::id()));
        let path = dir.join("ledger.sqlite");
        let _ = std::fs::remove_dir_all(&dir);
        drop(SqliteStore::open(&path).unwrap());
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
        let message = SqliteStore::open(&path).err().unwrap().message;
        assert!(message.contains("newer dossier"), "{message}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_ledger_of_schema_1_is_migrated_and_keeps_its_rows() {
        let dir = std::env::temp_dir().join(format!("dossier-ledger-migrate-{}", std::process::id()));
        let path = dir.join("ledger.sqlite");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let old = Connection::open(&path).unwrap();
        old.execute_batch(MIGRATIONS[0]).unwrap();
        old.pragma_update(None, "user_version", 1).unwrap();
        old.execute("INSERT INTO entities (key, name, kind) VALUES ('place:gdansk', 'Gdansk', 'place')", []).unwrap();
        drop(old);
        let store = SqliteStore::open(&path).unwrap();
        let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
        assert!(store.conn.prepare("SELECT kind FROM figures").is_ok(), "figures gained their kind");
        assert_eq!(store.counts().unwrap().entities, 1);
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
