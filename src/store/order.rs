//! The order a user sees, as one integer: every note's **order key** (`note.ord`) sorts exactly
//! like newest first, by last update to the second and then by note id.
//!
//! `ord = seconds(updated_at) × 2³¹ + id`, a virtual column computed by SQLite from the row, so it
//! can never disagree with `updated_at`. Seconds are since 1970 (negative before), rounded down
//! and held within ±2³² (1833 to 2106; a time outside sorts with that range's end, then by id);
//! note ids must stay below 2³¹, which a trigger enforces.
//!
//! The key is the full-text index's rowid (`content_rowid = 'ord'`) and the feeds' sort column, so
//! a newest-first word query is FTS5's own walk of its posting lists from the end, stopping at
//! the page, and `after:`/`before:` are rowid ranges. Schema version 6 brings older databases to
//! it ([`migrate_v6`]): it rebuilds the full-text index and the feeds (minutes at a million
//! notes), inside [`super::Store::open`].

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::StoreError;

/// Note ids are kept below this (their bits of the key).
pub(super) const ID_SPAN: i64 = 1 << 31;
/// Seconds are clamped to `-SECONDS_SPAN..SECONDS_SPAN` so the key fits in 64 bits.
const SECONDS_SPAN: i64 = 1 << 32;

/// The note id an order key belongs to.
pub(super) fn note_of(key: i64) -> i64 {
    key & (ID_SPAN - 1)
}

/// The smallest key of a note updated at or after the start of `date` (UTC).
pub(super) fn key_from(date: NaiveDate) -> i64 {
    let seconds = date.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp());
    seconds.clamp(-SECONDS_SPAN, SECONDS_SPAN - 1) * ID_SPAN
}

/// Version 6: the order key, the notes' indexes by it, the full-text index keyed by it and the
/// feeds sorted by it. A note is indexed again when its key changes (its update moved it to
/// another second), not when only the milliseconds of `updated_at` do. The index is refilled in key order: FTS5 starts a new segment whenever a
/// rowid is lower than the last one it took, so its own `rebuild` (which reads by note id) would
/// leave one segment per out-of-order note.
pub(super) fn migrate_v6(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V6_ORDER)?;
    // Filled in large segments without merging on the way, then merged once into one segment
    // (the state an index is searched fastest in; left at several large segments, later saves
    // would keep merging them bit by bit).
    tx.execute_batch(
        "INSERT INTO note_fts(note_fts, rank) VALUES ('hashsize', 134217728);
         INSERT INTO note_fts(note_fts, rank) VALUES ('automerge', 0);
         INSERT INTO note_fts(rowid, title, body) SELECT ord, title, body FROM note ORDER BY ord;
         INSERT INTO note_fts(note_fts) VALUES ('optimize');
         INSERT INTO note_fts(note_fts, rank) VALUES ('automerge', 4);
         INSERT INTO note_fts(note_fts, rank) VALUES ('hashsize', 33554432);",
    )?;
    for (feed, column) in [("ticker_feed", "ticker_id"), ("tag_feed", "tag_id")] {
        tx.execute_batch(&feed_table(feed, column))?;
    }
    Ok(())
}

/// Rebuilds one feed sorted by order key (same rows, so its counter stays right).
fn feed_table(feed: &str, column: &str) -> String {
    let parent = if column == "ticker_id" { "ticker" } else { "tag" };
    let count = if column == "ticker_id" { "ticker_count" } else { "tag_count" };
    format!(
        "DROP TRIGGER {feed}_counted;
         DROP TRIGGER {feed}_uncounted;
         CREATE TABLE {feed}_by_order (
             {column}  INTEGER NOT NULL REFERENCES {parent}(id) ON DELETE CASCADE,
             ord       INTEGER NOT NULL,
             note_id   INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
             PRIMARY KEY ({column}, ord)
         ) WITHOUT ROWID;
         INSERT INTO {feed}_by_order ({column}, ord, note_id)
             SELECT f.{column}, n.ord, n.id FROM {feed} f JOIN note n ON n.id = f.note_id;
         DROP TABLE {feed};
         ALTER TABLE {feed}_by_order RENAME TO {feed};
         CREATE INDEX {feed}_by_note ON {feed}(note_id);
         CREATE TRIGGER {feed}_counted AFTER INSERT ON {feed} BEGIN
             INSERT INTO {count} ({column}, notes) VALUES (new.{column}, 1)
             ON CONFLICT ({column}) DO UPDATE SET notes = notes + 1;
         END;
         CREATE TRIGGER {feed}_uncounted AFTER DELETE ON {feed} BEGIN
             UPDATE {count} SET notes = notes - 1 WHERE {column} = old.{column};
         END;"
    )
}

const V6_ORDER: &str = r#"
ALTER TABLE note ADD COLUMN ord INTEGER GENERATED ALWAYS AS (
    max(min(coalesce(CAST(strftime('%s', updated_at) AS INTEGER), 0), 4294967295), -4294967296) * 2147483648 + id
) VIRTUAL;
CREATE TRIGGER note_id_fits_order AFTER INSERT ON note WHEN new.id >= 2147483648 BEGIN
    SELECT RAISE(ABORT, 'note ids must stay below 2147483648');
END;
DROP INDEX note_live_by_updated;
DROP INDEX note_trash_by_updated;
CREATE UNIQUE INDEX note_by_order ON note(ord);
CREATE INDEX note_live_by_order ON note(ord) WHERE deleted_at IS NULL;
CREATE INDEX note_trash_by_order ON note(ord) WHERE deleted_at IS NOT NULL;

DROP TRIGGER note_fts_insert;
DROP TRIGGER note_fts_delete;
DROP TRIGGER note_fts_update;
DROP TABLE note_fts;
CREATE VIRTUAL TABLE note_fts USING fts5(
    title, body,
    content = 'note', content_rowid = 'ord',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO note_fts(note_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
CREATE TRIGGER note_fts_insert AFTER INSERT ON note
WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE new.id > start) BEGIN
    INSERT INTO note_fts(rowid, title, body) VALUES (new.ord, new.title, new.body);
END;
CREATE TRIGGER note_fts_delete AFTER DELETE ON note
WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE old.id > start) BEGIN
    INSERT INTO note_fts(note_fts, rowid, title, body) VALUES ('delete', old.ord, old.title, old.body);
END;
CREATE TRIGGER note_fts_update AFTER UPDATE OF title, body, updated_at ON note
WHEN (old.ord != new.ord OR old.title != new.title OR old.body != new.body)
    AND NOT EXISTS (SELECT 1 FROM fts_pending WHERE old.id > start) BEGIN
    INSERT INTO note_fts(note_fts, rowid, title, body) VALUES ('delete', old.ord, old.title, old.body);
    INSERT INTO note_fts(rowid, title, body) VALUES (new.ord, new.title, new.body);
END;
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_by_second_then_id() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(key_from(day("1969-12-31")) < key_from(day("1970-01-01")));
        assert_eq!(key_from(day("1970-01-02")), 86_400 * ID_SPAN);
        assert_eq!(note_of(key_from(day("2025-01-27")) + 42), 42);
        assert_eq!(note_of(key_from(day("1900-01-01")) + 7), 7, "negative keys keep their id bits");
    }
}
