//! What an import carries into the store: notes with their tags, tickers, sources, claims and
//! revisions, and the sources, tickers and claims outside notes, each with its stable identity
//! (note uid, claim uid, source canonical URL, ticker symbol). [`super::Batch`] merges them.

use chrono::NaiveDate;

use crate::model::{ClaimDraft, NoteDraft, NoteId, SourceDraft, Symbol, Timestamp};

/// A source as an import carries it: its details plus the dates a lossless copy keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRecord {
    pub draft: SourceDraft,
    pub accessed_at: Option<NaiveDate>,
    pub created_at: Option<Timestamp>,
}

impl SourceRecord {
    pub fn new(draft: SourceDraft) -> Self {
        Self { draft, accessed_at: None, created_at: None }
    }
}

/// A claim as an import carries it. `draft.note_id` and `draft.sources` are ignored: the note is
/// the one the record comes with, and sources are given by URL with their quotes.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    /// Stable identity (importers derive one for a claim a file lists without it); two claims
    /// with the same text are two claims.
    pub uid: Option<String>,
    pub draft: ClaimDraft,
    pub sources: Vec<(SourceRecord, Option<String>)>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

/// An earlier version of a note, carried by a lossless (JSON) import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionRecord {
    pub title: String,
    pub body: String,
    pub saved_at: Timestamp,
    pub replaced_at: Timestamp,
}

/// A note as an import carries it. `draft.uid` is its identity (a fresh one when `None`);
/// `draft.tickers` are the typed tickers (cashtags in the text are found by the store).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteRecord {
    pub draft: NoteDraft,
    /// In the trash since then; `None` leaves an existing note's trash state alone.
    pub deleted_at: Option<Timestamp>,
    /// Sources linked to the note directly.
    pub sources: Vec<SourceRecord>,
    pub claims: Vec<ClaimRecord>,
    pub revisions: Vec<RevisionRecord>,
    /// The content fingerprint the file was exported with (`content_hash`), if it carries one:
    /// the version the file shares with the database it came from.
    pub base_hash: Option<String>,
}

/// A ticker's details as an import carries them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TickerRecord {
    pub symbol: Symbol,
    pub name: Option<String>,
    pub exchange: Option<String>,
    /// Other names users gave the ticker.
    pub aliases: Vec<String>,
}

/// What happened to one imported note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteOutcome {
    Created(NoteId),
    Updated(NoteId),
    /// Already stored exactly so.
    Unchanged(NoteId),
    /// The stored note is newer (the file holds a version it had, or an older one); it was kept.
    KeptNewer(NoteId),
    /// Both changed since the version they share: the stored note kept its version and the
    /// file's is kept beside it as a conflict revision.
    Conflict(NoteId),
}

/// What merging one imported note did, with remarks for the report (suspect times ignored,
/// conflicts, claims left in their own note).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteMerge {
    pub outcome: NoteOutcome,
    pub remarks: Vec<String>,
}
