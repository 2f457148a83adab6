//! The app shell: the state of the window, the frame loop, and [`JevonsApp::apply`], the only code
//! that changes the research, through [`crate::session`]. Views draw from this state and return
//! [`Action`]s; slow reads go to the [`Worker`] and come back as replies that refresh the cached
//! view data.
//!
//! A frame: take the worker's replies (`replies`), run timers (`timers`: autosave, change
//! polling), read shortcuts (`shortcuts`), draw (`draw`), then apply what the views asked for
//! (`apply`, handing each feature's actions to `navigation`, `note_writes`, `trash`, `claims`,
//! `versions`, `names`, `file_menu`, `searching`, `source_search`, `note_links`). Nothing in the
//! drawing code touches the database. `inspect` is what tests and benchmarks read of the app.

mod apply;
mod claimants;
mod claims;
mod draw;
mod encryption;
mod file_menu;
mod inspect;
mod journal;
mod names;
mod navigation;
mod note_links;
mod note_writes;
mod properties;
mod replies;
mod saved;
mod searching;
mod shortcuts;
mod source_documents;
mod source_search;
pub(crate) mod startup;
mod timers;
mod trash;
mod versions;

use crate::ui::claimants::state::ClaimantsView;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::Ui;

use crate::model::{Claim, NoteId, SourceId, Symbol};
use crate::query::{self, TermKind};
use crate::store::{Store, StoreError, WriteTurns};
use crate::ui::action::Action;
use crate::ui::dossier::view::DossierView;
use crate::ui::files::backups::Backups;
use crate::ui::files::state::Transfer;
use crate::ui::files::sync::SyncStatus;
use crate::ui::note::actions::BodyMode;
use crate::ui::note::state::NoteEditor;
use crate::ui::search::completions::Completions;
use crate::ui::search::results::Results;
use crate::ui::search::scope::Scope;
use crate::ui::search::search_box::SearchBox;
use crate::ui::search::sidebar::Sidebar;
use crate::ui::search::source_results::SourceResults;
use crate::ui::source::SourceView;
use crate::ui::widgets::dialogs::Dialog;
use crate::ui::widgets::theme::{self, ThemeChoice};
use crate::ui::widgets::toasts::Toasts;
use crate::ui::worker::Worker;

/// Where the app's settings live in eframe's storage.
const SETTINGS_KEY: &str = "jevons-settings";
/// How often the open note is checked for changes made elsewhere, in seconds.
pub(super) const POLL_EVERY: f64 = 3.0;

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
    /// What the search box searched last: the notes or the sources' documents.
    pub search_scope: Scope,
    /// What was imported last (the import form starts there).
    pub last_import: Option<String>,
    /// The price file imported last (File → Import prices… starts there).
    pub last_prices: Option<String>,
    /// Sync with the team's repository every so many minutes while the app is open (after a
    /// first sync remembered it); none: only when asked.
    pub sync_every_minutes: Option<u32>,
    /// The height of the note pane's claims and suggestions area under the body, in points, once
    /// the user has dragged the split between them (none: a share of the pane).
    pub claims_height: Option<f32>,
}

/// The database connection the app writes with, once the worker has opened (or created) it.
pub enum Database {
    /// `what` is known once the worker has looked at the file (a creation or an upgrade).
    Opening {
        since: Instant,
        what: Option<crate::database::Opening>,
    },
    Failed {
        message: String,
        path_input: String,
    },
    Ready(Box<Store>),
    /// An encrypted database waiting for its passphrase.
    Locked(crate::ui::files::passphrase::Unlock),
    /// The database being encrypted (File → Encrypt this database…).
    Encrypting(encryption::Encrypting),
}

/// What the right-hand pane shows.
pub enum Pane {
    Empty,
    Note,
    Dossier(DossierView),
    Source(SourceView),
    Claimants(ClaimantsView),
}

/// A place to go back to with Esc.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Place {
    Note(NoteId),
    Dossier(Symbol),
    Source(SourceId),
    Claimants,
}

