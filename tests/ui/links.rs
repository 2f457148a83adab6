//! Links between notes in the window, driven like a user would (egui_kittest over the real app):
//! a link in the preview opens its note, an unresolved one offers to create it, the "Linked from"
//! panel lists the notes linking here (and "Mentioned in" those naming it), `[[` completes
//! titles, and a rename offers to update the links that still say the old title.

use crate::app;

use egui::{Key, Modifiers, Role};
use jevons::model::NoteDraft;
use jevons::store::Store;
use jevons::ui::action::Action;

use app::{App, start_at};

/// The app over a database holding a target note, a note linking to it, one mentioning it
/// without a link and one linking to a note that does not exist; their ids in that order.
fn linked_notes() -> (App, [i64; 4]) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("links.db");
    let mut store = Store::open(&db).unwrap();
    let mut add = |title: &str, body: &str| store.create_note(&NoteDraft::new(title, body)).unwrap();
    let target = add("Capex cycle", "Hyperscalers keep spending.");
    let linker = add("Linker", "See [[capex cycle|the cycle]] for the thesis.");
    let mentioner = add("Mentioner", "The capex cycle is named here, not linked.");
    let dangling = add("Dangling", "An idea for later: [[Brand new idea]].");
    drop(store);
    (start_at(db, dir), [target, linker, mentioner, dangling])
}

fn open(app: &mut App, id: i64) {
    app.harness.state_mut().apply(Action::OpenNote(id));
    app.settle();
}

#[test]
fn clicking_a_link_in_the_preview_opens_its_note() {
    let (mut app, [target, linker, ..]) = linked_notes();
    open(&mut app, linker);
    app.click("Preview");
    app.click_role(Role::Link, "the cycle");
    assert_eq!(app.app().open_note(), Some(target));
}

#[test]
fn the_linked_from_panel_lists_the_notes_linking_here_and_those_naming_it() {
    let (mut app, [target, linker, mentioner, dangling]) = linked_notes();
    open(&mut app, target);
    assert!(app.has_label("Linked from (1)"), "the panel counts the backlinks");
    assert!(app.has_label("Mentioned in Mentioner"), "an unlinked mention is listed under it");
    assert!(!app.has_label("Linked from Dangling") && !app.has_label("Mentioned in Linker"));
    app.click("Linked from Linker");
    assert_eq!(app.app().open_note(), Some(linker));
    open(&mut app, dangling);
    assert!(app.has_label("Linked from (0)"));
    let _ = mentioner;
}

#[test]
fn an_unresolved_link_offers_to_create_its_note() {
    let (mut app, [_, _, _, dangling]) = linked_notes();
    open(&mut app, dangling);
    app.click("Preview");
    app.click_role(Role::Link, "Brand new idea?");
    assert!(app.has_label("No note has this title yet"), "a click asks first");
    app.click("Create the note");
    let created = app.app().open_note().expect("the new note is open");
    assert_ne!(created, dangling);
    let store = app.store();
    assert_eq!(store.note(created).unwrap().title, "Brand new idea");
    assert_eq!(store.note_links(dangling).unwrap()[0].target_id, Some(created), "the link reaches it now");
}

#[test]
fn typing_two_brackets_completes_a_note_title() {
    let (mut app, [_, _, _, dangling]) = linked_notes();
    open(&mut app, dangling);
    app.input("Body").focus();
    app.harness.step();
    app.harness.key_press_modifiers(Modifiers::COMMAND, Key::End);
    app.input("Body").type_text(" [[Cap");
    app.settle();
    assert!(app.has_label("Capex cycle"), "the title is offered");
    app.press(Key::Enter);
    let body = app.value_of("Body").unwrap();
    assert!(body.ends_with("[[Brand new idea]]. [[Capex cycle]]"), "{body:?}");
}

#[test]
fn a_rename_offers_to_update_the_links_that_say_the_old_title() {
    let (mut app, [target, linker, ..]) = linked_notes();
    open(&mut app, target);
    app.replace("Title", "Capex supercycle");
    app.shortcut(Modifiers::COMMAND, Key::S);
    assert!(app.has_label_containing("1 note links to the old title “Capex cycle”"), "the offer counts the notes");
    app.click("Update the link");
    let store = app.store();
    assert_eq!(store.note(linker).unwrap().body, "See [[Capex supercycle|the cycle]] for the thesis.");
    assert_eq!(store.backlinks(target).unwrap().len(), 1, "the link reaches the renamed note");
    assert_eq!(store.revisions(linker).unwrap().len(), 1, "the linking note keeps its earlier version");
    assert!(!app.has_label_containing("to the old title"), "the offer is gone");
}
