//! Changing the open note's properties from the panel, through [`crate::session::properties`]:
//! the change is made to the text as typed (so nothing typed is lost) and saved at once with the
//! edit-conflict rule.

use super::{Database, JevonsApp, save_failed};
use crate::model::{NoteEdit, PropertyValue, check_property_key};
use crate::session::notes::{self, Saved};
use crate::session::properties::{PropertyChange, apply};
use crate::session::reviews;
use crate::store::StoreError;
use crate::ui::note::state::Conflict;
use crate::ui::widgets::toasts::Toast;

impl JevonsApp {
    /// Sets property `key` to `value` (typed by its look) or removes it (`None`).
    pub(super) fn change_property(&mut self, key: &str, value: Option<&str>) {
        match check_property_key(key) {
            Ok(key) => {
                self.change_properties(&[PropertyChange { key, value: value.map(PropertyValue::by_look) }]);
            }
            Err(why) => self.error = Some(why.0),
        }
    }

    /// Marks the open note reviewed today: its next review `every` days on (remembered).
    pub(super) fn mark_reviewed(&mut self, every: u64) {
        if self.change_properties(&reviews::reviewed(chrono::Local::now().date_naive(), every)) {
            self.toasts.push(Toast::info(format!("Reviewed: the next review is in {every} days.")));
        }
    }

    /// Makes `changes` to the note's front matter as typed, and saves it at once; whether it was
    /// saved.
    fn change_properties(&mut self, changes: &[PropertyChange]) -> bool {
        let Some(id) = self.ensure_saved_note() else { return false };
        let Database::Ready(store) = &mut self.db else { return false };
        let Some(editor) = self.editor.as_mut() else { return false };
        if editor.conflict.is_some() {
            self.error = Some("Resolve the conflict in this note first.".to_owned());
            return false;
        }
        let body = match apply(&editor.body.text(), changes) {
            Ok(body) => body,
            Err(why) => {
                self.error = Some(why.0);
                return false;
            }
        };
        let edit = NoteEdit { title: Some(editor.title.clone()), body: Some(body), ..NoteEdit::default() };
        match notes::edit(store, id, edit, editor.base.as_ref()) {
            Ok(Saved::Stored(note)) => {
                editor.reload(*note);
                editor.saved();
                self.refresh(false, Some(id));
                return true;
            }
            Ok(Saved::Conflict(theirs)) => editor.conflict = Some(Conflict::Changed(theirs)),
            Ok(Saved::Deleted) => self.error = Some(save_failed(&StoreError::NoteNotFound(id))),
            Ok(Saved::Nothing) => return true,
            Err(err) => self.error = Some(save_failed(&err)),
        }
        false
    }
}
