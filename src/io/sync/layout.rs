//! Where a note lives in the sync working copy, and writing the notes changed since the last
//! sync there.
//!
//! One file per note, in the Markdown export's format, at `notes/<xx>/<name>.md`: `<xx>` is two
//! hex digits of a hash of the note's uid (256 folders, so a million notes make about 4,000 files
//! a folder), `<name>` the uid itself when it is short, lower-case letters, digits and `-`, else
//! a hash of it. The same uid has the same path on every machine; the uid inside the file, not
//! its name, is the note's identity.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use super::SyncError;
use super::attachments::write_lists;
use super::documents::write_missing;
use crate::io::markdown_export::note_file;
use crate::io::{Phase, Progress, Watch};
use crate::model::{NoteId, Source, derived_uid};
use crate::store::Store;
use crate::store::sync::SyncMark;

/// The folder of the working copy that holds the notes.
pub const NOTES: &str = "notes";

/// Notes read from the store per page.
const PAGE: usize = 500;

/// The path of a note's file inside the working copy, `/`-separated.
pub fn note_path(uid: &str) -> String {
    let hashed = derived_uid("sync", &[uid]);
    let digits = &hashed["sync-".len()..];
    let plain = !uid.is_empty()
        && uid.len() <= 64
        && uid.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !uid.starts_with('-');
    let name = if plain { uid } else { digits };
    format!("{NOTES}/{}/{name}.md", &digits[..2])
}

/// Whether `path` (from git, `/`-separated) has the shape of a note's file: `notes/xx/name.md`
/// with plain names, nothing that climbs out.
pub fn is_note_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let [root, folder, file] = parts.as_slice() else { return false };
    let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    *root == NOTES
        && folder.len() == 2
        && folder.chars().all(|c| c.is_ascii_hexdigit())
        && file.strip_suffix(".md").is_some_and(plain)
}

/// What writing the changed notes did.
#[derive(Debug, Default)]
pub struct Written {
    /// Every note looked at, with the version written (those whose file already said the same
    /// too).
    pub marks: Vec<SyncMark>,
    /// Files written, relative to the working copy.
    pub paths: Vec<String>,
    pub added: usize,
    pub changed: usize,
    /// Titles of the notes written, for the commit message.
    pub titles: Vec<String>,
    /// Documents written (their paths are in `paths` too).
    pub documents: usize,
}

/// Writes `text` as the file at `relative` under `dir` (`notes/xx/…`), making its folder; a
/// link or folder planted there is taken away, never written through.
pub(super) fn write_note_file(dir: &Path, relative: &str, text: &str) -> Result<(), SyncError> {
    let path = dir.join(relative);
    make_folder(dir, relative)?;
    replace_link(&path)?;
    fs::write(&path, text.as_bytes()).map_err(|cause| SyncError::Write { path, cause })
}

/// Writes every note changed since the last sync into the working copy at `dir`, where its
/// file does not already say the same, and the files sources hold that it lacks (with the notes
/// linking those sources, so that they name the files: see [`super::documents`]); then the
/// files notes embed and the lists of them beside the notes (see [`super::attachments`]).
pub fn write_changed(store: &Store, dir: &Path, watch: &mut Watch) -> Result<Written, SyncError> {
    let mut written = write_notes(store, dir, watch)?;
    let lists = write_lists(store, dir)?;
    written.documents += lists.documents;
    written.paths.extend(lists.paths);
    Ok(written)
}

fn write_notes(store: &Store, dir: &Path, watch: &mut Watch) -> Result<Written, SyncError> {
    let held = store.held_documents()?;
    let documents = write_missing(store, dir, &held)?;
    let mut written = Written { documents: documents.paths.len(), paths: documents.paths, ..Written::default() };
    let mut changed: Vec<NoteId> = store.sync_changed_notes()?.into_iter().map(|(id, _)| id).collect();
    if !documents.notes.is_empty() {
        changed.extend(documents.notes);
        changed.sort_unstable();
        changed.dedup();
    }
    if changed.is_empty() {
        return Ok(written);
    }
    let sources: HashMap<i64, Source> = store.export_sources()?.into_iter().map(|s| (s.id, s)).collect();
    let total = changed.len() as u64;
    for chunk in changed.chunks(PAGE) {
        for export in store.export_notes_by_id(chunk)? {
            let text = note_file(&export, &sources, &held)?;
            let relative = note_path(&export.note.uid);
            let path = dir.join(&relative);
            let before = read_plain(&path);
            if before.as_deref() != Some(text.as_bytes()) {
                write_note_file(dir, &relative, &text)?;
                if before.is_some() {
                    written.changed += 1;
                } else {
                    written.added += 1;
                }
                written.titles.push(export.note.title.clone());
                written.paths.push(relative);
            }
            written.marks.push(SyncMark {
                note: export.note.id,
                version: export.note.version,
                hash: export.content_hash,
            });
        }
        watch.report(Progress::new(Phase::Exporting, written.marks.len() as u64, Some(total)));
    }
    Ok(written)
}

/// A file's bytes, when it is a regular file (not a link).
fn read_plain(path: &Path) -> Option<Vec<u8>> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    fs::read(path).ok()
}

/// A symbolic link (or anything not a file) where a note's file goes is taken away, never
/// written through.
fn replace_link(path: &Path) -> Result<(), SyncError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(path),
        Ok(meta) if !meta.is_file() => fs::remove_file(path),
        _ => Ok(()),
    }
    .map_err(|cause| SyncError::Write { path: path.to_owned(), cause })
}

/// Makes `notes/xx` under `dir` as real folders (a link planted in their place is removed).
fn make_folder(dir: &Path, relative: &str) -> Result<(), SyncError> {
    let mut folder = dir.to_owned();
    let parts: Vec<&str> = relative.split('/').collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        folder.push(part);
        let error = |cause| SyncError::Write { path: folder.clone(), cause };
        match fs::symlink_metadata(&folder) {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) => fs::remove_file(&folder).map_err(error)?,
            Err(_) => {}
        }
        fs::create_dir(&folder).map_err(|cause| SyncError::Write { path: folder.clone(), cause })?;
    }
    Ok(())
}

/// Whether the folders on the way to `relative` under `dir` are real folders (no link leads
/// out of the working copy).
pub fn folders_are_plain(dir: &Path, relative: &str) -> bool {
    let mut folder = dir.to_owned();
    let parts: Vec<&str> = relative.split('/').collect();
    parts[..parts.len().saturating_sub(1)].iter().all(|part| {
        folder.push(part);
        fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_stable_plain_and_spread_over_folders() {
        let uid = "3fa2b4c5d6e7f8091a2b3c4d5e6f7081";
        assert_eq!(note_path(uid), note_path(uid));
        assert!(note_path(uid).ends_with(&format!("/{uid}.md")));
        for odd in ["md:vault/Research/NVDA.md", "../../etc/passwd", "UPPER", "a b", "-x", &"a".repeat(300)] {
            let path = note_path(odd);
            assert!(is_note_path(&path), "{odd:?} → {path}");
            assert!(!path.contains(".."), "{path}");
        }
        let folders: std::collections::HashSet<String> =
            (0..2000).map(|i| note_path(&format!("{i:032x}"))[6..8].to_owned()).collect();
        assert!(folders.len() > 200, "{}", folders.len());
        for bad in
            ["notes/../x.md", "notes/ab/../../x.md", "x/ab/c.md", "notes/abc/c.md", "notes/ab/c.txt", "notes/zz/c.md"]
        {
            assert!(!is_note_path(bad), "{bad}");
        }
    }
}