pub struct JevonsApp {
    ctx: egui::Context,
    config: AppConfig,
    pub(crate) db: Database,
    worker: Worker,
    pub(crate) settings: Settings,
    pub(crate) search: SearchBox,
    pub(crate) results: Results,
    /// The matching pages of the sources' documents (the sources scope).
    pub(crate) source_results: SourceResults,
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
    /// When the next automatic sync is due (egui time, seconds), and whether the running job is one.
    next_auto_sync: f64,
    auto_sync_running: bool,
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
    /// The last team sync, for the status bar.
    pub(crate) sync_status: SyncStatus,
    /// Shared with the File menu's jobs: the app's saves go before their next batch.
    turns: WriteTurns,
    /// A search held back while the query changes faster than searches answer.
    waiting_search: Option<searching::Waiting>,
    /// File → Encrypt this database…, while its form is open.
    pub(crate) encrypt_form: Option<crate::ui::files::passphrase::EncryptForm>,
    /// The URIs of the images handed to egui for the open note's preview: forgotten (their
    /// bytes and textures freed) when another note opens.
    note_images: Vec<String>,
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
        // Decodes the images attached to notes, handed over as bytes (no file or web loader).
        egui_extras::install_image_loaders(ctx);
        ctx.set_theme(settings.theme.preference());
        let worker = Worker::start(config.db.clone(), ctx.clone());
        let mut app = Self {
            ctx: ctx.clone(),
            config,
            db: Database::Opening { since: Instant::now(), what: None },
            worker,
            settings,
            search: SearchBox::default(),
            results: Results::default(),
            source_results: SourceResults::default(),
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
            next_auto_sync: 0.0,
            auto_sync_running: false,
            refused_links: Vec::new(),
            links_to_open: Vec::new(),
            queued: Vec::new(),
            analysis_ticket: 0,
            closing: false,
            transfer: Transfer::Closed,
            backups: Backups::default(),
            sync_status: SyncStatus::default(),
            turns: WriteTurns::default(),
            waiting_search: None,
            encrypt_form: None,
            note_images: Vec::new(),
        };
        app.start_opening();
        app
    }

    /// Runs one frame into `ui` (what [`eframe::App::ui`] does; public for benchmarks).
    pub fn frame(&mut self, ui: &mut Ui) {
        self.receive();
        let now = ui.input(|i| i.time);
        self.tick(now);
        let mut actions = std::mem::take(&mut self.queued);
        self.shortcuts(ui.ctx(), &mut actions);
        if self.is_ready() {
            self.drops(ui.ctx(), &mut actions);
        }
        match &mut self.db {
            Database::Opening { since, what } => startup::opening_ui(ui, &self.config.db, since.elapsed(), *what),
            Database::Failed { message, path_input } => {
                startup::failed_ui(ui, &self.config.db, message, path_input, &mut actions);
            }
            Database::Ready(_) => self.draw(ui, now, &mut actions),
            Database::Locked(unlock) => {
                crate::ui::files::encryption::unlock_ui(ui, &self.config.db, unlock, &mut actions);
            }
            Database::Encrypting(encrypting) => {
                crate::ui::files::encryption::encrypting_ui(ui, &self.config.db, encrypting.progress);
            }
        }
        if let (Some(form), Database::Ready(_)) = (&mut self.encrypt_form, &self.db) {
            crate::ui::files::encryption::encrypt_form_ui(ui.ctx(), form, &mut actions);
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
}

impl eframe::App for JevonsApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &encryption::remembered(&self.settings, &self.config.db));
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Last chance: the close request already saved, unless the user chose to close anyway.
        self.save_editor(false);
        crate::io::viewer::remove_copies(&crate::io::viewer::copies_folder());
    }

    fn auto_save_interval(&self) -> Duration {
        Duration::from_secs(30)
    }
}

/// The symbol when a query is exactly one ticker (`$NVDA`, `ticker:NVDA`).
pub fn single_ticker(text: &str) -> Option<Symbol> {
    let query = query::parse(text).ok()?;
    match query.clauses.as_slice() {
        [clause] => match clause.any.as_slice() {
            [term] if !term.negated => match &term.kind {
                TermKind::Ticker(symbol) => Some(symbol.clone()),
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
pub(super) fn save_failed(err: &StoreError) -> String {
    format!("Not saved: {err}. Your text is still here; Jevons will try again when you type or press Ctrl+S.")
}

#[cfg(test)]
mod tests {
    use super::{Symbol, single_ticker};

    #[test]
    fn the_window_is_named_after_a_chosen_database_only() {
        use super::window_title;
        use std::path::Path;
        assert_eq!(window_title(Path::new("/home/ana/research/brazil.db"), true), "brazil — Jevons");
        assert_eq!(window_title(Path::new("/home/ana/.local/share/jevons/jevons.db"), false), "Jevons");
    }

    #[test]
    fn a_query_that_is_one_ticker_opens_its_dossier() {
        assert_eq!(single_ticker("$NVDA").as_ref().map(Symbol::as_str), Some("NVDA"));
        assert_eq!(single_ticker(" ticker:brk.b ").as_ref().map(Symbol::as_str), Some("BRK-B"));
        for other in ["$NVDA #ai", "-$NVDA", "nvidia", "$NVDA OR $MSFT", ""] {
            assert_eq!(single_ticker(other), None, "{other}");
        }
    }
}
