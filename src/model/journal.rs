//! A note's journal: dated "what I decided and why" entries, append-only. An entry is never
//! changed in place: revising it adds a new version to its thread, and the earlier versions stay
//! visible beside it.

use serde::Serialize;

use super::{Invalid, NoteId, Timestamp};

/// The longest entry accepted, in characters (a journal entry is a paragraph or a page).
const MAX_ENTRY: usize = 100_000;

/// One version of a journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalEntry {
    pub id: i64,
    pub note_id: NoteId,
    /// The id of the entry's first version (the same for all its versions).
    pub thread: i64,
    pub written_at: Timestamp,
    pub text: String,
}

/// An entry and its versions, oldest first: the last is what the entry says now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalThread {
    pub versions: Vec<JournalEntry>,
}

impl JournalThread {
    /// The entry as it reads now.
    pub fn current(&self) -> Option<&JournalEntry> {
        self.versions.last()
    }

    /// When the entry was first written.
    pub fn first_written(&self) -> Option<Timestamp> {
        self.versions.first().map(|v| v.written_at)
    }

    /// Whether the entry was revised after it was first written.
    pub fn revised(&self) -> bool {
        self.versions.len() > 1
    }
}

/// An entry's text to keep: trimmed at the ends, not empty, at most [`MAX_ENTRY`] characters.
pub fn journal_text(text: &str) -> Result<String, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Invalid::new("a journal entry needs some text"));
    }
    if text.chars().count() > MAX_ENTRY {
        return Err(Invalid::new(format!("a journal entry is at most {MAX_ENTRY} characters")));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_trimmed_not_empty_and_bounded() {
        assert_eq!(journal_text("  Bought more on the dip.\n").unwrap(), "Bought more on the dip.");
        assert!(journal_text(" \n\t").is_err());
        assert!(journal_text(&"é".repeat(MAX_ENTRY + 1)).is_err());
        assert!(journal_text(&"é".repeat(MAX_ENTRY)).is_ok());
    }
}
