//! The app's side of a note's journal: reading it when the note opens, and writing or revising
//! an entry through [`crate::session::journal`].

use super::{Database, JevonsApp};
use crate::model::NoteId;
use crate::session::journal::{self, JournalChange};
use crate::ui::widgets::toasts::Toast;

impl JevonsApp {
    /// Reads the open note's journal (a few indexed rows).
    pub(super) fn load_journal(&mut self, id: NoteId) {
        let Database::Ready(store) = &self.db else { return };
        let Some(editor) = self.editor.as_mut().filter(|e| e.id == Some(id)) else { return };
        match store.journal(id) {
            Ok(threads) => editor.journal.threads = threads,
            Err(err) => self.error = Some(format!("Cannot read the note's journal: {err}")),
        }
    }

    pub(super) fn write_journal(&mut self, revise: bool) {
        let Database::Ready(store) = &mut self.db else { return };
        let Some(editor) = &mut self.editor else { return };
        let Some(note) = editor.id else { return };
        let change = match (&editor.journal.revising, revise) {
            (Some((entry, text)), true) => JournalChange::Revise { entry: *entry, text: text.clone() },
            (_, true) => return,
            (_, false) => JournalChange::Write { note, text: editor.journal.draft.clone() },
        };
        match journal::apply(store, &change) {
            Ok(done) => {
                editor.journal.threads = done.journal;
                if revise {
                    editor.journal.revising = None;
                } else {
                    editor.journal.draft.clear();
                }
                self.toasts.push(Toast::info(done.message));
            }
            Err(err) => self.error = Some(format!("Not written: {err}")),
        }
    }
}
