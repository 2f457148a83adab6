//! Backups of the database file, and restores that check a backup before anything changes.
//!
//! Backups live in `backups/` next to the database unless another place is given.
//! - Automatic ones ([`backup_if_due`], [`automatic_backup`]: `auto-YYYYMMDD-HHMMSS.db.zst`,
//!   made when the newest backup is more than a day old) are as small as a restorable copy can
//!   be: compacted (`VACUUM INTO`), checked, compressed with zstd, and compared byte for byte
//!   with the checked copy before they count. None starts without the free space it needs
//!   ([`budget::room_needed`]); once a new one is in place, the oldest are deleted until they
//!   take no more than their [`Budget`] (a share of the room they have), at most
//!   [`KEEP_AUTOMATIC`], the newest always kept.
//! - Those made on request ([`backup`]: `jevons-….db`) are plain SQLite files, never deleted.
//!
//! Every backup is written beside its final name (`.partial`), checked, then renamed into place,
//! so a half-written file never looks like a backup.
//!
//! A restore ([`restore`]) reads a backup, plain or compressed, into a private copy next to the
//! database and checks it (`integrity_check`, FTS5 `integrity-check`, `application_id`,
//! `user_version`); a backup that fails is refused and nothing is touched. It then replaces the
//! database's content through SQLite's own locks ([`replace_content`]): what the database held,
//! up to the moment of the switch and including what other programs wrote, is kept beside it as
//! `jevons.db.replaced-YYYYMMDD-HHMMSS`, and programs that have it open carry on with the
//! restored content. A database given as a symbolic link is restored in the link's target; the
//! link stays a link.

pub mod budget;
mod folder;
mod zst;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use serde::Serialize;

pub use budget::Budget;
pub use folder::Kept;

use super::BackupError;
use crate::store::OpenError;
use crate::store::backup::{compact_into, copy_database, replace_content, verify_copy};
use folder::{AUTO_PREFIX, COMPRESSED, MANUAL_PREFIX, PLAIN, with_suffix};

/// How many automatic backups are kept at most (fewer when the budget is reached first).
pub const KEEP_AUTOMATIC: usize = 7;
/// How old the newest backup may be before an automatic one is made.
pub const AUTOMATIC_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// A backup that was made on request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupMade {
    pub path: PathBuf,
    /// Notes in it (live and trashed).
    pub notes: u64,
}

/// An automatic backup that was made, and what was deleted to stay within the budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutomaticBackup {
    pub path: PathBuf,
    /// Notes in it (live and trashed).
    pub notes: u64,
    /// Its size on the disk (compressed).
    pub bytes: u64,
    /// The size of the database it was made from (with its write-ahead log).
    pub database_bytes: u64,
    /// Older automatic backups deleted after it was verified, oldest last.
    pub removed: Vec<PathBuf>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Notes in the restored database (live and trashed).
    pub notes: u64,
    /// Where what the database held before is kept (none when there was no database).
    pub replaced: Option<PathBuf>,
}

/// Where backups go and how much room they take: what the File menu and `jevons backup --list`
/// show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupSummary {
    pub folder: PathBuf,
    pub automatic: usize,
    pub automatic_bytes: u64,
    pub manual: usize,
    pub manual_bytes: u64,
    /// The share of the room automatic backups may take, in percent.
    pub share_percent: u8,
    /// What that share is now, in bytes.
    pub budget_bytes: u64,
    pub free_bytes: u64,
    /// When the newest backup was made (UTC).
    pub newest: Option<NaiveDateTime>,
}

