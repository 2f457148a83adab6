//! The File menu driven like a user would: import a folder (with a summary that lists what was
//! skipped and why), keep working while a large import runs, cancel it, export, back up; and a
//! full disk while typing (the text stays in the editor, saving works again once space is back).

use crate::app;

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use jevons::model::NoteDraft;

use app::{App, start, start_at, start_with};
use jevons::ui::AppConfig;

/// Steps frames until the File menu's job has finished, then lets the app settle.
fn wait_for_job(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while app.app().is_transferring() {
        assert!(Instant::now() < deadline, "the job did not finish");
        std::thread::sleep(Duration::from_millis(10));
        app.harness.step();
    }
    app.settle();
}

fn menu(app: &mut App, item: &str) {
    app.click("File");
    app.click(item);
}

fn write_notes(folder: &Path, count: usize) {
    std::fs::create_dir_all(folder).unwrap();
    for i in 0..count {
        let text = format!("---\ntags: [imported]\n---\n# Imported note {i}\n\n$AMD capacity {i} #gpu\n");
        std::fs::write(folder.join(format!("note-{i:05}.md")), text).unwrap();
    }
}

#[test]
fn a_folder_imported_from_the_file_menu_shows_up_with_a_summary_of_what_was_skipped() {
    let mut app = start();
    let folder = app.db.parent().unwrap().join("vault");
    write_notes(&folder, 3);
    std::fs::write(folder.join("latin1.md"), b"# Caf\xe9 notes\n\nPre\xe7o alvo").unwrap();
    std::fs::write(folder.join("huge.md"), "x".repeat(jevons::model::MAX_BODY_BYTES + 10)).unwrap();
    std::fs::write(folder.join("chart.png"), [0x89, b'P', b'N', b'G']).unwrap();

    menu(&mut app, "Import…");
    app.type_into("Import from", &folder.display().to_string());
    app.click("Import");
    wait_for_job(&mut app);

    assert!(app.has_label("Import finished"), "the window says it is done");
    assert!(app.has_label_containing("Imported in"));
    assert!(app.has_label_containing("3 new"), "counts are shown");
    assert!(app.has_label("SKIPPED, AND WHY"));
    assert!(app.has_label("huge.md"), "the skipped file is named");
    assert!(app.has_label_containing("1 not Markdown"), "the picture is counted, not imported");
    let skipped = app.store().note_counts().unwrap();
    assert!(skipped.0 >= 6, "3 sample notes and 3 imported ones (and the Latin-1 file read as text): {skipped:?}");

    // The sidebar and the results were refreshed without a restart.
    assert!(app.app().result_count() >= 6, "results: {}", app.app().result_count());
    assert!(app.has_label_containing("Tag imported,"), "the new tag is in the sidebar");
    app.click("Close");
    assert!(!app.has_label("SKIPPED, AND WHY"));

    // The form remembers the folder, and importing it again updates instead of duplicating.
    menu(&mut app, "Import…");
    assert_eq!(app.value_of("Import from").as_deref(), Some(folder.display().to_string().as_str()));
    app.click("Import");
    wait_for_job(&mut app);
    assert!(app.has_label_containing("0 new"));
    assert_eq!(app.store().note_counts().unwrap(), skipped);
}

