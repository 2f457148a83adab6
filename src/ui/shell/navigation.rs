//! Moving around: opening notes, dossiers and sources (saving the note being left), going back
//! with Esc, opening another database, and refreshing what a write changed.

use std::path::PathBuf;

use super::{Database, JevonsApp, Pane, Place, window_title};
use crate::model::{NoteId, Symbol};
use crate::store::StoreError;
use crate::ui::dossier::view::DossierView;
use crate::ui::note::state::NoteEditor;
use crate::ui::search::results::Results;
use crate::ui::search::sidebar::Sidebar;
use crate::ui::source::SourceView;
use crate::ui::worker::{Request, Worker};

impl JevonsApp {
    pub(super) fn reopen(&mut self, path: PathBuf) {
        self.ctx.send_viewport_cmd(egui::ViewportCommand::Title(window_title(&path, true)));
        self.config.db = path.clone();
        self.config.chosen_db = true;
        self.worker = Worker::start(path, self.ctx.clone());
        self.start_opening();
        self.editor = None;
        self.pane = Pane::Empty;
        self.history.clear();
        self.results = Results::default();
        self.waiting_search = None;
        self.sidebar = Sidebar::default();
        self.backups.summary = None;
    }

    /// Remembers where we are, for Esc.
    pub(super) fn remember_place(&mut self) {
        let place = match &self.pane {
            Pane::Note => self.open_note().map(Place::Note),
            Pane::Dossier(view) => Some(Place::Dossier(view.symbol.clone())),
            Pane::Source(view) => Some(Place::Source(view.id)),
            Pane::Claimants(_) => Some(Place::Claimants),
            Pane::Empty => None,
        };
        if let Some(place) = place
            && self.history.last() != Some(&place)
        {
            self.history.push(place);
            if self.history.len() > 100 {
                self.history.remove(0);
            }
        }
    }

    pub(super) fn back(&mut self) {
        if self.help {
            self.help = false;
            return;
        }
        if self.dialog.is_some() {
            self.dialog = None;
            return;
        }
        if let Some(editor) = &mut self.editor
            && matches!(self.pane, Pane::Note)
        {
            if editor.claim_form.is_some() {
                editor.claim_form = None;
                return;
            }
            if editor.revisions.is_some() {
                editor.revisions = None;
                return;
            }
        }
        let current = match &self.pane {
            Pane::Note => self.open_note().map(Place::Note),
            Pane::Dossier(view) => Some(Place::Dossier(view.symbol.clone())),
            Pane::Source(view) => Some(Place::Source(view.id)),
            Pane::Claimants(_) => Some(Place::Claimants),
            Pane::Empty => None,
        };
        while let Some(place) = self.history.pop() {
            if Some(&place) == current.as_ref() {
                continue;
            }
            match place {
                Place::Note(id) => self.open_note_by_id(id, false),
                Place::Dossier(symbol) => self.show_dossier(&symbol),
                Place::Source(id) => self.show_source(id),
                Place::Claimants => self.show_claimants(),
            }
            return;
        }
    }

    /// Leaves the current note (saving it). Returns false, with the reason shown, when what was
    /// typed could not be stored: the editor then stays.
    pub(super) fn leave_editor(&mut self) -> bool {
        if self.save_editor(false) {
            return true;
        }
        self.pane = Pane::Note;
        if self.error.is_none() {
            self.error = Some("Resolve the conflict in this note before leaving it.".to_owned());
        }
        false
    }

