//! Theses and journals through the app: New thesis from a dossier writes the template on its
//! ticker; an entry written in the Journal tab is kept with its date and shown as written;
//! revising it keeps the first version, listed under it; a note in the trash shows its journal
//! but takes no new entries.

use crate::app;

use egui::{Key, Modifiers};
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

#[test]
fn a_thesis_started_from_a_dossier_is_on_its_ticker_with_the_template_sections() {
    let mut app = start();
    app.harness.state_mut().apply(Action::OpenDossier(jevons::model::Symbol::parse("NVDA").unwrap()));
    app.settle();
    app.click("New thesis");
    app.shortcut(Modifiers::COMMAND, Key::S);
    let id = app.app().open_note().expect("the thesis is saved");
    let note = app.store().note(id).unwrap();
    assert_eq!(note.title, "NVDA thesis");
    assert!(note.body.starts_with("---\ntype: thesis\n"), "{}", note.body);
    for section in ["## Thesis\n$NVDA: ", "## Pillars", "## Kill criteria", "## Catalysts"] {
        assert!(note.body.contains(section), "{section}");
    }
    assert!(note.tickers.iter().any(|t| t.symbol.as_str() == "NVDA"), "the $NVDA in the template links it");
}

#[test]
fn a_thesis_past_its_review_date_is_due_in_the_sidebar_until_marked_reviewed() {
    let mut app = start();
    app.click("New thesis");
    app.shortcut(Modifiers::COMMAND, Key::S);
    let id = app.app().open_note().expect("the thesis is saved");
    assert!(!app.has_label_containing("Due for review,"), "a new thesis is due in 90 days");
    app.replace("Value of review", "2020-01-01");
    app.press(Key::Enter);
    assert!(app.store().note(id).unwrap().body.contains("review: 2020-01-01"));
    assert!(app.has_label("Due for review, 1 note"), "the sidebar counts it");
    assert!(app.has_label_containing("Review due"), "the note says it is due");

    app.click("Due for review, 1 note");
    assert_eq!(app.value_of("Search").as_deref(), Some("is:due"));
    assert_eq!(app.app().result_ids(), [id]);

    app.click("Reviewed (next in 90 days)");
    let body = app.store().note(id).unwrap().body;
    let next = chrono::Local::now().date_naive() + chrono::Days::new(90);
    assert!(body.contains(&format!("review: {next}")), "{body}");
    assert!(body.contains(&format!("reviewed: {}", chrono::Local::now().date_naive())), "{body}");
    assert!(!app.has_label_containing("Due for review,"), "nothing is due any more");
}

#[test]
fn the_catalysts_of_the_theses_on_a_ticker_are_listed_in_its_dossier_and_open_their_thesis() {
    let mut app = start();
    let body = "---\ntype: thesis\n---\n## Thesis\n$NVDA: Jevons paradox.\n\n## Catalysts\n\
                - 2025-02-26: Q4 FY25 earnings\n- 2099-03-18: GTC keynote\n- YYYY-MM-DD: \n";
    let thesis = app.store().create_note(&jevons::model::NoteDraft::new("NVDA thesis", body)).unwrap();
    let plain = "## Catalysts\n- 2025-05-28: not a thesis, not listed\n$NVDA";
    app.store().create_note(&jevons::model::NoteDraft::new("NVDA notes", plain)).unwrap();
    app.harness.state_mut().apply(Action::OpenDossier(jevons::model::Symbol::parse("NVDA").unwrap()));
    app.settle();
    assert!(app.has_label("Catalyst 2099-03-18 GTC keynote, in NVDA thesis"), "a coming catalyst");
    assert!(app.has_label("Catalyst 2025-02-26 Q4 FY25 earnings, in NVDA thesis"), "a past one");
    assert!(!app.has_label_containing("not a thesis"), "only theses' catalysts are listed");
    app.click("Catalyst 2099-03-18 GTC keynote, in NVDA thesis");
    assert_eq!(app.app().open_note(), Some(thesis));
}
