//! Notes' journals (`journal_entry`): append-only entries; a revision is a new row in the
//! entry's thread, never an update.

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Store, StoreError, rows};
use crate::model::{Invalid, JournalEntry, JournalThread, NoteId, Timestamp, journal_text};

/// Version 8: journal entries.
pub(super) fn migrate_v8(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "CREATE TABLE journal_entry (
            id          INTEGER PRIMARY KEY,
            note_id     INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
            thread      INTEGER NOT NULL,
            written_at  TEXT NOT NULL,
            text        TEXT NOT NULL
        );
        CREATE INDEX journal_entry_by_note ON journal_entry(note_id, thread, id);",
    )?;
    Ok(())
}

/// One version by id.
const BY_ID: &str = "SELECT id, note_id, thread, written_at, text FROM journal_entry WHERE id = ?1";

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<JournalEntry> {
    Ok(JournalEntry {
        id: r.get(0)?,
        note_id: r.get(1)?,
        thread: r.get(2)?,
        written_at: rows::parsed(r, 3, Timestamp::parse)?,
        text: r.get(4)?,
    })
}

/// The note must exist and be out of the trash to be written in.
fn require_live(tx: &Transaction, note: NoteId) -> Result<(), StoreError> {
    let deleted: Option<Option<String>> =
        tx.prepare_cached("SELECT deleted_at FROM note WHERE id = ?1")?.query_row([note], |r| r.get(0)).optional()?;
    match deleted {
        None => Err(StoreError::NoteNotFound(note)),
        Some(Some(_)) => {
            Err(Invalid::new(format!("note {note} is in the trash: restore it to write in its journal")).into())
        }
        Some(None) => Ok(()),
    }
}

