//! dossier-ledger: many analysed articles kept in one store, and linked across outlets.
//!
//! An article enters as a [`Filing`] (the pipeline's [`dossier_doc::Doc`] copied into
//! owned records with character spans), is [`Prepared`] (its signature and claim terms
//! worked out, in parallel), and is stored by [`Store::file`] in one transaction,
//! together with its links:
//!
//! - **copies**: an article whose word shingles are mostly contained in an earlier one's
//!   joins that article's copy group ([`copies`]); the earliest by publication date is
//!   the original, and copies never count as independent confirmation;
//! - **claims**: each claim joins the cluster of the same claim told elsewhere — same
//!   origin (the source at the end of its relay, or the outlet for its own voice), same
//!   polarity, and mostly the same terms ([`matching`]) — or starts a new cluster;
//! - **relations** between clusters of different origins about the same thing:
//!   *corroborates* (compatible figures or none), *contradicts* (disjoint intervals for
//!   the same measured thing, or opposite polarity), *refines* (a narrower interval).
//!
//! **Key decision: links are made when an article arrives, inside its transaction.**
//! The ledger is therefore always consistent — a process killed mid-batch leaves every
//! committed article fully linked and nothing half-stored — and ingesting is
//! incremental: no pass over the whole store is ever needed. The price is that a
//! cluster's representative terms are those of its first appearance.
//!
//! The store is behind the [`Store`] trait; [`SqliteStore`] is the embedded default.
//!
//! ```
//! use dossier_ledger::{Filing, Provenance, SqliteStore, Store};
//! let mut doc = dossier_doc::Doc::new(dossier_doc::Article::from_paragraphs(vec!["Some text.".into()]));
//! let filing = Filing::new(&doc, Provenance { sha256: "ab".repeat(32), origin: "a.txt".into(), url: None, ingested_at: "2024-10-04T00:00:00Z".into() });
//! let mut store = SqliteStore::open_in_memory().unwrap();
//! let prepared = filing.into();
//! assert!(matches!(store.file(&prepared).unwrap(), dossier_ledger::Filed::New { .. }));
//! assert!(matches!(store.file(&prepared).unwrap(), dossier_ledger::Filed::AlreadyKept { .. }));
//! ```

pub mod copies;
pub mod filing;
pub mod matching;
mod postgres;
mod prepared;
pub mod queue;
mod sql;
mod sqlite;
mod store;

pub use filing::{Bounds, Filing, Provenance};
pub use postgres::PostgresStore;
pub use prepared::Prepared;
pub use sqlite::SqliteStore;
pub use store::Ledger;

use serde::Serialize;

/// A store error, saying what was being done.
#[derive(Debug)]
pub struct Error {
    pub message: String,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl Error {
    /// The error, prefixed with what was being done.
    pub fn doing(self, doing: &str) -> Error {
        Error { message: format!("{doing}: {}", self.message) }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Where a ledger is kept: a SQLite file (the embedded default) or a PostgreSQL database
/// (`postgres://…`, shared by a team and by several ingest processes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(std::path::PathBuf),
    Postgres(String),
}

impl Location {
    /// A `postgres://` or `postgresql://` URL names a database; anything else a file.
    ///
    /// ```
    /// use dossier_ledger::Location;
    /// assert!(matches!(Location::from("postgres://ana@db/ledger"), Location::Postgres(_)));
    /// assert!(matches!(Location::from("ledger.sqlite"), Location::File(_)));
    /// ```
    pub fn from(given: impl Into<std::ffi::OsString>) -> Location {
        let given = given.into();
        match given.to_str() {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => Location::Postgres(url.to_string()),
            _ => Location::File(given.into()),
        }
    }

    /// Whether a ledger may be there without creating one: the file exists, or it is a
    /// database (which says so itself when connected to).
    pub fn may_exist(&self) -> bool {
        match self {
            Location::File(path) => path.exists(),
            Location::Postgres(_) => true,
        }
    }

    /// Opens the ledger, creating it or bringing its schema up to date.
    pub fn open(&self) -> Result<Box<dyn Store + Send>> {
        Ok(match self {
            Location::File(path) => Box::new(SqliteStore::open(path)?),
            Location::Postgres(url) => Box::new(PostgresStore::open(url)?),
        })
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => f.write_str(&postgres::shown(url)),
        }
    }
}

/// What [`Store::file`] did with an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    New { article: i64, copy_of: Option<i64>, claims: usize, new_clusters: usize },
    /// The same bytes were ingested before: nothing changed.
    AlreadyKept { article: i64 },
}

