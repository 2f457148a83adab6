//! The files notes embed (their attachments: an imported vault's `![[chart.png]]`), in the sync
//! repository. A note's attachments are listed beside its file, in `notes/<xx>/<name>.files.json`
//! (`{"uid", "attachments": [{"target", "sha256", "media_type", "file_name"}]}`), and each file
//! is stored once, content-addressed, with the sources' files (`documents/<xx>/<sha256>`).
//!
//! The list is a file of its own rather than front matter, so that a vault's own `attachments:`
//! property keeps its meaning, and a Markdown export is unchanged. Two people attaching files to
//! one note merge as the union of their lists by target (this side's file where both name one
//! target).
//!
//! Taking in: each file named that is not stored here is read from `documents/` and checked as a
//! source's is (see `io::carried_documents`; an image is kept as it is) and stored first, each in
//! its own transaction; the notes' ties are then made in the notes' transaction
//! ([`tie_all`]), so a sync stopped before it ties nothing and the next one takes them again.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::SyncError;
use super::documents::{document_path, write_file};
use super::layout::{folders_are_plain, is_note_path, note_path};
use crate::io::ExportError;
use crate::io::carried_documents::{Carried, Refused, read_checked};
use crate::io::documents::read_attachment;
use crate::model::{Attachment, MediaType, NoteId, is_sha256};
use crate::store::{Batch, Store};

/// What ends the name of a note's list of attachments, instead of `.md`.
const SUFFIX: &str = ".files.json";

/// A list larger than this is not read (a list of a thousand files is about 200 kB).
const MAX_LIST_BYTES: u64 = 4 * 1024 * 1024;

/// A note's attachments, as the working copy lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteFiles {
    pub uid: String,
    pub attachments: Vec<AttachedFile>,
}

/// One file a note embeds, under the link's target as the note writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachedFile {
    pub target: String,
    pub sha256: String,
    pub media_type: MediaType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
}

/// The path of the list of `uid`'s attachments, beside its note's file.
pub fn list_path(uid: &str) -> String {
    let note = note_path(uid);
    format!("{}{SUFFIX}", note.strip_suffix(".md").unwrap_or(&note))
}

/// Whether `path` (from git, `/`-separated) has the shape of a list of attachments.
pub fn is_list_path(path: &str) -> bool {
    path.strip_suffix(SUFFIX).is_some_and(|stem| is_note_path(&format!("{stem}.md")))
}

/// The list of `attachments` of note `uid`, as the database holds them.
fn list_of(uid: &str, attachments: &[&Attachment]) -> NoteFiles {
    let files = attachments
        .iter()
        .map(|a| AttachedFile {
            target: a.target.clone(),
            sha256: a.document.sha256.clone(),
            media_type: a.document.media_type,
            file_name: a.document.file_name.clone(),
        })
        .collect();
    NoteFiles { uid: uid.to_owned(), attachments: files }
}

/// The union of two lists of one note by target, `winner`'s file where both name a target;
/// sorted by target.
fn union(other: NoteFiles, winner: NoteFiles) -> NoteFiles {
    let mut files: BTreeMap<String, AttachedFile> = BTreeMap::new();
    for file in other.attachments.into_iter().chain(winner.attachments) {
        files.insert(file.target.clone(), file);
    }
    NoteFiles { uid: winner.uid, attachments: files.into_values().collect() }
}

fn text_of(list: &NoteFiles) -> Result<String, String> {
    serde_json::to_string_pretty(list).map(|text| text + "\n").map_err(|e| e.to_string())
}

/// What writing the attachments did.
#[derive(Debug, Default)]
pub struct ListsWritten {
    /// Files written (lists and documents), relative to the working copy.
    pub paths: Vec<String>,
    /// Documents written.
    pub documents: usize,
}