impl Store {
    /// The newest `limit` journal entries (every version) in the live notes on `symbol`, newest
    /// first: the dossier chart's journal markers.
    pub fn journal_on_ticker(
        &self,
        symbol: &crate::model::Symbol,
        limit: usize,
    ) -> Result<Vec<JournalEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            // Newest entries first, each checked against the ticker's feed (by note): journals are
            // few beside a popular ticker's hundreds of thousands of notes.
            "SELECT j.id, j.note_id, j.thread, j.written_at, j.text FROM journal_entry j
             WHERE EXISTS (SELECT 1 FROM ticker_feed f WHERE f.note_id = j.note_id
                 AND f.ticker_id = (SELECT id FROM ticker WHERE symbol = ?1))
             ORDER BY j.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![symbol.as_str(), limit as i64], entry)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A note's journal: each entry with its versions, in the order the entries were first written.
    pub fn journal(&self, note: NoteId) -> Result<Vec<JournalThread>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, note_id, thread, written_at, text FROM journal_entry INDEXED BY journal_entry_by_note
             WHERE note_id = ?1 ORDER BY thread, id",
        )?;
        let mut threads: Vec<JournalThread> = Vec::new();
        for version in stmt.query_map([note], entry)? {
            let version = version?;
            match threads.last_mut() {
                Some(thread) if thread.versions[0].thread == version.thread => thread.versions.push(version),
                _ => threads.push(JournalThread { versions: vec![version] }),
            }
        }
        Ok(threads)
    }

    /// Writes a new entry in `note`'s journal, dated now.
    pub fn add_journal_entry(&mut self, note: NoteId, text: &str) -> Result<JournalEntry, StoreError> {
        let text = journal_text(text)?;
        let tx = self.write()?;
        require_live(&tx, note)?;
        tx.prepare_cached("INSERT INTO journal_entry (note_id, thread, written_at, text) VALUES (?1, 0, ?2, ?3)")?
            .execute(params![note, Timestamp::now().to_string(), text])?;
        let id = tx.last_insert_rowid();
        tx.prepare_cached("UPDATE journal_entry SET thread = id WHERE id = ?1")?.execute([id])?;
        let written = tx.prepare_cached(BY_ID)?.query_row([id], entry)?;
        tx.commit()?;
        Ok(written)
    }

    /// Revises an entry: `current` must be the newest version of its thread (else someone revised
    /// it meanwhile and nothing is written); the new text becomes the thread's newest version.
    pub fn revise_journal_entry(&mut self, current: i64, text: &str) -> Result<JournalEntry, StoreError> {
        let text = journal_text(text)?;
        let tx = self.write()?;
        let found = tx.prepare_cached(BY_ID)?.query_row([current], entry).optional()?;
        let Some(old) = found else {
            return Err(Invalid::new(format!("there is no journal entry {current}")).into());
        };
        require_live(&tx, old.note_id)?;
        let newest: i64 = tx
            .prepare_cached("SELECT MAX(id) FROM journal_entry WHERE note_id = ?1 AND thread = ?2")?
            .query_row(params![old.note_id, old.thread], |r| r.get(0))?;
        if newest != current {
            return Err(Invalid::new("this journal entry was revised meanwhile: read it again first").into());
        }
        if old.text == text {
            return Ok(old);
        }
        tx.prepare_cached("INSERT INTO journal_entry (note_id, thread, written_at, text) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![old.note_id, old.thread, Timestamp::now().to_string(), text])?;
        let id = tx.last_insert_rowid();
        let written = tx.prepare_cached(BY_ID)?.query_row([id], entry)?;
        tx.commit()?;
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::NoteDraft;
    use crate::store::{Store, StoreError};

    #[test]
    fn entries_are_appended_and_revisions_keep_every_version() {
        let mut store = Store::open_in_memory().unwrap();
        let note = store.create_note(&NoteDraft::new("NVDA thesis", "Jevons paradox.")).unwrap();
        let other = store.create_note(&NoteDraft::new("AMD", "x")).unwrap();
        let first = store.add_journal_entry(note, "Bought on the DeepSeek dip.").unwrap();
        let second = store.add_journal_entry(note, " Trimmed after earnings. ").unwrap();
        store.add_journal_entry(other, "Elsewhere.").unwrap();
        let revised = store.revise_journal_entry(first.id, "Bought a half position on the dip.").unwrap();
        assert!(
            matches!(store.revise_journal_entry(first.id, "again"), Err(StoreError::Invalid(_))),
            "an older version is never revised"
        );
        let unchanged = store.revise_journal_entry(revised.id, "Bought a half position on the dip.").unwrap();
        assert_eq!(unchanged, revised, "the same text adds no version");

        let journal = store.journal(note).unwrap();
        let shown: Vec<Vec<&str>> =
            journal.iter().map(|t| t.versions.iter().map(|v| v.text.as_str()).collect()).collect();
        assert_eq!(
            shown,
            [
                vec!["Bought on the DeepSeek dip.", "Bought a half position on the dip."],
                vec!["Trimmed after earnings."]
            ]
        );
        assert_eq!(journal[0].current().unwrap().thread, first.id);
        assert!(journal[0].revised() && !journal[1].revised());
        assert_eq!(journal[1].current().unwrap().id, second.id);
    }

    #[test]
    fn a_trashed_or_missing_note_is_not_written_in_and_purging_takes_its_journal() {
        let mut store = Store::open_in_memory().unwrap();
        let note = store.create_note(&NoteDraft::new("Thesis", "text")).unwrap();
        store.add_journal_entry(note, "Entry.").unwrap();
        assert!(matches!(store.add_journal_entry(9_999, "x"), Err(StoreError::NoteNotFound(9_999))));
        assert!(store.add_journal_entry(note, "  ").is_err());
        store.trash_note(note).unwrap();
        let refused = store.add_journal_entry(note, "While trashed.").unwrap_err().to_string();
        assert!(refused.contains("in the trash"), "{refused}");
        assert_eq!(store.journal(note).unwrap().len(), 1, "the journal stays with the trashed note");
        store.purge_note(note).unwrap();
        assert!(store.journal(note).unwrap().is_empty());
    }
}
