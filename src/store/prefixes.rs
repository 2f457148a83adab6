//! Completions of search prefixes (`infer*` → `inference`, `inferred`, …), remembered until the
//! full-text index's words may have changed: when notes were written to it, not when its segments
//! were merged (the app merges them in steps in the background, and every step used to empty
//! the cache). Listing them reads the words' posting lists through FTS5's vocabulary table
//! (about 20 ms for a common prefix at a million notes), so a prefix searched again (every
//! keystroke of a search that is being refined, every page) costs nothing.

use std::cell::RefCell;
use std::collections::HashMap;

use rusqlite::Connection;

use super::StoreError;

/// A prefix with more completions than this is left to FTS5's own prefix query.
pub(super) const PREFIX_TERMS: usize = 64;

#[derive(Default)]
pub(super) struct Prefixes {
    /// [`IndexStamp`] when `known` was filled.
    stamp: RefCell<Option<IndexStamp>>,
    known: RefCell<HashMap<String, Option<Vec<String>>>>,
}

impl Prefixes {
    /// The indexed words that start with `prefix`, when it is one plain ASCII word with at most
    /// [`PREFIX_TERMS`] completions; `None` otherwise.
    pub(super) fn terms(&self, conn: &Connection, prefix: &str) -> Result<Option<Vec<String>>, StoreError> {
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Ok(None);
        }
        let low = prefix.to_ascii_lowercase();
        let stamp = IndexStamp::read(conn)?;
        if self.stamp.borrow().as_ref() != Some(&stamp) {
            self.known.borrow_mut().clear();
            *self.stamp.borrow_mut() = Some(stamp);
        }
        if let Some(terms) = self.known.borrow().get(&low) {
            return Ok(terms.clone());
        }
        let high = format!("{low}\u{10FFFF}");
        let mut stmt =
            conn.prepare_cached("SELECT term FROM temp.note_vocab WHERE term >= ?1 AND term < ?2 LIMIT ?3")?;
        let terms: Vec<String> = stmt
            .query_map(rusqlite::params![low, high, PREFIX_TERMS as i64 + 1], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let terms = (terms.len() <= PREFIX_TERMS).then_some(terms);
        self.known.borrow_mut().insert(low, terms.clone());
        Ok(terms)
    }
}

/// What changes when notes are written to the full-text index (by any connection) but not when
/// its segments are merged: FTS5's averages record (rows and words in the index) and the write
/// counter in its structure record (leaves of new notes written; a merge keeps it).
#[derive(Debug, PartialEq, Eq)]
struct IndexStamp {
    averages: Vec<u8>,
    /// The structure record up to its write counter: configuration cookie, levels, segments.
    written: Vec<u8>,
}

impl IndexStamp {
    fn read(conn: &Connection) -> Result<Self, StoreError> {
        let mut block = conn.prepare_cached("SELECT id, block FROM note_fts_data WHERE id IN (1, 10)")?;
        let mut stamp = Self { averages: Vec::new(), written: Vec::new() };
        for row in block.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))? {
            match row? {
                (1, averages) => stamp.averages = averages,
                (_, structure) => stamp.written = structure_header(structure),
            }
        }
        Ok(stamp)
    }
}

/// The structure record's header: a 4-byte cookie, FTS5's 4-byte version 2 marker when present,
/// then three varints (levels, segments, write counter).
fn structure_header(mut structure: Vec<u8>) -> Vec<u8> {
    const V2: [u8; 4] = [0xFF, 0x00, 0x00, 0x01];
    let mut at = if structure.get(4..8) == Some(&V2[..]) { 8 } else { 4 };
    for _ in 0..3 {
        // A varint's last byte has its high bit clear (or is its ninth byte).
        let mut len = 0;
        while let Some(byte) = structure.get(at + len) {
            len += 1;
            if byte & 0x80 == 0 || len == 9 {
                break;
            }
        }
        at += len;
    }
    structure.truncate(at);
    structure
}
