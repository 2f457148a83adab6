//! "Find in sources": the search box's scope switch, the sources' matching pages arriving from
//! the search lane (the first page with the total, the next as the list scrolls), and opening a
//! row's source at its page. Typing runs through [`JevonsApp::run_search`] as in the notes'
//! scope, so a source search is sent at once, interrupted by the next keystroke, and held back
//! only during a burst of edits.

use std::time::Instant;

use super::{JevonsApp, Pane};
use crate::model::SourceId;
use crate::query::{self, TermKind};
use crate::store::PageHit;
use crate::ui::search::scope::Scope;
use crate::ui::worker::{Request, SourcesFound};

impl JevonsApp {
    /// Whether the search box searches the sources' documents.
    pub(super) fn in_sources(&self) -> bool {
        self.settings.search_scope == Scope::Sources
    }

    /// The switch by the search box: the search box's text runs again in the other scope.
    pub(super) fn set_scope(&mut self, scope: Scope) {
        self.ctx.memory_mut(|m| m.request_focus(crate::ui::search::search_box::search_id()));
        if self.settings.search_scope == scope {
            return;
        }
        self.settings.search_scope = scope;
        let text = self.search.text.clone();
        self.run_search(text, false);
    }

    /// A query put in the box from elsewhere (a tag or ticker clicked, a saved search, the
    /// trash): one the sources cannot answer (`#tag`, `$NVDA`, `is:trash`) goes to the notes.
    pub(super) fn scope_for(&mut self, text: &str) {
        let words_only = query::parse(text).is_ok_and(|q| {
            q.clauses
                .iter()
                .flat_map(|c| &c.any)
                .all(|t| matches!(t.kind, TermKind::Word(_) | TermKind::Phrase(_) | TermKind::Prefix(_)))
        });
        if !words_only {
            self.settings.search_scope = Scope::Notes;
        }
    }

    /// Sends the source search of the current generation.
    pub(super) fn send_source_search(&mut self, text: String) {
        self.source_results.sent_at = Some(Instant::now());
        self.worker.send(Request::FindInSources { generation: self.source_results.generation, text });
    }

    /// The worker answered a source search with its first page; its total is counted next
    /// unless the page holds every match.
    pub(super) fn found_in_sources(&mut self, generation: u64, text: String, result: Result<SourcesFound, String>) {
        if generation != self.source_results.generation || self.waiting_search.is_some() {
            return;
        }
        let count = result.as_ref().ok().filter(|f| f.total.is_none()).map(|f| f.query.clone());
        self.source_results.found(text, result);
        if let Some(query) = count {
            self.worker.send(Request::CountInSources { generation, query });
        }
    }

    /// A later page of the current source search arrived.
    pub(super) fn more_in_sources(&mut self, generation: u64, result: Result<Vec<PageHit>, String>) {
        if generation == self.source_results.generation {
            self.source_results.more_arrived(result);
        }
    }

    /// Asks for the next page of matching pages when the visible rows near the last loaded one.
    pub(super) fn fetch_source_pages(&mut self, visible: &std::ops::Range<usize>) {
        if let Some((query, offset)) = self.source_results.more_to_fetch(visible) {
            self.worker.send(Request::MoreInSources { generation: self.source_results.generation, query, offset });
        }
    }

    /// A row clicked (or moved to): highlight it, and with `open` show its source at the page.
    pub(super) fn select_source_hit(&mut self, row: usize, open: bool) {
        self.source_results.select(row);
        if open {
            self.open_selected_hit();
        }
    }

    /// Opens the highlighted row's source at its page.
    pub(super) fn open_selected_hit(&mut self) {
        if let Some((id, page)) = self.source_results.selected_hit() {
            self.open_source_at(id, page);
        }
    }

    /// Opens source `id`'s view at page `page` of its document (pages count from 1; the view
    /// keeps the index within the pages when the document arrives).
    pub(super) fn open_source_at(&mut self, id: SourceId, page: u32) {
        if let Pane::Source(view) = &mut self.pane
            && view.id == id
            && (view.data.is_some() || view.error.is_some())
        {
            // Its document has arrived: turn to the page, kept within its pages.
            let pages = view.document.as_ref().ok().and_then(Option::as_ref).map_or(0, |d| d.pages.len());
            view.page = page_index(page).min(pages.saturating_sub(1));
            return;
        }
        if !self.leave_editor() {
            return;
        }
        self.remember_place();
        self.show_source(id);
        if let Pane::Source(view) = &mut self.pane {
            view.page = page_index(page);
        }
    }
}

/// The index among a document's pages (stored 1, 2, … without gaps) of page number `page`.
fn page_index(page: u32) -> usize {
    (page as usize).saturating_sub(1)
}

/// What tests and benchmarks read of "Find in sources".
impl JevonsApp {
    /// Whether the matching pages of `text` are shown: its source search answered.
    pub fn shows_source_results_for(&self, text: &str) -> bool {
        self.is_ready()
            && self.in_sources()
            && self.source_results.generation > 0
            && !self.source_results.pending
            && self.waiting_search.is_none()
            && self.source_results.text == text
    }

    /// The matching pages loaded so far, in order.
    pub fn source_hits(&self) -> &[PageHit] {
        &self.source_results.hits
    }

    /// How many pages the current source search matches.
    pub fn source_total(&self) -> Option<u64> {
        self.source_results.total
    }

    /// The source shown and the page of its document on screen, once the document has arrived.
    pub fn shown_source_page(&self) -> Option<(SourceId, u32)> {
        let Pane::Source(view) = &self.pane else { return None };
        let document = view.document.as_ref().ok()?.as_ref()?;
        Some((view.id, document.pages.get(view.page)?.page))
    }
}
