//! The open note's editing state: the text being typed, the stored version it was based on, and
//! what is pending (autosave, a conflict with a change made elsewhere, a failed save). The app
//! decides when to save; this module only holds and compares.

use egui_commonmark::CommonMarkCache;

use crate::extract::cashtags;
use crate::model::{Note, NoteId, Origin, PropertyInUse, TagCount, TickerLink};
use crate::store::SourceCount;
use crate::ui::note::actions::{BodyMode, ClaimsTab};
use crate::ui::note::analysis::AnalysisState;
use crate::ui::note::body::Body;
use crate::ui::note::claim_form::ClaimForm;
use crate::ui::note::links::NoteLinks;
use crate::ui::note::preview::PreviewText;
use crate::ui::note::properties::PropertiesPanel;
use crate::ui::note::revisions::RevisionsView;
use crate::ui::search::completions::Completions;

/// What the editor needs besides its own state.
pub struct NoteContext<'a> {
    pub tags: &'a [TagCount],
    pub sources: &'a [SourceCount],
    pub completions: &'a Completions,
    /// Property keys and values in use, for completion.
    pub properties: &'a [PropertyInUse],
    pub body_mode: BodyMode,
    /// Where the user left the split between the body and the claims area (its height).
    pub claims_height: Option<f32>,
    pub now: f64,
    /// The local day the sidebar was last read on (review dates are due against it).
    pub today: Option<chrono::NaiveDate>,
}

/// Seconds after the last keystroke before the note is saved.
pub const AUTOSAVE_AFTER: f64 = 1.0;

/// The note on the other side of a conflict.
#[derive(Debug, Clone)]
pub enum Conflict {
    /// Someone else saved different text since this editor loaded the note.
    Changed(Box<Note>),
    /// The note was deleted for good elsewhere.
    Deleted,
}

pub struct NoteEditor {
    /// `None` for a new note not saved yet (it is created on the first save with some text).
    pub id: Option<NoteId>,
    /// The note as last read from or written to the store; edits are made against its version.
    pub base: Option<Note>,
    pub title: String,
    pub body: Body,
    /// Typed text not saved yet.
    pub dirty: bool,
    /// When the last keystroke happened (egui input time, seconds).
    pub edited_at: f64,
    /// Cashtags in the text as typed (refreshed while typing in small notes, on save in large ones).
    pub detected: Vec<String>,
    pub preview: CommonMarkCache,
    /// The Markdown the preview shows (images replaced by links); refreshed when the text changes.
    pub preview_text: PreviewText,
    pub preview_stale: bool,
    /// The note's attached images the preview shows: link target → the `bytes://` URI the
    /// worker handed to egui.
    pub images: std::collections::HashMap<String, String>,
    /// Increases with every change of the body (the analysis and the preview say which they show).
    pub body_version: u64,
    /// The body version the preview text was made from.
    pub preview_version: u64,
    /// The preview version whose findings are highlighted in the preview (none: no highlights).
    pub highlighted: Option<u64>,
    /// What extraction found in the body, and what was asked of the worker.
    pub analysis: AnalysisState,
    pub claims_tab: ClaimsTab,
    pub tag_input: String,
    pub ticker_input: String,
    pub claim_form: Option<ClaimForm>,
    pub revisions: Option<RevisionsView>,
    pub conflict: Option<Conflict>,
    pub save_error: Option<String>,
    /// When a save failed, and the keystroke time it tried to save: autosave tries again after
    /// new typing, or after [`RETRY_SAVE_AFTER`] (not every frame, which a full disk would make
    /// a busy loop).
    pub failed_save: Option<FailedSave>,
    /// Focus the title on the next frame (a new note).
    pub focus_title: bool,
    /// The properties panel: the front matter's rows and what is typed in it.
    pub properties: PropertiesPanel,
    pub journal: JournalState,
    /// Its links to and from other notes, as the worker last read them.
    pub links: NoteLinks,
}

/// The open note's journal as last read, and the texts being typed for it.
#[derive(Debug, Default)]
pub struct JournalState {
    pub threads: Vec<crate::model::JournalThread>,
    /// A new entry being typed.
    pub draft: String,
    /// An entry being revised: the id of its newest version and the text being typed.
    pub revising: Option<(i64, String)>,
}

/// How long autosave waits before trying again after a failed save, with nothing new typed.
pub const RETRY_SAVE_AFTER: f64 = 30.0;

/// A failed save: when (input time), and the keystroke time of the text it tried to save.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FailedSave {
    pub at: f64,
    pub edited_at: f64,
}

