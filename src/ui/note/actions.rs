//! What the note pane asks for: editing the open note (save, tags, tickers, how the body shows,
//! its history, a conflict's choices, its journal), the trash, and claims. The shell carries them out.

use crate::extract::ClaimSuggestion;
use crate::model::{ClaimId, NoteId, Symbol, TagName};

/// How the body is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum BodyMode {
    #[default]
    Edit,
    Split,
    Preview,
}

/// What the panel under the body shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClaimsTab {
    /// The note's claims.
    #[default]
    Claims,
    /// Figures, tickers, dates and claimants read out of the text, offered as claims.
    Suggestions,
    /// The note's journal: dated entries of what was decided and why.
    Journal,
}

/// The open note: writing it, its links, its history and its conflicts.
#[derive(Debug, Clone, PartialEq)]
pub enum NoteAction {
    New,
    /// A new note from the thesis template (on the ticker of the open dossier, if any).
    NewThesis,
    /// Save now (Ctrl+S), saying so.
    Save,
    /// A tag as typed (checked when applied).
    AddTag(String),
    RemoveTag(TagName),
    /// A ticker as typed or completed ("NVDA  NVIDIA CORP"; checked when applied).
    AddTicker(String),
    RemoveTicker(Symbol),
    SetBodyMode(BodyMode),
    /// The split between the body and the claims area was dragged: remember its height.
    SetClaimsHeight(f32),
    ToggleRevisions,
    SelectRevision(i64),
    RestoreRevision(i64),
    /// Set a property of the note's front matter to a value typed by its look (see
    /// `PropertyValue::by_look`); an empty value keeps the key with no value.
    SetProperty {
        key: String,
        value: String,
    },
    RemoveProperty(String),
    /// The note was reviewed today: its next review this many days on.
    MarkReviewed {
        every: u64,
    },
    /// A conflict: save the typed text over the other version.
    KeepMine,
    /// A conflict: drop the typed text, take the other version.
    TakeTheirs,
    /// A conflict: take the other version and keep the typed text as a new note.
    KeepBoth,
    /// Write the journal entry typed.
    WriteJournal,
    /// Keep the revision typed for the journal entry being revised.
    ReviseJournal,
    /// A link to a note that does not exist was clicked: ask whether to create it.
    AskCreateLinked(String),
    /// Open the note with this title, creating it when there is none.
    CreateLinked(String),
    /// After a rename: rewrite the links that still say the old title.
    UpdateLinks,
    /// After a rename: leave those links as they are.
    KeepLinks,
    /// Titles starting with this text are wanted (typed after `[[`).
    CompleteTitle(String),
}

/// The trash.
#[derive(Debug, Clone, PartialEq)]
pub enum TrashAction {
    Move(NoteId),
    Restore(NoteId),
    /// Ask before deleting a trashed note for good.
    AskPurge(NoteId),
    Purge(NoteId),
    AskEmpty,
    Empty,
}

/// The open note's claims.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimAction {
    New,
    /// Open the claim form filled in from a suggestion read out of the note's text.
    FromSuggestion(Box<ClaimSuggestion>),
    ShowTab(ClaimsTab),
    Edit(ClaimId),
    Cancel,
    Submit,
    Delete(ClaimId),
    /// Undo the deletion offered by this toast.
    UndoDelete(u64),
}
