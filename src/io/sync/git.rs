//! Running the system `git` as a child process on the sync working copy: the users' SSH keys,
//! credential helpers and hosts work as they already do.
//!
//! Every run has a sane environment: no pager, no prompt for a password (a missing credential
//! fails instead of waiting for a terminal that a window does not have), no editor, no signing,
//! no `ext::` transport (it runs commands), and commands that only touch the working copy ignore
//! the system-wide configuration. User text (the remote, paths) always comes after `--`, and a
//! remote that git could read as an option is refused before git runs (see [`check_remote`]).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::SyncError;

/// The git of this machine, working in one folder.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    /// Author and committer when the user has none configured.
    fallback_identity: bool,
}

/// Whether a run reaches the network (it then reads the system configuration, where hosts keep
/// credential helpers and proxies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Local,
    Network,
}

/// Refuses a remote git could take for an option or that hides characters: one that starts
/// with `-`, or holds control characters (a newline, an escape), or is empty; and the `ext::`
/// transport, which runs a command.
pub fn check_remote(remote: &str) -> Result<(), SyncError> {
    let why = if remote.trim().is_empty() {
        Some("it is empty")
    } else if remote.starts_with('-') {
        Some("it starts with '-' (git would read it as an option)")
    } else if remote.chars().any(char::is_control) {
        Some("it contains control characters")
    } else if remote.to_ascii_lowercase().starts_with("ext::") {
        Some("the ext:: transport runs commands")
    } else {
        None
    };
    match why {
        Some(why) => Err(SyncError::BadRemote { remote: remote.escape_debug().to_string(), why: why.to_owned() }),
        None => Ok(()),
    }
}

impl Git {
    /// Git working in `dir` (which may not exist yet); [`SyncError::GitMissing`] when git cannot
    /// be run at all.
    pub fn new(dir: &Path) -> Result<Self, SyncError> {
        let probe = Command::new("git")
            .arg("--version")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if !probe.is_ok_and(|s| s.success()) {
            return Err(SyncError::GitMissing);
        }
        let mut git = Self { dir: dir.to_owned(), fallback_identity: false };
        let named = |key: &str| git.run(Reach::Local, &["config", "--get", key]).map(|o| !o.stdout.is_empty());
        git.fallback_identity = !(named("user.name").unwrap_or(false) && named("user.email").unwrap_or(false));
        Ok(git)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn command(&self, reach: Reach) -> Command {
        let mut command = Command::new("git");
        if self.dir.is_dir() {
            command.current_dir(&self.dir);
        }
        command
            .args(["-c", "protocol.ext.allow=never", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"])
            .args(["-c", "core.quotepath=off", "-c", "merge.renames=false", "-c", "core.hooksPath=/dev/null"])
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_PAGER", "cat")
            .env("PAGER", "cat")
            .env("GIT_EDITOR", "true")
            .env("GIT_MERGE_AUTOEDIT", "no")
            .env("LC_ALL", "C")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .stdin(Stdio::null());
        if reach == Reach::Local {
            command.env("GIT_CONFIG_NOSYSTEM", "1");
        }
        if self.fallback_identity {
            for (key, value) in [
                ("GIT_AUTHOR_NAME", "Jevons"),
                ("GIT_AUTHOR_EMAIL", "jevons@localhost"),
                ("GIT_COMMITTER_NAME", "Jevons"),
                ("GIT_COMMITTER_EMAIL", "jevons@localhost"),
            ] {
                command.env(key, value);
            }
        }
        command
    }

    /// Runs git with `args`; the output whatever the exit status.
    pub fn run<S: AsRef<OsStr>>(&self, reach: Reach, args: &[S]) -> Result<Output, SyncError> {
        self.command(reach).args(args).output().map_err(|cause| match cause.kind() {
            std::io::ErrorKind::NotFound => SyncError::GitMissing,
            _ => SyncError::Git { what: describe(args), message: cause.to_string() },
        })
    }

    /// Runs git with `args` and feeds it `input`.
    pub fn run_with_input<S: AsRef<OsStr>>(&self, reach: Reach, args: &[S], input: &[u8]) -> Result<Output, SyncError> {
        use std::io::Write;
        let mut child = self
            .command(reach)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|cause| SyncError::Git { what: describe(args), message: cause.to_string() })?;
        let written = child.stdin.take().map(|mut stdin| stdin.write_all(input));
        let output = child
            .wait_with_output()
            .map_err(|cause| SyncError::Git { what: describe(args), message: cause.to_string() })?;
        if let Some(Err(cause)) = written {
            return Err(SyncError::Git { what: describe(args), message: cause.to_string() });
        }
        Ok(output)
    }

    /// Runs git and requires success; the standard output as text.
    pub fn ok<S: AsRef<OsStr>>(&self, reach: Reach, args: &[S]) -> Result<String, SyncError> {
        let output = self.run(reach, args)?;
        checked(args, output)
    }

    /// Runs git with `input` and requires success.
    pub fn ok_with_input<S: AsRef<OsStr>>(&self, reach: Reach, args: &[S], input: &[u8]) -> Result<String, SyncError> {
        let output = self.run_with_input(reach, args, input)?;
        checked(args, output)
    }

    /// The commit a name points at, if any (`HEAD` of an empty repository points at none).
    pub fn commit_of(&self, name: &str) -> Result<Option<String>, SyncError> {
        let output = self.run(Reach::Local, &["rev-parse", "--verify", "--quiet", "--end-of-options", name])?;
        let text = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        Ok((output.status.success() && !text.is_empty()).then_some(text))
    }
}

fn checked<S: AsRef<OsStr>>(args: &[S], output: Output) -> Result<String, SyncError> {
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    Err(SyncError::Git { what: describe(args), message: last_words(&output.stderr) })
}

/// The lines git wrote to standard error, joined into one message (hints left out).
pub fn last_words(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> =
        text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("hint:")).take(4).collect();
    if lines.is_empty() { "git failed without saying why".to_owned() } else { lines.join("; ") }
}

/// `git fetch`, `git push`: the subcommand of a run, for messages.
fn describe<S: AsRef<OsStr>>(args: &[S]) -> String {
    let sub = args.first().map(|a| a.as_ref().to_string_lossy().into_owned()).unwrap_or_default();
    format!("git {sub}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remotes_git_could_read_as_options_are_refused() {
        for bad in ["--upload-pack=touch /tmp/x", "-oProxyCommand=x", "", "  ", "a\nb", "x\u{1b}[2J", "ext::sh -c x"] {
            assert!(check_remote(bad).is_err(), "{bad:?}");
        }
        for good in ["/srv/git/team.git", "git@github.com:team/notes.git", "https://example.com/a-b.git", "../x"] {
            assert!(check_remote(good).is_ok(), "{good:?}");
        }
    }
}
