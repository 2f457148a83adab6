//! Saved searches (`saved_search`): named queries in the order the user keeps them.

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Store, StoreError};
use crate::model::{Invalid, SavedSearch, saved_search_name, saved_search_query};
use crate::query;

/// Version 7: saved searches.
pub(super) fn migrate_v7(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "CREATE TABLE saved_search (
            id        INTEGER PRIMARY KEY,
            key       TEXT NOT NULL UNIQUE,
            name      TEXT NOT NULL,
            query     TEXT NOT NULL,
            position  INTEGER NOT NULL
        );",
    )?;
    Ok(())
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SavedSearch> {
    Ok(SavedSearch { id: r.get(0)?, name: r.get(1)?, query: r.get(2)?, position: r.get(3)? })
}

impl Store {
    /// The saved searches, in the user's order.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>, StoreError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT id, name, query, position FROM saved_search ORDER BY position, id")?;
        let rows = stmt.query_map([], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The saved search called `name` (case, accents and repeated spaces aside), if any.
    pub fn saved_search_named(&self, name: &str) -> Result<Option<SavedSearch>, StoreError> {
        let Ok((_, key)) = saved_search_name(name) else { return Ok(None) };
        let mut stmt = self.conn.prepare_cached("SELECT id, name, query, position FROM saved_search WHERE key = ?1")?;
        Ok(stmt.query_row([&key], row).optional()?)
    }

    /// Keeps `query` under `name`. A search already saved under that name (case and accents
    /// aside) gets the new query and keeps its place; a new one goes to the end. The query must
    /// be one the search language reads.
    pub fn save_search(&mut self, name: &str, query: &str) -> Result<SavedSearch, StoreError> {
        let (name, key) = saved_search_name(name)?;
        let query = saved_search_query(query)?;
        query::parse(&query)?;
        let tx = self.write()?;
        tx.prepare_cached(
            "INSERT INTO saved_search (key, name, query, position)
             VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(position) + 1, 0) FROM saved_search))
             ON CONFLICT (key) DO UPDATE SET name = excluded.name, query = excluded.query",
        )?
        .execute(params![key, name, query])?;
        let saved = tx
            .prepare_cached("SELECT id, name, query, position FROM saved_search WHERE key = ?1")?
            .query_row([&key], row)?;
        tx.commit()?;
        Ok(saved)
    }

    /// Gives saved search `id` a new name (which no other saved search may have).
    pub fn rename_saved_search(&mut self, id: i64, name: &str) -> Result<SavedSearch, StoreError> {
        let (name, key) = saved_search_name(name)?;
        let tx = self.write()?;
        let taken: Option<i64> = tx
            .prepare_cached("SELECT id FROM saved_search WHERE key = ?1 AND id <> ?2")?
            .query_row(params![key, id], |r| r.get(0))
            .optional()?;
        if taken.is_some() {
            return Err(Invalid::new(format!("a saved search is already called {name:?}")).into());
        }
        let changed = tx
            .prepare_cached("UPDATE saved_search SET key = ?1, name = ?2 WHERE id = ?3")?
            .execute(params![key, name, id])?;
        if changed == 0 {
            return Err(Invalid::new(format!("there is no saved search {id}")).into());
        }
        let saved = tx
            .prepare_cached("SELECT id, name, query, position FROM saved_search WHERE id = ?1")?
            .query_row([id], row)?;
        tx.commit()?;
        Ok(saved)
    }

    /// Forgets saved search `id`; says whether there was one.
    pub fn remove_saved_search(&mut self, id: i64) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let removed = tx.prepare_cached("DELETE FROM saved_search WHERE id = ?1")?.execute([id])?;
        renumber(&tx, None)?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// Moves saved search `id` to place `to` in the list (0 is the top; past the end is the end).
    pub fn move_saved_search(&mut self, id: i64, to: usize) -> Result<(), StoreError> {
        let tx = self.write()?;
        let exists: Option<i64> =
            tx.prepare_cached("SELECT id FROM saved_search WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?;
        if exists.is_none() {
            return Err(Invalid::new(format!("there is no saved search {id}")).into());
        }
        renumber(&tx, Some((id, to)))?;
        tx.commit()?;
        Ok(())
    }
}

/// Numbers the saved searches 0, 1, 2… in their order, with `moved` (an id and its new place)
/// taken out and put back at that place.
fn renumber(tx: &Transaction, moved: Option<(i64, usize)>) -> Result<(), StoreError> {
    let mut ids: Vec<i64> = tx
        .prepare_cached("SELECT id FROM saved_search ORDER BY position, id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if let Some((id, to)) = moved {
        ids.retain(|&other| other != id);
        ids.insert(to.min(ids.len()), id);
    }
    let mut set = tx.prepare_cached("UPDATE saved_search SET position = ?1 WHERE id = ?2")?;
    for (position, id) in ids.iter().enumerate() {
        set.execute(params![position as i64, id])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    fn names(store: &Store) -> Vec<String> {
        store.saved_searches().unwrap().into_iter().map(|s| s.name).collect()
    }

    #[test]
    fn searches_are_saved_in_order_replaced_by_name_renamed_moved_and_removed() {
        let mut store = Store::open_in_memory().unwrap();
        let due = store.save_search("Due", "#review").unwrap();
        store.save_search("NVDA AI", "$NVDA #ai").unwrap();
        let gpu = store.save_search("GPU clusters", "\"large GPU clusters\"").unwrap();
        assert_eq!(names(&store), ["Due", "NVDA AI", "GPU clusters"]);

        let replaced = store.save_search("nvda ai", "$NVDA #ai infer*").unwrap();
        assert_eq!(replaced.name, "nvda ai", "the name as typed last");
        assert_eq!(replaced.position, 1, "it keeps its place");
        assert_eq!(store.saved_searches().unwrap()[1].query, "$NVDA #ai infer*");

        store.move_saved_search(gpu.id, 0).unwrap();
        assert_eq!(names(&store), ["GPU clusters", "Due", "nvda ai"]);
        store.move_saved_search(gpu.id, 99).unwrap();
        assert_eq!(names(&store), ["Due", "nvda ai", "GPU clusters"]);

        assert!(store.rename_saved_search(due.id, "GPU CLUSTERS").is_err(), "names are unique");
        store.rename_saved_search(due.id, "Due for review").unwrap();
        assert!(store.remove_saved_search(replaced.id).unwrap());
        assert!(!store.remove_saved_search(replaced.id).unwrap());
        assert_eq!(names(&store), ["Due for review", "GPU clusters"]);
        let positions: Vec<i64> = store.saved_searches().unwrap().iter().map(|s| s.position).collect();
        assert_eq!(positions, [0, 1]);
    }

    #[test]
    fn bad_names_and_queries_are_refused_with_a_reason() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(store.save_search("", "nvidia").is_err());
        assert!(store.save_search("x", "   ").is_err());
        assert!(store.save_search("bad date", "after:2025-13-45").is_err());
        assert!(store.move_saved_search(42, 0).is_err());
        assert!(store.rename_saved_search(42, "y").is_err());
        assert!(store.saved_searches().unwrap().is_empty());
    }
}
