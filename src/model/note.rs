//! Notes: Markdown text with tags, tickers, claims and sources; what is saved and what is shown.

use serde::{Deserialize, Serialize};

use super::{Claim, Invalid, Source, Symbol, TagName, Timestamp};

pub type NoteId = i64;

/// Why a note is linked to a ticker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The user linked it (CLI `--ticker`, the editor's ticker field).
    Typed,
    /// A `$NVDA` cashtag in the title or body; it goes when the cashtag goes.
    Detected,
    /// A claim recorded in the note names the ticker.
    Claim,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Typed => "typed",
            Origin::Detected => "detected",
            Origin::Claim => "claim",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "typed" => Some(Origin::Typed),
            "detected" => Some(Origin::Detected),
            "claim" => Some(Origin::Claim),
            _ => None,
        }
    }
}

/// A ticker linked to a note, with the strongest reason for the link (typed over detected over claim).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TickerLink {
    pub symbol: Symbol,
    pub origin: Origin,
}

/// A note with everything attached to it, as `jevons note show --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    /// Stable identity across databases (import/export merge by it).
    pub uid: String,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub tickers: Vec<TickerLink>,
    pub claims: Vec<Claim>,
    pub sources: Vec<Source>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    /// Increases with every save; an edit based on an older version is a conflict.
    pub version: i64,
}

/// A new note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteDraft {
    pub title: String,
    pub body: String,
    pub tags: Vec<TagName>,
    pub tickers: Vec<Symbol>,
    /// Set by imports and generators; new notes take the current time.
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    /// Set by imports to keep a note's identity; new notes get a fresh one.
    pub uid: Option<String>,
}

impl NoteDraft {
    pub fn new(title: impl Into<String>, body: impl Into<String>) -> Self {
        Self { title: title.into(), body: body.into(), ..Self::default() }
    }
}

/// A change to an existing note. Fields left `None` or empty are not touched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteEdit {
    pub title: Option<String>,
    pub body: Option<String>,
    pub add_tags: Vec<TagName>,
    pub remove_tags: Vec<TagName>,
    pub add_tickers: Vec<Symbol>,
    pub remove_tickers: Vec<Symbol>,
    /// The version the edit was made from; a save over a newer version is refused as a conflict.
    pub expected_version: Option<i64>,
}

/// The largest title or body Jevons accepts; larger text is refused, not truncated.
pub const MAX_TITLE_CHARS: usize = 1_000;
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// Checks a title and body before they are saved.
pub fn validate_text(title: &str, body: &str) -> Result<(), Invalid> {
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(Invalid::new(format!("a title is at most {MAX_TITLE_CHARS} characters")));
    }
    if body.len() > MAX_BODY_BYTES {
        return Err(Invalid::new(format!(
            "a note body is at most {} MB (this one is {:.1} MB)",
            MAX_BODY_BYTES / (1024 * 1024),
            body.len() as f64 / (1024.0 * 1024.0)
        )));
    }
    if title.contains('\0') || body.contains('\0') {
        return Err(Invalid::new("a note cannot contain NUL characters"));
    }
    Ok(())
}

/// One row of a result list: enough to draw it without loading the note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteSummary {
    pub id: NoteId,
    pub title: String,
    /// A short excerpt, around the matched words when the query had words.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched the query's words.
    #[serde(skip)]
    pub highlights: Vec<std::ops::Range<usize>>,
    pub tickers: Vec<String>,
    pub tags: Vec<String>,
    pub updated_at: Timestamp,
}

/// An earlier version of a note, kept when the note was changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub id: i64,
    pub note_id: NoteId,
    pub title: String,
    pub body: String,
    /// When this version was saved (it was current until `replaced_at`).
    pub saved_at: Timestamp,
    pub replaced_at: Timestamp,
    /// Tags of this version (empty for revisions kept before schema 5, which kept only text).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Typed tickers of this version.
    #[serde(default)]
    pub tickers: Vec<String>,
    /// Why it was kept.
    #[serde(default)]
    pub kind: RevisionKind,
    /// The import that replaced it (or, for a conflict, that brought it).
    #[serde(default)]
    pub import_id: Option<i64>,
}

/// Why a revision was kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RevisionKind {
    /// The note was edited here; this is the version before.
    #[default]
    Edit,
    /// An import changed the note; this is the version before (undone with the import).
    Import,
    /// An import brought this version while the note had changed here too: the note kept its
    /// own version and this one waits here to be looked at (restore it to take it).
    Conflict,
    /// An import was undone; this is the version the import had written.
    Undo,
}

impl RevisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Edit => "edit",
            Self::Import => "import",
            Self::Conflict => "conflict",
            Self::Undo => "undo",
        }
    }

    /// Reads a stored kind; anything unknown is an edit.
    pub fn parse(text: &str) -> Self {
        match text {
            "import" => Self::Import,
            "conflict" => Self::Conflict,
            "undo" => Self::Undo,
            _ => Self::Edit,
        }
    }
}
