//! Many writes in one transaction: imports and generated corpora go through the same insert
//! code as single writes (full-text index, cashtag links, claim links), without a commit (and
//! its fsync) per row.

use rusqlite::Transaction;

use super::{Store, StoreError, claims, notes, sources};
use crate::model::{ClaimDraft, NoteDraft, NoteId, SourceDraft};

/// An open write transaction; nothing is visible to other connections until [`Batch::commit`].
/// Dropping a batch without committing rolls every write in it back.
pub struct Batch<'a> {
    tx: Transaction<'a>,
}

impl Batch<'_> {
    pub fn create_note(&mut self, draft: &NoteDraft) -> Result<NoteId, StoreError> {
        notes::insert(&self.tx, draft)
    }

    pub fn add_source(&mut self, draft: &SourceDraft) -> Result<i64, StoreError> {
        Ok(sources::add(&self.tx, draft)?.0)
    }

    /// Adds a claim without changing its note's `updated_at` (a batch sets its own times).
    pub fn add_claim(&mut self, draft: ClaimDraft) -> Result<i64, StoreError> {
        claims::insert(&self.tx, draft, false)
    }

    pub fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit()?)
    }
}

impl Store {
    /// Starts a batch of writes (one `BEGIN IMMEDIATE` transaction).
    pub fn batch(&mut self) -> Result<Batch<'_>, StoreError> {
        Ok(Batch { tx: self.write()? })
    }
}