/// Filters of `dossier claims`; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct ClaimQuery {
    /// An entity (key or name) the claim names or that is its source.
    pub about: Option<String>,
    /// Part of the source's or origin's name.
    pub source: Option<String>,
    /// The publishing outlet of at least one appearance, by its exact name.
    pub outlet: Option<String>,
    /// ISO days, inclusive, on the first appearance.
    pub since: Option<String>,
    pub until: Option<String>,
    pub contains: Option<String>,
    /// Only claims with (or without) a hedge.
    pub hedged: Option<bool>,
    /// Only claims another contradicts (or none does).
    pub contradicted: Option<bool>,
    pub order: ClaimOrder,
    /// At most this many (0: all), after skipping `offset`.
    pub limit: usize,
    pub offset: usize,
}

/// How `claims` lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClaimOrder {
    /// By first appearance, earliest first.
    #[default]
    FirstSeen,
    /// Most independent reports first (then most appearances).
    MostSeen,
}

/// One claim cluster as listed by `dossier claims`.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRow {
    pub id: i64,
    pub first_seen: Option<String>,
    pub origin: String,
    /// The origin's entity key, when the origin is a known entity (its page exists).
    pub origin_entity: Option<String>,
    pub content: String,
    pub appearances: i64,
    /// Distinct copy groups it appears in: independent reports.
    pub independent_reports: i64,
    /// The claim says no: a denial, or a negated content ("will not close").
    pub negative: bool,
    pub hedged: bool,
    pub corroborated_by: Vec<i64>,
    pub contradicted_by: Vec<i64>,
}

/// One appearance of a claim in an article.
#[derive(Debug, Clone, Serialize)]
pub struct Appearance {
    pub claim: i64,
    pub article: i64,
    pub publisher: Option<String>,
    pub published_day: Option<String>,
    /// The article this one is a copy of, when it is one.
    pub copy_of: Option<i64>,
    pub source: Option<String>,
    pub cue: Option<String>,
    /// When the source said it (a TIMEX3 value), if the article says.
    pub said_on: Option<String>,
    pub content: filing::Excerpt,
    pub hedges: Vec<String>,
    pub relay: Vec<String>,
    pub figures: Vec<FigureAppearance>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureAppearance {
    pub text: String,
    pub unit: Option<String>,
    pub interval: Bounds,
    pub approximate: bool,
}

/// A claim cluster with every appearance (in publication order) and its relations.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    pub row: ClaimRow,
    pub appearances: Vec<Appearance>,
    pub relations: Vec<Relation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Relation {
    /// "corroborates", "contradicts", "refines" (this refines the other) or "refined-by".
    pub kind: String,
    pub claim: i64,
    pub content: String,
    pub origin: String,
}

/// An article with its provenance, copies and claims.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub id: i64,
    pub ingested_at: String,
    pub copy_of: Option<i64>,
    pub copies: Vec<i64>,
    /// Cluster id of each claim, in the order of [`Filing::claims`].
    pub clusters: Vec<i64>,
    pub filing: Filing,
}

/// An entity across the ledger.
#[derive(Debug, Clone, Serialize)]
pub struct EntityView {
    pub key: String,
    pub name: String,
    pub kind: String,
    pub articles: i64,
    pub claims_by: Vec<ClaimRow>,
    pub claims_about: Vec<ClaimRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// "article" or "claim".
    pub kind: String,
    pub id: i64,
    pub snippet: String,
}

/// A figure in a claim about an entity, for `dossier figures`.
#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    pub published_day: Option<String>,
    pub publisher: Option<String>,
    pub article: i64,
    pub claim: i64,
    pub origin: String,
    pub figure: FigureAppearance,
}

/// How much the ledger holds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub articles: i64,
    pub copies: i64,
    pub entities: i64,
    pub claims: i64,
    pub clusters: i64,
    pub clusters_seen_twice: i64,
    pub corroborates: i64,
    pub contradicts: i64,
    pub refines: i64,
}

/// The ledger's storage. Every method is one consistent read or one transaction.
pub trait Store {
    /// Whether an article with these raw bytes' SHA-256 is kept.
    fn contains(&self, sha256: &str) -> Result<bool>;
    /// Stores an article and links it to what is already kept, in one transaction.
    fn file(&mut self, filing: &Prepared) -> Result<Filed>;
    fn claims(&self, query: &ClaimQuery) -> Result<Vec<ClaimRow>>;
    fn claim(&self, id: i64) -> Result<Option<ClaimView>>;
    fn article(&self, id: i64) -> Result<Option<ArticleView>>;
    /// An entity by key ("place:north-korea") or name ("North Korea").
    fn entity(&self, name: &str) -> Result<Option<EntityView>>;
    fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>>;
    /// Figures in claims naming an entity, in publication order.
    fn figures(&self, about: &str) -> Result<Vec<FigureRow>>;
    /// Every article in ingestion order, one at a time (for exports).
    fn each_article(&self, each: &mut dyn FnMut(ArticleView) -> Result<()>) -> Result<()>;
    fn counts(&self) -> Result<Counts>;
}
