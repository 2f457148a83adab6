//! The ticker completions asked of the worker: the reference-list matches for the last text typed
//! into a ticker field, shared by the search box, the note's ticker field and the claim form.

/// What the ticker completion lists hold: the reference-list matches for the last text asked.
#[derive(Debug, Default)]
pub struct Completions {
    pub typed: String,
    pub asked: String,
    pub found: Vec<crate::store::TickerInfo>,
}

impl Completions {
    /// The matches for `typed`, if they have arrived.
    pub fn for_text(&self, typed: &str) -> Option<&[crate::store::TickerInfo]> {
        (self.typed.eq_ignore_ascii_case(typed.trim())).then_some(self.found.as_slice())
    }
}