impl BackupSummary {
    /// One line for people: `3 automatic backups take 1.2 GB of the 4.1 GB allowed (20% of …)`.
    pub fn describe(&self) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let mut line = format!(
            "{} automatic backup{} take{} {} of the {} allowed ({}% of the room they have)",
            self.automatic,
            plural(self.automatic),
            if self.automatic == 1 { "s" } else { "" },
            budget::human(self.automatic_bytes),
            budget::human(self.budget_bytes),
            self.share_percent
        );
        if self.manual > 0 {
            line.push_str(&format!(
                "; {} made on request take{} {}",
                self.manual,
                if self.manual == 1 { "s" } else { "" },
                budget::human(self.manual_bytes)
            ));
        }
        line
    }
}

/// The default folder for backups: `backups/` next to the database.
pub fn default_backups_dir(db: &Path) -> PathBuf {
    match db.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join("backups"),
        _ => PathBuf::from("backups"),
    }
}

/// Backs up the database at `db` as a plain SQLite file: into `to` when it names a new file,
/// into the folder `to` when it is one, or into [`default_backups_dir`] when `to` is `None`.
pub fn backup(db: &Path, to: Option<&Path>) -> Result<BackupMade, BackupError> {
    let target = match to {
        Some(path) if path.is_dir() => folder::unique_name(path, MANUAL_PREFIX, PLAIN),
        Some(path) if path.exists() || path.is_symlink() => return Err(BackupError::Exists { path: path.to_owned() }),
        Some(path) => path.to_owned(),
        None => {
            let folder = default_backups_dir(db);
            fs::create_dir_all(&folder).map_err(|source| BackupError::Write { path: folder.clone(), cause: source })?;
            folder::unique_name(&folder, MANUAL_PREFIX, PLAIN)
        }
    };
    let partial = with_suffix(&target, ".partial");
    let _ = fs::remove_file(&partial);
    let result = copy_database(db, &partial)
        .and_then(|()| verify_copy(&partial))
        .map_err(|source| BackupError::Source { path: db.to_owned(), cause: source })
        .and_then(|summary| {
            if target.exists() {
                return Err(BackupError::Exists { path: target.to_owned() });
            }
            fs::rename(&partial, &target)
                .map_err(|source| BackupError::Write { path: target.to_owned(), cause: source })?;
            Ok(BackupMade { path: target.to_owned(), notes: summary.notes })
        });
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

/// At app start (on a worker thread): an automatic backup of the database `jevons.db` in
/// `data_dir` when one is due (see [`backup_database_if_due`]).
pub fn backup_if_due(data_dir: &Path) -> Result<Option<AutomaticBackup>, BackupError> {
    let db = data_dir.join(crate::database::DATABASE_FILE);
    backup_database_if_due(&db, &default_backups_dir(&db))
}

/// An automatic backup of the database at `db` into `backups_dir` when the newest backup there is
/// more than a day old (or there is none). `None` when none was due or there is no database.
pub fn backup_database_if_due(db: &Path, backups_dir: &Path) -> Result<Option<AutomaticBackup>, BackupError> {
    if !db.is_file() {
        return Ok(None);
    }
    let now = Utc::now().naive_utc();
    let newest = folder::list(backups_dir).first().map(|k| k.time);
    let due = newest.is_none_or(|t| now.signed_duration_since(t).to_std().is_ok_and(|age| age >= AUTOMATIC_EVERY));
    if !due {
        return Ok(None);
    }
    automatic_backup(db, backups_dir, &budget::free_space).map(Some)
}

/// Makes an automatic backup of `db` into `backups_dir` now (see the module documentation).
/// `free_space` measures the free bytes on the disk of a folder ([`budget::free_space`]; tests
/// give their own figure). Fails without writing anything when the room is short, and without
/// deleting any older backup when the new one cannot be made or verified.
pub fn automatic_backup(
    db: &Path,
    backups_dir: &Path,
    free_space: &dyn Fn(&Path) -> io::Result<u64>,
) -> Result<AutomaticBackup, BackupError> {
    let write_error = |path: &Path| {
        let path = path.to_owned();
        move |cause: io::Error| BackupError::Write { path: path.clone(), cause }
    };
    fs::create_dir_all(backups_dir).map_err(write_error(backups_dir))?;
    folder::remove_stale_partials(backups_dir, AUTOMATIC_EVERY);
    let database_bytes = file_len(db) + file_len(&with_suffix(db, "-wal"));
    let last = folder::list(backups_dir)
        .into_iter()
        .find(|k| k.automatic && k.path.to_string_lossy().ends_with(COMPRESSED))
        .map(|k| k.bytes);
    let needed = budget::room_needed(database_bytes, last);
    let free = free_space(backups_dir).map_err(write_error(backups_dir))?;
    if free < needed {
        return Err(BackupError::NoRoom { folder: backups_dir.to_owned(), needed, free });
    }
    let target = folder::unique_name(backups_dir, AUTO_PREFIX, COMPRESSED);
    let copy = with_suffix(&target, ".copy.partial");
    let packed = with_suffix(&target, ".partial");
    let source_error = |cause| BackupError::Source { path: db.to_owned(), cause };
    let made = compact_into(db, &copy).and_then(|()| verify_copy(&copy)).map_err(source_error).and_then(|summary| {
        let bytes = zst::compress(&copy, &packed).map_err(write_error(&packed))?;
        match zst::holds_exactly(&packed, &copy) {
            Ok(true) => {}
            Ok(false) => return Err(BackupError::Unverified { path: target.clone(), detail: "it differs".into() }),
            Err(e) => return Err(BackupError::Unverified { path: target.clone(), detail: e.to_string() }),
        }
        if target.exists() {
            return Err(BackupError::Exists { path: target.clone() });
        }
        fs::rename(&packed, &target).map_err(write_error(&target))?;
        Ok((summary.notes, bytes))
    });
    let _ = fs::remove_file(&copy);
    let _ = fs::remove_file(with_suffix(&copy, "-journal"));
    let (notes, bytes) = made.inspect_err(|_| {
        let _ = fs::remove_file(&packed);
    })?;
    let removed = prune(backups_dir, free_space);
    Ok(AutomaticBackup { path: target, notes, bytes, database_bytes, removed })
}

/// Deletes the automatic backups beyond the budget (see [`folder::beyond_budget`]); none when
/// the free space cannot be measured. Returns what was deleted.
fn prune(backups_dir: &Path, free_space: &dyn Fn(&Path) -> io::Result<u64>) -> Vec<PathBuf> {
    let Ok(free) = free_space(backups_dir) else { return Vec::new() };
    let kept = folder::list(backups_dir);
    let taken = kept.iter().filter(|k| k.automatic).map(|k| k.bytes).sum();
    let allowed = Budget::load(backups_dir).bytes(free, taken);
    folder::beyond_budget(&kept, allowed, KEEP_AUTOMATIC)
        .into_iter()
        .filter(|path| fs::remove_file(path).is_ok())
        .collect()
}

/// Sets the share of the room automatic backups in `backups_dir` may take.
pub fn set_budget(backups_dir: &Path, budget: Budget) -> Result<(), BackupError> {
    budget.save(backups_dir).map_err(|cause| BackupError::Write { path: backups_dir.to_owned(), cause })
}

/// What `backups_dir` holds, its budget and the free space beside it.
pub fn summary(backups_dir: &Path) -> Result<BackupSummary, BackupError> {
    let measured = if backups_dir.is_dir() { backups_dir } else { backups_dir.parent().unwrap_or(Path::new(".")) };
    let free = budget::free_space(measured).map_err(|cause| BackupError::Write { path: measured.to_owned(), cause })?;
    let kept = folder::list(backups_dir);
    let (automatic, manual): (Vec<&Kept>, Vec<&Kept>) = kept.iter().partition(|k| k.automatic);
    let automatic_bytes = automatic.iter().map(|k| k.bytes).sum();
    let budget = Budget::load(backups_dir);
    Ok(BackupSummary {
        folder: backups_dir.to_owned(),
        automatic: automatic.len(),
        automatic_bytes,
        manual: manual.len(),
        manual_bytes: manual.iter().map(|k| k.bytes).sum(),
        share_percent: budget.share_percent,
        budget_bytes: budget.bytes(free, automatic_bytes),
        free_bytes: free,
        newest: kept.first().map(|k| k.time),
    })
}

/// The backups in `backups_dir`, newest first.
pub fn list(backups_dir: &Path) -> Vec<Kept> {
    folder::list(backups_dir)
}

fn file_len(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len())
}