impl NoteEditor {
    /// An editor over a stored note.
    pub fn open(note: Note) -> Self {
        let mut editor = Self::blank();
        editor.id = Some(note.id);
        editor.title = note.title.clone();
        editor.body = Body::new(note.body.clone());
        editor.base = Some(note);
        editor.detect();
        editor
    }

    /// An editor for a note that does not exist yet.
    pub fn new_note() -> Self {
        let mut editor = Self::blank();
        editor.focus_title = true;
        editor
    }

    fn blank() -> Self {
        Self {
            id: None,
            base: None,
            title: String::new(),
            body: Body::new(String::new()),
            dirty: false,
            edited_at: 0.0,
            detected: Vec::new(),
            preview: CommonMarkCache::default(),
            preview_text: PreviewText::default(),
            preview_stale: true,
            images: std::collections::HashMap::new(),
            body_version: 0,
            preview_version: 0,
            highlighted: None,
            analysis: AnalysisState::default(),
            claims_tab: ClaimsTab::default(),
            tag_input: String::new(),
            ticker_input: String::new(),
            claim_form: None,
            revisions: None,
            conflict: None,
            save_error: None,
            failed_save: None,
            focus_title: false,
            properties: PropertiesPanel::default(),
            journal: JournalState::default(),
            links: NoteLinks::default(),
        }
    }

    /// The user typed: remember when, and refresh what depends on the text (cheaply).
    pub fn edited(&mut self, now: f64) {
        self.dirty = true;
        self.edited_at = now;
        self.preview_stale = true;
        if !self.body.is_large() {
            self.detect();
        }
    }

    /// The user typed in the body: as [`Self::edited`], and the body has a new version.
    pub fn body_edited(&mut self, now: f64) {
        self.body_version += 1;
        self.edited(now);
    }

    /// Whether the body should be read again at `now` (a short while after typing stopped).
    pub fn analysis_due(&self, now: f64) -> bool {
        self.analysis.wants(self.body_version)
            && (!self.dirty || now - self.edited_at >= crate::ui::note::analysis::ANALYSE_AFTER)
    }

    /// Re-reads the cashtags of the title and body.
    pub fn detect(&mut self) {
        let mut found: Vec<String> = cashtags(&self.title).into_iter().map(|c| c.symbol.to_string()).collect();
        match &self.body {
            crate::ui::note::body::Body::Plain(text) => {
                found.extend(cashtags(text).into_iter().map(|c| c.symbol.to_string()))
            }
            crate::ui::note::body::Body::Blocks(blocks) => {
                for block in &blocks.items {
                    found.extend(cashtags(&block.text).into_iter().map(|c| c.symbol.to_string()));
                }
            }
        }
        found.sort();
        found.dedup();
        self.detected = found;
    }

    /// Whether an autosave is due at `now`.
    pub fn autosave_due(&self, now: f64) -> bool {
        self.next_autosave().is_some_and(|at| now >= at)
    }

    /// When the next autosave is due (input time), if anything waits to be saved.
    pub fn next_autosave(&self) -> Option<f64> {
        if !self.dirty || self.conflict.is_some() {
            return None;
        }
        let after_typing = self.edited_at + AUTOSAVE_AFTER;
        match self.failed_save {
            Some(failed) if failed.edited_at == self.edited_at => Some(after_typing.max(failed.at + RETRY_SAVE_AFTER)),
            _ => Some(after_typing),
        }
    }

    /// A save failed at `now` with `message`: the text stays, and the message says so.
    pub fn save_failed(&mut self, message: String, now: f64) {
        self.save_error = Some(message);
        self.failed_save = Some(FailedSave { at: now, edited_at: self.edited_at });
    }

    /// A save worked: forget any earlier failure.
    pub fn saved(&mut self) {
        self.dirty = false;
        self.save_error = None;
        self.failed_save = None;
    }

    /// Whether the stored text is the one this editor started from (so a newer version that
    /// differs only in links can be taken without asking).
    pub fn same_text_as_base(&self, other: &Note) -> bool {
        self.base.as_ref().is_some_and(|base| crate::session::notes::same_text(base, other))
    }

    /// Takes a newer stored version whose text equals the base: links, claims and version change,
    /// the text being typed stays.
    pub fn rebase(&mut self, newer: Note) {
        self.base = Some(newer);
    }

