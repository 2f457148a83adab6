//! Hostile and mistaken input at the command line, beyond tests/cli/commands.rs: whatever goes wrong is
//! one line on stderr, exit 1, and says its reason once (an error that quotes its cause is not
//! followed by the same cause again). `--db` is a file name, never an SQLite URI, and never a
//! pipe or a device; text from notes and files reaches the terminal with its control characters
//! written out.

use crate::cli;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use cli::{command, jevons};

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

/// `--db 'file:notes.db?mode=memory'` once printed an id and saved nothing, and `--db file:x.db`
/// opened `x.db`: SQLite read the path as a URI. A path is a file name: each of these creates the
/// file of exactly that name in the current folder, and what was saved is there for the next
/// command and for stock SQLite.
#[test]
fn a_database_path_is_a_file_name_never_an_sqlite_uri() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["file:notes.db?mode=memory", "file:x.db", ":memory:", "file::memory:?cache=shared"] {
        let run = |args: &[&str]| command(Path::new(name), args).current_dir(dir.path()).output().unwrap();
        let added = run(&["note", "add", "--title", "important", "--body", "kept on disk"]);
        assert!(added.status.success(), "{name}: {}", String::from_utf8_lossy(&added.stderr));
        let id = String::from_utf8_lossy(&added.stdout).trim().to_owned();
        let file = dir.path().join(name);
        assert!(file.is_file(), "{name}: no file of that name");
        let shown = run(&["note", "show", &id, "--json"]);
        let note: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
        assert_eq!(note["body"], "kept on disk", "{name}");
        let conn = rusqlite::Connection::open(&file).unwrap();
        let body: String = conn.query_row("SELECT body FROM note WHERE id = ?1", [&id], |r| r.get(0)).unwrap();
        assert_eq!(body, "kept on disk", "{name}: read by SQLite from the file itself");
    }
    for other in ["x.db", "notes.db"] {
        assert!(!dir.path().join(other).exists(), "{other} was created");
    }
}

/// Runs `command`, failing the test (and killing the command) if it has not ended in 30 s.
fn within_a_deadline(mut command: Command, what: &str) -> Output {
    let mut child = command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("{what} still ran after 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// A named pipe as `--db` made every command wait forever for a writer. A pipe, a device, a
/// socket or a folder is refused at once, by every command, without being read.
#[cfg(unix)]
#[test]
fn a_pipe_a_device_a_socket_or_a_folder_is_refused_as_a_database() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.db");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo");
    let socket = dir.path().join("socket.db");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let folder = dir.path().join("folder.db");
    std::fs::create_dir(&folder).unwrap();
    let export = dir.path().join("out.json");
    let export = export.to_str().unwrap();
    for (db, says) in [
        (fifo.as_path(), "is a named pipe (FIFO), not a database file"),
        (Path::new("/dev/null"), "is a device, not a database file"),
        (socket.as_path(), "is a socket, not a database file"),
        (folder.as_path(), "is a folder, not a database file"),
    ] {
        for args in [
            &["tickers"][..],
            &["note", "add", "--title", "lost?"],
            &["export", "--format", "json", export],
            &["backup"],
            &["restore", "nothing.db"],
        ] {
            let what = format!("{} {args:?}", db.display());
            let out = within_a_deadline(command(db, args), &what);
            let message = one_clear_line(&out, &what);
            assert!(message.contains(says), "{what}: {message}");
        }
    }
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe is left as it was");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 3, "nothing written beside them: {left:?}");
}

/// Text that holds terminal controls: a bell, a screen clear, an OSC 52 clipboard write, the C1
/// control sequence introducer, a carriage return that would hide the text before it.
const HOSTILE: &str = "\u{7}\u{1b}[2J\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{9b}31m\rhidden";

/// Whether `text` holds a control character other than a line break or a tab.
fn has_raw_controls(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// Control characters in notes, claims, file names and errors reached the terminal raw (OSC 52
/// can write the clipboard). Every human-readable output writes them out (`\x1b`, `\u{9b}`);
/// a body keeps its line breaks and tabs; JSON escapes them, C1 and DEL included.
#[test]
fn control_characters_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("research.db");
    let title = format!("Title {HOSTILE}");
    let body = format!("line one\n\tindented {HOSTILE}\nline three $NVDA");
    let added = jevons(&db, &["note", "add", "--title", &title, "--body", &body, "--tag", "hostile"]);
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    let id = String::from_utf8_lossy(&added.stdout).trim().to_owned();
    let claim_text = format!("Claim {HOSTILE}");
    let claimant = format!("Claimant {HOSTILE}");
    let claim = jevons(
        &db,
        &["claim", "add", "--text", &claim_text, "--note", &id, "--claimant", &claimant, "--ticker", "NVDA:bullish"],
    );
    assert!(claim.status.success(), "{}", String::from_utf8_lossy(&claim.stderr));
    let vault = dir.path().join("vault");
    std::fs::create_dir(&vault).unwrap();
    std::fs::write(vault.join(format!("name {HOSTILE}.md")), b"\x80\x81 not UTF-8").unwrap();

    let runs: Vec<(&str, Output)> = vec![
        ("note show", jevons(&db, &["note", "show", &id])),
        ("search", jevons(&db, &["search", "title"])),
        ("ticker", jevons(&db, &["ticker", "NVDA"])),
        ("import report", jevons(&db, &["import", vault.to_str().unwrap()])),
        ("error", jevons(&db, &["import", &format!("/nonexistent/{HOSTILE}")])),
        ("error", jevons(&db, &["note", "add", "--title", "x", "--body-file", &format!("/nonexistent/{HOSTILE}")])),
    ];
    for (what, out) in &runs {
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!has_raw_controls(&stdout) && !has_raw_controls(&stderr), "{what}: {stdout:?} {stderr:?}");
        let seen = format!("{stdout}{stderr}");
        assert!(seen.contains("\\x1b]52;c;"), "{what} shows the escape written out: {seen:?}");
    }
    let shown = String::from_utf8_lossy(&runs[0].1.stdout).into_owned();
    assert!(shown.contains("line one\n\tindented \\x07\\x1b[2J"), "{shown}");
    assert!(shown.contains("\\u{9b}31m\\rhidden\nline three"), "{shown}");

    let json = jevons(&db, &["note", "show", &id, "--json"]);
    let text = String::from_utf8(json.stdout).unwrap();
    assert!(!has_raw_controls(&text), "{text:?}");
    assert!(text.contains("\\u009b"), "C1 escaped in JSON: {text}");
    let note: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(note["title"], title.as_str(), "the JSON reads back to the very text");
    assert_eq!(note["claims"][0]["claimant"], claimant.as_str());
}
