//! The embedded store: one SQLite file (WAL journal), schema migrations by `user_version`.
//!
//! A list parameter is bound as one JSON array and read with `json_each`, so each
//! statement is prepared once and cached; rows are written one cached statement per
//! row, which is cheaper than parsing JSON.

use crate::sql::{Backend, Cell, Param, Row};
use crate::store::Ledger;
use crate::{Error, Result};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::Connection;
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
"#, r#"
-- One more with every filing: filings take turns on this row, and a writer that sees the
-- count move by more than its own filings knows another wrote in between.
CREATE TABLE ledger_state (generation INTEGER NOT NULL);
INSERT INTO ledger_state (generation) VALUES (0);
"#, r#"
-- (PostgreSQL's shared ingest queue: one file is written by one process.)
"#];

/// A SQLite connection as the ledger's [`Backend`].
pub struct Sqlite {
    conn: Connection,
}

/// The ledger in one SQLite file: the embedded default.
pub type SqliteStore = Ledger<Sqlite>;

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error { message: e.to_string() }
    }
}

impl SqliteStore {
    /// Opens (creating if needed) a ledger file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error { message: format!("cannot create the ledger's folder {}: {e}", dir.display()) })?;
        }
        let conn = Connection::open(path).map_err(|e| Error { message: format!("cannot open the ledger {}: {e}", path.display()) })?;
        SqliteStore::setup(conn, &path.display().to_string())
    }

    pub fn open_in_memory() -> Result<SqliteStore> {
        let conn = Connection::open_in_memory().map_err(|e| Error::from(e).doing("cannot open an in-memory ledger"))?;
        SqliteStore::setup(conn, ":memory:")
    }

    fn setup(mut conn: Connection, name: &str) -> Result<SqliteStore> {
        let not_a_ledger = |e: rusqlite::Error| Error { message: format!("{name} is not a dossier ledger (or is damaged): {e}") };
        conn.set_prepared_statement_cache_capacity(128);
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
        Ok(Ledger::new(Sqlite { conn }))
    }
}

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        let json = |list: serde_json::Result<String>| list.map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)));
        Ok(match *self {
            Param::Null => ToSqlOutput::Owned(Value::Null),
            Param::Int(v) => ToSqlOutput::Owned(Value::Integer(v)),
            Param::Real(v) => ToSqlOutput::Owned(Value::Real(v)),
            Param::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Param::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            Param::Ints(list) => ToSqlOutput::Owned(Value::Text(json(serde_json::to_string(list))?)),
            Param::Texts(list) => ToSqlOutput::Owned(Value::Text(json(serde_json::to_string(list))?)),
        })
    }
}

impl Backend for Sqlite {
    fn rows(&self, sql: &str, args: &[Param]) -> Result<Vec<Row>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let columns = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut cells = Vec::with_capacity(columns);
            for i in 0..columns {
                cells.push(match r.get_ref(i)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(v) => Cell::Int(v),
                    ValueRef::Real(v) => Cell::Real(v),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Cell::Blob(b.to_vec()),
                });
            }
            out.push(Row(cells));
        }
        Ok(out)
    }

    fn run(&self, sql: &str, args: &[Param]) -> Result<u64> {
        Ok(self.conn.prepare_cached(sql)?.execute(rusqlite::params_from_iter(args))? as u64)
    }

    fn insert(&self, head: &str, width: usize, values: &[Param], tail: &str) -> Result<()> {
        // In process, one cached single-row statement is the fastest way.
        let marks: Vec<String> = (1..=width).map(|i| format!("?{i}")).collect();
        let sql = format!("{head} VALUES ({}) {tail}", marks.join(", "));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for row in values.chunks(width) {
            stmt.execute(rusqlite::params_from_iter(row))?;
        }
        Ok(())
    }

    fn begin(&self) -> Result<()> {
        // Immediate: the write lock is taken first, so no other writer commits during a filing.
        Ok(self.conn.execute_batch("BEGIN IMMEDIATE")?)
    }

    fn commit(&self) -> Result<()> {
        Ok(self.conn.execute_batch("COMMIT")?)
    }

    fn rollback(&self) -> Result<()> {
        Ok(self.conn.execute_batch("ROLLBACK")?)
    }

    fn index_for_search(&self, article: i64, title: Option<&str>, body: &str) -> Result<()> {
        // Last in a filing: an FTS5 table flushes its pending terms at every statement savepoint after it.
        self.run("INSERT INTO search (rowid, title, text) VALUES (?3, ?1, ?2)", crate::sql::args![title, body, article]).map(drop)
    }

    fn search_articles(&self, words: &[String], limit: usize) -> Result<Vec<i64>> {
        // Each word a quoted FTS term.
        let query: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        let rows = self.rows("SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rank LIMIT ?2", crate::sql::args![query.join(" "), limit as i64])?;
        rows.iter().map(|r| r.get(0)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

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
        let version: i64 = store.db.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
        assert!(store.db.conn.prepare("SELECT kind FROM figures").is_ok(), "figures gained their kind");
        assert_eq!(store.counts().unwrap().entities, 1);
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
