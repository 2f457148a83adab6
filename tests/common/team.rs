//! A team for sync tests: a bare repository on disk and the databases that sync through it
//! with the real binary and the system git. Shared by the sync test files through
//! `#[path = "../common/team.rs"] mod team;` in a suite's `main.rs` (which also needs `mod cli;`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::cli::jevons;

/// A bare repository and the databases that sync through it, in one temporary folder.
pub struct Team {
    pub dir: tempfile::TempDir,
    pub remote: PathBuf,
}

impl Team {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let remote = dir.path().join("team.git");
        let out = Command::new("git").args(["init", "-q", "--bare", "-b", "main"]).arg(&remote).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        Self { dir, remote }
    }

    pub fn db(&self, name: &str) -> PathBuf {
        self.dir.path().join(format!("{name}.db"))
    }

    pub fn remote(&self) -> &str {
        self.remote.to_str().unwrap()
    }

    /// `jevons sync` on `db` (with the remote the first time); what it printed.
    pub fn sync(&self, db: &Path) -> String {
        let remembered = db.with_file_name(format!("{}.sync", db.file_name().unwrap().to_string_lossy())).exists();
        let args: Vec<&str> = if remembered { vec!["sync"] } else { vec!["sync", self.remote()] };
        ok(db, &args)
    }

    /// A clone of the team's repository, for edits by hand.
    pub fn clone(&self) -> PathBuf {
        let clone = self.dir.path().join("clone");
        git(self.dir.path(), &["clone", "-q", self.remote(), clone.to_str().unwrap()]);
        clone
    }
}

/// `jevons ARGS` on `db`, which must succeed; what it printed.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = jevons(db, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `jevons ARGS --json` on `db`.
pub fn json(db: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&ok(db, &all)).unwrap()
}

/// `git ARGS` in `dir`, as a committer who signs nothing; it must succeed.
pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Every file under `dir`, at any depth.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else if path.is_file() {
            found.push(path);
        }
    }
    found
}
