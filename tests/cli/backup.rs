//! Backups through the online backup API; the daily automatic backup, compacted, compressed,
//! verified and kept within its budget; and restores that check a backup (plain or compressed)
//! before anything is replaced, follow a symbolic link, and keep what the database held.

use crate::cli;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use cli::jevons;
use jevons::io::BackupError;
use jevons::io::backup::{self, KEEP_AUTOMATIC};
use jevons::model::NoteDraft;
use jevons::store::Store;

/// A database file with `notes` notes, in a fresh folder.
fn database(notes: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jevons.db");
    let mut store = Store::open(&db).unwrap();
    for i in 0..notes {
        store.create_note(&NoteDraft::new(format!("Note {i}"), "$NVDA body")).unwrap();
    }
    (dir, db)
}

fn live_notes(db: &Path) -> u64 {
    Store::open(db).unwrap().note_counts().unwrap().0
}

fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_backup_is_a_whole_database_made_while_the_store_is_open() {
    let (dir, db) = database(3);
    let open = Store::open(&db).unwrap();
    let made = backup::backup(&db, None).unwrap();
    assert_eq!(made.notes, 3);
    assert_eq!(made.path.parent(), Some(dir.path().join("backups").as_path()));
    assert!(made.path.file_name().unwrap().to_string_lossy().starts_with("jevons-"));
    assert_eq!(live_notes(&made.path), 3);
    assert!(Store::open(&made.path).unwrap().check().unwrap().is_sound());
    drop(open);

    let chosen = dir.path().join("mine.db");
    assert_eq!(backup::backup(&db, Some(&chosen)).unwrap().path, chosen);
    let err = backup::backup(&db, Some(&chosen)).unwrap_err();
    assert!(matches!(err, BackupError::Exists { .. }), "{err}");
}

#[test]
fn automatic_backups_happen_daily_and_keep_the_last_seven() {
    let (dir, db) = database(1);
    let folder = backup::default_backups_dir(&db);
    let first = backup::backup_database_if_due(&db, &folder).unwrap().map(|made| made.path);
    assert!(first.is_some(), "no backup yet: one is made");
    assert_eq!(backup::backup_database_if_due(&db, &folder).unwrap(), None, "the newest is less than a day old");

    let old = dir.path().join("old");
    fs::create_dir(&old).unwrap();
    for day in 1..=9 {
        fs::copy(first.as_ref().unwrap(), old.join(format!("auto-202501{day:02}-080000.db.zst"))).unwrap();
    }
    fs::write(old.join("jevons-20240101-000000.db"), "a backup made on request is never pruned").unwrap();
    let made = backup::backup_database_if_due(&db, &old).unwrap().expect("the newest is older than a day").path;
    let left = names(&old);
    let automatic: Vec<&String> = left.iter().filter(|n| n.starts_with("auto-")).collect();
    assert_eq!(automatic.len(), KEEP_AUTOMATIC);
    assert!(left.contains(&made.file_name().unwrap().to_string_lossy().into_owned()));
    assert!(!left.contains(&"auto-20250103-080000.db.zst".to_owned()), "the oldest went: {left:?}");
    assert!(left.contains(&"jevons-20240101-000000.db".to_owned()));

    let missing = dir.path().join("missing.db");
    assert_eq!(backup::backup_database_if_due(&missing, &folder).unwrap(), None);
}

#[test]
fn the_app_start_helper_backs_up_the_data_directory_once_a_day() {
    let (dir, _db) = database(2);
    let made = backup::backup_if_due(dir.path()).unwrap().expect("no backup yet: one is made");
    assert_eq!(made.path.parent(), Some(dir.path().join("backups").as_path()));
    assert!(made.path.file_name().unwrap().to_string_lossy().starts_with("auto-"));
    assert_eq!(made.notes, 2);
    assert_eq!(backup::backup_if_due(dir.path()).unwrap(), None, "one a day");
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(backup::backup_if_due(empty.path()).unwrap(), None, "no database, no backup");
    assert!(!empty.path().join("backups").exists());
}

#[test]
fn restore_replaces_the_database_and_keeps_the_old_one() {
    let (dir, db) = database(2);
    let made = backup::backup(&db, None).unwrap();
    let mut store = Store::open(&db).unwrap();
    store.create_note(&NoteDraft::new("after the backup", "")).unwrap();
    drop(store);

    let restored = backup::restore(&db, &made.path).unwrap();
    assert_eq!(restored.notes, 2);
    assert_eq!(live_notes(&db), 2);
    let old = restored.replaced.expect("the replaced database is kept");
    assert_eq!(old.parent(), Some(dir.path()));
    assert_eq!(live_notes(&old), 3, "the replaced file holds everything, its log included");
}

