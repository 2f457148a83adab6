//! Links between notes (`[[Title]]`): the table of links read out of every note's body, the
//! names a link can reach a note by, and backlinks and unlinked mentions.
//!
//! A link is stored as typed (`text`, `heading`, `shown`) with its folded text (`key`) and the
//! note it resolves to (`target_id`, NULL when none). A note is reachable by its names in
//! `note_name`: its title (rank 0), the names in its `aliases` property (rank 1) and, for a note
//! imported from a Markdown file without an id, the file's name without `.md` (rank 2). A link goes to the live
//! note with the best-ranked name equal to its key, the lowest id among equals.
//!
//! Resolution is kept right by triggers, in the same transaction as the change: adding or
//! removing a name re-resolves the links with that key (one index range, not a scan), a note
//! moving in or out of the trash re-resolves the links to its names, and deleting a note removes
//! its names. The Rust side only writes a note's links and names when its text changes
//! ([`relink`]).

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;

use super::lookups::Lookups;
use super::{Store, StoreError, feeds, snapshot, tickers};
use crate::extract::{WikiLink, retarget_links, wiki_links};
use crate::model::{NoteId, PropertyValue, RevisionKind, Timestamp, fold, read_properties, validate_text};

/// Rank of a note's title among its names.
const TITLE: i64 = 0;
/// Rank of a name in the note's `aliases` property.
const ALIAS: i64 = 1;
/// Rank of an imported file's name.
const FILE: i64 = 2;

/// The names in the `aliases` property of the front matter at the head of `body` (a list, or
/// one text), folded; a body without front matter has none (and is not parsed).
fn alias_keys(body: &str) -> Vec<String> {
    if !body.starts_with("---") {
        return Vec::new();
    }
    let mut keys = Vec::new();
    for property in read_properties(body).into_iter().filter(|p| fold(&p.key) == "aliases") {
        let items = match property.value {
            PropertyValue::List(items) => items,
            one => vec![one],
        };
        keys.extend(items.iter().map(|item| key(&item.shown())).filter(|k| !k.is_empty()));
    }
    keys
}

/// At most this many notes are listed as mentioning a note without linking it.
pub const MAX_MENTIONS: usize = 50;

/// A link in a note, as typed, and the note it reaches (if any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteLink {
    pub text: String,
    pub heading: Option<String>,
    pub shown: Option<String>,
    pub target_id: Option<NoteId>,
}

/// A note named in a list of links: its id and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkedNote {
    pub id: NoteId,
    pub title: String,
}

/// The key a link's text and a note's names are compared by: folded (case and accents
/// ignored) and trimmed.
fn key(text: &str) -> String {
    fold(text.trim())
}

/// The file name of a note imported from Markdown without an id: its identity is `md:` and the
/// file's path (see `docs/import-export.md`).
fn file_stem(uid: &str) -> Option<&str> {
    let path = uid.strip_prefix("md:")?;
    let name = path.rsplit('/').next()?;
    let stem = name.strip_suffix(".md").or_else(|| name.strip_suffix(".markdown")).unwrap_or(name);
    (!stem.trim().is_empty()).then_some(stem)
}

