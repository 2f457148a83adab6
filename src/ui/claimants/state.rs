//! What the Claimants pane holds: the records the worker read, the claimant picked, and what
//! the user can ask of it.

use chrono::NaiveDate;

use crate::compare::ClaimantRecord;
use crate::model::Symbol;
use crate::session::claimants::MergeUndo;

/// The track records, as the worker read them.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimantsData {
    pub records: Vec<ClaimantRecord>,
    pub benchmark: Option<Symbol>,
    /// The day the calls were judged on.
    pub today: NaiveDate,
}

/// What the Claimants pane asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimantsAction {
    Open,
    /// Show this claimant's calls (none: the table alone).
    Select(Option<String>),
    /// List [`CALLS_PAGE`] more of the picked claimant's calls.
    MoreCalls,
    /// Count `from`'s calls as `into`'s.
    Merge {
        from: String,
        into: String,
    },
    /// Count this name's calls as its own again.
    Unmerge(String),
    Undo(MergeUndo),
}

/// How many of a claimant's calls are listed at first, and added by each "Show more": a frame
/// lays out only these, however many calls a claimant has.
pub const CALLS_PAGE: usize = 100;

/// The pane.
#[derive(Debug)]
pub struct ClaimantsView {
    pub data: Option<Result<ClaimantsData, String>>,
    pub selected: Option<String>,
    /// How many of the picked claimant's calls are listed (newest first).
    pub calls_shown: usize,
}

impl Default for ClaimantsView {
    fn default() -> Self {
        Self { data: None, selected: None, calls_shown: CALLS_PAGE }
    }
}

impl ClaimantsView {
    /// Picks a claimant (or none), listing its newest calls first.
    pub fn select(&mut self, name: Option<String>) {
        self.selected = name;
        self.calls_shown = CALLS_PAGE;
    }

    /// The picked claimant's record, if it is still there.
    pub fn selected_record(&self) -> Option<&ClaimantRecord> {
        let name = self.selected.as_ref()?;
        self.data.as_ref()?.as_ref().ok()?.records.iter().find(|r| &r.claimant == name)
    }
}
