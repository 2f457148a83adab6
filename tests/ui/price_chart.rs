//! Prices in the window: File → Import prices… reads a CSV file as a job and says what it stored
//! and skipped; the dossier then draws the price chart with its markers and gives each call its
//! outcome; the Claimants pane lists track records, a claimant's calls, and merges names with an
//! undo. Prices are synthetic (tests/common/prices.rs), never market data.

use crate::app;
use crate::prices;

use jevons::model::{ClaimDraft, ClaimTicker, Stance, Symbol};
use jevons::ui::action::Action;
use jevons::ui::claimants::state::ClaimantsAction;

use app::{App, start};
use egui_kittest::kittest::Queryable;

fn price_file(app: &App) -> std::path::PathBuf {
    let file = app.db.with_file_name("synthetic-nvda.csv");
    let from = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    let mut text = prices::synthetic_yahoo(from, 1_000, 60.0, 7);
    text.push_str("2026-12-01,1,1,1,oops,1,1\n");
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn prices_are_imported_from_the_file_menu_and_drawn_in_the_dossier() {
    let mut app = start();
    let file = price_file(&app);
    app.click_containing("Ticker NVDA");
    assert!(app.has_label_containing("No prices on file for $NVDA"), "the dossier says how to get prices");

    app.click("File");
    app.click("Import prices…");
    assert_eq!(app.value_of("Ticker").as_deref(), Some("NVDA"), "the open dossier's ticker is proposed");
    app.type_into("Price file", file.to_str().unwrap());
    app.click("Import");
    app.until_shown("Stored 714 days of NVDA");
    assert!(app.has_label("1 rows skipped:"));
    assert!(app.has_label_containing("is not a number"), "the skipped row says why");
    app.click("Close");
    app.settle();

    assert!(app.has_label("Price (adjusted close)"), "the chart replaced the hint");
    assert!(app.has_label_containing("bullish claims"), "its legend counts the markers");
    app.click("Show 1Y of prices");
    app.settle();
    assert!(app.has_label("Price (adjusted close)"));
    let stored = app.store().prices(&Symbol::parse("NVDA").unwrap()).unwrap();
    assert_eq!(stored.len(), 714);

    app.type_into("Event day", "2025-01-20");
    app.click("Add event");
    assert!(app.has_label("Say what happened."), "an event needs a title");
    app.type_into("Event title", "DeepSeek R1 released");
    app.click("every ticker");
    app.click("Add event");
    let events = app.store().events(None).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].title.as_str(), events[0].symbol.as_ref()), ("DeepSeek R1 released", None));
    assert!(app.has_label("┆ 1 event"), "the chart draws it");
}

#[test]
fn claimants_list_track_records_and_merge_names_with_an_undo() {
    let mut app = start();
    let file = price_file(&app);
    let nvda = Symbol::parse("NVDA").unwrap();
    let rows = jevons::io::prices::read_price_file(&file, Some(&nvda)).unwrap();
    app.store().store_prices(rows.rows()).unwrap();

    app.click("Claimants");
    assert!(app.has_label_containing("A call is a claim with a claimant"));
    assert!(app.has_label("Cantor Fitzgerald"), "the sample's claimants are listed");
    app.click("Cantor Fitzgerald");
    assert!(app.has_label_containing("Cantor Fitzgerald: 1 call"), "its calls are listed");
    assert!(app.has_label_containing("30 d "), "with their outcomes");

    app.harness
        .state_mut()
        .apply(Action::Claimants(ClaimantsAction::Merge { from: "Futurum".into(), into: "Cantor Fitzgerald".into() }));
    app.settle();
    assert!(app.has_label_containing("Cantor Fitzgerald: 2 calls"), "the merged name's calls count");
    assert!(!app.has_label("Futurum"));
    app.click("Undo");
    app.settle();
    assert!(app.has_label("Futurum"), "undone, the name counts on its own again");
}

#[test]
fn a_claimant_with_many_calls_lists_them_a_page_at_a_time() {
    let mut app = start();
    let amd = Symbol::parse("AMD").unwrap();
    let mut store = app.store();
    for i in 0..230 {
        let draft = ClaimDraft {
            text: format!("AMD call {i}"),
            as_of: Some(format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
            claimant: Some("Busy Analyst".into()),
            tickers: vec![ClaimTicker { symbol: amd.clone(), stance: Some(Stance::Bullish) }],
            ..ClaimDraft::default()
        };
        store.add_claim(draft).unwrap();
    }
    drop(store);
    let listed = |app: &App| app.harness.query_all_by_label_contains("AMD call ").count();
    app.click("Claimants");
    app.click("Busy Analyst");
    assert!(app.has_label_containing("Busy Analyst: 230 calls"));
    assert_eq!(listed(&app), 100, "a frame lays out the first page only");
    let more = |app: &mut App, label: &str| {
        app.harness.get_by_label(label).scroll_to_me();
        app.settle();
        app.click(label);
    };
    more(&mut app, "Show 100 more (130 not shown)");
    assert_eq!(listed(&app), 200);
    more(&mut app, "Show 30 more (30 not shown)");
    assert_eq!(listed(&app), 230);
    assert!(!app.has_label_containing("not shown)"), "all are listed: no more button");
}