/// Re-reads a note's links from its body and brings its names up to its title, inside the
/// caller's transaction (after the note's row holds the new text). Links elsewhere that a
/// changed name reaches or stops reaching are re-resolved by the triggers.
pub(super) fn relink(conn: &Connection, note: NoteId, title: &str, body: &str) -> Result<(), StoreError> {
    let uid: String = conn.prepare_cached("SELECT uid FROM note WHERE id = ?1")?.query_row([note], |r| r.get(0))?;
    let mut wanted: BTreeSet<(String, i64)> = BTreeSet::new();
    let title_key = key(title);
    if !title_key.is_empty() {
        wanted.insert((title_key, TITLE));
    }
    if let Some(stem) = file_stem(&uid) {
        wanted.insert((key(stem), FILE));
    }
    wanted.extend(alias_keys(body).into_iter().map(|alias| (alias, ALIAS)));
    let present: BTreeSet<(String, i64)> = conn
        .prepare_cached("SELECT key, rank FROM note_name WHERE note_id = ?1")?
        .query_map([note], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (gone, rank) in present.difference(&wanted) {
        conn.prepare_cached("DELETE FROM note_name WHERE key = ?1 AND rank = ?2 AND note_id = ?3")?
            .execute(params![gone, rank, note])?;
    }
    for (new, rank) in wanted.difference(&present) {
        conn.prepare_cached("INSERT INTO note_name (key, rank, note_id) VALUES (?1, ?2, ?3)")?
            .execute(params![new, rank, note])?;
    }
    write_links(conn, note, &wiki_links(body))
}

/// Replaces a note's rows of links with `links` (each distinct link once, in order), resolved.
fn write_links(conn: &Connection, note: NoteId, links: &[WikiLink]) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM note_link WHERE note_id = ?1")?.execute([note])?;
    let mut seen = BTreeSet::new();
    let mut insert = conn.prepare_cached(
        "INSERT INTO note_link (note_id, seq, text, key, heading, shown, target_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT nn.note_id FROM note_name nn JOIN note n ON n.id = nn.note_id
             WHERE nn.key = ?4 AND n.deleted_at IS NULL ORDER BY nn.rank, nn.note_id LIMIT 1))",
    )?;
    for link in links {
        if !seen.insert((&link.target, &link.heading, &link.shown)) {
            continue;
        }
        insert.execute(params![note, seen.len(), link.target, key(&link.target), link.heading, link.shown])?;
    }
    Ok(())
}

/// Version 9: the links between notes (`note_link`) and the names they reach notes by
/// (`note_name`), filled for every note. Only notes whose body holds `[[` are read for links
/// (found by `instr`, without parsing the others), and links are resolved once at the end,
/// before the triggers that keep them resolved exist.
pub(super) fn migrate_v9(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V7_TABLES)?;
    {
        // Sorted before they are written: the names' B-tree then grows at its end instead of
        // taking a million inserts at random places.
        let mut found: Vec<(String, i64, NoteId)> = Vec::new();
        let mut notes = tx.prepare("SELECT id, title, uid FROM note")?;
        let mut rows = notes.query([])?;
        while let Some(row) = rows.next()? {
            let (id, title, uid): (NoteId, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let title_key = key(&title);
            if !title_key.is_empty() {
                found.push((title_key, TITLE, id));
            }
            if let Some(stem) = file_stem(&uid) {
                found.push((key(stem), FILE, id));
            }
        }
        // Aliases: only bodies that begin with front matter are read.
        let mut fronted = tx.prepare("SELECT id, body FROM note WHERE substr(body, 1, 3) = '---'")?;
        let mut rows = fronted.query([])?;
        while let Some(row) = rows.next()? {
            let (id, body): (NoteId, String) = (row.get(0)?, row.get(1)?);
            found.extend(alias_keys(&body).into_iter().map(|alias| (alias, ALIAS, id)));
        }
        found.sort_unstable();
        found.dedup();
        let mut names = tx.prepare("INSERT INTO note_name (key, rank, note_id) VALUES (?1, ?2, ?3)")?;
        for (key, rank, id) in found {
            names.execute(params![key, rank, id])?;
        }
        let mut linking = tx.prepare("SELECT id, body FROM note WHERE instr(body, '[[') > 0")?;
        let mut rows = linking.query([])?;
        while let Some(row) = rows.next()? {
            let (id, body): (NoteId, String) = (row.get(0)?, row.get(1)?);
            write_links(tx, id, &wiki_links(&body))?;
        }
    }
    tx.execute_batch(V7_TRIGGERS)?;
    Ok(())
}

