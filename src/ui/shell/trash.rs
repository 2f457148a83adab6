//! The trash from the window: moving a note there (with an undo), restoring it, deleting it or
//! everything in the trash for good, through [`crate::session::trash`].

use super::{Database, JevonsApp, Pane};
use crate::model::NoteId;
use crate::session::trash::{self, Trashed};
use crate::ui::action::Action;
use crate::ui::note::actions::TrashAction;
use crate::ui::note::state::NoteEditor;
use crate::ui::widgets::dialogs::Dialog;
use crate::ui::widgets::theme;
use crate::ui::widgets::toasts::Toast;

impl JevonsApp {
    pub(super) fn apply_trash(&mut self, action: TrashAction) {
        match action {
            TrashAction::Move(id) => self.trash(id),
            TrashAction::Restore(id) => self.restore(id),
            TrashAction::AskPurge(id) => {
                let title = self.editor.as_ref().map(|e| e.title_or_untitled().to_owned()).unwrap_or_default();
                self.dialog = Some(Dialog::Purge(id, title));
            }
            TrashAction::Purge(id) => self.purge(id),
            TrashAction::AskEmpty => self.dialog = Some(Dialog::EmptyTrash(self.sidebar.data.trashed)),
            TrashAction::Empty => self.empty_trash(),
        }
    }

    pub(super) fn trash(&mut self, id: NoteId) {
        if self.open_note() == Some(id) && !self.save_editor(false) {
            return;
        }
        let Database::Ready(store) = &mut self.db else { return };
        match trash::trash(store, id) {
            Ok(Trashed { title }) => {
                if self.open_note() == Some(id) {
                    self.editor = None;
                    self.pane = Pane::Empty;
                }
                self.toasts.push(Toast::undo(
                    format!("Moved “{title}” to the trash."),
                    Action::Trash(TrashAction::Restore(id)),
                ));
                self.refresh(true, Some(id));
            }
            Err(err) => self.error = Some(format!("Cannot move the note to the trash: {err}")),
        }
    }

    pub(super) fn restore(&mut self, id: NoteId) {
        let Database::Ready(store) = &mut self.db else { return };
        match trash::restore(store, id) {
            Ok(()) => {
                self.toasts.push(Toast::info("Restored from the trash."));
                self.refresh(true, Some(id));
                if self.open_note() == Some(id) {
                    self.changed_elsewhere(id);
                } else {
                    self.open_note_by_id(id, true);
                }
            }
            Err(err) => self.error = Some(format!("Cannot restore the note: {err}")),
        }
    }

    pub(super) fn purge(&mut self, id: NoteId) {
        self.dialog = None;
        let Database::Ready(store) = &mut self.db else { return };
        match trash::purge(store, id) {
            Ok(()) => {
                if self.open_note() == Some(id) {
                    self.editor = None;
                    self.pane = Pane::Empty;
                }
                self.toasts.push(Toast::info("Deleted for good."));
                self.refresh(true, None);
            }
            Err(err) => self.error = Some(format!("Cannot delete the note: {err}")),
        }
    }

    pub(super) fn empty_trash(&mut self) {
        self.dialog = None;
        let Database::Ready(store) = &mut self.db else { return };
        match trash::empty(store) {
            Ok(count) => {
                if self.editor.as_ref().is_some_and(NoteEditor::is_trashed) {
                    self.editor = None;
                    self.pane = Pane::Empty;
                }
                self.toasts.push(Toast::info(format!("Deleted {} notes for good.", theme::count(count))));
                self.refresh(true, None);
            }
            Err(err) => self.error = Some(format!("Cannot empty the trash: {err}")),
        }
    }
}
