//! Restore under load: writer processes (the real `jevons` binary, `note add` in loops) keep
//! adding notes while `jevons restore` replaces the database again and again, every 50 ms.
//! Afterwards every note whose id a writer was given with exit 0 is in the live database or in
//! one of the copies a restore kept (`jevons.db.replaced-…`), each of which passes SQLite's
//! `integrity_check`, and no writer was ever told the database is malformed or damaged. A writer
//! may be told the database is busy (exit 1: nothing was acknowledged).
//!
//! `JEVONS_RESTORE_SECONDS` sets how long the load runs (default 3; docs/reliability.md records
//! a long run). The test prints its figures as one JSON line.

use crate::cli;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use cli::jevons;
use rusqlite::{Connection, OpenFlags};

const WRITERS: usize = 3;

fn seconds() -> u64 {
    std::env::var("JEVONS_RESTORE_SECONDS").map_or(3, |v| v.parse().expect("JEVONS_RESTORE_SECONDS: a number"))
}

/// What one writer saw: the notes it was told were saved (id, title), and every refusal.
#[derive(Default)]
struct Seen {
    acknowledged: Vec<(i64, String)>,
    refusals: Vec<String>,
}

fn writer(db: PathBuf, name: usize, stop: Arc<AtomicBool>) -> Seen {
    let mut seen = Seen::default();
    let mut i = 0;
    while !stop.load(Ordering::Relaxed) {
        let title = format!("writer {name} note {i}");
        i += 1;
        let out = jevons(&db, &["note", "add", "--title", &title, "--body", "written during restores"]);
        if out.status.success() {
            let id = String::from_utf8_lossy(&out.stdout).trim().parse().expect("an id on standard output");
            seen.acknowledged.push((id, title));
        } else {
            seen.refusals.push(String::from_utf8_lossy(&out.stderr).trim().to_owned());
        }
    }
    seen
}

/// The notes (id, title) of a database file, after `integrity_check` passed.
fn sound_notes(path: &Path) -> HashSet<(i64, String)> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok", "{}", path.display());
    let mut stmt = conn.prepare("SELECT id, title FROM note").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
}

#[test]
fn every_acknowledged_note_survives_restores_made_while_others_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jevons.db");
    assert!(jevons(&db, &["note", "add", "--title", "before the backup"]).status.success());
    let good = dir.path().join("good.db");
    assert!(jevons(&db, &["backup", good.to_str().unwrap()]).status.success());

    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..WRITERS)
        .map(|name| {
            let (db, stop) = (db.clone(), Arc::clone(&stop));
            thread::spawn(move || writer(db, name, stop))
        })
        .collect();
    let started = Instant::now();
    let (mut restores, mut failed) = (0, Vec::new());
    while started.elapsed() < Duration::from_secs(seconds()) {
        let out = jevons(&db, &["restore", good.to_str().unwrap()]);
        if out.status.success() {
            restores += 1;
        } else {
            failed.push(String::from_utf8_lossy(&out.stderr).trim().to_owned());
        }
        thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, Ordering::Relaxed);
    let seen: Vec<Seen> = writers.into_iter().map(|w| w.join().unwrap()).collect();

    let live = sound_notes(&db);
    let mut kept = HashSet::new();
    let mut copies = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.contains(".replaced-") && !name.ends_with("-wal") && !name.ends_with("-shm") {
            assert!(!name.ends_with("-journal"), "a kept copy was left half-written: {name}");
            kept.extend(sound_notes(&dir.path().join(&name)));
            copies += 1;
        }
    }
    let acknowledged: Vec<&(i64, String)> = seen.iter().flat_map(|s| &s.acknowledged).collect();
    let lost: Vec<&&(i64, String)> = acknowledged.iter().filter(|n| !live.contains(n) && !kept.contains(n)).collect();
    let refusals: Vec<&String> = seen.iter().flat_map(|s| &s.refusals).collect();
    let in_live = acknowledged.iter().filter(|n| live.contains(n)).count();
    println!(
        "{{\"seconds\": {}, \"writers\": {WRITERS}, \"restores\": {restores}, \"restores_failed\": {}, \
         \"acknowledged\": {}, \"in_live\": {in_live}, \"kept_copies\": {copies}, \"lost\": {}, \"refused_writes\": {}}}",
        seconds(),
        failed.len(),
        acknowledged.len(),
        lost.len(),
        refusals.len()
    );
    assert!(lost.is_empty(), "acknowledged but in neither the database nor a kept copy: {lost:?}");
    for refusal in &refusals {
        let said = refusal.to_lowercase();
        assert!(!said.contains("malformed") && !said.contains("damaged"), "a writer was told: {refusal}");
    }
    assert!(failed.is_empty(), "restores failed: {failed:?}");
    assert!(restores > 0 && !acknowledged.is_empty(), "the load ran: {restores} restores");
    assert_eq!(copies, restores, "one kept copy per restore");
}
