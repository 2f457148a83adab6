//! Full disks and files that cannot be written: the save that does not fit is refused with a
//! clear error and leaves nothing half-written, everything saved before stays, and saving works
//! again once there is room (or the file is writable again).
//!
//! A full disk is simulated with `PRAGMA max_page_count` (the hidden `Store::set_page_limit`);
//! for the files an export writes, with a file-size limit on the `jevons` process
//! (`RLIMIT_FSIZE`: a write past it fails as on a full disk).
//! Read-only files and folders are real (chmod). Root ignores file permissions, so when the
//! tests run as root the side that must be refused runs as `nobody` in a child process: this
//! test binary again (`--exact read_only_child`) or the `jevons` binary.

#[path = "common/cli.rs"]
mod cli;

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output};

use jevons::model::{NoteDraft, NoteEdit};
use jevons::query;
use jevons::store::{OpenError, Store, StoreError};

const CHILD_DB: &str = "JEVONS_READ_ONLY_DB";
const NOBODY: u32 = 65_534;

fn titles(store: &Store, text: &str) -> Vec<String> {
    let page = store.search(&query::parse(text).unwrap(), 1_000, 0).unwrap();
    let mut titles: Vec<String> = page.results.into_iter().map(|r| r.title).collect();
    titles.sort();
    titles
}

fn filler(words: usize) -> String {
    (0..words).map(|i| format!("filler{i} ")).collect()
}

#[test]
fn a_full_disk_refuses_the_save_and_keeps_everything_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.db");
    let mut store = Store::open(&path).unwrap();
    let kept = store.create_note(&NoteDraft::new("kept before the disk filled", "safe and sound")).unwrap();
    let pages = store.page_count().unwrap();
    assert_eq!(store.set_page_limit(Some(pages + 8)).unwrap(), pages + 8);

    let mut saved = Vec::new();
    let refused = loop {
        match store.create_note(&NoteDraft::new(format!("filling {}", saved.len()), filler(300))) {
            Ok(id) => saved.push(id),
            Err(err) => break err,
        }
        assert!(saved.len() < 1_000, "the page limit never bit");
    };
    assert!(matches!(refused, StoreError::DiskFull), "{refused:?}");
    assert!(refused.is_transient(), "a full disk is worth retrying once there is room");
    let message = refused.to_string();
    assert!(message.contains("disk is full") && message.contains("nothing was saved"), "{message}");

    let edit = NoteEdit { body: Some(filler(5_000)), ..NoteEdit::default() };
    assert!(matches!(store.edit_note(kept, &edit), Err(StoreError::DiskFull)));
    let note = store.note(kept).unwrap();
    assert_eq!((note.body.as_str(), store.revisions(kept).unwrap().len()), ("safe and sound", 0), "no half edit");
    assert_eq!(store.note_counts().unwrap(), (1 + saved.len() as u64, 0), "the refused note left nothing behind");
    assert!(store.check().unwrap().is_sound());

    store.set_page_limit(None).unwrap();
    let later = store.create_note(&NoteDraft::new("saved once there was room", filler(3_000))).unwrap();
    store.edit_note(kept, &edit).unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert!(store.check().unwrap().is_sound());
    assert_eq!(store.note_counts().unwrap(), (2 + saved.len() as u64, 0));
    for id in saved.iter().chain([&later]) {
        assert!(store.note(*id).unwrap().body.starts_with("filler0 "), "note {id}");
    }
    assert_eq!(store.note(kept).unwrap().body, filler(5_000));
    assert_eq!(store.revisions(kept).unwrap()[0].body, "safe and sound");
    assert_eq!(titles(&store, "filling").len(), saved.len(), "the index holds exactly the saved notes");
}

