//! Many writes in one transaction: imports and generated corpora go through the same insert
//! code as single writes (cashtag links, claim links, feeds), without a commit (and its fsync)
//! per row. The full-text index takes the batch's new notes in one statement at the end, which
//! FTS5 turns into a few large segments instead of one small segment per note (the
//! `fts_pending` row tells the index triggers to leave those notes to that step).
//!
//! Imports merge records by stable identity through the `import_*` methods (see
//! [`super::merge`]); a note that cannot be stored is refused before any write and the batch
//! goes on.

use rusqlite::{OptionalExtension, Transaction};

use super::lookups::Lookups;
use super::records::{ClaimRecord, NoteMerge, NoteRecord, SourceRecord, TickerRecord};
use super::{Store, StoreError, claims, feeds, merge, merge_claims, notes, sources};
use crate::model::{ClaimDraft, ClaimLinkKind, NoteDraft, NoteId, SourceDraft};

/// An open write transaction; nothing is visible to other connections until [`Batch::commit`].
/// Dropping a batch without committing rolls every write in it back.
pub struct Batch<'a> {
    tx: Transaction<'a>,
    /// Notes with a larger id were created by this batch and are finished at commit.
    start: i64,
    lookups: Lookups,
    /// The import run the batch's imported records belong to (see [`Store::start_import`]).
    import: Option<i64>,
}

impl Batch<'_> {
    /// The batch's transaction, for the store's other files that add batch methods.
    pub(super) fn tx(&self) -> &Transaction<'_> {
        &self.tx
    }

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

    /// Adds a claim with a stable identity of its own (the sample research's claims are the
    /// same claims in every database, so an export of one merges into another without copies).
    pub fn add_claim_as(&mut self, uid: &str, draft: ClaimDraft) -> Result<i64, StoreError> {
        let id = claims::insert(&self.tx, draft, false, &mut self.lookups)?;
        self.tx.prepare_cached("UPDATE claim SET uid = ?2 WHERE id = ?1")?.execute(rusqlite::params![id, uid])?;
        Ok(id)
    }

    /// Adds an imported note, or merges it into the stored note with the same uid under the
    /// import merge rule (see [`super::merge`]), with its sources, claims and revisions.
    ///
    /// A record that cannot be stored (a title too long, an invalid claim) is refused with
    /// [`StoreError::Invalid`] before anything is written, and the batch goes on. Any other
    /// error (the disk is full) may leave the note half written: drop the batch, which rolls
    /// all of it back.
    pub fn import_note(&mut self, record: &NoteRecord) -> Result<NoteMerge, StoreError> {
        merge::check(record)?;
        merge::note(&self.tx, record, self.import, &mut self.lookups)
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

    /// Adds or updates a claim outside any note, by uid (a claim stored in a note stays there);
    /// says whether it was written, with remarks for the report.
    pub fn import_claim(&mut self, record: &ClaimRecord) -> Result<(bool, Vec<String>), StoreError> {
        let mut remarks = Vec::new();
        let outcome = merge_claims::upsert(&self.tx, None, record, None, self.import, &mut self.lookups, &mut remarks)?;
        Ok((outcome == merge_claims::ClaimOutcome::Written, remarks))
    }

    /// Adds a claim to the stored note with uid `note_uid`, as if the note's file listed it;
    /// `None` when there is no such note.
    pub fn import_claim_into(
        &mut self,
        note_uid: &str,
        record: &ClaimRecord,
    ) -> Result<Option<Vec<String>>, StoreError> {
        let found = self.tx.prepare_cached("SELECT id FROM note WHERE uid = ?1")?.query_row([note_uid], |r| r.get(0));
        let Some(note) = found.optional()? else { return Ok(None) };
        let mut remarks = Vec::new();
        let outcome = merge_claims::upsert(
            &self.tx,
            Some((note, note_uid)),
            record,
            None,
            self.import,
            &mut self.lookups,
            &mut remarks,
        )?;
        if outcome == merge_claims::ClaimOutcome::Written && !self.lookups.deferred(note) {
            claims::relink_note(&self.tx, Some(note))?;
            feeds::refresh(&self.tx, note)?;
        }
        Ok(Some(remarks))
    }

    /// Links two claims given by uid; says whether the link was stored (not when either claim
    /// is unknown).
    pub fn import_claim_link(&mut self, from: &str, to: &str, kind: ClaimLinkKind) -> Result<bool, StoreError> {
        merge_claims::claim_link(&self.tx, from, to, kind)
    }

    /// Writes the new notes' claim links, feeds and full-text entries, and makes every write
    /// visible.
    pub fn commit(self) -> Result<(), StoreError> {
        claims::relink_batch(&self.tx, self.start)?;
        feeds::refresh_batch(&self.tx, self.start)?;
        // In key order: FTS5 starts a new index segment whenever a rowid is lower than the last.
        // `+ord`: the batch's rows are read by id and sorted, not found by walking the whole index
        // by key (0.2–0.7 s per batch at a million notes, against 10–40 ms).
        self.tx
            .prepare_cached(
                "INSERT INTO note_fts(rowid, title, body) SELECT ord, title, body FROM note WHERE id > ?1 ORDER BY +ord",
            )?
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
        Ok(Batch { tx, start, lookups: Lookups { batch_above: Some(start), ..Lookups::default() }, import: None })
    }

    /// A batch whose imported records belong to import run `import`, so undoing the run undoes
    /// them.
    pub fn import_batch(&mut self, import: i64) -> Result<Batch<'_>, StoreError> {
        let mut batch = self.batch()?;
        batch.import = Some(import);
        Ok(batch)
    }
}
