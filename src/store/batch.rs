//! Many writes in one transaction: imports and generated corpora go through the same insert
//! code as single writes (cashtag links, claim links, feeds), without a commit (and its fsync)
//! per row. The full-text index takes the batch's new notes in one statement at the end, which
//! FTS5 turns into a few large segments instead of one small segment per note (the
//! `fts_pending` row tells the index triggers to leave those notes to that step).
//!
//! Imports merge records by stable identity through the `import_*` methods (see
//! [`super::merge`]); a note that cannot be stored is refused before any write and the batch
//! goes on.

use rusqlite::Transaction;

use super::lookups::Lookups;
use super::records::{ClaimRecord, MergeRule, NoteOutcome, NoteRecord, SourceRecord, TickerRecord};
use super::{Store, StoreError, claims, feeds, merge, notes, sources};
use crate::model::{ClaimDraft, ClaimLinkKind, NoteDraft, NoteId, SourceDraft};

/// An open write transaction; nothing is visible to other connections until [`Batch::commit`].
/// Dropping a batch without committing rolls every write in it back.
pub struct Batch<'a> {
    tx: Transaction<'a>,
    /// Notes with a larger id were created by this batch and are finished at commit.
    start: i64,
    lookups: Lookups,
}

impl Batch<'_> {
    pub fn create_note(&mut self, draft: &NoteDraft) -> Result<NoteId, StoreError> {
        notes::insert(&self.tx, draft, &mut self.lookups)
    }

    pub fn add_source(&mut self, draft: &SourceDraft) -> Result<i64, StoreError> {
        Ok(sources::add(&self.tx, draft, &mut self.lookups)?.0)
    }

    /// Adds a claim without changing its note's `updated_at` (a batch sets its own times).
    pub fn add_claim(&mut self, draft: ClaimDraft) -> Result<i64, StoreError> {
        claims::insert(&self.tx, draft, false, &mut self.lookups)
    }

    /// Adds an imported note, or merges it into the stored note with the same uid (`rule` says
    /// which side wins where they differ), with its sources, claims and revisions.
    ///
    /// A record that cannot be stored (a title too long, an invalid claim) is refused with
    /// [`StoreError::Invalid`] before anything is written, and the batch goes on. Any other
    /// error (the disk is full) may leave the note half written: drop the batch, which rolls
    /// all of it back.
    pub fn import_note(&mut self, record: &NoteRecord, rule: MergeRule) -> Result<NoteOutcome, StoreError> {
        merge::check(record)?;
        merge::note(&self.tx, record, rule, &mut self.lookups)
    }

    /// Adds a source with its dates, or fills in details the stored one lacked; says whether it
    /// was new.
    pub fn import_source(&mut self, record: &SourceRecord) -> Result<bool, StoreError> {
        Ok(merge::source(&self.tx, record, &mut self.lookups)?.1)
    }

    /// Adds a ticker, or gives the stored one a name, exchange and aliases it lacked.
    pub fn import_ticker(&mut self, record: &TickerRecord) -> Result<(), StoreError> {
        merge::ticker(&self.tx, record, &mut self.lookups)
    }

    /// Adds or updates a claim outside any note, by uid; says whether it was written.
    pub fn import_claim(&mut self, record: &ClaimRecord, rule: MergeRule) -> Result<bool, StoreError> {
        let outcome = merge::upsert_claim(&self.tx, None, record, rule, None, &mut self.lookups)?;
        Ok(outcome == merge::ClaimOutcome::Written)
    }

    /// Links two claims given by uid; says whether the link was stored (not when either claim
    /// is unknown).
    pub fn import_claim_link(&mut self, from: &str, to: &str, kind: ClaimLinkKind) -> Result<bool, StoreError> {
        merge::claim_link(&self.tx, from, to, kind)
    }

    /// Writes the new notes' claim links, feeds and full-text entries, and makes every write
    /// visible.
    pub fn commit(self) -> Result<(), StoreError> {
        claims::relink_batch(&self.tx, self.start)?;
        feeds::refresh_batch(&self.tx, self.start)?;
        self.tx
            .prepare_cached("INSERT INTO note_fts(rowid, title, body) SELECT id, title, body FROM note WHERE id > ?1")?
            .execute([self.start])?;
        self.tx.prepare_cached("DELETE FROM fts_pending")?.execute([])?;
        Ok(self.tx.commit()?)
    }
}

impl Store {
    /// Starts a batch of writes (one `BEGIN IMMEDIATE` transaction).
    pub fn batch(&mut self) -> Result<Batch<'_>, StoreError> {
        let tx = self.write()?;
        let start: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM note", [], |r| r.get(0))?;
        tx.prepare_cached("INSERT INTO fts_pending (start) VALUES (?1)")?.execute([start])?;
        Ok(Batch { tx, start, lookups: Lookups { batch_above: Some(start), ..Lookups::default() } })
    }
}