const V7_TABLES: &str = r#"
CREATE TABLE note_name (
    key      TEXT NOT NULL,
    rank     INTEGER NOT NULL,
    note_id  INTEGER NOT NULL,
    PRIMARY KEY (key, rank, note_id)
) WITHOUT ROWID;
CREATE INDEX note_name_by_note ON note_name(note_id);
CREATE TABLE note_link (
    note_id    INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    key        TEXT NOT NULL,
    heading    TEXT,
    shown      TEXT,
    target_id  INTEGER REFERENCES note(id) ON DELETE SET NULL,
    PRIMARY KEY (note_id, seq)
) WITHOUT ROWID;
CREATE INDEX note_link_by_key ON note_link(key);
CREATE INDEX note_link_by_target ON note_link(target_id, note_id);
"#;

const V7_TRIGGERS: &str = r#"
CREATE TRIGGER note_name_added AFTER INSERT ON note_name BEGIN
    UPDATE note_link SET target_id = (SELECT nn.note_id FROM note_name nn JOIN note n ON n.id = nn.note_id
        WHERE nn.key = new.key AND n.deleted_at IS NULL ORDER BY nn.rank, nn.note_id LIMIT 1)
    WHERE key = new.key;
END;
CREATE TRIGGER note_name_removed AFTER DELETE ON note_name BEGIN
    UPDATE note_link SET target_id = (SELECT nn.note_id FROM note_name nn JOIN note n ON n.id = nn.note_id
        WHERE nn.key = old.key AND n.deleted_at IS NULL ORDER BY nn.rank, nn.note_id LIMIT 1)
    WHERE key = old.key;
END;
CREATE TRIGGER note_name_trashed AFTER UPDATE OF deleted_at ON note
WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) BEGIN
    UPDATE note_link SET target_id = (SELECT nn.note_id FROM note_name nn JOIN note n ON n.id = nn.note_id
        WHERE nn.key = note_link.key AND n.deleted_at IS NULL ORDER BY nn.rank, nn.note_id LIMIT 1)
    WHERE key IN (SELECT key FROM note_name WHERE note_id = new.id);
END;
CREATE TRIGGER note_name_purged AFTER DELETE ON note BEGIN
    DELETE FROM note_name WHERE note_id = old.id;
END;
"#;

