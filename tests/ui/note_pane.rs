//! The note pane as a new user meets it (issue 18): the split between the body and the claims
//! area is dragged and remembered across a restart, a suggestion's "Claim it" stays in reach in
//! a narrow window, and the search box opens a dossier only for a known ticker or on Enter.

use crate::app;

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jevons::ui::{AppConfig, JevonsApp, Settings};

use app::{App, start};

const SAMPLE_NOTE: &str = "NVIDIA perde quase US$ 600 bilhões em valor de mercado num dia";

/// The top edge of the claims area: the splitter that lies across the window.
fn split_edge(app: &App) -> egui::Rect {
    app.harness
        .query_all_by_role(Role::Splitter)
        .find(|n| n.accesskit_node().orientation() == Some(egui::accesskit::Orientation::Horizontal))
        .expect("the split between the body and the claims area")
        .rect()
}

/// Drags with the primary button from `from` by `dy` points, in small moves as a hand would.
fn drag(app: &mut App, from: egui::Pos2, dy: f32) {
    app.harness.hover_at(from);
    app.harness.step();
    app.harness.drag_at(from);
    app.harness.step();
    for i in 1..=10 {
        app.harness.hover_at(from + egui::vec2(0.0, dy * i as f32 / 10.0));
        app.harness.step();
    }
    app.harness.drop_at(from + egui::vec2(0.0, dy));
    app.settle();
}

#[test]
fn the_split_under_the_body_is_dragged_and_kept_after_a_restart() {
    let mut app = start();
    app.click(SAMPLE_NOTE);
    let before = split_edge(&app).center();
    assert!(app.app().settings().claims_height.is_none(), "nothing remembered before a drag");
    drag(&mut app, before, -150.0);
    let after = split_edge(&app).center();
    assert!((after.y - (before.y - 150.0)).abs() < 3.0, "the split follows the pointer: {before:?} → {after:?}");
    let remembered = app.app().settings().claims_height.expect("the new height is remembered");
    assert!(app.has_label("Suggestions from the text"), "the tabs stay in the larger area");

    // The app starts again over the same database with what it remembered.
    let settings: Settings = app.app().settings().clone();
    let (db, dir) = (app.db.clone(), app._dir);
    let config = AppConfig { db: db.clone(), fresh: true, ..AppConfig::default() };
    let harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_max_steps(40)
        .build_eframe(move |cc| JevonsApp::with_settings(&cc.egui_ctx, config, settings));
    let mut again = App { harness, db, _dir: dir };
    again.settle();
    again.click(SAMPLE_NOTE);
    let restored = split_edge(&again).center();
    assert!((restored.y - after.y).abs() < 3.0, "the split is where it was left: {after:?} → {restored:?}");
    assert_eq!(again.app().settings().claims_height, Some(remembered), "opening the note changes nothing");
}

#[test]
fn claim_it_stays_in_reach_in_a_narrow_window() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::N);
    app.input("Title").type_text("Long sentences");
    let body = [
        "Shares of chipmaker Broadcom crashed 17.4% in a session that also saw the wider semiconductor index and many of its largest constituents give back much of what they had gained over the previous year.",
        "Microsoft and Google parent Alphabet, whose cloud businesses are among the largest buyers of accelerators in the world, fell 2.1% and 4.2%, respectively, as investors reconsidered the pace of spending.",
        "NVIDIA lost US$ 593 billion of market value on the day, the largest loss of market value for a single company in the history of the American stock market, according to the exchange's own records.",
    ]
    .join(" ");
    app.type_into("Body", &body);
    // The narrowest window Jevons opens: the note pane is about 250 points wide.
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(900.0, 760.0));
    app.harness.set_size(window.size());
    app.settle();
    app.click("Suggestions from the text");
    let edge = split_edge(&app).center();
    drag(&mut app, edge, -200.0);
    let buttons: Vec<(String, egui::Rect)> = app
        .harness
        .query_all_by_label_contains("Claim ")
        .filter(|n| n.accesskit_node().role() == Role::Button)
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect();
    assert!(buttons.len() >= 3, "a row per figure: {buttons:?}");
    for (name, rect) in &buttons {
        assert!(rect.right() <= window.right() && rect.left() >= 600.0, "{name} is inside the pane: {rect:?}");
    }
    // The list scrolls to its last row under the pointer's wheel.
    app.harness.hover_at(buttons[0].1.center());
    for _ in 0..6 {
        app.harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -60.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        app.harness.step();
    }
    app.settle();
    let last = "Claim US$ 593 billion";
    let rect = app.harness.get_by_label(last).rect();
    assert!(window.contains_rect(rect), "the last row's button is in the window: {rect:?}");
    app.click(last);
    assert_eq!(app.value_of("Value").as_deref(), Some("593000000000"), "its button opens the claim form");
}

#[test]
fn a_partial_ticker_opens_no_dossier_while_it_is_typed() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::K);
    app.input("Search").type_text("$NV");
    app.settle();
    assert_eq!(app.app().open_dossier_symbol(), None, "NV is no ticker Jevons knows");
    app.input("Search").type_text("DA");
    app.settle();
    assert_eq!(app.app().open_dossier_symbol(), Some("NVDA"), "NVDA is: its dossier opens as it is typed");

    app.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    app.harness.step();
    app.input("Search").type_text("$QZXW");
    app.settle();
    assert_eq!(app.app().open_dossier_symbol(), Some("NVDA"), "an unknown symbol leaves the pane alone");
    app.press(Key::Enter);
    assert_eq!(app.app().open_dossier_symbol(), Some("QZXW"), "until Enter says the typing is done");
}

#[test]
fn claim_it_fills_an_as_of_date_read_from_on_monday_and_says_so() {
    use chrono::Datelike;
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::N);
    app.input("Title").type_text("Monday's sell-off");
    app.type_into("Body", "Nvidia lost $589 billion of market value on Monday.");
    app.click("Suggestions from the text");
    // A new note is dated today: "Monday" is the latest Monday up to today.
    let today = chrono::Local::now().date_naive();
    let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
    assert!(app.has_label_containing(&format!("{monday} (inferred)")), "the row shows the date resolved");
    app.click("Claim $589 billion");
    assert_eq!(app.value_of("As of"), Some(monday.to_string()), "the claim's as-of date is filled in");
    assert!(app.has_label("inferred"), "and marked as inferred");
    assert!(app.has_label_containing("inferred from “Monday” and the note's date"), "with how it was read");
    app.replace("As of", "2025-01-27");
    assert!(!app.has_label_containing("inferred from"), "a date typed over it is the user's own");
}