    /// Replaces everything with a stored version (nothing typed is pending).
    pub fn reload(&mut self, note: Note) {
        let text_changed =
            self.title != note.title || self.body.len() != note.body.len() || self.body.text() != note.body;
        if text_changed {
            self.title = note.title.clone();
            self.body = Body::new(note.body.clone());
            self.preview_stale = true;
            self.body_version += 1;
        }
        self.base = Some(note);
        self.dirty = false;
        self.conflict = None;
        self.detect();
    }

    /// The note's tickers for the chips: stored links, plus cashtags typed but not saved yet
    /// (shown as detected).
    pub fn ticker_chips(&self) -> Vec<TickerLink> {
        let mut chips: Vec<TickerLink> = self.base.as_ref().map(|n| n.tickers.clone()).unwrap_or_default();
        // A detected link whose cashtag was just deleted from the text goes with it.
        chips.retain(|t| t.origin != Origin::Detected || self.detected.iter().any(|d| d == t.symbol.as_str()));
        for symbol in &self.detected {
            if !chips.iter().any(|t| t.symbol.as_str() == symbol)
                && let Ok(symbol) = crate::model::Symbol::parse(symbol)
            {
                chips.push(TickerLink { symbol, origin: Origin::Detected });
            }
        }
        chips.sort_by(|a, b| a.origin.cmp(&b.origin).then(a.symbol.cmp(&b.symbol)));
        chips
    }

    pub fn is_trashed(&self) -> bool {
        self.base.as_ref().is_some_and(|n| n.deleted_at.is_some())
    }

    pub fn title_or_untitled(&self) -> &str {
        if self.title.trim().is_empty() { "Untitled" } else { &self.title }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn after_a_failed_save_autosave_waits_for_new_typing_or_half_a_minute() {
        let mut editor = NoteEditor::new_note();
        editor.edited(10.0);
        assert_eq!(editor.next_autosave(), Some(10.0 + AUTOSAVE_AFTER));
        editor.save_failed("disk full".into(), 11.0);
        assert!(!editor.autosave_due(12.0), "not every frame");
        assert!(editor.autosave_due(11.0 + RETRY_SAVE_AFTER), "but again after a while");
        editor.edited(13.0);
        assert_eq!(editor.next_autosave(), Some(13.0 + AUTOSAVE_AFTER), "new typing is saved as usual");
        editor.saved();
        assert_eq!(editor.next_autosave(), None);
        assert!(editor.save_error.is_none());
    }

    use super::*;
    use crate::model::{Symbol, Timestamp};

    fn note(title: &str, body: &str, version: i64) -> Note {
        Note {
            id: 1,
            uid: "u".into(),
            title: title.into(),
            body: body.into(),
            tags: Vec::new(),
            tickers: vec![TickerLink { symbol: Symbol::parse("MSFT").unwrap(), origin: Origin::Typed }],
            claims: Vec::new(),
            sources: Vec::new(),
            created_at: Timestamp::from_millis(0),
            updated_at: Timestamp::from_millis(0),
            deleted_at: None,
            version,
        }
    }

    #[test]
    fn cashtags_typed_show_as_detected_chips_before_saving() {
        let mut editor = NoteEditor::open(note("T", "", 1));
        editor.body = Body::new("Buy $NVDA".into());
        editor.edited(1.0);
        let chips: Vec<(String, Origin)> =
            editor.ticker_chips().into_iter().map(|t| (t.symbol.to_string(), t.origin)).collect();
        assert_eq!(chips, [("MSFT".to_owned(), Origin::Typed), ("NVDA".to_owned(), Origin::Detected)]);
    }

    #[test]
    fn autosave_waits_a_second_after_the_last_keystroke() {
        let mut editor = NoteEditor::open(note("T", "", 1));
        editor.edited(10.0);
        assert!(!editor.autosave_due(10.5));
        assert!(editor.autosave_due(11.0));
        editor.conflict = Some(Conflict::Deleted);
        assert!(!editor.autosave_due(20.0), "a conflict is resolved by the user, not by autosave");
    }

    #[test]
    fn a_newer_version_with_the_same_text_is_taken_silently() {
        let mut editor = NoteEditor::open(note("T", "body", 1));
        editor.title = "T typed".into();
        editor.edited(1.0);
        let newer = note("T", "body", 2);
        assert!(editor.same_text_as_base(&newer));
        editor.rebase(newer);
        assert_eq!((editor.title.as_str(), editor.base.as_ref().map(|n| n.version)), ("T typed", Some(2)));
        assert!(!editor.same_text_as_base(&note("T", "changed elsewhere", 3)));
    }
}