#[test]
fn the_app_stays_usable_during_a_large_import_and_cancel_keeps_what_was_imported() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("big");
    write_notes(&folder, 30_000);
    let db = dir.path().join("research.db");
    let mut app = start_at(db, dir);

    menu(&mut app, "Import…");
    app.type_into("Import from", &folder.display().to_string());
    app.click("Import");
    assert!(app.app().is_transferring(), "the import runs in the background");
    assert!(app.has_label("Importing"), "the window shows progress");

    // A note written while the import runs is saved at once.
    app.shortcut(Modifiers::COMMAND, Key::N);
    app.input("Title").type_text("Written during the import");
    app.shortcut(Modifiers::COMMAND, Key::S);
    let id = app.app().open_note().expect("saved while the import runs");
    assert!(app.app().is_transferring(), "30,000 files take longer than that");

    // Closing the window asks first; keeping it running changes nothing.
    app.harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    app.harness.step();
    app.settle();
    assert!(app.has_label("An import is still running"), "closing asks while the import runs");
    app.click("Keep it running");
    assert!(app.app().is_transferring());

    app.click("Cancel");
    wait_for_job(&mut app);
    assert!(app.has_label_containing("Cancelled after"), "the summary says it was cancelled");
    let store = app.store();
    assert_eq!(store.note(id).unwrap().title, "Written during the import");
    let (notes, _) = store.note_counts().unwrap();
    assert!(notes < 3 + 1 + 30_000, "cancelled before the end: {notes}");
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn export_and_back_up_from_the_file_menu() {
    let mut app = start();
    let out = app.db.parent().unwrap().join("everything.json");

    menu(&mut app, "Export…");
    app.click_containing("JSON: the whole database");
    assert!(app.value_of("Export to").unwrap().ends_with(".json"), "the proposed name follows the format");
    app.replace("Export to", &out.display().to_string());
    app.click("Export");
    wait_for_job(&mut app);
    assert!(app.has_label_containing("Exported 3 notes"), "the summary gives counts");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert!(json["format_version"].is_number());
    app.click("Close");

    // The same path again: refused, nothing overwritten, and the path can be changed.
    menu(&mut app, "Export…");
    app.click_containing("JSON: the whole database");
    app.replace("Export to", &out.display().to_string());
    app.click("Export");
    wait_for_job(&mut app);
    assert!(app.has_label_containing("already exists"), "a clear reason");
    app.click("Change and try again");
    assert_eq!(app.value_of("Export to").as_deref(), Some(out.display().to_string().as_str()));
    app.click("Cancel");

    menu(&mut app, "Back up now");
    wait_for_job(&mut app);
    assert!(app.has_label_containing("Backed up 3 notes to"), "a toast says where");
    let backups: Vec<_> = std::fs::read_dir(app.db.parent().unwrap().join("backups")).unwrap().collect();
    assert_eq!(backups.len(), 1);
}

#[test]
fn a_database_opened_again_gets_its_daily_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("research.db");
    jevons::store::Store::open(&db).unwrap().create_note(&NoteDraft::new("kept", "safe")).unwrap();
    let stale = dir.path().join("backups").join("auto-20250101-000000.db.partial");
    std::fs::create_dir_all(stale.parent().unwrap()).unwrap();
    std::fs::write(&stale, b"half a copy").unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(3 * 24 * 3600);
    std::fs::File::options().write(true).open(&stale).unwrap().set_modified(old).unwrap();
    let journal = stale.with_extension("partial-journal");
    std::fs::write(&journal, b"its journal").unwrap();
    std::fs::File::options().write(true).open(&journal).unwrap().set_modified(old).unwrap();
    let config = AppConfig { db, fresh: true, daily_backup: true, ..AppConfig::default() };
    let app = start_with(config, dir);
    let backups = app.db.parent().unwrap().join("backups");
    let deadline = Instant::now() + Duration::from_secs(60);
    let made = || {
        std::fs::read_dir(&backups)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with("auto-") && name.ends_with(".db.zst"))
            .count()
    };
    // The backup appears, and a half-written copy left days ago is cleared.
    while made() == 0 || stale.exists() || journal.exists() {
        assert!(Instant::now() < deadline, "backups: {}, stale copy still there: {}", made(), stale.exists());
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_full_disk_keeps_the_text_in_the_editor_and_saving_works_once_space_is_back() {
    let mut app = start();
    app.shortcut(Modifiers::COMMAND, Key::N);
    app.input("Title").type_text("Disk test");
    app.shortcut(Modifiers::COMMAND, Key::S);
    let id = app.app().open_note().expect("saved");

    app.harness.state_mut().store_mut().unwrap().simulate_full_disk(true).unwrap();
    app.type_into("Body", "typed while the disk was full");
    app.harness.run_steps(6);
    app.settle();
    assert!(app.has_label_containing("Not saved"), "a clear error");
    assert!(app.has_label_containing("Your text is still here"));
    assert_eq!(app.value_of("Body").as_deref(), Some("typed while the disk was full"), "the text stays");
    assert_eq!(app.store().note(id).unwrap().body, "", "what was saved before is intact");

    // Asking again while the disk is still full changes nothing and loses nothing.
    app.shortcut(Modifiers::COMMAND, Key::S);
    assert!(app.has_label_containing("Not saved"));
    assert_eq!(app.value_of("Body").as_deref(), Some("typed while the disk was full"));

    app.harness.state_mut().store_mut().unwrap().simulate_full_disk(false).unwrap();
    app.click("Try again");
    assert!(!app.has_label_containing("Not saved"), "the error is gone once saved");
    assert_eq!(app.store().note(id).unwrap().body, "typed while the disk was full");
}
