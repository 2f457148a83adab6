//! Documents through the library as the window's worker uses it: a file added with progress
//! and a cancel flag, and documents carried by a backup (they are in the database).

use crate::pdf;

use std::sync::atomic::AtomicBool;

use jevons::io::documents::DocumentError;
use jevons::session::documents::{AddFile, AddFileError, add_file};
use jevons::store::Store;

fn three_pages(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("deck.pdf");
    std::fs::write(&path, pdf::pdf(&["One", "Two pages in", "Three"], Some("Deck"))).unwrap();
    path
}

#[test]
fn progress_is_heard_per_page_and_a_cancelled_file_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("j.db")).unwrap();
    let path = three_pages(dir.path());
    let request = AddFile { path: &path, url: None, title: None, keep_unreadable: false };
    let cancelled = add_file(&mut store, &request, &mut |_, _| {}, &AtomicBool::new(true));
    assert!(matches!(cancelled, Err(AddFileError::Document(DocumentError::Cancelled))), "{cancelled:?}");
    assert_eq!(store.document_totals().unwrap(), (0, 0));

    let mut heard = Vec::new();
    let added =
        add_file(&mut store, &request, &mut |done, total| heard.push((done, total)), &AtomicBool::new(false)).unwrap();
    assert_eq!(&heard[..3], [(1, 3), (2, 3), (3, 3)]);
    assert_eq!(added.pages, 3);
    let pages = store.document_pages(added.document_id, Some(2)).unwrap();
    assert_eq!(pages[0].text.trim(), "Two pages in");
    assert_eq!(store.document_bytes(added.document_id).unwrap(), std::fs::read(&path).unwrap(), "byte for byte");
}

#[test]
fn a_backup_carries_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let mut store = Store::open(&db).unwrap();
    let path = three_pages(dir.path());
    let request = AddFile { path: &path, url: None, title: None, keep_unreadable: false };
    let added = add_file(&mut store, &request, &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
    let copy = dir.path().join("copy.db");
    drop(store);
    jevons::io::backup::backup(&db, Some(&copy)).unwrap();
    let restored = Store::open(&copy).unwrap();
    assert_eq!(restored.document_bytes(added.document_id).unwrap(), std::fs::read(&path).unwrap());
    let query = jevons::query::parse("\"pages in\"").unwrap();
    assert_eq!(restored.find_in_documents(&query, 10).unwrap().total, 1, "and their index");
}

#[test]
fn check_sees_a_damaged_documents_index_and_the_repair_rebuilds_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let mut store = Store::open(&db).unwrap();
    let path = three_pages(dir.path());
    let request = AddFile { path: &path, url: None, title: None, keep_unreadable: false };
    add_file(&mut store, &request, &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
    assert!(store.check().unwrap().is_sound());
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("INSERT INTO document_fts(rowid, text) VALUES (999, 'ghost words')", []).unwrap();
    drop(conn);
    let mut store = Store::open(&db).unwrap();
    let report = store.check().unwrap();
    assert!(report.problems.iter().any(|p| p.starts_with("full-text index of documents")), "{report:?}");
    store.rebuild_search_index().unwrap();
    assert!(store.check().unwrap().is_sound());
    let query = jevons::query::parse("ghost").unwrap();
    assert_eq!(store.find_in_documents(&query, 10).unwrap().total, 0);
}

#[test]
fn a_markdown_export_writes_the_notes_documents_beside_them() {
    use jevons::model::NoteDraft;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("j.db")).unwrap();
    let path = three_pages(dir.path());
    let request = AddFile { path: &path, url: None, title: None, keep_unreadable: false };
    let added = add_file(&mut store, &request, &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
    let unlinked = dir.path().join("loose.txt");
    std::fs::write(&unlinked, "no note links this").unwrap();
    let loose = AddFile { path: &unlinked, ..request };
    add_file(&mut store, &loose, &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
    let note = store
        .create_note(&NoteDraft { title: "Deck notes".into(), body: "read it".into(), ..NoteDraft::default() })
        .unwrap();
    store.link_source(note, added.source_id).unwrap();

    let out = dir.path().join("export");
    let report =
        jevons::io::export(&store, jevons::io::Format::Markdown, &out, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(std::fs::read(out.join("deck.pdf")).unwrap(), std::fs::read(&path).unwrap());
    assert!(out.join("Deck notes.md").exists());
    assert!(!out.join("loose.txt").exists(), "only the documents of the notes' sources");
    assert_eq!(report.files.len(), 2);
}
