//! Claims from the window: opening the claim form (empty, from a suggestion, or on a claim),
//! submitting it, deleting a claim with an undo, through [`crate::session::claims`].

use super::{Database, JevonsApp, Pane, save_failed};
use crate::extract::ClaimSuggestion;
use crate::model::ClaimId;
use crate::session::claims::{self, Submission, Submitted};
use crate::ui::action::Action;
use crate::ui::note::actions::ClaimAction;
use crate::ui::note::claim_form::{ClaimForm, SourcePick};
use crate::ui::note::state::NoteEditor;
use crate::ui::widgets::toasts::Toast;

impl JevonsApp {
    pub(super) fn apply_claim(&mut self, action: ClaimAction) {
        match action {
            ClaimAction::New => self.new_claim(None),
            ClaimAction::FromSuggestion(suggestion) => self.new_claim(Some(&suggestion)),
            ClaimAction::ShowTab(tab) => {
                if let Some(editor) = &mut self.editor {
                    editor.claims_tab = tab;
                }
            }
            ClaimAction::Edit(id) => self.edit_claim(id),
            ClaimAction::Cancel => {
                if let Some(editor) = &mut self.editor {
                    editor.claim_form = None;
                }
            }
            ClaimAction::Submit => self.submit_claim(),
            ClaimAction::Delete(id) => self.delete_claim(id),
            ClaimAction::UndoDelete(toast) => self.undo_delete_claim(toast),
        }
    }

    /// Opens the claim form for a new claim: empty, or filled in from a suggestion.
    pub(super) fn new_claim(&mut self, suggestion: Option<&ClaimSuggestion>) {
        if !matches!(self.pane, Pane::Note) || self.editor.as_ref().is_none_or(NoteEditor::is_trashed) {
            return;
        }
        let Some(id) = self.ensure_saved_note() else { return };
        if let Some(editor) = &mut self.editor {
            let note = editor.base.as_ref();
            let mut form = match suggestion {
                Some(suggestion) => {
                    let anchor = editor.analysis.latest().and_then(|a| a.anchor.as_ref());
                    ClaimForm::from_suggestion(id, suggestion, note.map_or(&[], |n| n.sources.as_slice()), anchor)
                }
                None => ClaimForm::new(id, &editor.ticker_chips()),
            };
            form.add_candidates(note.map(|n| n.claims.clone()).unwrap_or_default());
            editor.claim_form = Some(form);
        }
    }

    pub(super) fn edit_claim(&mut self, claim: ClaimId) {
        let Some(editor) = &mut self.editor else { return };
        let (Some(id), Some(base)) = (editor.id, &editor.base) else { return };
        if let Some(found) = base.claims.iter().find(|c| c.id == claim) {
            let mut form = ClaimForm::edit(found, id);
            form.add_candidates(base.claims.clone());
            editor.claim_form = Some(form);
        }
    }

    pub(super) fn submit_claim(&mut self) {
        let Some(editor) = &mut self.editor else { return };
        let Some(form) = &mut editor.claim_form else { return };
        form.tried = true;
        let Ok(checked) = form.check() else { return };
        let Database::Ready(store) = &mut self.db else { return };
        let submission = Submission {
            editing: form.editing,
            draft: checked.draft,
            new_source: checked.new_source.map(|source| (source, checked.quote)),
            links: form.outgoing(),
            page: checked.page,
        };
        match claims::submit(store, submission) {
            Submitted::Saved(_) => {
                let note = form.note;
                editor.claim_form = None;
                self.changed_elsewhere(note);
                self.refresh(false, Some(note));
            }
            Submitted::Failed { error, source_added } => {
                if let Some(id) = source_added {
                    // The source exists now: a second try must not add it again.
                    form.source = SourcePick::Existing(id);
                }
                form.store_error = Some(save_failed(&error));
            }
        }
    }

    pub(super) fn delete_claim(&mut self, claim: ClaimId) {
        let Database::Ready(store) = &mut self.db else { return };
        match claims::delete(store, claim) {
            Ok(deleted) => {
                let note = deleted.note_id;
                let toast = self.toasts.push(Toast::undo("Claim deleted.", Action::Claim(ClaimAction::UndoDelete(0))));
                self.toasts.set_undo(toast, Action::Claim(ClaimAction::UndoDelete(toast)));
                self.deleted_claims.push((toast, deleted));
                if let Some(note) = note {
                    if self.open_note() == Some(note) {
                        self.changed_elsewhere(note);
                    }
                    self.refresh(false, Some(note));
                }
            }
            Err(err) => self.error = Some(format!("Cannot delete the claim: {err}")),
        }
    }

    pub(super) fn undo_delete_claim(&mut self, toast: u64) {
        self.toasts.dismiss(toast);
        let Some(at) = self.deleted_claims.iter().position(|(t, _)| *t == toast) else { return };
        let (_, claim) = self.deleted_claims.remove(at);
        let Database::Ready(store) = &mut self.db else { return };
        // The links it made come back with it (those to claims still there).
        match claims::bring_back(store, &claim) {
            Ok(_) => {
                if let Some(note) = claim.note_id {
                    if self.open_note() == Some(note) {
                        self.changed_elsewhere(note);
                    }
                    self.refresh(false, Some(note));
                }
            }
            Err(err) => self.error = Some(format!("Cannot bring the claim back: {err}")),
        }
    }
}