/// Replaces what the database at `db` holds with the backup at `from` (plain or compressed),
/// after checking the backup. What it held is kept beside it (see the module documentation).
pub fn restore(db: &Path, from: &Path) -> Result<Restored, BackupError> {
    let bad = |cause| BackupError::BadBackup { path: from.to_owned(), cause };
    if !from.is_file() {
        return Err(bad(OpenError::Io {
            path: from.to_owned(),
            source: io::Error::new(io::ErrorKind::NotFound, "no such file"),
        }));
    }
    let db = &follow_link(db)?;
    if let (Ok(a), Ok(b)) = (fs::canonicalize(db), fs::canonicalize(from))
        && a == b
    {
        return Err(BackupError::SameFile { path: from.to_owned() });
    }
    let incoming = with_suffix(db, &format!(".restoring-{}", std::process::id()));
    let _ = fs::remove_file(&incoming);
    let read = if zst::is_compressed(from) {
        zst::decompress(from, &incoming).map_err(|source| OpenError::Io { path: from.to_owned(), source })
    } else {
        copy_database(from, &incoming)
    };
    let summary = match read.and_then(|()| verify_copy(&incoming)) {
        Ok(summary) => summary,
        Err(cause) => {
            let _ = fs::remove_file(&incoming);
            return Err(bad(cause));
        }
    };
    let replaced = put_in_place(db, &incoming);
    let _ = fs::remove_file(&incoming);
    Ok(Restored { notes: summary.notes, replaced: replaced? })
}

