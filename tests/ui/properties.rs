//! The properties panel in the window, driven like a user would (egui_kittest over the real app):
//! a property added in the note is stored in its front matter, completed from what is in use,
//! changed and removed, and the note is found by `[key:value]` (the search box completing the key).

use crate::app;

use egui::{Key, Modifiers};
use jevons::model::read_properties;

use app::{set_search, start, titles};

#[test]
fn a_property_added_in_the_note_finds_it_by_search() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::N);
    app.input("Title").type_text("NVDA thesis");
    app.settle();
    app.type_into("Body", "Jevons paradox: cheaper compute, more demand.");
    app.type_into("New property name", "conviction");
    app.type_into("New property value", "high");
    app.click("Add property");
    let id = app.app().open_note().expect("the note was created");
    let stored = app.store().note(id).unwrap();
    assert_eq!(stored.body, "---\nconviction: high\n---\n\nJevons paradox: cheaper compute, more demand.");
    assert_eq!(app.value_of("Value of conviction").as_deref(), Some("high"), "the panel shows the new row");

    app.type_into("New property name", "price_target");
    app.type_into("New property value", "180");
    app.press(Key::Enter);
    let properties = read_properties(&app.store().note(id).unwrap().body);
    assert_eq!(properties.len(), 2);
    assert!(app.has_label("number"), "the type shows beside the value");

    set_search(&mut app, "[conviction:high]");
    assert_eq!(titles(&app), ["NVDA thesis"]);
    set_search(&mut app, "[price_target>150] jevons");
    assert_eq!(titles(&app), ["NVDA thesis"]);

    app.shortcut(Modifiers::COMMAND, Key::F);
    app.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    app.harness.step();
    app.input("Search").type_text("[price_t");
    app.settle();
    app.press(Key::Enter);
    assert_eq!(app.value_of("Search").as_deref(), Some("[price_target:"), "the search box completes property keys");

    app.click("Remove property conviction");
    assert_eq!(read_properties(&app.store().note(id).unwrap().body).len(), 1);
    set_search(&mut app, "[conviction:high]");
    assert!(titles(&app).is_empty());
}
