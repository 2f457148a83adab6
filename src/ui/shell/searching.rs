//! The app's side of searching: a new query stops whatever the search and count lanes run for an
//! older one (requests of older queries still queued are skipped by the lanes), and goes to the
//! worker at once, so the last keystroke waits only for its own search. Only a burst of edits
//! faster than [`QUIET`] (a paste, a held key) while a search runs is held back until the text
//! stays the same for that long: no search starts for text that changes faster than that. The
//! first page arrives with the search; the total, when it is not kept, is counted on its own
//! lane after it; further pages are asked for as the list nears its end. In the sources scope
//! the same path carries source searches (`source_search`).

use std::time::{Duration, Instant};

use super::JevonsApp;
use crate::model::{Symbol, is_reference_symbol};
use crate::store::Total;
use crate::ui::worker::{Found, Request};

/// Edits closer together than this, while a search runs, are a burst: the search waits until
/// the text has stayed the same this long. Typing (ten characters a second, 100 ms apart) never
/// waits.
const QUIET: Duration = Duration::from_millis(40);

/// A search held back while the text was changing in a burst.
pub(crate) struct Waiting {
    text: String,
    due: Instant,
}

impl JevonsApp {
    pub(super) fn run_search(&mut self, text: String, may_open_dossier: bool) {
        self.settings.last_query = text.clone();
        // Whatever the search lane runs now (the last search, or a page or rows of it) is stale.
        self.worker.interrupt_search();
        let sources = self.in_sources();
        let (pending, sent_at) = if sources {
            (self.source_results.pending, self.source_results.sent_at)
        } else {
            (self.results.pending, self.results.sent_at)
        };
        let burst = pending && sent_at.is_some_and(|at| at.elapsed() < QUIET);
        if sources {
            self.source_results.start(text.clone());
            self.worker.source_search_started(self.source_results.generation);
        } else {
            self.results.start(text.clone());
            self.worker.stop_counts_before(self.results.generation);
        }
        if burst || self.waiting_search.is_some() {
            self.waiting_search = Some(Waiting { text: text.clone(), due: Instant::now() + QUIET });
            self.ctx.request_repaint_after(QUIET);
        } else {
            self.send_search(text.clone());
        }
        if may_open_dossier
            && !sources
            && let Some(symbol) = super::single_ticker(&text)
            && self.is_known_symbol(&symbol)
        {
            self.open_dossier_once(&symbol);
        }
    }

    /// Enter in the search box: a query of one ticker opens its dossier, known or not (the user
    /// has finished typing it), unless it is open already; then the highlighted result opens.
    pub(super) fn search_entered(&mut self, text: &str) {
        if self.in_sources() {
            return self.open_selected_hit();
        }
        match super::single_ticker(text) {
            Some(symbol) if self.open_dossier_symbol() != Some(symbol.as_str()) => self.open_dossier(&symbol),
            _ => self.open_selected(),
        }
    }

    /// Opens `symbol`'s dossier unless it is the one open.
    fn open_dossier_once(&mut self, symbol: &Symbol) {
        if self.open_dossier_symbol() != Some(symbol.as_str()) {
            self.open_dossier(symbol);
        }
    }

    /// Whether `symbol` is a ticker Jevons knows: one with notes, one the reference list holds,
    /// or one the last lookup of the store's tickers found. A symbol still being typed (`$NV`
    /// on the way to `$NVDA`) is not, and opens no dossier until Enter.
    fn is_known_symbol(&self, symbol: &Symbol) -> bool {
        let symbol = symbol.as_str();
        self.sidebar.data.tickers.iter().any(|t| t.symbol == symbol)
            || is_reference_symbol(symbol)
            || self.completions.found.iter().any(|t| t.symbol == symbol)
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
        self.send_search(text);
        None
    }

    fn send_search(&mut self, text: String) {
        if self.in_sources() {
            return self.send_source_search(text);
        }
        self.results.sent_at = Some(Instant::now());
        self.worker.send(Request::Search { generation: self.results.generation, text });
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
