//! The files sources hold, in a JSON export: written beside the JSON file in a folder of their
//! own (`research.json` → `research.files/`), one file per content, named `<sha256>.<ext>`, and
//! described in the source's record ([`JsonDocument`]). The JSON stays small and readable, and a
//! 100 MB PDF is written from the database to its file and read back from it one at a time,
//! never held in the JSON text (see `docs/json-format.md`, "Documents").

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::carried_documents::{Carried, Refused, TakenIn, take_in};
use super::json::{Document, JsonSource};
use super::new_file::{temporary_beside, write_in_private_folder};
use super::{ExportError, ImportError, ImportReport, Watch};
use crate::model::{MediaType, SourceUrl};
use crate::store::{HeldDocument, SourceRecord, Store};

/// The file a source holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonDocument {
    /// The SHA-256 of the file's bytes (64 lower-case hex digits): its identity.
    pub sha256: String,
    /// Its name in the files folder: `<sha256>.<ext>`.
    pub file: String,
    /// `application/pdf`, `text/html`, `text/markdown` or `text/plain`.
    pub media_type: MediaType,
    /// Its size in bytes.
    pub size: u64,
    /// The name it was added under, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
}

impl JsonDocument {
    pub(super) fn of(held: &HeldDocument) -> Self {
        Self {
            sha256: held.sha256.clone(),
            file: format!("{}.{}", held.sha256, held.media_type.extension()),
            media_type: held.media_type,
            size: held.size,
            file_name: held.file_name.clone(),
        }
    }
}

/// How the export names a source: its address, or `document:<sha256>` for a file alone.
pub(super) fn reference(url: &str, held: Option<&HeldDocument>) -> String {
    match held {
        Some(held) if url.is_empty() => {
            SourceUrl::for_document(&held.sha256).map(|u| u.reference().to_owned()).unwrap_or_else(|_| url.to_owned())
        }
        _ => url.to_owned(),
    }
}

/// The folder beside the JSON file `out` that holds its documents: `research.json` →
/// `research.files`.
pub(super) fn files_folder_name(out: &Path) -> String {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name).trim_start_matches('.');
    format!("{}.files", if stem.is_empty() { "export" } else { stem })
}

/// Writes every file the export's sources hold and its notes embed, once each, into the new
/// folder `folder` (written under a hidden name, renamed when whole). Nothing is written when
/// there is no such file; the folder written, if any.
pub(super) fn write_files(store: &Store, folder: &Path) -> Result<Option<PathBuf>, ExportError> {
    let mut held: Vec<HeldDocument> = store.held_documents()?.into_values().collect();
    held.extend(super::json_attachments::of_notes(store)?.1);
    if held.is_empty() {
        return Ok(None);
    }
    if fs::symlink_metadata(folder).is_ok() {
        return Err(ExportError::Exists { path: folder.to_owned() });
    }
    let staging = temporary_beside(folder);
    let written = (|| {
        fs::create_dir(&staging).map_err(|cause| ExportError::Write { path: folder.to_owned(), cause })?;
        let mut by_id: Vec<&HeldDocument> = held.iter().collect();
        by_id.sort_by_key(|d| d.id);
        let mut done = HashSet::new();
        for document in by_id {
            if !done.insert(document.id) {
                continue;
            }
            let name = JsonDocument::of(document).file;
            // One file at a time: the largest document is the most held in memory.
            let bytes = store.document_bytes(document.id)?;
            write_in_private_folder(&staging.join(&name), &bytes)
                .map_err(|cause| ExportError::Write { path: folder.join(&name), cause })?;
        }
        fs::rename(&staging, folder).map_err(|cause| ExportError::Write { path: folder.to_owned(), cause })
    })();
    match written {
        Ok(()) => Ok(Some(folder.to_owned())),
        Err(error) => {
            let _ = fs::remove_dir_all(&staging);
            Err(error)
        }
    }
}

/// The files folder `doc` names beside the export at `json`: a plain name, nothing that leads
/// elsewhere.
pub(super) fn files_folder(doc: &Document, json: Option<&Path>) -> Option<PathBuf> {
    match (&doc.files, json) {
        (Some(name), Some(json)) if super::carried_documents::is_plain_relative(name) && !name.contains('/') => {
            Some(json.with_file_name(name))
        }
        _ => None,
    }
}

/// Takes in the file of every source that holds one (before the notes and claims, so that
/// their quotes are checked against it). `json` is the export's path: its files folder is
/// beside it. Each file refused is a warning naming its source; the rest are taken.
pub(super) fn take_files_in(
    store: &mut Store,
    doc: &Document,
    json: Option<&Path>,
    sources: &HashMap<&str, SourceRecord>,
    report: &mut ImportReport,
    watch: &Watch,
) -> Result<(), ImportError> {
    let folder = files_folder(doc, json);
    for source in doc.sources.iter().filter(|s| s.document.is_some()) {
        if watch.cancelled() {
            report.cancelled = true;
            return Ok(());
        }
        if let Some(why) = take_one(store, source, folder.as_deref(), sources)? {
            report.warn(format!("source {}", source.url), why);
        }
    }
    Ok(())
}

/// Takes in one source's file; why it was not taken, if it was not.
fn take_one(
    store: &mut Store,
    source: &JsonSource,
    folder: Option<&Path>,
    sources: &HashMap<&str, SourceRecord>,
) -> Result<Option<String>, ImportError> {
    let Some(document) = &source.document else { return Ok(None) };
    // A source whose record was refused has its warning already.
    let Some(record) = sources.get(source.url.as_str()) else { return Ok(None) };
    let Some(folder) = folder else {
        return Ok(Some(format!(
            "its file {} was not taken: the export names no files folder beside it",
            document.file
        )));
    };
    let carried = Carried {
        folder,
        relative: &document.file,
        sha256: &document.sha256,
        media_type: Some(document.media_type),
        file_name: document.file_name.as_deref(),
    };
    match take_in(store, &record.draft, &carried) {
        Ok(TakenIn::Stored | TakenIn::Linked | TakenIn::Unchanged) => Ok(None),
        Err(Refused::File(why)) => Ok(Some(why)),
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_folder_is_named_after_the_json_file() {
        assert_eq!(files_folder_name(Path::new("/x/research.json")), "research.files");
        assert_eq!(files_folder_name(Path::new("dump")), "dump.files");
        assert_eq!(files_folder_name(Path::new(".json")), "export.files");
    }
}
