//! A note's versions: its history (an earlier version made current again) and a conflict with a
//! change made elsewhere (keep mine, take theirs, keep both).

use super::{Database, JevonsApp, Pane, save_failed};
use crate::session::notes::{self, Restored, Typed};
use crate::ui::note::revisions::RevisionsView;
use crate::ui::note::state::Conflict;
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::Request;

impl JevonsApp {
    pub(super) fn toggle_revisions(&mut self) {
        let Some(editor) = &mut self.editor else { return };
        let Some(id) = editor.id else { return };
        if editor.revisions.is_some() {
            editor.revisions = None;
        } else {
            editor.revisions = Some(RevisionsView::loading(id));
            self.worker.send(Request::Revisions { note: id });
        }
    }

    pub(super) fn restore_revision(&mut self, revision: i64) {
        if !self.save_editor(false) {
            return;
        }
        let Database::Ready(store) = &mut self.db else { return };
        let Some(editor) = &mut self.editor else { return };
        let Some(id) = editor.id else { return };
        let expected = editor.base.as_ref().map(|n| n.version);
        match notes::restore_revision(store, id, revision, expected) {
            Ok(Restored::Current(note)) => {
                editor.reload(*note);
                editor.revisions = None;
                self.toasts.push(Toast::info("Restored that version; the text it replaced is kept in the history."));
                self.refresh(false, Some(id));
            }
            Ok(Restored::ChangedElsewhere) => self.changed_elsewhere(id),
            Err(err) => self.error = Some(format!("Cannot restore that version: {err}")),
        }
    }

    /// Conflict: save the typed text over the other version (which stays in the history).
    pub(super) fn keep_mine(&mut self) {
        let Some(editor) = &mut self.editor else { return };
        match editor.conflict.take() {
            Some(Conflict::Changed(theirs)) => {
                editor.base = Some(*theirs);
                editor.dirty = true;
                self.save_editor(true);
            }
            Some(Conflict::Deleted) => {
                editor.id = None;
                editor.base = None;
                editor.dirty = true;
                self.save_editor(true);
            }
            None => {}
        }
    }

    /// Conflict: drop the typed text and take the other version.
    pub(super) fn take_theirs(&mut self) {
        let Some(editor) = &mut self.editor else { return };
        match editor.conflict.take() {
            Some(Conflict::Changed(theirs)) => editor.reload(*theirs),
            Some(Conflict::Deleted) => {
                self.editor = None;
                self.pane = Pane::Empty;
            }
            None => {}
        }
    }

    /// Conflict: take the other version here and keep the typed text as a new note.
    pub(super) fn keep_both(&mut self) {
        let Database::Ready(store) = &mut self.db else { return };
        let Some(editor) = &mut self.editor else { return };
        let typed = Typed { title: editor.title.clone(), body: editor.body.text() };
        match notes::keep_copy(store, &typed) {
            Ok(copy) => {
                match editor.conflict.take() {
                    Some(Conflict::Changed(theirs)) => editor.reload(*theirs),
                    _ => {
                        self.editor = None;
                        self.pane = Pane::Empty;
                    }
                }
                self.toasts.push(Toast::info("Your text was saved as a new note, “(my copy)”."));
                self.refresh(true, Some(copy));
            }
            Err(err) => self.error = Some(save_failed(&err)),
        }
    }
}
