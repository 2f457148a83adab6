//! `jevons import`, `export`, `backup` and `restore` through the real binary: counts, files
//! written, and one-line errors that leave everything as it was.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli;

use cli::Cli;

/// What these tests ask of a run beyond the shared runner.
trait Quiet {
    /// Runs a command that must succeed and, being short, print no progress; its output.
    fn quiet(&self, args: &[&str]) -> String;
    fn live_notes(&self) -> u64;
}

impl Quiet for Cli {
    fn quiet(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "short runs print no progress: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn live_notes(&self) -> u64 {
        let out = self.quiet(&["check"]);
        let count = out.trim_start_matches("ok: ").split(' ').next().unwrap();
        count.parse().unwrap_or_else(|_| panic!("{out}"))
    }
}

fn vault(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vaults").join(name)
}

#[test]
fn import_prints_counts_and_a_second_run_updates_nothing() {
    let cli = Cli::new();
    let path = vault("obsidian");
    let report: Value = serde_json::from_str(&cli.quiet(&["import", path.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!((report["imported"].as_u64(), report["updated"].as_u64()), (Some(5), Some(0)), "{report}");
    assert_eq!(report["skipped"], serde_json::json!([]));
    assert_eq!((report["ignored"].as_u64(), report["attachments"].as_u64()), (Some(0), Some(1)));
    let text = cli.quiet(&["import", path.to_str().unwrap()]);
    assert_eq!(text.lines().next(), Some("imported 0, updated 0, unchanged 5, skipped 0, attachments 1"));
    assert_eq!(cli.live_notes(), 3 + 5, "the new database's sample plus the vault");
}

#[test]
fn import_lists_skipped_files_with_their_reasons() {
    let cli = Cli::new();
    let folder = cli.path("notes");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("good.md"), "fine").unwrap();
    fs::write(folder.join("empty.md"), "").unwrap();
    fs::write(folder.join("latin1.md"), b"caf\xe9").unwrap();
    let text = cli.quiet(&["import", folder.to_str().unwrap()]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "imported 1, updated 0, unchanged 0, skipped 2");
    assert_eq!(lines[1], "skipped empty.md: empty file");
    assert!(lines[2].starts_with("skipped latin1.md: not UTF-8 text (invalid byte at offset 3)"), "{text}");
}

#[test]
fn import_errors_are_one_line() {
    let cli = Cli::new();
    let missing = cli.path("missing");
    assert!(cli.user_error(&["import", missing.to_str().unwrap()]).contains("cannot import"));
    let picture = cli.path("picture.png");
    fs::write(&picture, "png").unwrap();
    assert!(cli.user_error(&["import", picture.to_str().unwrap()]).contains("not a Markdown file"));
    let other = cli.path("other.json");
    fs::write(&other, "{\"a\": 1}").unwrap();
    assert!(cli.user_error(&["import", other.to_str().unwrap()]).contains("not a Jevons JSON export"));
}

#[test]
fn exports_write_markdown_json_and_csv_that_import_back() {
    let cli = Cli::new();
    cli.quiet(&["demo"]);
    let folder = cli.path("md");
    let out = cli.quiet(&["export", "--format", "markdown", folder.to_str().unwrap()]);
    assert_eq!(out.trim(), format!("exported 3 notes, 11 claims, 6 sources to {}", folder.display()));
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 3);
    let json = cli.path("all.json");
    cli.quiet(&["export", "--format", "json", json.to_str().unwrap()]);
    let doc: Value = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
    assert_eq!(doc["format_version"], 1);
    assert_eq!(doc["notes"].as_array().unwrap().len(), 3);
    let csv = cli.path("claims.csv");
    assert_eq!(
        cli.quiet(&["export", "--format", "csv", csv.to_str().unwrap()]).trim(),
        format!("exported 11 claims to {}", csv.display())
    );
    assert_eq!(fs::read_to_string(&csv).unwrap().lines().count(), 12);

    let other = Cli::new();
    let report: Value = serde_json::from_str(&other.quiet(&["import", json.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!((report["imported"].as_u64(), report["unchanged"].as_u64()), (Some(0), Some(3)), "{report}");
    let report: Value = serde_json::from_str(&other.quiet(&["import", folder.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(report["imported"], 0, "the same notes, recognised by uid: {report}");
    let tickers: Value = serde_json::from_str(&other.quiet(&["ticker", "NVDA", "--json"])).unwrap();
    assert_eq!(tickers["claims"].as_array().unwrap().len(), 11, "no claim was duplicated");

    assert!(cli.user_error(&["export", "--format", "json", json.to_str().unwrap()]).contains("already exists"));
    assert_eq!(cli.run(&["export", "--format", "yaml", "x"]).status.code(), Some(2));
}

#[test]
fn backup_then_restore_after_deleting_the_database() {
    let cli = Cli::new();
    cli.quiet(&["note", "add", "--title", "Keep me", "--body", "$NVDA"]);
    let out = cli.quiet(&["backup"]);
    assert!(out.starts_with("backed up 4 notes to "), "{out}");
    let made = PathBuf::from(out.trim().trim_start_matches("backed up 4 notes to "));
    assert_eq!(made.parent(), Some(cli.path("backups").as_path()));

    let chosen = cli.path("copy.db");
    cli.quiet(&["backup", chosen.to_str().unwrap()]);
    assert!(cli.user_error(&["backup", chosen.to_str().unwrap()]).contains("already exists"));

    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", cli.db.display()));
    }
    let out = cli.quiet(&["restore", made.to_str().unwrap()]);
    assert_eq!(out.trim(), format!("restored 4 notes from {}", made.display()));
    assert_eq!(cli.live_notes(), 4);

    cli.quiet(&["note", "add", "--title", "After", "--body", "x"]);
    let out = cli.quiet(&["restore", chosen.to_str().unwrap()]);
    assert!(out.contains("the replaced database is kept as"), "{out}");
    assert_eq!(cli.live_notes(), 4);
}

#[test]
fn restore_of_a_corrupt_or_foreign_file_is_refused_and_nothing_is_replaced() {
    let cli = Cli::new();
    cli.quiet(&["note", "add", "--title", "Precious", "--body", "x"]);
    let before = fs::read(&cli.db).unwrap();
    let corrupt = cli.path("corrupt.db");
    let mut bytes = fs::read(&cli.db).unwrap();
    bytes.truncate(bytes.len() / 2);
    fs::write(&corrupt, bytes).unwrap();
    let foreign = cli.path("foreign.db");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE t (x);").unwrap();
    let text = cli.path("notes.txt");
    fs::write(&text, "hello").unwrap();
    for bad in [&corrupt, &foreign, &text] {
        let err = cli.user_error(&["restore", bad.to_str().unwrap()]);
        assert!(err.contains("is not a usable backup"), "{err}");
        assert_eq!(fs::read(&cli.db).unwrap(), before);
    }
    assert_eq!(cli.live_notes(), 4);
    let entries: Vec<String> = fs::read_dir(cli.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("replaced") || n.contains("restoring"))
        .collect();
    assert!(entries.is_empty(), "{entries:?}");
}
