//! Newest first, as every search lists it: by last update to the second, then by note id (the
//! order key). Checked on a database file for each way a list is read: a common word (the
//! full-text index's own order), a ticker's and a tag's feed, every note, the trash, and pages
//! continued by cursor; with notes updated within one second, across seconds, before 1970,
//! imported with old dates, edited to the top, trashed and restored; and the order key itself
//! (the index's rowid and the feeds' column) and the limit it puts on note ids.

use crate::common;

use common::draft;
use jevons::model::{NoteDraft, NoteEdit, Timestamp};
use jevons::query::parse;
use jevons::store::{Cursor, SearchOrder, Store};
use rusqlite::Connection;

/// More notes than are ranked by relevance, so that `common` is listed newest first.
const FILLER: i64 = 2_100;

/// The notes the tests look at, by the title they were given.
struct Notes {
    dir: tempfile::TempDir,
    store: Store,
}

impl Notes {
    fn id(&self, title: &str) -> i64 {
        let page = self.store.search(&parse(&format!("\"{title}\"")).unwrap(), 5, 0).unwrap();
        page.results.iter().find(|r| r.title == title).unwrap_or_else(|| panic!("no note {title:?}")).id
    }

    /// The titles of the first `n` results, read a page of `size` at a time by cursor.
    fn newest(&self, query: &str, n: usize, size: usize) -> Vec<String> {
        let query = parse(query).unwrap();
        let mut titles = Vec::new();
        let mut cursor: Option<Cursor> = None;
        while titles.len() < n {
            let page = self.store.page(&query, cursor.as_ref(), size).unwrap();
            assert_eq!(page.order, SearchOrder::Newest);
            titles.extend(page.results.into_iter().map(|r| r.title));
            match page.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        titles.truncate(n);
        titles
    }
}

/// Filler notes from 2020 on, a minute apart; then the notes under test, each with `common`,
/// `$NVDA` and `#ai` so that every kind of list holds them.
fn notes() -> Notes {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("order.db")).unwrap();
    let mut batch = store.batch().unwrap();
    for i in 0..FILLER {
        let at = Timestamp::from_millis(1_577_836_800_000 + i * 60_000);
        let draft = NoteDraft {
            created_at: Some(at),
            updated_at: Some(at),
            ..draft(&format!("filler {i}"), "common words $NVDA #ai", &["ai"], &[], "2020-01-01")
        };
        batch.create_note(&draft).unwrap();
    }
    // Created in this order (ids ascending): the later id wins a tie within one second, whatever
    // the milliseconds say.
    for (title, updated) in [
        ("same second, late millis", "2026-01-01T00:00:00.900Z"),
        ("same second, early millis", "2026-01-01T00:00:00.100Z"),
        ("next second", "2026-01-01T00:00:01.000Z"),
        ("moon landing", "1969-07-20T20:17:40.000Z"),
        ("before the epoch by a blink", "1969-12-31T23:59:59.500Z"),
        ("imported from 1950", "1950-03-01T12:00:00.000Z"),
    ] {
        batch.create_note(&draft(title, "common words $NVDA #ai", &["ai"], &["NVDA"], updated)).unwrap();
    }
    batch.commit().unwrap();
    Notes { dir, store }
}

const TOP: [&str; 3] = ["next second", "same second, early millis", "same second, late millis"];
const OLDEST: [&str; 3] = ["before the epoch by a blink", "moon landing", "imported from 1950"];

#[test]
fn every_list_is_newest_by_the_second_then_by_id() {
    let n = notes();
    for query in ["common", "$NVDA", "#ai", "$NVDA common", "#ai common words", ""] {
        assert_eq!(n.newest(query, 3, 50), TOP, "{query:?}");
        assert_eq!(n.newest(query, 3, 1), TOP, "{query:?}, a page of one at a time");
    }
}

