//! Tags: one row per tag (unique case- and accent-insensitively), linked to notes by `note_tag`.

use rusqlite::{Connection, OptionalExtension, params};

use super::lookups::Lookups;
use super::{Store, StoreError};
use crate::model::{NoteId, TagCount, TagName};

/// The id of a tag, created on first use with its ancestors (`ai` for `ai/inference`) and its
/// rows in `tag_ancestor`. The first spelling typed is the one shown.
pub(super) fn ensure(conn: &Connection, tag: &TagName, lookups: &mut Lookups) -> Result<i64, StoreError> {
    let key = tag.key();
    if let Some(id) = lookups.tags.get(&key) {
        return Ok(*id);
    }
    let inserted = conn
        .prepare_cached("INSERT INTO tag (name, key) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING")?
        .execute(params![tag.as_str(), key])?;
    let id: i64 = conn.prepare_cached("SELECT id FROM tag WHERE key = ?1")?.query_row([&key], |r| r.get(0))?;
    if inserted > 0 {
        record_ancestors(conn, id, tag, lookups)?;
    }
    lookups.tags.insert(key, id);
    Ok(id)
}

/// Writes `tag_ancestor` rows for a tag: itself and every level above it (created if missing).
pub(super) fn record_ancestors(
    conn: &Connection,
    id: i64,
    tag: &TagName,
    lookups: &mut Lookups,
) -> Result<(), StoreError> {
    let insert = |ancestor: i64| -> Result<(), StoreError> {
        conn.prepare_cached("INSERT OR IGNORE INTO tag_ancestor (tag_id, ancestor_id) VALUES (?1, ?2)")?
            .execute(params![id, ancestor])?;
        Ok(())
    };
    insert(id)?;
    for (at, _) in tag.as_str().match_indices('/') {
        if let Ok(ancestor) = TagName::parse(&tag.as_str()[..at]) {
            let ancestor_id = ensure(conn, &ancestor, lookups)?;
            insert(ancestor_id)?;
        }
    }
    Ok(())
}

pub(super) fn link(conn: &Connection, note: NoteId, tag: &TagName, lookups: &mut Lookups) -> Result<(), StoreError> {
    let tag_id = ensure(conn, tag, lookups)?;
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
            "SELECT t.name, c.notes FROM tag_count c JOIN tag t ON t.id = c.tag_id
             WHERE c.notes > 0 ORDER BY t.key",
        )?;
        let tags =
            stmt.query_map([], |r| Ok(TagCount { name: r.get(0)?, notes: r.get(1)? }))?.collect::<Result<_, _>>()?;
        Ok(tags)
    }
}
