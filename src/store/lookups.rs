//! Ids already looked up in one transaction, so a batch of thousands of notes asks SQLite once
//! per tag, ticker and source instead of once per mention; and whether the transaction is a
//! batch whose new notes are finished at its end.

use std::collections::{HashMap, HashSet};

use crate::model::NoteId;

#[derive(Debug, Default)]
pub(super) struct Lookups {
    pub tags: HashMap<String, i64>,
    pub tickers: HashMap<String, i64>,
    pub sources: HashMap<String, i64>,
    pub known_sources: HashSet<i64>,
    /// Inside a batch: notes with a larger id were created by it, and their claim links, feeds
    /// and full-text entries are written in bulk when it commits.
    pub batch_above: Option<NoteId>,
}

impl Lookups {
    /// A single write: nothing cached, nothing deferred.
    pub fn single() -> Self {
        Self::default()
    }

    /// Whether `note` was created by the current batch (so its derived data comes at commit).
    pub fn deferred(&self, note: NoteId) -> bool {
        self.batch_above.is_some_and(|start| note > start)
    }
}
