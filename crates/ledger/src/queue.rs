//! The shared ingest queue in a PostgreSQL ledger: several `dossier ingest` processes, on
//! one machine or many, given the same pages, share the work with none done twice.
//!
//! **Key decision: pages are analysed in any order, by anyone, but filed in the order
//! given, by one process at a time.** Analysis is most of the work and parallel; linking
//! depends on what was filed before, so filing in the batch's order makes the ledger's
//! links the same as one process would make them. Each step is safe to kill:
//!
//! - the first process fills the batch ([`Queue::fill`]) under an advisory lock, in one
//!   transaction; the others find it filled;
//! - a worker takes a job with `FOR UPDATE SKIP LOCKED` and keeps its row locked while it
//!   analyses ([`Queue::take`]): killed, its transaction ends and the job is free again;
//! - the process holding the batch's advisory lock ([`Queue::lead`]) files the analysed
//!   jobs in order; killed, its session ends, the lock passes to another process, and a
//!   job filed but not yet marked done is found in the ledger by its SHA-256 (filing is
//!   idempotent).

use crate::postgres::shown;
use crate::{Error, Prepared, Result};
use postgres::{Client, NoTls};

/// A page waiting in the queue, as the ingest command read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedPage {
    pub origin: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    /// How to read the bytes ("auto", "html", "text", "plain").
    pub kind: String,
    pub bytes: Vec<u8>,
}

/// What a worker made of a job.
pub enum Analysed<'a> {
    Filing(&'a Prepared),
    /// The ledger keeps this page already.
    Kept,
    Failed(String),
}

/// The first unfinished job of the batch, for the process that files.
pub enum Next {
    Ready(i64, Box<Prepared>),
    /// Not analysed yet: wait.
    Waiting,
    /// Every job is done or failed.
    Finished,
}

/// One connection to the queue of one batch.
pub struct Queue {
    client: Client,
    batch: String,
    /// A job taken and not yet finished (its transaction is open).
    taken: Option<i64>,
}

impl Queue {
    /// Connects to the ledger at `url` (whose schema [`crate::PostgresStore::open`] brought
    /// up to date) for the batch named `batch`.
    pub fn open(url: &str, batch: &str) -> Result<Queue> {
        let client = Client::connect(url, NoTls).map_err(|e| Error::from(e).doing(&format!("cannot open the ingest queue at {}", shown(url))))?;
        Ok(Queue { client, batch: batch.to_string(), taken: None })
    }