    pub(super) fn open_note_by_id(&mut self, id: NoteId, remember: bool) {
        if self.open_note() == Some(id) {
            self.pane = Pane::Note;
            return;
        }
        if !self.leave_editor() {
            return;
        }
        let Database::Ready(store) = &self.db else { return };
        match store.note(id) {
            Ok(note) => {
                if remember {
                    self.remember_place();
                }
                self.editor = Some(NoteEditor::open(note));
                for uri in self.note_images.drain(..) {
                    self.ctx.forget_image(&uri);
                }
                self.worker.send(Request::NoteImages { note: id });
                self.load_journal(id);
                self.request_links(id);
                self.pane = Pane::Note;
                self.settings.last_note = Some(id);
                self.settings.last_db = Some(self.config.db.clone());
                if let Some(row) = self.results.row_of(id) {
                    self.results.select(row);
                }
                self.next_poll = 0.0;
            }
            Err(StoreError::NoteNotFound(_)) => {
                self.settings.last_note = None;
            }
            Err(err) => self.error = Some(format!("Cannot open note {id}: {err}")),
        }
    }

    pub(super) fn new_note(&mut self) {
        if !self.leave_editor() {
            return;
        }
        self.remember_place();
        self.editor = Some(NoteEditor::new_note());
        self.pane = Pane::Note;
    }

    /// A new note from the thesis template, on the open dossier's ticker if there is one; it is
    /// saved like typed text, a moment later.
    pub(super) fn new_thesis(&mut self) {
        let symbol = match &self.pane {
            Pane::Dossier(view) => Some(view.symbol.clone()),
            _ => None,
        };
        if !self.leave_editor() {
            return;
        }
        self.remember_place();
        let (title, body) = crate::model::thesis_template(symbol.as_ref(), chrono::Local::now().date_naive());
        let mut editor = NoteEditor::new_note();
        editor.title = title;
        editor.body = crate::ui::note::body::Body::new(body);
        editor.focus_title = false;
        editor.body_edited(self.ctx.input(|i| i.time));
        self.editor = Some(editor);
        self.pane = Pane::Note;
    }

    pub(super) fn open_dossier(&mut self, symbol: &Symbol) {
        if !self.leave_editor() {
            return;
        }
        self.remember_place();
        self.show_dossier(symbol);
    }

    pub(super) fn show_dossier(&mut self, symbol: &Symbol) {
        let view = DossierView::loading(symbol.clone());
        self.worker.send(Request::Dossier { symbol: symbol.clone(), limits: view.limits });
        self.pane = Pane::Dossier(view);
    }

    pub(super) fn open_source(&mut self, id: i64) {
        if !self.leave_editor() {
            return;
        }
        self.remember_place();
        self.show_source(id);
    }

    pub(super) fn show_source(&mut self, id: i64) {
        let mut view = SourceView::loading(id);
        view.last_note = self.editor.as_ref().filter(|e| !e.is_trashed()).and_then(|e| {
            Some((e.id?, if e.title.trim().is_empty() { "Untitled".to_owned() } else { e.title.clone() }))
        });
        self.pane = Pane::Source(view);
        self.worker.send(Request::Source { id, known: None });
    }

    /// Re-reads what depends on the data after a write: the search (when `membership` changed,
    /// i.e. notes appeared or went), the sidebar, and the open dossier or source.
    pub(super) fn refresh(&mut self, membership: bool, note: Option<NoteId>) {
        if membership && self.in_sources() {
            // The notes' results are searched again when the scope switches back.
            let text = self.source_results.text.clone();
            self.run_search(text, false);
        } else if membership {
            let text = self.results.text.clone();
            let generation = self.results.generation;
            self.worker.interrupt_search();
            self.results.start(text.clone());
            self.worker.stop_counts_before(self.results.generation);
            self.results.keep_rows_from(generation);
            self.worker.send(Request::Search { generation: self.results.generation, text });
        } else if let Some(id) = note {
            self.results.invalidate(id);
        }
        self.worker.send(Request::Sidebar);
        match &self.pane {
            Pane::Dossier(view) => {
                self.worker.send(Request::Dossier { symbol: view.symbol.clone(), limits: view.limits });
            }
            Pane::Source(view) => {
                let (id, known) = (view.id, view.document_id());
                self.worker.send(Request::Source { id, known });
            }
            Pane::Claimants(_) => self.worker.send(Request::Claimants),
            _ => {}
        }
    }
}
