//! The attachments of an imported vault: the files its notes embed or link (`![[chart.png]]`,
//! `![](../_resources/x.pdf)`, `[doc](attachments/x%20y.pdf)`), found as Obsidian finds them
//! and brought in as documents tied to those notes.
//!
//! A link's path is looked up relative to the note's folder first, then from the vault's top,
//! then by file name anywhere in the vault (the shortest path wins, then name order). Only the
//! regular files the walk listed can be found, so a link never reaches outside the imported
//! folder (a `..` past its top, an absolute path) nor through a symbolic link. A file is read
//! once per import on the reading thread (PDF and HTML text extracted as for a source; an image
//! kept as it is) and stored once per content. A link to a missing, oversized or unreadable
//! file is a warning naming the note and the link; the note is imported all the same.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::atomic::AtomicBool;

use unicode_normalization::UnicodeNormalization;

use super::ImportReport;
use super::documents::{ReadDocument, read_attachment};
use super::walk::Found;
use crate::extract::file_links;
use crate::model::{MAX_DOCUMENT_BYTES, NoteId};
use crate::store::{Batch, NoteOutcome, StoreError};

/// Extensions a link is taken to name a file by, so that a link to a missing one is reported
/// (other links that find no file are left alone: `[[Q3.final]]` may be a note's title).
const FILE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "tif", "tiff", "avif", "heic", "pdf", "html", "htm", "txt",
    "csv", "xlsx", "xls", "docx", "doc", "pptx", "ppt", "mp3", "mp4", "m4a", "wav", "mov", "webm", "zip", "json",
];

/// The vault's files that are not notes, to find links' targets among.
#[derive(Debug, Default)]
pub(crate) struct Vault {
    files: Vec<Found>,
    by_path: HashMap<String, usize>,
    /// File name → files, shortest path first.
    by_name: HashMap<String, Vec<usize>>,
}

/// A note's link to a file, read or refused.
#[derive(Debug)]
pub(crate) struct Incoming {
    /// The link's target as written.
    pub target: String,
    /// The file in the vault, when found.
    pub file: Option<usize>,
    /// The file as read (the first time this import met it), or why it is not brought in.
    pub read: Option<Result<ReadDocument, String>>,
}

