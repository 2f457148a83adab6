//! What git sync remembers in the database (see `docs/sync.md`): the remote, the commit of the
//! working copy the database last took in, the last sync's time and result (`sync_state`), and
//! per note the version last written to or read from the working copy with the fingerprint of
//! that shared version (`sync_note`). A note whose `version` differs from its `sync_note` row
//! changed here since the last sync and is written out again.

use rusqlite::{OptionalExtension, Transaction, params};

use super::records::{NoteMerge, NoteOutcome, NoteRecord};
use super::{Batch, Store, StoreError, feeds, merge, snapshot};
use crate::model::{NoteId, Timestamp};

/// Keys of `sync_state`.
pub const SYNC_REMOTE: &str = "remote";
/// The working copy's commit the database holds everything of.
pub const SYNC_COMMIT: &str = "commit";
/// When the last sync ended, and what it did (one line).
pub const SYNC_LAST: &str = "last_sync";
pub const SYNC_RESULT: &str = "last_result";

/// Version 13: the sync tables.
pub(super) fn migrate_v13(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "CREATE TABLE sync_state (
             key   TEXT PRIMARY KEY,
             value TEXT NOT NULL
         );
         CREATE TABLE sync_note (
             note_id INTEGER PRIMARY KEY REFERENCES note(id) ON DELETE CASCADE,
             version INTEGER NOT NULL,
             hash    TEXT NOT NULL
         );",
    )?;
    Ok(())
}

/// A note written to the working copy: its id, the version written and its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncMark {
    pub note: NoteId,
    pub version: i64,
    pub hash: String,
}

fn set_state(tx: &rusqlite::Connection, key: &str, value: &str) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT INTO sync_state (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2")?
        .execute(params![key, value])?;
    Ok(())
}

impl Store {
    /// A value of `sync_state` (see the `SYNC_*` keys).
    pub fn sync_state(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM sync_state WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// Sets values of `sync_state` in one transaction.
    pub fn set_sync_state(&mut self, values: &[(&str, &str)]) -> Result<(), StoreError> {
        let tx = self.write()?;
        for (key, value) in values {
            set_state(&tx, key, value)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Notes changed since they were last written to or read from the working copy (all notes
    /// before the first sync), in id order.
    pub fn sync_changed_notes(&self) -> Result<Vec<(NoteId, i64)>, StoreError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT n.id, n.version FROM note n LEFT JOIN sync_note s ON s.note_id = n.id
                 WHERE s.version IS NOT n.version ORDER BY n.id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Records notes as written to the working copy and the commit that holds them (none in a
    /// repository without commits), in one transaction.
    pub fn sync_mark_written(&mut self, marks: &[SyncMark], commit: Option<&str>) -> Result<(), StoreError> {
        let tx = self.write()?;
        {
            let mut upsert = tx.prepare_cached(
                "INSERT INTO sync_note (note_id, version, hash) VALUES (?1, ?2, ?3)
                 ON CONFLICT(note_id) DO UPDATE SET version = ?2, hash = ?3",
            )?;
            for mark in marks {
                upsert.execute(params![mark.note, mark.version, mark.hash])?;
            }
        }
        if let Some(commit) = commit {
            set_state(&tx, SYNC_COMMIT, commit)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Forgets what was written to the working copy (it was made anew), so every note is
    /// written again.
    pub fn sync_forget(&mut self) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute_batch("DELETE FROM sync_note; DELETE FROM sync_state WHERE key = 'commit';")?;
        tx.commit()?;
        Ok(())
    }
}

impl Batch<'_> {
    /// Merges a note read from the working copy (see [`super::merge`]), knowing the version the
    /// database and the working copy last shared: the record's `base_hash` becomes that version's
    /// fingerprint, so a note not changed here since takes the file's version. For such a note
    /// the file also decides the trash state (in or out), and the file's version is remembered
    /// as the one both now share.
    pub fn sync_note(&mut self, record: &NoteRecord) -> Result<NoteMerge, StoreError> {
        let uid = record.draft.uid.clone().unwrap_or_default();
        let shared: Option<(i64, i64, String, String)> = self
            .tx()
            .prepare_cached(
                "SELECT n.version, s.version, s.hash, n.updated_at FROM note n JOIN sync_note s ON s.note_id = n.id
                 WHERE n.uid = ?1",
            )?
            .query_row([&uid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let mut record = record.clone();
        let unchanged_here = match &shared {
            Some((version, synced, hash, updated)) => {
                record.base_hash = Some(hash.clone());
                if version == synced {
                    // Not changed here since: the file's version is the later one, whatever the
                    // clocks of the machines that wrote it said.
                    let here = Timestamp::parse(updated).ok();
                    record.draft.updated_at = record.draft.updated_at.max(here);
                }
                version == synced
            }
            None => false,
        };
        let merged = self.import_note(&record)?;
        let tx = self.tx();
        let id: NoteId = tx.prepare_cached("SELECT id FROM note WHERE uid = ?1")?.query_row([&uid], |r| r.get(0))?;
        if unchanged_here {
            let deleted = record.deleted_at.map(|t| t.to_string());
            let now: Option<String> =
                tx.prepare_cached("SELECT deleted_at FROM note WHERE id = ?1")?.query_row([id], |r| r.get(0))?;
            if now.is_some() != deleted.is_some() {
                tx.prepare_cached("UPDATE note SET deleted_at = ?2, version = version + 1 WHERE id = ?1")?
                    .execute(params![id, deleted])?;
                feeds::refresh(tx, id)?;
            }
        }
        // The version both now share is the file's. A note that now says what the file says
        // (content, trash, as many claims) is marked as written; any other stays unmarked, so
        // the next sync writes it out again.
        let file_hash = merge::record_hash(&record);
        let (version, deleted, claims): (i64, Option<String>, usize) = tx
            .prepare_cached(
                "SELECT version, deleted_at, (SELECT count(*) FROM claim WHERE note_id = ?1) FROM note WHERE id = ?1",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let same = !matches!(merged.outcome, NoteOutcome::Conflict(_) | NoteOutcome::KeptNewer(_))
            && deleted.is_some() == record.deleted_at.is_some()
            && claims == record.claims.len()
            && snapshot::current(tx, id)?.hash == file_hash;
        tx.prepare_cached(
            "INSERT INTO sync_note (note_id, version, hash) VALUES (?1, ?2, ?3)
             ON CONFLICT(note_id) DO UPDATE SET version = ?2, hash = ?3",
        )?
        .execute(params![id, if same { version } else { -1 }, file_hash])?;
        Ok(merged)
    }

    /// Sets a value of `sync_state` in the batch's transaction (the commit a sync took in
    /// belongs with what it took).
    pub fn set_sync_state(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        set_state(self.tx(), key, value)
    }
}

impl Store {
    /// When the last sync ended, if one did.
    pub fn last_sync(&self) -> Result<Option<(Timestamp, String)>, StoreError> {
        let at = self.sync_state(SYNC_LAST)?.and_then(|t| Timestamp::parse(&t).ok());
        Ok(at.map(|at| (at, self.sync_state(SYNC_RESULT).ok().flatten().unwrap_or_default())))
    }
}
