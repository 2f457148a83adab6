//! The research store: the only code that speaks SQL.
//!
//! A [`Store`] owns one SQLite connection. Every write is one `BEGIN IMMEDIATE` transaction that
//! also updates the full-text index, derived links and revisions, so the file is consistent
//! after every call. Reads take `&self`, writes `&mut self`. Each entity has its own file with
//! its own `impl Store` block.

mod aliases;
mod attachments;
pub mod backup;
mod batch;
mod calls;
mod catalysts;
mod check;
pub mod cipher;
mod claim_row;
mod claims;
mod document_search;
mod document_transfer;
mod documents;
mod dossier;
mod error;
pub mod export;
mod feeds;
mod imports;
mod issuers;
mod journal;
mod limits;
mod links;
mod lookups;
mod merge;
mod merge_claims;
mod notes;
mod open;
mod order;
mod prefixes;
mod prices;
mod properties;
mod quotes;
mod records;
mod reference;
mod revisions;
mod rows;
mod saved_searches;
mod schema;
pub mod sealing;
mod search;
mod snapshot;
mod snippet;
mod sources;
pub mod sync;
mod tags;
mod tickers;
mod trace;
mod turns;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use batch::Batch;
pub use catalysts::TickerCatalyst;
pub use check::CheckReport;
pub use cipher::Key;
pub use document_search::{DocumentHit, DocumentHits, PageHit};
pub use document_transfer::{HeldDocument, Linked};
pub use documents::{DocumentAdded, DocumentPage, NewDocument, content_hash};
pub use dossier::{DossierLimits, DossierPage};
pub use error::{OpenError, StoreError};
pub use imports::{ImportRun, UndoReport};
pub use issuers::{Issuer, Listing};
pub use links::{LinkedNote, MAX_MENTIONS, NoteLink};
pub use open::{check_kind, schema_version};
pub use prices::{PRICE_BATCH, PriceImport, TickerDays};
pub use records::{ClaimRecord, NoteMerge, NoteOutcome, NoteRecord, RevisionRecord, SourceRecord, TickerRecord};
pub use schema::{APPLICATION_ID, CURRENT_VERSION};
pub use search::{Cursor, Page, SearchInterrupt, SearchOrder, SearchPage, Total};
pub use sources::{SourceCount, SourceDetail};
pub use tickers::{DOSSIER_CLAIMS, DOSSIER_SOURCES, DossierNote, TickerCount, TickerDossier, TickerInfo};
#[doc(hidden)]
pub use trace::SqlLog;
pub use turns::WriteTurns;

/// How long a write waits for another writer (the app, a CLI) before reporting the database busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How many pages of the full-text index one [`Store::tidy_index`] step writes at most (about
/// 2 MB: tens of milliseconds, so a save waiting for it is not noticed).
const TIDY_PAGES: i64 = 500;

/// The full-text index is tidied when it has more segments than this…
const TIDY_FROM: usize = 4;
/// …and the segments besides the largest hold at least 1/`TIDY_SHARE` of its size, or there are
/// more than [`TIDY_MANY`] of them. Tidying merges every segment into one, so it rewrites the
/// largest: a few saves' small segments (FTS5 keeps up to three per level as it writes) are not
/// worth rewriting a million notes' index for, and cost a search little.
const TIDY_SHARE: u64 = 8;
const TIDY_MANY: usize = 16;

/// Prepared statements kept per connection (the store uses well over a hundred distinct ones).
const STATEMENT_CACHE: usize = 512;

/// A read of one state of the database ([`Store::read_snapshot`]); dropping it ends the read.
pub struct ReadSnapshot<'a> {
    _read: Transaction<'a>,
}

/// The research database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    created: bool,
    prefixes: prefixes::Prefixes,
    /// Set by [`Store::simulate_full_disk`]: every write is refused as if the disk were full.
    full_disk: bool,
    /// Set by [`Store::write_first`] or [`Store::give_way`].
    turn: Option<turns::Turn>,
    /// A tidy of the full-text index is under way (its merge runs over many steps, and is
    /// finished once started even when the segments' sizes alone would no longer start it).
    tidying: bool,
}

impl Store {
    /// Opens (or creates) the database at `path`. The folder must exist. A file that is not a
    /// Jevons database, or is damaged, or comes from a newer Jevons, is refused and left untouched.
    /// An encrypted file opens with the passphrase this process was given
    /// ([`cipher::give`]), and is refused untouched without one.
    pub fn open(path: &Path) -> Result<Self, OpenError> {
        Self::open_with(path, None)
    }

