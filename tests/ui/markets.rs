//! The dossier of a company listed several times (Petrobras: PETR4, PETR3, PBR) lists its
//! listings, opens each, and reads them apart or together.

use crate::app;

use app::start_at;
use jevons::model::NoteDraft;

fn petrobras() -> (std::path::PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("petrobras.db");
    let mut store = jevons::database::open(&db).unwrap();
    for (title, body) in
        [("Preferenciais", "$PETR4.SA paga dividendos"), ("Ordinárias", "$PETR3 vota"), ("ADR", "$PBR in New York")]
    {
        store.create_note(&NoteDraft::new(title.to_owned(), body.to_owned())).unwrap();
    }
    drop(store);
    (db, dir)
}

#[test]
fn the_petrobras_dossier_shows_its_listings_apart_or_together() {
    let (db, dir) = petrobras();
    let mut app = start_at(db, dir);
    app.click_containing("Ticker PETR4");
    assert!(app.has_label_containing("PETROLEO BRASILEIRO S.A. PETROBRAS is listed as"));
    assert!(app.has_label("PETR4 · B3 PN"), "the open listing");
    assert!(app.has_label_containing("preferred shares"));
    assert!(app.has_label("NOTES  1"), "apart: its own note");

    app.click("All listings together");
    assert!(app.has_label("NOTES  3"), "together: the notes on PETR3, PETR4 and PBR");
    app.click("This listing only");
    assert!(app.has_label("NOTES  1"));

    app.click("PBR · NYSE");
    app.settle();
    assert_eq!(app.app().open_dossier_symbol(), Some("PBR"));
}
