//! Turning a database file into an encrypted one ([`encrypt`]), back into a plain one
//! ([`decrypt`]), or changing its passphrase ([`rekey`]), each as a whole new file that replaces
//! the old one only once it is complete and checked:
//!
//! 1. the write-ahead log is copied into the database (so the file is all there is);
//! 2. SQLCipher's `sqlcipher_export` writes every table, index and the full-text index into a
//!    new file beside it (`NAME.sealing`, readable by its owner only), encrypted with the new key
//!    (or plain, for `decrypt`), in one transaction that keeps other writers out;
//! 3. the new file is opened on its own with its key and must pass `integrity_check`,
//!    `cipher_integrity_check` (every page's HMAC), FTS5's `integrity-check`, and hold as many
//!    notes as the original;
//! 4. it is synced to the disk, renamed over the original in one step, and the folder synced.
//!
//! Until that rename the original is untouched: a crash or a full disk at any moment leaves it
//! readable with its old key (or none), and what is left of the new file is removed by the next
//! run. Another program with the database open would keep writing to the old file, so the work
//! is refused while one has it open (its write-ahead log is still there once ours is closed).

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::cipher::{self, Key};
use super::error::OpenError;
use super::{BUSY_TIMEOUT, open};

/// How often the size of the new file is reported while it is written.
const PROGRESS_EVERY: Duration = Duration::from_millis(200);

/// What is being done, and how far along: `done` of `total` bytes while copying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SealProgress {
    pub phase: SealPhase,
    pub done: u64,
    pub total: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealPhase {
    /// Writing the new file (its size so far, of about the original's).
    Copying,
    /// Checking the new file.
    Checking,
    /// Putting the new file in place of the original.
    Replacing,
}

/// What was done: the notes in the new file and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sealed {
    pub notes: u64,
    pub bytes: u64,
}

/// Encrypts the plain database at `path` with `key` (see the module documentation).
pub fn encrypt(path: &Path, key: &Key, progress: &(dyn Fn(SealProgress) + Sync)) -> Result<Sealed, OpenError> {
    transform(path, None, Some(key), progress)
}

/// Turns the encrypted database at `path` (whose key is `key`) back into a plain one.
pub fn decrypt(path: &Path, key: &Key, progress: &(dyn Fn(SealProgress) + Sync)) -> Result<Sealed, OpenError> {
    transform(path, Some(key), None, progress)
}

/// Changes the key of the encrypted database at `path` from `old` to `new`, atomically: the
/// file holds either key, never a mix.
pub fn rekey(path: &Path, old: &Key, new: &Key, progress: &(dyn Fn(SealProgress) + Sync)) -> Result<Sealed, OpenError> {
    transform(path, Some(old), Some(new), progress)
}

/// The new file's name: `NAME.sealing` beside the database.
pub fn work_file(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".sealing");
    PathBuf::from(name)
}

fn transform(
    path: &Path,
    from: Option<&Key>,
    to: Option<&Key>,
    progress: &(dyn Fn(SealProgress) + Sync),
) -> Result<Sealed, OpenError> {
    let encrypted = open::inspect(path)?;
    if !path.is_file() {
        let source = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        return Err(OpenError::Io { path: path.to_owned(), source });
    }
    match (encrypted, from) {
        (true, None) => return Err(OpenError::Encrypted { path: path.to_owned() }),
        (false, Some(_)) => return Err(OpenError::NotEncrypted { path: path.to_owned() }),
        (true, Some(key)) => open::check_key(path, key)?,
        _ => {}
    }
    let work = work_file(path);
    remove_work(&work);
    let result = copy_and_check(path, from, to, &work, progress).and_then(|sealed| {
        progress(SealProgress { phase: SealPhase::Replacing, done: 0, total: 0 });
        replace(path, &work)?;
        Ok(sealed)
    });
    if result.is_err() {
        remove_work(&work);
    }
    result
}

