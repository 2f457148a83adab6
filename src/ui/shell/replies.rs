//! The worker's replies: results, rows, sidebar, dossier, source, revisions, what the open note's
//! text says, completions; the database opened; the open note changed elsewhere.

use super::{Database, JevonsApp, Pane};
use crate::model::{NoteId, Symbol};
use crate::store::{Store, StoreError};
use crate::ui::note::state::Conflict;
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::{Reply, Request};

impl JevonsApp {
    pub(super) fn receive(&mut self) {
        while let Some(reply) = self.worker.try_recv() {
            self.handle(reply);
        }
        self.poll_transfer();
        self.poll_auto_backup();
        self.poll_encryption();
    }

    pub(super) fn handle(&mut self, reply: Reply) {
        match reply {
            Reply::Opening(what) => {
                if let Database::Opening { what: shown, .. } = &mut self.db {
                    *shown = Some(what);
                }
            }
            Reply::Opened { created, .. } => self.opened(created),
            Reply::OpenFailed { message } => self.open_failed(message),
            Reply::Searched { generation, text, result } => self.searched(generation, text, result),
            Reply::More { generation, result } => {
                if generation == self.results.generation {
                    self.results.more_arrived(result);
                }
            }
            Reply::Counting { generation, at_least } => {
                if generation == self.results.generation {
                    self.results.counting_at(at_least);
                }
            }
            Reply::Counted { generation, result } => self.counted(generation, result),
            Reply::FoundInSources { generation, text, result } => self.found_in_sources(generation, text, result),
            Reply::MoreInSources { generation, result } => self.more_in_sources(generation, result),
            Reply::CountedInSources { generation, result } => {
                if generation == self.source_results.generation {
                    self.source_results.counted(result);
                }
            }
            Reply::Rows { generation, result } => match result {
                Ok(rows) if generation == self.results.generation => self.results.rows_arrived(rows),
                Err(message) if generation == self.results.generation => {
                    self.error = Some(format!("Cannot read result rows: {message}"));
                }
                _ => {}
            },
            Reply::Sidebar(result) => match result {
                Ok(data) => {
                    let searches: Vec<(i64, String)> = data.saved.iter().map(|s| (s.id, s.query.clone())).collect();
                    self.sidebar.set(data);
                    if !searches.is_empty() {
                        self.worker.send(Request::SavedCounts(searches));
                    }
                }
                Err(message) => self.error = Some(format!("Cannot read tickers, tags and sources: {message}")),
            },
            Reply::SavedCounts(counts) => self.sidebar.saved.counted(counts),
            Reply::Dossier { symbol, result } => {
                if let Pane::Dossier(view) = &mut self.pane
                    && view.symbol == symbol
                {
                    view.arrived(result);
                }
            }
            Reply::Claimants(result) => {
                if let Pane::Claimants(view) = &mut self.pane {
                    view.data = Some(result.map(|data| *data));
                }
            }
            Reply::Source { id, result, document } => {
                if let Pane::Source(view) = &mut self.pane
                    && view.id == id
                {
                    view.arrived(result, document);
                }
            }
            Reply::DocumentOpened(result) => self.document_opened(result),
            Reply::NoteImages { note, result } => {
                if let (Some(editor), Ok(images)) = (self.editor.as_mut().filter(|e| e.id == Some(note)), result) {
                    for (target, uri, bytes) in images {
                        self.ctx.include_bytes(uri.clone(), bytes);
                        self.note_images.push(uri.clone());
                        editor.images.insert(target, uri);
                    }
                    editor.preview_stale = true;
                }
            }
            Reply::Revisions { note, result } => {
                if let Some(view) = self.editor.as_mut().and_then(|e| e.revisions.as_mut())
                    && view.note == note
                {
                    view.arrived(result);
                }
            }
            Reply::Analysed { ticket, result } => {
                if let Some(editor) = &mut self.editor
                    && editor.analysis.arrived(ticket, result)
                {
                    self.ctx.request_repaint();
                }
            }
            Reply::LinkCandidates { symbols, result } => {
                let form = self.editor.as_mut().and_then(|e| e.claim_form.as_mut());
                match (form, result) {
                    (Some(form), Ok(claims)) if form.candidates_for.as_ref() == Some(&symbols) => {
                        form.add_candidates(claims);
                    }
                    (_, Err(message)) => self.error = Some(format!("Cannot read claims to link to: {message}")),
                    _ => {}
                }
            }
            Reply::Version { note, result } => self.version_arrived(note, result),
            Reply::Completed { typed, result } => {
                if typed == self.completions.asked {
                    self.completions.typed = typed;
                    self.completions.found = result;
                }
            }
            Reply::NoteLinks { note, result } => self.links_arrived(note, result),
            Reply::TitlesCompleted { typed, result } => {
                if let Some(titles) = self.editor.as_mut().map(|e| &mut e.links.titles)
                    && typed == titles.asked
                {
                    titles.typed = typed;
                    titles.found = result;
                }
            }
            Reply::LexiconForgotten => {}
            // Merged a step: go on until nothing is left (a failure, such as a read-only file,
            // only leaves the index slower to search).
            Reply::IndexTidied(Ok(true)) => self.worker.send(Request::TidyIndex),
            Reply::IndexTidied(_) => {}
            // A skipped reply from an older search must not touch the current search's requests.
            Reply::Skipped(Request::Rows { generation, ids, .. }) if generation == self.results.generation => {
                self.results.forget_requested(&ids);
            }
            Reply::Skipped(Request::More { generation, .. }) if generation == self.results.generation => {
                self.results.forget_more();
            }
            Reply::Skipped(Request::MoreInSources { generation, .. })
                if generation == self.source_results.generation =>
            {
                self.source_results.forget_more();
            }
            Reply::Skipped(_) => {}
        }
    }

