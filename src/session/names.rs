//! The names tickers go by in notes: the user's aliases ("Team Green" for NVDA) and matches
//! turned off ("Apple pie" is not AAPL). Each change says what it did and, where it can be
//! undone, the change that undoes it.

use crate::model::Symbol;
use crate::store::{Store, StoreError};

/// A change to how the text names tickers.
#[derive(Debug, Clone, PartialEq)]
pub enum NameChange {
    /// `alias` names `symbol` in notes from now on.
    AddAlias {
        alias: String,
        symbol: Symbol,
    },
    RemoveAlias {
        alias: String,
        symbol: Symbol,
    },
    /// `phrase` is not to be read as `symbol` (a false match).
    Suppress {
        phrase: String,
        symbol: Symbol,
    },
    Unsuppress {
        phrase: String,
        symbol: Symbol,
    },
}

/// What a change did, in words, and how to undo it.
#[derive(Debug, Clone, PartialEq)]
pub struct Renamed {
    pub message: String,
    pub undo: Option<NameChange>,
}

/// Why a change was not made.
#[derive(Debug, thiserror::Error)]
pub enum NameError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Makes `change`.
pub fn apply(store: &mut Store, change: &NameChange) -> Result<Renamed, NameError> {
    match change {
        NameChange::AddAlias { alias, symbol } => {
            let alias = alias.trim().to_owned();
            let before = store.ticker_alias(&alias)?;
            store.add_ticker_alias(&alias, symbol)?;
            Ok(match before {
                Some(old) if old.symbol == *symbol => {
                    Renamed { message: format!("“{alias}” already means {symbol}."), undo: None }
                }
                // Undo gives the name back to the ticker it named before, spelled as it was.
                Some(old) => Renamed {
                    message: format!("“{alias}” now means {symbol} (it meant {} before).", old.symbol),
                    undo: Some(NameChange::AddAlias { alias: old.alias, symbol: old.symbol }),
                },
                None => Renamed {
                    message: format!("“{alias}” now means {symbol} in your notes."),
                    undo: Some(NameChange::RemoveAlias { alias, symbol: symbol.clone() }),
                },
            })
        }
        NameChange::RemoveAlias { alias, symbol } => {
            store.remove_ticker_alias(alias)?;
            Ok(Renamed {
                message: format!("“{alias}” no longer means {symbol}."),
                undo: Some(NameChange::AddAlias { alias: alias.clone(), symbol: symbol.clone() }),
            })
        }
        NameChange::Suppress { phrase, symbol } => {
            store.suppress_ticker_match(phrase, symbol)?;
            Ok(Renamed {
                message: format!("“{phrase}” is no longer read as {symbol}."),
                undo: Some(NameChange::Unsuppress { phrase: phrase.clone(), symbol: symbol.clone() }),
            })
        }
        NameChange::Unsuppress { phrase, symbol } => {
            store.unsuppress_ticker_match(phrase, symbol)?;
            Ok(Renamed { message: format!("“{phrase}” is read as {symbol} again."), undo: None })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture;

    fn alias(alias: &str, symbol: &str) -> NameChange {
        NameChange::AddAlias { alias: alias.to_owned(), symbol: Symbol::parse(symbol).unwrap() }
    }

    #[test]
    fn a_new_alias_is_undone_by_removing_it() {
        let (_dir, mut store) = fixture::store();
        let done = apply(&mut store, &alias("Team Green", "NVDA")).unwrap();
        assert_eq!(done.message, "“Team Green” now means NVDA in your notes.");
        assert_eq!(store.ticker_alias("team green").unwrap().map(|a| a.symbol.to_string()).as_deref(), Some("NVDA"));
        apply(&mut store, &done.undo.unwrap()).unwrap();
        assert!(store.ticker_alias("Team Green").unwrap().is_none());
    }

    #[test]
    fn moving_an_alias_is_undone_by_giving_it_back() {
        let (_dir, mut store) = fixture::store();
        apply(&mut store, &alias("Team Green", "NVDA")).unwrap();
        let moved = apply(&mut store, &alias("Team Green", "AMD")).unwrap();
        assert_eq!(moved.message, "“Team Green” now means AMD (it meant NVDA before).");
        assert_eq!(moved.undo, Some(alias("Team Green", "NVDA")));
        let again = apply(&mut store, &alias("Team Green", "AMD")).unwrap();
        assert_eq!((again.message.as_str(), again.undo), ("“Team Green” already means AMD.", None));
    }

    #[test]
    fn a_blank_alias_changes_nothing() {
        let (_dir, mut store) = fixture::store();
        let before = store.ticker_aliases().unwrap();
        assert!(matches!(apply(&mut store, &alias("  ", "NVDA")), Err(NameError::Store(_))));
        assert_eq!(store.ticker_aliases().unwrap(), before);
    }

    #[test]
    fn a_suppressed_match_is_undone_by_turning_it_on_again() {
        let (_dir, mut store) = fixture::store();
        let change = NameChange::Suppress { phrase: "Apple pie".to_owned(), symbol: Symbol::parse("AAPL").unwrap() };
        let done = apply(&mut store, &change).unwrap();
        assert_eq!(done.message, "“Apple pie” is no longer read as AAPL.");
        let undone = apply(&mut store, &done.undo.unwrap()).unwrap();
        assert_eq!((undone.message.as_str(), undone.undo), ("“Apple pie” is read as AAPL again.", None));
    }
}
