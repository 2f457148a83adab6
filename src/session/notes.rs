//! Saving a note: creating it from what was typed, or writing over the version it was based on
//! with the edit-conflict rule ("only links changed: save over it"), keeping both versions when a
//! conflict is resolved that way, and making an earlier revision current again.

use crate::model::{Note, NoteDraft, NoteEdit, NoteId};
use crate::store::{Store, StoreError};

/// What the user typed into a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    pub title: String,
    pub body: String,
}

impl Typed {
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty() && self.body.trim().is_empty()
    }
}

/// What saving did.
#[derive(Debug)]
pub enum Saved {
    /// Nothing to store: a new note with neither title nor body.
    Nothing,
    /// Stored; the note as it is now.
    Stored(Box<Note>),
    /// The note's text was changed elsewhere since the version it was based on: nothing was
    /// written, and the other version is here to show beside what was typed.
    Conflict(Box<Note>),
    /// The note is gone (deleted for good elsewhere): nothing was written.
    Deleted,
}

/// Creates a note from what was typed (nothing when title and body are blank).
pub fn create(store: &mut Store, typed: &Typed) -> Result<Saved, StoreError> {
    if typed.is_blank() {
        return Ok(Saved::Nothing);
    }
    let draft = NoteDraft::new(typed.title.clone(), typed.body.clone());
    let id = store.create_note(&draft)?;
    Ok(Saved::Stored(Box::new(store.note(id)?)))
}

/// Writes `edit` over note `id`, expecting the version `base`. When the note changed elsewhere
/// since `base` but its title and body are still `base`'s (only its links or claims changed),
/// the edit goes over the newer version; when its text changed, nothing is written and the
/// newer version comes back as a [`Saved::Conflict`].
pub fn edit(store: &mut Store, id: NoteId, mut edit: NoteEdit, base: Option<&Note>) -> Result<Saved, StoreError> {
    edit.expected_version = base.map(|n| n.version);
    let mut result = store.edit_note(id, &edit);
    if let Err(StoreError::Conflict { found, .. }) = result {
        match store.note(id) {
            Ok(theirs) if base.is_some_and(|base| same_text(base, &theirs)) => {
                edit.expected_version = Some(found);
                result = store.edit_note(id, &edit);
            }
            Ok(theirs) => return Ok(Saved::Conflict(Box::new(theirs))),
            Err(err) => result = Err(err),
        }
    }
    match result {
        Ok(note) => Ok(Saved::Stored(Box::new(note))),
        Err(StoreError::NoteNotFound(_)) => Ok(Saved::Deleted),
        Err(err) => Err(err),
    }
}

/// Saves what was typed in note `id` (or a new note when `id` is none), based on `base`.
pub fn save(store: &mut Store, id: Option<NoteId>, typed: &Typed, base: Option<&Note>) -> Result<Saved, StoreError> {
    match id {
        None => create(store, typed),
        Some(id) => {
            let change =
                NoteEdit { title: Some(typed.title.clone()), body: Some(typed.body.clone()), ..NoteEdit::default() };
            edit(store, id, change, base)
        }
    }
}

/// Keep both: what was typed becomes a new note titled "… (my copy)"; the other version stays.
pub fn keep_copy(store: &mut Store, typed: &Typed) -> Result<NoteId, StoreError> {
    let title = if typed.title.trim().is_empty() { "Untitled" } else { &typed.title };
    store.create_note(&NoteDraft::new(format!("{title} (my copy)"), typed.body.clone()))
}

/// What restoring an earlier version did.
#[derive(Debug)]
pub enum Restored {
    /// That version is current; the note as it is now.
    Current(Box<Note>),
    /// The note changed since `base_version`: nothing was restored.
    ChangedElsewhere,
}

/// Makes `revision` of note `id` current again, unless the note changed since `base_version`.
/// The text it replaces is kept in the history.
pub fn restore_revision(
    store: &mut Store,
    id: NoteId,
    revision: i64,
    base_version: Option<i64>,
) -> Result<Restored, StoreError> {
    match store.restore_revision(id, revision, base_version) {
        Ok(note) => Ok(Restored::Current(Box::new(note))),
        Err(StoreError::Conflict { .. }) => Ok(Restored::ChangedElsewhere),
        Err(err) => Err(err),
    }
}

