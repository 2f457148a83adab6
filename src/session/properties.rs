//! Changing a note's properties, for both front ends: `--prop KEY=VALUE` on the command line and
//! the properties panel in the window. A change rewrites one field of the front matter at the
//! head of the note's body (see [`crate::model::front_matter`]) and is saved like any edit of
//! the body, with the edit-conflict rule of [`super::notes::edit`].

use super::notes::{self, Saved};
use crate::model::{Invalid, Note, NoteEdit, NoteId, PropertyValue, check_property_key, set_property};
use crate::store::{Store, StoreError};

/// Set a property (typed by its look) or remove it (`None`).
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyChange {
    pub key: String,
    pub value: Option<PropertyValue>,
}

impl PropertyChange {
    /// Reads `KEY=VALUE` (`KEY=` removes the property); the value is typed by its look (see
    /// [`PropertyValue::by_look`]).
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let Some((key, value)) = text.split_once('=') else {
            return Err(Invalid::new(format!("{text:?} is not KEY=VALUE (KEY= removes the property)")));
        };
        let key = check_property_key(key)?;
        let value = (!value.trim().is_empty()).then(|| PropertyValue::by_look(value));
        Ok(Self { key, value })
    }
}

/// `body` with every change made, in order.
pub fn apply(body: &str, changes: &[PropertyChange]) -> Result<String, Invalid> {
    changes.iter().try_fold(body.to_owned(), |body, change| set_property(&body, &change.key, change.value.as_ref()))
}

/// Makes `changes` to note `id`'s properties, based on the version `base` (the note as the user
/// saw it; `None`: the stored one, whatever its version).
pub fn change(
    store: &mut Store,
    id: NoteId,
    changes: &[PropertyChange],
    base: Option<&Note>,
) -> Result<Saved, StoreError> {
    let current;
    let note = match base {
        Some(note) => note,
        None => {
            current = store.note(id)?;
            &current
        }
    };
    let body = apply(&note.body, changes)?;
    notes::edit(store, id, NoteEdit { body: Some(body), ..NoteEdit::default() }, Some(note))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NoteDraft, read_properties};

    #[test]
    fn assignments_set_type_and_remove_properties() {
        let change = PropertyChange::parse("price_target=180").unwrap();
        assert_eq!(change, PropertyChange { key: "price_target".into(), value: Some(PropertyValue::Number(180.0)) });
        assert_eq!(PropertyChange::parse("status=").unwrap().value, None);
        assert!(PropertyChange::parse("status").is_err());
        assert!(PropertyChange::parse("=x").is_err());
        assert!(PropertyChange::parse("tags=x").is_err());
    }

    #[test]
    fn a_change_is_saved_into_the_notes_front_matter() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.create_note(&NoteDraft::new("Thesis", "Body")).unwrap();
        let changes =
            [PropertyChange::parse("conviction=high").unwrap(), PropertyChange::parse("review=2025-03-01").unwrap()];
        let Saved::Stored(note) = change(&mut store, id, &changes, None).unwrap() else { panic!("not stored") };
        assert_eq!(note.body, "---\nconviction: high\nreview: 2025-03-01\n---\n\nBody");
        let Saved::Stored(note) =
            change(&mut store, id, &[PropertyChange::parse("conviction=").unwrap()], None).unwrap()
        else {
            panic!("not stored")
        };
        assert_eq!(read_properties(&note.body).len(), 1);
    }
}