#[test]
fn restore_after_deleting_the_database_works() {
    let (_dir, db) = database(4);
    let made = backup::backup(&db, None).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let restored = backup::restore(&db, &made.path).unwrap();
    assert_eq!((restored.notes, restored.replaced), (4, None));
    assert_eq!(live_notes(&db), 4);
    assert!(Store::open(&db).unwrap().check().unwrap().is_sound());
}

#[test]
fn a_damaged_or_foreign_backup_is_refused_and_nothing_is_replaced() {
    let (dir, db) = database(2);
    let good = backup::backup(&db, None).unwrap().path;
    let bytes = fs::read(&good).unwrap();

    let truncated = dir.path().join("truncated.db");
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let garbage = dir.path().join("garbage.db");
    let mut scribbled = bytes.clone();
    for b in scribbled.iter_mut().skip(4096).step_by(7) {
        *b = 0x5A;
    }
    fs::write(&garbage, scribbled).unwrap();
    let text = dir.path().join("notes.txt");
    fs::write(&text, "not a database").unwrap();
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let newer = dir.path().join("newer.db");
    fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let empty = dir.path().join("empty.db");
    fs::write(&empty, "").unwrap();

    let before = fs::read(&db).unwrap();
    for bad in [&truncated, &garbage, &text, &foreign, &newer, &empty, &dir.path().join("missing.db")] {
        let err = backup::restore(&db, bad).unwrap_err();
        assert!(matches!(err, BackupError::BadBackup { .. }), "{}: {err}", bad.display());
        assert!(!err.to_string().contains('\n'), "{err}");
        assert_eq!(fs::read(&db).unwrap(), before, "{}: the database is untouched", bad.display());
    }
    let err = backup::restore(&db, &db).unwrap_err();
    assert!(matches!(err, BackupError::SameFile { .. }), "{err}");
    let leftovers: Vec<String> = names(dir.path()).into_iter().filter(|n| n.contains("restoring")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(live_notes(&db), 2);
}

/// The free space a test says the disk has.
fn free(bytes: u64) -> impl Fn(&Path) -> io::Result<u64> {
    move |_| Ok(bytes)
}

const PLENTY: u64 = 1 << 40;

#[test]
fn an_automatic_backup_is_compacted_compressed_and_restores_whole() {
    let (dir, db) = database(300);
    let mut store = Store::open(&db).unwrap();
    for id in 1..=200 {
        store.trash_note(id).unwrap();
        store.purge_note(id).unwrap();
    }
    drop(store);
    let folder = dir.path().join("backups");
    let made = backup::automatic_backup(&db, &folder, &free(PLENTY)).unwrap();
    assert!(made.path.to_string_lossy().ends_with(".db.zst"), "{}", made.path.display());
    assert_eq!(made.notes, 100);
    assert_eq!(made.bytes, fs::metadata(&made.path).unwrap().len());
    assert!(made.bytes * 2 < made.database_bytes, "{} of {}", made.bytes, made.database_bytes);
    assert_eq!(names(&folder), [made.path.file_name().unwrap().to_string_lossy().into_owned()], "no partials left");

    Store::open(&db).unwrap().create_note(&NoteDraft::new("after the backup", "")).unwrap();
    let restored = backup::restore(&db, &made.path).unwrap();
    assert_eq!(restored.notes, 100);
    assert_eq!(live_notes(&db), 100);
    assert!(Store::open(&db).unwrap().check().unwrap().is_sound());
    assert_eq!(live_notes(&restored.replaced.unwrap()), 101);
}

#[test]
fn no_backup_starts_without_the_room_it_needs() {
    let (dir, db) = database(20);
    let folder = dir.path().join("backups");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("auto-20250101-080000.db.zst"), "an older backup").unwrap();
    let before = names(&folder);
    let size = fs::metadata(&db).unwrap().len();
    let err = backup::automatic_backup(&db, &folder, &free(size)).unwrap_err();
    assert!(matches!(err, BackupError::NoRoom { .. }), "{err}");
    assert!(err.to_string().contains("not enough room"), "{err}");
    assert_eq!(names(&folder), before, "nothing written, nothing deleted");
}

