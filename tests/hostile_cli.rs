//! Hostile and mistaken input at the command line, beyond tests/cli.rs: whatever goes wrong is
//! one line on stderr, exit 1, and says its reason once (an error that quotes its cause is not
//! followed by the same cause again).

use std::path::Path;
use std::process::{Command, Output};

fn jevons(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jevons"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .env_remove("JEVONS_DB")
        .output()
        .unwrap()
}

/// The message after `jevons: `, checked to be one line that repeats none of its parts.
fn one_clear_line(out: &Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{what}: {stderr}");
    let message = stderr.trim_end().strip_prefix("jevons: ").unwrap_or_else(|| panic!("{what}: {stderr}"));
    assert!(!message.contains("panicked") && !message.contains("backtrace"), "{what}: {message}");
    for part in message.split(": ").filter(|p| p.len() >= 8) {
        assert_eq!(message.matches(part).count(), 1, "{what}: {part:?} is said twice in {message:?}");
    }
    message.to_owned()
}

#[test]
fn every_mistake_is_one_line_that_says_its_reason_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("research.db");
    assert!(jevons(&db, &["tickers"]).status.success());
    let other_app = dir.path().join("other.db");
    rusqlite::Connection::open(&other_app).unwrap().execute_batch("CREATE TABLE invoices (id INTEGER);").unwrap();
    let long_title = "t".repeat(1_001);
    let long_query = "q ".repeat(1_001);
    for (database, args, says) in [
        (&db, vec!["claim", "add", "--text", " "], "a claim needs its text"),
        (&db, vec!["claim", "add", "--text", "x", "--currency", "dollars"], "not a currency"),
        (&db, vec!["claim", "add", "--text", "x", "--as-of", "2025-02-30"], "not a date"),
        (&db, vec!["note", "add", "--title", &long_title], "at most 1000 characters"),
        (&db, vec!["search", &long_query], "at most 2000 characters"),
        (&db, vec!["search", "stance:maybe"], "not a stance"),
        (&db, vec!["search", "ticker:"], "needs a value"),
        (&db, vec!["note", "restore", "999"], "no note with id 999"),
        (&other_app, vec!["tickers"], "another application"),
    ] {
        let message = one_clear_line(&jevons(database, &args), &format!("{args:?}"));
        assert!(message.contains(says), "{args:?}: {message}");
    }
}