#[test]
fn notes_before_1970_come_last_in_their_order() {
    let n = notes();
    let total = FILLER as usize + 6;
    for query in ["common", "$NVDA common", ""] {
        let all = n.newest(query, total, 1_000);
        assert_eq!(all.len(), total, "{query:?}");
        // Before 1970: 1969-12-31T23:59:59.5 is second -1, later than the moon landing.
        assert_eq!(all[total - 3..], OLDEST, "{query:?}");
    }
    let before_1970: Vec<String> = OLDEST.iter().map(|t| t.to_string()).collect();
    assert_eq!(n.newest("before:1970-01-01", 3, 2), before_1970, "a range before 1970");
    assert_eq!(n.newest("$NVDA before:1970-01-01", 3, 2), before_1970, "a feed's range before 1970");
}

#[test]
fn an_edit_moves_a_note_to_the_top_of_every_list() {
    let mut n = notes();
    let id = n.id("imported from 1950");
    let edit = NoteEdit { body: Some("common words $NVDA #ai, edited".into()), ..NoteEdit::default() };
    n.store.edit_note(id, &edit).unwrap();
    for query in ["common", "$NVDA", "#ai", "$NVDA common", ""] {
        assert_eq!(n.newest(query, 1, 50), ["imported from 1950"], "{query:?}");
    }
    assert_eq!(n.newest("before:1970-01-01", 3, 50), ["before the epoch by a blink", "moon landing"]);
}

#[test]
fn the_trash_is_listed_in_the_same_order_and_restored_notes_return() {
    let mut n = notes();
    let late = n.id("same second, late millis");
    let early = n.id("same second, early millis");
    for id in [late, early] {
        n.store.trash_note(id).unwrap();
    }
    for query in ["common", "$NVDA", "#ai", "$NVDA common", ""] {
        assert_eq!(n.newest(query, 2, 50), ["next second", "filler 2099"], "{query:?} leaves the trash out");
    }
    for query in ["is:trash", "is:trash common"] {
        assert_eq!(n.newest(query, 3, 1), ["same second, early millis", "same second, late millis"], "{query:?}");
    }
    n.store.restore_note(late).unwrap();
    for query in ["common", "$NVDA", "#ai", ""] {
        assert_eq!(n.newest(query, 2, 1), ["next second", "same second, late millis"], "{query:?}: back in its place");
    }
    assert_eq!(n.store.count(&parse("$NVDA").unwrap()).unwrap(), FILLER as u64 + 5);
}

#[test]
fn the_index_and_the_feeds_hold_each_note_under_its_order_key() {
    let n = notes();
    let conn = Connection::open(n.dir.path().join("order.db")).unwrap();
    conn.execute("INSERT INTO note_fts(note_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
    let wrong: i64 = conn
        .query_row(
            "SELECT count(*) FROM note WHERE ord != (CAST(strftime('%s', updated_at) AS INTEGER) << 31) + id
             OR NOT EXISTS (SELECT 1 FROM note_fts WHERE note_fts MATCH 'common' AND rowid = note.ord)
             OR NOT EXISTS (SELECT 1 FROM ticker_feed f WHERE f.note_id = note.id AND f.ord = note.ord)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(wrong, 0, "notes whose key, index entry or feed row is wrong");
}

#[test]
fn a_note_id_beyond_the_order_key_is_refused_with_a_clear_message() {
    let mut n = notes();
    let conn = Connection::open(n.dir.path().join("order.db")).unwrap();
    conn.execute(
        "INSERT INTO note (id, uid, created_at, updated_at, title, body)
         VALUES (2147483647, 'last', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'the last id', 'x')",
        [],
    )
    .unwrap();
    drop(conn);
    let err = n.store.create_note(&draft("one too many", "x", &[], &[], "2025-01-01")).unwrap_err();
    assert!(err.to_string().contains("note ids must stay below 2147483648"), "{err}");
    assert!(n.store.search_ids(&parse("\"one too many\"").unwrap()).unwrap().is_empty());
}
