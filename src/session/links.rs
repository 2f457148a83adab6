//! Links between notes: following a link to a note that does not exist yet (creating it), and
//! updating the links that still say a renamed note's old title.

use crate::extract::linkable;
use crate::model::{Invalid, NoteDraft, NoteId};
use crate::store::{Store, StoreError};

/// The note a link titled `title` reaches: the one it resolves to now, else a new empty note
/// with that title. Returns its id and whether it was created.
pub fn open_or_create(store: &mut Store, title: &str) -> Result<(NoteId, bool), StoreError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Invalid::new("a link needs a title to create its note").into());
    }
    if let Some(id) = store.resolve_link(title)? {
        return Ok((id, false));
    }
    Ok((store.create_note(&NoteDraft::new(title, ""))?, true))
}

/// How many notes hold links that a rename of `note` from `old_title` left behind.
pub fn links_left_by_rename(store: &Store, note: NoteId, old_title: &str) -> Result<usize, StoreError> {
    Ok(store.links_left_by_rename(note, old_title)?.len())
}

/// Rewrites those links to say `new_title`, in one transaction, each note saved as an edit with
/// its previous version kept. A title a link cannot hold (`[`, `]`, `|`, `#`, a line break) is
/// refused with a message and nothing changes. Returns how many notes changed.
pub fn update_links(store: &mut Store, note: NoteId, old_title: &str, new_title: &str) -> Result<usize, StoreError> {
    if !linkable(new_title) {
        return Err(Invalid::new(format!(
            "links cannot say “{}”: a title in a link has no [, ], |, # or line break",
            new_title.trim()
        ))
        .into());
    }
    Ok(store.retarget_links(note, old_title, new_title)?.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn following_a_link_creates_its_note_once() {
        let mut store = Store::open_in_memory().unwrap();
        let (id, created) = open_or_create(&mut store, " Capex cycle ").unwrap();
        assert!(created);
        assert_eq!(store.note(id).unwrap().title, "Capex cycle");
        assert_eq!(open_or_create(&mut store, "capex CYCLE").unwrap(), (id, false));
        assert!(open_or_create(&mut store, "  ").is_err());
    }

    #[test]
    fn a_title_a_link_cannot_hold_is_refused_and_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let target = store.create_note(&NoteDraft::new("Old", "")).unwrap();
        let linker = store.create_note(&NoteDraft::new("L", "[[Old]]")).unwrap();
        let err = update_links(&mut store, target, "Old", "A|B").unwrap_err();
        assert!(err.to_string().contains("links cannot say “A|B”"), "{err}");
        assert_eq!(store.note(linker).unwrap().body, "[[Old]]");
        assert_eq!(links_left_by_rename(&store, target, "Old").unwrap(), 1);
        assert_eq!(update_links(&mut store, target, "Old", "New").unwrap(), 1);
        assert_eq!(store.note(linker).unwrap().body, "[[New]]");
    }
}