/// Every kind of write meets the full disk the same way.
#[test]
fn every_kind_of_save_reports_a_full_disk() {
    use jevons::model::{ClaimDraft, SourceDraft, SourceUrl};
    let mut store = Store::open_in_memory().unwrap();
    let note = store.create_note(&NoteDraft::new("room", "to start with")).unwrap();
    let pages = store.page_count().unwrap();
    store.set_page_limit(Some(pages)).unwrap();
    let long = filler(2_000);
    let results: Vec<(&str, Result<(), StoreError>)> = vec![
        ("create", store.create_note(&NoteDraft::new("x", long.clone())).map(drop)),
        ("edit", store.edit_note(note, &NoteEdit { body: Some(long.clone()), ..NoteEdit::default() }).map(drop)),
        (
            "claim",
            store.add_claim(ClaimDraft { text: long.clone(), note_id: Some(note), ..ClaimDraft::default() }).map(drop),
        ),
        (
            "source",
            store
                .add_source(&SourceDraft {
                    title: Some(long.clone()),
                    ..SourceDraft::new(SourceUrl::parse("https://example.com/a").unwrap())
                })
                .map(drop),
        ),
    ];
    for (what, result) in results {
        assert!(matches!(result, Err(StoreError::DiskFull)), "{what}: {result:?}");
    }
    assert_eq!(store.note(note).unwrap().body, "to start with");
    store.set_page_limit(None).unwrap();
    store.edit_note(note, &NoteEdit { body: Some(long), ..NoteEdit::default() }).unwrap();
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A command that runs as `nobody` when the tests run as root (so permissions apply to it).
fn unprivileged(mut command: Command) -> Command {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        command.uid(NOBODY).gid(NOBODY);
    }
    command
}

/// Runs `read_only_child` on `db` and returns what it printed.
fn refused_child(db: &Path) -> String {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.args(["--exact", "read_only_child", "--nocapture", "--test-threads=1", "--quiet"]).env(CHILD_DB, db);
    let out = unprivileged(command).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "the child failed: {stdout} {}", String::from_utf8_lossy(&out.stderr));
    stdout.lines().filter(|l| l.starts_with("child ")).collect::<Vec<_>>().join("\n")
}

/// The refused side of the read-only tests: opens the store, reads, tries to save, and prints
/// what happened as `child …` lines. Does nothing unless started by those tests.
#[test]
fn read_only_child() {
    let Some(db) = std::env::var_os(CHILD_DB) else { return };
    match Store::open(Path::new(&db)) {
        Ok(mut store) => {
            println!("child read {}", titles(&store, "kept").join(", "));
            match store.create_note(&NoteDraft::new("must not be saved", "x")) {
                Ok(id) => println!("child saved {id}"),
                Err(err @ StoreError::ReadOnly) => println!("child refused ReadOnly: {err}"),
                Err(err) => println!("child refused otherwise: {err:?}"),
            }
        }
        Err(OpenError::Store { source: err @ StoreError::ReadOnly, .. }) => println!("child refused ReadOnly: {err}"),
        Err(err) => println!("child could not open: {err:?}"),
    }
}

/// A database with two notes, closed, in its own folder.
fn two_notes(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("research.db");
    let mut store = Store::open(&db).unwrap();
    store.create_note(&NoteDraft::new("kept one", "first")).unwrap();
    store.create_note(&NoteDraft::new("kept two", "second")).unwrap();
    db
}

fn still_whole(db: &Path) {
    let mut store = Store::open(db).unwrap();
    assert!(store.check().unwrap().is_sound());
    assert_eq!(titles(&store, "kept"), ["kept one", "kept two"]);
    assert!(titles(&store, "must").is_empty(), "nothing half-saved");
    store.create_note(&NoteDraft::new("saved once writable", "x")).unwrap();
}

#[test]
fn a_read_only_file_is_read_but_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_notes(dir.path());
    set_mode(dir.path(), 0o777);
    set_mode(&db, 0o444);
    let before = std::fs::read(&db).unwrap();
    let said = refused_child(&db);
    assert!(said.contains("child refused ReadOnly: the database cannot be written"), "{said}");
    assert!(said.contains("nothing was saved"), "{said}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file was not touched");
    set_mode(&db, 0o644);
    still_whole(&db);
}

#[test]
fn a_read_only_folder_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_notes(dir.path());
    set_mode(&db, 0o666);
    set_mode(dir.path(), 0o555);
    let before = std::fs::read(&db).unwrap();
    let said = refused_child(&db);
    set_mode(dir.path(), 0o755);
    assert!(said.contains("child refused ReadOnly: the database cannot be written"), "{said}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file was not touched");
    still_whole(&db);
}

fn jevons(db: &Path, args: &[&str]) -> Output {
    unprivileged(cli::command(db, args)).output().unwrap()
}

