//! The ledger's queries and its linking, written once over [`Backend`]: [`Ledger`] is
//! the [`Store`] for SQLite ([`crate::SqliteStore`]) and PostgreSQL
//! ([`crate::PostgresStore`]) alike.
//!
//! Every value reaches SQL as a bound parameter, lists included. Only the filters of
//! [`Store::claims`] join fixed fragments of SQL, never values.

use crate::copies::{containment, COPY_CONTAINMENT};
use crate::filing::{Bounds, FiledClaim, Filing};
use crate::matching::{comparable, fit, idf, may_match, measured, same_origin, similarity, widen, FigureFit, Origin, CLOSE, SAME_CLAIM};
use crate::prepared::Prepared;
use crate::sql::{args, Backend, Param, Row, ToParam};
use crate::{
    Appearance, ArticleView, ClaimOrder, ClaimQuery, ClaimRow, ClaimView, Counts, EntityView, Error, FigureAppearance, FigureRow, Filed, Relation, Result, SearchHit,
    Store,
};
// Filing hashes many short strings: foldhash is several times faster than SipHash there and
// still seeded per process, so crafted terms cannot force collisions.
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;
use std::sync::Arc;

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

/// A ledger kept in one database.
pub struct Ledger<B> {
    pub(crate) db: B,
    memory: LinkingMemory,
}

impl<B: Backend> Ledger<B> {
    pub(crate) fn new(db: B) -> Ledger<B> {
        Ledger { db, memory: LinkingMemory::default() }
    }
}

/// What filing has read of the linking tables, kept between articles so that each term's
/// count, each term's postings and each nominated cluster is read once per run rather than
/// once per claim (a rare term's postings were read some ten times each before). Each
/// filing counts one more `ledger_state.generation`; the memory is forgotten whenever that
/// count shows another process filed in between, when a filing fails (its transaction
/// rolled back), and when it grows past a bound.
#[derive(Default)]
struct LinkingMemory {
    generation: i64,
    counts: TermCounts,
    /// The stored postings of the terms read so far, each complete.
    postings: HashMap<String, Vec<i64>>,
    clusters: HashMap<i64, Arc<Candidate>>,
}

/// Past these sizes (some 15 MB, 20 MB and 20 MB) the memory starts again, so that a long
/// ingest stays in flat memory.
const REMEMBERED_TERMS: usize = 250_000;
const REMEMBERED_CLUSTERS: usize = 20_000;

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

#[derive(Clone)]
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
/// memory as claims found clusters; an article's additions are written back when it is
/// done ([`TermCounts::save`]).
#[derive(Default)]
struct TermCounts {
    /// Every term looked up so far (0: held by no cluster).
    known: HashMap<String, i64>,
    added: HashMap<String, i64>,
}

