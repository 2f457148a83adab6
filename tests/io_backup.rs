//! Backups through the online backup API, the daily automatic backup kept to the last seven, and
//! restores that check a backup before anything is replaced.

use std::fs;
use std::path::{Path, PathBuf};

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
    let first = backup::backup_database_if_due(&db, &folder).unwrap();
    assert!(first.is_some(), "no backup yet: one is made");
    assert_eq!(backup::backup_database_if_due(&db, &folder).unwrap(), None, "the newest is less than a day old");

    let old = dir.path().join("old");
    fs::create_dir(&old).unwrap();
    for day in 1..=9 {
        fs::copy(first.as_ref().unwrap(), old.join(format!("auto-202501{day:02}-080000.db"))).unwrap();
    }
    fs::write(old.join("jevons-20240101-000000.db"), "a backup made on request is never pruned").unwrap();
    let made = backup::backup_database_if_due(&db, &old).unwrap().expect("the newest is older than a day");
    let left = names(&old);
    let automatic: Vec<&String> = left.iter().filter(|n| n.starts_with("auto-")).collect();
    assert_eq!(automatic.len(), KEEP_AUTOMATIC);
    assert!(left.contains(&made.file_name().unwrap().to_string_lossy().into_owned()));
    assert!(!left.contains(&"auto-20250103-080000.db".to_owned()), "the oldest went: {left:?}");
    assert!(left.contains(&"jevons-20240101-000000.db".to_owned()));

    let missing = dir.path().join("missing.db");
    assert_eq!(backup::backup_database_if_due(&missing, &folder).unwrap(), None);
}

#[test]
fn the_app_start_helper_backs_up_the_data_directory_once_a_day() {
    let (dir, _db) = database(2);
    let made = backup::backup_if_due(dir.path()).unwrap().expect("no backup yet: one is made");
    assert_eq!(made.parent(), Some(dir.path().join("backups").as_path()));
    assert!(made.file_name().unwrap().to_string_lossy().starts_with("auto-"));
    assert_eq!(live_notes(&made), 2);
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
