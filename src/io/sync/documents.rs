//! The files sources hold, in the sync repository: content-addressed at
//! `documents/<xx>/<sha256>` (`<xx>` its first two hex digits), so the same file added by two
//! people is one path with one content, and merges without a conflict. A note's front matter
//! names each source's file by its SHA-256 (`document:` in the source's entry).
//!
//! Writing: a file is written when a source holds it and the working copy has no file at its
//! path (a path names its content, so an existing file is never read or hashed again), and the
//! notes linking that source are written again so their front matter names it. Taking in: the
//! files named by the notes taken in that are not stored here are read, checked (see
//! `io::carried_documents`) and stored for their sources, before the notes themselves.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use serde_norway::{Mapping, Value};

use super::SyncError;
use super::layout::folders_are_plain;
use crate::io::carried_documents::{Carried, Refused, take_in};
use crate::io::front_matter::{field, scalar};
use crate::model::{NoteId, SourceDraft, SourceUrl, is_sha256};
use crate::store::{HeldDocument, Store};

/// The folder of the working copy that holds the documents.
pub const DOCUMENTS: &str = "documents";

/// The path of a document's file inside the working copy, `/`-separated.
pub fn document_path(sha256: &str) -> String {
    format!("{DOCUMENTS}/{}/{sha256}", &sha256[..2.min(sha256.len())])
}

/// What writing the documents did.
#[derive(Debug, Default)]
pub struct DocumentsWritten {
    /// Files written, relative to the working copy.
    pub paths: Vec<String>,
    /// Notes whose sources were given a file the working copy lacked: written again.
    pub notes: Vec<NoteId>,
}

/// Writes the file of every source that holds one the working copy at `dir` lacks (see the
/// module documentation). With no documents this is one indexed query.
pub fn write_missing(
    store: &Store,
    dir: &Path,
    held: &HashMap<i64, HeldDocument>,
) -> Result<DocumentsWritten, SyncError> {
    let mut written = DocumentsWritten::default();
    let mut sources = Vec::new();
    let mut present: HashMap<&str, bool> = HashMap::new();
    for (source, document) in held {
        if !is_sha256(&document.sha256) {
            continue;
        }
        let relative = document_path(&document.sha256);
        let there = match present.get(document.sha256.as_str()) {
            Some(there) => *there,
            None => {
                let full = dir.join(&relative);
                let there = folders_are_plain(dir, &relative) && fs::symlink_metadata(&full).is_ok_and(|m| m.is_file());
                if !there {
                    write_file(store, dir, &relative, document.id)?;
                    written.paths.push(relative);
                }
                present.insert(&document.sha256, there);
                there
            }
        };
        if !there {
            sources.push(*source);
        }
    }
    if !sources.is_empty() {
        written.notes = store.notes_linking_sources(&sources)?;
    }
    Ok(written)
}

/// Writes a document's bytes at `relative` under `dir`: under a temporary name, then renamed
/// (a link or folder planted there is removed first, never written through).
pub(super) fn write_file(store: &Store, dir: &Path, relative: &str, document: i64) -> Result<(), SyncError> {
    let path = dir.join(relative);
    let error = |cause| SyncError::Write { path: path.clone(), cause };
    let mut folder = dir.to_owned();
    let parts: Vec<&str> = relative.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        folder.push(part);
        match fs::symlink_metadata(&folder) {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) => fs::remove_file(&folder).map_err(error)?,
            Err(_) => {}
        }
        fs::create_dir(&folder).map_err(error)?;
    }
    match fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path).map_err(error)?,
        Ok(_) => fs::remove_file(&path).map_err(error)?,
        Err(_) => {}
    }
    let bytes = store.document_bytes(document)?;
    let temporary = folder.join(format!(".{}.partial", parts[parts.len() - 1]));
    fs::write(&temporary, &bytes).map_err(error)?;
    fs::rename(&temporary, &path).map_err(error)
}

/// The files a note's front matter names for its sources and its claims' sources: each
/// source (as a draft with its details) with the SHA-256 of its file. Entries that name no
/// file are left out; a file named by something that is not a SHA-256 is a warning.
pub fn named_files(fields: &Mapping, warnings: &mut Vec<String>) -> Vec<(SourceDraft, String)> {
    let mut entries: Vec<&Value> = Vec::new();
    if let Some(Value::Sequence(items)) = field(fields, &["sources"]) {
        entries.extend(items);
    }
    if let Some(Value::Sequence(claims)) = field(fields, &["claims"]) {
        for claim in claims {
            if let Value::Mapping(claim) = claim
                && let Some(Value::Sequence(items)) = field(claim, &["sources"])
            {
                entries.extend(items);
            }
        }
    }
    let mut found = Vec::new();
    for entry in entries {
        let Value::Mapping(entry) = entry else { continue };
        let Some(sha256) = field(entry, &["document"]).and_then(scalar) else { continue };
        let url = field(entry, &["url"]).and_then(scalar).unwrap_or_default();
        if !is_sha256(&sha256) {
            warnings.push(format!("source {url}: its file is named {sha256:?}, not a SHA-256; not taken"));
            continue;
        }
        let parsed =
            if url.trim().is_empty() { SourceUrl::for_document(&sha256) } else { SourceUrl::parse_reference(&url) };
        let Ok(url) = parsed else { continue };
        let mut draft = SourceDraft::new(url);
        draft.title = field(entry, &["title"]).and_then(scalar);
        found.push((draft, sha256));
    }
    found
}

/// Takes in the files named by the notes being taken in (`named`, by the note file's path),
/// each source once; returns the warnings, by path.
pub fn take_named_in(
    store: &mut Store,
    dir: &Path,
    named: &[(String, SourceDraft, String)],
) -> Result<Vec<(String, String)>, SyncError> {
    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    for (path, draft, sha256) in named {
        if !seen.insert((draft.url.canonical.clone(), sha256.clone())) {
            continue;
        }
        let relative = document_path(sha256);
        let carried = Carried { folder: dir, relative: &relative, sha256, media_type: None, file_name: None };
        match take_in(store, draft, &carried) {
            Ok(_) => {}
            Err(Refused::File(why)) => {
                warnings.push((path.clone(), format!("source {}: {why}", draft.url.reference())))
            }
            Err(Refused::Store(error)) => return Err(error.into()),
        }
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_lives_under_its_hash() {
        let sha = "ab".repeat(32);
        assert_eq!(document_path(&sha), format!("documents/ab/{sha}"));
    }
}
