//! Documents in the window: File → Add document… stores a PDF as a source on a job of its own,
//! with its pages' text searchable; a file that is not a document is refused with why, and the
//! form can be changed and tried again; the source's view shows the text page by page; words
//! selected on a page become a claim's quote, checked against that page; files dropped on a note
//! are stored and linked to it.

use crate::app;
use crate::pdf;
use crate::png;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use app::{App, start};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use jevons::model::Anchored;
use jevons::session::documents::{AddFile, add_file};

/// A PDF at `name` beside the test's database, stored as a source; returns the source's id.
fn stored_pdf(app: &App, name: &str, pages: &[&str]) -> (PathBuf, i64) {
    let file = app.db.with_file_name(name);
    std::fs::write(&file, pdf::pdf(pages, None)).unwrap();
    let mut store = app.store();
    let request = AddFile { path: &file, url: None, title: None, keep_unreadable: false };
    let added = add_file(&mut store, &request, &mut |_, _| {}, &Default::default()).unwrap();
    (file, added.source_id)
}

/// A file dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

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
    assert!(app.value_of("Text of page 1").is_some_and(|t| t.contains("Risk factors on page one.")));
    assert!(!app.has_label("Text of page 2"), "one page at a time");
    assert!(!app.has_label("Copy address"), "a source from a file alone has no address to show");
    app.click("Next page");
    assert!(app.has_label("Page 2 of 2"));
    assert!(app.value_of("Text of page 2").is_some_and(|t| t.contains("Revenue grew on page two.")));
}

#[test]
fn words_selected_on_a_page_become_a_claim_quoted_from_that_page() {
    let mut app = start();
    let (_, source) = stored_pdf(
        &app,
        "cantor.pdf",
        &["Cover page of the note.", "We reiterate Overweight on NVDA after the DeepSeek selloff."],
    );
    app.harness.state_mut().apply(jevons::ui::action::Action::OpenSource(source));
    app.settle();
    let quote = app.harness.get_by_label("Quote as claim…");
    assert!(quote.accesskit_node().is_disabled(), "nothing selected, nothing to quote yet");
    app.click("Next page");

    // Select the page's words (as a user would with the keyboard) and quote them in a new note.
    app.input("Text of page 2").focus();
    app.harness.step();
    app.shortcut(Modifiers::COMMAND, Key::A);
    app.click("Quote as claim…");
    app.click("In a new note");
    let quoted = "We reiterate Overweight on NVDA after the DeepSeek selloff.";
    assert_eq!(app.value_of("Quote").as_deref(), Some(quoted), "the quote is the words selected");
    assert_eq!(app.value_of("Page").as_deref(), Some("2"), "the page they are on");
    assert_eq!(app.value_of("Claim").as_deref(), Some(quoted), "the claim starts from the words");
    app.click("Save claim");

    let note = app.app().open_note().expect("a new note holds the claim");
    let stored = app.store().note(note).unwrap();
    assert!(stored.title.contains("cantor"), "the new note is named after the source: {:?}", stored.title);
    let cited = &stored.claims[0].sources[0];
    assert_eq!(cited.id, source);
    assert_eq!((cited.page, cited.anchored, cited.found_page), (Some(2), Some(Anchored::Found), Some(2)));
    assert!(app.has_label("quote on p. 2"), "the note's claims say where the quote was found");
    app.click("quote on p. 2");
    assert!(app.has_label("Page 2 of 2"), "the page found opens the source there");
}

#[test]
fn a_claim_citing_the_wrong_page_says_where_its_quote_is() {
    let mut app = start();
    let (_, source) = stored_pdf(&app, "filing.pdf", &["Risk factors.", "Revenue grew 12% in the quarter."]);
    app.harness.state_mut().apply(jevons::ui::action::Action::OpenSource(source));
    app.settle();
    app.input("Text of page 1").focus();
    app.harness.step();
    app.shortcut(Modifiers::COMMAND, Key::A);
    app.click("Quote as claim…");
    app.click("In a new note");
    app.replace("Quote", "Revenue grew 12% in the quarter.");
    app.click("Save claim");
    assert!(app.has_label("quote on p. 2, cited p. 1"), "found, but on another page than cited");

    let note = app.app().open_note().unwrap();
    let claim = app.store().note(note).unwrap().claims[0].id;
    app.click(&format!("Edit claim {claim}"));
    assert_eq!(app.value_of("Page").as_deref(), Some("1"), "the page cited is kept in the form");
    app.replace("Quote", "Revenue grew 13% in the quarter.");
    app.click("Save claim");
    assert!(app.has_label("quote not found, cited p. 1"), "a quote not in the text says so");
    app::set_search(&mut app, "is:unanchored");
    assert_eq!(app.app().result_ids(), [note], "is:unanchored finds the note");
}

