//! The app driven like a user would, headless: egui_kittest runs the real app state over a
//! temporary database (created with the sample research), finds widgets by their accessible
//! names, clicks and types. Waiting for the worker is deterministic: the app blocks until its
//! worker threads have answered (no sleeps, no timing). Shared by the UI test files through
//! `#[path = "../common/app.rs"] mod app;` in a suite's `main.rs`.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jevons::store::Store;
use jevons::ui::{AppConfig, JevonsApp};

pub struct App {
    pub harness: Harness<'static, JevonsApp>,
    pub db: PathBuf,
    pub _dir: tempfile::TempDir,
}

pub fn start() -> App {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("research.db");
    start_at(db, dir)
}

pub fn start_at(db: PathBuf, dir: tempfile::TempDir) -> App {
    start_with(AppConfig { db, fresh: true, ..AppConfig::default() }, dir)
}

/// The app with this configuration (its database in `dir`).
pub fn start_with(config: AppConfig, dir: tempfile::TempDir) -> App {
    let db = config.db.clone();
    let harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_max_steps(40)
        .build_eframe(move |cc| JevonsApp::new(cc, config));
    let mut app = App { harness, db, _dir: dir };
    app.settle();
    app
}

impl App {
    /// Steps frames, letting the worker answer between them, until nothing is pending.
    pub fn settle(&mut self) {
        for _ in 0..30 {
            assert!(self.harness.state_mut().wait_for_worker(Duration::from_secs(30)), "the worker did not answer");
            self.harness.run_ok();
            if self.harness.state().is_idle() {
                break;
            }
        }
        self.harness.step();
    }

    pub fn app(&self) -> &JevonsApp {
        self.harness.state()
    }

    pub fn store(&self) -> Store {
        Store::open(&self.db).expect("the test opens the database like the command line does")
    }

    pub fn has_label(&self, label: &str) -> bool {
        self.harness.query_all_by_label(label).next().is_some()
    }

    pub fn has_label_containing(&self, text: &str) -> bool {
        self.harness.query_all_by_label_contains(text).next().is_some()
    }

    /// Steps frames until a label containing `text` shows: for a job on a thread of its own (an
    /// import, a document), which the worker's deterministic wait does not cover. Fails after a
    /// minute.
    pub fn until_shown(&mut self, text: &str) {
        let started = std::time::Instant::now();
        while !self.has_label_containing(text) {
            assert!(started.elapsed() < Duration::from_secs(60), "{text:?} never showed");
            std::thread::sleep(Duration::from_millis(20));
            self.settle();
        }
    }

    pub fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).click();
        self.settle();
    }

    pub fn click_containing(&mut self, text: &str) {
        self.harness.get_by_label_contains(text).click();
        self.settle();
    }

    /// Focuses the text field named `label` and types into it.
    pub fn type_into(&mut self, label: &str, text: &str) {
        self.input(label).focus();
        self.harness.step();
        self.input(label).type_text(text);
        self.settle();
    }

    pub fn press(&mut self, key: Key) {
        self.harness.key_press(key);
        self.settle();
    }

    pub fn shortcut(&mut self, modifiers: Modifiers, key: Key) {
        self.harness.key_press_modifiers(modifiers, key);
        self.settle();
    }

    pub fn value_of(&self, label: &str) -> Option<String> {
        self.input(label).value()
    }

    /// The text field named `label` (a visible label names it, so the label itself is skipped).
    pub fn input<'a>(&'a self, label: &'a str) -> egui_kittest::Node<'a> {
        self.harness
            .query_all_by_label(label)
            .find(|n| matches!(n.accesskit_node().role(), Role::TextInput | Role::MultilineTextInput))
            .unwrap_or_else(|| panic!("no text field named {label:?}"))
    }

    /// Selects everything in the field named `label` and types `text` over it.
    pub fn replace(&mut self, label: &str, text: &str) {
        self.input(label).focus();
        self.harness.step();
        self.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        self.harness.step();
        self.input(label).type_text(text);
        self.settle();
    }

    pub fn click_role(&mut self, role: Role, label: &str) {
        self.harness.get_by_role_and_label(role, label).click();
        self.settle();
    }
}

/// Replaces the search box text (select all, then type).
pub fn set_search(app: &mut App, query: &str) {
    app.shortcut(Modifiers::COMMAND, Key::K);
    app.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    app.harness.step();
    app.input("Search").type_text(query);
    app.settle();
    // Close the completion list, if any, so Up/Down go to the results.
    app.harness.key_press(Key::Escape);
    app.settle();
}

pub fn titles(app: &App) -> Vec<String> {
    let store = app.store();
    app.app().result_ids().iter().map(|id| store.note(*id).map(|n| n.title).unwrap_or_default()).collect()
}

/// A database with the sample research plus `notes` notes on NVDA and `claims` claims about it
/// (figures and views from a dozen outlets over two years), written through the store's batch.
pub fn crowded_nvda(notes: usize, claims: usize) -> (PathBuf, tempfile::TempDir) {
    use jevons::model::{ClaimDraft, ClaimTicker, SourceDraft, SourceUrl, Stance, Symbol};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crowded.db");
    let mut store = jevons::database::open(&db).unwrap();
    let mut batch = store.batch().unwrap();
    let outlets: Vec<i64> = (0..12)
        .map(|i| {
            let url = SourceUrl::parse(&format!("https://outlet{i}.example.com/nvda")).unwrap();
            batch.add_source(&SourceDraft { publisher: Some(format!("Outlet {i}")), ..SourceDraft::new(url) }).unwrap()
        })
        .collect();
    let ids: Vec<i64> = (0..notes)
        .map(|i| {
            batch
                .create_note(&jevons::model::NoteDraft::new(
                    format!("NVDA note {i}"),
                    format!("Demand for $NVDA GPUs, day {i}."),
                ))
                .unwrap()
        })
        .collect();
    let nvda = Symbol::parse("NVDA").unwrap();
    for i in 0..claims {
        let stance = [Some(Stance::Bullish), Some(Stance::Bearish), Some(Stance::Neutral), None][i % 4];
        batch
            .add_claim(ClaimDraft {
                text: format!("NVIDIA data-center revenue estimate {i}"),
                value: (i % 3 != 0).then_some(30e9 + (i % 50) as f64 * 1e8),
                currency: Some("USD".into()),
                as_of: Some(format!("{}-{:02}-{:02}", 2024 + i % 2, 1 + i % 12, 1 + i % 28)),
                claimant: Some(format!("Analyst {}", i % 30)),
                note_id: Some(ids[i % ids.len()]),
                tickers: vec![ClaimTicker { symbol: nvda.clone(), stance }],
                sources: vec![(outlets[i % outlets.len()], None)],
                ..ClaimDraft::default()
            })
            .unwrap();
    }
    batch.commit().unwrap();
    (db, dir)
}
