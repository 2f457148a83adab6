//! Team sync through git: the database stays SQLite, and a git repository is how databases
//! meet (`docs/sync.md`).
//!
//! A working copy of the repository lives next to the database (`<db>.sync/`), one file per note
//! in the Markdown export's format ([`layout`]). One [`sync`]:
//!
//! 1. puts the working copy back in order after a sync that was stopped (a merge half done is
//!    undone, files half written are thrown away, commits the database has not taken yet are
//!    taken in);
//! 2. writes the notes changed here since the last sync and commits them, saying what changed;
//! 3. fetches the remote and merges (notes both sides changed are merged by [`resolve`]);
//! 4. takes what others changed into the database in one transaction ([`import`]), merging by
//!    identity as every import does;
//! 5. pushes, and fetches and merges again when the push is refused because others pushed first.
//!
//! Git runs as a child process ([`git`]); nothing is deleted from the database by a sync.

mod attachments;
mod documents;
pub mod git;
mod import;
pub mod layout;
mod merge;
pub mod resolve;

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use serde::Serialize;

use self::git::{Git, Reach, check_remote};
use crate::io::{ExportError, FileNote, Phase, Progress, Watch};
use crate::model::Timestamp;
use crate::store::sync::{SYNC_COMMIT, SYNC_LAST, SYNC_REMOTE, SYNC_RESULT};
use crate::store::{NoteOutcome, Store, StoreError};

/// How often a sync fetches, merges and pushes again when its push is refused.
const PUSH_TRIES: usize = 5;

/// Up to this many written files are added to git by name (beyond, the whole notes folder).
const PATHSPEC_FILES: usize = 2_000;

/// The branch of the remote that holds the notes.
const BRANCH: &str = "main";

/// Why a sync stopped. The database is as it was before the step that failed, and syncing
/// again is safe.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("git is not installed (or not on the PATH); install git to sync")]
    GitMissing,
    #[error("no remote to sync with: give one the first time (jevons sync REMOTE)")]
    NoRemote,
    #[error("refused remote {remote}: {why}")]
    BadRemote { remote: String, why: String },
    #[error("cannot reach {remote}: {message}")]
    Fetch { remote: String, message: String },
    #[error("cannot push to {remote}: {message}")]
    Push { remote: String, message: String },
    #[error("{what} failed: {message}")]
    Git { what: String, message: String },
    #[error("another sync of this database is running")]
    Busy,
    #[error("cannot write {}: {cause}", path.display())]
    Write { path: PathBuf, cause: std::io::Error },
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    pub remote: String,
    /// Notes written to the repository (new there, and changed).
    pub sent_new: usize,
    pub sent_changed: usize,
    /// Notes others changed, taken in: new here, changed here, already the same.
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Notes both sides changed on the same lines: they keep both texts and the tag `conflict`.
    pub conflicts: usize,
    /// Whether this sync pushed commits, and how many times others pushed first.
    pub pushed: bool,
    pub retries: usize,
    /// The commit both sides now have.
    pub commit: Option<String>,
    /// Files left out, and what merges did that a user should know.
    pub warnings: Vec<FileNote>,
}

impl SyncReport {
    fn warn(&mut self, path: &str, reason: impl Into<String>) {
        self.warnings.push(FileNote { path: path.into(), reason: reason.into() });
    }

    fn count(&mut self, outcome: NoteOutcome) {
        match outcome {
            NoteOutcome::Created(_) => self.added += 1,
            NoteOutcome::Updated(_) => self.updated += 1,
            NoteOutcome::Unchanged(_) | NoteOutcome::KeptNewer(_) => self.unchanged += 1,
            NoteOutcome::Conflict(_) => self.conflicts += 1,
        }
    }

    /// One line for a status bar or a terminal.
    pub fn summary(&self) -> String {
        let mut line = format!(
            "sent {} new and {} changed notes; received {} new and {} changed",
            self.sent_new, self.sent_changed, self.added, self.updated
        );
        if self.conflicts > 0 {
            line.push_str(&format!("; {} with conflicts (is:conflict)", self.conflicts));
        }
        if !self.warnings.is_empty() {
            line.push_str(&format!("; {} warnings", self.warnings.len()));
        }
        line
    }
}

/// The working copy of the database at `db`: `<db>.sync` beside it.
pub fn working_copy(db: &Path) -> PathBuf {
    // Git runs inside the working copy: every path handed to it must hold from there.
    let db = std::path::absolute(db).unwrap_or_else(|_| db.to_owned());
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_else(|| "jevons.db".into());
    name.push(".sync");
    db.with_file_name(name)
}