    /// Opens the encrypted database at `path` with `key`, or creates an encrypted one there. A
    /// wrong key, or a plain file, is refused and the file left byte for byte as it was: the
    /// key is checked by the first read, before anything (the write-ahead log, an upgrade) writes.
    pub fn open_keyed(path: &Path, key: &Key) -> Result<Self, OpenError> {
        Self::open_with(path, Some(key))
    }

    fn open_with(path: &Path, key: Option<&Key>) -> Result<Self, OpenError> {
        let encrypted = open::inspect(path)?;
        let key = open::key_for(path, encrypted, key)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let wrap = |source: StoreError| OpenError::Store { path: path.to_owned(), source };
        let conn = open::connect_keyed(path, flags, key.as_ref()).map_err(|e| wrap(e.into()))?;
        // Before the first read: another process may be creating the file or switching it to
        // write-ahead logging, and reading its identity must wait for that, not fail.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| wrap(e.into()))?;
        open::check_identity(&conn, path, key.is_some())?;
        let mut store = Self {
            conn,
            path: Some(path.to_owned()),
            created: false,
            prefixes: Default::default(),
            full_disk: false,
            turn: None,
            tidying: false,
        };
        store.configure_waiting().map_err(wrap)?;
        // An upgrade re-sorts whole tables and indexes: its sorts spill to temporary files
        // rather than growing in memory (the store's own statements keep temporary data in
        // memory). Not for an encrypted database: its temporary data never leaves memory.
        let spill = key.is_none();
        if spill {
            store.conn.pragma_update(None, "temp_store", "file").map_err(|e| wrap(e.into()))?;
        }
        let before = schema::migrate(&mut store.conn).map_err(wrap)?;
        if spill {
            store.conn.pragma_update(None, "temp_store", "memory").map_err(|e| wrap(e.into()))?;
        }
        store.attach_helpers().map_err(wrap)?;
        store.created = before == 0;
        Ok(store)
    }

