//! Documents through the library as the window's worker uses it: a file added with progress
//! and a cancel flag, and documents carried by a backup (they are in the database).

#[path = "common/pdf.rs"]
mod pdf;

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
