//! The desktop app (eframe/egui): three panes over the research store.
//!
//! Left: the search box, tickers, tags, sources and the trash. Middle: the results. Right: the
//! open note, a ticker's dossier or a source. One folder per feature ([`search`], [`note`],
//! [`dossier`], [`files`]; [`widgets`] for what they share), each view's state beside its view.
//! Views draw and return [`action`]s; the [`shell`] holds the app and applies them, writing
//! through [`crate::session`]; slow reads run on the [`worker`]'s threads.

pub mod action;
pub mod allocator;
pub mod claimants;
pub mod dossier;
pub mod files;
pub mod note;
pub mod search;
pub mod shell;
mod source;
mod source_details;
pub mod widgets;
pub mod worker;

use std::path::PathBuf;

pub use shell::{AppConfig, JevonsApp, Settings};

/// The window icon, drawn by `scripts/make_icon.py`.
const ICON: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the window over the database at `db` (or the default one). For the README screenshot,
/// `JEVONS_OPEN_TICKER=NVDA` opens that ticker's dossier at start and `JEVONS_THEME=light|dark`
/// picks the theme; both leave remembered settings aside. An encrypted database opens with
/// `JEVONS_PASSPHRASE` when it is set, else the window asks for its passphrase.
pub fn run(db: Option<PathBuf>) -> anyhow::Result<()> {
    allocator::keep_memory_small();
    let chosen_db = db.is_some();
    let db = crate::database::path(db)?;
    let open_ticker = std::env::var("JEVONS_OPEN_TICKER").ok().filter(|s| !s.trim().is_empty());
    let theme = std::env::var("JEVONS_THEME").ok().and_then(|t| widgets::theme::ThemeChoice::parse(&t));
    let fresh = open_ticker.is_some();
    // An encrypted database's passphrase for scripts and screenshots; otherwise the window asks.
    if let Some(key) = std::env::var("JEVONS_PASSPHRASE").ok().and_then(crate::store::Key::new) {
        crate::store::cipher::give(key);
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(shell::window_title(&db, chosen_db))
        .with_app_id("jevons")
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([900.0, 560.0]);
    match eframe::icon_data::from_png_bytes(ICON) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => eprintln!("jevons: the window icon could not be read ({err})"),
    }
    let options = eframe::NativeOptions { viewport, ..eframe::NativeOptions::default() };
    let config = AppConfig { db, chosen_db, open_ticker, query: None, fresh, theme, daily_backup: true };
    eframe::run_native("jevons", options, Box::new(move |cc| Ok(Box::new(JevonsApp::new(cc, config)))))
        .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
