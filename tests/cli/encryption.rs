//! Encryption at rest through the real binary: `jevons encrypt` leaves no word of a note in the
//! database, its write-ahead log or its backups; stock SQLite cannot read it; every command works
//! with the passphrase; a wrong one fails in one line and changes no byte; `rekey` and `decrypt`
//! work; restoring an encrypted backup asks for its key; and a full disk or a kill during
//! `encrypt` leaves the original readable.

use crate::cli;

use std::hash::{Hash, Hasher};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use jevons::model::NoteDraft;
use jevons::query;
use jevons::store::{Key, OpenError, Store};

const SECRET_WORD: &str = "quokkazanzibar";
const PASSPHRASE: &str = "correct horse battery staple";

/// The binary on `db` with `args` and `passphrase` in `JEVONS_PASSPHRASE` (none: unset), with no
/// controlling terminal (so nothing can be asked).
fn jevons_with(db: &Path, passphrase: Option<&str>, args: &[&str]) -> Command {
    let mut command = cli::command(db, args);
    command.env_remove("JEVONS_PASSPHRASE").env_remove("JEVONS_NEW_PASSPHRASE");
    if let Some(passphrase) = passphrase {
        command.env("JEVONS_PASSPHRASE", passphrase);
    }
    // SAFETY: setsid is async-signal-safe and only detaches the child from the terminal.
    unsafe {
        command.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    command
}

fn run(db: &Path, passphrase: Option<&str>, args: &[&str]) -> Output {
    jevons_with(db, passphrase, args).output().unwrap()
}

fn ok(db: &Path, passphrase: Option<&str>, args: &[&str]) -> String {
    let out = run(db, passphrase, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn bytes_of(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A fingerprint of the database, its log and its shared-memory index (absent: empty).
fn fingerprint(db: &Path) -> Vec<(bool, u64)> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let path = with_suffix(db, suffix);
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes_of(&path).hash(&mut hasher);
            (path.exists(), hasher.finish())
        })
        .collect()
}

/// A database with the sample research and a note holding [`SECRET_WORD`], encrypted.
fn encrypted_database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("research.db");
    ok(&db, None, &["note", "add", "--title", "Private call", "--body", &format!("the broker said {SECRET_WORD}")]);
    assert!(contains(&bytes_of(&db), SECRET_WORD) || contains(&bytes_of(&with_suffix(&db, "-wal")), SECRET_WORD));
    let out = run(&db, Some(PASSPHRASE), &["encrypt"]);
    assert!(out.status.success(), "encrypt failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("encrypted "), "{out:?}");
    (dir, db)
}

fn stock_sqlite_reads(db: &Path) -> bool {
    let stock = Path::new("/usr/bin/sqlite3");
    if stock.exists() {
        let out = Command::new(stock).arg(db).arg("SELECT count(*) FROM note;").output().unwrap();
        return out.status.success();
    }
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM note", [], |r| r.get::<_, i64>(0)).is_ok()
}

#[test]
fn an_encrypted_database_shows_no_word_of_a_note_and_opens_only_with_its_passphrase() {
    let (dir, db) = encrypted_database();
    assert!(!contains(&bytes_of(&db), SECRET_WORD), "the word is in the encrypted file");
    assert!(!with_suffix(&db, ".sealing").exists(), "no work file is left");
    assert!(!stock_sqlite_reads(&db), "stock SQLite reads the encrypted file");

    let found = ok(&db, Some(PASSPHRASE), &["search", SECRET_WORD]);
    assert!(found.contains("Private call"), "{found}");

    // Backups, on request and automatic, are encrypted with the same key.
    ok(&db, Some(PASSPHRASE), &["backup", dir.path().join("copy.db").to_str().unwrap()]);
    ok(&db, Some(PASSPHRASE), &["backup", "--auto"]);
    let backups: Vec<PathBuf> =
        std::fs::read_dir(dir.path().join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(!backups.is_empty());
    for backup in backups.iter().chain([&dir.path().join("copy.db")]) {
        assert!(!contains(&bytes_of(backup), SECRET_WORD), "{} holds the word", backup.display());
    }
    assert!(!stock_sqlite_reads(&dir.path().join("copy.db")));

    // A write-ahead log being written is encrypted too.
    let key = Key::new(PASSPHRASE).unwrap();
    let mut store = Store::open_keyed(&db, &key).unwrap();
    store.create_note(&NoteDraft::new("Later", format!("another {SECRET_WORD}"))).unwrap();
    let wal = bytes_of(&with_suffix(&db, "-wal"));
    assert!(!wal.is_empty(), "the save went to the log");
    assert!(!contains(&wal, SECRET_WORD), "the word is in the log");
    assert_eq!(store.search_ids(&query::parse(SECRET_WORD).unwrap()).unwrap().len(), 2);
    drop(store);
    assert!(matches!(Store::open_keyed(&db, &Key::new("nope").unwrap()), Err(OpenError::WrongPassphrase { .. })));
    assert!(matches!(Store::open(&db), Err(OpenError::Encrypted { .. })));
}

#[test]
fn a_wrong_or_missing_passphrase_fails_in_one_line_and_changes_no_byte() {
    let (_dir, db) = encrypted_database();
    let before = fingerprint(&db);
    let line = cli::user_error(run(&db, Some("wrong"), &["search", SECRET_WORD]), &["search"]);
    assert!(line.contains("wrong passphrase") && line.contains("left untouched"), "{line}");
    assert_eq!(fingerprint(&db), before, "a wrong passphrase changed the files");
    let line = cli::user_error(run(&db, Some("wrong"), &["note", "add", "--title", "x", "--body", "y"]), &["add"]);
    assert!(line.contains("wrong passphrase"), "{line}");
    let line = cli::user_error(run(&db, None, &["tags"]), &["tags"]);
    assert!(line.contains("JEVONS_PASSPHRASE"), "{line}");
    let line = cli::user_error(run(&db, Some("wrong"), &["decrypt"]), &["decrypt"]);
    assert!(line.contains("wrong passphrase"), "{line}");
    assert_eq!(fingerprint(&db), before, "the failed commands changed the files");
    let line = cli::user_error(run(&db, Some(PASSPHRASE), &["encrypt"]), &["encrypt"]);
    assert!(line.contains("already encrypted"), "{line}");

    // With a log being written by another program (a save not yet checkpointed), a wrong
    // passphrase changes neither the file, nor the log, nor the log's index.
    let mut writer = Store::open_keyed(&db, &Key::new(PASSPHRASE).unwrap()).unwrap();
    writer.create_note(&NoteDraft::new("Meanwhile", "a save in the log")).unwrap();
    let before = fingerprint(&db);
    assert!(before[1].0, "there is a log");
    for args in [&["search", "x"][..], &["backup"], &["decrypt"]] {
        let line = cli::user_error(run(&db, Some("wrong"), args), args);
        assert!(line.contains("wrong passphrase"), "{args:?}: {line}");
        assert_eq!(fingerprint(&db), before, "{args:?} with a wrong passphrase changed the files beside a live log");
    }
    assert!(ok(&db, Some(PASSPHRASE), &["search", "Meanwhile"]).contains("Meanwhile"), "the right one opens it");
    drop(writer);
}

#[test]
fn rekey_changes_the_passphrase_and_decrypt_gives_back_a_plain_file() {
    let (_dir, db) = encrypted_database();
    let out =
        jevons_with(&db, Some(PASSPHRASE), &["rekey"]).env("JEVONS_NEW_PASSPHRASE", "new secret").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    cli::user_error(run(&db, Some(PASSPHRASE), &["tags"]), &["tags"]);
    assert!(ok(&db, Some("new secret"), &["search", SECRET_WORD]).contains("Private call"));
    assert!(!contains(&bytes_of(&db), SECRET_WORD));

    ok(&db, Some("new secret"), &["decrypt"]);
    assert!(stock_sqlite_reads(&db), "the decrypted file is plain SQLite");
    assert!(ok(&db, None, &["search", SECRET_WORD]).contains("Private call"), "no passphrase needed any more");
    assert!(ok(&db, None, &["check"]).contains("ok") || run(&db, None, &["check"]).status.success());
}

#[test]
fn restoring_an_encrypted_backup_asks_for_its_key() {
    let (dir, db) = encrypted_database();
    let backup = dir.path().join("kept.db");
    ok(&db, Some(PASSPHRASE), &["backup", backup.to_str().unwrap()]);
    let elsewhere = dir.path().join("elsewhere.db");
    let line = cli::user_error(run(&elsewhere, None, &["restore", backup.to_str().unwrap()]), &["restore"]);
    assert!(line.contains("JEVONS_PASSPHRASE"), "{line}");
    assert!(!elsewhere.exists(), "nothing was restored without the key");
    ok(&elsewhere, Some(PASSPHRASE), &["restore", backup.to_str().unwrap()]);
    assert!(!contains(&bytes_of(&elsewhere), SECRET_WORD), "the restored database stays encrypted");
    assert!(ok(&elsewhere, Some(PASSPHRASE), &["search", SECRET_WORD]).contains("Private call"));
}

#[test]
fn export_and_sync_say_once_that_their_files_are_plain_text() {
    let (dir, db) = encrypted_database();
    let out =
        run(&db, Some(PASSPHRASE), &["export", "--format", "json", dir.path().join("all.json").to_str().unwrap()]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("plain text").count(), 1, "{stderr}");
    let plain = cli::Cli::new();
    plain.ok(&["tags"]);
    let out = plain.run(&["export", "--format", "json", plain.path("all.json").to_str().unwrap()]);
    assert!(!String::from_utf8(out.stderr).unwrap().contains("plain text"), "a plain database says nothing");
}

/// A database large enough that `encrypt` takes a moment (a few thousand notes).
fn large_plain_database(dir: &Path) -> (PathBuf, u64) {
    let db = dir.join("large.db");
    let mut store = Store::open(&db).unwrap();
    let mut batch = store.batch().unwrap();
    for i in 0..4_000 {
        let body = format!("{SECRET_WORD} note {i}: {}", "margins, capex and the cost of inference ".repeat(20));
        batch.create_note(&NoteDraft::new(format!("note {i}"), body)).unwrap();
    }
    batch.commit().unwrap();
    let notes = store.note_counts().unwrap().0;
    drop(store);
    (db, notes)
}

/// The database opens, plain or (once the rename happened) with the key, whole and checked.
fn still_readable(db: &Path, notes: u64) -> bool {
    let store = match Store::open(db) {
        Ok(store) => store,
        Err(OpenError::Encrypted { .. }) => Store::open_keyed(db, &Key::new(PASSPHRASE).unwrap()).unwrap(),
        Err(other) => panic!("the database is unreadable after the interruption: {other}"),
    };
    assert!(store.check().unwrap().is_sound());
    assert_eq!(store.note_counts().unwrap().0, notes);
    jevons::store::cipher::is_encrypted(db)
}

#[test]
fn a_kill_during_encrypt_leaves_a_readable_database() {
    let dir = tempfile::tempdir().unwrap();
    let (db, notes) = large_plain_database(dir.path());
    let mut encrypted = false;
    for delay_ms in [5, 30, 80, 150, 300, 600] {
        if encrypted {
            break;
        }
        let mut child = jevons_with(&db, Some(PASSPHRASE), &["encrypt"]).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap();
        child.wait().unwrap();
        encrypted = still_readable(&db, notes);
    }
    if !encrypted {
        ok(&db, Some(PASSPHRASE), &["encrypt"]);
    }
    assert!(still_readable(&db, notes), "the last run encrypts");
    assert!(!with_suffix(&db, ".sealing").exists(), "a finished run leaves no work file");
    assert!(!contains(&bytes_of(&db), SECRET_WORD));
}

#[test]
fn a_full_disk_during_encrypt_leaves_the_original_and_no_work_file() {
    let dir = tempfile::tempdir().unwrap();
    let (db, notes) = large_plain_database(dir.path());
    let size = std::fs::metadata(&db).unwrap().len();
    let mut command = jevons_with(&db, Some(PASSPHRASE), &["encrypt"]);
    cli::limit_file_size(&mut command, size / 2);
    let line = cli::user_error(command.output().unwrap(), &["encrypt"]);
    assert!(line.contains("full") || line.contains("large") || line.contains("disk"), "{line}");
    assert!(!still_readable(&db, notes), "the original is still plain and whole");
    assert!(!with_suffix(&db, ".sealing").exists(), "the partial file was removed");
}
