//! Merging the remote's commit into the working copy. Git merges what only one side changed;
//! note files both sides changed come back as conflicts (the working copy marks notes
//! `merge=binary`), and each is merged field by field by [`super::resolve`] and committed; two
//! versions of a note's list of attachments merge as their union ([`super::attachments`]).

use std::collections::HashMap;
use std::fs;

use super::attachments::{is_list_path, merge_lists};
use super::git::{Git, Reach, last_words};
use super::layout::{folders_are_plain, is_note_path};
use super::resolve::{Resolved, resolve};
use super::{SyncError, SyncReport};

/// Merges commit `theirs` into the working copy's `HEAD` and commits the merge. Returns, by
/// path, the other side's text of each note merged with a conflict (kept as a revision when the
/// note is taken in).
pub fn merge(git: &Git, theirs: &str, report: &mut SyncReport) -> Result<HashMap<String, String>, SyncError> {
    if git.commit_of("HEAD")?.is_none() {
        git.ok(Reach::Local, &["reset", "-q", "--hard", theirs])?;
        return Ok(HashMap::new());
    }
    let message = "Jevons: merge the team's changes";
    let merged =
        git.run(Reach::Local, &["merge", "-q", "--no-edit", "--allow-unrelated-histories", "-m", message, theirs])?;
    if merged.status.success() {
        return Ok(HashMap::new());
    }
    let listing = git.ok(Reach::Local, &["diff", "--name-only", "-z", "--diff-filter=U"])?;
    let conflicted: Vec<&str> = listing.split('\0').filter(|p| !p.is_empty()).collect();
    if conflicted.is_empty() {
        let _ = git.run(Reach::Local, &["merge", "--abort"]);
        return Err(SyncError::Git { what: "git merge".into(), message: last_words(&merged.stderr) });
    }
    let mut others = HashMap::new();
    for path in conflicted {
        let stage = |n: u8| -> Result<Option<String>, SyncError> {
            let output = git.run(Reach::Local, &["cat-file", "blob", &format!(":{n}:{path}")])?;
            Ok(output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned()))
        };
        let (base, ours, other) = (stage(1)?, stage(2)?, stage(3)?);
        let resolved = match (&ours, &other) {
            (Some(ours), Some(other)) if is_note_path(path) && folders_are_plain(git.dir(), path) => {
                resolve(base.as_deref(), ours, other, &mut |o, b, t| merge_lines(git, o, b, t))
            }
            (Some(ours), Some(other)) if is_list_path(path) && folders_are_plain(git.dir(), path) => {
                merge_lists(ours, other).map(|text| Resolved { text, conflict: false, remarks: Vec::new() })
            }
            _ => Err("not two versions of a note file".to_owned()),
        };
        match resolved {
            Ok(resolved) => {
                let full = git.dir().join(path);
                let _ = fs::remove_file(&full);
                fs::write(&full, resolved.text.as_bytes()).map_err(|cause| SyncError::Write { path: full, cause })?;
                for remark in resolved.remarks {
                    report.warn(path, remark);
                }
                report.conflicts += usize::from(resolved.conflict);
                if resolved.conflict
                    && let Some(other) = other
                {
                    others.insert(path.to_owned(), other);
                }
            }
            Err(why) => {
                // Kept as this side had it (or the other's, when this side has none); the other
                // version stays in the repository's history.
                let side = if ours.is_some() { "--ours" } else { "--theirs" };
                git.ok(Reach::Local, &["checkout", side, "--", path])?;
                report.warn(path, format!("could not be merged ({why}): {side} kept, the other is in git history"));
            }
        }
        git.ok(Reach::Local, &["add", "--", path])?;
    }
    git.ok(Reach::Local, &["commit", "-q", "--no-verify", "-m", message])?;
    Ok(others)
}

/// Git's three-way merge of two texts from a shared one; lines both changed keep both
/// versions between conflict markers.
fn merge_lines(git: &Git, ours: &str, base: &str, theirs: &str) -> Result<(String, bool), String> {
    let folder = git.dir().join(".git").join("jevons-merge");
    let write = |name: &str, text: &str| -> Result<String, String> {
        fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        let path = folder.join(name);
        fs::write(&path, text).map_err(|e| e.to_string())?;
        Ok(path.to_string_lossy().into_owned())
    };
    let (o, b, t) = (write("ours", ours)?, write("base", base)?, write("theirs", theirs)?);
    let args = ["merge-file", "-p", "-L", "this copy", "-L", "shared version", "-L", "other copy", &o, &b, &t];
    let output = git.run(Reach::Local, &args).map_err(|e| e.to_string())?;
    let _ = fs::remove_dir_all(&folder);
    match output.status.code() {
        Some(0) => Ok((String::from_utf8_lossy(&output.stdout).into_owned(), false)),
        Some(n) if (1..127).contains(&n) => Ok((String::from_utf8_lossy(&output.stdout).into_owned(), true)),
        _ => Err(last_words(&output.stderr)),
    }
}