#[test]
fn a_backup_that_fails_its_check_keeps_the_older_ones() {
    let (dir, db) = database(20);
    let folder = dir.path().join("backups");
    fs::create_dir(&folder).unwrap();
    for day in 1..=8 {
        fs::write(folder.join(format!("auto-202501{day:02}-080000.db.zst")), "an older backup").unwrap();
    }
    let before = names(&folder);
    // The full-text index no longer matches the notes: the copy fails FTS5's integrity-check.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("INSERT INTO note_fts(note_fts, rowid, title, body) VALUES ('delete', 1, 'x', 'y')", [])
        .unwrap();
    let err = backup::automatic_backup(&db, &folder, &free(PLENTY)).unwrap_err();
    assert!(matches!(err, BackupError::Source { .. }), "{err}");
    assert_eq!(names(&folder), before, "the older backups stay and no partial file is left");
}

/// A file that says it is `bytes` long (sparse: it takes no room).
fn sized(path: &Path, bytes: u64) {
    fs::File::create(path).unwrap().set_len(bytes).unwrap();
}

#[test]
fn the_oldest_automatic_backups_go_first_to_stay_within_the_budget() {
    let (dir, db) = database(50);
    let folder = dir.path().join("backups");
    fs::create_dir(&folder).unwrap();
    for day in 1..=5 {
        sized(&folder.join(format!("auto-202501{day:02}-080000.db.zst")), 20_000_000);
    }
    sized(&folder.join("jevons-20240101-000000.db"), 500_000_000);
    // 20% of (200 MiB free + 100 MB of automatic backups) is room for the new one and three more.
    backup::set_budget(&folder, backup::Budget { share_percent: 20 }).unwrap();
    let made = backup::automatic_backup(&db, &folder, &free(200 << 20)).unwrap();
    let removed: Vec<String> =
        made.removed.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(removed, ["auto-20250102-080000.db.zst", "auto-20250101-080000.db.zst"], "oldest first");
    let left = names(&folder);
    assert!(left.contains(&made.path.file_name().unwrap().to_string_lossy().into_owned()));
    assert!(left.contains(&"jevons-20240101-000000.db".to_owned()), "made on request: never deleted");
    let summary = backup::summary(&folder).unwrap();
    assert_eq!((summary.share_percent, summary.automatic, summary.manual), (20, 4, 1));
    assert!(summary.describe().starts_with("4 automatic backups take 60 MB of the"), "{}", summary.describe());
}

#[cfg(unix)]
#[test]
fn restore_through_a_symbolic_link_restores_its_target_and_keeps_the_link() {
    let (dir, db) = database(3);
    let made = backup::backup(&db, None).unwrap();
    Store::open(&db).unwrap().create_note(&NoteDraft::new("after the backup", "")).unwrap();
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let restored = backup::restore(&link, &made.path).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
    assert_eq!(live_notes(&db), 3, "the target was restored");
    assert_eq!(live_notes(&link), 3);
    assert_eq!(restored.replaced.as_deref().and_then(Path::parent), Some(dir.path()));
    assert_eq!(live_notes(&restored.replaced.unwrap()), 4);

    let broken = dir.path().join("broken.db");
    std::os::unix::fs::symlink(dir.path().join("gone.db"), &broken).unwrap();
    let err = backup::restore(&broken, &made.path).unwrap_err();
    assert!(matches!(err, BackupError::BrokenLink { .. }), "{err}");
    assert!(fs::symlink_metadata(&broken).unwrap().file_type().is_symlink());
}

#[test]
fn the_command_line_makes_automatic_backups_sets_the_budget_and_restores_them() {
    let (dir, db) = database(5);
    let out = jevons(&db, &["backup", "--budget", "35"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("35% of the room"), "{text}");
    let out = jevons(&db, &["backup", "--auto"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.starts_with("backed up 5 notes to "), "{text}");
    let made = backup::list(&dir.path().join("backups")).remove(0);
    assert!(made.automatic && made.path.to_string_lossy().ends_with(".db.zst"));
    assert!(text.contains("1 automatic backup takes"), "{text}");

    let out = jevons(&db, &["note", "add", "--title", "later"]);
    assert!(out.status.success());
    let out = jevons(&db, &["restore", made.path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("restored 5 notes"));
    assert_eq!(live_notes(&db), 5);

    let out = jevons(&db, &["backup", "--budget", "0"]);
    assert_eq!(out.status.code(), Some(2), "a share of 0% is refused");
    let out = jevons(&db, &["backup", "--list"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(".db.zst"));
}
