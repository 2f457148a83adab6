//! "Find in sources" in the window: the scope switch by the search box (remembered, and
//! Ctrl+Shift+F), one row per matching page of a source's document, a row opening its source at
//! that page (clicked, or Enter on the highlighted one); nothing found; a query the sources
//! cannot answer says why.

use crate::app;
use crate::pdf;

use app::{App, set_search, start};
use egui::{Key, Modifiers};
use jevons::ui::search::scope::Scope;

/// Stores a PDF with these pages as a source, the way File → Add document… does; its id.
fn add_pdf(app: &App, name: &str, pages: &[&str]) -> i64 {
    let file = app.db.with_file_name(name);
    std::fs::write(&file, pdf::pdf(pages, None)).unwrap();
    let mut store = app.store();
    let request = jevons::session::documents::AddFile { path: &file, url: None, title: None, keep_unreadable: false };
    jevons::session::documents::add_file(&mut store, &request, &mut |_, _| {}, &Default::default()).unwrap().source_id
}

fn hits(app: &App) -> Vec<(i64, u32)> {
    app.app().source_hits().iter().map(|h| (h.source_id, h.page)).collect()
}

#[test]
fn a_page_found_in_the_sources_opens_its_source_at_that_page() {
    let mut app = start();
    let filing = add_pdf(
        &app,
        "filing.pdf",
        &["Risk factors on page one.", "Nothing to see here.", "Gross margin guidance was cut on page three."],
    );
    let note = add_pdf(&app, "broker-note.pdf", &["We like the margin story."]);

    app.click("Find in sources");
    assert_eq!(app.app().settings().search_scope, Scope::Sources, "the scope is remembered");
    set_search(&mut app, "margin");
    assert!(app.app().shows_source_results_for("margin"));
    let found = hits(&app);
    assert_eq!(found.len(), 2, "one row per matching page: {found:?}");
    assert!(found.contains(&(filing, 3)) && found.contains(&(note, 1)));
    assert_eq!(app.app().source_total(), Some(2));
    assert!(app.has_label("2 pages in sources"));
    let cli = app.store().find_in_documents(&jevons::query::parse("margin").unwrap(), 10).unwrap();
    let order: Vec<(i64, u32)> = cli.results.iter().map(|h| (h.source_id, h.page)).collect();
    assert_eq!(found, order, "in the order `jevons source find` gives");
    let marked = &app.app().source_hits()[0];
    assert_eq!(marked.highlights.iter().map(|r| &marked.snippet[r.clone()]).collect::<Vec<_>>(), ["margin"]);

    app.click("filing, page 3");
    assert_eq!(app.app().shown_source_page(), Some((filing, 3)), "opened at the page found");
    assert!(app.has_label("Page 3 of 3"));
    assert!(app.value_of("Text of page 3").is_some_and(|t| t.contains("Gross margin guidance was cut")));

    // The keyboard: Down highlights the first row, Enter opens it at its page.
    set_search(&mut app, "risk");
    assert_eq!(hits(&app), [(filing, 1)]);
    app.press(Key::ArrowDown);
    app.press(Key::Enter);
    assert_eq!(app.app().shown_source_page(), Some((filing, 1)), "Enter opens the highlighted page");
    assert!(app.has_label("Page 1 of 3"));

    // Back to the notes, by the shortcut: the same box searches the notes again.
    app.shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    assert_eq!(app.app().settings().search_scope, Scope::Notes);
    assert!(app.app().shows_results_for("risk"), "the notes' search ran for the text in the box");
    assert!(!app.has_label("filing, page 1"), "the sources' rows are gone");
}

#[test]
fn nothing_found_and_a_query_for_notes_only_say_so() {
    let mut app = start();
    add_pdf(&app, "filing.pdf", &["Revenue grew on page one."]);
    app.shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    assert_eq!(app.app().settings().search_scope, Scope::Sources);
    assert!(app.has_label("Type words to find them in the sources' documents."), "an empty box is no error");

    set_search(&mut app, "zeppelin");
    assert!(app.app().shows_source_results_for("zeppelin"));
    assert!(app.app().source_hits().is_empty());
    assert!(app.has_label("0 pages in sources"));
    assert!(app.has_label("No page of a source's document matches."));

    set_search(&mut app, "$NVDA revenue");
    assert!(app.has_label_containing("$NVDA is for notes"), "a filter that makes no sense for pages says so");
    set_search(&mut app, "revenue after:yesterday");
    assert!(app.has_label_containing("is not a date"), "a malformed query shows the parser's message");
    set_search(&mut app, "revenue");
    assert_eq!(app.app().source_total(), Some(1), "a good query clears the message");
    assert!(!app.has_label_containing("is not a date"));

    // A tag clicked in the sidebar is for the notes: the box goes back to them.
    app.harness.state_mut().apply(jevons::ui::action::Action::SearchFor("#ai".into()));
    app.settle();
    assert_eq!(app.app().settings().search_scope, Scope::Notes);
    assert!(app.app().shows_results_for("#ai"));
}

#[test]
fn a_long_list_shows_its_first_page_then_its_counted_total() {
    let mut app = start();
    let pages: Vec<String> = (1..=130).map(|i| format!("Page {i}: the margin outlook.")).collect();
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    let filing = add_pdf(&app, "long filing.pdf", &pages);

    app.click("Find in sources");
    set_search(&mut app, "margin");
    let found = hits(&app);
    assert_eq!(found.len(), 50, "the first page of rows");
    assert!(found.iter().all(|(source, _)| *source == filing));
    assert_eq!(app.app().source_total(), Some(130), "counted after the first page, on the same lane");
    assert!(app.has_label("130 pages in sources"));
    let cli = app.store().find_in_documents(&jevons::query::parse("margin").unwrap(), 200).unwrap();
    assert_eq!(cli.total, 130);
    let expected: Vec<(i64, u32)> = cli.results.iter().map(|h| (h.source_id, h.page)).take(50).collect();
    assert_eq!(found, expected, "the window lists what `source find` prints, in its order");
}
