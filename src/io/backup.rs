//! Backups of the database file through SQLite's online backup API, and restores that check a
//! backup before anything is replaced.
//!
//! Backups live in `backups/` next to the database unless another place is given. Automatic
//! ones ([`backup_if_due`]: `auto-YYYYMMDD-HHMMSS.db`, made when the newest backup is more than a
//! day old) are kept to the last [`KEEP_AUTOMATIC`]; those made on request ([`backup`]:
//! `jevons-….db`) are never deleted.
//! Every backup is written beside its final name, checked, then renamed into place, so a
//! half-written file never looks like a backup.
//!
//! A restore copies the backup next to the database, checks the copy (`PRAGMA integrity_check`,
//! FTS5 `integrity-check`, `application_id`, `user_version`), and only then moves the current
//! database aside (`jevons.db.replaced-YYYYMMDD-HHMMSS`, with its write-ahead log) and puts the
//! copy in its place. A backup that fails a check is refused and nothing is touched. Close the
//! app before restoring from the command line.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDateTime, Utc};

use super::BackupError;
use crate::store::backup::{checkpoint, copy_database, verify_copy};

/// How many automatic backups are kept.
pub const KEEP_AUTOMATIC: usize = 7;
/// How old the newest backup may be before an automatic one is made.
pub const AUTOMATIC_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

const AUTO_PREFIX: &str = "auto-";
const MANUAL_PREFIX: &str = "jevons-";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// A backup that was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupMade {
    pub path: PathBuf,
    /// Notes in it (live and trashed).
    pub notes: u64,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Notes in the restored database (live and trashed).
    pub notes: u64,
    /// Where the database that was replaced now is (none when there was no database).
    pub replaced: Option<PathBuf>,
}

/// The default folder for backups: `backups/` next to the database.
pub fn default_backups_dir(db: &Path) -> PathBuf {
    match db.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join("backups"),
        _ => PathBuf::from("backups"),
    }
}

/// Backs up the database at `db`: into `to` when it names a new file, into the folder `to` when
/// it is one, or into [`default_backups_dir`] when `to` is `None`.
pub fn backup(db: &Path, to: Option<&Path>) -> Result<BackupMade, BackupError> {
    let target = match to {
        Some(path) if path.is_dir() => unique_name(path, MANUAL_PREFIX),
        Some(path) if path.exists() || path.is_symlink() => return Err(BackupError::Exists { path: path.to_owned() }),
        Some(path) => path.to_owned(),
        None => {
            let folder = default_backups_dir(db);
            fs::create_dir_all(&folder).map_err(|source| BackupError::Write { path: folder.clone(), cause: source })?;
            unique_name(&folder, MANUAL_PREFIX)
        }
    };
    write_backup(db, &target)
}

/// At app start (on a worker thread): backs up the database `jevons.db` in `data_dir` into
/// `data_dir/backups/` when the newest backup there is more than a day old (or there is none),
/// keeping the last [`KEEP_AUTOMATIC`] automatic ones. Returns the new backup's path, or `None`
/// when none was due or there is no database yet.
pub fn backup_if_due(data_dir: &Path) -> Result<Option<PathBuf>, BackupError> {
    let db = data_dir.join(crate::paths::DATABASE_FILE);
    backup_database_if_due(&db, &default_backups_dir(&db))
}

/// [`backup_if_due`] for a database anywhere (the app opened with `--db`), into `backups_dir`
/// (usually [`default_backups_dir`]).
pub fn backup_database_if_due(db: &Path, backups_dir: &Path) -> Result<Option<PathBuf>, BackupError> {
    if !db.is_file() {
        return Ok(None);
    }
    fs::create_dir_all(backups_dir)
        .map_err(|source| BackupError::Write { path: backups_dir.to_owned(), cause: source })?;
    let now = Utc::now().naive_utc();
    let newest = backups_in(backups_dir).into_iter().map(|(_, time, _)| time).max();
    let due = newest.is_none_or(|t| now.signed_duration_since(t).to_std().is_ok_and(|age| age >= AUTOMATIC_EVERY));
    if !due {
        return Ok(None);
    }
    let made = write_backup(db, &unique_name(backups_dir, AUTO_PREFIX))?;
    prune(backups_dir);
    Ok(Some(made.path))
}

/// Backups in a folder: (path, time from the name, automatic?), any order.
fn backups_in(folder: &Path) -> Vec<(PathBuf, NaiveDateTime, bool)> {
    let Ok(entries) = fs::read_dir(folder) else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let (auto, rest) = match (name.strip_prefix(AUTO_PREFIX), name.strip_prefix(MANUAL_PREFIX)) {
                (Some(rest), _) => (true, rest),
                (_, Some(rest)) => (false, rest),
                _ => return None,
            };
            let stamp = rest.strip_suffix(".db")?.get(..15)?;
            let time = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
            entry.file_type().ok()?.is_file().then(|| (entry.path(), time, auto))
        })
        .collect()
}

/// Deletes automatic backups beyond the newest [`KEEP_AUTOMATIC`].
fn prune(folder: &Path) {
    remove_stale_partials(folder);
    let mut automatic: Vec<(PathBuf, NaiveDateTime)> =
        backups_in(folder).into_iter().filter(|(_, _, auto)| *auto).map(|(p, t, _)| (p, t)).collect();
    automatic.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    for (path, _) in automatic.into_iter().skip(KEEP_AUTOMATIC) {
        let _ = fs::remove_file(path);
    }
}

