//! Saving the open note and changing its tags and tickers, through [`crate::session::notes`]:
//! the editor keeps what was typed and shows what the session says happened.

use super::{Database, JevonsApp, note_links, save_failed};
use crate::model::{NoteEdit, NoteId, Symbol, TagName};
use crate::session::notes::{self, Saved, Typed};
use crate::store::StoreError;
use crate::ui::note::actions::NoteAction;
use crate::ui::note::state::Conflict;
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::Request;

impl JevonsApp {
    pub(super) fn apply_note(&mut self, action: NoteAction) {
        match action {
            NoteAction::New => self.new_note(),
            NoteAction::NewThesis => self.new_thesis(),
            NoteAction::Save => {
                self.save_editor(true);
            }
            NoteAction::AddTag(text) => self.add_tag(&text),
            NoteAction::RemoveTag(tag) => self.edit_links(NoteEdit { remove_tags: vec![tag], ..NoteEdit::default() }),
            NoteAction::AddTicker(text) => self.add_ticker(&text),
            NoteAction::RemoveTicker(symbol) => {
                self.edit_links(NoteEdit { remove_tickers: vec![symbol], ..NoteEdit::default() })
            }
            NoteAction::SetBodyMode(mode) => self.settings.body_mode = mode,
            NoteAction::SetClaimsHeight(height) => self.settings.claims_height = Some(height),
            NoteAction::ToggleRevisions => self.toggle_revisions(),
            NoteAction::SelectRevision(id) => {
                if let Some(view) = self.editor.as_mut().and_then(|e| e.revisions.as_mut()) {
                    view.selected = Some(id);
                }
            }
            NoteAction::RestoreRevision(id) => self.restore_revision(id),
            NoteAction::SetProperty { key, value } => self.change_property(&key, Some(&value)),
            NoteAction::RemoveProperty(key) => self.change_property(&key, None),
            NoteAction::KeepMine => self.keep_mine(),
            NoteAction::TakeTheirs => self.take_theirs(),
            NoteAction::KeepBoth => self.keep_both(),
            NoteAction::MarkReviewed { every } => self.mark_reviewed(every),
            NoteAction::WriteJournal => self.write_journal(false),
            NoteAction::ReviseJournal => self.write_journal(true),
            action @ (NoteAction::AskCreateLinked(_)
            | NoteAction::CreateLinked(_)
            | NoteAction::UpdateLinks
            | NoteAction::KeepLinks
            | NoteAction::CompleteTitle(_)) => self.apply_links(action),
        }
    }

    /// Saves the open note if anything typed is pending. Returns whether everything typed is now
    /// stored (false after a failed save or with an unresolved conflict, the text kept).
    pub(super) fn save_editor(&mut self, explicit: bool) -> bool {
        let now = self.ctx.input(|i| i.time);
        let Database::Ready(store) = &mut self.db else { return true };
        let Some(editor) = self.editor.as_mut() else { return true };
        if editor.conflict.is_some() {
            return false;
        }
        if !editor.dirty {
            if explicit {
                self.toasts.push(Toast::info("Nothing to save: everything is stored."));
            }
            return true;
        }
        let typed = Typed { title: editor.title.clone(), body: editor.body.text() };
        let links_before = editor.base.as_ref().map(|n| (n.tickers.clone(), n.tags.clone()));
        let created = editor.id.is_none();
        match notes::save(store, editor.id, &typed, editor.base.as_ref()) {
            Ok(Saved::Nothing) => true,
            Ok(Saved::Stored(note)) => {
                let id = note.id;
                let links_changed = links_before != Some((note.tickers.clone(), note.tags.clone()));
                let renamed_from = editor.base.as_ref().map(|n| n.title.clone()).filter(|t| *t != note.title);
                editor.id = Some(id);
                editor.base = Some(*note);
                editor.saved();
                editor.detect();
                if let Some(previous) = renamed_from {
                    note_links::noticed_rename(store, editor, previous);
                }
                self.worker.send(Request::NoteLinks { note: id });
                if created {
                    self.settings.last_note = Some(id);
                    self.settings.last_db = Some(self.config.db.clone());
                    self.refresh(true, Some(id));
                    return true;
                }
                if explicit {
                    self.toasts.push(Toast::info("Saved."));
                }
                if links_changed {
                    self.refresh(false, Some(id));
                } else {
                    self.results.invalidate(id);
                }
                true
            }
            Ok(Saved::Conflict(theirs)) => {
                editor.conflict = Some(Conflict::Changed(theirs));
                false
            }
            Ok(Saved::Deleted) => {
                editor.conflict = Some(Conflict::Deleted);
                false
            }
            Err(err) => {
                editor.save_failed(save_failed(&err), now);
                false
            }
        }
    }

    /// Makes sure the open note exists in the store (a new note is created, "Untitled" if it has
    /// no title yet), saving what was typed. Returns its id.
    pub(super) fn ensure_saved_note(&mut self) -> Option<NoteId> {
        let editor = self.editor.as_mut()?;
        if editor.id.is_none() && editor.title.trim().is_empty() {
            editor.title = "Untitled".to_owned();
            editor.dirty = true;
        }
        if editor.id.is_none() {
            editor.dirty = true;
        }
        self.save_editor(false);
        self.open_note()
    }

    /// Applies a change of tags or tickers to the open note, saving typed text in the same write.
    pub(super) fn edit_links(&mut self, mut edit: NoteEdit) {
        let Some(id) = self.ensure_saved_note() else { return };
        let Database::Ready(store) = &mut self.db else { return };
        let Some(editor) = self.editor.as_mut() else { return };
        if editor.conflict.is_some() {
            self.error = Some("Resolve the conflict in this note first.".to_owned());
            return;
        }
        if editor.dirty {
            edit.title = Some(editor.title.clone());
            edit.body = Some(editor.body.text());
        }
        match notes::edit(store, id, edit, editor.base.as_ref()) {
            Ok(Saved::Stored(note)) => {
                editor.base = Some(*note);
                editor.saved();
                editor.detect();
                self.refresh(false, Some(id));
            }
            Ok(Saved::Conflict(theirs)) => editor.conflict = Some(Conflict::Changed(theirs)),
            Ok(Saved::Deleted) => self.error = Some(save_failed(&StoreError::NoteNotFound(id))),
            Ok(Saved::Nothing) => {}
            Err(err) => self.error = Some(save_failed(&err)),
        }
    }

    pub(super) fn add_tag(&mut self, text: &str) {
        match TagName::parse(text) {
            Ok(tag) => {
                if let Some(editor) = &mut self.editor {
                    editor.tag_input.clear();
                }
                self.edit_links(NoteEdit { add_tags: vec![tag], ..NoteEdit::default() });
            }
            Err(e) => self.error = Some(e.0),
        }
    }

    pub(super) fn add_ticker(&mut self, text: &str) {
        // The field completes "NVDA  NVIDIA CORP"; only the symbol counts.
        let symbol = text.split_whitespace().next().unwrap_or_default();
        match Symbol::parse(symbol) {
            Ok(symbol) => {
                if let Some(editor) = &mut self.editor {
                    editor.ticker_input.clear();
                }
                self.edit_links(NoteEdit { add_tickers: vec![symbol], ..NoteEdit::default() });
            }
            Err(e) => self.error = Some(e.0),
        }
    }
}
