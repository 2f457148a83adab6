//! The open note's links, through [`crate::session::links`]: reading them (off the frame, after
//! each open and save), following a link to a note that does not exist yet, completing titles
//! after `[[`, and offering to update the links a rename left behind.

use super::{Database, JevonsApp};
use crate::model::{NoteId, fold};
use crate::session::links;
use crate::store::Store;
use crate::ui::note::actions::NoteAction;
use crate::ui::note::links::{LinksData, RenameOffer};
use crate::ui::note::state::NoteEditor;
use crate::ui::widgets::dialogs::Dialog;
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::Request;

impl JevonsApp {
    pub(super) fn apply_links(&mut self, action: NoteAction) {
        match action {
            NoteAction::AskCreateLinked(title) => self.dialog = Some(Dialog::CreateLinked(title)),
            NoteAction::CreateLinked(title) => self.create_linked(&title),
            NoteAction::UpdateLinks => self.update_links(),
            NoteAction::KeepLinks => {
                if let Some(editor) = &mut self.editor {
                    editor.links.rename = None;
                }
            }
            NoteAction::CompleteTitle(typed) => {
                let Some(editor) = &mut self.editor else { return };
                if typed != editor.links.titles.asked {
                    editor.links.titles.asked = typed.clone();
                    self.worker.send(Request::CompleteTitle { typed });
                }
            }
            _ => {}
        }
    }

    /// Asks the worker for the open note's links, backlinks and mentions.
    pub(super) fn request_links(&mut self, note: NoteId) {
        self.worker.send(Request::NoteLinks { note });
    }

    pub(super) fn links_arrived(&mut self, note: NoteId, result: Result<LinksData, String>) {
        let Some(editor) = self.editor.as_mut().filter(|e| e.id == Some(note)) else { return };
        match result {
            Ok(data) => {
                editor.links.arrived(note, data);
                // The preview shows which links reach a note.
                editor.preview_stale = true;
                self.ctx.request_repaint();
            }
            Err(message) => self.error = Some(format!("Cannot read the links of this note: {message}")),
        }
    }

    /// Opens the note a clicked link names, creating it first (the dialog asked).
    fn create_linked(&mut self, title: &str) {
        self.dialog = None;
        if !self.save_editor(false) {
            return;
        }
        let Database::Ready(store) = &mut self.db else { return };
        match links::open_or_create(store, title) {
            Ok((id, created)) => {
                if created {
                    self.toasts.push(Toast::info(format!("Created “{}”.", title.trim())));
                    self.refresh(true, Some(id));
                }
                self.open_note_by_id(id, true);
            }
            Err(err) => self.error = Some(format!("Cannot create the note: {err}")),
        }
    }

    fn update_links(&mut self) {
        if !self.save_editor(false) {
            return;
        }
        let Database::Ready(store) = &mut self.db else { return };
        let Some(editor) = &mut self.editor else { return };
        let (Some(id), Some(offer)) = (editor.id, editor.links.rename.take()) else { return };
        let title = editor.base.as_ref().map(|n| n.title.clone()).unwrap_or_default();
        match links::update_links(store, id, &offer.old_title, &title) {
            Ok(changed) => {
                let notes = if changed == 1 { "1 note".to_owned() } else { format!("{changed} notes") };
                self.toasts.push(Toast::info(format!("Links updated in {notes}; each keeps its earlier version.")));
                self.refresh(true, Some(id));
                self.request_links(id);
            }
            Err(err) => {
                self.error = Some(format!("Links not updated: {err}"));
                editor.links.rename = Some(offer);
            }
        }
    }
}

/// After a save changed the open note's title from `previous`: offers to update the links that
/// still say the title the note had before the rename began (or drops the offer when none do).
pub(super) fn noticed_rename(store: &Store, editor: &mut NoteEditor, previous: String) {
    let Some(id) = editor.id else { return };
    let old = editor.links.rename.take().map_or(previous, |offer| offer.old_title);
    let new = editor.base.as_ref().map(|n| n.title.as_str()).unwrap_or_default();
    if fold(old.trim()) == fold(new.trim()) {
        return;
    }
    if let Ok(notes) = links::links_left_by_rename(store, id, &old)
        && notes > 0
    {
        editor.links.rename = Some(RenameOffer { old_title: old, notes });
    }
}
