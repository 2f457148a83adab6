//! The app's side of searching: whatever the search and count lanes run for an older query is
//! stopped; the query goes to the worker at once when no search was running, else it waits
//! until the text has stayed the same for about as long as searches take (typing faster than
//! searches answer starts none of them). The first page arrives with the search; the total, when it is not kept, is
//! counted on its own lane; further pages are asked for as the list nears its end.

use std::time::{Duration, Instant};

use super::JevonsApp;
use crate::store::Total;
use crate::ui::worker::{Found, Request};

/// How long the text must stay unchanged before a search waiting behind a running one is sent:
/// at least this, or as long as the last search took...
const MIN_QUIET: Duration = Duration::from_millis(30);
/// ...but never more than this.
const MAX_QUIET: Duration = Duration::from_millis(250);

/// A search held back while the text was changing faster than searches answer.
pub(crate) struct Waiting {
    text: String,
    due: Instant,
}

impl JevonsApp {
    pub(super) fn run_search(&mut self, text: String, may_open_dossier: bool) {
        self.settings.last_query = text.clone();
        // Whatever the search lane runs now (the last search, or a page or rows of it) is stale.
        self.worker.interrupt_search();
        if self.results.pending {
            self.results.start(text.clone());
            self.worker.stop_counts_before(self.results.generation);
            let quiet = self.results.took.unwrap_or(MIN_QUIET).clamp(MIN_QUIET, MAX_QUIET);
            self.waiting_search = Some(Waiting { text: text.clone(), due: Instant::now() + quiet });
            self.ctx.request_repaint_after(quiet);
        } else {
            self.results.start(text.clone());
            self.worker.stop_counts_before(self.results.generation);
            self.worker.send(Request::Search { generation: self.results.generation, text: text.clone() });
        }
        if may_open_dossier && let Some(symbol) = super::single_ticker(&text) {
            let already = matches!(&self.pane, super::Pane::Dossier(view) if view.symbol == symbol);
            if !already {
                self.open_dossier(&symbol);
            }
        }
    }

    /// Sends the search held back once the text has been quiet long enough; until then, wakes
    /// the window when it is due. Returns how long until it is due (`None`: nothing waits).
    pub(super) fn send_waiting_search(&mut self) -> Option<Duration> {
        let waiting = self.waiting_search.as_ref()?;
        let left = waiting.due.saturating_duration_since(Instant::now());
        if !left.is_zero() {
            self.ctx.request_repaint_after(left);
            return Some(left);
        }
        let text = waiting.text.clone();
        self.waiting_search = None;
        self.worker.send(Request::Search { generation: self.results.generation, text });
        None
    }

    /// The worker answered a search; when its total is not kept, it is counted next.
    pub(super) fn searched(&mut self, generation: u64, text: String, result: Result<Found, String>) {
        if generation != self.results.generation || self.waiting_search.is_some() {
            return;
        }
        let open = self.open_note();
        if let Some(query) = self.results.found(text, result, open) {
            self.worker.send(Request::Count { generation, query });
        }
    }

    /// A count of the current search finished (or reports how far it got).
    pub(super) fn counted(&mut self, generation: u64, result: Result<Total, String>) {
        if generation == self.results.generation {
            self.results.counted(result);
        }
    }

    /// Asks the worker for the rows around the visible ones that are not cached yet, and for the
    /// next page when the visible rows near the last loaded one.
    pub(super) fn fetch_rows(&mut self, visible: std::ops::Range<usize>) {
        if let Some((query, cursor)) = self.results.more_to_fetch(&visible) {
            self.worker.send(Request::More { generation: self.results.generation, query, cursor });
        }
        if let Some((query, ids)) = self.results.rows_to_fetch(visible) {
            self.worker.send(Request::Rows { generation: self.results.generation, query, ids });
        }
    }
}
