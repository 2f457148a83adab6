//! Completions of search prefixes (`infer*` → `inference`, `inferred`, …), remembered until the
//! database changes. Listing them reads the words' posting lists through FTS5's vocabulary table
//! (about 20 ms for a common prefix at a million notes), so a prefix searched again (every
//! keystroke of a search that is being refined, every page) costs nothing.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use rusqlite::Connection;

use super::StoreError;

/// A prefix with more completions than this is left to FTS5's own prefix query.
pub(super) const PREFIX_TERMS: usize = 64;

#[derive(Default)]
pub(super) struct Prefixes {
    /// `PRAGMA data_version` (other connections' commits) and this connection's change count
    /// when `known` was filled.
    stamp: Cell<Option<(i64, u64)>>,
    known: RefCell<HashMap<String, Option<Vec<String>>>>,
}

impl Prefixes {
    /// The indexed words that start with `prefix`, when it is one plain ASCII word with at most
    /// [`PREFIX_TERMS`] completions; `None` otherwise.
    pub(super) fn terms(&self, conn: &Connection, prefix: &str) -> Result<Option<Vec<String>>, StoreError> {
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Ok(None);
        }
        let low = prefix.to_ascii_lowercase();
        let version: i64 = conn.prepare_cached("PRAGMA data_version")?.query_row([], |r| r.get(0))?;
        let stamp = (version, conn.total_changes());
        if self.stamp.get() != Some(stamp) {
            self.known.borrow_mut().clear();
            self.stamp.set(Some(stamp));
        }
        if let Some(terms) = self.known.borrow().get(&low) {
            return Ok(terms.clone());
        }
        let high = format!("{low}\u{10FFFF}");
        let mut stmt =
            conn.prepare_cached("SELECT term FROM temp.note_vocab WHERE term >= ?1 AND term < ?2 LIMIT ?3")?;
        let terms: Vec<String> = stmt
            .query_map(rusqlite::params![low, high, PREFIX_TERMS as i64 + 1], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let terms = (terms.len() <= PREFIX_TERMS).then_some(terms);
        self.known.borrow_mut().insert(low, terms.clone());
        Ok(terms)
    }
}
