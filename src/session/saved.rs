//! Saved searches: keeping a query under a name, renaming, reordering and forgetting it. Each
//! change says what it did and, where it can be undone, the change that undoes it (forgetting a
//! search is undone by saving it again at its place).

use crate::model::SavedSearch;
use crate::store::{Store, StoreError};

/// A change to the saved searches.
#[derive(Debug, Clone, PartialEq)]
pub enum SavedChange {
    /// Keep `query` under `name` (a search of that name gets the new query), at `place` if given.
    Save {
        name: String,
        query: String,
        place: Option<usize>,
    },
    Rename {
        id: i64,
        name: String,
    },
    /// Move one place up (`-1`) or down (`1`).
    Move {
        id: i64,
        by: i64,
    },
    Forget {
        id: i64,
    },
}

/// What a change did, in words, and how to undo it.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedDone {
    pub message: String,
    pub undo: Option<SavedChange>,
}

/// Makes `change`.
pub fn apply(store: &mut Store, change: &SavedChange) -> Result<SavedDone, StoreError> {
    match change {
        SavedChange::Save { name, query, place } => {
            let before = store.saved_search_named(name)?;
            let saved = store.save_search(name, query)?;
            if let Some(place) = place {
                store.move_saved_search(saved.id, *place)?;
            }
            Ok(match before {
                Some(old) if old.query == saved.query => {
                    SavedDone { message: format!("“{}” is already saved.", saved.name), undo: None }
                }
                Some(old) => SavedDone {
                    message: format!("“{}” now searches {}.", saved.name, saved.query),
                    undo: Some(SavedChange::Save { name: old.name, query: old.query, place: None }),
                },
                None => SavedDone {
                    message: format!("Saved “{}” in the sidebar.", saved.name),
                    undo: Some(SavedChange::Forget { id: saved.id }),
                },
            })
        }
        SavedChange::Rename { id, name } => {
            let old = find(store, *id)?;
            let saved = store.rename_saved_search(*id, name)?;
            Ok(SavedDone {
                message: format!("“{}” is now called “{}”.", old.name, saved.name),
                undo: Some(SavedChange::Rename { id: *id, name: old.name }),
            })
        }
        SavedChange::Move { id, by } => {
            let list = store.saved_searches()?;
            let at = list.iter().position(|s| s.id == *id).ok_or_else(|| missing(*id))?;
            let to = at.saturating_add_signed(*by as isize).min(list.len().saturating_sub(1));
            store.move_saved_search(*id, to)?;
            Ok(SavedDone { message: String::new(), undo: None })
        }
        SavedChange::Forget { id } => {
            let old = find(store, *id)?;
            let place = store.saved_searches()?.iter().position(|s| s.id == *id);
            store.remove_saved_search(*id)?;
            Ok(SavedDone {
                message: format!("Forgot the saved search “{}”.", old.name),
                undo: Some(SavedChange::Save { name: old.name, query: old.query, place }),
            })
        }
    }
}

fn find(store: &Store, id: i64) -> Result<SavedSearch, StoreError> {
    store.saved_searches()?.into_iter().find(|s| s.id == id).ok_or_else(|| missing(id))
}

fn missing(id: i64) -> StoreError {
    crate::model::Invalid::new(format!("there is no saved search {id} (it was forgotten meanwhile)")).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture;

    fn save(name: &str, query: &str) -> SavedChange {
        SavedChange::Save { name: name.to_owned(), query: query.to_owned(), place: None }
    }

    fn names(store: &Store) -> Vec<String> {
        store.saved_searches().unwrap().into_iter().map(|s| s.name).collect()
    }

    #[test]
    fn forgetting_is_undone_at_the_same_place() {
        let (_dir, mut store) = fixture::store();
        for (name, query) in [("A", "nvidia"), ("B", "$NVDA"), ("C", "#ai")] {
            apply(&mut store, &save(name, query)).unwrap();
        }
        let b = store.saved_searches().unwrap()[1].id;
        let done = apply(&mut store, &SavedChange::Forget { id: b }).unwrap();
        assert_eq!(done.message, "Forgot the saved search “B”.");
        assert_eq!(names(&store), ["A", "C"]);
        apply(&mut store, &done.undo.unwrap()).unwrap();
        assert_eq!(names(&store), ["A", "B", "C"]);
        assert_eq!(store.saved_searches().unwrap()[1].query, "$NVDA");
    }

    #[test]
    fn saving_again_under_a_name_is_undone_by_the_old_query() {
        let (_dir, mut store) = fixture::store();
        let first = apply(&mut store, &save("Chips", "$NVDA")).unwrap();
        assert_eq!(first.message, "Saved “Chips” in the sidebar.");
        let same = apply(&mut store, &save("chips", "$NVDA")).unwrap();
        assert_eq!((same.message.as_str(), same.undo), ("“chips” is already saved.", None));
        let changed = apply(&mut store, &save("Chips", "$NVDA OR $AMD")).unwrap();
        apply(&mut store, &changed.undo.unwrap()).unwrap();
        assert_eq!(store.saved_searches().unwrap()[0].query, "$NVDA");
    }

    #[test]
    fn moves_stop_at_the_ends_and_renames_undo() {
        let (_dir, mut store) = fixture::store();
        for (name, query) in [("A", "nvidia"), ("B", "$NVDA")] {
            apply(&mut store, &save(name, query)).unwrap();
        }
        let a = store.saved_searches().unwrap()[0].id;
        apply(&mut store, &SavedChange::Move { id: a, by: -1 }).unwrap();
        assert_eq!(names(&store), ["A", "B"]);
        apply(&mut store, &SavedChange::Move { id: a, by: 5 }).unwrap();
        assert_eq!(names(&store), ["B", "A"]);
        let renamed = apply(&mut store, &SavedChange::Rename { id: a, name: "Alpha".into() }).unwrap();
        assert_eq!(renamed.message, "“A” is now called “Alpha”.");
        apply(&mut store, &renamed.undo.unwrap()).unwrap();
        assert_eq!(names(&store), ["B", "A"]);
        assert!(apply(&mut store, &SavedChange::Forget { id: 999 }).is_err());
    }
}
