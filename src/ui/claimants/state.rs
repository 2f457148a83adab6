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
    /// Count `from`'s calls as `into`'s.
    Merge {
        from: String,
        into: String,
    },
    /// Count this name's calls as its own again.
    Unmerge(String),
    Undo(MergeUndo),
}

/// The pane.
#[derive(Debug, Default)]
pub struct ClaimantsView {
    pub data: Option<Result<ClaimantsData, String>>,
    pub selected: Option<String>,
}

impl ClaimantsView {
    /// The picked claimant's record, if it is still there.
    pub fn selected_record(&self) -> Option<&ClaimantRecord> {
        let name = self.selected.as_ref()?;
        self.data.as_ref()?.as_ref().ok()?.records.iter().find(|r| &r.claimant == name)
    }
}
