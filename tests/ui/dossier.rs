//! The dossier of a crowded ticker lays out only what is in view: it stays open beside the
//! results while they scroll, so its sections out of view cost nothing; they are there when
//! scrolled to, and new data (more claims) is drawn in full.

use crate::app;

use egui_kittest::kittest::Queryable;

use app::{crowded_nvda, start_at};

#[test]
fn the_dossier_lays_out_what_is_in_view_and_follows_its_data() {
    let (db, dir) = crowded_nvda(250, 400);
    let mut app = start_at(db, dir);
    app.click_containing("Ticker NVDA");
    assert!(app.has_label_containing("bullish"), "the top of the dossier is drawn");
    assert!(app.has_label("the 100 recorded last of 411 shown"), "the line under the claims is always there");
    assert!(!app.has_label("As of"), "the claims far below the charts are not laid out");
    assert!(!app.has_label("the newest 200 shown; search $NVDA for all"), "nor the notes under them");

    app.harness.get_by_label("the 100 recorded last of 411 shown").scroll_to_me();
    app.settle();
    assert!(app.has_label("As of"), "scrolled to, the claims are laid out");

    app.click("Show 100 more");
    assert!(app.has_label("the 200 recorded last of 411 shown"), "new data is drawn");
    app.harness.get_by_label("the 200 recorded last of 411 shown").scroll_to_me();
    app.settle();
    assert!(app.has_label("As of"));
    assert!(app.has_label_containing("revenue estimate 200"), "with the claims that came with it");
}
