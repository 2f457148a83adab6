//! The app: all state, the frame loop, and [`JevonsApp::apply`], the only code that writes to the
//! store. Views draw from this state and return [`Action`]s; slow reads go to the [`Worker`] and
//! come back as replies that refresh the cached view data.
//!
//! A frame: take the worker's replies, run timers (autosave, change polling), read shortcuts,
//! draw, then apply what the views asked for. Nothing in the drawing code touches the database.

mod files;
mod names;
mod searching;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::action::Action;
use super::backups::Backups;
use super::claim_form::{ClaimForm, SourcePick};
use super::dossier::{DossierView, MORE_CLAIMS};
use super::editor::{BodyMode, Conflict, NoteEditor};
use super::results::Results;
use super::revisions::RevisionsView;
use super::search_box::SearchBox;
use super::sidebar::Sidebar;
use super::source::SourceView;
use super::toasts::{Toast, Toasts};
use super::transfer::{Transfer, TransferAction};
use super::worker::{Reply, Request, Worker};
use super::{
    dialogs, dossier, help, links, note, results, sidebar, source, startup, status, theme, toasts, transfer_ui,
};
use crate::extract::ClaimSuggestion;
use crate::model::{Claim, ClaimDraft, NoteDraft, NoteEdit, NoteId, Symbol, TagName};
use crate::query::{self, TermKind};
use crate::store::{Store, StoreError, WriteTurns};

/// Where the app's settings live in eframe's storage.
const SETTINGS_KEY: &str = "jevons-settings";
/// How often the open note is checked for changes made elsewhere, in seconds.
const POLL_EVERY: f64 = 3.0;

/// What the app is started with.
#[derive(Debug, Clone, Default)]
pub struct AppConfig {
    /// The research database.
    pub db: PathBuf,
    /// Whether the user chose the database (`--db`, `JEVONS_DB`, or opened another): the window
    /// then names it; the default one goes unnamed.
    pub chosen_db: bool,
    /// Open this ticker's dossier at start (used for the README screenshot).
    pub open_ticker: Option<String>,
    /// Run this search at start instead of the remembered one.
    pub query: Option<String>,
    /// Ignore remembered settings (tests, screenshots).
    pub fresh: bool,
    /// Start in this theme instead of the remembered one.
    pub theme: Option<ThemeChoice>,
    /// Make the daily automatic backup when an existing database opens (the app does; tests and
    /// benchmarks leave it off unless they test it).
    pub daily_backup: bool,
}

/// Remembered between runs (in eframe's storage, not in the research database).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    pub body_mode: BodyMode,
    /// The database the last note belongs to.
    pub last_db: Option<PathBuf>,
    pub last_note: Option<NoteId>,
    pub last_query: String,
    /// What was imported last (the import form starts there).
    pub last_import: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    /// `light`, `dark` or `system`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Some(ThemeChoice::Light),
            "dark" => Some(ThemeChoice::Dark),
            "system" => Some(ThemeChoice::System),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "System theme",
            ThemeChoice::Light => "Light theme",
            ThemeChoice::Dark => "Dark theme",
        }
    }

    fn next(self) -> Self {
        match self {
            ThemeChoice::System => ThemeChoice::Light,
            ThemeChoice::Light => ThemeChoice::Dark,
            ThemeChoice::Dark => ThemeChoice::System,
        }
    }

    fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The database connection the app writes with, once the worker has opened (or created) it.
pub enum Database {
    Opening { since: Instant },
    Failed { message: String, path_input: String },
    Ready(Box<Store>),
}

/// What the right-hand pane shows.
pub enum Pane {
    Empty,
    Note,
    Dossier(DossierView),
    Source(SourceView),
}

/// A place to go back to with Esc.
#[derive(Debug, Clone, PartialEq)]
enum Place {
    Note(NoteId),
    Dossier(String),
    Source(i64),
}

/// A question the app is waiting on.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Purge(NoteId, String),
    EmptyTrash(u64),
    /// Closing the window, but the note could not be saved.
    CloseFailed(String),
    /// Closing the window while an import, export or backup runs ("An import").
    CloseWhileRunning(&'static str),
}

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

pub struct JevonsApp {
    ctx: egui::Context,
    config: AppConfig,
    pub(crate) db: Database,
    worker: Worker,
    pub(crate) settings: Settings,
    pub(crate) search: SearchBox,
    pub(crate) results: Results,
    pub(crate) sidebar: Sidebar,
    pub(crate) editor: Option<NoteEditor>,
    pub(crate) pane: Pane,
    history: Vec<Place>,
    pub(crate) toasts: Toasts,
    pub(crate) dialog: Option<Dialog>,
    /// An error to show until dismissed (a failed write, a failed read).
    pub(crate) error: Option<String>,
    pub(crate) help: bool,
    pub(crate) completions: Completions,
    /// Claims deleted with an undo offered, by toast id.
    deleted_claims: Vec<(u64, Claim)>,
    next_poll: f64,
    /// Links a view asked to open that were not http/https (kept for the tests and the toast).
    pub(crate) refused_links: Vec<String>,
    /// Links asked for, handed to egui in the next frame (then checked by `guard_links`).
    links_to_open: Vec<String>,
    /// Applied actions that the next frame should show.
    queued: Vec<Action>,
    /// Numbers the requests to read the open note's text (only the answer to the last counts).
    analysis_ticket: u64,
    closing: bool,
    /// The File menu's import, export or backup, and its window.
    pub(crate) transfer: Transfer,
    /// Where backups go and how much room they take (File menu), and the daily backup.
    pub(crate) backups: Backups,
    /// Shared with the File menu's jobs: the app's saves go before their next batch.
    turns: WriteTurns,
    /// A search held back while the query changes faster than searches answer.
    waiting_search: Option<searching::Waiting>,
}

