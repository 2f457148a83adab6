//! Encryption in the window, driven like a user would: an encrypted database asks for its
//! passphrase before anything of it is read (a wrong one says so, changes no byte, and may be
//! typed again), and File → Encrypt this database… encrypts the open database with progress and
//! reopens it. One test: the passphrase a window is given holds for its whole process.

use crate::app;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::Modifiers;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use jevons::model::NoteDraft;
use jevons::store::{Key, Store, cipher};

use app::{App, set_search, start, start_at, titles};

const SECRET_WORD: &str = "quokkazanzibar";

/// The password field named `label`.
fn password_field<'a>(app: &'a App, label: &'a str) -> egui_kittest::Node<'a> {
    app.harness
        .query_all_by_label(label)
        .find(|n| matches!(n.accesskit_node().role(), Role::PasswordInput | Role::TextInput))
        .unwrap_or_else(|| panic!("no field named {label:?}"))
}

fn type_password(app: &mut App, label: &str, text: &str) {
    password_field(app, label).focus();
    app.harness.step();
    password_field(app, label).type_text(text);
    app.settle();
}

fn fingerprint(db: &Path) -> Vec<(bool, u64)> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            let path = PathBuf::from(name);
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            std::fs::read(&path).unwrap_or_default().hash(&mut hasher);
            (path.exists(), hasher.finish())
        })
        .collect()
}

/// Steps frames until the database is open again (after an encryption).
fn wait_until_ready(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !app.app().is_ready() {
        assert!(Instant::now() < deadline, "the database did not open again");
        std::thread::sleep(Duration::from_millis(20));
        app.harness.step();
        app.settle();
    }
}

/// Steps the window until `done` holds, or fails saying `what` did not happen.
fn wait_until(app: &mut App, done: impl Fn() -> bool, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !done() {
        assert!(Instant::now() < deadline, "timed out: {what}");
        std::thread::sleep(Duration::from_millis(20));
        app.harness.step();
        app.settle();
    }
}

#[test]
fn the_window_asks_for_the_passphrase_and_encrypts_from_the_file_menu() {
    assert!(!cipher::has_key(), "no passphrase before the window is given one");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sealed.db");
    let key = Key::new("the right one").unwrap();
    Store::open_keyed(&db, &key)
        .unwrap()
        .create_note(&NoteDraft::new("Private call", format!("the broker said {SECRET_WORD}")))
        .unwrap();
    let before = fingerprint(&db);

    let mut app = start_at(db.clone(), dir);
    assert!(app.has_label("This research database is encrypted"), "the passphrase is asked for first");
    assert!(!app.app().is_ready(), "nothing is open before the passphrase");
    type_password(&mut app, "Passphrase", "not it");
    app.click("Open");
    assert!(app.has_label_containing("wrong passphrase"), "a wrong passphrase says so");
    assert!(!app.app().is_ready());
    assert_eq!(fingerprint(&db), before, "a wrong passphrase changed the files");
    type_password(&mut app, "Passphrase", "the right one");
    app.click("Open");
    assert!(app.app().is_ready(), "the right passphrase opens the database");
    set_search(&mut app, SECRET_WORD);
    assert_eq!(titles(&app), vec!["Private call".to_owned()]);
    drop(app);

    // A plain database, encrypted from the File menu.
    let mut app = start();
    assert!(app.app().is_ready());
    let plain = app.db.clone();
    assert!(!cipher::is_encrypted(&plain));
    app.click("File");
    app.click("Encrypt this database…");
    type_password(&mut app, "Passphrase", "brand new");
    type_password(&mut app, "Passphrase again", "brand newt");
    app.click("Encrypt");
    assert!(app.has_label("The two passphrases differ."), "a mismatch is refused");
    assert!(!cipher::is_encrypted(&plain));
    password_field(&app, "Passphrase again").focus();
    app.harness.step();
    app.harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    app.harness.step();
    password_field(&app, "Passphrase again").type_text("brand new");
    app.settle();
    app.click("Encrypt");
    // The worker may not have started when the click returns: wait for the file itself.
    wait_until(&mut app, || cipher::is_encrypted(&plain), "the file is encrypted");
    wait_until_ready(&mut app);
    assert!(cipher::is_encrypted(&plain), "the file is encrypted");
    assert!(app.has_label_containing("The database is encrypted"), "the window says so");
    set_search(&mut app, "DeepSeek");
    assert!(!titles(&app).is_empty(), "the sample research is there after reopening");
    // An export writes plain files: the window says so once.
    let out = plain.with_file_name("export.json");
    app.click("File");
    app.click("Export…");
    app.click_containing("JSON: the whole database");
    app.replace("Export to", &out.display().to_string());
    // Read before the job's frames move the clock past the notice's few seconds.
    app.harness.get_by_label("Export").click();
    app.harness.step();
    app.harness.step();
    assert_eq!(app.harness.query_all_by_label_contains("plain text").count(), 1, "one notice");
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.app().is_transferring() {
        assert!(Instant::now() < deadline, "the export did not finish");
        std::thread::sleep(Duration::from_millis(10));
        app.harness.step();
    }
    app.settle();
    assert!(out.exists());
    let reopened = Store::open_keyed(&plain, &Key::new("brand new").unwrap()).unwrap();
    assert!(reopened.check().unwrap().is_sound());
}