#[test]
fn the_cli_on_a_read_only_database_says_so_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_notes(dir.path());
    set_mode(dir.path(), 0o777);
    set_mode(&db, 0o444);
    let before = std::fs::read(&db).unwrap();
    let out = jevons(&db, &["note", "add", "--title", "must not be saved"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("jevons: ") && stderr.contains("cannot be written"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let out = jevons(&db, &["search", "kept"]);
    assert!(out.status.success(), "reading still works: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("kept one"));
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file was not touched");
    set_mode(&db, 0o644);
    still_whole(&db);
}

/// The hook a test of the app uses (`Store::simulate_full_disk` on the app's own store): every
/// kind of save is refused, however small, with the full-disk message; reads go on; nothing saved
/// before is touched; once the space is back every save works, and the file is sound.
#[test]
fn a_simulated_full_disk_refuses_every_save_until_the_space_is_back() {
    use jevons::model::{ClaimDraft, SourceDraft, SourceUrl};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("simulated.db");
    let mut store = Store::open(&path).unwrap();
    let kept = store.create_note(&NoteDraft::new("kept before the disk filled", "safe and sound")).unwrap();
    store.simulate_full_disk(true).unwrap();
    let tiny = NoteEdit { body: Some("safe and sound!".into()), ..NoteEdit::default() };
    let url = SourceUrl::parse("https://example.com/full").unwrap();
    let claim = || ClaimDraft { text: "a claim".into(), note_id: Some(kept), ..ClaimDraft::default() };
    let refused: Vec<(&str, Result<(), StoreError>)> = vec![
        ("create", store.create_note(&NoteDraft::new("x", "y")).map(drop)),
        ("one-letter edit", store.edit_note(kept, &tiny).map(drop)),
        ("claim", store.add_claim(claim()).map(drop)),
        ("source", store.add_source(&SourceDraft::new(url.clone())).map(drop)),
        ("trash", store.trash_note(kept)),
        ("batch", store.batch().map(drop)),
    ];
    for (what, result) in refused {
        let err = result.expect_err(what);
        assert!(matches!(err, StoreError::DiskFull), "{what}: {err:?}");
        assert!(err.to_string().contains("disk is full"), "{what}: {err}");
    }
    assert_eq!(titles(&store, "kept"), ["kept before the disk filled"], "reading still works");
    assert_eq!(store.note(kept).unwrap().body, "safe and sound");

    store.simulate_full_disk(false).unwrap();
    assert!(!store.is_simulating_full_disk());
    store.edit_note(kept, &tiny).unwrap();
    store.add_claim(claim()).unwrap();
    let mut batch = store.batch().unwrap();
    batch.create_note(&NoteDraft::new("kept in a batch", "after the space came back")).unwrap();
    batch.commit().unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert!(store.check().unwrap().is_sound());
    assert_eq!(titles(&store, "kept"), ["kept before the disk filled", "kept in a batch"]);
    assert_eq!(store.note(kept).unwrap().body, "safe and sound!");
    assert_eq!(store.revisions(kept).unwrap().len(), 1, "the refused edits left no revision");
}

/// A real page cap bites a batch too: the whole batch is refused, nothing of it stays, and the
/// full-text index stays sound (the batch's bulk index step never half-ran).
#[test]
fn a_batch_that_fills_the_disk_leaves_nothing_behind() {
    let mut store = Store::open_in_memory().unwrap();
    store.create_note(&NoteDraft::new("kept", "written first")).unwrap();
    let pages = store.page_count().unwrap();
    store.set_page_limit(Some(pages + 4)).unwrap();
    let err = {
        let mut batch = store.batch().unwrap();
        let refused = (0..200)
            .map(|i| batch.create_note(&NoteDraft::new(format!("batch {i}"), filler(400))).map(drop))
            .find_map(Result::err);
        match refused {
            Some(err) => err, // the batch is dropped here: rolled back
            None => batch.commit().expect_err("200 notes cannot fit in 4 pages"),
        }
    };
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert_eq!(store.note_counts().unwrap(), (1, 0));
    assert!(store.check().unwrap().is_sound());
    assert!(titles(&store, "batch").is_empty());
    store.set_page_limit(None).unwrap();
    let mut batch = store.batch().unwrap();
    batch.create_note(&NoteDraft::new("batch after", filler(400))).unwrap();
    batch.commit().unwrap();
    assert_eq!(titles(&store, "batch"), ["batch after"]);
}

/// `Store::simulate_read_only` (SQLite's `query_only`) gives the same refusal as a read-only file.
#[test]
fn a_simulated_read_only_file_refuses_saves_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_notes(dir.path());
    let mut store = Store::open(&db).unwrap();
    store.simulate_read_only(true).unwrap();
    let err = store.create_note(&NoteDraft::new("must not be saved", "x")).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly), "{err:?}");
    assert!(err.to_string().contains("cannot be written") && err.to_string().contains("nothing was saved"));
    assert_eq!(titles(&store, "kept"), ["kept one", "kept two"]);
    store.simulate_read_only(false).unwrap();
    drop(store);
    still_whole(&db);
}

