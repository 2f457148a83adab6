//! Feeds: for each ticker and each tag, its live notes by order key (newest first is by last
//! update to the second, then by id: see [`super::order`]), so "newest notes on $NVDA" or "newest
//! under #ai" is one short index range however many notes there are, and a feed's note is checked
//! against the full-text index by that same key. A note under `ai/inference` is in the feeds of
//! `ai/inference` and of `ai` (through `tag_ancestor`).
//!
//! Feeds are derived data, rebuilt for a note by [`refresh`] inside every transaction that
//! changes the note's links, its `updated_at` or its place in the trash; a batch rebuilds them
//! for all its new notes at once with [`refresh_batch`].

use rusqlite::{Connection, Transaction};

use super::StoreError;
use super::lookups::Lookups;
use crate::model::{NoteId, TagName};

/// Rebuilds one note's rows in both feeds (none while it is in the trash).
pub(super) fn refresh(conn: &Connection, note: NoteId) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM ticker_feed WHERE note_id = ?1")?.execute([note])?;
    conn.prepare_cached("DELETE FROM tag_feed WHERE note_id = ?1")?.execute([note])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO ticker_feed (ticker_id, ord, note_id)
         SELECT nt.ticker_id, n.ord, n.id FROM note n JOIN note_ticker nt ON nt.note_id = n.id
         WHERE n.id = ?1 AND n.deleted_at IS NULL",
    )?
    .execute([note])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO tag_feed (tag_id, ord, note_id)
         SELECT ta.ancestor_id, n.ord, n.id FROM note n JOIN note_tag nt ON nt.note_id = n.id
         JOIN tag_ancestor ta ON ta.tag_id = nt.tag_id
         WHERE n.id = ?1 AND n.deleted_at IS NULL",
    )?
    .execute([note])?;
    Ok(())
}

/// Writes the feed rows of every note with an id above `start` (a batch's new notes).
pub(super) fn refresh_batch(conn: &Connection, start: NoteId) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO ticker_feed (ticker_id, ord, note_id)
         SELECT nt.ticker_id, n.ord, n.id FROM note n JOIN note_ticker nt ON nt.note_id = n.id
         WHERE n.id > ?1 AND n.deleted_at IS NULL",
    )?
    .execute([start])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO tag_feed (tag_id, ord, note_id)
         SELECT ta.ancestor_id, n.ord, n.id FROM note n JOIN note_tag nt ON nt.note_id = n.id
         JOIN tag_ancestor ta ON ta.tag_id = nt.tag_id
         WHERE n.id > ?1 AND n.deleted_at IS NULL",
    )?
    .execute([start])?;
    Ok(())
}

/// Version 2 of the schema: every tag's ancestors (created where missing) and the feeds, filled
/// for every note already there.
pub(super) fn migrate_v2(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V2_TABLES)?;
    let tags: Vec<(i64, String)> = tx
        .prepare("SELECT id, name FROM tag")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut lookups = Lookups::single();
    for (id, name) in tags {
        if let Ok(tag) = TagName::parse(&name) {
            super::tags::record_ancestors(tx, id, &tag, &mut lookups)?;
        }
    }
    tx.execute_batch(V2_FILL)?;
    Ok(())
}

/// Version 4: the number of notes in each feed, kept by triggers on the feeds, so the sidebar's
/// "notes per ticker / per tag" is read, not counted, however many notes there are.
pub(super) fn migrate_v4(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V4_COUNTS)?;
    Ok(())
}

const V4_COUNTS: &str = r#"
CREATE TABLE ticker_count (
    ticker_id  INTEGER PRIMARY KEY REFERENCES ticker(id) ON DELETE CASCADE,
    notes      INTEGER NOT NULL
);
CREATE TABLE tag_count (
    tag_id  INTEGER PRIMARY KEY REFERENCES tag(id) ON DELETE CASCADE,
    notes   INTEGER NOT NULL
);
INSERT INTO ticker_count (ticker_id, notes) SELECT ticker_id, count(*) FROM ticker_feed GROUP BY ticker_id;
INSERT INTO tag_count (tag_id, notes) SELECT tag_id, count(*) FROM tag_feed GROUP BY tag_id;
CREATE TRIGGER ticker_feed_counted AFTER INSERT ON ticker_feed BEGIN
    INSERT INTO ticker_count (ticker_id, notes) VALUES (new.ticker_id, 1)
    ON CONFLICT (ticker_id) DO UPDATE SET notes = notes + 1;
END;
CREATE TRIGGER ticker_feed_uncounted AFTER DELETE ON ticker_feed BEGIN
    UPDATE ticker_count SET notes = notes - 1 WHERE ticker_id = old.ticker_id;
END;
CREATE TRIGGER tag_feed_counted AFTER INSERT ON tag_feed BEGIN
    INSERT INTO tag_count (tag_id, notes) VALUES (new.tag_id, 1)
    ON CONFLICT (tag_id) DO UPDATE SET notes = notes + 1;
END;
CREATE TRIGGER tag_feed_uncounted AFTER DELETE ON tag_feed BEGIN
    UPDATE tag_count SET notes = notes - 1 WHERE tag_id = old.tag_id;
END;
"#;

/// The feeds as version 2 filled them (version 6 re-sorts them by order key).
const V2_FILL: &str = r#"
INSERT OR IGNORE INTO ticker_feed (ticker_id, updated_at, note_id)
SELECT nt.ticker_id, n.updated_at, n.id FROM note n JOIN note_ticker nt ON nt.note_id = n.id
WHERE n.deleted_at IS NULL;
INSERT OR IGNORE INTO tag_feed (tag_id, updated_at, note_id)
SELECT ta.ancestor_id, n.updated_at, n.id FROM note n JOIN note_tag nt ON nt.note_id = n.id
JOIN tag_ancestor ta ON ta.tag_id = nt.tag_id
WHERE n.deleted_at IS NULL;
"#;

const V2_TABLES: &str = r#"
CREATE TABLE tag_ancestor (
    tag_id       INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    ancestor_id  INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, ancestor_id)
) WITHOUT ROWID;
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
