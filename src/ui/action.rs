//! What a user asked for, grouped per feature (the note, the trash, claims, the File menu, the
//! names of tickers, saved searches) beside the moves between panes. Views return these;
//! [`crate::ui::shell::JevonsApp::apply`] carries them out (the only place that changes the
//! research) and refreshes the cached view data.

use std::path::PathBuf;

use crate::model::{NoteId, SourceId, Symbol};
use crate::session::names::NameChange;
use crate::session::saved::SavedChange;
use crate::ui::claimants::state::ClaimantsAction;
use crate::ui::files::state::TransferAction;
use crate::ui::note::actions::{ClaimAction, NoteAction, TrashAction};

/// "Quote as claim…" in the source view: the words, where they are, and the note to add to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRequest {
    pub source: SourceId,
    /// The page the words are on (1 is the first).
    pub page: u32,
    pub quote: String,
    pub note: Option<NoteId>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The search box text changed: run it (off the frame).
    Search(String),
    /// Put this text in the search box and run it (a tag or ticker clicked).
    SearchFor(String),
    /// Highlight a result row (keyboard or click); `open` also opens it.
    SelectResult {
        row: usize,
        open: bool,
    },
    /// Move the highlighted result up (-1) or down (+1).
    MoveSelection(i64),
    OpenSelected,
    /// Enter in the search box: open the dossier of a one-ticker query, else the highlighted result.
    SearchEntered(String),
    OpenNote(NoteId),
    OpenDossier(Symbol),
    /// List more of the open dossier's claims.
    MoreDossierClaims,
    OpenSource(SourceId),
    /// Words selected on a page of a source's document, to become a claim's quote in a note
    /// (a new one when `note` is `None`).
    QuoteAsClaim(QuoteRequest),
    /// Save a source's title, publisher, author, date and kind.
    EditSource {
        source: SourceId,
        details: crate::model::SourceDetails,
    },
    /// Files dropped on the window: stored as documents, for the note or source open.
    DropFiles(Vec<PathBuf>),
    /// Open a source's file in the system's viewer, at a page when the viewer takes one.
    OpenDocument {
        source: SourceId,
        page: u32,
    },
    /// Open a source's view at a page of its document (a row of "Find in sources").
    OpenSourceAt {
        id: SourceId,
        page: u32,
    },
    /// Search the notes or the sources' documents (the switch by the search box).
    SearchScope(crate::ui::search::scope::Scope),
    /// Highlight a row of "Find in sources"; `open` also opens its source at the page.
    SelectSourceHit {
        row: usize,
        open: bool,
    },
    ShowTrash,
    /// Esc: close what is open on top (form, overlay), else go back to the previous pane.
    Back,
    FocusSearch,
    CloseDialog,
    OpenLink(String),
    CycleTheme,
    ToggleHelp,
    DismissToast(u64),
    DismissError,
    OpenDatabase(PathBuf),
    /// A ticker field holds this text: look up completions (symbol or company name).
    CompleteTicker(String),
    /// The open note: saving, links, history, conflicts.
    Note(NoteAction),
    Trash(TrashAction),
    Claim(ClaimAction),
    /// From the File menu and its window: import, export, back up.
    Transfer(TransferAction),
    /// The passphrase of an encrypted database; File → Encrypt this database….
    Encryption(crate::ui::files::passphrase::EncryptionAction),
    /// Teach or unteach how the text names a ticker.
    Names(NameChange),
    /// Name the query in the search box to save it in the sidebar.
    AskSaveSearch,
    /// Save, rename, move or forget a saved search.
    Saved(SavedChange),
    /// Add a dated event to the charts (from the dossier).
    AddEvent(crate::model::EventDraft),
    /// The Claimants pane: open it, pick a claimant, merge names and undo.
    Claimants(ClaimantsAction),
    /// The window is closing and a save failed: close anyway (the user chose to).
    CloseAnyway,
}
