//! The trash: moving a note there (and saying which), taking it out, deleting one note or every
//! trashed note for good. Only trashed notes can be deleted for good.

use crate::model::NoteId;
use crate::store::{Store, StoreError};

/// A note moved to the trash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trashed {
    /// Its title as a person reads it ("Untitled" when it has none), for "Moved … to the trash".
    pub title: String,
}

/// Moves note `id` to the trash (where it can be restored from).
pub fn trash(store: &mut Store, id: NoteId) -> Result<Trashed, StoreError> {
    let title = store.note(id).map(|n| n.title).unwrap_or_default();
    store.trash_note(id)?;
    let title = if title.trim().is_empty() { "Untitled".to_owned() } else { title };
    Ok(Trashed { title })
}

/// Takes note `id` out of the trash.
pub fn restore(store: &mut Store, id: NoteId) -> Result<(), StoreError> {
    store.restore_note(id)
}

/// Deletes trashed note `id` for good; a note not in the trash is refused.
pub fn purge(store: &mut Store, id: NoteId) -> Result<(), StoreError> {
    store.purge_note(id)
}

/// Deletes every trashed note for good; returns how many.
pub fn empty(store: &mut Store) -> Result<u64, StoreError> {
    store.empty_trash()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture;

    #[test]
    fn a_trashed_note_is_named_and_can_come_back() {
        let (_dir, mut store) = fixture::store();
        let id = fixture::note(&mut store, "", "no title yet");
        assert_eq!(trash(&mut store, id).unwrap().title, "Untitled");
        assert!(store.note(id).unwrap().deleted_at.is_some());
        restore(&mut store, id).unwrap();
        assert!(store.note(id).unwrap().deleted_at.is_none());
    }

    #[test]
    fn only_a_trashed_note_is_deleted_for_good() {
        let (_dir, mut store) = fixture::store();
        let id = fixture::note(&mut store, "R1", "keep me");
        assert!(purge(&mut store, id).is_err(), "not in the trash");
        assert!(store.note(id).is_ok());
        trash(&mut store, id).unwrap();
        purge(&mut store, id).unwrap();
        assert!(matches!(store.note(id), Err(StoreError::NoteNotFound(_))));
    }

    #[test]
    fn emptying_the_trash_leaves_the_other_notes() {
        let (_dir, mut store) = fixture::store();
        let kept = fixture::note(&mut store, "kept", "");
        for title in ["a", "b"] {
            let id = fixture::note(&mut store, title, "");
            trash(&mut store, id).unwrap();
        }
        assert_eq!(empty(&mut store).unwrap(), 2);
        assert!(store.note(kept).is_ok());
        assert_eq!(empty(&mut store).unwrap(), 0);
    }
}
