//! Database files as a whole: copies through SQLite's online backup API (a consistent snapshot
//! even while the app writes), compacted copies (`VACUUM INTO`), the checks a copy must pass
//! before it may replace a database, and the replacement itself ([`replace_content`]), which
//! goes through SQLite's locks so that other programs with the database open never see a file
//! swapped underneath them.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::cipher::Key;
use super::error::OpenError;
use super::schema::{APPLICATION_ID, CURRENT_VERSION};
use super::{StoreError, open};

/// Pages copied per step: all of them (-1). The copy reads one snapshot, and in WAL mode other
/// connections go on writing meanwhile; copying in slices instead would start over after every
/// write made elsewhere (a note saved while a large database is backed up), and might never end.
const PAGES_PER_STEP: i32 = -1;
/// How many times in a row a step may find the source busy before the copy gives up.
const BUSY_STEPS: u32 = 200;
/// How long a restore waits for the live database's write lock (other programs' writes are short).
const LOCK_WAIT: Duration = Duration::from_secs(30);
/// The page cache of the connections that copy and check a whole database, in KB: they read each
/// page about once, and the operating system caches the file; a backup runs beside the app's
/// searches, whose memory it would add to.
const WHOLE_FILE_CACHE_KB: i64 = 512;

/// What a verified database file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSummary {
    pub schema: i64,
    pub notes: u64,
}