/// Whether two versions have the same title and body (links, claims and version aside).
pub fn same_text(a: &Note, b: &Note) -> bool {
    a.title == b.title && a.body == b.body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Symbol, TagName};
    use crate::session::fixture;

    fn typed(title: &str, body: &str) -> Typed {
        Typed { title: title.to_owned(), body: body.to_owned() }
    }

    fn stored(saved: Saved) -> Note {
        match saved {
            Saved::Stored(note) => *note,
            other => panic!("expected a stored note, got {other:?}"),
        }
    }

    #[test]
    fn a_blank_new_note_is_not_stored_and_a_typed_one_is() {
        let (_dir, mut store) = fixture::store();
        assert!(matches!(save(&mut store, None, &typed(" ", "\n"), None).unwrap(), Saved::Nothing));
        let note = stored(save(&mut store, None, &typed("R1", "US$6M to train"), None).unwrap());
        assert_eq!(store.note(note.id).unwrap().body, "US$6M to train");
    }

    #[test]
    fn a_save_based_on_the_current_version_is_stored() {
        let (_dir, mut store) = fixture::store();
        let id = fixture::note(&mut store, "R1", "first");
        let base = store.note(id).unwrap();
        let note = stored(save(&mut store, Some(id), &typed("R1", "second"), Some(&base)).unwrap());
        assert_eq!(note.body, "second");
        assert!(note.version > base.version);
    }

    #[test]
    fn when_only_links_changed_elsewhere_the_typed_text_is_saved_over_them() {
        let (_dir, mut store) = fixture::store();
        let id = fixture::note(&mut store, "R1", "first");
        let base = store.note(id).unwrap();
        let tag = NoteEdit { add_tags: vec![TagName::parse("ai").unwrap()], ..NoteEdit::default() };
        store.edit_note(id, &tag).unwrap();
        let note = stored(save(&mut store, Some(id), &typed("R1", "mine"), Some(&base)).unwrap());
        assert_eq!(note.body, "mine");
        assert_eq!(note.tags.len(), 1, "the tag added elsewhere stays");
    }

    #[test]
    fn when_the_text_changed_elsewhere_nothing_is_written_and_theirs_comes_back() {
        let (_dir, mut store) = fixture::store();
        let id = fixture::note(&mut store, "R1", "first");
        let base = store.note(id).unwrap();
        let theirs = NoteEdit { body: Some("theirs".to_owned()), ..NoteEdit::default() };
        store.edit_note(id, &theirs).unwrap();
        match save(&mut store, Some(id), &typed("R1", "mine"), Some(&base)).unwrap() {
            Saved::Conflict(other) => assert_eq!(other.body, "theirs"),
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert_eq!(store.note(id).unwrap().body, "theirs");
        // Keep mine: saving again based on their version writes over it.
        let over = store.note(id).unwrap();
        assert_eq!(stored(save(&mut store, Some(id), &typed("R1", "mine"), Some(&over)).unwrap()).body, "mine");
    }

    #[test]
    fn a_note_deleted_elsewhere_is_reported_not_recreated() {
        let (_dir, mut store) = fixture::store();
        let id = fixture::note(&mut store, "R1", "first");
        let base = store.note(id).unwrap();
        store.trash_note(id).unwrap();
        store.purge_note(id).unwrap();
        assert!(matches!(save(&mut store, Some(id), &typed("R1", "mine"), Some(&base)).unwrap(), Saved::Deleted));
        assert!(matches!(store.note(id), Err(StoreError::NoteNotFound(_))));
    }

    #[test]
    fn a_link_edit_goes_through_the_same_rule() {
        let (_dir, mut store) = fixture::store();
        let id = fixture::note(&mut store, "R1", "first");
        let base = store.note(id).unwrap();
        store.edit_note(id, &NoteEdit { body: Some("theirs".to_owned()), ..NoteEdit::default() }).unwrap();
        let link = NoteEdit { add_tickers: vec![Symbol::parse("NVDA").unwrap()], ..NoteEdit::default() };
        assert!(matches!(edit(&mut store, id, link, Some(&base)).unwrap(), Saved::Conflict(_)));
        assert!(store.note(id).unwrap().tickers.is_empty());
    }

    #[test]
    fn keep_both_stores_the_typed_text_as_a_copy() {
        let (_dir, mut store) = fixture::store();
        let copy = keep_copy(&mut store, &typed("", "mine")).unwrap();
        let note = store.note(copy).unwrap();
        assert_eq!((note.title.as_str(), note.body.as_str()), ("Untitled (my copy)", "mine"));
    }

    #[test]
    fn an_earlier_version_comes_back_unless_the_note_changed_since() {
        let (_dir, mut store) = fixture::store();
        let id = fixture::note(&mut store, "R1", "first");
        let edit = NoteEdit { body: Some("second".to_owned()), ..NoteEdit::default() };
        let current = store.edit_note(id, &edit).unwrap();
        let revision = store.revisions(id).unwrap()[0].id;
        assert!(matches!(
            restore_revision(&mut store, id, revision, Some(current.version - 1)).unwrap(),
            Restored::ChangedElsewhere
        ));
        match restore_revision(&mut store, id, revision, Some(current.version)).unwrap() {
            Restored::Current(note) => assert_eq!(note.body, "first"),
            other => panic!("expected the old version back, got {other:?}"),
        }
    }
}