/// Makes the checked copy `incoming` the database `db`: its content when `db` exists (kept aside
/// first), the file itself when there is none yet.
fn put_in_place(db: &Path, incoming: &Path) -> Result<Option<PathBuf>, BackupError> {
    let write_error = |cause| BackupError::Write { path: db.to_owned(), cause };
    // A link fails when a database appeared meanwhile: that one's content is then replaced.
    match fs::hard_link(incoming, db) {
        Ok(()) => return Ok(None),
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists && !db.exists() && !db.is_symlink() => {
            return fs::rename(incoming, db).map(|()| None).map_err(write_error);
        }
        Err(_) => {}
    }
    let kept = folder::replaced_name(db);
    match replace_content(db, incoming, &kept) {
        Ok(()) => Ok(Some(kept)),
        // A file SQLite cannot read as a database is in no program's use: it is moved aside.
        Err(OpenError::NotSqlite { path } | OpenError::Damaged { path, .. }) if path == db => {
            fs::rename(db, &kept).map_err(write_error)?;
            let wal = with_suffix(db, "-wal");
            if wal.exists() {
                let _ = fs::rename(&wal, with_suffix(&kept, "-wal"));
            }
            let _ = fs::remove_file(with_suffix(db, "-shm"));
            if let Err(cause) = fs::rename(incoming, db) {
                let _ = fs::rename(&kept, db);
                return Err(write_error(cause));
            }
            Ok(Some(kept))
        }
        Err(cause) => Err(BackupError::Replace { path: db.to_owned(), cause }),
    }
}

/// The database a path names: a symbolic link's target (the link itself is never replaced).
fn follow_link(db: &Path) -> Result<PathBuf, BackupError> {
    if !db.is_symlink() {
        return Ok(db.to_owned());
    }
    fs::canonicalize(db).map_err(|_| BackupError::BrokenLink { path: db.to_owned() })
}
