//! [`JevonsApp::apply`]: the one place that turns what a view asked for into a change, each
//! kind of action handed to the part of the shell that does it.

use super::{JevonsApp, Pane};
use crate::ui::action::Action;
use crate::ui::dossier::view::MORE_CLAIMS;
use crate::ui::files::state::Transfer;
use crate::ui::worker::Request;

impl JevonsApp {
    /// Opens the highlighted result, if any.
    pub(super) fn open_selected(&mut self) {
        if self.in_sources() {
            return self.open_selected_hit();
        }
        if let Some(id) = self.results.selected.and_then(|row| self.results.ids.get(row).copied()) {
            self.open_note_by_id(id, true);
        }
    }

    /// Carries out one action. The only place that writes to the store.
    pub fn apply(&mut self, action: Action) {
        self.ctx.request_repaint();
        match action {
            Action::Search(text) => {
                let (last, error) = if self.in_sources() {
                    (&self.source_results.text, self.source_results.error.is_some())
                } else {
                    (&self.results.text, self.results.error.is_some())
                };
                if text != *last || error {
                    self.run_search(text, true);
                }
            }
            Action::SearchFor(text) => {
                self.scope_for(&text);
                self.search.text = text.clone();
                self.run_search(text, true);
            }
            Action::SelectResult { row, open } => {
                self.results.select(row);
                if open && let Some(&id) = self.results.ids.get(row) {
                    self.open_note_by_id(id, true);
                }
            }
            Action::MoveSelection(delta) if self.in_sources() => {
                if let Some(row) = self.source_results.step(delta) {
                    self.source_results.select(row);
                    self.source_results.scroll_to_selected = true;
                }
            }
            Action::MoveSelection(delta) => {
                if let Some(row) = self.results.step(delta) {
                    self.results.select(row);
                    self.results.scroll_to_selected = true;
                }
            }
            Action::OpenSelected => self.open_selected(),
            Action::SearchEntered(text) => self.search_entered(&text),
            Action::OpenNote(id) => self.open_note_by_id(id, true),
            Action::OpenDossier(symbol) => self.open_dossier(&symbol),
            Action::MoreDossierClaims => {
                if let Pane::Dossier(view) = &mut self.pane {
                    view.limits.claims += MORE_CLAIMS;
                    self.worker.send(Request::Dossier { symbol: view.symbol.clone(), limits: view.limits });
                }
            }
            Action::OpenSource(id) => self.open_source(id),
            Action::QuoteAsClaim(request) => self.quote_as_claim(request),
            Action::OpenDocument { source, page } => self.open_document(source, page),
            Action::DropFiles(paths) => self.add_dropped(paths),
            Action::EditSource { source, details } => self.edit_source(source, &details),
            Action::OpenSourceAt { id, page } => self.open_source_at(id, page),
            Action::SearchScope(scope) => self.set_scope(scope),
            Action::SelectSourceHit { row, open } => self.select_source_hit(row, open),
            Action::ShowTrash => {
                self.scope_for("is:trash");
                self.search.text = "is:trash".to_owned();
                self.run_search("is:trash".to_owned(), true);
            }
            Action::Back => self.back(),
            Action::FocusSearch => {
                self.ctx.memory_mut(|m| m.request_focus(crate::ui::search::search_box::search_id()));
            }
            Action::CloseDialog => self.dialog = None,
            Action::OpenLink(url) => {
                // Handed to egui in the frame; `guard_links` then lets only web links through.
                self.links_to_open.push(url);
            }
            Action::CycleTheme => {
                self.settings.theme = self.settings.theme.next();
                self.ctx.set_theme(self.settings.theme.preference());
            }
            Action::ToggleHelp => self.help = !self.help,
            Action::DismissToast(id) => self.toasts.dismiss(id),
            Action::DismissError => self.error = None,
            Action::OpenDatabase(path) => self.reopen(path),
            Action::CloseAnyway => {
                if let Transfer::Running(running) = &self.transfer {
                    running.cancel();
                }
                self.closing = true;
                self.dialog = None;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::Note(action) => self.apply_note(action),
            Action::Trash(action) => self.apply_trash(action),
            Action::Claim(action) => self.apply_claim(action),
            Action::Transfer(action) => self.apply_transfer(action),
            Action::Encryption(action) => self.apply_encryption(action),
            Action::Names(action) => self.apply_names(action),
            Action::AskSaveSearch => self.sidebar.saved.ask_name(&self.results.text),
            Action::Saved(change) => self.apply_saved(change),
            Action::Claimants(action) => self.apply_claimants(action),
            Action::AddEvent(event) => self.add_event(event),
            Action::CompleteTicker(typed) => {
                let typed = typed.trim().trim_start_matches('$').to_owned();
                if !typed.is_empty() && typed != self.completions.asked {
                    self.completions.asked = typed.clone();
                    self.worker.send(Request::Complete { typed });
                }
            }
        }
    }
}
