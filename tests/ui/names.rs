//! The names tickers go by, taught and unlearned through the app: a name added in the dossier
//! makes the note's text name the ticker; a false match turned off in the suggestions is gone
//! from them, listed in the dossier, and can be read again.

use crate::app;

use egui::{Key, Modifiers};
use jevons::model::Symbol;

use app::{App, set_search, start};

fn write_note(app: &mut App, title: &str, body: &str) {
    app.shortcut(Modifiers::COMMAND, Key::N);
    app.input("Title").type_text(title);
    app.type_into("Body", body);
    app.shortcut(Modifiers::COMMAND, Key::S);
}

fn open_note_titled(app: &mut App, title: &str) {
    set_search(app, &format!("\"{title}\""));
    app.press(Key::ArrowDown);
    app.press(Key::Enter);
}

#[test]
fn a_name_taught_in_the_dossier_makes_the_text_name_the_ticker() {
    let mut app = start();
    write_note(&mut app, "Channel checks", "Team Green keeps shipping every part it makes.");
    app.click("Suggestions from the text");
    assert!(!app.has_label("Link NVDA to this note"), "nothing names NVDA yet");

    set_search(&mut app, "$NVDA");
    assert_eq!(app.app().open_dossier_symbol(), Some("NVDA"));
    app.type_into("New name for NVDA", "Team Green");
    app.click("Add name");
    assert!(app.has_label_containing("now means NVDA in your notes"), "a toast says so, with undo");
    assert!(app.has_label("Forget the name Team Green"), "the dossier lists the name");
    let aliases = app.store().ticker_aliases().unwrap();
    assert_eq!(aliases.len(), 1);
    assert_eq!((aliases[0].alias.as_str(), aliases[0].symbol.as_str()), ("Team Green", "NVDA"));

    // The same name given to another ticker moves it there; Undo gives it back.
    while app.has_label("Dismiss message") {
        app.click("Dismiss message");
    }
    app.click_containing("Ticker GOOGL");
    app.type_into("New name for GOOGL", "team green");
    app.click("Add name");
    assert!(app.has_label_containing("it meant NVDA before"), "the toast says where the name came from");
    assert_eq!(app.store().ticker_alias("Team Green").unwrap().map(|a| a.symbol.to_string()).as_deref(), Some("GOOGL"));
    app.click("Undo");
    assert_eq!(
        app.store().ticker_alias("Team Green").unwrap().map(|a| (a.alias, a.symbol.to_string())),
        Some(("Team Green".to_owned(), "NVDA".to_owned())),
        "back to NVDA, spelled as before"
    );

    open_note_titled(&mut app, "Channel checks");
    app.click("Suggestions from the text");
    assert!(app.has_label("Link NVDA to this note"), "the text is read with the new name");

    app.click_containing("Ticker NVDA");
    assert_eq!(app.app().open_dossier_symbol(), Some("NVDA"));
    app.click("Forget the name Team Green");
    assert!(app.store().ticker_aliases().unwrap().is_empty());
    assert!(!app.has_label("Forget the name Team Green"));
}

#[test]
fn a_false_match_turned_off_is_gone_and_can_be_read_again() {
    let mut app = start();
    write_note(&mut app, "Lunch", "Microsoft sells software; the canteen sold apple pie.");
    app.click("Suggestions from the text");
    assert!(app.has_label("Link MSFT to this note"), "Microsoft is read as MSFT");

    app.click("Never read “Microsoft” as MSFT");
    assert!(app.has_label_containing("is no longer read as MSFT"));
    assert!(!app.has_label("Link MSFT to this note"), "the suggestion is gone once the text is read again");
    let off = app.store().ticker_suppressions().unwrap();
    assert_eq!(off.len(), 1);
    assert_eq!(off[0].symbol, Symbol::parse("MSFT").unwrap());

    set_search(&mut app, "$MSFT");
    assert!(app.has_label_containing("Not read as MSFT"));
    app.click("Read “Microsoft” as MSFT again");
    assert!(app.store().ticker_suppressions().unwrap().is_empty());

    open_note_titled(&mut app, "Lunch");
    app.click("Suggestions from the text");
    assert!(app.has_label("Link MSFT to this note"), "read as MSFT again");
}
