//! dateline-store: `dateline/1` records kept in one SQLite file, searched and exported.
//!
//! Documents, entities, places, quotes, casualties, events and their actors go into
//! plain tables (query them with any SQLite client), with a full-text index over
//! titles and stories. Ingestion is idempotent (a document already stored by id or
//! by the hash of its text is skipped) and each batch is one transaction.
//!
//! ```
//! use dateline_store::{EventFilter, Store};
//! let mut store = Store::open_in_memory().unwrap();
//! let record = serde_json::json!({"schema": "dateline/1",
//!     "doc": {"id": "d1", "published": "2022-01-10", "text": "Police clashed with protesters in Almaty."},
//!     "places": [{"id": "P1", "name": "Almaty", "country": "KAZ"}],
//!     "events": [{"id": "V1", "type": "ASSAULT", "place": "P1", "evidence": {"trigger": [7, 14]},
//!                 "actor": [{"text": "Police", "sector": "COP"}], "recipient": []}]});
//! let outcome = store.insert_batch(vec![record.clone(), record]).unwrap();
//! assert_eq!((outcome.stored, outcome.duplicates), (1, 1));
//! let filter = EventFilter { country: Some("KAZ".into()), ..Default::default() };
//! let events = store.events(&filter).unwrap();
//! assert_eq!(events[0].trigger_text.as_deref(), Some("clashed"));
//! ```

mod error;
pub mod export;
mod ingest;
mod json;
mod query;
mod schema;

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde_json::Value;

pub use error::{Result, StoreError};
pub use ingest::{content_hash, BatchOutcome};
pub use query::{EventFilter, EventRow, Participant, TimeBucket, EVENT_TYPES, MAX_LIMIT};
pub use schema::SCHEMA_VERSION;

/// Row counts of the main tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct StoreStats {
    pub documents: u64,
    pub events: u64,
    pub entities: u64,
    pub places: u64,
    pub quotes: u64,
    pub casualties: u64,
}

/// An open store: one SQLite connection. Not `Sync`; open one per thread
/// (WAL lets readers run while a writer ingests).
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) a store file for reading and writing and
    /// brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::prepare(conn, true)
    }

    /// Opens an existing store without writing to it (for servers and queries).
    /// Fails if the file does not exist or its schema is older than this build's.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Store::tune(&conn)?;
        let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found,
                known: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(StoreError::SchemaTooOld {
                found,
                known: SCHEMA_VERSION,
            });
        }
        Ok(Store { conn })
    }

    /// A store that lives in memory only (tests, one-off runs).
    pub fn open_in_memory() -> Result<Store> {
        Store::prepare(Connection::open_in_memory()?, false)
    }

    fn prepare(mut conn: Connection, on_disk: bool) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        if on_disk {
            // WAL: a kill -9 never corrupts the file and readers do not block the writer.
            // synchronous=NORMAL: a power cut may lose the last commits but never half of one.
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        Store::tune(&conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// A page cache large enough for the indexes that every insert touches
    /// (the default 2 MB makes ingest re-read pages from the OS), still bounded.
    fn tune(conn: &Connection) -> Result<()> {
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(())
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    /// Writes a batch of `dateline/1` records in one transaction: either all
    /// of the batch's new documents are in afterwards, or none.
    pub fn insert_batch(&mut self, records: Vec<Value>) -> Result<BatchOutcome> {
        let tx = self.conn.transaction()?;
        let outcome = ingest::insert_batch(&tx, records)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// True when a document with this id is stored (to skip reading it again).
    pub fn contains(&self, doc_id: &str) -> Result<bool> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
        Ok(stmt.exists([doc_id])?)
    }

    /// Events matching a filter, newest first, with actors and recipients.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        query::events(&self.conn, filter)
    }

    /// How many events match a filter (ignores limit and offset).
    pub fn count_events(&self, filter: &EventFilter) -> Result<u64> {
        query::count(&self.conn, filter)
    }

    /// Matching events per day, month or year (`("2022-01", 12)`), oldest first;
    /// events without a dated day at that precision are left out.
    pub fn counts_over_time(
        &self,
        filter: &EventFilter,
        bucket: TimeBucket,
    ) -> Result<Vec<(String, u64)>> {
        query::counts_over_time(&self.conn, filter, bucket)
    }

    /// Matching events per country of action, most first.
    pub fn counts_by_country(&self, filter: &EventFilter) -> Result<Vec<(String, u64)>> {
        query::counts_by_country(&self.conn, filter)
    }

    /// One event with its story metadata and participants.
    pub fn event(&self, doc_id: &str, event_id: &str) -> Result<Option<EventRow>> {
        query::event(&self.conn, doc_id, event_id)
    }

    /// The full `dateline/1` record of a document, text included, as it was ingested.
    pub fn record(&self, doc_id: &str) -> Result<Option<Value>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT record, text FROM documents WHERE id = ?1")?;
        let found = stmt
            .query_row([doc_id], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
            })
            .optional()?;
        match found {
            Some((json, text)) => Ok(Some(restore_record(&json, text)?)),
            None => Ok(None),
        }
    }

    /// Row counts.
    pub fn stats(&self) -> Result<StoreStats> {
        let count = |table: &str| -> Result<u64> {
            // Table names are ours, never user input.
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
                        row.get(0)
                    })?;
            Ok(n.max(0) as u64)
        };
        Ok(StoreStats {
            documents: count("documents")?,
            events: count("events")?,
            entities: count("entities")?,
            places: count("places")?,
            quotes: count("quotes")?,
            casualties: count("casualties")?,
        })
    }

    /// The underlying connection, for plain SQL (entity and place pages,
    /// ad-hoc reports). Write through [`Store::insert_batch`] only.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Puts `doc.text` back into a stored record, right after `doc.title`-side
/// fields (the order does not matter to JSON readers).
pub(crate) fn restore_record(json: &str, text: Option<String>) -> Result<Value> {
    let mut record: Value = serde_json::from_str(json)?;
    if let (Some(text), Some(doc)) = (text, record.get_mut("doc").and_then(Value::as_object_mut)) {
        doc.insert("text".into(), Value::String(text));
    }
    Ok(record)
}