/// Syncs the database at `db` (open as `store`) with `remote`, or the remote remembered from
/// the last sync (see the module documentation).
pub fn sync(store: &mut Store, db: &Path, remote: Option<&str>, watch: &mut Watch) -> Result<SyncReport, SyncError> {
    let remote = match remote {
        Some(given) => given.to_owned(),
        None => store.sync_state(SYNC_REMOTE)?.ok_or(SyncError::NoRemote)?,
    };
    check_remote(&remote)?;
    // A folder given by a relative path: git runs in the working copy, so it gets the full one.
    let remote = match fs::canonicalize(&remote) {
        Ok(full) if remote.starts_with('.') || Path::new(&remote).is_relative() && !remote.contains(':') => {
            full.to_string_lossy().into_owned()
        }
        _ => remote,
    };
    let dir = working_copy(db);
    let git = Git::new(&dir)?;
    let _lock = prepare(&git)?;
    let mut report = SyncReport { remote: remote.clone(), ..SyncReport::default() };
    watch.report(Progress::new(Phase::Scanning, 0, None));

    // Commits the database has not taken in yet (a sync stopped after its merge).
    let mut head = git.commit_of("HEAD")?;
    take_in_since_synced(store, &git, head.as_deref(), &Default::default(), &mut report, watch)?;

    let written = layout::write_changed(store, &dir, watch)?;
    if !written.paths.is_empty() {
        if written.paths.len() <= PATHSPEC_FILES {
            let list: Vec<u8> = written.paths.join("\0").into_bytes();
            git.ok_with_input(Reach::Local, &["add", "--pathspec-from-file=-", "--pathspec-file-nul"], &list)?;
        } else {
            // Git matches every file against every pathspec: many files are added as a folder.
            let mut folders = vec!["add", "-A", "--", layout::NOTES];
            if written.documents > 0 {
                folders.push(documents::DOCUMENTS);
            }
            git.ok(Reach::Local, &folders)?;
        }
        git.ok(Reach::Local, &["commit", "-q", "--no-verify", "-m", &commit_message(&written)])?;
        head = git.commit_of("HEAD")?;
    }
    store.sync_mark_written(&written.marks, head.as_deref())?;
    report.sent_new = written.added;
    report.sent_changed = written.changed;

    for attempt in 0..PUSH_TRIES {
        watch.report(Progress::new(Phase::Scanning, attempt as u64, None));
        let fetched = git.run(
            Reach::Network,
            &["fetch", "--quiet", "--no-tags", "--", &remote, "+refs/heads/*:refs/remotes/sync/*"],
        )?;
        if !fetched.status.success() {
            return Err(SyncError::Fetch { remote, message: git::last_words(&fetched.stderr) });
        }
        if store.sync_state(SYNC_REMOTE)?.as_deref() != Some(remote.as_str()) {
            store.set_sync_state(&[(SYNC_REMOTE, &remote)])?;
        }
        let theirs = git.commit_of(&format!("refs/remotes/sync/{BRANCH}"))?;
        if let Some(theirs) = &theirs
            && Some(theirs) != head.as_ref()
            && !is_ancestor(&git, theirs, head.as_deref())?
        {
            let others = merge::merge(&git, theirs, &mut report)?;
            head = git.commit_of("HEAD")?;
            take_in_since_synced(store, &git, head.as_deref(), &others, &mut report, watch)?;
        }
        let Some(ours) = &head else { break };
        if theirs.as_ref() == Some(ours) {
            break;
        }
        let pushed =
            git.run(Reach::Network, &["push", "--quiet", "--", &remote, &format!("HEAD:refs/heads/{BRANCH}")])?;
        if pushed.status.success() {
            report.pushed = true;
            break;
        }
        let message = git::last_words(&pushed.stderr);
        let refused = ["rejected", "fetch first", "non-fast-forward", "cannot lock ref"];
        if !refused.iter().any(|r| message.contains(r)) || attempt + 1 == PUSH_TRIES {
            return Err(SyncError::Push { remote, message });
        }
        report.retries += 1;
    }
    report.commit = head;
    let now = Timestamp::now().to_string();
    store.set_sync_state(&[(SYNC_LAST, &now), (SYNC_RESULT, &report.summary())])?;
    let _ = fs::remove_file(running_mark(&dir));
    watch.report(Progress::new(Phase::Done, 1, Some(1)));
    Ok(report)
}

