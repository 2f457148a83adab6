//! Revisions: every earlier version of a note (title, body, and since schema 5 its tags, typed
//! tickers, trash state and claims), kept when it changes, until purged. Restoring one brings
//! all of it back, and keeps the version it replaces as a revision too.

use rusqlite::{Connection, OptionalExtension, params};

use super::lookups::Lookups;
use super::{Store, StoreError, rows, snapshot};
use crate::model::{Note, NoteId, Revision, RevisionKind, Timestamp};

/// Keeps a version that carries only its text (an earlier version from a JSON export).
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

const COLUMNS: &str = "id, note_id, title, body, saved_at, replaced_at, kind, import_id, snapshot";

fn row(r: &rusqlite::Row) -> rusqlite::Result<(Revision, Option<String>)> {
    let revision = Revision {
        id: r.get(0)?,
        note_id: r.get(1)?,
        title: r.get(2)?,
        body: r.get(3)?,
        saved_at: rows::timestamp(r, 4)?,
        replaced_at: rows::timestamp(r, 5)?,
        tags: Vec::new(),
        tickers: Vec::new(),
        kind: RevisionKind::parse(&r.get::<_, String>(6)?),
        import_id: r.get(7)?,
    };
    Ok((revision, r.get(8)?))
}

/// A revision with the tags and tickers of its snapshot, and the snapshot itself.
fn with_snapshot(
    (mut revision, json): (Revision, Option<String>),
) -> Result<(Revision, Option<snapshot::NoteSnapshot>), StoreError> {
    let snap = snapshot::parse(json)?;
    if let Some(snap) = &snap {
        revision.tags = snap.tags.clone();
        revision.tickers = snap.tickers.clone();
    }
    Ok((revision, snap))
}

/// Makes a revision current again inside the caller's transaction, keeping the version it
/// replaces as a revision of `kind`; the note's time becomes `updated_at`. Returns the id of the
/// revision that holds the replaced version.
pub(super) fn bring_back(
    conn: &Connection,
    note: NoteId,
    revision: i64,
    kind: RevisionKind,
    import: Option<i64>,
    updated_at: &str,
) -> Result<i64, StoreError> {
    let (old, snap) = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM note_revision WHERE id = ?1 AND note_id = ?2"))?
        .query_row(params![revision, note], row)
        .optional()?
        .map(with_snapshot)
        .transpose()?
        .ok_or(StoreError::RevisionNotFound { note, revision })?;
    let kept = snapshot::keep(conn, note, kind, import)?;
    snapshot::restore(conn, note, &old.title, &old.body, snap.as_ref(), &mut Lookups::single())?;
    conn.prepare_cached("UPDATE note SET updated_at = ?2, version = version + 1 WHERE id = ?1")?
        .execute(params![note, updated_at])?;
    Ok(kept)
}

impl Store {
    /// Earlier versions of a note, newest first.
    pub fn revisions(&self, note: NoteId) -> Result<Vec<Revision>, StoreError> {
        super::notes::require(&self.conn, note)?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM note_revision WHERE note_id = ?1 ORDER BY id DESC"))?;
        let rows: Vec<_> = stmt.query_map([note], row)?.collect::<Result<_, _>>()?;
        rows.into_iter().map(|r| Ok(with_snapshot(r)?.0)).collect()
    }

    pub fn revision(&self, note: NoteId, revision: i64) -> Result<Revision, StoreError> {
        self.conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM note_revision WHERE id = ?1 AND note_id = ?2"))?
            .query_row(params![revision, note], row)
            .optional()?
            .map(|r| with_snapshot(r).map(|(revision, _)| revision))
            .transpose()?
            .ok_or(StoreError::RevisionNotFound { note, revision })
    }

    /// Makes an earlier version current again, with its tags, typed tickers and claims when the
    /// revision kept them; the version it replaces becomes a revision too, so restoring is itself
    /// undoable. Restoring a conflict revision is how an import's version is taken.
    pub fn restore_revision(
        &mut self,
        note: NoteId,
        revision: i64,
        expected_version: Option<i64>,
    ) -> Result<Note, StoreError> {
        let tx = self.write()?;
        let version = super::notes::version(&tx, note)?;
        if let Some(expected) = expected_version
            && expected != version
        {
            return Err(StoreError::Conflict { id: note, expected, found: version });
        }
        bring_back(&tx, note, revision, RevisionKind::Edit, None, &Timestamp::now().to_string())?;
        let loaded = super::notes::load(&tx, note)?;
        tx.commit()?;
        Ok(loaded)
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