impl JevonsApp {
    /// The app over `config.db`, as eframe creates it (settings come from its storage).
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        let settings = match cc.storage {
            Some(storage) if !config.fresh => eframe::get_value(storage, SETTINGS_KEY).unwrap_or_default(),
            _ => Settings::default(),
        };
        Self::with_settings(&cc.egui_ctx, config, settings)
    }

    /// The app with given settings: for tests and benchmarks, which drive it without eframe.
    /// Opening the database happens on the worker; the first frame only shows that it is opening.
    pub fn with_settings(ctx: &egui::Context, config: AppConfig, mut settings: Settings) -> Self {
        if let Some(theme) = config.theme {
            settings.theme = theme;
        }
        theme::install(ctx);
        ctx.set_theme(settings.theme.preference());
        let mut worker = Worker::start(config.db.clone(), ctx.clone());
        worker.send(Request::Open);
        Self {
            ctx: ctx.clone(),
            config,
            db: Database::Opening { since: Instant::now() },
            worker,
            settings,
            search: SearchBox::default(),
            results: Results::default(),
            sidebar: Sidebar::default(),
            editor: None,
            pane: Pane::Empty,
            history: Vec::new(),
            toasts: Toasts::default(),
            dialog: None,
            error: None,
            help: false,
            completions: Completions::default(),
            deleted_claims: Vec::new(),
            next_poll: 0.0,
            refused_links: Vec::new(),
            links_to_open: Vec::new(),
            queued: Vec::new(),
            analysis_ticket: 0,
            closing: false,
            transfer: Transfer::Closed,
            backups: Backups::default(),
            turns: WriteTurns::default(),
            waiting_search: None,
        }
    }

    /// Runs one frame into `ui` (what [`eframe::App::ui`] does; public for benchmarks).
    pub fn frame(&mut self, ui: &mut Ui) {
        self.receive();
        let now = ui.input(|i| i.time);
        self.tick(now);
        let mut actions = std::mem::take(&mut self.queued);
        self.shortcuts(ui.ctx(), &mut actions);
        match &mut self.db {
            Database::Opening { since } => startup::opening_ui(ui, &self.config.db, since.elapsed()),
            Database::Failed { message, path_input } => {
                startup::failed_ui(ui, &self.config.db, message, path_input, &mut actions);
            }
            Database::Ready(_) => self.draw(ui, now, &mut actions),
        }
        for action in actions {
            self.apply(action);
        }
        for url in self.links_to_open.drain(..) {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
        }
        self.guard_links(ui.ctx());
        self.handle_close(ui.ctx());
    }

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
            Pane::Dossier(view) => Some(&view.symbol),
            _ => None,
        }
    }

    /// The open dossier's data once it has arrived (tests look at its comparisons).
    pub fn dossier_data(&self) -> Option<&super::dossier_data::DossierData> {
        match &self.pane {
            Pane::Dossier(view) => view.data.as_deref(),
            _ => None,
        }
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

    // ----------------------------------------------------------------------------------------
    // Worker replies

    fn receive(&mut self) {
        while let Some(reply) = self.worker.try_recv() {
            self.handle(reply);
        }
        self.poll_transfer();
        self.poll_auto_backup();
    }

    fn handle(&mut self, reply: Reply) {
        match reply {
            Reply::Opened { created, .. } => self.opened(created),
            Reply::OpenFailed { message } => {
                let path_input = self.config.db.display().to_string();
                self.db = Database::Failed { message, path_input };
            }
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
            Reply::Rows { generation, result } => match result {
                Ok(rows) if generation == self.results.generation => self.results.rows_arrived(rows),
                Err(message) if generation == self.results.generation => {
                    self.error = Some(format!("Cannot read result rows: {message}"));
                }
                _ => {}
            },
            Reply::Sidebar(result) => match result {
                Ok(data) => self.sidebar.set(data),
                Err(message) => self.error = Some(format!("Cannot read tickers, tags and sources: {message}")),
            },
            Reply::Dossier { symbol, result } => {
                if let Pane::Dossier(view) = &mut self.pane
                    && view.symbol == symbol.as_str()
                {
                    view.arrived(result);
                }
            }
            Reply::Source { id, result } => {
                if let Pane::Source(view) = &mut self.pane
                    && view.id == id
                {
                    view.arrived(result);
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
            Reply::LexiconForgotten => {}
            // Merged a step: go on until nothing is left (a failure, such as a read-only file,
            // only leaves the index slower to search).
            Reply::IndexTidied(Ok(true)) => self.worker.send(Request::TidyIndex),
            Reply::IndexTidied(_) => {}
            Reply::Skipped(Request::Rows { generation, ids, .. }) if generation == self.results.generation => {
                self.results.forget_requested(&ids);
            }
            Reply::Skipped(Request::More { generation, .. }) if generation == self.results.generation => {
                self.results.forget_more();
            }
            Reply::Skipped(_) => {}
        }
    }

    /// The worker opened the database: open the writing connection and show what was open last.
    /// A database that existed before (`created` false) gets its daily backup, off the frame.
    fn opened(&mut self, created: bool) {
        match Store::open(&self.config.db) {
            Ok(mut store) => {
                store.write_first(&self.turns);
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
        if let Some(symbol) = self.config.open_ticker.clone() {
            self.open_dossier(&symbol);
        } else if same_db
            && !self.config.fresh
            && let Some(id) = self.settings.last_note
        {
            self.open_note_by_id(id, false);
        }
    }

    fn version_arrived(&mut self, note: NoteId, result: Result<i64, String>) {
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
    fn changed_elsewhere(&mut self, id: NoteId) {
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

    // ----------------------------------------------------------------------------------------
    // Timers and keys

    fn tick(&mut self, now: f64) {
        self.send_waiting_search();
        self.ask_for_analysis(now);
        self.ask_for_link_candidates();
        if let Some(editor) = &self.editor {
            if editor.autosave_due(now) {
                self.save_editor(false);
            } else if let Some(at) = editor.next_autosave() {
                self.ctx.request_repaint_after(Duration::from_secs_f64((at - now).max(0.01)));
            }
        }
        let focused_again = self.ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::WindowFocused(true))));
        if let Some(id) = self.open_note() {
            if now >= self.next_poll || focused_again {
                self.worker.send(Request::Version { note: id });
                self.next_poll = now + POLL_EVERY;
            }
            self.ctx.request_repaint_after(Duration::from_secs_f64((self.next_poll - now).max(0.05)));
        }
        self.toasts.expire(now);
        if let Some(until) = self.toasts.next_expiry() {
            self.ctx.request_repaint_after(Duration::from_secs_f64((until - now).max(0.05)));
        }
    }

    /// Sends the open note's body to be read, a short while after typing stopped; until then,
    /// wakes up when it is due.
    fn ask_for_analysis(&mut self, now: f64) {
        if !self.is_ready() {
            return;
        }
        let Some(editor) = &mut self.editor else { return };
        if !editor.analysis.wants(editor.body_version) {
            return;
        }
        if editor.analysis_due(now) {
            self.analysis_ticket += 1;
            editor.analysis.asked(self.analysis_ticket, editor.body_version);
            self.worker.send(Request::Analyse { ticket: self.analysis_ticket, text: editor.body.text() });
        } else {
            let wait = (editor.edited_at + super::analysis::ANALYSE_AFTER - now).max(0.01);
            self.ctx.request_repaint_after(Duration::from_secs_f64(wait));
        }
    }

    /// Asks for the claims the open claim form may link to when its tickers changed.
    fn ask_for_link_candidates(&mut self) {
        let Some(form) = self.editor.as_mut().and_then(|e| e.claim_form.as_mut()) else { return };
        let symbols = form.symbols();
        if form.candidates_for.as_ref() != Some(&symbols) {
            form.candidates_for = Some(symbols.clone());
            if !symbols.is_empty() {
                self.worker.send(Request::LinkCandidates { symbols });
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if !self.is_ready() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let in_search = ctx.memory(|m| m.has_focus(super::search_box::search_id()));
        let popup_open = self.search.popup_open;
        ctx.input_mut(|i| {
            let command = |i: &mut egui::InputState, mods: Modifiers, key: Key| {
                i.consume_shortcut(&KeyboardShortcut::new(mods, key))
            };
            if command(i, Modifiers::COMMAND | Modifiers::SHIFT, Key::C) {
                actions.push(Action::NewClaim);
            }
            if command(i, Modifiers::COMMAND | Modifiers::SHIFT, Key::I) {
                actions.push(Action::Transfer(TransferAction::ShowImport));
            }
            if command(i, Modifiers::COMMAND | Modifiers::SHIFT, Key::E) {
                actions.push(Action::Transfer(TransferAction::ShowExport));
            }
            if command(i, Modifiers::COMMAND, Key::N) {
                actions.push(Action::NewNote);
            }
            if command(i, Modifiers::COMMAND, Key::F) || command(i, Modifiers::COMMAND, Key::K) {
                actions.push(Action::FocusSearch);
            }
            if command(i, Modifiers::COMMAND, Key::S) {
                actions.push(Action::SaveNow);
            }
            if command(i, Modifiers::NONE, Key::F1) {
                actions.push(Action::ToggleHelp);
            }
            if !typing {
                let before = i.events.len();
                i.events.retain(|e| !matches!(e, egui::Event::Text(t) if t == "?"));
                if i.events.len() != before {
                    actions.push(Action::ToggleHelp);
                }
            }
            if (!typing || in_search) && !popup_open {
                if command(i, Modifiers::NONE, Key::ArrowDown) {
                    actions.push(Action::MoveSelection(1));
                }
                if command(i, Modifiers::NONE, Key::ArrowUp) {
                    actions.push(Action::MoveSelection(-1));
                }
            }
            if !typing && command(i, Modifiers::NONE, Key::Enter) {
                actions.push(Action::OpenSelected);
            }
            if !typing && command(i, Modifiers::NONE, Key::Escape) {
                actions.push(Action::Back);
            }
        });
    }

    // ----------------------------------------------------------------------------------------
    // Drawing

    fn draw(&mut self, ui: &mut Ui, now: f64, actions: &mut Vec<Action>) {
        let saving = status::SaveState::of(self.editor.as_ref());
        egui::Panel::top("top").frame(status::bar_frame(ui)).show(ui, |ui| {
            let busy = self.transfer.is_running();
            let backups = self.backups.summary.as_ref();
            status::top_ui(ui, &self.config.db, self.config.chosen_db, self.settings.theme, (busy, backups), actions);
        });
        egui::Panel::bottom("status").frame(status::bar_frame(ui)).show(ui, |ui| {
            status::bottom_ui(ui, &self.results, &self.sidebar, saving, self.error.as_deref(), actions);
        });
        egui::Panel::left("sidebar").resizable(true).default_size(250.0).size_range(180.0..=460.0).show(ui, |ui| {
            let current = sidebar::Current {
                symbol: match &self.pane {
                    Pane::Dossier(view) => Some(view.symbol.as_str()),
                    _ => None,
                },
                source: match &self.pane {
                    Pane::Source(view) => Some(view.id),
                    _ => None,
                },
            };
            sidebar::sidebar_ui(
                ui,
                &mut self.search,
                &self.sidebar,
                &self.completions,
                &self.results,
                &current,
                actions,
            );
        });
        let mut visible = 0..0;
        egui::Panel::left("results").resizable(true).default_size(380.0).size_range(260.0..=760.0).show(ui, |ui| {
            visible = results::results_ui(ui, &mut self.results, actions);
        });
        egui::CentralPanel::default().frame(egui::Frame::central_panel(ui.style()).inner_margin(12)).show(ui, |ui| {
            match &mut self.pane {
                Pane::Empty => note::empty_ui(ui, &self.sidebar, actions),
                Pane::Note => match &mut self.editor {
                    Some(editor) => {
                        let context = note::NoteContext {
                            tags: &self.sidebar.data.tags,
                            sources: &self.sidebar.data.sources,
                            completions: &self.completions,
                            body_mode: self.settings.body_mode,
                            now,
                        };
                        note::note_ui(ui, editor, &context, actions);
                    }
                    None => note::empty_ui(ui, &self.sidebar, actions),
                },
                Pane::Dossier(view) => dossier::dossier_ui(ui, view, actions),
                Pane::Source(view) => source::source_ui(ui, view, actions),
            }
        });
        self.fetch_rows(visible);
        if self.help {
            help::help_ui(ui.ctx(), actions);
        }
        transfer_ui::transfer_ui(ui.ctx(), &mut self.transfer, actions);
        if self.transfer.is_running() {
            // The elapsed seconds tick even when no progress arrives.
            ui.ctx().request_repaint_after(Duration::from_secs(1));
        }
        if let Some(dialog) = &self.dialog {
            dialogs::dialog_ui(ui.ctx(), dialog, actions);
        }
        toasts::toasts_ui(ui.ctx(), &self.toasts, actions);
    }

    /// Lets only http and https links reach the system browser; says so when one is refused.
    fn guard_links(&mut self, ctx: &egui::Context) {
        let mut refused = Vec::new();
        ctx.output_mut(|o| {
            o.commands.retain(|c| match c {
                egui::OutputCommand::OpenUrl(open) if !links::is_web_link(&open.url) => {
                    refused.push(open.url.clone());
                    false
                }
                _ => true,
            });
        });
        for url in refused {
            self.toasts.push(Toast::info(format!(
                "Not opened: {} (only http and https links open, in your browser)",
                links::shortened(&url, 60)
            )));
            self.refused_links.push(url);
        }
    }

    fn handle_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.closing {
            return;
        }
        if !self.save_editor(false) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            let why = self
                .editor
                .as_ref()
                .and_then(|e| e.save_error.clone())
                .unwrap_or_else(|| "the note changed elsewhere; choose which version to keep".to_owned());
            self.dialog = Some(Dialog::CloseFailed(why));
        } else if let Transfer::Running(running) = &self.transfer {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::CloseWhileRunning(running.job.noun()));
        }
    }

    // ----------------------------------------------------------------------------------------
    // Actions

    /// Carries out one action. The only place that writes to the store.
    pub fn apply(&mut self, action: Action) {
        self.ctx.request_repaint();
        match action {
            Action::Search(text) => {
                if text != self.results.text || self.results.error.is_some() {
                    self.run_search(text, true);
                }
            }
            Action::SearchFor(text) => {
                self.search.text = text.clone();
                self.run_search(text, true);
            }
            Action::SelectResult { row, open } => {
                self.results.select(row);
                if open && let Some(&id) = self.results.ids.get(row) {
                    self.open_note_by_id(id, true);
                }
            }
            Action::MoveSelection(delta) => {
                if let Some(row) = self.results.step(delta) {
                    self.results.select(row);
                    self.results.scroll_to_selected = true;
                }
            }
            Action::OpenSelected => {
                if let Some(id) = self.results.selected.and_then(|row| self.results.ids.get(row).copied()) {
                    self.open_note_by_id(id, true);
                }
            }
            Action::OpenNote(id) => self.open_note_by_id(id, true),
            Action::OpenDossier(symbol) => self.open_dossier(&symbol),
            Action::MoreDossierClaims => {
                if let Pane::Dossier(view) = &mut self.pane
                    && let Ok(symbol) = Symbol::parse(&view.symbol)
                {
                    view.limits.claims += MORE_CLAIMS;
                    self.worker.send(Request::Dossier { symbol, limits: view.limits });
                }
            }
            Action::OpenSource(id) => self.open_source(id),
            Action::ShowTrash => {
                self.search.text = "is:trash".to_owned();
                self.run_search("is:trash".to_owned(), true);
            }
            Action::Back => self.back(),
            Action::NewNote => self.new_note(),
            Action::FocusSearch => {
                self.ctx.memory_mut(|m| m.request_focus(super::search_box::search_id()));
            }
            Action::SaveNow => {
                self.save_editor(true);
            }
            Action::AddTag(text) => self.add_tag(&text),
            Action::RemoveTag(name) => match TagName::parse(&name) {
                Ok(tag) => self.edit_links(NoteEdit { remove_tags: vec![tag], ..NoteEdit::default() }),
                Err(e) => self.error = Some(e.0),
            },
            Action::AddTicker(text) => self.add_ticker(&text),
            Action::RemoveTicker(symbol) => match Symbol::parse(&symbol) {
                Ok(symbol) => self.edit_links(NoteEdit { remove_tickers: vec![symbol], ..NoteEdit::default() }),
                Err(e) => self.error = Some(e.0),
            },
            Action::TrashNote(id) => self.trash(id),
            Action::RestoreNote(id) => self.restore(id),
            Action::AskPurge(id) => {
                let title = self.editor.as_ref().map(|e| e.title_or_untitled().to_owned()).unwrap_or_default();
                self.dialog = Some(Dialog::Purge(id, title));
            }
            Action::PurgeNote(id) => self.purge(id),
            Action::AskEmptyTrash => self.dialog = Some(Dialog::EmptyTrash(self.sidebar.data.trashed)),
            Action::EmptyTrash => self.empty_trash(),
            Action::CloseDialog => self.dialog = None,
            Action::NewClaim => self.new_claim(None),
            Action::ClaimFromSuggestion(suggestion) => self.new_claim(Some(&suggestion)),
            Action::ShowClaimsTab(tab) => {
                if let Some(editor) = &mut self.editor {
                    editor.claims_tab = tab;
                }
            }
            Action::EditClaim(id) => self.edit_claim(id),
            Action::CancelClaim => {
                if let Some(editor) = &mut self.editor {
                    editor.claim_form = None;
                }
            }
            Action::SubmitClaim => self.submit_claim(),
            Action::DeleteClaim(id) => self.delete_claim(id),
            Action::UndoDeleteClaim(toast) => self.undo_delete_claim(toast),
            Action::ToggleRevisions => self.toggle_revisions(),
            Action::SelectRevision(id) => {
                if let Some(view) = self.editor.as_mut().and_then(|e| e.revisions.as_mut()) {
                    view.selected = Some(id);
                }
            }
            Action::RestoreRevision(id) => self.restore_revision(id),
            Action::KeepMine => self.keep_mine(),
            Action::TakeTheirs => self.take_theirs(),
            Action::KeepBoth => self.keep_both(),
            Action::OpenLink(url) => {
                // Handed to egui in the frame; `guard_links` then lets only web links through.
                self.links_to_open.push(url);
            }
            Action::SetBodyMode(mode) => self.settings.body_mode = mode,
            Action::CycleTheme => {
                self.settings.theme = self.settings.theme.next();
                self.ctx.set_theme(self.settings.theme.preference());
            }
            Action::ToggleHelp => self.help = !self.help,
            Action::DismissToast(id) => self.toasts.dismiss(id),
            Action::DismissError => self.error = None,
            Action::OpenDatabase(path) => self.reopen(path),
            Action::CloseAnyway => {
                if let Transfer::Running(running) = &self.transfer {
                    running.cancel();
                }
                self.closing = true;
                self.dialog = None;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::Transfer(action) => self.apply_transfer(action),
            Action::Names(action) => self.apply_names(action),
            Action::CompleteTicker(typed) => {
                let typed = typed.trim().trim_start_matches('$').to_owned();
                if !typed.is_empty() && typed != self.completions.asked {
                    self.completions.asked = typed.clone();
                    self.worker.send(Request::Complete { typed });
                }
            }
        }
    }

    fn reopen(&mut self, path: PathBuf) {
        self.ctx.send_viewport_cmd(egui::ViewportCommand::Title(window_title(&path, true)));
        self.config.db = path.clone();
        self.config.chosen_db = true;
        self.db = Database::Opening { since: Instant::now() };
        self.worker = Worker::start(path, self.ctx.clone());
        self.worker.send(Request::Open);
        self.editor = None;
        self.pane = Pane::Empty;
        self.history.clear();
        self.results = Results::default();
        self.waiting_search = None;
        self.sidebar = Sidebar::default();
        self.backups.summary = None;
    }

    /// Remembers where we are, for Esc.
    fn remember_place(&mut self) {
        let place = match &self.pane {
            Pane::Note => self.open_note().map(Place::Note),
            Pane::Dossier(view) => Some(Place::Dossier(view.symbol.clone())),
            Pane::Source(view) => Some(Place::Source(view.id)),
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

    fn back(&mut self) {
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
            }
            return;
        }
    }

    /// Leaves the current note (saving it). Returns false, with the reason shown, when what was
    /// typed could not be stored: the editor then stays.
    fn leave_editor(&mut self) -> bool {
        if self.save_editor(false) {
            return true;
        }
        self.pane = Pane::Note;
        if self.error.is_none() {
            self.error = Some("Resolve the conflict in this note before leaving it.".to_owned());
        }
        false
    }

    fn open_note_by_id(&mut self, id: NoteId, remember: bool) {
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

    fn new_note(&mut self) {
        if !self.leave_editor() {
            return;
        }
        self.remember_place();
        self.editor = Some(NoteEditor::new_note());
        self.pane = Pane::Note;
    }

    fn open_dossier(&mut self, symbol: &str) {
        if !self.leave_editor() {
            return;
        }
        self.remember_place();
        self.show_dossier(symbol);
    }

    fn show_dossier(&mut self, symbol: &str) {
        match Symbol::parse(symbol) {
            Ok(symbol) => {
                let view = DossierView::loading(symbol.to_string());
                self.worker.send(Request::Dossier { symbol, limits: view.limits });
                self.pane = Pane::Dossier(view);
            }
            Err(e) => self.error = Some(e.0),
        }
    }

    fn open_source(&mut self, id: i64) {
        if !self.leave_editor() {
            return;
        }
        self.remember_place();
        self.show_source(id);
    }

    fn show_source(&mut self, id: i64) {
        self.pane = Pane::Source(SourceView::loading(id));
        self.worker.send(Request::Source { id });
    }

    /// Re-reads what depends on the data after a write: the search (when `membership` changed,
    /// i.e. notes appeared or went), the sidebar, and the open dossier or source.
    fn refresh(&mut self, membership: bool, note: Option<NoteId>) {
        if membership {
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
                if let Ok(symbol) = Symbol::parse(&view.symbol) {
                    self.worker.send(Request::Dossier { symbol, limits: view.limits });
                }
            }
            Pane::Source(view) => {
                let id = view.id;
                self.worker.send(Request::Source { id });
            }
            _ => {}
        }
    }

    /// Saves the open note if anything typed is pending. Returns whether everything typed is now
    /// stored (false after a failed save or with an unresolved conflict, the text kept).
    fn save_editor(&mut self, explicit: bool) -> bool {
        let now = self.ctx.input(|i| i.time);
        let Database::Ready(store) = &mut self.db else { return true };
        let Some(editor) = self.editor.as_mut() else { return true };
        if editor.conflict.is_some() {
            return false;
        }
        if !editor.dirty {
            if explicit {
                self.toasts.push(Toast::info("Nothing to save: everything is stored."));
            }
            return true;
        }
        let body = editor.body.text();
        let Some(id) = editor.id else {
            if editor.title.trim().is_empty() && body.trim().is_empty() {
                return true;
            }
            let draft = NoteDraft::new(editor.title.clone(), body);
            return match store.create_note(&draft).and_then(|id| store.note(id)) {
                Ok(note) => {
                    let id = note.id;
                    editor.id = Some(id);
                    editor.base = Some(note);
                    editor.saved();
                    editor.detect();
                    self.settings.last_note = Some(id);
                    self.settings.last_db = Some(self.config.db.clone());
                    self.refresh(true, Some(id));
                    true
                }
                Err(err) => {
                    editor.save_failed(save_failed(&err), now);
                    false
                }
            };
        };
        let before = editor.base.as_ref().map(|n| (n.tickers.clone(), n.tags.clone()));
        let mut edit = NoteEdit {
            title: Some(editor.title.clone()),
            body: Some(body),
            expected_version: editor.base.as_ref().map(|n| n.version),
            ..NoteEdit::default()
        };
        let mut result = store.edit_note(id, &edit);
        if let Err(StoreError::Conflict { found, .. }) = result {
            // Changed elsewhere since we loaded it: if only its links changed, save over it.
            match store.note(id) {
                Ok(theirs) if editor.same_text_as_base(&theirs) => {
                    edit.expected_version = Some(found);
                    result = store.edit_note(id, &edit);
                }
                Ok(theirs) => {
                    editor.conflict = Some(Conflict::Changed(Box::new(theirs)));
                    return false;
                }
                Err(err) => result = Err(err),
            }
        }
        match result {
            Ok(note) => {
                let links_changed = before.as_ref() != Some(&(note.tickers.clone(), note.tags.clone()));
                editor.base = Some(note);
                editor.saved();
                editor.detect();
                if explicit {
                    self.toasts.push(Toast::info("Saved."));
                }
                if links_changed {
                    self.refresh(false, Some(id));
                } else {
                    self.results.invalidate(id);
                }
                true
            }
            Err(StoreError::NoteNotFound(_)) => {
                editor.conflict = Some(Conflict::Deleted);
                false
            }
            Err(err) => {
                editor.save_failed(save_failed(&err), now);
                false
            }
        }
    }

    /// Makes sure the open note exists in the store (a new note is created, "Untitled" if it has
    /// no title yet), saving what was typed. Returns its id.
    fn ensure_saved_note(&mut self) -> Option<NoteId> {
        let editor = self.editor.as_mut()?;
        if editor.id.is_none() && editor.title.trim().is_empty() {
            editor.title = "Untitled".to_owned();
            editor.dirty = true;
        }
        if editor.id.is_none() {
            editor.dirty = true;
        }
        self.save_editor(false);
        self.open_note()
    }

    /// Applies a change of tags or tickers to the open note, saving typed text in the same write.
    fn edit_links(&mut self, mut edit: NoteEdit) {
        let Some(id) = self.ensure_saved_note() else { return };
        let Database::Ready(store) = &mut self.db else { return };
        let Some(editor) = self.editor.as_mut() else { return };
        if editor.conflict.is_some() {
            self.error = Some("Resolve the conflict in this note first.".to_owned());
            return;
        }
        edit.expected_version = editor.base.as_ref().map(|n| n.version);
        if editor.dirty {
            edit.title = Some(editor.title.clone());
            edit.body = Some(editor.body.text());
        }
        let mut result = store.edit_note(id, &edit);
        if let Err(StoreError::Conflict { found, .. }) = result {
            match store.note(id) {
                Ok(theirs) if editor.same_text_as_base(&theirs) => {
                    edit.expected_version = Some(found);
                    result = store.edit_note(id, &edit);
                }
                Ok(theirs) => {
                    editor.conflict = Some(Conflict::Changed(Box::new(theirs)));
                    return;
                }
                Err(err) => result = Err(err),
            }
        }
        match result {
            Ok(note) => {
                editor.base = Some(note);
                editor.saved();
                editor.detect();
                self.refresh(false, Some(id));
            }
            Err(err) => self.error = Some(save_failed(&err)),
        }
    }

    fn add_tag(&mut self, text: &str) {
        match TagName::parse(text) {
            Ok(tag) => {
                if let Some(editor) = &mut self.editor {
                    editor.tag_input.clear();
                }
                self.edit_links(NoteEdit { add_tags: vec![tag], ..NoteEdit::default() });
            }
            Err(e) => self.error = Some(e.0),
        }
    }

    fn add_ticker(&mut self, text: &str) {
        // The field completes "NVDA  NVIDIA CORP"; only the symbol counts.
        let symbol = text.split_whitespace().next().unwrap_or_default();
        match Symbol::parse(symbol) {
            Ok(symbol) => {
                if let Some(editor) = &mut self.editor {
                    editor.ticker_input.clear();
                }
                self.edit_links(NoteEdit { add_tickers: vec![symbol], ..NoteEdit::default() });
            }
            Err(e) => self.error = Some(e.0),
        }
    }

    fn trash(&mut self, id: NoteId) {
        if self.open_note() == Some(id) && !self.save_editor(false) {
            return;
        }
        let Database::Ready(store) = &mut self.db else { return };
        let title = store.note(id).map(|n| n.title).unwrap_or_default();
        match store.trash_note(id) {
            Ok(()) => {
                if self.open_note() == Some(id) {
                    self.editor = None;
                    self.pane = Pane::Empty;
                }
                let title = if title.trim().is_empty() { "Untitled".to_owned() } else { title };
                self.toasts.push(Toast::undo(format!("Moved “{title}” to the trash."), Action::RestoreNote(id)));
                self.refresh(true, Some(id));
            }
            Err(err) => self.error = Some(format!("Cannot move the note to the trash: {err}")),
        }
    }

    fn restore(&mut self, id: NoteId) {
        let Database::Ready(store) = &mut self.db else { return };
        match store.restore_note(id) {
            Ok(()) => {
                self.toasts.push(Toast::info("Restored from the trash."));
                self.refresh(true, Some(id));
                if self.open_note() == Some(id) {
                    self.changed_elsewhere(id);
                } else {
                    self.open_note_by_id(id, true);
                }
            }
            Err(err) => self.error = Some(format!("Cannot restore the note: {err}")),
        }
    }

    fn purge(&mut self, id: NoteId) {
        self.dialog = None;
        let Database::Ready(store) = &mut self.db else { return };
        match store.purge_note(id) {
            Ok(()) => {
                if self.open_note() == Some(id) {
                    self.editor = None;
                    self.pane = Pane::Empty;
                }
                self.toasts.push(Toast::info("Deleted for good."));
                self.refresh(true, None);
            }
            Err(err) => self.error = Some(format!("Cannot delete the note: {err}")),
        }
    }

    fn empty_trash(&mut self) {
        self.dialog = None;
        let Database::Ready(store) = &mut self.db else { return };
        match store.empty_trash() {
            Ok(count) => {
                if self.editor.as_ref().is_some_and(NoteEditor::is_trashed) {
                    self.editor = None;
                    self.pane = Pane::Empty;
                }
                self.toasts.push(Toast::info(format!("Deleted {} notes for good.", theme::count(count))));
                self.refresh(true, None);
            }
            Err(err) => self.error = Some(format!("Cannot empty the trash: {err}")),
        }
    }

    /// Opens the claim form for a new claim: empty, or filled in from a suggestion.
    fn new_claim(&mut self, suggestion: Option<&ClaimSuggestion>) {
        if !matches!(self.pane, Pane::Note) || self.editor.as_ref().is_none_or(NoteEditor::is_trashed) {
            return;
        }
        let Some(id) = self.ensure_saved_note() else { return };
        if let Some(editor) = &mut self.editor {
            let note = editor.base.as_ref();
            let mut form = match suggestion {
                Some(suggestion) => {
                    ClaimForm::from_suggestion(id, suggestion, note.map_or(&[], |n| n.sources.as_slice()))
                }
                None => ClaimForm::new(id, &editor.ticker_chips()),
            };
            form.add_candidates(note.map(|n| n.claims.clone()).unwrap_or_default());
            editor.claim_form = Some(form);
        }
    }

    fn edit_claim(&mut self, claim: i64) {
        let Some(editor) = &mut self.editor else { return };
        let (Some(id), Some(base)) = (editor.id, &editor.base) else { return };
        if let Some(found) = base.claims.iter().find(|c| c.id == claim) {
            let mut form = ClaimForm::edit(found, id);
            form.add_candidates(base.claims.clone());
            editor.claim_form = Some(form);
        }
    }

    fn submit_claim(&mut self) {
        let Some(editor) = &mut self.editor else { return };
        let Some(form) = &mut editor.claim_form else { return };
        form.tried = true;
        let Ok(checked) = form.check() else { return };
        let Database::Ready(store) = &mut self.db else { return };
        let mut draft: ClaimDraft = checked.draft;
        if let Some(source) = &checked.new_source {
            match store.add_source(source) {
                Ok(id) => {
                    draft.sources.insert(0, (id, checked.quote.clone()));
                    // The source exists now: a second try must not add it again.
                    form.source = SourcePick::Existing(id);
                }
                Err(err) => {
                    form.store_error = Some(save_failed(&err));
                    return;
                }
            }
        }
        let result = store.save_claim(form.editing, draft, &form.outgoing());
        match result {
            Ok(_) => {
                let note = form.note;
                editor.claim_form = None;
                self.changed_elsewhere(note);
                self.refresh(false, Some(note));
            }
            Err(err) => form.store_error = Some(save_failed(&err)),
        }
    }

    fn delete_claim(&mut self, claim: i64) {
        let Database::Ready(store) = &mut self.db else { return };
        let found = store.claim(claim);
        match found.and_then(|c| store.delete_claim(claim).map(|()| c)) {
            Ok(deleted) => {
                let note = deleted.note_id;
                let toast = self.toasts.push(Toast::undo("Claim deleted.", Action::UndoDeleteClaim(0)));
                self.toasts.set_undo(toast, Action::UndoDeleteClaim(toast));
                self.deleted_claims.push((toast, deleted));
                if let Some(note) = note {
                    if self.open_note() == Some(note) {
                        self.changed_elsewhere(note);
                    }
                    self.refresh(false, Some(note));
                }
            }
            Err(err) => self.error = Some(format!("Cannot delete the claim: {err}")),
        }
    }

    fn undo_delete_claim(&mut self, toast: u64) {
        self.toasts.dismiss(toast);
        let Some(at) = self.deleted_claims.iter().position(|(t, _)| *t == toast) else { return };
        let (_, claim) = self.deleted_claims.remove(at);
        let Database::Ready(store) = &mut self.db else { return };
        let draft = ClaimDraft::from_claim(&claim);
        // The links it made come back with it (those to claims still there).
        let links: Vec<_> = claim.links.iter().filter(|l| l.outgoing).map(|l| (l.claim_id, l.kind)).collect();
        let result = store.save_claim(None, draft.clone(), &links).or_else(|_| store.add_claim(draft));
        match result {
            Ok(_) => {
                if let Some(note) = claim.note_id {
                    if self.open_note() == Some(note) {
                        self.changed_elsewhere(note);
                    }
                    self.refresh(false, Some(note));
                }
            }
            Err(err) => self.error = Some(format!("Cannot bring the claim back: {err}")),
        }
    }

    fn toggle_revisions(&mut self) {
        let Some(editor) = &mut self.editor else { return };
        let Some(id) = editor.id else { return };
        if editor.revisions.is_some() {
            editor.revisions = None;
        } else {
            editor.revisions = Some(RevisionsView::loading(id));
            self.worker.send(Request::Revisions { note: id });
        }
    }

    fn restore_revision(&mut self, revision: i64) {
        if !self.save_editor(false) {
            return;
        }
        let Database::Ready(store) = &mut self.db else { return };
        let Some(editor) = &mut self.editor else { return };
        let Some(id) = editor.id else { return };
        let expected = editor.base.as_ref().map(|n| n.version);
        match store.restore_revision(id, revision, expected) {
            Ok(note) => {
                editor.reload(note);
                editor.revisions = None;
                self.toasts.push(Toast::info("Restored that version; the text it replaced is kept in the history."));
                self.refresh(false, Some(id));
            }
            Err(StoreError::Conflict { .. }) => self.changed_elsewhere(id),
            Err(err) => self.error = Some(format!("Cannot restore that version: {err}")),
        }
    }

    /// Conflict: save the typed text over the other version (which stays in the history).
    fn keep_mine(&mut self) {
        let Some(editor) = &mut self.editor else { return };
        match editor.conflict.take() {
            Some(Conflict::Changed(theirs)) => {
                editor.base = Some(*theirs);
                editor.dirty = true;
                self.save_editor(true);
            }
            Some(Conflict::Deleted) => {
                editor.id = None;
                editor.base = None;
                editor.dirty = true;
                self.save_editor(true);
            }
            None => {}
        }
    }

    /// Conflict: drop the typed text and take the other version.
    fn take_theirs(&mut self) {
        let Some(editor) = &mut self.editor else { return };
        match editor.conflict.take() {
            Some(Conflict::Changed(theirs)) => editor.reload(*theirs),
            Some(Conflict::Deleted) => {
                self.editor = None;
                self.pane = Pane::Empty;
            }
            None => {}
        }
    }

    /// Conflict: take the other version here and keep the typed text as a new note.
    fn keep_both(&mut self) {
        let Database::Ready(store) = &mut self.db else { return };
        let Some(editor) = &mut self.editor else { return };
        let title = format!("{} (my copy)", editor.title_or_untitled());
        let draft = NoteDraft::new(title, editor.body.text());
        match store.create_note(&draft) {
            Ok(copy) => {
                match editor.conflict.take() {
                    Some(Conflict::Changed(theirs)) => editor.reload(*theirs),
                    _ => {
                        self.editor = None;
                        self.pane = Pane::Empty;
                    }
                }
                self.toasts.push(Toast::info("Your text was saved as a new note, “(my copy)”."));
                self.refresh(true, Some(copy));
            }
            Err(err) => self.error = Some(save_failed(&err)),
        }
    }
}

impl eframe::App for JevonsApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Last chance: the close request already saved, unless the user chose to close anyway.
        self.save_editor(false);
    }

    fn auto_save_interval(&self) -> Duration {
        Duration::from_secs(30)
    }
}

/// The symbol when a query is exactly one ticker (`$NVDA`, `ticker:NVDA`).
pub fn single_ticker(text: &str) -> Option<String> {
    let query = query::parse(text).ok()?;
    match query.clauses.as_slice() {
        [clause] => match clause.any.as_slice() {
            [term] if !term.negated => match &term.kind {
                TermKind::Ticker(symbol) => Some(symbol.to_string()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The window's title: `Jevons`, or `brazil — Jevons` for a database the user chose
/// (`brazil.db`), so two windows on two databases can be told apart.
pub fn window_title(db: &std::path::Path, chosen: bool) -> String {
    match db.file_stem().map(|s| s.to_string_lossy()) {
        Some(name) if chosen && !name.is_empty() => format!("{name} — Jevons"),
        _ => "Jevons".to_owned(),
    }
}

/// A failed write in words that say the text is safe.
fn save_failed(err: &StoreError) -> String {
    format!("Not saved: {err}. Your text is still here; Jevons will try again when you type or press Ctrl+S.")
}

#[cfg(test)]
mod tests {
    use super::single_ticker;

    #[test]
    fn the_window_is_named_after_a_chosen_database_only() {
        use super::window_title;
        use std::path::Path;
        assert_eq!(window_title(Path::new("/home/ana/research/brazil.db"), true), "brazil — Jevons");
        assert_eq!(window_title(Path::new("/home/ana/.local/share/jevons/jevons.db"), false), "Jevons");
    }

    #[test]
    fn a_query_that_is_one_ticker_opens_its_dossier() {
        assert_eq!(single_ticker("$NVDA").as_deref(), Some("NVDA"));
        assert_eq!(single_ticker(" ticker:brk.b ").as_deref(), Some("BRK-B"));
        for other in ["$NVDA #ai", "-$NVDA", "nvidia", "$NVDA OR $MSFT", ""] {
            assert_eq!(single_ticker(other), None, "{other}");
        }
    }
}
