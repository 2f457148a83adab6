//! The backups folder: which files are backups (by name), new names for new ones, which
//! automatic backups to delete to stay within the budget, and what the folder holds.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, Utc};

/// Automatic backups: `auto-YYYYMMDD-HHMMSS.db.zst` (or `.db`, made by older versions).
pub const AUTO_PREFIX: &str = "auto-";
/// Backups made on request: `jevons-YYYYMMDD-HHMMSS.db`; never deleted by Jevons.
pub const MANUAL_PREFIX: &str = "jevons-";
pub const PLAIN: &str = ".db";
pub const COMPRESSED: &str = ".db.zst";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// One backup in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub path: PathBuf,
    /// When it was made (from its name, UTC).
    pub time: NaiveDateTime,
    pub automatic: bool,
    pub bytes: u64,
}

/// The backups in `folder`, newest first (files only; other names are not backups).
pub fn list(folder: &Path) -> Vec<Kept> {
    let Ok(entries) = fs::read_dir(folder) else { return Vec::new() };
    let mut kept: Vec<Kept> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let (automatic, rest) = match (name.strip_prefix(AUTO_PREFIX), name.strip_prefix(MANUAL_PREFIX)) {
                (Some(rest), _) => (true, rest),
                (_, Some(rest)) => (false, rest),
                _ => return None,
            };
            let stem = rest.strip_suffix(COMPRESSED).or_else(|| rest.strip_suffix(PLAIN))?;
            let time = NaiveDateTime::parse_from_str(stem.get(..15)?, STAMP).ok()?;
            let meta = entry.metadata().ok().filter(fs::Metadata::is_file)?;
            Some(Kept { path: entry.path(), time, automatic, bytes: meta.len() })
        })
        .collect();
    kept.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.path.cmp(&a.path)));
    kept
}

/// The automatic backups to delete, oldest first dropped: going from the newest back, every one
/// past `keep_at_most`, or past the point where they together take more than `budget` bytes.
/// The newest automatic backup is always kept, and backups made on request are never deleted.
pub fn beyond_budget(kept: &[Kept], budget: u64, keep_at_most: usize) -> Vec<PathBuf> {
    let mut total = 0u64;
    let mut over = false;
    let mut remove = Vec::new();
    for (index, backup) in kept.iter().filter(|k| k.automatic).enumerate() {
        total = total.saturating_add(backup.bytes);
        over = over || (index > 0 && (total > budget || index >= keep_at_most));
        if over {
            remove.push(backup.path.clone());
        }
    }
    remove
}

/// `prefix` + the current UTC time + `extension`, numbered when taken: `auto-20250127-140311.db.zst`.
pub fn unique_name(folder: &Path, prefix: &str, extension: &str) -> PathBuf {
    let stamp = Utc::now().format(STAMP).to_string();
    let mut path = folder.join(format!("{prefix}{stamp}{extension}"));
    let mut number = 2;
    while path.exists() || path.is_symlink() {
        path = folder.join(format!("{prefix}{stamp}-{number}{extension}"));
        number += 1;
    }
    path
}

/// A name for the database `db` moved aside by a restore: `jevons.db.replaced-YYYYMMDD-HHMMSS`.
pub fn replaced_name(db: &Path) -> PathBuf {
    let stamp = Utc::now().format(STAMP).to_string();
    let mut path = with_suffix(db, &format!(".replaced-{stamp}"));
    let mut number = 2;
    while path.exists() || path.is_symlink() {
        path = with_suffix(db, &format!(".replaced-{stamp}-{number}"));
        number += 1;
    }
    path
}

/// `path` with `suffix` added to its file name.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Copies left half-written by a program that was closed or killed while backing up: a day
/// old, so a copy another program is writing right now is never touched.
pub fn remove_stale_partials(folder: &Path, older_than: std::time::Duration) {
    let Ok(entries) = fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_partial = name.ends_with(".partial") || name.ends_with(".partial-journal");
        let age = entry.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| t.elapsed().ok());
        if is_partial && age.is_some_and(|age| age >= older_than) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(name: &str, bytes: u64) -> Kept {
        let automatic = name.starts_with(AUTO_PREFIX);
        let time = NaiveDateTime::parse_from_str(&name[name.find('-').unwrap() + 1..][..15], STAMP).unwrap();
        Kept { path: PathBuf::from(name), time, automatic, bytes }
    }

    #[test]
    fn only_backup_names_count_as_backups_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "auto-20250101-000000.db",
            "auto-20250103-000000.db.zst",
            "jevons-20250102-000000-2.db",
            "notes.db",
            "auto-bad.db",
            "auto-20250104-000000.db.zst.partial",
            "budget.json",
        ] {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        let found: Vec<String> = list(dir.path())
            .into_iter()
            .map(|k| format!("{}:{}", k.path.file_name().unwrap().to_string_lossy(), k.automatic))
            .collect();
        assert_eq!(
            found,
            ["auto-20250103-000000.db.zst:true", "jevons-20250102-000000-2.db:false", "auto-20250101-000000.db:true"]
        );
    }

    #[test]
    fn the_oldest_automatic_backups_go_first_to_stay_within_the_budget() {
        let backups = [
            kept("auto-20250110-000000.db.zst", 40),
            kept("jevons-20250109-000000.db", 1_000),
            kept("auto-20250109-000000.db.zst", 40),
            kept("auto-20250108-000000.db.zst", 40),
            kept("auto-20250107-000000.db", 40),
        ];
        let names = |paths: Vec<PathBuf>| paths.into_iter().map(|p| p.display().to_string()).collect::<Vec<_>>();
        assert_eq!(names(beyond_budget(&backups, 1_000, 7)), Vec::<String>::new());
        assert_eq!(
            names(beyond_budget(&backups, 100, 7)),
            ["auto-20250108-000000.db.zst", "auto-20250107-000000.db"],
            "manual backups do not count, the oldest automatic go first"
        );
        assert_eq!(names(beyond_budget(&backups, 1_000, 2)).len(), 2, "never more than the count");
        assert_eq!(names(beyond_budget(&backups, 10, 7)).len(), 3, "the newest stays even over budget");
        // Once one is over, every older one goes, even a small one that would fit.
        let mixed = [
            kept("auto-20250110-000000.db.zst", 40),
            kept("auto-20250109-000000.db", 90),
            kept("auto-20250108-000000.db.zst", 5),
        ];
        assert_eq!(names(beyond_budget(&mixed, 100, 7)), ["auto-20250109-000000.db", "auto-20250108-000000.db.zst"]);
    }
}