/// Runs `jevons` with room for at most `room` bytes in any file it writes: `RLIMIT_FSIZE` makes a
/// write past that fail (`EFBIG`) just as a full disk fails it (`ENOSPC`), with the process
/// going on to handle the error (`SIGXFSZ` ignored). `None`: no limit.
fn jevons_with_room(db: &Path, room: Option<u64>, args: &[&str]) -> Output {
    let mut command = cli::command(db, args);
    if let Some(room) = room {
        cli::limit_file_size(&mut command, room);
    }
    command.output().unwrap()
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// An export that met a full disk left a truncated JSON, a 0-byte CSV or 0-byte `.md` files under
/// the final names, and trying again after freeing space was refused ("already exists"). Now it
/// fails with one clear line, leaves nothing (no file under the final name, no temporary, the
/// folder of an export into an existing folder as it was), and the retry writes it whole.
#[test]
fn an_export_that_fills_the_disk_leaves_nothing_and_the_retry_works() {
    use jevons::model::ClaimDraft;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("research.db");
    {
        let mut store = Store::open(&db).unwrap();
        for i in 0..30 {
            let note = store.create_note(&NoteDraft::new(format!("note {i}"), filler(300))).unwrap();
            let claim =
                ClaimDraft { text: format!("claim {i} {}", filler(400)), note_id: Some(note), ..Default::default() };
            store.add_claim(claim).unwrap();
        }
        store.create_note(&NoteDraft::new("the long one", filler(20_000))).unwrap();
    }
    let existing = dir.path().join("vault");
    std::fs::create_dir(&existing).unwrap();
    std::fs::write(existing.join("mine.md"), "my own note").unwrap();
    let room = Some(64 * 1024);
    for (format, out) in [("json", "all.json"), ("csv", "claims.csv"), ("markdown", "notes"), ("markdown", "vault")] {
        let out = dir.path().join(out);
        let before = (names_in(dir.path()), names_in(&existing));
        let refused = jevons_with_room(&db, room, &["export", "--format", format, out.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert_eq!(refused.status.code(), Some(1), "{format}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{format}: {stderr}");
        assert!(stderr.starts_with("jevons: cannot write") && stderr.contains("too large"), "{format}: {stderr}");
        assert_eq!((names_in(dir.path()), names_in(&existing)), before, "{format}: nothing left behind");

        let done = jevons_with_room(&db, None, &["export", "--format", format, out.to_str().unwrap()]);
        assert!(done.status.success(), "{format} once there is room: {}", String::from_utf8_lossy(&done.stderr));
        match format {
            "json" => {
                let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
                assert_eq!(doc["notes"].as_array().unwrap().len(), 31);
            }
            "csv" => assert_eq!(std::fs::read_to_string(&out).unwrap().matches("\r\n").count(), 31, "header + 30"),
            _ => {
                let files = names_in(&out);
                assert_eq!(files.iter().filter(|n| n.ends_with(".md")).count(), if out == existing { 32 } else { 31 });
                assert!(files.iter().all(|n| !n.starts_with('.')), "no temporary left: {files:?}");
                for name in &files {
                    assert!(std::fs::metadata(out.join(name)).unwrap().len() > 0, "{name} is empty");
                }
            }
        }
    }
    assert_eq!(std::fs::read_to_string(existing.join("mine.md")).unwrap(), "my own note");
}
