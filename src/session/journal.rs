//! A note's journal: writing a dated entry ("what I decided and why") and revising one. Nothing
//! is ever changed in place or deleted: a revision is a new version beside the earlier ones.

use crate::model::{JournalEntry, JournalThread, NoteId};
use crate::store::{Store, StoreError};

/// A change to a note's journal.
#[derive(Debug, Clone, PartialEq)]
pub enum JournalChange {
    Write {
        note: NoteId,
        text: String,
    },
    /// Revise the entry whose newest version is `entry`.
    Revise {
        entry: i64,
        text: String,
    },
}

/// What a change did: a line to show, the version written, and the note's journal now.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalDone {
    pub message: String,
    pub written: JournalEntry,
    pub journal: Vec<JournalThread>,
}

/// Makes `change`.
pub fn apply(store: &mut Store, change: &JournalChange) -> Result<JournalDone, StoreError> {
    let (written, message) = match change {
        JournalChange::Write { note, text } => {
            (store.add_journal_entry(*note, text)?, "Written in the journal.".to_owned())
        }
        JournalChange::Revise { entry, text } => {
            let written = store.revise_journal_entry(*entry, text)?;
            let message = if written.id == *entry {
                "The entry already says that.".to_owned()
            } else {
                "Revised: the earlier version stays beside it.".to_owned()
            };
            (written, message)
        }
    };
    let journal = store.journal(written.note_id)?;
    Ok(JournalDone { message, written, journal })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteDraft;
    use crate::session::fixture;

    #[test]
    fn writing_then_revising_keeps_both_versions_in_order() {
        let (_dir, mut store) = fixture::store();
        let note = store.create_note(&NoteDraft::new("NVDA thesis", "Jevons paradox.")).unwrap();
        let done = apply(&mut store, &JournalChange::Write { note, text: "Bought.".into() }).unwrap();
        assert_eq!(done.message, "Written in the journal.");
        let revise = JournalChange::Revise { entry: done.written.id, text: "Bought half.".into() };
        let revised = apply(&mut store, &revise).unwrap();
        assert_eq!(revised.message, "Revised: the earlier version stays beside it.");
        let texts: Vec<&str> = revised.journal[0].versions.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(texts, ["Bought.", "Bought half."]);
        let again = JournalChange::Revise { entry: revised.written.id, text: "Bought half.".into() };
        assert_eq!(apply(&mut store, &again).unwrap().message, "The entry already says that.");
    }
}