/// Makes the working copy (a new repository the first time), takes this sync's lock, and puts
/// the copy back in order after a sync that was stopped: a merge half done is undone, files
/// written but not committed are thrown away (the database still has them to write again).
fn prepare(git: &Git) -> Result<File, SyncError> {
    let dir = git.dir();
    let write_error = |path: &Path| {
        let path = path.to_owned();
        move |cause| SyncError::Write { path, cause }
    };
    if !dir.join(".git").is_dir() {
        fs::create_dir_all(dir).map_err(write_error(dir))?;
        git.ok(Reach::Local, &["init", "-q"])?;
        git.ok(Reach::Local, &["symbolic-ref", "HEAD", &format!("refs/heads/{BRANCH}")])?;
    }
    let lock_path = dir.join(".git").join("jevons-sync.lock");
    let lock = File::create(&lock_path).map_err(write_error(&lock_path))?;
    if lock.try_lock().is_err() {
        return Err(SyncError::Busy);
    }
    // Notes merge field by field (see `resolve`), never by git's line merge of the whole file.
    let attributes = dir.join(".git").join("info").join("attributes");
    fs::create_dir_all(dir.join(".git").join("info")).map_err(write_error(&attributes))?;
    // Documents are bytes: never converted (line endings), diffed or line-merged.
    fs::write(&attributes, "notes/** merge=binary\ndocuments/** -text -diff merge=binary\n")
        .map_err(write_error(&attributes))?;
    // A sync that did not end well left this behind: the working copy is put back in order
    // (which makes git look at every file, so it is not done after a sync that ended well).
    let running = running_mark(dir);
    if running.exists() {
        // Git's own lock, left by a git killed mid-run: this sync holds the only lock that matters.
        let _ = fs::remove_file(dir.join(".git").join("index.lock"));
        if dir.join(".git").join("MERGE_HEAD").exists() {
            let _ = git.run(Reach::Local, &["merge", "--abort"]);
        }
        if git.commit_of("HEAD")?.is_some() {
            git.ok(Reach::Local, &["reset", "-q", "--hard", "HEAD"])?;
        }
    }
    File::create(&running).map_err(write_error(&running))?;
    Ok(lock)
}

/// The file that says a sync is under way (removed when one ends well).
fn running_mark(dir: &Path) -> PathBuf {
    dir.join(".git").join("jevons-sync-running")
}

/// Takes in the note files changed between the commit the database last took and `head`.
fn take_in_since_synced(
    store: &mut Store,
    git: &Git,
    head: Option<&str>,
    others: &std::collections::HashMap<String, String>,
    report: &mut SyncReport,
    watch: &mut Watch,
) -> Result<(), SyncError> {
    let Some(head) = head else {
        // A working copy made anew: every note is written to it again.
        store.sync_forget()?;
        return Ok(());
    };
    let synced = store.sync_state(SYNC_COMMIT)?.filter(|c| !c.is_empty());
    if synced.as_deref() == Some(head) {
        return Ok(());
    }
    // A commit the working copy does not have (it was made anew): everything is compared.
    let from = match synced {
        Some(commit) if git.commit_of(&format!("{commit}^{{commit}}"))?.is_some() => Some(commit),
        _ => None,
    };
    let paths = import::changed_paths(git, from.as_deref(), head)?;
    import::take_in(store, git.dir(), &paths, others, head, report, watch)
}

/// Whether commit `ancestor` is in the history of `head`.
fn is_ancestor(git: &Git, ancestor: &str, head: Option<&str>) -> Result<bool, SyncError> {
    let Some(head) = head else { return Ok(false) };
    Ok(git.run(Reach::Local, &["merge-base", "--is-ancestor", ancestor, head])?.status.success())
}

/// "Jevons: 2 new notes, 1 changed", then the titles.
fn commit_message(written: &layout::Written) -> String {
    let mut message = format!("Jevons: {} new notes, {} changed", written.added, written.changed);
    if written.documents > 0 {
        message.push_str(&format!(", {} documents", written.documents));
    }
    message.push_str("\n\n");
    for title in written.titles.iter().take(50) {
        message.push_str(&format!("- {}\n", title.chars().filter(|c| !c.is_control()).collect::<String>()));
    }
    if written.titles.len() > 50 {
        message.push_str(&format!("- and {} more\n", written.titles.len() - 50));
    }
    message
}
