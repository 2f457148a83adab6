//! A research database on disk in a temporary folder, for the session's tests.

use crate::model::{NoteDraft, NoteId};
use crate::store::Store;

/// A fresh store in its own temporary folder (kept alive by the returned guard).
pub fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(&dir.path().join("research.db")).expect("a new database");
    (dir, store)
}

/// A stored note with this title and body.
pub fn note(store: &mut Store, title: &str, body: &str) -> NoteId {
    store.create_note(&NoteDraft::new(title, body)).expect("a new note")
}
