//! File → Sync driven like a user would: before any sync the window asks for the team's
//! repository (a wrong one fails clearly and can be changed); then File → Sync sends its notes
//! and takes in the others', shows what it did, and the status bar shows when it last synced;
//! syncing automatically every 5 minutes works without a window.

use crate::app;

use std::process::Command;
use std::time::{Duration, Instant};

use app::{App, start_at};
use jevons::model::NoteDraft;
use jevons::store::Store;

fn wait_for_job(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while app.app().is_transferring() {
        assert!(Instant::now() < deadline, "the sync did not finish");
        std::thread::sleep(Duration::from_millis(10));
        app.harness.step();
    }
    app.settle();
}

#[test]
fn file_sync_sends_and_receives_and_the_status_bar_says_when() {
    let dir = tempfile::tempdir().unwrap();
    let remote = dir.path().join("team.git");
    let made = Command::new("git").args(["init", "-q", "--bare", "-b", "main"]).arg(&remote).output().unwrap();
    assert!(made.status.success());
    // A teammate's database, synced from the command line, has a note to share.
    let theirs = dir.path().join("theirs.db");
    let mut store = Store::open(&theirs).unwrap();
    store.create_note(&NoteDraft::new("Teammate memo", "quokka capex")).unwrap();
    drop(store);
    let out = Command::new(env!("CARGO_BIN_EXE_jevons"))
        .arg("--db")
        .arg(&theirs)
        .args(["sync", remote.to_str().unwrap()])
        .env_remove("JEVONS_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let db = dir.path().join("mine.db");
    let mut app = start_at(db.clone(), tempfile::tempdir().unwrap());
    // No repository named yet: File → Sync asks for one, and a wrong one is said to be wrong.
    app.click("File");
    app.click("Sync");
    assert!(app.has_label_containing("The team's git repository"), "the first sync asks where");
    app.type_into("Team repository", dir.path().join("nowhere.git").to_str().unwrap());
    app.click("Sync");
    wait_for_job(&mut app);
    assert!(app.has_label("Sync failed"), "a repository that does not exist fails clearly");
    app.click("Change and try again");
    app.replace("Team repository", remote.to_str().unwrap());
    app.click("Sync");
    wait_for_job(&mut app);
    assert!(app.has_label_containing("Synced with"), "the summary says what it did");
    assert!(app.has_label_containing("received 1 new"), "the teammate's note came in");
    app.click("Close");
    app.settle();
    assert!(app.has_label_containing("Synced "), "the status bar says when");
    let found = Store::open(&db).unwrap().search(&jevons::query::parse("quokka").unwrap(), 10, 0).unwrap();
    let titles: Vec<&str> = found.results.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["Teammate memo"]);

    // Synced automatically every 5 minutes: nothing before they pass, then a sync that says so
    // in the status bar only (no window).
    app.click("File");
    app.click_containing("Sync automatically: off");
    app.click("Every 5 minutes");
    let mut store = Store::open(&theirs).unwrap();
    store.create_note(&NoteDraft::new("Second memo", "wombat capex")).unwrap();
    drop(store);
    let pushed = Command::new(env!("CARGO_BIN_EXE_jevons")).arg("--db").arg(&theirs).arg("sync").output().unwrap();
    assert!(pushed.status.success(), "{}", String::from_utf8_lossy(&pushed.stderr));
    let now = app.harness.ctx.input(|i| i.time);
    app.harness.input_mut().time = Some(now + 60.0);
    app.settle();
    assert!(!app.app().is_transferring(), "not due yet");
    app.harness.input_mut().time = Some(now + 301.0);
    app.harness.step();
    wait_for_job(&mut app);
    assert!(!app.has_label_containing("Synced with"), "an automatic sync that worked opens no window");
    let found = Store::open(&db).unwrap().search(&jevons::query::parse("wombat").unwrap(), 10, 0).unwrap();
    assert_eq!(found.results.len(), 1, "the teammate's second note came in by itself");
}
