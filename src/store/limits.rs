//! Test hooks that make the store's file behave like a full disk: a cap on the number of pages
//! SQLite may use (`PRAGMA max_page_count`). Hidden from the documentation; only the reliability
//! tests call them, and a store that never calls them behaves exactly as before.

use super::{Store, StoreError};

/// SQLite's own largest page count: setting it lifts the cap.
const NO_PAGE_LIMIT: u64 = 0xFFFF_FFFE;

impl Store {
    /// Caps the database at `pages` pages (`None` lifts the cap), as if the disk were full once
    /// the file reached that size. SQLite never caps below the pages already in use; the cap in
    /// force is returned.
    #[doc(hidden)]
    pub fn set_page_limit(&mut self, pages: Option<u64>) -> Result<u64, StoreError> {
        let pages = pages.unwrap_or(NO_PAGE_LIMIT).min(NO_PAGE_LIMIT) as i64;
        Ok(self.conn.pragma_update_and_check(None, "max_page_count", pages, |r| r.get(0))?)
    }

    /// How many pages the database uses now.
    #[doc(hidden)]
    pub fn page_count(&self) -> Result<u64, StoreError> {
        Ok(self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?)
    }
}
