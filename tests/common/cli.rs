//! The real `jevons` binary on a database in a temporary folder, for command-line tests:
//! `#[path = "common/cli.rs"] mod cli;`.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

pub struct Cli {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Cli {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("research.db");
        Self { dir, db }
    }

    /// A path inside the test's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_jevons"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env("RUST_BACKTRACE", "1")
            .env_remove("JEVONS_DB")
            .output()
            .unwrap()
    }

    /// Runs a command that must succeed; its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command with `--json` and parses what it prints.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// A command that must fail as a user error: exit 1, one line on stderr; that line.
    pub fn user_error(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: one line, got {stderr:?}");
        assert!(stderr.starts_with("jevons: ") && !stderr.contains("panicked"), "{stderr}");
        stderr
    }

    /// `note add`: the new note's id.
    pub fn add(&self, args: &[&str]) -> i64 {
        let mut all = vec!["note", "add"];
        all.extend_from_slice(args);
        self.ok(&all).trim().parse().unwrap()
    }

    /// `note show ID --json`.
    pub fn note(&self, id: i64) -> serde_json::Value {
        self.json(&["note", "show", &id.to_string()])
    }
}
