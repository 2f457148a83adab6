//! The real `jevons` binary for command-line tests, on any database file or on one in a
//! temporary folder ([`Cli`]): `#[path = "../common/cli.rs"] mod cli;` in a suite's `main.rs`.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Limits the files the child may write to `bytes` (`RLIMIT_FSIZE`): a write past that fails
/// (`EFBIG`) just as a full disk fails it (`ENOSPC`), and the process goes on to handle the error
/// (`SIGXFSZ` ignored).
pub fn limit_file_size(command: &mut Command, bytes: u64) {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit and signal are async-signal-safe and touch only the child.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
}

/// The binary on `db` with `args`, with `RUST_BACKTRACE=1` (so a panic would show) and without
/// the `JEVONS_DB` of the environment.
pub fn command(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jevons"));
    command.arg("--db").arg(db).args(args).env("RUST_BACKTRACE", "1").env_remove("JEVONS_DB");
    command
}

/// Runs the binary on `db` with `args`.
pub fn jevons(db: &Path, args: &[&str]) -> Output {
    command(db, args).output().unwrap()
}

/// Runs the binary on `db` with `args` and `input` on its standard input.
pub fn jevons_with_input(db: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child =
        command(db, args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// A run that must have failed as a user error: exit 1, one line on stderr, no panic or
/// backtrace; that line.
pub fn user_error(out: Output, args: &[&str]) -> String {
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail with 1; stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: one line on stderr, got {stderr:?}");
    assert!(stderr.starts_with("jevons: "), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"), "{stderr}");
    stderr
}

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
        jevons(&self.db, args)
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
        user_error(self.run(args), args)
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
