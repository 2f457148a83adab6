//! Taking the working copy's changed files into the database, all in one transaction with the
//! commit they came from: a failure (a full disk) leaves the database as it was, and the next
//! sync takes them again. A file that cannot be read as a note (broken front matter, too large,
//! a link, no uid) gets a warning and its note stays as it was here; the rest are taken.
//!
//! The files the notes' sources hold (named in their front matter) and the files notes embed
//! (named in the lists beside them) are stored first, each in its own transaction (see
//! [`super::documents`] and [`super::attachments`]): a sync stopped after them stores them once,
//! and the next one takes the notes again. The notes' attachments are tied in the notes'
//! transaction.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::attachments::{is_list_path, list_path, read_list, store_files, tie_all};
use super::documents::{named_files, take_named_in};
use super::git::{Git, Reach};
use super::layout::{NOTES, folders_are_plain, is_note_path};
use super::{SyncError, SyncReport};
use crate::io::front_matter::{self, Split, field, scalar};
use crate::io::markdown_import::{parse_note, parse_time, read_text};
use crate::io::{ImportOptions, Phase, Progress, Watch};
use crate::model::Timestamp;
use crate::store::sync::SYNC_COMMIT;
use crate::store::{NoteRecord, RevisionRecord, Store, StoreError};

/// Note files that changed from commit `from` (none: from the start) to commit `to`.
pub fn changed_paths(git: &Git, from: Option<&str>, to: &str) -> Result<Vec<String>, SyncError> {
    let listing = match from {
        Some(from) => git.ok(Reach::Local, &["diff", "--name-only", "-z", "--no-renames", from, to, "--", NOTES])?,
        None => git.ok(Reach::Local, &["ls-tree", "-r", "-z", "--name-only", to, "--", NOTES])?,
    };
    Ok(listing.split('\0').filter(|p| !p.is_empty()).map(str::to_owned).collect())
}

/// Takes the files at `paths` (in the working copy, which is at `commit`) into the store, and
/// records `commit` as taken in the same transaction. `others` holds, by path, the other side's
/// text of notes merged with a conflict: kept as a revision of the note.
pub fn take_in(
    store: &mut Store,
    dir: &Path,
    paths: &[String],
    others: &HashMap<String, String>,
    commit: &str,
    report: &mut SyncReport,
    watch: &mut Watch,
) -> Result<(), SyncError> {
    let max_bytes = ImportOptions::default().max_file_bytes;
    let mut records = Vec::new();
    let mut named = Vec::new();
    let mut lists = Vec::new();
    for path in paths {
        if is_list_path(path) {
            match read_list(dir, path) {
                Ok(Some(list)) => lists.push((path.clone(), list)),
                Ok(None) => {}
                Err(why) => report.warn(path, why),
            }
            continue;
        }
        match read_record(dir, path, max_bytes, others.get(path)) {
            Ok(Some((record, files, warnings))) => {
                records.push((path, record));
                named.extend(files.into_iter().map(|(draft, sha256)| (path.clone(), draft, sha256)));
                warnings.into_iter().for_each(|why| report.warn(path, why));
            }
            Ok(None) => {}
            Err(why) => report.warn(path, why),
        }
    }
    for (path, why) in take_named_in(store, dir, &named)? {
        report.warn(&path, why);
    }
    // The list of every note taken in, changed or not: a note refused before (and fixed since)
    // gets its files now.
    let listed: HashSet<String> = lists.iter().map(|(path, _)| path.clone()).collect();
    for uid in records.iter().filter_map(|(_, record)| record.draft.uid.as_deref()) {
        let path = list_path(uid);
        if !listed.contains(&path)
            && let Ok(Some(list)) = read_list(dir, &path)
        {
            lists.push((path, list));
        }
    }
    let (warnings, kept) = store_files(store, dir, &lists)?;
    for (path, why) in warnings {
        report.warn(&path, why);
    }
    let total = records.len() as u64;
    let import = store.start_import(&format!("sync {}", &commit[..commit.len().min(12)]))?;
    let mut batch = store.import_batch(import)?;
    let mut seen = HashSet::new();
    for (done, (path, record)) in records.iter().enumerate() {
        let uid = record.draft.uid.clone().unwrap_or_default();
        if !seen.insert(uid.clone()) {
            report.warn(path, format!("has the same uid ({uid}) as another file; left out"));
            continue;
        }
        match batch.sync_note(record) {
            Ok(merged) => {
                report.count(merged.outcome);
                for remark in merged.remarks {
                    report.warn(path, remark);
                }
            }
            Err(StoreError::Invalid(why)) => report.warn(path, format!("not taken: {why}")),
            Err(other) => return Err(other.into()),
        }
        if done % 500 == 0 {
            watch.report(Progress::new(Phase::Importing, done as u64, Some(total)));
        }
    }
    for (path, why) in tie_all(&mut batch, &lists)? {
        report.warn(&path, why);
    }
    // Files stored for a note that is not here are let go with the notes' transaction.
    batch.forget_unheld(&kept)?;
    batch.set_sync_state(SYNC_COMMIT, commit)?;
    batch.commit()?;
    store.finish_import(import, report.added as u64, report.updated as u64, report.conflicts as u64)?;
    Ok(())
}

/// A note read from the working copy, the files its sources hold (source, SHA-256), and
/// warnings about those.
type ReadNote = (NoteRecord, Vec<(crate::model::SourceDraft, String)>, Vec<String>);

/// Reads one file of the working copy as a note: `None` when it is gone (nothing is deleted by
/// a sync), an error saying why it is left out.
fn read_record(dir: &Path, path: &str, max_bytes: u64, other: Option<&String>) -> Result<Option<ReadNote>, String> {
    if !is_note_path(path) {
        return Err("not a note file of the sync layout (notes/xx/name.md); left alone".into());
    }
    if !folders_are_plain(dir, path) {
        return Err("reached through a symbolic link; left alone".into());
    }
    let full = dir.join(path);
    if std::fs::symlink_metadata(&full).is_err() {
        return Ok(None);
    }
    let (text, _) = read_text(&full, max_bytes)?;
    if let Some(reason) = front_matter::refused(&text) {
        return Err(reason);
    }
    let fields = match front_matter::split(&text) {
        Split::Fields(fields, _) => fields,
        Split::Invalid { reason, .. } => return Err(format!("{reason}; the note was left as it was here")),
        Split::Plain(_) => return Err("no front matter (no uid); the note was left as it was here".into()),
    };
    if field(&fields, &["uid"]).and_then(scalar).is_none_or(|u| u.trim().is_empty()) {
        return Err("no uid in the front matter; left alone".into());
    }
    let mut warnings = Vec::new();
    let files = named_files(&fields, &mut warnings);
    let mut parsed = parse_note(&text, "", path, None).record;
    if let Some(other) = other
        && let Split::Fields(_, _) = front_matter::split(other)
    {
        let theirs = parse_note(other, "", path, None).record;
        let fields = match front_matter::split(other) {
            Split::Fields(fields, _) => fields,
            _ => Default::default(),
        };
        let saved_at = field(&fields, &["updated"]).and_then(scalar).and_then(|t| parse_time(&t));
        parsed.revisions.push(RevisionRecord {
            title: theirs.draft.title,
            body: theirs.draft.body,
            saved_at: saved_at.unwrap_or_else(Timestamp::now),
            replaced_at: Timestamp::now(),
        });
    }
    Ok(Some((parsed, files, warnings)))
}
