//! The app's side of the names tickers go by: adding and removing the user's aliases (from the
//! dossier) and turning a false match off or on again (from the note's suggestions), each with
//! an undo, through [`crate::session::names`]; then the text is read again with the new names.

use super::{Database, JevonsApp, Pane};
use crate::session::names::{self, NameChange};
use crate::ui::action::Action;
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::Request;

impl JevonsApp {
    pub(super) fn apply_names(&mut self, change: NameChange) {
        let Database::Ready(store) = &mut self.db else { return };
        match names::apply(store, &change) {
            Ok(done) => {
                self.toasts.push(match done.undo {
                    Some(undo) => Toast::undo(done.message, Action::Names(undo)),
                    None => Toast::info(done.message),
                });
                if let (NameChange::AddAlias { .. }, Pane::Dossier(view)) = (&change, &mut self.pane) {
                    view.alias_input.clear();
                }
                self.names_changed();
            }
            Err(err) => self.error = Some(format!("Not changed: {err}")),
        }
    }

    /// Reads the open note again with the new names, and shows them in the open dossier.
    fn names_changed(&mut self) {
        self.worker.send(Request::ForgetLexicon);
        if let Some(editor) = &mut self.editor {
            editor.analysis.read_again();
        }
        self.refresh(false, None);
    }
}
