//! What tests and benchmarks read of the app (and wait for): whether it is ready or idle, the
//! open note, the results, the open dossier, refused links, the settings it would remember, and
//! the app's own connection.

use std::time::{Duration, Instant};

use super::{Database, JevonsApp, Pane};
use crate::model::NoteId;
use crate::store::Store;
use crate::ui::note::view as note;

impl JevonsApp {
    /// Waits (at most `timeout`) for the worker's next reply and handles it (first sending a
    /// search that waited for typing to pause, when due). Returns whether a reply came.
    /// Benchmarks use it to see a first page without waiting for the count that follows it.
    pub fn wait_for_reply(&mut self, timeout: Duration) -> bool {
        let wait = self.send_waiting_search().map_or(timeout, |due| due.min(timeout));
        match self.worker.recv_timeout(wait) {
            Some(reply) => {
                self.handle(reply);
                true
            }
            None => false,
        }
    }

    /// Waits until the worker has answered everything asked so far (at most `timeout`), handling
    /// the replies. Tests and benchmarks use it instead of sleeping.
    pub fn wait_for_worker(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            let waiting = self.send_waiting_search();
            if self.worker.in_flight() == 0 && waiting.is_none() {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            let wait = waiting.map_or(left, |w| w.min(left));
            if let Some(reply) = self.worker.recv_timeout(wait) {
                self.handle(reply);
            }
        }
    }

    /// What the app would remember if it closed now (tests restart the app with them).
    pub fn settings(&self) -> &super::Settings {
        &self.settings
    }

    /// Whether the database is open and the app ready for use.
    pub fn is_ready(&self) -> bool {
        matches!(self.db, Database::Ready(_))
    }

    /// Saves what is being typed now (what closing the window does). Returns whether everything
    /// typed is stored.
    pub fn flush(&mut self) -> bool {
        self.save_editor(false)
    }

    /// The note open in the editor, if any.
    pub fn open_note(&self) -> Option<NoteId> {
        self.editor.as_ref().and_then(|e| e.id)
    }

    /// How many results of the current search are loaded (the first page, then more as the
    /// list scrolls).
    pub fn result_count(&self) -> usize {
        self.results.ids.len()
    }

    /// The ids of the current search's loaded results, in order.
    pub fn result_ids(&self) -> &[NoteId] {
        &self.results.ids
    }

    /// How many notes the current search matches, as far as it is known.
    pub fn result_total(&self) -> Option<crate::store::Total> {
        self.results.total
    }

    /// Whether the results of `text` are shown: its search answered and its first page is in.
    pub fn shows_results_for(&self, text: &str) -> bool {
        self.is_ready()
            && self.results.generation > 0
            && !self.results.pending
            && self.waiting_search.is_none()
            && self.results.text == text
            && self.results.ids.iter().take(crate::ui::worker::FIRST_PAGE).all(|&id| self.results.row(id).is_some())
    }

    /// Whether nothing is pending: the worker answered everything, no action is queued, and the
    /// open note's text is not waiting to be read.
    pub fn is_idle(&self) -> bool {
        let reading = self.editor.as_ref().is_some_and(|e| e.analysis.wants(e.body_version));
        self.worker.in_flight() == 0
            && self.waiting_search.is_none()
            && self.queued.is_empty()
            && self.links_to_open.is_empty()
            && !reading
    }

    /// The highlighted row of the results, if any.
    pub fn selected_result(&self) -> Option<usize> {
        self.results.selected
    }

    /// The ticker whose dossier is open, if one is.
    pub fn open_dossier_symbol(&self) -> Option<&str> {
        match &self.pane {
            Pane::Dossier(view) => Some(view.symbol.as_str()),
            _ => None,
        }
    }

    /// The open dossier's data once it has arrived (tests look at its comparisons).
    pub fn dossier_data(&self) -> Option<&crate::ui::dossier::state::DossierData> {
        match &self.pane {
            Pane::Dossier(view) => view.data.as_deref(),
            _ => None,
        }
    }

    /// The Markdown the open note's preview renders (its attached images as `bytes://` URIs).
    pub fn preview_markdown(&self) -> Option<&str> {
        self.editor.as_ref().map(|e| e.preview_text.text.as_str())
    }

    /// The words highlighted in the open note's preview (what extraction found in the text).
    pub fn preview_highlights(&self) -> Vec<String> {
        let Some(editor) = &self.editor else { return Vec::new() };
        let id = note::body_id(editor.id).with("preview");
        let text = &editor.preview_text.text;
        editor.preview.search_ranges(&id).iter().filter_map(|r| text.get(r.clone()).map(str::to_owned)).collect()
    }

    /// Links a view asked to open that were refused (not http or https).
    pub fn refused_links(&self) -> &[String] {
        &self.refused_links
    }

    /// Whether an import, export or backup started from the File menu is running.
    pub fn is_transferring(&self) -> bool {
        self.transfer.is_running()
    }

    /// Writes with the app's own connection, as a command line would from outside (tests).
    pub fn store_mut(&mut self) -> Option<&mut Store> {
        match &mut self.db {
            Database::Ready(store) => Some(store),
            _ => None,
        }
    }
}
