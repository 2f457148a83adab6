//! The attachments of notes in a Markdown export: each note's files (images, PDFs) written beside
//! the Markdown so that its links still resolve, each file once.
//!
//! A link's path is kept as written when it stays inside the export folder (the notes are
//! written at its top): `chart.png` and `attachments/x.pdf` are written there. A path that
//! would leave the folder (`../_resources/x.png`), that is not a portable name (a hidden or
//! reserved part, a character Windows refuses), that is already taken in the folder, or that
//! another note uses for a file of different content goes into an `attachments` folder under a
//! name of its own, and the note's link is rewritten to it. No file is ever written over
//! another.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use super::file_names::UniqueNames;
use super::new_file::write_in_private_folder;
use super::{ExportError, safe_file_name};
use crate::extract::{file_links, rewrite_file_links};
use crate::model::{Attachment, NoteId};
use crate::store::Store;

/// The folder files go into when their own path cannot be kept.
const FOLDER: &str = "attachments";

/// Where the export puts the notes' attachments.
#[derive(Debug, Default)]
pub(super) struct Placement {
    /// Every note's attachments, not yet placed.
    pending: HashMap<NoteId, Vec<Attachment>>,
    /// Path in the export (lower case) → the SHA-256 of the file written there.
    taken: HashMap<String, String>,
    /// Folders at the top this export made.
    folders: HashSet<String>,
    /// The folder for files whose path was not kept, once chosen.
    fallback: Option<String>,
    /// (path in the export, document) to write, each path once.
    files: Vec<(String, i64)>,
}

impl Placement {
    pub fn new(store: &Store) -> Result<Self, ExportError> {
        let mut pending: HashMap<NoteId, Vec<Attachment>> = HashMap::new();
        for attachment in store.export_attachments()? {
            pending.entry(attachment.note_id).or_default().push(attachment);
        }
        Ok(Self { pending, ..Self::default() })
    }

    /// Places the attachments of note `note` whose text is `body`, and returns the text with the
    /// links to the files that moved rewritten. `names` holds the names taken at the export's top.
    pub fn note(&mut self, note: NoteId, body: &str, names: &mut UniqueNames) -> String {
        let Some(attachments) = self.pending.remove(&note) else { return body.to_owned() };
        let links = file_links(body);
        let mut moved: HashMap<String, String> = HashMap::new();
        for attachment in attachments {
            // The path the note's text gives the target (decoded); the target itself when the
            // text no longer links it.
            let path = links
                .iter()
                .find(|l| l.target == attachment.target)
                .map_or_else(|| attachment.target.clone(), |l| l.path.clone());
            let sha = &attachment.document.sha256;
            let kept = keepable(&path).filter(|kept| self.claim(kept, sha, names));
            let dest = match kept {
                Some(kept) => kept,
                None => {
                    let dest = self.fallback_path(&path, &attachment, names);
                    moved.insert(attachment.target.clone(), dest.clone());
                    dest
                }
            };
            if !self.files.iter().any(|(p, _)| p.to_lowercase() == dest.to_lowercase()) {
                self.files.push((dest, attachment.document.id));
            }
        }
        if moved.is_empty() {
            return body.to_owned();
        }
        rewrite_file_links(body, &|link| moved.get(&link.target).cloned())
    }

    /// Takes `path` for a file with content `sha`: free, or already holding the same content.
    fn claim(&mut self, path: &str, sha: &str, names: &mut UniqueNames) -> bool {
        let key = path.to_lowercase();
        if let Some(held) = self.taken.get(&key) {
            return held == sha;
        }
        let top = key.split('/').next().unwrap_or_default().to_owned();
        let top_free = if key.contains('/') {
            self.folders.contains(&top) || (names.take(&top) && self.folders.insert(top))
        } else {
            names.take(&top)
        };
        if top_free {
            self.taken.insert(key, sha.to_owned());
        }
        top_free
    }

    /// A new path in the attachments folder for a file whose own path is not kept.
    fn fallback_path(&mut self, path: &str, attachment: &Attachment, names: &mut UniqueNames) -> String {
        let folder = match &self.fallback {
            Some(folder) => folder.clone(),
            None => {
                let mut number = 1;
                let folder = loop {
                    let candidate = if number == 1 { FOLDER.to_owned() } else { format!("{FOLDER} {number}") };
                    if self.folders.contains(&candidate)
                        || (names.take(&candidate) && self.folders.insert(candidate.clone()))
                    {
                        break candidate;
                    }
                    number += 1;
                };
                self.fallback = Some(folder.clone());
                folder
            }
        };
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let (stem, extension) = match name.rsplit_once('.') {
            Some((stem, ext)) if !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric()) => {
                (stem.to_owned(), ext.to_owned())
            }
            _ => (name.to_owned(), attachment.document.media_type.extension().to_owned()),
        };
        let stem = safe_file_name(&stem);
        let mut number = 1;
        loop {
            let candidate = if number == 1 {
                format!("{folder}/{stem}.{extension}")
            } else {
                format!("{folder}/{stem} {number}.{extension}")
            };
            let key = candidate.to_lowercase();
            match self.taken.get(&key) {
                Some(held) if *held == attachment.document.sha256 => return candidate,
                Some(_) => number += 1,
                None => {
                    self.taken.insert(key, attachment.document.sha256.clone());
                    return candidate;
                }
            }
        }
    }

    /// Writes the placed files into `folder` (errors name them as in `out`), adding their paths
    /// to `written`.
    pub fn write(
        &self,
        store: &Store,
        folder: &Path,
        out: &Path,
        written: &mut Vec<String>,
    ) -> Result<(), ExportError> {
        for (path, document) in &self.files {
            let target = folder.join(path);
            let error = |cause| ExportError::Write { path: out.join(path), cause };
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(error)?;
            }
            write_in_private_folder(&target, &store.document_bytes(*document)?).map_err(error)?;
            written.push(path.clone());
        }
        Ok(())
    }
}

/// `path` as a path inside the export folder, when it stays inside it and every part of it is a
/// portable name.
fn keepable(path: &str) -> Option<String> {
    if path.starts_with('/') || path.contains('\\') || path.as_bytes().get(1) == Some(&b':') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part if safe_file_name(part) == part => parts.push(part),
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_portable_paths_inside_the_folder_are_kept() {
        assert_eq!(keepable("chart.png").as_deref(), Some("chart.png"));
        assert_eq!(keepable("./attachments/x y.pdf").as_deref(), Some("attachments/x y.pdf"));
        assert_eq!(keepable("a/../b.png").as_deref(), Some("b.png"));
        for refused in ["../_resources/x.png", "/etc/x.png", "C:\\x.png", ".hidden/x.png", "CON.png", "a:b.png", ""] {
            assert_eq!(keepable(refused), None, "{refused}");
        }
    }
}