    /// A fresh database in memory, for tests and tools.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self {
            conn,
            path: None,
            created: true,
            prefixes: Default::default(),
            full_disk: false,
            turn: None,
            tidying: false,
        };
        store.configure()?;
        schema::migrate(&mut store.conn)?;
        store.attach_helpers()?;
        Ok(store)
    }

    /// The file this store reads and writes (none for an in-memory store).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether this open created the database (so a front end may add the sample research).
    pub fn was_created(&self) -> bool {
        self.created
    }

    /// Starts a read that sees the database as it is now until the snapshot is dropped, whatever
    /// others write meanwhile (an export reading notes, sources and files in several steps).
    pub fn read_snapshot(&self) -> Result<ReadSnapshot<'_>, StoreError> {
        Ok(ReadSnapshot { _read: self.conn.unchecked_transaction()? })
    }

    /// Starts a write: `BEGIN IMMEDIATE`, so two writers queue on the busy timeout instead of
    /// failing half-way.
    fn write(&mut self) -> Result<Transaction<'_>, StoreError> {
        if self.full_disk {
            return Err(StoreError::DiskFull);
        }
        let _waiting = self.turn.as_ref().and_then(turns::Turn::before_write);
        Ok(self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// This store's writes go before those of stores that [`give_way`](Self::give_way) to the
    /// same `turns` (the app's store, so a save never waits behind a whole import).
    pub fn write_first(&mut self, turns: &WriteTurns) {
        self.turn = Some(turns::Turn::First(turns.clone()));
    }

    /// This store begins a write only when no store that writes first on `turns` is waiting for
    /// the lock (an import or other long job on a worker thread).
    pub fn give_way(&mut self, turns: &WriteTurns) {
        self.turn = Some(turns::Turn::GiveWay(turns.clone()));
    }

    /// How much of the database this connection keeps in memory (SQLite's page cache), in MB;
    /// 32 MB unless changed. The app's reading threads use less: the operating system caches the
    /// file for all of them.
    pub fn set_cache_mb(&self, mb: u32) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "cache_size", -(i64::from(mb) * 1000))?;
        Ok(())
    }

    /// Copies the write-ahead log into the database file (so its size is the data's size).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Merges a step's worth (about [`TIDY_PAGES`] pages written, one short transaction) of
    /// the full-text index's segments into one, when they are worth merging (see [`TIDY_FROM`]:
    /// many segments, or small ones that add up to a good part of the largest, as after an
    /// import). Returns whether it merged anything: called until it returns false, it finishes
    /// the merge it started. A word is looked up once per segment, so a merged index searches
    /// fastest; but merging rewrites the largest segment, so a few saves' small segments are
    /// left to FTS5's own merging as it writes. The app runs it on a worker after opening a
    /// database and after an import; the benchmark after building.
    pub fn tidy_index(&mut self) -> Result<bool, StoreError> {
        if !self.tidying {
            let mut sizes = self.index_segment_sizes()?;
            sizes.sort_unstable();
            let largest = sizes.pop().unwrap_or(0);
            let rest: u64 = sizes.iter().sum();
            let worth = sizes.len() >= TIDY_FROM && (sizes.len() >= TIDY_MANY || rest * TIDY_SHARE >= largest);
            if !worth {
                return Ok(false);
            }
            self.tidying = true;
        }
        let tx = self.write()?;
        let before = tx.total_changes();
        // A negative amount merges segments on any level, even two (FTS5's 'merge' command).
        tx.execute("INSERT INTO note_fts(note_fts, rank) VALUES ('merge', ?1)", [-TIDY_PAGES])?;
        // Rewriting the index's structure record alone counts one change: nothing was merged.
        let merged = tx.total_changes() - before > 1;
        tx.commit()?;
        self.tidying = merged;
        Ok(merged)
    }

    /// How many segments the full-text index has (1 once merged; imports add more).
    pub fn index_segments(&self) -> Result<u64, StoreError> {
        Ok(self.index_segment_sizes()?.len() as u64)
    }

    /// The size of each segment of the full-text index, in leaf pages (its `_idx` table has a
    /// row per leaf page, in segment order).
    fn index_segment_sizes(&self) -> Result<Vec<u64>, StoreError> {
        let mut statement = self.conn.prepare_cached("SELECT count(*) FROM note_fts_idx GROUP BY segid")?;
        let sizes = statement.query_map([], |r| r.get::<_, i64>(0))?.collect::<Result<Vec<_>, _>>()?;
        Ok(sizes.into_iter().map(|n| n as u64).collect())
    }

    /// [`Self::configure`], tried again while another process holds the file: switching a new
    /// file to write-ahead logging needs a lock that SQLite does not wait for (its busy timeout
    /// does not apply), so two programs creating one database at once would otherwise see
    /// "busy" in one of them.
    fn configure_waiting(&mut self) -> Result<(), StoreError> {
        let started = std::time::Instant::now();
        let mut pause = Duration::from_millis(1);
        loop {
            match self.configure() {
                Err(StoreError::Busy) if started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                done => return done,
            }
        }
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        self.conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // Query plans do not depend on bound values, so rebinding (a new search word, a new
        // LIMIT) never forces SQLite to re-prepare a cached statement.
        self.conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        self.conn.pragma_update(None, "temp_store", "memory")?;
        self.conn.pragma_update(None, "cache_size", -32_000)?;
        let mode: String = self.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
            self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))?;
        }
        // FULL: a save that returned is on disk, even if the operating system crashes next.
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(())
    }

    /// Connection-local helpers that need the schema: the full-text vocabulary (for spelling out
    /// prefixes in searches).
    fn attach_helpers(&mut self) -> Result<(), StoreError> {
        self.conn.execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.note_vocab USING fts5vocab(main, 'note_fts', 'row');",
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An acknowledged save must survive a crash of the operating system or a power cut, not
    /// only of Jevons: WAL with `synchronous = FULL` syncs the log at every commit, and a second
    /// writer waits for its turn instead of failing.
    #[test]
    fn a_file_store_syncs_every_commit_and_waits_for_other_writers() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("durable.db")).unwrap();
        let read = |sql: &str| store.conn.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0)).unwrap();
        assert_eq!(read("PRAGMA journal_mode"), rusqlite::types::Value::Text("wal".into()));
        assert_eq!(read("PRAGMA synchronous"), rusqlite::types::Value::Integer(2), "2 is FULL");
        assert_eq!(read("PRAGMA busy_timeout"), rusqlite::types::Value::Integer(BUSY_TIMEOUT.as_millis() as i64));
    }
}
