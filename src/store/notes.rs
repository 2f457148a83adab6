//! Notes: create, read, edit (keeping revisions and re-linking cashtags and `[[links]]`), trash,
//! restore, purge.

use rusqlite::{Connection, OptionalExtension, params};

use super::lookups::Lookups;
use super::{Store, StoreError, claims, feeds, links, properties, rows, snapshot, sources, tags, tickers};
use crate::extract::cashtags;
use crate::model::{Note, NoteDraft, NoteEdit, NoteId, Origin, RevisionKind, Symbol, Timestamp, validate_text};

/// Fails with [`StoreError::NoteNotFound`] unless the note exists (in the trash or not).
pub(super) fn require(conn: &Connection, id: NoteId) -> Result<(), StoreError> {
    let found: Option<i64> =
        conn.prepare_cached("SELECT id FROM note WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?;
    found.map(|_| ()).ok_or(StoreError::NoteNotFound(id))
}

/// A note's version (bumped by every change), or [`StoreError::NoteNotFound`].
pub(super) fn version(conn: &Connection, id: NoteId) -> Result<i64, StoreError> {
    conn.prepare_cached("SELECT version FROM note WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::NoteNotFound(id))
}

/// Marks a note as changed now (its links changed) without touching its text.
pub(super) fn touch(conn: &Connection, id: NoteId) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE note SET updated_at = ?2, version = version + 1 WHERE id = ?1")?
        .execute(params![id, Timestamp::now().to_string()])?;
    feeds::refresh(conn, id)
}

/// Loads a note with its tags, tickers, claims and sources.
pub(super) fn load(conn: &Connection, id: NoteId) -> Result<Note, StoreError> {
    let mut note = conn
        .prepare_cached(
            "SELECT id, uid, title, body, created_at, updated_at, deleted_at, version FROM note WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Note {
                id: r.get(0)?,
                uid: r.get(1)?,
                title: r.get(2)?,
                body: r.get(3)?,
                tags: Vec::new(),
                tickers: Vec::new(),
                claims: Vec::new(),
                sources: Vec::new(),
                created_at: rows::timestamp(r, 4)?,
                updated_at: rows::timestamp(r, 5)?,
                deleted_at: rows::opt_timestamp(r, 6)?,
                version: r.get(7)?,
            })
        })
        .optional()?
        .ok_or(StoreError::NoteNotFound(id))?;
    note.tags = tags::of_note(conn, id)?;
    note.tickers = tickers::of_note(conn, id)?;
    note.claims = claims::of_note(conn, id)?;
    note.sources = sources::of_note(conn, id)?;
    Ok(note)
}

