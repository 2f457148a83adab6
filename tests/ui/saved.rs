//! Saved searches through the app: the query typed is saved under a name from the results
//! header, listed in the sidebar with its count, run by a click, moved, renamed and forgotten
//! from its menu (with an undo), and kept in the database for the command line.

use crate::app;

use app::{App, set_search, start};
use egui_kittest::kittest::Queryable;

fn save_current_search(app: &mut App, name: &str) {
    app.click_containing("Save search");
    app.replace("Name for the saved search", name);
    app.click("Save");
}

fn saved_names(app: &App) -> Vec<String> {
    app.store().saved_searches().unwrap().into_iter().map(|s| s.name).collect()
}

#[test]
fn a_search_saved_from_the_results_is_listed_with_its_count_and_runs_when_clicked() {
    let mut app = start();
    set_search(&mut app, "$NVDA");
    let total = app.app().result_total().expect("the search is counted").value();
    assert!(total > 0, "the sample research mentions NVDA");
    save_current_search(&mut app, "Chips");
    assert_eq!(saved_names(&app), ["Chips"]);
    let row = format!("Saved search Chips, {}", if total == 1 { "1 note".into() } else { format!("{total} notes") });
    assert!(app.has_label(&row), "the sidebar lists it with the count of its search: {row}");

    set_search(&mut app, "\"no such phrase anywhere\"");
    assert!(app.app().result_ids().is_empty());
    app.click(&row);
    assert_eq!(app.value_of("Search").as_deref(), Some("$NVDA"));
    assert_eq!(app.app().result_total().map(|t| t.value()), Some(total));
}

#[test]
fn a_saved_search_is_moved_renamed_and_forgotten_from_its_menu_and_the_undo_brings_it_back() {
    let mut app = start();
    set_search(&mut app, "$NVDA");
    save_current_search(&mut app, "Chips");
    set_search(&mut app, "#ai");
    save_current_search(&mut app, "AI");
    assert_eq!(saved_names(&app), ["Chips", "AI"]);

    app.harness.get_by_label_contains("Saved search AI,").click_secondary();
    app.settle();
    app.click("Move up");
    assert_eq!(saved_names(&app), ["AI", "Chips"]);

    app.harness.get_by_label_contains("Saved search Chips,").click_secondary();
    app.settle();
    app.click("Rename…");
    app.replace("New name for the saved search", "Semis");
    app.click("Save");
    assert_eq!(saved_names(&app), ["AI", "Semis"]);

    app.harness.get_by_label_contains("Saved search AI,").click_secondary();
    app.settle();
    app.click("Forget");
    assert_eq!(saved_names(&app), ["Semis"]);
    assert!(!app.has_label_containing("Saved search AI,"));
    // Each change left a toast with its undo; the newest is the forgetting's.
    app.harness.query_all_by_label("Undo").last().expect("an undo").click();
    app.settle();
    assert_eq!(saved_names(&app), ["AI", "Semis"], "the undo puts it back at its place");
    assert!(app.has_label_containing("Saved search AI,"));
}