impl TermCounts {
    /// Reads the counts of the terms not yet known, in one statement.
    fn load<'a>(&mut self, db: &impl Backend, terms: impl IntoIterator<Item = &'a String>) -> Result<()> {
        let mut missing: Vec<&str> = terms.into_iter().filter(|t| !self.known.contains_key(*t)).map(String::as_str).collect();
        if missing.is_empty() {
            return Ok(());
        }
        missing.sort_unstable();
        missing.dedup();
        let rows = db.rows("SELECT term, clusters FROM term_counts WHERE term IN (SELECT value FROM json_each(?1))", args![missing])?;
        self.known.extend(missing.into_iter().map(|t| (t.to_string(), 0)));
        for row in rows {
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

    fn save(&mut self, db: &impl Backend) -> Result<()> {
        let added: Vec<(String, i64)> = self.added.drain().collect();
        let values: Vec<Param> = added.iter().flat_map(|(term, n)| [term.param(), n.param()]).collect();
        db.insert("INSERT INTO term_counts (term, clusters)", 2, &values, "ON CONFLICT(term) DO UPDATE SET clusters = term_counts.clusters + excluded.clusters")
    }
}

/// Clusters sharing the claim's rarer terms, most shared first. Terms held by more than
/// [`MAX_POSTINGS`] clusters ("Trump", "campaign") nominate none: they tell no claim from
/// another, and following them would make filing slow in proportion to the ledger.
/// Clusters read before (and those this article made) come from `seen`.
fn candidates(db: &impl Backend, terms: &[String], counts: &TermCounts, pending: &mut Pending, seen: &mut HashMap<i64, Arc<Candidate>>) -> Result<Vec<Arc<Candidate>>> {
    let rare = nominating(terms, counts);
    if rare.is_empty() {
        return Ok(Vec::new());
    }
    pending.read_postings(db, &rare)?;
    let mut shared: HashMap<i64, i64> = HashMap::new();
    for term in &rare {
        for &cluster in pending.postings(term) {
            *shared.entry(cluster).or_default() += 1;
        }
    }
    // A claim of many terms must share two rare ones with a candidate.
    let at_least: i64 = if rare.len() >= 4 { 2 } else { 1 };
    let mut best: Vec<(i64, i64)> = shared.into_iter().filter(|&(_, n)| n >= at_least).collect();
    best.sort_by_key(|&(cluster, n)| (std::cmp::Reverse(n), cluster));
    best.truncate(CLUSTER_CANDIDATES);
    let unread: Vec<i64> = best.iter().map(|&(c, _)| c).filter(|c| !seen.contains_key(c)).collect();
    if !unread.is_empty() {
        let sql = "SELECT id, origin_key, origin_name, origin_text, voice, negative, terms, first_seen FROM clusters WHERE id IN (SELECT value FROM json_each(?1))";
        for r in db.rows(sql, args![unread])? {
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

/// The terms of a claim that nominate candidates: its [`NOMINATING_TERMS`] rarest among
/// those some but at most [`MAX_POSTINGS`] clusters hold.
fn nominating<'t>(terms: &'t [String], counts: &TermCounts) -> Vec<&'t str> {
    let mut rare: Vec<(&String, i64)> = terms.iter().map(|t| (t, counts.of(t))).filter(|&(_, n)| (1..=MAX_POSTINGS).contains(&n)).collect();
    rare.sort_by_key(|&(t, n)| (n, t));
    rare.truncate(NOMINATING_TERMS);
    rare.into_iter().map(|(t, _)| t.as_str()).collect()
}

/// What the filing of one article has decided and not yet written. Its rows are written
/// together when the article is done ([`Pending::write`]): on a server database each
/// statement is a round trip, and an article makes a few hundred rows. Meanwhile the
/// article's later claims see them here, as they would in the tables: the clusters it
/// made and their postings, the clusters its claims are in, and the figures of the
/// first appearances it holds.
struct Pending<'a> {
    /// The stored postings of the terms that nominate for the article's claims, read at
    /// once (and of a term that comes to nominate later in the article, when it does),
    /// with those remembered from earlier articles.
    stored_postings: HashMap<String, Vec<i64>>,
    /// Postings of the clusters this article made.
    new_postings: HashMap<String, Vec<i64>>,
    next_cluster: i64,
    clusters: Vec<NewCluster>,
    /// The clusters of this article's claims so far.
    here: std::collections::HashSet<i64>,
    /// The figures of each cluster whose first appearance is in this article.
    first: HashMap<i64, Vec<(Option<String>, Bounds)>>,
    claims: Vec<(i64, i64, i64, &'a FiledClaim)>,
    claim_entities: Vec<(i64, i64)>,
    figures: Vec<(i64, &'a crate::filing::FiledFigure)>,
    relations: std::collections::BTreeSet<(i64, i64, &'static str)>,
}

/// A cluster made by the article being filed, with its summary as its claims join it.
struct NewCluster {
    id: i64,
    candidate: Candidate,
    appearances: i64,
    reports: i64,
    hedged: bool,
}

impl<'a> Pending<'a> {
    /// Reads the stored postings of the terms that nominate for the article's claims as
    /// the counts stand before it. (As the article's own clusters are born, counts grow and
    /// another term may come to nominate: [`Pending::read_postings`] reads it then.)
    fn read(db: &impl Backend, prepared: &Prepared, counts: &TermCounts, remembered: HashMap<String, Vec<i64>>, next_cluster: i64) -> Result<Pending<'a>> {
        let mut pending = Pending {
            stored_postings: remembered,
            new_postings: HashMap::new(),
            next_cluster,
            clusters: Vec::new(),
            here: Default::default(),
            first: HashMap::new(),
            claims: Vec::new(),
            claim_entities: Vec::new(),
            figures: Vec::new(),
            relations: Default::default(),
        };
        let terms: Vec<&str> = prepared.claims.iter().flat_map(|c| nominating(&c.terms, counts)).collect();
        pending.read_postings(db, &terms)?;
        Ok(pending)
    }

    /// Reads the stored postings of those of `terms` not read yet, in one statement.
    fn read_postings(&mut self, db: &impl Backend, terms: &[&str]) -> Result<()> {
        let mut unread: Vec<&str> = terms.iter().copied().filter(|t| !self.stored_postings.contains_key(*t)).collect();
        if unread.is_empty() {
            return Ok(());
        }
        unread.sort_unstable();
        unread.dedup();
        for term in &unread {
            self.stored_postings.insert(term.to_string(), Vec::new());
        }
        for row in db.rows("SELECT term, cluster FROM cluster_terms WHERE term IN (SELECT value FROM json_each(?1))", args![unread])? {
            self.stored_postings.entry(row.get(0)?).or_default().push(row.get(1)?);
        }
        Ok(())
    }

    fn postings(&self, term: &str) -> impl Iterator<Item = &i64> {
        self.stored_postings.get(term).into_iter().chain(self.new_postings.get(term)).flatten()
    }

    fn is_new(&self, cluster: i64) -> bool {
        cluster >= self.clusters.first().map_or(i64::MAX, |c| c.id)
    }

    /// A new cluster; it holds its terms from now on.
    fn born(&mut self, mut candidate: Candidate, hedged: bool, counts: &mut TermCounts, seen: &mut HashMap<i64, Arc<Candidate>>) -> i64 {
        let id = self.next_cluster;
        self.next_cluster += 1;
        candidate.cluster = id;
        // Postings only for terms still rare enough to nominate (see `candidates`).
        for term in candidate.terms.iter().filter(|t| counts.of(t) < MAX_POSTINGS) {
            self.new_postings.entry(term.clone()).or_default().push(id);
        }
        counts.add(&candidate.terms);
        seen.insert(id, Arc::new(candidate.clone()));
        self.clusters.push(NewCluster { id, candidate, appearances: 1, reports: 1, hedged });
        id
    }

    /// Another appearance of `cluster`; false when that cluster is a stored one (the
    /// caller updates its row).
    fn joined(&mut self, cluster: i64, new_report: bool, hedged: bool, published: &str, seen: &mut HashMap<i64, Arc<Candidate>>) -> bool {
        let Some(c) = self.clusters.iter_mut().find(|c| c.id == cluster) else { return false };
        c.appearances += 1;
        c.reports += i64::from(new_report);
        c.hedged |= hedged;
        if published < c.candidate.first_seen.as_str() {
            c.candidate.first_seen = published.to_string();
            seen.insert(cluster, Arc::new(c.candidate.clone()));
        }
        true
    }

    /// The figures of a cluster's first appearance ([`cluster_figures`]), this article's
    /// when it holds it.
    fn first_figures(&self, db: &impl Backend, cluster: i64) -> Result<Vec<(Option<String>, Bounds)>> {
        match self.first.get(&cluster) {
            Some(figures) => Ok(figures.clone()),
            None => cluster_figures(db, cluster),
        }
    }

    /// Writes every row decided, parents first.
    fn write(self, db: &impl Backend, article: i64, group: i64, filing: &Filing) -> Result<()> {
        let terms: Vec<String> = self.clusters.iter().map(|c| c.candidate.terms.join("\n")).collect();
        let clusters: Vec<Param> = self
            .clusters
            .iter()
            .zip(&terms)
            .flat_map(|(c, terms)| {
                let k = &c.candidate;
                [c.id.param(), k.origin_key.param(), k.origin_name.param(), k.origin_text.param(), k.voice.param(), k.negative.param(), terms.param(), k.first_seen.param(), c.appearances.param(), c.reports.param(), c.hedged.param()]
            })
            .collect();
        db.insert("INSERT INTO clusters (id, origin_key, origin_name, origin_text, voice, negative, terms, first_seen, appearances, reports, hedged)", 11, &clusters, "")?;
        let mut postings: Vec<(&String, i64)> = self.new_postings.iter().flat_map(|(t, ids)| ids.iter().map(move |&id| (t, id))).collect();
        postings.sort_unstable();
        let postings: Vec<Param> = postings.iter().flat_map(|(t, id)| [t.param(), id.param()]).collect();
        db.insert("INSERT INTO cluster_terms (term, cluster)", 2, &postings, "")?;
        let sources: Vec<(Option<String>, Option<&str>)> = self
            .claims
            .iter()
            .map(|(_, _, _, c)| (c.source.as_ref().map(|s| s.name.clone().unwrap_or_else(|| s.excerpt.text.clone())), c.source.as_ref().and_then(|s| s.key.as_deref())))
            .collect();
        let claims: Vec<Param> = self
            .claims
            .iter()
            .zip(&sources)
            .flat_map(|((id, ordinal, cluster, c), (name, key))| {
                [id.param(), article.param(), ordinal.param(), cluster.param(), c.content.text.param(), name.param(), key.param(), Param::Int(i64::from(!c.hedges.is_empty())), filing.published_at.param(), group.param()]
            })
            .collect();
        db.insert("INSERT INTO claims (id, article, ordinal, cluster, content, source_name, source_key, hedged, published_at, copy_group)", 10, &claims, "")?;
        let named_in: Vec<Param> = self.claim_entities.iter().flat_map(|(claim, entity)| [claim.param(), entity.param()]).collect();
        db.insert("INSERT INTO claim_entities (claim, entity)", 2, &named_in, "")?;
        let figures: Vec<Param> = self
            .figures
            .iter()
            .flat_map(|(claim, f)| {
                let i = &f.interval;
                [claim.param(), f.excerpt.text.param(), f.unit.param(), i.low.param(), i.low_inclusive.param(), i.high.param(), i.high_inclusive.param(), f.approximate.param(), f.kind.param()]
            })
            .collect();
        db.insert("INSERT INTO figures (claim, text, unit, low, low_inclusive, high, high_inclusive, approximate, kind)", 9, &figures, "")?;
        let relations: Vec<Param> = self.relations.iter().flat_map(|(from, to, kind)| [from.param(), to.param(), kind.param()]).collect();
        db.insert("INSERT INTO relations (from_cluster, to_cluster, kind)", 3, &relations, "ON CONFLICT DO NOTHING")
    }
}

/// The figures of a cluster's first appearance, with what they measure: claims are
/// compared as first made; how retellings changed a figure is its lineage, not a relation.
fn cluster_figures(db: &impl Backend, cluster: i64) -> Result<Vec<(Option<String>, Bounds)>> {
    let rows = db.rows(
        "SELECT f.unit, f.low, f.low_inclusive, f.high, f.high_inclusive, f.approximate, f.kind FROM figures f
         WHERE f.claim = (SELECT c.id FROM claims c WHERE c.cluster = ?1 ORDER BY ifnull(c.published_at, '~'), c.id LIMIT 1)",
        args![cluster],
    )?;
    rows.iter()
        .map(|r| {
            let b = bounds(r, 1)?;
            Ok((measured(r.get::<Option<String>>(6)?.as_deref(), r.get::<Option<String>>(0)?.as_deref()), widen(b, r.get(5)?)))
        })
        .collect()
}

/// An interval stored as four columns from `at`: low, low_inclusive, high, high_inclusive.
fn bounds(r: &Row, at: usize) -> Result<Bounds> {
    Ok(Bounds { low: r.get(at)?, low_inclusive: r.get(at + 1)?, high: r.get(at + 2)?, high_inclusive: r.get(at + 3)? })
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

impl<B: Backend> Ledger<B> {
    /// Files one article inside the transaction the caller opened.
    fn file_in(db: &B, prepared: &Prepared, memory: &mut LinkingMemory) -> Result<Filed> {
        let filing = &prepared.filing;
        let p = &filing.provenance;
        if let Some(row) = db.row("SELECT id FROM articles WHERE sha256 = ?1", args![p.sha256])? {
            return Ok(Filed::AlreadyKept { article: row.get(0)? });
        }

        // Copies: candidates share a MinHash band; containment decides.
        let signature = &prepared.signature;
        let mut copy: Option<(i64, f64)> = None; // (copy group, containment)
        if !signature.bands.is_empty() {
            let rows = db.rows(
                "SELECT a.id, a.copy_group, a.fingerprint FROM articles a JOIN (
                     SELECT article, COUNT(*) AS shared FROM article_bands WHERE band IN (SELECT value FROM json_each(?1))
                     GROUP BY article ORDER BY shared DESC, article LIMIT ?2
                 ) b ON b.article = a.id ORDER BY b.shared DESC, a.id",
                args![signature.bands, COPY_CANDIDATES],
            )?;
            for row in rows {
                let stored: Vec<u8> = row.get(2)?;
                let score = containment(&signature.fingerprint, &stored);
                if score >= COPY_CONTAINMENT && copy.is_none_or(|(_, best)| score > best) {
                    copy = Some((row.get(1)?, score));
                }
            }
        }

        // The id is chosen here so that the row is written once, its copy group included.
        let article: i64 = db.value("SELECT coalesce(max(id), 0) + 1 FROM articles", args![])?;
        let group = copy.map_or(article, |c| c.0);
        db.run(
            "INSERT INTO articles (id, sha256, origin, url, ingested_at, title, publisher, publisher_key, published, published_at, filing, copy_group, copy_score, fingerprint)
             VALUES (?13, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?14, ?11, ?12)",
            args![
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
        let bands: Vec<Param> = signature.bands.iter().flat_map(|b| [b.param(), article.param()]).collect();
        db.insert("INSERT INTO article_bands (band, article)", 2, &bands, "")?;

        // Entities, keyed across articles.
        let named: Vec<Param> = filing.entities.iter().flat_map(|e| [e.key.param(), e.name.param(), e.kind.param()]).collect();
        db.insert("INSERT INTO entities (key, name, kind)", 3, &named, "ON CONFLICT(key) DO NOTHING")?;
        let keys: Vec<&str> = filing.entities.iter().map(|e| e.key.as_str()).collect();
        let mut ids: HashMap<String, i64> = HashMap::new();
        for row in db.rows("SELECT key, id FROM entities WHERE key IN (SELECT value FROM json_each(?1))", args![keys])? {
            ids.insert(row.get(0)?, row.get(1)?);
        }
        let entity_ids: Vec<i64> = filing.entities.iter().map(|e| ids.get(&e.key).copied().unwrap_or_default()).collect();
        // Two entities of one key (a name and its alias) count as one.
        let mut mentions: BTreeMap<i64, i64> = BTreeMap::new();
        for (e, &id) in filing.entities.iter().zip(&entity_ids) {
            *mentions.entry(id).or_default() += e.mentions.len() as i64;
        }
        let mentions: Vec<Param> = mentions.iter().flat_map(|(entity, count)| [entity.param(), article.param(), count.param()]).collect();
        db.insert("INSERT INTO mentions (entity, article, count)", 3, &mentions, "")?;

        // The outlet's own voice; its copies share it through the copy group.
        let own_voice = (
            filing.publisher_key().unwrap_or_else(|| format!("article:{article}")),
            filing.publisher.clone().unwrap_or_else(|| dossier_doc::UNKNOWN_OUTLET.to_string()),
            group,
        );

        let clusters_so_far: i64 = db.value("SELECT coalesce(max(id), 0) FROM clusters", args![])?;
        let first_claim: i64 = db.value("SELECT coalesce(max(id), 0) + 1 FROM claims", args![])?;
        let LinkingMemory { counts, clusters: seen, postings, .. } = memory;
        counts.load(db, prepared.claims.iter().flat_map(|c| &c.terms))?;
        let mut pending = Pending::read(db, prepared, counts, std::mem::take(postings), clusters_so_far + 1)?;
        for (ordinal, (claim, worked)) in filing.claims.iter().zip(&prepared.claims).enumerate() {
            let speaker = Speaker::of(claim, &own_voice);
            let me = speaker.origin();
            let (claim_terms, negative, mine) = (&worked.terms, worked.negative, &worked.figures);
            // Only candidates that can match, or that share a name and may measure the same thing, are weighed.
            let shares_name = |c: &Candidate| c.terms.iter().any(|t| t.starts_with('@') && claim_terms.binary_search(t).is_ok());
            let found: Vec<Arc<Candidate>> =
                candidates(db, claim_terms, counts, &mut pending, seen)?.into_iter().filter(|c| may_match(claim_terms, &c.terms) || !mine.is_empty() && shares_name(c)).collect();
            // Each term weighs its [`idf`] among the clusters stored before this article.
            counts.load(db, found.iter().flat_map(|c| &c.terms))?;
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
                        related.push((overlap, c, pending.first_figures(db, c.cluster)?));
                    }
                    continue;
                }
                // The same measured thing: a shared entity and a figure of the same unit, as
                // two named sources give it (an outlet's narration of figures is background).
                let attributed = speaker.voice.is_none() && c.voice.is_none();
                if attributed && shares_name(c) && !one_speaker && mine.iter().any(|(u, _)| comparable(u)) {
                    let theirs = pending.first_figures(db, c.cluster)?;
                    if mine.iter().any(|(u, _)| comparable(u) && theirs.iter().any(|(v, _)| v == u)) {
                        related.push((overlap, c, theirs));
                    }
                }
            }
            let hedged = !claim.hedges.is_empty();
            let published = filing.published_at.as_deref().unwrap_or("~");
            // Relations hang on a cluster's first appearance: made when the cluster is, and
            // made again when an earlier appearance arrives later (a backfill out of order).
            // (A tie in time goes to the earlier filed, as every "first" here.)
            let first = same.is_none_or(|(_, c)| published < c.first_seen.as_str());
            let cluster = match same {
                Some((_, c)) => {
                    // A first appearance in this copy group is one more independent report.
                    let new_report = !pending.here.contains(&c.cluster)
                        && (pending.is_new(c.cluster) || !db.exists("SELECT 1 FROM claims WHERE cluster = ?1 AND copy_group = ?2 LIMIT 1", args![c.cluster, group])?);
                    if !pending.joined(c.cluster, new_report, hedged, published, seen) {
                        db.run(
                            "UPDATE clusters SET appearances = appearances + 1, reports = reports + ?4, hedged = CASE WHEN ?2 > hedged THEN ?2 ELSE hedged END,
                                    first_seen = CASE WHEN ifnull(?3, '~') < first_seen THEN ifnull(?3, '~') ELSE first_seen END WHERE id = ?1",
                            args![c.cluster, hedged, filing.published_at, new_report],
                        )?;
                        seen.remove(&c.cluster); // its summary changed: read it again if nominated
                    }
                    c.cluster
                }
                None => {
                    // Born with its first appearance's summary.
                    let candidate = Candidate {
                        cluster: 0,
                        origin_key: speaker.key.clone(),
                        origin_name: speaker.name.clone(),
                        origin_text: speaker.surface.clone(),
                        voice: speaker.voice,
                        negative,
                        terms: claim_terms.clone(),
                        first_seen: published.to_string(),
                    };
                    pending.born(candidate, hedged, counts, seen)
                }
            };
            pending.here.insert(cluster);
            let claim_id = first_claim + ordinal as i64;
            pending.claims.push((claim_id, ordinal as i64, cluster, claim));
            pending.claim_entities.extend(claim.entities.iter().filter_map(|&e| entity_ids.get(e)).map(|&e| (claim_id, e)));
            pending.figures.extend(claim.figures.iter().filter_map(|&q| filing.figures.get(q)).map(|f| (claim_id, f)));
            if first {
                pending.first.insert(cluster, mine.clone());
                if same.is_some() {
                    db.run("DELETE FROM relations WHERE from_cluster = ?1 OR to_cluster = ?1", args![cluster])?;
                    pending.relations.retain(|&(from, to, _)| from != cluster && to != cluster);
                    // The cluster is named as its first appearance names its speaker (its key,
                    // which matching relies on, stays).
                    db.run("UPDATE clusters SET origin_name = ?2, origin_text = ?3 WHERE id = ?1", args![cluster, speaker.name, speaker.surface])?;
                }
                // A speaker does not corroborate itself, nor does one article: a claim nested
                // in another's content ("Judicial Watch said Comey said …") is no second source.
                for (overlap, other, theirs) in related {
                    if other.origin_key == speaker.key || pending.here.contains(&other.cluster) {
                        continue;
                    }
                    match relate(overlap.of_smaller, mine, &theirs, other.negative != negative) {
                        Some("refined-by") => pending.relations.insert((other.cluster, cluster, "refines")),
                        Some(kind) => pending.relations.insert((cluster, other.cluster, kind)),
                        None => false,
                    };
                }
            }
        }
        let new_clusters = pending.clusters.len();
        // What is remembered stays complete: the article's postings join the terms read.
        *postings = std::mem::take(&mut pending.stored_postings);
        for (term, ids) in &pending.new_postings {
            if let Some(stored) = postings.get_mut(term) {
                stored.extend(ids);
            }
        }
        pending.write(db, article, group, filing)?;
        counts.save(db)?;
        db.index_for_search(article, filing.title.as_deref(), &filing.body)?;
        Ok(Filed::New { article, copy_of: copy.map(|c| c.0), claims: filing.claims.len(), new_clusters })
    }

    /// The clusters `where_sql` selects (over `clusters k`), in `order`, one page of them.
    fn cluster_ids(&self, where_sql: &str, args: &[Param], order: &str, limit: usize, offset: usize) -> Result<Vec<i64>> {
        let sql = format!("SELECT k.id FROM clusters k WHERE {where_sql} ORDER BY {order} LIMIT {limit} OFFSET {offset}");
        self.db.rows(&sql, args)?.iter().map(|r| r.get(0)).collect()
    }

    /// One cluster as a listing row: its summary, its first appearance's words and its
    /// relations (looked up per row, for the rows shown only).
    fn claim_row(&self, id: i64) -> Result<Option<ClaimRow>> {
        let found = self.db.row(
            "SELECT k.id, nullif(substr(k.first_seen, 1, 10), '~'), k.origin_name, k.negative, k.hedged, k.appearances, k.reports,
                    (SELECT c2.content FROM claims c2 WHERE c2.cluster = k.id ORDER BY ifnull(c2.published_at, '~'), c2.id LIMIT 1),
                    (SELECT e.key FROM entities e WHERE e.key = k.origin_key)
             FROM clusters k WHERE k.id = ?1",
            args![id],
        )?;
        let Some(r) = found else { return Ok(None) };
        let mut row = ClaimRow {
            id: r.get(0)?,
            first_seen: r.get(1)?,
            origin: r.get(2)?,
            negative: r.get(3)?,
            hedged: r.get(4)?,
            appearances: r.get(5)?,
            independent_reports: r.get(6)?,
            content: r.get::<Option<String>>(7)?.unwrap_or_default(),
            origin_entity: r.get(8)?,
            corroborated_by: Vec::new(),
            contradicted_by: Vec::new(),
        };
        for rel in self.relations(row.id)? {
            match rel.kind.as_str() {
                "corroborates" => row.corroborated_by.push(rel.claim),
                "contradicts" => row.contradicted_by.push(rel.claim),
                _ => {}
            }
        }
        Ok(Some(row))
    }

    fn claim_rows(&self, where_sql: &str, args: &[Param], order: &str, limit: usize, offset: usize) -> Result<Vec<ClaimRow>> {
        let mut rows = Vec::new();
        for id in self.cluster_ids(where_sql, args, order, limit, offset)? {
            rows.extend(self.claim_row(id)?);
        }
        Ok(rows)
    }

    fn relations(&self, cluster: i64) -> Result<Vec<Relation>> {
        let pairs = self.db.rows(
            "SELECT r.kind, r.to_cluster, 0 FROM relations r WHERE r.from_cluster = ?1
             UNION ALL SELECT r.kind, r.from_cluster, 1 FROM relations r WHERE r.to_cluster = ?1
             ORDER BY 2, 1, 3",
            args![cluster],
        )?;
        let mut out = Vec::new();
        for pair in pairs {
            let (kind, other, reversed): (String, i64, bool) = (pair.get(0)?, pair.get(1)?, pair.get(2)?);
            let first = self.db.row(
                "SELECT c.content, k.origin_name FROM clusters k JOIN claims c ON c.cluster = k.id WHERE k.id = ?1 ORDER BY c.id LIMIT 1",
                args![other],
            )?;
            let Some(first) = first else { continue };
            let kind = if reversed && kind == "refines" { "refined-by".to_string() } else { kind };
            out.push(Relation { kind, claim: other, content: first.get(0)?, origin: first.get(1)? });
        }
        Ok(out)
    }

    fn entity_ids(&self, name: &str) -> Result<Vec<(i64, String, String, String)>> {
        let slug = dossier_entities::entity_key(dossier_doc::EntityKind::Other, name);
        let slug = slug.trim_start_matches("other:");
        let rows = self.db.rows(
            "SELECT id, key, name, kind FROM entities WHERE key = ?1 OR lower(name) = lower(?1) OR substr(key, instr(key, ':') + 1) = ?2 ORDER BY id",
            args![name, slug],
        )?;
        rows.iter().map(|r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).collect()
    }

    fn appearances(&self, cluster: i64) -> Result<Vec<Appearance>> {
        let rows = self.db.rows(
            "SELECT c.id, c.article, c.ordinal, a.publisher, substr(a.published_at, 1, 10), a.copy_group, a.filing FROM claims c JOIN articles a ON a.id = c.article
             WHERE c.cluster = ?1 ORDER BY ifnull(a.published_at, '~'), c.id",
            args![cluster],
        )?;
        let mut out = Vec::new();
        for r in rows {
            let (claim, article, ordinal, group): (i64, i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(5)?);
            let filing = unpack(&r.get::<Vec<u8>>(6)?, article)?;
            let Some(c) = filing.claims.get(ordinal as usize) else { continue };
            out.push(Appearance {
                claim,
                article,
                publisher: r.get(3)?,
                published_day: r.get(4)?,
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
        let first = self.db.row("SELECT id FROM articles WHERE copy_group = ?1 ORDER BY ifnull(published_at, '~'), id LIMIT 1", args![group])?;
        first.map(|r| r.get(0)).transpose()
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

impl<B: Backend> Store for Ledger<B> {
    fn contains(&self, sha256: &str) -> Result<bool> {
        self.db.exists("SELECT 1 FROM articles WHERE sha256 = ?1", args![sha256]).map_err(|e| e.doing("cannot read the ledger"))
    }

    fn file(&mut self, prepared: &Prepared) -> Result<Filed> {
        let doing = format!("cannot store {}", prepared.filing.provenance.origin);
        let db = &self.db;
        db.begin().map_err(|e| e.doing(&doing))?;
        // The first write of every filing: it takes the ledger's write lock (a row lock
        // on PostgreSQL, where `begin` takes none), so filings are one after another, and
        // its count says whether anyone filed since this process last did.
        let filed = db.value::<i64>("UPDATE ledger_state SET generation = generation + 1 RETURNING generation", args![]).and_then(|generation| {
            let memory = &mut self.memory;
            let full = memory.counts.known.len() > REMEMBERED_TERMS || memory.postings.len() > REMEMBERED_TERMS || memory.clusters.len() > REMEMBERED_CLUSTERS;
            if generation != memory.generation + 1 || full {
                *memory = LinkingMemory::default();
            }
            memory.generation = generation;
            Ledger::file_in(db, prepared, memory)
        });
        match filed.and_then(|filed| db.commit().map(|()| filed)) {
            Ok(filed) => Ok(filed),
            Err(e) => {
                self.memory = LinkingMemory::default(); // it holds what was rolled back
                let _ = db.rollback();
                Err(e.doing(&doing))
            }
        }
    }

    fn claims(&self, q: &ClaimQuery) -> Result<Vec<ClaimRow>> {
        let doing = |e: Error| e.doing("cannot list claims");
        let mut clauses = vec!["1 = 1"];
        let mut args: Vec<Param> = Vec::new();
        let about = match &q.about {
            Some(about) => self.entity_ids(about).map_err(doing)?.into_iter().map(|e| (e.0, e.1)).unzip(),
            None => (Vec::new(), Vec::new()),
        };
        let (ids, keys): (Vec<i64>, Vec<String>) = about;
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        if q.about.is_some() {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            clauses.push(
                "k.id IN (SELECT c3.cluster FROM claims c3 JOIN claim_entities ce ON ce.claim = c3.id WHERE ce.entity IN (SELECT value FROM json_each(?))
                          UNION SELECT id FROM clusters WHERE origin_key IN (SELECT value FROM json_each(?)))",
            );
            args.extend([ids.param(), keys.param()]);
        }
        // Each filter is a fixed fragment of SQL and the values it binds.
        if let Some(source) = &q.source {
            clauses.push("(instr(lower(k.origin_name), lower(?)) > 0 OR k.id IN (SELECT cluster FROM claims WHERE instr(lower(source_name), lower(?)) > 0))");
            args.extend([source.param(), source.param()]);
        }
        if let Some(outlet) = &q.outlet {
            clauses.push("k.id IN (SELECT c.cluster FROM claims c JOIN articles a ON a.id = c.article WHERE a.publisher = ?)");
            args.push(outlet.param());
        }
        if let Some(contains) = &q.contains {
            clauses.push("k.id IN (SELECT cluster FROM claims WHERE instr(lower(content), lower(?)) > 0)");
            args.push(contains.param());
        }
        if let Some(since) = &q.since {
            clauses.push("k.first_seen >= ? AND k.first_seen <> '~'");
            args.push(since.param());
        }
        if let Some(until) = &q.until {
            // Any moment of that day is on or before it.
            clauses.push("k.first_seen < ? || 'U'");
            args.push(until.param());
        }
        if let Some(hedged) = &q.hedged {
            clauses.push("k.hedged = ?");
            args.push(hedged.param());
        }
        if let Some(contradicted) = &q.contradicted {
            clauses.push("CASE WHEN EXISTS (SELECT 1 FROM relations r WHERE r.kind = 'contradicts' AND (r.from_cluster = k.id OR r.to_cluster = k.id)) THEN 1 ELSE 0 END = ?");
            args.push(contradicted.param());
        }
        let limit = if q.limit == 0 { i64::MAX as usize } else { q.limit };
        self.claim_rows(&clauses.join(" AND "), &args, order_by(q.order), limit, q.offset).map_err(doing)
    }

    fn claim(&self, id: i64) -> Result<Option<ClaimView>> {
        let read = || {
            let Some(row) = self.claim_row(id)? else { return Ok(None) };
            Ok(Some(ClaimView { appearances: self.appearances(id)?, relations: self.relations(id)?, row }))
        };
        read().map_err(|e: Error| e.doing("cannot read the claim"))
    }

    fn article(&self, id: i64) -> Result<Option<ArticleView>> {
        let read = || {
            let Some(r) = self.db.row("SELECT ingested_at, copy_group, filing FROM articles WHERE id = ?1", args![id])? else { return Ok(None) };
            let (ingested_at, group): (String, i64) = (r.get(0)?, r.get(1)?);
            let filing = unpack(&r.get::<Vec<u8>>(2)?, id)?;
            let original = self.original(group)?;
            let copies: Vec<i64> = if original == Some(id) {
                let members = self.db.rows("SELECT id FROM articles WHERE copy_group = ?1 ORDER BY id", args![group])?;
                members.iter().map(|m| m.get(0)).collect::<Result<Vec<i64>>>()?.into_iter().filter(|&m| m != id).collect()
            } else {
                Vec::new()
            };
            let clusters = self.db.rows("SELECT cluster FROM claims WHERE article = ?1 ORDER BY ordinal", args![id])?;
            let clusters = clusters.iter().map(|c| c.get(0)).collect::<Result<_>>()?;
            Ok(Some(ArticleView { id, ingested_at, copy_of: original.filter(|&o| o != id), copies, clusters, filing }))
        };
        read().map_err(|e: Error| e.doing("cannot read the article"))
    }

    fn entity(&self, name: &str) -> Result<Option<EntityView>> {
        let read = || {
            let Some((id, key, name, kind)) = self.entity_ids(name)?.into_iter().next() else { return Ok(None) };
            let articles: i64 = self.db.value("SELECT COUNT(*) FROM mentions WHERE entity = ?1", args![id])?;
            let claims_by = self.claim_rows("k.origin_key = ?", args![key], order_by(ClaimOrder::FirstSeen), ENTITY_CLAIMS, 0)?;
            let claims_about = self.claim_rows(
                "k.origin_key <> ? AND k.id IN (SELECT c3.cluster FROM claims c3 JOIN claim_entities ce ON ce.claim = c3.id WHERE ce.entity = ?)",
                args![key, id],
                order_by(ClaimOrder::FirstSeen),
                ENTITY_CLAIMS,
                0,
            )?;
            Ok(Some(EntityView { key, name, kind, articles, claims_by, claims_about }))
        };
        read().map_err(|e: Error| e.doing("cannot read the entity"))
    }

    fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        // Only letters and digits reach the index's query, so no character of the user's is syntax.
        let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let read = || {
            let mut hits = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for article in self.db.search_articles(&words, limit)? {
                // Only the stored filing is needed for the snippet, not the whole article view.
                let packed: Vec<u8> = self.db.value("SELECT filing FROM articles WHERE id = ?1", args![article])?;
                hits.push(SearchHit { kind: "article".into(), id: article, snippet: snippet(&unpack(&packed, article)?.body, &words) });
                // The article's claims that hold every word, each cluster once.
                for row in self.db.rows("SELECT cluster, content FROM claims WHERE article = ?1 ORDER BY ordinal", args![article])? {
                    let (cluster, content): (i64, String) = (row.get(0)?, row.get(1)?);
                    let lower = content.to_lowercase();
                    if words.iter().all(|w| lower.contains(w.as_str())) && seen.insert(cluster) {
                        hits.push(SearchHit { kind: "claim".into(), id: cluster, snippet: content });
                    }
                }
            }
            Ok(hits)
        };
        read().map_err(|e: Error| e.doing("cannot search"))
    }

    fn figures(&self, about: &str) -> Result<Vec<FigureRow>> {
        let read = || {
            let ids: Vec<i64> = self.entity_ids(about)?.into_iter().map(|e| e.0).collect();
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let rows = self.db.rows(
                "SELECT substr(a.published_at, 1, 10), a.publisher, a.id, c.cluster, k.origin_name, f.text, f.unit, f.low, f.low_inclusive, f.high, f.high_inclusive, f.approximate
                 FROM figures f JOIN claims c ON c.id = f.claim JOIN articles a ON a.id = c.article JOIN clusters k ON k.id = c.cluster
                 WHERE c.id IN (SELECT claim FROM claim_entities WHERE entity IN (SELECT value FROM json_each(?1)))
                 ORDER BY f.unit, ifnull(a.published_at, '~'), c.id, f.low, f.text",
                args![ids],
            )?;
            rows.iter()
                .map(|r| {
                    Ok(FigureRow {
                        published_day: r.get(0)?,
                        publisher: r.get(1)?,
                        article: r.get(2)?,
                        claim: r.get(3)?,
                        origin: r.get(4)?,
                        figure: FigureAppearance { text: r.get(5)?, unit: r.get(6)?, interval: bounds(r, 7)?, approximate: r.get(11)? },
                    })
                })
                .collect()
        };
        read().map_err(|e: Error| e.doing("cannot list figures"))
    }

    fn each_article(&self, each: &mut dyn FnMut(ArticleView) -> Result<()>) -> Result<()> {
        let mut next = 0i64;
        loop {
            let id: Option<i64> = self.db.value("SELECT MIN(id) FROM articles WHERE id > ?1", args![next]).map_err(|e| e.doing("cannot read the ledger"))?;
            let Some(id) = id else { return Ok(()) };
            if let Some(view) = self.article(id)? {
                each(view)?;
            }
            next = id;
        }
    }

    fn counts(&self) -> Result<Counts> {
        let r = self
            .db
            .row(
                "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM articles WHERE copy_group <> id), (SELECT COUNT(*) FROM entities),
                        (SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM clusters),
                        (SELECT COUNT(*) FROM clusters WHERE appearances > 1),
                        (SELECT COUNT(*) FROM relations WHERE kind = 'corroborates'), (SELECT COUNT(*) FROM relations WHERE kind = 'contradicts'),
                        (SELECT COUNT(*) FROM relations WHERE kind = 'refines')",
                args![],
            )
            .and_then(|r| r.ok_or_else(|| Error { message: "no counts".into() }))
            .map_err(|e| e.doing("cannot count the ledger"))?;
        let n = |i| r.get::<i64>(i);
        Ok(Counts {
            articles: n(0)?,
            copies: n(1)?,
            entities: n(2)?,
            claims: n(3)?,
            clusters: n(4)?,
            clusters_seen_twice: n(5)?,
            corroborates: n(6)?,
            contradicts: n(7)?,
            refines: n(8)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filing::{Excerpt, FiledEntity, FiledFigure, FiledSource, Provenance};
    use crate::{PostgresStore, SqliteStore};

    /// Runs `test` on each store: SQLite in memory, and PostgreSQL in a fresh schema when
    /// `DOSSIER_TEST_POSTGRES` names a server (`.ci/run` starts one).
    fn each_store(name: &str, test: impl Fn(&mut dyn Store)) {
        test(&mut SqliteStore::open_in_memory().unwrap());
        match std::env::var("DOSSIER_TEST_POSTGRES") {
            Ok(url) => {
                let url = PostgresStore::fresh_schema(&url, &format!("test_{name}_{}", std::process::id())).unwrap();
                test(&mut PostgresStore::open(&url).unwrap());
            }
            Err(_) => eprintln!("DOSSIER_TEST_POSTGRES is not set: {name} ran on SQLite only"),
        }
    }

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
        each_store("copies", |store| {
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
        });
    }

    #[test]
    fn snippets_bracket_the_words() {
        let words = ["cranes".to_string()];
        assert_eq!(snippet("The storm damaged two cranes.\n\nMore later.", &words), "The storm damaged two [cranes].  More later.");
        assert!(snippet(&format!("{} cranes", "word ".repeat(100)), &words).starts_with('…'));
    }

}