/// Inserts a note and its links inside the caller's transaction (in a batch, its feeds and
/// full-text entry are written when the batch commits).
pub(super) fn insert(conn: &Connection, draft: &NoteDraft, lookups: &mut Lookups) -> Result<NoteId, StoreError> {
    validate_text(&draft.title, &draft.body)?;
    let now = Timestamp::now();
    let created = draft.created_at.unwrap_or(now);
    let updated = draft.updated_at.unwrap_or(created);
    conn.prepare_cached(
        "INSERT INTO note (uid, title, body, created_at, updated_at)
         VALUES (coalesce(?1, lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5)",
    )?
    .execute(params![draft.uid, draft.title, draft.body, created.to_string(), updated.to_string()])?;
    let id = conn.last_insert_rowid();
    properties::reindex(conn, id, &draft.body)?;
    for tag in &draft.tags {
        tags::link(conn, id, tag, lookups)?;
    }
    for symbol in &draft.tickers {
        tickers::link(conn, id, symbol, Origin::Typed, lookups)?;
    }
    let mut detected: Vec<Symbol> = Vec::new();
    for cashtag in cashtags(&draft.title).into_iter().chain(cashtags(&draft.body)) {
        if !detected.contains(&cashtag.symbol) {
            tickers::link(conn, id, &cashtag.symbol, Origin::Detected, lookups)?;
            detected.push(cashtag.symbol);
        }
    }
    links::relink(conn, id, &draft.title, &draft.body)?;
    if !lookups.deferred(id) {
        feeds::refresh(conn, id)?;
    }
    Ok(id)
}

impl Store {
    /// Creates a note (linking its tags, typed tickers and cashtags) and returns its id.
    pub fn create_note(&mut self, draft: &NoteDraft) -> Result<NoteId, StoreError> {
        let tx = self.write()?;
        let id = insert(&tx, draft, &mut Lookups::single())?;
        tx.commit()?;
        Ok(id)
    }

    /// A note with everything attached to it (in the trash or not).
    pub fn note(&self, id: NoteId) -> Result<Note, StoreError> {
        load(&self.conn, id)
    }

    /// The id of the note with this stable identity, if any.
    pub fn note_by_uid(&self, uid: &str) -> Result<Option<NoteId>, StoreError> {
        Ok(self.conn.prepare_cached("SELECT id FROM note WHERE uid = ?1")?.query_row([uid], |r| r.get(0)).optional()?)
    }

    /// The current version of a note, to notice changes made elsewhere.
    pub fn note_version(&self, id: NoteId) -> Result<i64, StoreError> {
        self.conn
            .prepare_cached("SELECT version FROM note WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NoteNotFound(id))
    }

    /// Applies an edit. A changed title or body keeps the previous text as a revision and
    /// re-reads the cashtags. When `expected_version` is set and the note has moved on since,
    /// nothing is written and [`StoreError::Conflict`] says so.
    pub fn edit_note(&mut self, id: NoteId, edit: &NoteEdit) -> Result<Note, StoreError> {
        let tx = self.write()?;
        let (title, body, version): (String, String, i64) = tx
            .prepare_cached("SELECT title, body, version FROM note WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
            .ok_or(StoreError::NoteNotFound(id))?;
        if let Some(expected) = edit.expected_version
            && expected != version
        {
            return Err(StoreError::Conflict { id, expected, found: version });
        }
        let new_title = edit.title.as_deref().unwrap_or(&title);
        let new_body = edit.body.as_deref().unwrap_or(&body);
        validate_text(new_title, new_body)?;
        let text_changed = new_title != title || new_body != body;
        let links_changed = !(edit.add_tags.is_empty()
            && edit.remove_tags.is_empty()
            && edit.add_tickers.is_empty()
            && edit.remove_tickers.is_empty());
        if !text_changed && !links_changed {
            drop(tx);
            return load(&self.conn, id);
        }
        let now = Timestamp::now().to_string();
        let lookups = &mut Lookups::single();
        // The whole version before this edit (text, tags, tickers, claims) is kept when the edit
        // changes it.
        let before = snapshot::current(&tx, id)?;
        if text_changed {
            // With its new time at once: the full-text index takes the new text under the new
            // order key in one step (see `order`), not once per column.
            tx.prepare_cached("UPDATE note SET title = ?2, body = ?3, updated_at = ?4 WHERE id = ?1")?
                .execute(params![id, new_title, new_body, now])?;
            tickers::relink_detected(&tx, id, new_title, new_body, lookups)?;
            links::relink(&tx, id, new_title, new_body)?;
            properties::reindex(&tx, id, new_body)?;
        }
        for tag in &edit.remove_tags {
            tags::unlink(&tx, id, tag)?;
        }
        for tag in &edit.add_tags {
            tags::link(&tx, id, tag, lookups)?;
        }
        for symbol in &edit.remove_tickers {
            tickers::unlink_typed(&tx, id, symbol)?;
        }
        for symbol in &edit.add_tickers {
            tickers::link(&tx, id, symbol, Origin::Typed, lookups)?;
        }
        if snapshot::current(&tx, id)?.hash != before.hash {
            snapshot::keep_current(&tx, id, &before, RevisionKind::Edit, None)?;
        }
        tx.prepare_cached("UPDATE note SET updated_at = ?2, version = version + 1 WHERE id = ?1")?
            .execute(params![id, now])?;
        feeds::refresh(&tx, id)?;
        let note = load(&tx, id)?;
        tx.commit()?;
        Ok(note)
    }

    /// Moves a note to the trash (it stays searchable with `is:trash` and can be restored).
    pub fn trash_note(&mut self, id: NoteId) -> Result<(), StoreError> {
        self.set_trashed(id, Some(Timestamp::now()))
    }

    /// Takes a note out of the trash.
    pub fn restore_note(&mut self, id: NoteId) -> Result<(), StoreError> {
        self.set_trashed(id, None)
    }

    fn set_trashed(&mut self, id: NoteId, at: Option<Timestamp>) -> Result<(), StoreError> {
        let tx = self.write()?;
        require(&tx, id)?;
        tx.prepare_cached("UPDATE note SET deleted_at = ?2, version = version + 1 WHERE id = ?1")?
            .execute(params![id, at.map(|t| t.to_string())])?;
        feeds::refresh(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a trashed note for good, with its revisions, claims and links. A note that is
    /// not in the trash is refused (trash it first).
    pub fn purge_note(&mut self, id: NoteId) -> Result<(), StoreError> {
        let tx = self.write()?;
        let deleted: Option<Option<String>> =
            tx.prepare_cached("SELECT deleted_at FROM note WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?;
        match deleted {
            None => return Err(StoreError::NoteNotFound(id)),
            Some(None) => {
                return Err(crate::model::Invalid::new(format!("note {id} is not in the trash; trash it first")).into());
            }
            Some(Some(_)) => {}
        }
        tx.prepare_cached("DELETE FROM note WHERE id = ?1")?.execute([id])?;
        tx.commit()?;
        Ok(())
    }

    /// Purges every note in the trash; returns how many.
    pub fn empty_trash(&mut self) -> Result<u64, StoreError> {
        let tx = self.write()?;
        let count = tx.prepare_cached("DELETE FROM note WHERE deleted_at IS NOT NULL")?.execute([])?;
        tx.commit()?;
        Ok(count as u64)
    }

    /// How many notes there are, live and in the trash.
    pub fn note_counts(&self) -> Result<(u64, u64), StoreError> {
        // Two counts over the small partial indexes, not one pass over the notes themselves.
        let live = self
            .conn
            .prepare_cached("SELECT count(*) FROM note WHERE deleted_at IS NULL")?
            .query_row([], |r| r.get(0))?;
        let trashed = self
            .conn
            .prepare_cached("SELECT count(*) FROM note WHERE deleted_at IS NOT NULL")?
            .query_row([], |r| r.get(0))?;
        Ok((live, trashed))
    }
}