/// Writes the files notes embed that the working copy lacks, and the list of every note with
/// attachments where it does not already say what the database holds: the list there (if it is
/// one) joined with the database's, the database's file where both name a target. So a list is
/// never shortened, a file attached elsewhere stays listed, and a note whose list was never
/// written (attached before the first sync, or its file first written for a source) gets one.
/// Each sync reads the list of every note with attachments (a small file each).
pub fn write_lists(store: &Store, dir: &Path) -> Result<ListsWritten, SyncError> {
    let attachments = store.export_attachments()?;
    let mut written = ListsWritten::default();
    if attachments.is_empty() {
        return Ok(written);
    }
    let mut by_note: HashMap<NoteId, Vec<&Attachment>> = HashMap::new();
    let mut present: HashSet<&str> = HashSet::new();
    for attachment in &attachments {
        by_note.entry(attachment.note_id).or_default().push(attachment);
        let sha256 = attachment.document.sha256.as_str();
        if !is_sha256(sha256) || !present.insert(sha256) {
            continue;
        }
        let relative = document_path(sha256);
        let there =
            folders_are_plain(dir, &relative) && fs::symlink_metadata(dir.join(&relative)).is_ok_and(|m| m.is_file());
        if !there {
            write_file(store, dir, &relative, attachment.document.id)?;
            written.paths.push(relative);
            written.documents += 1;
        }
    }
    let mut notes: Vec<NoteId> = by_note.keys().copied().collect();
    notes.sort_unstable();
    for (note, uid) in store.note_uids(&notes)? {
        let ours = list_of(&uid, &by_note[&note]);
        let relative = list_path(&uid);
        let (list, listed) = match read_list(dir, &relative) {
            Ok(Some(there)) => (union(there, ours), true),
            _ => (union(NoteFiles { uid: uid.clone(), attachments: Vec::new() }, ours), false),
        };
        let text = text_of(&list).map_err(|e| SyncError::Export(ExportError::Encode(e)))?;
        if listed && fs::read(dir.join(&relative)).ok().as_deref() == Some(text.as_bytes()) {
            continue;
        }
        super::layout::write_note_file(dir, &relative, &text)?;
        written.paths.push(relative);
    }
    Ok(written)
}

/// Reads the list at `path` in the working copy: `None` when it is gone, an error saying why it
/// is left out.
pub fn read_list(dir: &Path, path: &str) -> Result<Option<NoteFiles>, String> {
    if !folders_are_plain(dir, path) {
        return Err("reached through a symbolic link; left alone".into());
    }
    let full = dir.join(path);
    let meta = match fs::symlink_metadata(&full) {
        Ok(meta) => meta,
        Err(_) => return Ok(None),
    };
    if !meta.is_file() {
        return Err("not a file; left alone".into());
    }
    if meta.len() > MAX_LIST_BYTES {
        return Err(format!(
            "is {} MB, more than a list of attachments may be; left alone",
            meta.len() / (1024 * 1024)
        ));
    }
    let text = fs::read(&full).map_err(|e| format!("cannot be read: {e}"))?;
    let list: NoteFiles =
        serde_json::from_slice(&text).map_err(|e| format!("is not a list of attachments ({e}); left alone"))?;
    if list_path(&list.uid) != path {
        return Err(format!("names the note {:?}, whose list is elsewhere; left alone", list.uid));
    }
    Ok(Some(list))
}

/// Files stored here for the first time by [`store_files`]: let go unless a note is tied to them.
pub type Kept = Vec<i64>;

/// Stores each file the lists name that is not stored here (each in its own transaction);
/// returns the warnings, by list path, and the documents stored.
pub fn store_files(
    store: &mut Store,
    dir: &Path,
    lists: &[(String, NoteFiles)],
) -> Result<(Vec<(String, String)>, Kept), SyncError> {
    let mut warnings = Vec::new();
    let mut kept = Vec::new();
    let mut seen = HashSet::new();
    for (path, list) in lists {
        for file in &list.attachments {
            let warn = |why: String| (path.clone(), format!("attachment {}: {why}", file.target));
            if !is_sha256(&file.sha256) {
                warnings.push(warn(format!("its file is named {:?}, not a SHA-256; not taken", file.sha256)));
                continue;
            }
            if !seen.insert(file.sha256.clone()) || store.has_document(&file.sha256)? {
                continue;
            }
            let relative = document_path(&file.sha256);
            let carried = Carried {
                folder: dir,
                relative: &relative,
                sha256: &file.sha256,
                media_type: Some(file.media_type),
                file_name: file.file_name.as_deref(),
            };
            match read_checked(&carried, read_attachment) {
                Ok(read) => {
                    kept.push(store.keep_document(&read.to_store(None))?);
                }
                Err(Refused::File(why)) => warnings.push(warn(why)),
                Err(Refused::Store(error)) => return Err(error.into()),
            }
        }
    }
    Ok((warnings, kept))
}