    /// Puts the batch's pages in the queue if no process has; `pages` is read only then.
    /// A page that could not be read is queued as failed, with why. Returns how many jobs
    /// this process queued (0: another had).
    pub fn fill(&mut self, pages: impl Iterator<Item = std::result::Result<QueuedPage, (String, String)>>) -> Result<u64> {
        let doing = |e: postgres::Error| Error::from(e).doing("cannot fill the ingest queue");
        let mut tx = self.client.transaction().map_err(doing)?;
        tx.execute("SELECT pg_advisory_xact_lock(hashtext('dossier batch ' || $1::text))", &[&self.batch]).map_err(doing)?;
        if tx.query_opt("SELECT 1 FROM ingest_batches WHERE batch = $1", &[&self.batch]).map_err(doing)?.is_some() {
            return Ok(0);
        }
        tx.execute("INSERT INTO ingest_batches (batch, jobs) VALUES ($1, 0)", &[&self.batch]).map_err(doing)?;
        let insert = tx
            .prepare("INSERT INTO ingest_jobs (batch, seq, origin, url, published, publisher, kind, page, state, failure) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
            .map_err(doing)?;
        let mut seq = 0i64;
        for page in pages {
            let (origin, state, failure, p) = match &page {
                Ok(p) => (p.origin.as_str(), "todo", None, Some(p)),
                Err((origin, why)) => (origin.as_str(), "failed", Some(why.as_str()), None),
            };
            let (url, published, publisher) = (p.and_then(|p| p.url.as_deref()), p.and_then(|p| p.published.as_deref()), p.and_then(|p| p.publisher.as_deref()));
            let (kind, bytes) = (p.map_or("auto", |p| p.kind.as_str()), p.map(|p| p.bytes.as_slice()));
            tx.execute(&insert, &[&self.batch, &seq, &origin, &url, &published, &publisher, &kind, &bytes, &state, &failure]).map_err(doing)?;
            seq += 1;
        }
        tx.execute("UPDATE ingest_batches SET jobs = $2 WHERE batch = $1", &[&self.batch, &seq]).map_err(doing)?;
        tx.commit().map_err(doing)?;
        Ok(seq as u64)
    }

    /// Takes the first job no one holds, and holds it until [`Queue::finish`].
    pub fn take(&mut self) -> Result<Option<(i64, QueuedPage)>> {
        let doing = |e: postgres::Error| Error::from(e).doing("cannot take a job from the ingest queue");
        self.client.batch_execute("BEGIN").map_err(doing)?;
        let row = self
            .client
            .query_opt(
                "SELECT seq, origin, url, published, publisher, kind, page FROM ingest_jobs WHERE batch = $1 AND state = 'todo' ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED",
                &[&self.batch],
            )
            .map_err(doing)?;
        let Some(row) = row else {
            self.client.batch_execute("COMMIT").map_err(doing)?;
            return Ok(None);
        };
        let seq: i64 = row.get(0);
        self.taken = Some(seq);
        let page = QueuedPage {
            origin: row.get(1),
            url: row.get(2),
            published: row.get(3),
            publisher: row.get(4),
            kind: row.get(5),
            bytes: row.get::<_, Option<Vec<u8>>>(6).unwrap_or_default(),
        };
        Ok(Some((seq, page)))
    }

    /// Records what became of the job taken last, and lets it go.
    pub fn finish(&mut self, analysed: Analysed) -> Result<()> {
        let doing = |e: postgres::Error| Error::from(e).doing("cannot record a job in the ingest queue");
        let Some(seq) = self.taken.take() else { return Err(Error { message: "no job was taken".into() }) };
        let (state, filing, failure): (&str, Option<&[u8]>, Option<&str>) = match &analysed {
            Analysed::Filing(prepared) => ("analysed", Some(prepared.packed()), None),
            Analysed::Kept => ("done", None, None),
            Analysed::Failed(why) => ("failed", None, Some(why)),
        };
        self.client
            .execute("UPDATE ingest_jobs SET state = $3, filing = $4, failure = $5, page = NULL WHERE batch = $1 AND seq = $2", &[&self.batch, &seq, &state, &filing, &failure])
            .map_err(doing)?;
        self.client.batch_execute("COMMIT").map_err(doing)
    }

    /// Whether this process files the batch: the first to ask holds the lock until its
    /// connection ends.
    pub fn lead(&mut self) -> Result<bool> {
        let row = self.client.query_one("SELECT pg_try_advisory_lock(hashtext('dossier filing ' || $1::text))", &[&self.batch]);
        Ok(row.map_err(|e| Error::from(e).doing("cannot ask to file the batch"))?.get(0))
    }

    /// The first job of the batch not yet done, for the process that [`Queue::lead`]s.
    pub fn first_open(&mut self) -> Result<Next> {
        let doing = |e: postgres::Error| Error::from(e).doing("cannot read the ingest queue");
        let row = self
            .client
            .query_opt("SELECT seq, state, filing FROM ingest_jobs WHERE batch = $1 AND state IN ('todo', 'analysed') ORDER BY seq LIMIT 1", &[&self.batch])
            .map_err(doing)?;
        let Some(row) = row else { return Ok(Next::Finished) };
        let (seq, state): (i64, String) = (row.get(0), row.get(1));
        if state != "analysed" {
            return Ok(Next::Waiting);
        }
        let packed: Vec<u8> = row.get::<_, Option<Vec<u8>>>(2).unwrap_or_default();
        let prepared = Prepared::unpack(packed).map_err(|e| Error { message: format!("job {seq} of the ingest queue is damaged: {e}") })?;
        Ok(Next::Ready(seq, Box::new(prepared)))
    }

    /// The job is filed.
    pub fn done(&mut self, seq: i64) -> Result<()> {
        self.client
            .execute("UPDATE ingest_jobs SET state = 'done', filing = NULL WHERE batch = $1 AND seq = $2", &[&self.batch, &seq])
            .map_err(|e| Error::from(e).doing("cannot record a job in the ingest queue"))?;
        Ok(())
    }

    /// Whether every job of the batch is done or failed.
    pub fn finished(&mut self) -> Result<bool> {
        let open = self.client.query_opt("SELECT 1 FROM ingest_jobs WHERE batch = $1 AND state IN ('todo', 'analysed') LIMIT 1", &[&self.batch]);
        Ok(open.map_err(|e| Error::from(e).doing("cannot read the ingest queue"))?.is_none())
    }
}