impl Store {
    /// The links in a note's text, in order (each distinct link once), with where they go.
    pub fn note_links(&self, note: NoteId) -> Result<Vec<NoteLink>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT text, heading, shown, target_id FROM note_link WHERE note_id = ?1 ORDER BY seq")?
            .query_map([note], |r| {
                Ok(NoteLink { text: r.get(0)?, heading: r.get(1)?, shown: r.get(2)?, target_id: r.get(3)? })
            })?
            .collect::<Result<_, _>>()?)
    }

    /// The live notes (other than itself) with a link that reaches `note`, newest first.
    pub fn backlinks(&self, note: NoteId) -> Result<Vec<LinkedNote>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT n.id, n.title FROM note n
                 WHERE n.id IN (SELECT note_id FROM note_link WHERE target_id = ?1)
                   AND n.id != ?1 AND n.deleted_at IS NULL
                 ORDER BY n.ord DESC",
            )?
            .query_map([note], |r| Ok(LinkedNote { id: r.get(0)?, title: r.get(1)? }))?
            .collect::<Result<_, _>>()?)
    }

    /// Live notes that hold `note`'s title as a phrase without linking to it, newest first, at
    /// most [`MAX_MENTIONS`] (found through the full-text index).
    pub fn mentions(&self, note: NoteId) -> Result<Vec<LinkedNote>, StoreError> {
        let title: String = self
            .conn
            .prepare_cached("SELECT title FROM note WHERE id = ?1")?
            .query_row([note], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NoteNotFound(note))?;
        if title.trim().is_empty() {
            return Ok(Vec::new());
        }
        let phrase = format!("\"{}\"", title.trim().replace('"', "\"\""));
        Ok(self
            .conn
            .prepare_cached(
                "SELECT n.id, n.title FROM note_fts f JOIN note n ON n.id = (f.rowid & 2147483647)
                 WHERE note_fts MATCH ?1 AND n.id != ?2 AND n.deleted_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM note_link l WHERE l.note_id = n.id AND l.target_id = ?2)
                 ORDER BY f.rowid DESC LIMIT ?3",
            )?
            .query_map(params![phrase, note, MAX_MENTIONS as i64], |r| {
                Ok(LinkedNote { id: r.get(0)?, title: r.get(1)? })
            })?
            .collect::<Result<_, _>>()?)
    }

    /// The note a link with this text goes to, if any.
    pub fn resolve_link(&self, text: &str) -> Result<Option<NoteId>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT nn.note_id FROM note_name nn JOIN note n ON n.id = nn.note_id
                 WHERE nn.key = ?1 AND n.deleted_at IS NULL ORDER BY nn.rank, nn.note_id LIMIT 1",
            )?
            .query_row([key(text)], |r| r.get(0))
            .optional()?)
    }

    /// Live notes whose title starts with `prefix` (case and accents ignored), for completing
    /// `[[`: at most `limit`, in title order.
    pub fn titles_starting_with(&self, prefix: &str, limit: usize) -> Result<Vec<LinkedNote>, StoreError> {
        let from = key(prefix);
        let mut until = from.clone();
        until.push(char::MAX);
        Ok(self
            .conn
            .prepare_cached(
                "SELECT n.id, n.title FROM note_name nn JOIN note n ON n.id = nn.note_id
                 WHERE nn.key >= ?1 AND nn.key < ?2 AND nn.rank = ?4 AND n.deleted_at IS NULL
                 ORDER BY nn.key, n.id LIMIT ?3",
            )?
            .query_map(params![from, until, limit as i64, TITLE], |r| {
                Ok(LinkedNote { id: r.get(0)?, title: r.get(1)? })
            })?
            .collect::<Result<_, _>>()?)
    }

    /// The live notes (other than `note`) whose links say `old_title` and reach `note` or no
    /// note: the links a rename of `note` from `old_title` left behind.
    pub fn links_left_by_rename(&self, note: NoteId, old_title: &str) -> Result<Vec<LinkedNote>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT n.id, n.title FROM note n
                 WHERE n.id IN (SELECT note_id FROM note_link WHERE key = ?2 AND (target_id IS NULL OR target_id = ?1))
                   AND n.id != ?1 AND n.deleted_at IS NULL
                 ORDER BY n.ord DESC",
            )?
            .query_map(params![note, key(old_title)], |r| Ok(LinkedNote { id: r.get(0)?, title: r.get(1)? }))?
            .collect::<Result<_, _>>()?)
    }

    /// Rewrites the links [`Store::links_left_by_rename`] finds to say `new_title`, in one
    /// transaction; each changed note is saved as an edit (its previous version kept as a
    /// revision). Returns the notes changed.
    pub fn retarget_links(
        &mut self,
        note: NoteId,
        old_title: &str,
        new_title: &str,
    ) -> Result<Vec<NoteId>, StoreError> {
        let linking: Vec<NoteId> = self.links_left_by_rename(note, old_title)?.into_iter().map(|n| n.id).collect();
        let tx = self.write()?;
        let lookups = &mut Lookups::single();
        let old_key = key(old_title);
        let mut changed = Vec::new();
        for id in linking {
            let (title, body): (String, String) = tx
                .prepare_cached("SELECT title, body FROM note WHERE id = ?1")?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let new_body = retarget_links(&body, &|target| key(target) == old_key, new_title);
            if new_body == body {
                continue;
            }
            validate_text(&title, &new_body)?;
            let before = snapshot::current(&tx, id)?;
            tx.prepare_cached("UPDATE note SET body = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1")?
                .execute(params![id, new_body, Timestamp::now().to_string()])?;
            tickers::relink_detected(&tx, id, &title, &new_body, lookups)?;
            relink(&tx, id, &title, &new_body)?;
            super::properties::reindex(&tx, id, &new_body)?;
            snapshot::keep_current(&tx, id, &before, RevisionKind::Edit, None)?;
            feeds::refresh(&tx, id)?;
            changed.push(id);
        }
        tx.commit()?;
        Ok(changed)
    }
}