/// Ties every listed file that is stored to its note, in the notes' transaction (`batch`);
/// returns the warnings, by list path (a note not stored here, a file not taken).
pub fn tie_all(batch: &mut Batch, lists: &[(String, NoteFiles)]) -> Result<Vec<(String, String)>, SyncError> {
    let mut warnings = Vec::new();
    for (path, list) in lists {
        let by_target: BTreeMap<&str, &AttachedFile> =
            list.attachments.iter().map(|f| (f.target.as_str(), f)).collect();
        for (target, file) in by_target {
            match batch.attach_by_uid(&list.uid, target, &file.sha256)? {
                Some(true) => {}
                Some(false) => {} // Its file was refused: warned when it was read.
                None => {
                    warnings
                        .push((path.clone(), format!("names the note {:?}, which is not here; left alone", list.uid)));
                    break;
                }
            }
        }
    }
    Ok(warnings)
}

/// Merges two versions of a note's list: the union by target, this side's file where both name
/// one target. An error when either is not a list.
pub fn merge_lists(ours: &str, theirs: &str) -> Result<String, String> {
    let parse = |text: &str| serde_json::from_str::<NoteFiles>(text).map_err(|e| e.to_string());
    let (ours, theirs) = (parse(ours)?, parse(theirs)?);
    if ours.uid != theirs.uid {
        return Err("the two lists name different notes".into());
    }
    text_of(&union(theirs, ours))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(target: &str, sha: char) -> AttachedFile {
        AttachedFile {
            target: target.into(),
            sha256: sha.to_string().repeat(64),
            media_type: MediaType::Png,
            file_name: None,
        }
    }

    #[test]
    fn a_list_lives_beside_its_note_and_nothing_else_looks_like_one() {
        let uid = "md:vault/Research/NVDA.md";
        let list = list_path(uid);
        assert!(list.ends_with(".files.json") && is_list_path(&list), "{list}");
        assert_eq!(list.strip_suffix(".files.json").unwrap(), note_path(uid).strip_suffix(".md").unwrap());
        for bad in ["notes/ab/x.md", "notes/ab/../x.files.json", "documents/ab/x.files.json", "notes/ab/.files.json"] {
            assert!(!is_list_path(bad), "{bad}");
        }
    }

    #[test]
    fn two_lists_merge_as_a_union_by_target_this_side_winning() {
        let list = |files: Vec<AttachedFile>| {
            serde_json::to_string(&NoteFiles { uid: "u".into(), attachments: files }).unwrap()
        };
        let ours = list(vec![file("a.png", 'a'), file("b.png", 'b')]);
        let theirs = list(vec![file("b.png", 'c'), file("c.png", 'd')]);
        let merged: NoteFiles = serde_json::from_str(&merge_lists(&ours, &theirs).unwrap()).unwrap();
        let got: Vec<(String, char)> =
            merged.attachments.iter().map(|f| (f.target.clone(), f.sha256.chars().next().unwrap())).collect();
        assert_eq!(got, [("a.png".into(), 'a'), ("b.png".into(), 'b'), ("c.png".into(), 'd')]);
        let other = serde_json::to_string(&NoteFiles { uid: "v".into(), attachments: vec![] }).unwrap();
        assert!(merge_lists(&ours, &other).is_err());
        assert!(merge_lists(&ours, "not json").is_err());
    }
}