#[test]
fn files_dropped_on_a_note_are_stored_and_linked_to_it() {
    let mut app = start();
    app.click("New note");
    app.type_into("Title", "Broker notes on NVDA");
    let first = app.db.with_file_name("cantor.pdf");
    std::fs::write(&first, pdf::pdf(&["Cantor reiterates Overweight."], None)).unwrap();
    let second = app.db.with_file_name("bernstein.md");
    std::fs::write(&second, "# Bernstein\n\nBernstein keeps Outperform on NVDA.").unwrap();
    let refused = app.db.with_file_name("chart.pdf");
    std::fs::write(&refused, b"\x89PNG\r\n\x1a\n not a pdf").unwrap();

    let input = app.harness.input_mut();
    for file in [&first, &second, &refused] {
        input.dropped_files.push(Arc::new(Dropped(file.clone())));
    }
    app.settle();
    app.until_shown("2 of 3 files stored");
    assert!(app.has_label_containing("chart.pdf: not added"), "the refused file says why");

    let note = app.app().open_note().expect("the note was saved to link the files to it");
    let sources = app.store().note(note).unwrap().sources;
    assert_eq!(sources.len(), 2, "both documents are the note's sources: {sources:?}");
}

#[test]
fn a_sources_details_are_edited_in_its_view() {
    let mut app = start();
    let (_, source) = stored_pdf(&app, "cantor.pdf", &["Cantor reiterates Overweight on NVDA."]);
    app.harness.state_mut().apply(jevons::ui::action::Action::OpenSource(source));
    app.settle();
    app.click("Edit details");
    assert_eq!(app.value_of("Title").as_deref(), Some("cantor"), "the form starts from the details read");
    app.replace("Title", "Cantor on NVIDIA after DeepSeek");
    app.type_into("Publisher", "Cantor Fitzgerald");
    app.type_into("Published", "27 Jan");
    assert!(app.has_label_containing("Published:"), "a date that is not one is said");
    app.replace("Published", "2025-01-27");
    app.click("Save details");

    let stored = app.store().source(source).unwrap();
    assert_eq!(stored.title.as_deref(), Some("Cantor on NVIDIA after DeepSeek"));
    assert_eq!(stored.publisher.as_deref(), Some("Cantor Fitzgerald"));
    assert_eq!(stored.published_at.map(|d| d.to_string()).as_deref(), Some("2025-01-27"));
    assert!(!app.has_label("Save details"), "the form closes once saved");
    assert!(app.has_label("Cantor on NVIDIA after DeepSeek"), "the view shows the new title");
}

/// A 1×1 GIF (the classic transparent pixel, 43 bytes).
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";

/// A 1×1 lossless WebP, written by the `image` crate's encoder.
fn webp() -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .encode(&[200, 30, 30, 255], 1, 1, image::ExtendedColorType::Rgba8)
        .unwrap();
    out
}

#[test]
fn attached_images_are_shown_in_the_preview() {
    let mut app = start();
    let vault = app.db.with_file_name("vault");
    std::fs::create_dir_all(&vault).unwrap();
    std::fs::write(
        vault.join("Chart note.md"),
        "# Chart note\n\nRevenue by quarter:\n\n![[chart.png]]\n\n![[spinner.gif]]\n\n![[photo.webp]]\n",
    )
    .unwrap();
    std::fs::write(vault.join("chart.png"), png::png(90)).unwrap();
    std::fs::write(vault.join("spinner.gif"), GIF).unwrap();
    std::fs::write(vault.join("photo.webp"), webp()).unwrap();
    let mut store = app.store();
    let options = jevons::io::ImportOptions::default();
    let report =
        jevons::io::import_path(&mut store, &vault, &options, &mut |_| {}, &std::sync::atomic::AtomicBool::new(false))
            .unwrap();
    assert_eq!(report.attachments, 3, "{report:?}");
    drop(store);

    app::set_search(&mut app, "\"Revenue by quarter\"");
    app.click("Chart note");
    app.click("Preview");
    let shown = app.app().preview_markdown().unwrap_or_default().to_owned();
    let ctx = app.harness.ctx.clone();
    let mut uris = Vec::new();
    for name in ["chart.png", "spinner.gif", "photo.webp"] {
        let embed = format!("![{name}](bytes://jevons-attachment/");
        assert!(shown.contains(&embed), "{name}: the embed is an image of its bytes: {shown}");
        let uri = shown.split(&embed[..embed.len() - "bytes://jevons-attachment/".len()]).nth(1);
        let uri = uri.and_then(|rest| rest.split(')').next()).unwrap().to_owned();
        let mut loaded = None;
        for _ in 0..50 {
            match ctx.try_load_image(&uri, egui::SizeHint::default()) {
                Ok(egui::load::ImagePoll::Ready { image }) => {
                    loaded = Some(image.size);
                    break;
                }
                Ok(egui::load::ImagePoll::Pending { .. }) => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    app.harness.step();
                }
                Err(error) => panic!("{name} does not load: {error}"),
            }
        }
        assert_eq!(loaded, Some([1, 1]), "{name} is decoded from the stored bytes");
        uris.push(uri);
    }
    assert!(!app.has_label_containing("image: "), "none turned into a link");

    app::set_search(&mut app, "DeepSeek");
    app.click_containing("DeepSeek R1");
    for uri in &uris {
        assert!(ctx.try_load_bytes(uri).is_err(), "another note open: the image's bytes are let go");
    }
}
