//! Feeds: for each ticker and each tag, its live notes in `updated_at` order, so "newest notes on
//! $NVDA" or "newest under #ai" is one short index range however many notes there are. A note
//! under `ai/inference` is in the feeds of `ai/inference` and of `ai`.
//!
//! Feeds are derived data, rebuilt for a note by [`refresh`] inside every transaction that
//! changes the note's links, its `updated_at` or its place in the trash.

use rusqlite::{Connection, params};

use super::StoreError;
use crate::model::NoteId;

/// Rebuilds one note's rows in both feeds (none while it is in the trash).
pub(super) fn refresh(conn: &Connection, note: NoteId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM ticker_feed WHERE note_id = ?1")?.execute([note])?;
    conn.prepare_cached("DELETE FROM tag_feed WHERE note_id = ?1")?.execute([note])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO ticker_feed (ticker_id, updated_at, note_id)
         SELECT nt.ticker_id, n.updated_at, n.id FROM note n JOIN note_ticker nt ON nt.note_id = n.id
         WHERE n.id = ?1 AND n.deleted_at IS NULL",
    )?
    .execute([note])?;
    let mut keys: Vec<String> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT t.key FROM note n JOIN note_tag nt ON nt.note_id = n.id JOIN tag t ON t.id = nt.tag_id
             WHERE n.id = ?1 AND n.deleted_at IS NULL",
        )?;
        for key in stmt.query_map([note], |r| r.get::<_, String>(0))? {
            let key = key?;
            for (at, _) in key.match_indices('/') {
                keys.push(key[..at].to_owned());
            }
            keys.push(key);
        }
    }
    keys.sort();
    keys.dedup();
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO tag_feed (tag_id, updated_at, note_id)
         SELECT t.id, n.updated_at, n.id FROM note n, tag t WHERE n.id = ?1 AND t.key = ?2",
    )?;
    for key in keys {
        insert.execute(params![note, key])?;
    }
    Ok(())
}

/// Version 2 of the schema: the feeds, filled for every note already there (ancestor tags such as
/// `ai` for `ai/inference` are created first, so every level has a feed).
pub(super) fn migrate_v2(tx: &rusqlite::Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V2_TABLES)?;
    let names: Vec<String> =
        tx.prepare("SELECT name FROM tag")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    for name in names {
        if let Ok(tag) = crate::model::TagName::parse(&name) {
            super::tags::ensure_ancestors(tx, &tag)?;
        }
    }
    tx.execute_batch(V2_FILL)?;
    Ok(())
}

const V2_TABLES: &str = r#"
CREATE TABLE ticker_feed (
    ticker_id   INTEGER NOT NULL REFERENCES ticker(id) ON DELETE CASCADE,
    updated_at  TEXT NOT NULL,
    note_id     INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    PRIMARY KEY (ticker_id, updated_at, note_id)
) WITHOUT ROWID;
CREATE INDEX ticker_feed_by_note ON ticker_feed(note_id);
CREATE TABLE tag_feed (
    tag_id      INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    updated_at  TEXT NOT NULL,
    note_id     INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, updated_at, note_id)
) WITHOUT ROWID;
CREATE INDEX tag_feed_by_note ON tag_feed(note_id);
"#;

const V2_FILL: &str = r#"
INSERT OR IGNORE INTO ticker_feed (ticker_id, updated_at, note_id)
    SELECT nt.ticker_id, n.updated_at, n.id FROM note n JOIN note_ticker nt ON nt.note_id = n.id
    WHERE n.deleted_at IS NULL;
INSERT OR IGNORE INTO tag_feed (tag_id, updated_at, note_id)
    SELECT a.id, n.updated_at, n.id FROM note n JOIN note_tag nt ON nt.note_id = n.id JOIN tag t ON t.id = nt.tag_id
    JOIN tag a ON a.key = t.key OR (t.key > a.key || '/' AND t.key < a.key || '0')
    WHERE n.deleted_at IS NULL;
"#;
