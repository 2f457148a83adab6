//! A note's journal through the app: an entry written in the Journal tab is kept with its date
//! and shown as written; revising it keeps the first version, listed under it; a note in the
//! trash shows its journal but takes no new entries.

#[path = "common/app.rs"]
mod app;

use egui::Key;
use jevons::ui::action::Action;
use jevons::ui::note::actions::TrashAction;

use app::{App, set_search, start};

fn open_sample_note(app: &mut App) -> i64 {
    set_search(app, "DeepSeek");
    app.press(Key::ArrowDown);
    app.press(Key::Enter);
    app.app().open_note().expect("a note is open")
}

#[test]
fn an_entry_is_written_shown_as_written_and_revised_beside_its_first_version() {
    let mut app = start();
    let note = open_sample_note(&mut app);
    app.click("Journal, 0 entries");
    app.type_into("New journal entry", "Bought NVDA on the DeepSeek dip: Jevons paradox.");
    app.click("Write entry");
    let journal = app.store().journal(note).unwrap();
    assert_eq!(journal.len(), 1);
    assert_eq!(journal[0].current().unwrap().text, "Bought NVDA on the DeepSeek dip: Jevons paradox.");
    assert!(app.has_label("Journal, 1 entry"));
    assert!(app.has_label("Bought NVDA on the DeepSeek dip: Jevons paradox."), "the entry is shown");
    assert_eq!(app.value_of("New journal entry").as_deref(), Some(""), "the field is ready for the next");

    app.click("Revise…");
    app.replace("Revised journal entry", "Bought a half position on the DeepSeek dip.");
    app.click("Keep revision");
    let versions: Vec<String> = app.store().journal(note).unwrap()[0].versions.iter().map(|v| v.text.clone()).collect();
    assert_eq!(
        versions,
        ["Bought NVDA on the DeepSeek dip: Jevons paradox.", "Bought a half position on the DeepSeek dip."]
    );
    assert!(app.has_label("Bought a half position on the DeepSeek dip."));
    app.click_containing("1 earlier version");
    assert!(app.has_label("Bought NVDA on the DeepSeek dip: Jevons paradox."), "the first version stays visible");
}

#[test]
fn a_trashed_note_shows_its_journal_but_takes_no_entries() {
    let mut app = start();
    let note = open_sample_note(&mut app);
    app.click("Journal, 0 entries");
    app.type_into("New journal entry", "Written before the trash.");
    app.click("Write entry");
    app.harness.state_mut().apply(Action::Trash(TrashAction::Move(note)));
    app.settle();
    app.harness.state_mut().apply(Action::OpenNote(note));
    app.settle();
    assert!(app.app().open_note() == Some(note));
    app.click_containing("Journal, 1");
    assert!(app.has_label("Written before the trash."));
    assert!(!app.has_label("New journal entry") && !app.has_label("Revise…"), "a trashed note is read only");
    let refused = app.store().add_journal_entry(note, "Sneaked in.").unwrap_err().to_string();
    assert!(refused.contains("in the trash"), "{refused}");
}
