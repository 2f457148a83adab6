//! Tags: one row per tag (unique case- and accent-insensitively), linked to notes by `note_tag`.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreError};
use crate::model::{NoteId, TagCount, TagName};

/// The id of a tag, created on first use. The first spelling typed is the one shown.
pub(super) fn ensure(conn: &Connection, tag: &TagName) -> Result<i64, StoreError> {
    let key = tag.key();
    conn.prepare_cached("INSERT INTO tag (name, key) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING")?
        .execute(params![tag.as_str(), key])?;
    Ok(conn.prepare_cached("SELECT id FROM tag WHERE key = ?1")?.query_row([key], |r| r.get(0))?)
}

/// Makes sure `ai` and `ai/inference` exist for `ai/inference/costs`, so each level has a feed.
pub(super) fn ensure_ancestors(conn: &Connection, tag: &TagName) -> Result<(), StoreError> {
    for (at, _) in tag.as_str().match_indices('/') {
        if let Ok(ancestor) = TagName::parse(&tag.as_str()[..at]) {
            ensure(conn, &ancestor)?;
        }
    }
    Ok(())
}

pub(super) fn link(conn: &Connection, note: NoteId, tag: &TagName) -> Result<(), StoreError> {
    ensure_ancestors(conn, tag)?;
    let tag_id = ensure(conn, tag)?;
    conn.prepare_cached("INSERT OR IGNORE INTO note_tag (note_id, tag_id) VALUES (?1, ?2)")?
        .execute(params![note, tag_id])?;
    Ok(())
}

/// The id of a tag, if it exists.
pub(super) fn id_of(conn: &Connection, tag: &TagName) -> Result<Option<i64>, StoreError> {
    Ok(conn.prepare_cached("SELECT id FROM tag WHERE key = ?1")?.query_row([tag.key()], |r| r.get(0)).optional()?)
}

pub(super) fn unlink(conn: &Connection, note: NoteId, tag: &TagName) -> Result<(), StoreError> {
    let tag_id: Option<i64> =
        conn.prepare_cached("SELECT id FROM tag WHERE key = ?1")?.query_row([tag.key()], |r| r.get(0)).optional()?;
    if let Some(tag_id) = tag_id {
        conn.prepare_cached("DELETE FROM note_tag WHERE note_id = ?1 AND tag_id = ?2")?
            .execute(params![note, tag_id])?;
    }
    Ok(())
}

/// The tag names of a note, sorted.
pub(super) fn of_note(conn: &Connection, note: NoteId) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM note_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.note_id = ?1 ORDER BY t.key",
    )?;
    let names = stmt.query_map([note], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(names)
}

impl Store {
    /// Every tag on a live note, with how many live notes carry exactly that tag, sorted by name
    /// (so `ai` comes before `ai/inference`).
    pub fn tags(&self) -> Result<Vec<TagCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.name, count(*) FROM tag t
             JOIN note_tag nt ON nt.tag_id = t.id
             JOIN note n ON n.id = nt.note_id AND n.deleted_at IS NULL
             GROUP BY t.id ORDER BY t.key",
        )?;
        let tags =
            stmt.query_map([], |r| Ok(TagCount { name: r.get(0)?, notes: r.get(1)? }))?.collect::<Result<_, _>>()?;
        Ok(tags)
    }
}
