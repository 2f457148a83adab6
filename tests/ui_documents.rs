//! Documents in the window: File → Add document… stores a PDF as a source on a job of its own,
//! with its pages' text searchable; a file that is not a document is refused with why, and the
//! form can be changed and tried again; the source's view shows the text page by page.

#[path = "common/app.rs"]
mod app;
#[path = "common/pdf.rs"]
mod pdf;

use app::start;

#[test]
fn a_pdf_is_added_from_the_file_menu_and_a_mislabelled_file_is_refused() {
    let mut app = start();
    let file = app.db.with_file_name("cantor-note.pdf");
    let bytes =
        pdf::pdf(&["Cover page of the note.", "We reiterate Overweight on NVDA after the DeepSeek selloff."], None);
    std::fs::write(&file, &bytes).unwrap();

    app.click("File");
    app.click("Add document…");
    app.type_into("Document", file.to_str().unwrap());
    app.click("Add");
    app.until_shown("a PDF of 2 pages");
    assert!(app.has_label_containing("Its text is searchable"));
    app.click("Close");

    let store = app.store();
    let query = jevons::query::parse("DeepSeek").unwrap();
    let hits = store.find_in_documents(&query, 10).unwrap();
    assert_eq!(hits.results.len(), 1, "the page's text is in the index");
    assert_eq!(hits.results[0].page, 2);

    let fake = app.db.with_file_name("chart.pdf");
    std::fs::write(&fake, b"\x89PNG\r\n\x1a\n not a pdf at all").unwrap();
    app.click("File");
    app.click("Add document…");
    app.type_into("Document", fake.to_str().unwrap());
    app.click("Add");
    app.until_shown("PNG");
    assert!(app.has_label("Document not added"), "the window says it failed");
    app.click("Change and try again");
    assert_eq!(app.value_of("Document").as_deref(), Some(fake.to_str().unwrap()), "the path is kept to change");
}

#[test]
fn the_source_view_turns_the_pages_of_its_document() {
    let mut app = start();
    let file = app.db.with_file_name("filing.pdf");
    std::fs::write(&file, pdf::pdf(&["Risk factors on page one.", "Revenue grew on page two."], None)).unwrap();
    let mut store = app.store();
    let request = jevons::session::documents::AddFile { path: &file, url: None, title: None, keep_unreadable: false };
    let added =
        jevons::session::documents::add_file(&mut store, &request, &mut |_, _| {}, &Default::default()).unwrap();
    drop(store);

    app.harness.state_mut().apply(jevons::ui::action::Action::OpenSource(added.source_id));
    app.settle();
    assert!(app.has_label("Page 1 of 2"));
    assert!(app.has_label_containing("Risk factors on page one."));
    assert!(!app.has_label_containing("Revenue grew"), "one page at a time");
    assert!(!app.has_label("Copy address"), "a source from a file alone has no address to show");
    app.click("Next page");
    assert!(app.has_label("Page 2 of 2"));
    assert!(app.has_label_containing("Revenue grew on page two."));
}
