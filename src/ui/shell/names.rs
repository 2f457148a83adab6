//! The app's side of the names tickers go by: adding and removing the user's aliases (from the
//! dossier) and turning a false match off or on again (from the note's suggestions), each with
//! an undo; then the text is read again with the new names.

use super::{Database, JevonsApp, Pane};
use crate::model::Symbol;
use crate::ui::action::{Action, NameAction};
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::Request;

impl JevonsApp {
    pub(super) fn apply_names(&mut self, action: NameAction) {
        let Database::Ready(store) = &mut self.db else { return };
        let symbol_of = |text: &str| Symbol::parse(text).map_err(|e| e.0);
        let done: Result<Toast, String> = match &action {
            NameAction::AddAlias { alias, symbol } => symbol_of(symbol).and_then(|s| {
                let alias = alias.trim().to_owned();
                let before = store.ticker_alias(&alias).map_err(|e| e.to_string())?;
                store.add_ticker_alias(&alias, &s).map_err(|e| e.to_string())?;
                Ok(match before {
                    Some(old) if old.symbol == s => Toast::info(format!("“{alias}” already means {symbol}.")),
                    // Undo gives the name back to the ticker it named before, spelled as it was.
                    Some(old) => Toast::undo(
                        format!("“{alias}” now means {symbol} (it meant {} before).", old.symbol),
                        Action::Names(NameAction::AddAlias { alias: old.alias, symbol: old.symbol.to_string() }),
                    ),
                    None => Toast::undo(
                        format!("“{alias}” now means {symbol} in your notes."),
                        Action::Names(NameAction::RemoveAlias { alias: alias.clone(), symbol: symbol.clone() }),
                    ),
                })
            }),
            NameAction::RemoveAlias { alias, symbol } => {
                store.remove_ticker_alias(alias).map_err(|e| e.to_string()).map(|_| {
                    let undo = NameAction::AddAlias { alias: alias.clone(), symbol: symbol.clone() };
                    Toast::undo(format!("“{alias}” no longer means {symbol}."), Action::Names(undo))
                })
            }
            NameAction::Suppress { phrase, symbol } => symbol_of(symbol).and_then(|s| {
                store.suppress_ticker_match(phrase, &s).map_err(|e| e.to_string())?;
                let undo = NameAction::Unsuppress { phrase: phrase.clone(), symbol: symbol.clone() };
                Ok(Toast::undo(format!("“{phrase}” is no longer read as {symbol}."), Action::Names(undo)))
            }),
            NameAction::Unsuppress { phrase, symbol } => symbol_of(symbol).and_then(|s| {
                store.unsuppress_ticker_match(phrase, &s).map_err(|e| e.to_string())?;
                Ok(Toast::info(format!("“{phrase}” is read as {symbol} again.")))
            }),
        };
        match done {
            Ok(toast) => {
                self.toasts.push(toast);
                if let (NameAction::AddAlias { .. }, Pane::Dossier(view)) = (&action, &mut self.pane) {
                    view.alias_input.clear();
                }
                self.names_changed();
            }
            Err(message) => self.error = Some(format!("Not changed: {message}")),
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