impl Vault {
    pub fn new(files: Vec<Found>) -> Self {
        let mut vault = Vault { by_path: HashMap::new(), by_name: HashMap::new(), files: Vec::new() };
        for (index, found) in files.iter().enumerate() {
            vault.by_path.insert(found.relative.clone(), index);
            let name = found.relative.rsplit('/').next().unwrap_or(&found.relative).to_owned();
            vault.by_name.entry(name).or_default().push(index);
        }
        for list in vault.by_name.values_mut() {
            list.sort_by_key(|&i| (files[i].relative.len(), files[i].relative.clone()));
        }
        vault.files = files;
        vault
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// The file a link's `path` names from the note at `note` (both relative to the vault's
    /// top), or why there is none.
    fn resolve(&self, note: &str, path: &str) -> Result<usize, String> {
        let path: String = path.replace('\\', "/").nfc().collect();
        if path.starts_with('/') || path.as_bytes().get(1) == Some(&b':') {
            return Err("an absolute path, outside the imported folder (not brought in)".into());
        }
        let folder = note.rsplit_once('/').map_or("", |(folder, _)| folder);
        let beside = normalise(folder, &path).ok_or("points outside the imported folder (not brought in)")?;
        if let Some(&found) = self.by_path.get(&beside) {
            return Ok(found);
        }
        if let Some(&found) = normalise("", &path).and_then(|top| self.by_path.get(&top)) {
            return Ok(found);
        }
        let name = path.rsplit('/').next().unwrap_or(&path);
        self.by_name.get(name).and_then(|list| list.first().copied()).ok_or_else(|| "not found in the vault".into())
    }
}

/// `path` taken from `folder`, with `.` and `..` worked out; `None` when it climbs past the top.
fn normalise(folder: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Reads the notes' attached files on the reading thread, each file once per import.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    read: HashSet<usize>,
}

impl Reader {
    /// The links to files in the note `note` (its body `body`), each resolved and, the first time
    /// its file is met, read.
    pub fn links(&mut self, vault: &Vault, note: &Found, body: &str) -> Vec<Incoming> {
        let mut incoming: Vec<Incoming> = Vec::new();
        for link in file_links(body) {
            if incoming.iter().any(|i| i.target == link.target) {
                continue;
            }
            match vault.resolve(&note.relative, &link.path) {
                Ok(file) => {
                    let read = self.read.insert(file).then(|| read_file(&vault.files[file]));
                    incoming.push(Incoming { target: link.target, file: Some(file), read });
                }
                Err(why) => {
                    let extension = link.path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
                    if extension.is_some_and(|e| FILE_EXTENSIONS.contains(&e.as_str())) {
                        incoming.push(Incoming { target: link.target, file: None, read: Some(Err(why)) });
                    }
                }
            }
        }
        incoming
    }
}

/// The stored note an import's outcome names.
pub(crate) fn note_of(outcome: NoteOutcome) -> NoteId {
    match outcome {
        NoteOutcome::Created(id)
        | NoteOutcome::Updated(id)
        | NoteOutcome::Unchanged(id)
        | NoteOutcome::KeptNewer(id)
        | NoteOutcome::Conflict(id) => id,
    }
}

/// Reads an attached file without following a symbolic link, up to the documents' size limit.
fn read_file(found: &Found) -> Result<ReadDocument, String> {
    let file = super::markdown_import::open_plain(&found.path).map_err(|e| format!("cannot be read: {e}"))?;
    let size = file.metadata().map_err(|e| format!("cannot be read: {e}"))?.len();
    let too_large = |size: u64| {
        format!(
            "is {} MB; an attachment may be at most {} MB (not brought in)",
            size.div_ceil(1024 * 1024),
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        )
    };
    if size > MAX_DOCUMENT_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let name = found.relative.rsplit('/').next().map(str::to_owned);
    read_attachment(bytes, &found.relative, name, &mut |_, _| {}, &AtomicBool::new(false))
        .map_err(|e| format!("not brought in: {e}"))
}

/// Stores the attachments of the imported notes, each file once.
#[derive(Debug, Default)]
pub(crate) struct Keeper {
    /// Vault file → its document.
    stored: HashMap<usize, i64>,
}

impl Keeper {
    /// Ties the files `incoming` to the stored note `note` (read from `path`); links that bring
    /// nothing in become warnings.
    pub fn attach(
        &mut self,
        batch: &mut Batch,
        vault: &Vault,
        note: NoteId,
        path: &str,
        incoming: Vec<Incoming>,
        report: &mut ImportReport,
    ) -> Result<(), StoreError> {
        for link in incoming {
            let warn =
                |report: &mut ImportReport, why: &str| report.warn(path, format!("attachment {}: {why}", link.target));
            let Some(file) = link.file else {
                if let Some(Err(why)) = &link.read {
                    warn(report, why);
                }
                continue;
            };
            if let Some(&document) = self.stored.get(&file) {
                batch.attach_stored(note, &link.target, document)?;
                continue;
            }
            // Met before with a note that was not stored: read it now.
            let read = link.read.unwrap_or_else(|| read_file(&vault.files[file]));
            match read {
                Ok(read) => {
                    let document = batch.attach(note, &link.target, &read.to_store(None))?;
                    self.stored.insert(file, document);
                }
                Err(why) => warn(report, &why),
            }
        }
        Ok(())
    }

    /// How many of the vault's files were brought in.
    pub fn count(&self) -> u64 {
        self.stored.len() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault(paths: &[&str]) -> Vault {
        Vault::new(
            paths.iter().map(|p| Found { path: std::path::PathBuf::from(p), relative: (*p).to_owned() }).collect(),
        )
    }

    #[test]
    fn links_resolve_beside_the_note_then_from_the_top_then_by_the_shortest_path() {
        let v = vault(&["a/chart.png", "b/c/chart.png", "chart.png", "_resources/x.png", "deep/er/only.png"]);
        let found = |note: &str, path: &str| v.resolve(note, path).map(|i| v.files[i].relative.clone());
        assert_eq!(found("a/n.md", "chart.png").unwrap(), "a/chart.png");
        assert_eq!(found("b/n.md", "chart.png").unwrap(), "chart.png", "shortest path");
        assert_eq!(found("b/n.md", "c/chart.png").unwrap(), "b/c/chart.png");
        assert_eq!(found("nb/n.md", "../_resources/x.png").unwrap(), "_resources/x.png");
        assert_eq!(found("x/n.md", "only.png").unwrap(), "deep/er/only.png");
        assert_eq!(found("n.md", "a/chart.png").unwrap(), "a/chart.png");
        assert!(found("n.md", "../outside.png").unwrap_err().contains("outside"));
        assert!(found("n.md", "../chart.png").unwrap_err().contains("outside"), "no guessing past the top");
        assert!(found("n.md", "/etc/passwd.png").unwrap_err().contains("absolute"));
        assert!(found("n.md", "C:\\x\\chart.png").unwrap_err().contains("absolute"));
        assert_eq!(found("n.md", "missing.png").unwrap_err(), "not found in the vault");
    }
}