/// Copies left half-written by a program that was closed or killed while backing up: a day
/// old, so a copy another program is writing right now is never touched.
fn remove_stale_partials(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_partial = name.ends_with(".db.partial") || name.ends_with(".db.partial-journal");
        let age = entry.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| t.elapsed().ok());
        if is_partial && age.is_some_and(|age| age >= AUTOMATIC_EVERY) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `prefix` + the current UTC time, numbered when taken: `auto-20250127-140311.db`.
fn unique_name(folder: &Path, prefix: &str) -> PathBuf {
    let stamp = Utc::now().format(STAMP).to_string();
    let mut path = folder.join(format!("{prefix}{stamp}.db"));
    let mut number = 2;
    while path.exists() {
        path = folder.join(format!("{prefix}{stamp}-{number}.db"));
        number += 1;
    }
    path
}

/// `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Copies `db` to `target` (a new file) by way of a checked temporary file beside it.
fn write_backup(db: &Path, target: &Path) -> Result<BackupMade, BackupError> {
    let partial = with_suffix(target, ".partial");
    let _ = fs::remove_file(&partial);
    let result = copy_database(db, &partial)
        .map_err(|source| BackupError::Source { path: db.to_owned(), cause: source })
        .and_then(|()| {
            verify_copy(&partial).map_err(|source| BackupError::Source { path: db.to_owned(), cause: source })
        })
        .and_then(|summary| {
            if target.exists() {
                return Err(BackupError::Exists { path: target.to_owned() });
            }
            fs::rename(&partial, target)
                .map_err(|source| BackupError::Write { path: target.to_owned(), cause: source })?;
            Ok(BackupMade { path: target.to_owned(), notes: summary.notes })
        });
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

/// Replaces the database at `db` with the backup at `from`, after checking the backup. The
/// replaced database is kept beside it (see the module documentation).
pub fn restore(db: &Path, from: &Path) -> Result<Restored, BackupError> {
    let bad = |source| BackupError::BadBackup { path: from.to_owned(), cause: source };
    if !from.is_file() {
        return Err(bad(crate::store::OpenError::Io {
            path: from.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        }));
    }
    if let (Ok(a), Ok(b)) = (fs::canonicalize(db), fs::canonicalize(from))
        && a == b
    {
        return Err(BackupError::SameFile { path: from.to_owned() });
    }
    let incoming = with_suffix(db, ".restoring");
    let _ = fs::remove_file(&incoming);
    let checked = copy_database(from, &incoming).and_then(|()| verify_copy(&incoming));
    let summary = match checked {
        Ok(summary) => summary,
        Err(source) => {
            let _ = fs::remove_file(&incoming);
            return Err(bad(source));
        }
    };
    let replaced = if db.exists() {
        checkpoint(db);
        let stamp = Utc::now().format(STAMP).to_string();
        let mut aside = with_suffix(db, &format!(".replaced-{stamp}"));
        let mut number = 2;
        while aside.exists() {
            aside = with_suffix(db, &format!(".replaced-{stamp}-{number}"));
            number += 1;
        }
        let move_error = |source| BackupError::Write { path: db.to_owned(), cause: source };
        fs::rename(db, &aside).map_err(|e| {
            let _ = fs::remove_file(&incoming);
            move_error(e)
        })?;
        let wal = with_suffix(db, "-wal");
        if wal.exists() {
            let _ = fs::rename(&wal, with_suffix(&aside, "-wal"));
        }
        let _ = fs::remove_file(with_suffix(db, "-shm"));
        Some(aside)
    } else {
        None
    };
    if let Err(source) = fs::rename(&incoming, db) {
        if let Some(aside) = &replaced {
            let _ = fs::rename(aside, db);
        }
        let _ = fs::remove_file(&incoming);
        return Err(BackupError::Write { path: db.to_owned(), cause: source });
    }
    Ok(Restored { notes: summary.notes, replaced })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_backup_names_count_as_backups() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["auto-20250101-000000.db", "jevons-20250102-000000-2.db", "notes.db", "auto-bad.db", "x.txt"] {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        let mut found: Vec<String> = backups_in(dir.path())
            .into_iter()
            .map(|(p, _, auto)| format!("{}:{auto}", p.file_name().unwrap().to_string_lossy()))
            .collect();
        found.sort();
        assert_eq!(found, ["auto-20250101-000000.db:true", "jevons-20250102-000000-2.db:false"]);
    }

    #[test]
    fn pruning_keeps_the_newest_automatic_backups_and_every_other_file() {
        let dir = tempfile::tempdir().unwrap();
        for day in 1..=10 {
            fs::write(dir.path().join(format!("auto-202501{day:02}-000000.db")), b"x").unwrap();
        }
        fs::write(dir.path().join("jevons-20240101-000000.db"), b"x").unwrap();
        fs::write(dir.path().join("mine.db"), b"x").unwrap();
        prune(dir.path());
        let mut left: Vec<String> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        let mut expected: Vec<String> = (4..=10).map(|d| format!("auto-202501{d:02}-000000.db")).collect();
        expected.extend(["jevons-20240101-000000.db".to_owned(), "mine.db".to_owned()]);
        assert_eq!(left, expected);
    }
}
