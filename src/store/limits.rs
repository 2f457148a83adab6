//! Diagnostics that make the store's file behave like a full disk or a read-only file, so tests
//! (of the store, the command line or the app's views) can show that a refused save is reported
//! clearly, loses nothing saved before, and works again once the cause is gone.
//!
//! - [`Store::set_page_limit`] caps the file with SQLite's own `PRAGMA max_page_count`: a write
//!   that needs more pages fails inside SQLite with `SQLITE_FULL`, exactly as on a full disk,
//!   and is rolled back. Writes that fit in pages the file already has still succeed.
//! - [`Store::simulate_full_disk`] is the deterministic form for tests that must see *every*
//!   save refused (a one-letter edit fits in existing pages): it also caps the file, and refuses
//!   each write before it starts with the same [`StoreError::DiskFull`].
//! - [`Store::simulate_read_only`] sets `PRAGMA query_only`: every write fails inside SQLite with
//!   `SQLITE_READONLY`, reported as [`StoreError::ReadOnly`].
//!
//! All of them act on this store's own connection only (another process, or another `Store` on
//! the same file, is not limited), last until lifted or until the store is closed, and never
//! change the file. A store that never calls them behaves exactly as before.

use super::{Store, StoreError};

/// SQLite's own largest page count: setting it lifts the cap.
const NO_PAGE_LIMIT: u64 = 0xFFFF_FFFE;

impl Store {
    /// Caps the database at `pages` pages (`None` lifts the cap), as if the disk were full once
    /// the file reached that size. SQLite never caps below the pages already in use; the cap in
    /// force is returned.
    pub fn set_page_limit(&mut self, pages: Option<u64>) -> Result<u64, StoreError> {
        let pages = pages.unwrap_or(NO_PAGE_LIMIT).min(NO_PAGE_LIMIT) as i64;
        Ok(self.conn.pragma_update_and_check(None, "max_page_count", pages, |r| r.get(0))?)
    }

    /// How many pages the database uses now.
    pub fn page_count(&self) -> Result<u64, StoreError> {
        Ok(self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?)
    }

    /// With `true`, behaves as if the disk had just filled up: the file is capped at its current
    /// size and every write (note, edit, claim, source, trash, batch…) is refused with
    /// [`StoreError::DiskFull`] before anything is written; reads go on working. With `false`,
    /// the space is back: the cap is lifted and writes work again.
    pub fn simulate_full_disk(&mut self, full: bool) -> Result<(), StoreError> {
        let pages = if full { Some(self.page_count()?) } else { None };
        self.set_page_limit(pages)?;
        self.full_disk = full;
        Ok(())
    }

    /// Whether [`Store::simulate_full_disk`] is in force.
    pub fn is_simulating_full_disk(&self) -> bool {
        self.full_disk
    }

    /// With `true`, behaves as if the file had become read-only (`PRAGMA query_only`): every
    /// write fails with [`StoreError::ReadOnly`] and nothing is written; reads go on working.
    /// With `false`, writes work again.
    pub fn simulate_read_only(&mut self, read_only: bool) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "query_only", read_only)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteDraft;

    #[test]
    fn a_simulated_full_disk_refuses_even_the_smallest_write_until_lifted() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.create_note(&NoteDraft::new("kept", "x")).unwrap();
        store.simulate_full_disk(true).unwrap();
        assert!(store.is_simulating_full_disk());
        assert!(matches!(store.trash_note(id), Err(StoreError::DiskFull)));
        assert!(matches!(store.create_note(&NoteDraft::new("a", "")), Err(StoreError::DiskFull)));
        assert_eq!(store.note(id).unwrap().title, "kept", "reads go on");
        store.simulate_full_disk(false).unwrap();
        store.trash_note(id).unwrap();
    }

    #[test]
    fn a_simulated_read_only_file_refuses_writes_until_lifted() {
        let mut store = Store::open_in_memory().unwrap();
        store.simulate_read_only(true).unwrap();
        let refused = store.create_note(&NoteDraft::new("a", "b"));
        assert!(matches!(refused, Err(StoreError::ReadOnly)), "{refused:?}");
        assert_eq!(store.note_counts().unwrap(), (0, 0));
        store.simulate_read_only(false).unwrap();
        store.create_note(&NoteDraft::new("a", "b")).unwrap();
    }
}