/// Steps 1 to 3: the new file at `work`, checked; the original untouched.
fn copy_and_check(
    path: &Path,
    from: Option<&Key>,
    to: Option<&Key>,
    work: &Path,
    progress: &(dyn Fn(SealProgress) + Sync),
) -> Result<Sealed, OpenError> {
    let store_error = |at: &Path| {
        let at = at.to_owned();
        move |e: rusqlite::Error| OpenError::Store { path: at.clone(), source: e.into() }
    };
    let source = open::connect_keyed(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX, from)
        .map_err(store_error(path))?;
    source.busy_timeout(BUSY_TIMEOUT).map_err(store_error(path))?;
    open::check_identity(&source, path, from.is_some())?;
    source.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).map_err(store_error(path))?;
    let notes = count_notes(&source).map_err(store_error(path))?;
    let total = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    create_private(work).map_err(|source| OpenError::Io { path: work.to_owned(), source })?;
    let work_text = work.to_str().ok_or_else(|| OpenError::Io {
        path: work.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path is not valid UTF-8"),
    })?;
    source
        .execute("ATTACH DATABASE ?1 AS sealed KEY ?2", [work_text, to.map_or("", cipher::secret)])
        .map_err(store_error(work))?;
    let copying = AtomicBool::new(true);
    let exported = std::thread::scope(|scope| {
        scope.spawn(|| {
            while copying.load(Ordering::Relaxed) {
                let done = std::fs::metadata(work).map(|m| m.len()).unwrap_or(0);
                progress(SealProgress { phase: SealPhase::Copying, done, total });
                std::thread::sleep(PROGRESS_EVERY);
            }
        });
        let exported = export(&source);
        copying.store(false, Ordering::Relaxed);
        exported
    });
    exported.map_err(store_error(work))?;
    source.execute_batch("DETACH DATABASE sealed").map_err(store_error(work))?;
    source.close().map_err(|(_, e)| store_error(path)(e))?;
    if open::has_wal(path) {
        return Err(OpenError::InUse { path: path.to_owned() });
    }
    progress(SealProgress { phase: SealPhase::Checking, done: 0, total: 0 });
    let checked = check(work, to).map_err(|detail| OpenError::Damaged { path: work.to_owned(), detail })?;
    if checked != notes {
        let detail = format!("the new file holds {checked} notes where the database holds {notes}");
        return Err(OpenError::Damaged { path: work.to_owned(), detail });
    }
    let bytes = std::fs::metadata(work).map(|m| m.len()).unwrap_or(0);
    Ok(Sealed { notes, bytes })
}

/// Copies `main` into `sealed` in one transaction (which keeps other writers out), with the
/// identity and schema version `sqlcipher_export` leaves behind.
fn export(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let done = (|| {
        conn.query_row("SELECT sqlcipher_export('sealed')", [], |_| Ok(()))?;
        let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        let (app_id, version) = (read("PRAGMA main.application_id")?, read("PRAGMA main.user_version")?);
        conn.pragma_update(Some("sealed"), "application_id", app_id)?;
        conn.pragma_update(Some("sealed"), "user_version", version)?;
        conn.execute_batch("COMMIT")
    })();
    if done.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    done
}

/// Step 3: the new file on its own, with its key: SQLite's, SQLCipher's and FTS5's checks.
/// Returns its note count.
fn check(work: &Path, key: Option<&Key>) -> Result<u64, String> {
    let conn = open::connect_keyed(work, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX, key)
        .map_err(|e| e.to_string())?;
    let lines = |sql: &str| -> Result<Vec<String>, String> {
        let mut statement = conn.prepare(sql).map_err(|e| e.to_string())?;
        let rows = statement.query_map([], |r| r.get::<_, String>(0)).map_err(|e| e.to_string())?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string())
    };
    let integrity = lines("PRAGMA integrity_check")?;
    if integrity.iter().any(|l| l != "ok") {
        return Err(integrity.join("; "));
    }
    if key.is_some() {
        let pages = lines("PRAGMA cipher_integrity_check")?;
        if !pages.is_empty() {
            return Err(pages.join("; "));
        }
    }
    conn.execute("INSERT INTO note_fts(note_fts, rank) VALUES ('integrity-check', 1)", [])
        .map_err(|e| format!("full-text index: {e}"))?;
    let notes = count_notes(&conn).map_err(|e| e.to_string())?;
    conn.close().map_err(|(_, e)| e.to_string())?;
    Ok(notes)
}

fn count_notes(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row("SELECT count(*) FROM note", [], |r| r.get(0))
}

/// Step 4: the checked file, synced, takes the original's name in one rename; the folder is
/// synced so the rename itself survives a power cut.
fn replace(path: &Path, work: &Path) -> Result<(), OpenError> {
    let io = |at: &Path| {
        let at = at.to_owned();
        move |source: std::io::Error| OpenError::Io { path: at.clone(), source }
    };
    File::open(work).and_then(|f| f.sync_all()).map_err(io(work))?;
    std::fs::rename(work, path).map_err(io(path))?;
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
        File::open(folder).and_then(|f| f.sync_all()).map_err(io(folder))?;
    }
    Ok(())
}

/// A new empty file only its owner may read (SQLite keeps an existing file's permissions).
fn create_private(path: &Path) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

/// Removes what a run left of its new file (after an error, or a crash of an earlier run).
fn remove_work(work: &Path) {
    let mut journal = work.as_os_str().to_owned();
    journal.push("-journal");
    for leftover in [work.as_os_str(), journal.as_os_str()] {
        let _ = std::fs::remove_file(leftover);
    }
}
