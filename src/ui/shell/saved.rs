//! The app's side of saved searches: saving the query typed under a name, renaming, moving and
//! forgetting one (with an undo) through [`crate::session::saved`]; then the sidebar is read
//! again, which counts them again on the worker.

use super::{Database, JevonsApp};
use crate::session::saved::{self, SavedChange};
use crate::ui::action::Action;
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::Request;

impl JevonsApp {
    pub(super) fn apply_saved(&mut self, change: SavedChange) {
        let Database::Ready(store) = &mut self.db else { return };
        match saved::apply(store, &change) {
            Ok(done) => {
                if !done.message.is_empty() {
                    self.toasts.push(match done.undo {
                        Some(undo) => Toast::undo(done.message, Action::Saved(undo)),
                        None => Toast::info(done.message),
                    });
                }
                self.worker.send(Request::Sidebar);
            }
            Err(err) => self.error = Some(format!("Not changed: {err}")),
        }
    }
}
