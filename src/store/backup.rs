//! Database files as a whole: copies through SQLite's online backup API (a consistent snapshot
//! even while the app writes), and the checks a copy must pass before it may replace a database.

use std::path::Path;
use std::thread;
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::error::OpenError;
use super::schema::{APPLICATION_ID, CURRENT_VERSION};
use super::{StoreError, open};

/// Pages copied per step: all of them (-1). The copy reads one snapshot, and in WAL mode other
/// connections go on writing meanwhile; copying in slices instead would start over after every
/// write made elsewhere (a note saved while a large database is backed up), and might never end.
const PAGES_PER_STEP: i32 = -1;
/// How many times in a row a step may find the source busy before the copy gives up.
const BUSY_STEPS: u32 = 200;

/// What a verified database file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSummary {
    pub schema: i64,
    pub notes: u64,
}

/// Copies the database at `from` into a new file `to` with the online backup API. The source is
/// opened read-only and is never written; `to` must not exist yet.
pub fn copy_database(from: &Path, to: &Path) -> Result<(), OpenError> {
    open::inspect(from)?;
    let wrap = |e: rusqlite::Error| OpenError::Store { path: from.to_owned(), source: e.into() };
    if !from.is_file() {
        return Err(OpenError::Io {
            path: from.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        });
    }
    let source =
        open::connect(from, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(wrap)?;
    source.busy_timeout(Duration::from_secs(10)).map_err(wrap)?;
    open::check_identity(&source, from)?;
    copy(&source, to).map_err(|source| OpenError::Store { path: to.to_owned(), source })
}

fn copy(source: &Connection, to: &Path) -> Result<(), StoreError> {
    let mut target = open::connect(
        to,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    {
        let backup = Backup::new(source, &mut target)?;
        let mut busy = 0;
        loop {
            match backup.step(PAGES_PER_STEP)? {
                StepResult::Done => break,
                StepResult::More => busy = 0,
                StepResult::Busy | StepResult::Locked => {
                    busy += 1;
                    if busy > BUSY_STEPS {
                        return Err(StoreError::Busy);
                    }
                    thread::sleep(Duration::from_millis(50));
                }
                _ => thread::sleep(Duration::from_millis(50)),
            }
        }
    }
    // A copy is one self-contained file: no write-ahead log beside it.
    target.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0))?;
    target.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// Checks that a file is a whole Jevons database this build can open: a SQLite file marked as
/// Jevons (`application_id`), a schema no newer than this build's (`user_version`), SQLite's
/// `integrity_check` and FTS5's `integrity-check`. Meant for a private copy (the full-text check
/// needs a writable connection); nothing in the file is changed.
pub fn verify_copy(path: &Path) -> Result<FileSummary, OpenError> {
    open::inspect(path)?;
    let damaged = |e: rusqlite::Error| OpenError::Damaged { path: path.to_owned(), detail: e.to_string() };
    let conn =
        open::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(damaged)?;
    open::check_identity(&conn, path)?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(damaged)?;
    if app_id != APPLICATION_ID {
        return Err(OpenError::Foreign { path: path.to_owned() });
    }
    let schema: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(damaged)?;
    if schema > CURRENT_VERSION {
        return Err(OpenError::NewerSchema { path: path.to_owned(), found: schema, known: CURRENT_VERSION });
    }
    let mut stmt = conn.prepare("PRAGMA integrity_check").map_err(damaged)?;
    let lines: Vec<String> =
        stmt.query_map([], |r| r.get(0)).map_err(damaged)?.collect::<Result<_, _>>().map_err(damaged)?;
    if lines.iter().any(|l| l != "ok") {
        return Err(OpenError::Damaged { path: path.to_owned(), detail: lines.join("; ") });
    }
    conn.execute("INSERT INTO note_fts(note_fts, rank) VALUES ('integrity-check', 1)", [])
        .map_err(|e| OpenError::Damaged { path: path.to_owned(), detail: format!("full-text index: {e}") })?;
    let notes: u64 = conn.query_row("SELECT count(*) FROM note", [], |r| r.get(0)).map_err(damaged)?;
    Ok(FileSummary { schema, notes })
}

/// Folds the write-ahead log of the database at `path` into the main file, so the file alone
/// holds everything (before it is moved aside). Best effort: a damaged file is left as it is.
pub fn checkpoint(path: &Path) -> bool {
    let Ok(conn) = open::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX) else {
        return false;
    };
    let _ = conn.busy_timeout(Duration::from_secs(5));
    let folded =
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get::<_, i64>(0)).is_ok_and(|busy| busy == 0);
    conn.close().is_ok() && folded
}