/// Opens the Jevons database at `from` read-only, to copy it: refuses a missing file, a foreign
/// one, and anything that is not a regular file.
fn open_source(from: &Path) -> Result<(Connection, Option<Key>), OpenError> {
    let key = open::key_for(from, open::inspect(from)?, None)?;
    let wrap = |e: rusqlite::Error| OpenError::Store { path: from.to_owned(), source: e.into() };
    if !from.is_file() {
        return Err(OpenError::Io {
            path: from.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let source = open::connect_keyed(from, flags, key.as_ref()).map_err(wrap)?;
    source.busy_timeout(Duration::from_secs(10)).map_err(wrap)?;
    open::check_identity(&source, from, key.is_some())?;
    small_cache(&source).map_err(wrap)?;
    Ok((source, key))
}

/// Keeps the page cache of a connection that reads a whole file small ([`WHOLE_FILE_CACHE_KB`]).
fn small_cache(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "cache_size", -WHOLE_FILE_CACHE_KB)
}

/// Copies the database at `from` into a new file `to` with the online backup API. The source is
/// opened read-only and is never written; `to` must not exist yet. The copy of an encrypted
/// database is encrypted with the same key.
pub fn copy_database(from: &Path, to: &Path) -> Result<(), OpenError> {
    let (source, key) = open_source(from)?;
    copy(&source, to, key.as_ref()).map_err(|source| OpenError::Store { path: to.to_owned(), source })
}

fn copy(source: &Connection, to: &Path, key: Option<&Key>) -> Result<(), StoreError> {
    let mut target = open::connect_keyed(
        to,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        key,
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
    let key = open::key_for(path, open::inspect(path)?, None)?;
    let damaged = |e: rusqlite::Error| OpenError::Damaged { path: path.to_owned(), detail: e.to_string() };
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = open::connect_keyed(path, flags, key.as_ref()).map_err(damaged)?;
    open::check_identity(&conn, path, key.is_some())?;
    small_cache(&conn).map_err(damaged)?;
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

/// Writes a compacted copy of the database at `from` into the new file `to` (`VACUUM INTO`: no
/// free pages, tables and indexes rewritten in order, so the copy is as small as the data and
/// compresses well). The source is opened read-only and is never written; the copy is one
/// snapshot even while other programs write.
pub fn compact_into(from: &Path, to: &Path) -> Result<(), OpenError> {
    let (source, key) = open_source(from)?;
    // A relative name reaches SQLite as `./name`: never read as a `file:` URI.
    let to_sql = if to.is_relative() { Path::new(".").join(to) } else { to.to_owned() };
    let target = to_sql.to_str().ok_or_else(|| OpenError::Io {
        path: to.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path is not valid UTF-8"),
    })?;
    let into = |e: rusqlite::Error| OpenError::Store { path: to.to_owned(), source: e.into() };
    source.execute("VACUUM INTO ?1", [target]).map_err(into)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let copy = open::connect_keyed(to, flags, key.as_ref()).map_err(into)?;
    // A copy is one self-contained file: no write-ahead log beside it.
    copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0)).map_err(into)?;
    copy.close().map_err(|(_, e)| into(e))
}

/// Replaces what the database at `live` holds with the database at `incoming` (a private,
/// verified copy), and keeps what it held in the new file `kept`, through SQLite's own locks:
///
/// 1. the online backup API into `live` takes its write lock at the first step and holds it to
///    the last, so no other connection commits meanwhile;
/// 2. while the lock is held, `kept` is copied from what `live` holds: every write any program
///    was told was saved is in it;
/// 3. the last step writes the rest and commits. Every other connection then sees the new
///    content as one transaction: no file is moved, so none is left reading a stale one.
///
/// Other programs' writes wait for the lock (their busy timeout) or fail as "busy", never as
/// "malformed". On any error nothing in `live` changes and `kept` is removed.
pub fn replace_content(live: &Path, incoming: &Path, kept: &Path) -> Result<(), OpenError> {
    let at = |path: &Path| {
        let path = path.to_owned();
        move |e: rusqlite::Error| OpenError::Store { path: path.clone(), source: e.into() }
    };
    let incoming_key = open::key_for(incoming, open::inspect(incoming)?, None)?;
    let source = open::connect_keyed(
        incoming,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        incoming_key.as_ref(),
    )
    .map_err(at(incoming))?;
    let pages: i64 = source.query_row("PRAGMA page_count", [], |r| r.get(0)).map_err(at(incoming))?;
    if pages < 2 {
        // The first step below must leave work for a second one (it copies one page).
        return Err(OpenError::Damaged { path: incoming.to_owned(), detail: format!("only {pages} page") });
    }
    let live_key = open::key_for(live, open::inspect(live)?, None)?;
    let mut target = open::connect_keyed(
        live,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        live_key.as_ref(),
    )
    .map_err(at(live))?;
    target.busy_timeout(LOCK_WAIT).map_err(at(live))?;
    open::check_identity(&target, live, live_key.is_some())?;
    // Written beside its name and renamed once whole: a restore stopped halfway leaves no
    // half-written copy under a name that promises a database.
    let mut partial = kept.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let result = {
        let backup = Backup::new(&source, &mut target).map_err(at(live))?;
        step_holding_lock(&backup, 1)
            .map_err(|e| OpenError::Store { path: live.to_owned(), source: e })
            .and_then(|done| {
                if done {
                    return Err(OpenError::Damaged { path: incoming.to_owned(), detail: "copied in one page".into() });
                }
                copy_database(live, &partial)?;
                std::fs::rename(&partial, kept).map_err(|source| OpenError::Io { path: kept.to_owned(), source })
            })
            .and_then(|()| {
                step_holding_lock(&backup, PAGES_PER_STEP)
                    .map_err(|e| OpenError::Store { path: live.to_owned(), source: e })
            })
        // Dropping an unfinished backup rolls back what it wrote into `live`.
    };
    if result.is_err() {
        let mut journal = partial.as_os_str().to_owned();
        journal.push("-journal");
        for leftover in [kept.as_os_str(), partial.as_os_str(), journal.as_os_str()] {
            let _ = std::fs::remove_file(leftover);
        }
    }
    result?;
    target.close().map_err(|(_, e)| at(live)(e))
}

/// Steps `backup` by `pages` (all when -1), waiting while the destination is locked by another
/// connection. True once the copy is complete.
fn step_holding_lock(backup: &Backup<'_, '_>, pages: i32) -> Result<bool, StoreError> {
    let started = Instant::now();
    loop {
        match backup.step(pages)? {
            StepResult::Done => return Ok(true),
            StepResult::More => return Ok(false),
            StepResult::Busy | StepResult::Locked if started.elapsed() < LOCK_WAIT => {
                thread::sleep(Duration::from_millis(20));
            }
            _ => return Err(StoreError::Busy),
        }
    }
}
