//! Damaged and odd files beyond those in tests/cli/commands.rs: a full-text index damaged by another tool
//! (found by `check`, repaired by `check --repair` with FTS5's `rebuild`, and searchable again),
//! a file of zeros, and a stray WAL file of garbage next to a sound database. Each case leaves
//! the database file as it was unless a repair was asked for.

use crate::cli;

use std::path::{Path, PathBuf};

use cli::jevons;
use jevons::model::NoteDraft;
use jevons::query;
use jevons::store::Store;
use rusqlite::Connection;

/// Ways another tool can damage the FTS5 index, in stock SQL on its shadow tables (id 1 holds
/// the averages, 10 the structure; larger ids are the index's leaves).
const FTS_DAMAGE: &[(&str, &str)] = &[
    ("leaves deleted", "DELETE FROM note_fts_data WHERE id > 10"),
    ("leaves zeroed", "UPDATE note_fts_data SET block = zeroblob(length(block)) WHERE id > 10"),
    ("structure record garbled", "UPDATE note_fts_data SET block = x'0102030405060708' WHERE id = 10"),
    (
        "index out of step with the notes",
        "INSERT INTO note_fts(note_fts, rowid, title, body) SELECT 'delete', ord, 'other', 'words' FROM note",
    ),
];

fn damage(db: &Path, sql: &str) {
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(sql).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A database made by the CLI (with the sample research) plus ten notes about `lucro`.
fn research(dir: &Path) -> PathBuf {
    let db = dir.join("research.db");
    for i in 0..10 {
        let body = format!("O lucro da empresa {i} subiu. {}", "Texto longo para o índice. ".repeat(40));
        let out = jevons(&db, &["note", "add", "--title", &format!("Lucro {i}"), "--body", &body]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    db
}

fn total(db: &Path, query: &str) -> serde_json::Value {
    let out = jevons(db, &["search", query, "--json"]);
    assert!(out.status.success(), "search {query}: {}", text(&out.stderr));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["total"].clone()
}

#[test]
fn a_damaged_search_index_is_found_reported_and_repaired_on_request() {
    for (how, sql) in FTS_DAMAGE {
        let dir = tempfile::tempdir().unwrap();
        let db = research(dir.path());
        damage(&db, sql);
        let damaged = std::fs::read(&db).unwrap();

        let out = jevons(&db, &["check"]);
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{how}: check must fail: {stdout} {stderr}");
        assert!(stdout.contains("full-text index"), "{how}: {stdout}");
        assert_eq!(stderr.lines().count(), 1, "{how}: {stderr}");
        assert!(stderr.contains("jevons check --repair"), "{how}: {stderr}");

        let out = jevons(&db, &["search", "lucro"]);
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked") && stderr.lines().count() <= 1, "{how}: {stderr}");
        assert!(out.status.code().is_some_and(|c| c <= 1), "{how}");
        assert!(std::fs::read(&db).unwrap() == damaged, "{how}: the file changed without --repair");

        let out = jevons(&db, &["check", "--repair"]);
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert!(out.status.success(), "{how}: repair failed: {stdout} {stderr}");
        assert!(stderr.contains("rebuilt"), "{how}: the repair is reported: {stderr}");
        assert!(stdout.starts_with("ok: 13 notes"), "{how}: {stdout}");
        assert!(jevons(&db, &["check"]).status.success(), "{how}: sound after the repair");
        assert_eq!(total(&db, "lucro"), 10, "{how}: searching works again");
        assert_eq!(total(&db, "indice"), 10, "{how}: accents still folded");
    }
}

#[test]
fn the_store_reports_and_rebuilds_a_damaged_index() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    {
        let mut store = Store::open(&db).unwrap();
        for i in 0..5 {
            store.create_note(&NoteDraft::new(format!("Ação {i}"), "inferência barata")).unwrap();
        }
    }
    damage(&db, FTS_DAMAGE[0].1);
    let mut store = Store::open(&db).unwrap();
    let report = store.check().unwrap();
    assert!(report.problems.iter().any(|p| p.starts_with("full-text index")), "{:?}", report.problems);
    store.rebuild_search_index().unwrap();
    assert!(store.check().unwrap().is_sound());
    assert_eq!(store.search_ids(&query::parse("inferencia").unwrap()).unwrap().len(), 5);
}

#[test]
fn a_file_of_zeros_is_not_a_database_and_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("zeros.db");
    let zeros = vec![0u8; 65_536];
    std::fs::write(&db, &zeros).unwrap();
    for args in [vec!["search", "x"], vec!["note", "add", "--title", "x"], vec!["check", "--repair"]] {
        let out = jevons(&db, &args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("not a SQLite database") && stderr.lines().count() == 1, "{stderr}");
        assert!(std::fs::read(&db).unwrap() == zeros, "{args:?} changed the file");
    }
}

/// A WAL file of garbage (a copy gone wrong, a crash of another tool) holds nothing SQLite will
/// replay: the notes are all there and the database file is not changed by opening it.
#[test]
fn a_garbage_wal_beside_a_sound_database_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = research(dir.path());
    let before = std::fs::read(&db).unwrap();
    let mut garbage = vec![0u8; 40_000];
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    for byte in &mut garbage {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        *byte = seed as u8;
    }
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::write(&wal, &garbage).unwrap();
    let out = jevons(&db, &["check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("ok: 13 notes"));
    assert_eq!(total(&db, "lucro"), 10);
    assert!(std::fs::read(&db).unwrap() == before, "the database file is unchanged");
}

/// Every file in `dir` with its bytes: the main file and any `-wal` or `-journal` beside it. The
/// `-shm` file is left out: it is SQLite's scratch index of a write-ahead log (not data), which
/// any program that reads a database with a log creates or rebuilds.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with("-shm"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect()
}

/// A database of another application (or of a newer Jevons) left by a crash with a hot WAL: the
/// main file and the log as they were when the program died, changes not yet checkpointed.
fn crashed_with_wal(dir: &Path, name: &str, setup: &str) -> PathBuf {
    let work = tempfile::tempdir().unwrap();
    let live = work.path().join("live.db");
    let conn = Connection::open(&live).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute_batch(setup).unwrap();
    let db = dir.join(name);
    std::fs::copy(&live, &db).unwrap();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::copy(work.path().join("live.db-wal"), &wal).unwrap();
    drop(conn);
    db
}

/// How a hostile file is made: its bytes, or a database built by SQL and left with a hot WAL.
enum Made {
    Bytes(Vec<u8>),
    CrashedWithWal(&'static str),
}

/// `Store::open` (what the app and every command call) on hand-made hostile files: each is refused
/// with the error that names it, and nothing in its folder changes, byte for byte: not the file,
/// not a log beside it, and no new file is left behind (but SQLite's `-shm` index of a log that
/// was already there). Another program's log left by a crash is never checkpointed into its file.
#[test]
fn hostile_files_are_refused_and_their_folder_is_left_byte_for_byte() {
    use jevons::store::OpenError;
    let valid = {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("valid.db");
        let mut store = Store::open(&db).unwrap();
        for i in 0..20 {
            store.create_note(&NoteDraft::new(format!("note {i}"), "texto ".repeat(300))).unwrap();
        }
        store.checkpoint().unwrap();
        drop(store);
        std::fs::read(&db).unwrap()
    };
    let mut header_then_noise = b"SQLite format 3\0".to_vec();
    header_then_noise.extend(noise(16_384, 7));
    let mut newer = valid.clone();
    newer[60..64].copy_from_slice(&999u32.to_be_bytes()); // user_version lives at offset 60
    let other_app = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);";
    let newer_jevons =
        "PRAGMA application_id = 1246058062; PRAGMA user_version = 999; CREATE TABLE note (id INTEGER PRIMARY KEY);";
    type Expect = fn(&OpenError) -> bool;
    let cases: Vec<(&str, Made, Expect)> = vec![
        // Random bytes, a whole number of pages long, cannot be told from an encrypted database
        // without its key: refused as "encrypted, or not a SQLite database".
        ("noise.db", Made::Bytes(noise(65_536, 3)), |e| matches!(e, OpenError::Encrypted { .. })),
        ("noise-odd-length.db", Made::Bytes(noise(65_000, 3)), |e| matches!(e, OpenError::NotSqlite { .. })),
        ("header-then-noise.db", Made::Bytes(header_then_noise), |e| {
            matches!(e, OpenError::Damaged { .. } | OpenError::NotSqlite { .. })
        }),
        ("one-byte.db", Made::Bytes(vec![b'S']), |e| matches!(e, OpenError::NotSqlite { .. })),
        ("truncated.db", Made::Bytes(valid[..valid.len() / 3].to_vec()), |e| matches!(e, OpenError::Damaged { .. })),
        ("cut-in-header.db", Made::Bytes(valid[..50].to_vec()), |e| matches!(e, OpenError::Damaged { .. })),
        ("newer-header.db", Made::Bytes(newer), |e| matches!(e, OpenError::NewerSchema { found: 999, .. })),
        ("other-app-wal.db", Made::CrashedWithWal(other_app), |e| matches!(e, OpenError::Foreign { .. })),
        ("newer-wal.db", Made::CrashedWithWal(newer_jevons), |e| {
            matches!(e, OpenError::NewerSchema { found: 999, .. })
        }),
    ];
    for (name, made, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let db = match made {
            Made::Bytes(bytes) => {
                let db = dir.path().join(name);
                std::fs::write(&db, bytes).unwrap();
                db
            }
            Made::CrashedWithWal(setup) => crashed_with_wal(dir.path(), name, setup),
        };
        let before = snapshot(dir.path());
        let had_log = before.iter().any(|(file, _)| file.ends_with("-wal"));
        for attempt in 0..2 {
            let err = match Store::open(&db) {
                Ok(_) => panic!("{name}: opened"),
                Err(err) => err,
            };
            assert!(expected(&err), "{name}: {err:?}");
            let message = err.to_string();
            assert!(message.contains(name) && message.contains("untouched"), "{name}: {message}");
            assert!(!message.contains('\n'), "{name}: one line: {message}");
            let after = snapshot(dir.path());
            let names = |files: &[(String, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
            assert_eq!(names(&after), names(&before), "{name} (attempt {attempt}): files came or went");
            assert!(after == before, "{name} (attempt {attempt}): a file changed");
        }
        let mut shm = db.as_os_str().to_owned();
        shm.push("-shm");
        assert!(had_log || !Path::new(&shm).exists(), "{name}: an index of a log that was never there");
    }
}

/// A front matter of nested brackets took time in the square of its size to parse (200 KB of
/// `tags: [[[[…]]]]`: 34 s of CPU; 400 KB: 175 s), and the 16 MB file limit allowed far worse.
/// Front matter nested too deeply or too large to read is refused before it is parsed: the file
/// is skipped with its reason, and the other files of the folder are imported as usual.
#[test]
fn nested_or_huge_front_matter_is_skipped_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    std::fs::create_dir(&vault).unwrap();
    let brackets = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let files = [
        ("brackets.md", format!("---\ntags: {}\n---\nbody\n", brackets(200_000))),
        ("braces.md", format!("---\na: {}{}\n---\nbody\n", "{b: ".repeat(50_000), "}".repeat(50_000))),
        ("dashes.md", format!("---\nlist:\n  {}x\n---\nbody\n", "- ".repeat(100_000))),
        ("worst.md", format!("---\ntags: {}\n---\nbody\n", brackets(8 * 1024 * 1024 - 16))),
        ("huge.md", format!("---\ntitle: big\nnotes: {}\n---\nbody\n", "word ".repeat(300_000))),
        ("fine.md", "---\ntitle: Fine\ntags: [a, [b]]\nnested: {x: [1, {y: 2}]}\n---\nbody\n".to_owned()),
    ];
    for (name, text) in &files {
        std::fs::write(vault.join(name), text).unwrap();
    }
    let db = dir.path().join("research.db");
    let out = jevons(&db, &["import", vault.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["imported"], 1, "{report}");
    let skipped: Vec<(String, String)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["path"].as_str().unwrap().to_owned(), s["reason"].as_str().unwrap().to_owned()))
        .collect();
    let reason = |name: &str| skipped.iter().find(|(path, _)| path == name).map(|(_, r)| r.clone()).unwrap();
    for (name, line) in [("brackets.md", 2), ("braces.md", 2), ("dashes.md", 3)] {
        let expected = format!("front matter nested more than 16 levels deep (line {line} of the file)");
        assert_eq!(reason(name), expected, "{name}");
    }
    assert!(
        reason("worst.md").contains("front matter of 16384 KB is larger than the 1024 KB"),
        "{}",
        reason("worst.md")
    );
    assert!(reason("huge.md").contains("is larger than the 1024 KB Jevons reads"), "{}", reason("huge.md"));
    let store = Store::open(&db).unwrap();
    let page = store.search(&query::parse("tag:a").unwrap(), 10, 0).unwrap();
    assert_eq!(page.results.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(), ["Fine"]);
    assert!(store.check().unwrap().is_sound());
}
