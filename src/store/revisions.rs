//! Revisions: every earlier title and body of a note, kept when it changes, until purged.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreError, rows};
use crate::model::{Note, NoteEdit, NoteId, Revision};

/// Keeps a note's current text (saved at `saved_at`, replaced `now`) as a revision.
pub(super) fn keep(
    conn: &Connection,
    note: NoteId,
    title: &str,
    body: &str,
    saved_at: &str,
    now: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO note_revision (note_id, title, body, saved_at, replaced_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![note, title, body, saved_at, now])?;
    Ok(())
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Revision> {
    Ok(Revision {
        id: r.get(0)?,
        note_id: r.get(1)?,
        title: r.get(2)?,
        body: r.get(3)?,
        saved_at: rows::timestamp(r, 4)?,
        replaced_at: rows::timestamp(r, 5)?,
    })
}

impl Store {
    /// Earlier versions of a note, newest first.
    pub fn revisions(&self, note: NoteId) -> Result<Vec<Revision>, StoreError> {
        super::notes::require(&self.conn, note)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, note_id, title, body, saved_at, replaced_at FROM note_revision
             WHERE note_id = ?1 ORDER BY id DESC",
        )?;
        let found = stmt.query_map([note], row)?.collect::<Result<_, _>>()?;
        Ok(found)
    }

    pub fn revision(&self, note: NoteId, revision: i64) -> Result<Revision, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT id, note_id, title, body, saved_at, replaced_at FROM note_revision
                 WHERE id = ?1 AND note_id = ?2",
            )?
            .query_row(params![revision, note], row)
            .optional()?
            .ok_or(StoreError::RevisionNotFound { note, revision })
    }

    /// Makes an earlier version current again; the text it replaces becomes a revision too,
    /// so restoring is itself undoable.
    pub fn restore_revision(
        &mut self,
        note: NoteId,
        revision: i64,
        expected_version: Option<i64>,
    ) -> Result<Note, StoreError> {
        let old = self.revision(note, revision)?;
        let edit = NoteEdit { title: Some(old.title), body: Some(old.body), expected_version, ..NoteEdit::default() };
        self.edit_note(note, &edit)
    }

    /// Deletes every revision of a note; returns how many.
    pub fn purge_revisions(&mut self, note: NoteId) -> Result<u64, StoreError> {
        let tx = self.write()?;
        super::notes::require(&tx, note)?;
        let count = tx.prepare_cached("DELETE FROM note_revision WHERE note_id = ?1")?.execute([note])?;
        tx.commit()?;
        Ok(count as u64)
    }
}