    /// The worker opened the database: open the writing connection and show what was open last.
    /// A database that existed before (`created` false) gets its daily backup, off the frame.
    pub(super) fn opened(&mut self, created: bool) {
        match Store::open(&self.config.db) {
            Ok(mut store) => {
                store.write_first(&self.turns);
                self.sync_status = crate::ui::files::sync::SyncStatus::remembered(store.last_sync().ok().flatten());
                self.db = Database::Ready(Box::new(store));
            }
            Err(err) => {
                let path_input = self.config.db.display().to_string();
                self.db = Database::Failed { message: err.to_string(), path_input };
                return;
            }
        }
        if !created && self.config.daily_backup {
            self.backups.start_daily(self.config.db.clone(), &self.ctx);
        }
        self.backups.measure(&self.config.db, None, &self.ctx);
        self.worker.send(Request::Sidebar);
        self.worker.send(Request::TidyIndex);
        let same_db = self.settings.last_db.as_deref() == Some(self.config.db.as_path());
        let query = match &self.config.query {
            Some(query) => query.clone(),
            None if same_db && !self.config.fresh => self.settings.last_query.clone(),
            None => String::new(),
        };
        self.search.text = query.clone();
        self.run_search(query, false);
        if let Some(text) = self.config.open_ticker.clone() {
            match Symbol::parse(&text) {
                Ok(symbol) => self.open_dossier(&symbol),
                Err(e) => self.error = Some(format!("JEVONS_OPEN_TICKER: {e}")),
            }
        } else if same_db
            && !self.config.fresh
            && let Some(id) = self.settings.last_note
        {
            self.open_note_by_id(id, false);
        }
    }

    pub(super) fn version_arrived(&mut self, note: NoteId, result: Result<i64, String>) {
        let Some(editor) = self.editor.as_ref() else { return };
        if editor.id != Some(note) {
            return;
        }
        match result {
            Ok(version) if editor.base.as_ref().is_some_and(|b| b.version == version) => {}
            Ok(_) => self.changed_elsewhere(note),
            Err(_) => self.changed_elsewhere(note),
        }
    }

    /// The open note changed in the store (another program, or our own link writes): take the
    /// change silently when nothing typed is at stake, else keep the typed text and show both.
    pub(super) fn changed_elsewhere(&mut self, id: NoteId) {
        let Database::Ready(store) = &self.db else { return };
        let found = store.note(id);
        let Some(editor) = self.editor.as_mut() else { return };
        match found {
            Ok(theirs) if !editor.dirty => editor.reload(theirs),
            Ok(theirs) if editor.same_text_as_base(&theirs) => editor.rebase(theirs),
            Ok(theirs) => editor.conflict = Some(Conflict::Changed(Box::new(theirs))),
            Err(StoreError::NoteNotFound(_)) if editor.dirty => editor.conflict = Some(Conflict::Deleted),
            Err(StoreError::NoteNotFound(_)) => {
                self.editor = None;
                self.pane = Pane::Empty;
                self.toasts.push(Toast::info("The open note was deleted elsewhere."));
            }
            Err(err) => self.error = Some(format!("Cannot reread the note: {err}")),
        }
    }
}
