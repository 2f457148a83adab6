//! The app's side of who was right: the Claimants pane (opening it, the records read on the
//! worker; picking a claimant; merging or separating claimant names through
//! [`crate::session::claimants`], with an undo in the message), and the events added from the
//! dossier.

use super::{Database, JevonsApp, Pane};
use crate::session::claimants;
use crate::ui::action::Action;
use crate::ui::claimants::state::{CALLS_PAGE, ClaimantsAction, ClaimantsView};
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::Request;

impl JevonsApp {
    /// Adds a dated event, then reads the open dossier again (its chart draws it).
    pub(super) fn add_event(&mut self, event: crate::model::EventDraft) {
        let Database::Ready(store) = &mut self.db else { return };
        match store.add_event(event.day, &event.title, event.symbol.as_ref()) {
            Ok(_) => {
                let scope = event.symbol.as_ref().map_or_else(|| "every ticker".to_owned(), |s| format!("${s}"));
                self.toasts.push(Toast::info(format!("Added “{}” on {} ({scope})", event.title, event.day)));
                if let Pane::Dossier(view) = &mut self.pane {
                    view.event = Default::default();
                    self.worker.send(Request::Dossier { symbol: view.symbol.clone(), limits: view.limits });
                }
            }
            Err(err) => self.error = Some(format!("Not added: {err}")),
        }
    }

    pub(super) fn show_claimants(&mut self) {
        let (selected, calls_shown) = match &self.pane {
            Pane::Claimants(view) => (view.selected.clone(), view.calls_shown),
            _ => (None, CALLS_PAGE),
        };
        self.pane = Pane::Claimants(ClaimantsView { data: None, selected, calls_shown });
        self.worker.send(Request::Claimants);
    }

    pub(super) fn apply_claimants(&mut self, action: ClaimantsAction) {
        match action {
            ClaimantsAction::Open => {
                self.save_editor(false);
                self.remember_place();
                self.show_claimants();
            }
            ClaimantsAction::Select(name) => {
                if let Pane::Claimants(view) = &mut self.pane {
                    view.select(name);
                }
            }
            ClaimantsAction::MoreCalls => {
                if let Pane::Claimants(view) = &mut self.pane {
                    view.calls_shown += CALLS_PAGE;
                }
            }
            ClaimantsAction::Merge { from, into } => {
                let Database::Ready(store) = &mut self.db else { return };
                match claimants::merge(store, &from, &into) {
                    Ok(undo) => {
                        let message = format!("“{from}” now counts as “{into}”");
                        self.toasts.push(Toast::undo(message, Action::Claimants(ClaimantsAction::Undo(undo))));
                        if let Pane::Claimants(view) = &mut self.pane {
                            view.select(Some(into));
                        }
                        self.worker.send(Request::Claimants);
                    }
                    Err(err) => self.error = Some(format!("Not merged: {err}")),
                }
            }
            ClaimantsAction::Unmerge(name) => {
                let Database::Ready(store) = &mut self.db else { return };
                match store.unmerge_claimant(&name) {
                    Ok(_) => {
                        self.toasts.push(Toast::info(format!("“{name}” counts on its own again")));
                        self.worker.send(Request::Claimants);
                    }
                    Err(err) => self.error = Some(format!("Not changed: {err}")),
                }
            }
            ClaimantsAction::Undo(undo) => {
                let Database::Ready(store) = &mut self.db else { return };
                match claimants::undo_merge(store, &undo) {
                    Ok(()) => {
                        self.toasts.push(Toast::info(format!("“{}” counts on its own again", undo.from)));
                        if matches!(self.pane, Pane::Claimants(_)) {
                            self.worker.send(Request::Claimants);
                        }
                    }
                    Err(err) => self.error = Some(format!("Not undone: {err}")),
                }
            }
        }
    }
}
