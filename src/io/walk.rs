//! Finding the Markdown files of an import without leaving the chosen folder.
//!
//! Symbolic links are never followed: one pointing outside the folder is reported, one pointing
//! inside is reported too (its target is imported from its own place, once). Hidden entries
//! (`.obsidian/`, `.trash/`, `.git/`, `.DS_Store`) are ignored. Regular files that are not
//! Markdown are listed apart: the attachments notes may embed (see `super::attachments`).
//! Entries are visited in name order, so imports are repeatable.

use std::fs;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::{FileNote, ImportError};

/// File name endings read as Markdown (compared without case).
const MARKDOWN: &[&str] = &["md", "markdown", "mdown", "mkd", "mkdn"];

/// A Markdown file to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Where to read it.
    pub path: PathBuf,
    /// Its place relative to the imported folder, with `/` separators, in Unicode NFC: part of
    /// the note's identity and what reports show.
    pub relative: String,
}

/// Everything a walk found.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    pub files: Vec<Found>,
    pub skipped: Vec<FileNote>,
    pub ignored: u64,
    /// The regular files that are not Markdown (attachments the notes may embed), in name order;
    /// not counted in `ignored`.
    pub others: Vec<Found>,
    /// The folder name that prefixes each relative path in note identities.
    pub root_name: String,
}

pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| MARKDOWN.iter().any(|m| e.eq_ignore_ascii_case(m)))
}

fn relative(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().nfc().collect()).collect();
    parts.join("/")
}

/// The Markdown files at `path`: the file itself, or every Markdown file under the folder.
/// `scanned` is told how many Markdown files were found after each folder; when it returns
/// false (the import was cancelled) the walk stops there and returns what it found.
pub(crate) fn markdown_files(path: &Path, scanned: &mut dyn FnMut(u64) -> bool) -> Result<Walk, ImportError> {
    let read_error = |source| ImportError::Read { path: path.to_owned(), cause: source };
    let root = fs::canonicalize(path).map_err(read_error)?;
    let meta = fs::metadata(&root).map_err(read_error)?;
    let name_of = |p: &Path| p.file_name().map(|n| n.to_string_lossy().nfc().collect::<String>()).unwrap_or_default();
    if meta.is_file() {
        if !is_markdown(&root) {
            return Err(ImportError::NotImportable { path: path.to_owned() });
        }
        let base = root.parent().unwrap_or(Path::new("/")).to_owned();
        let root_name = name_of(&base);
        return Ok(Walk {
            files: vec![Found { relative: relative(&base, &root), path: root }],
            root_name,
            ..Walk::default()
        });
    }
    if !meta.is_dir() {
        return Err(ImportError::NotImportable { path: path.to_owned() });
    }
    let mut walk = Walk { root_name: name_of(&root), ..Walk::default() };
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(err) => {
                walk.skipped.push(FileNote {
                    path: relative(&root, &folder).into(),
                    reason: format!("folder cannot be read: {err}"),
                });
                continue;
            }
        };
        // The kind of each entry comes with the listing (no `stat` per file).
        let mut listed: Vec<(PathBuf, Option<fs::FileType>)> =
            entries.filter_map(Result::ok).map(|e| (e.path(), e.file_type().ok())).collect();
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        let mut subfolders = Vec::new();
        for (entry, kind) in listed {
            let hidden = entry.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            let Some(kind) = kind.or_else(|| fs::symlink_metadata(&entry).ok().map(|m| m.file_type())) else {
                continue;
            };
            let rel = relative(&root, &entry);
            if kind.is_symlink() {
                if let Some(reason) = symlink_reason(&root, &entry) {
                    walk.skipped.push(FileNote { path: rel.into(), reason });
                } else {
                    walk.ignored += 1;
                }
            } else if kind.is_dir() {
                subfolders.push(entry);
            } else if !is_markdown(&entry) && kind.is_file() {
                walk.others.push(Found { path: entry, relative: rel });
            } else if !is_markdown(&entry) {
                walk.ignored += 1;
            } else if kind.is_file() {
                walk.files.push(Found { path: entry, relative: rel });
            } else {
                walk.skipped.push(FileNote { path: rel.into(), reason: "not a regular file".into() });
            }
        }
        // Depth first, in name order: push in reverse so the first name is visited first.
        folders.extend(subfolders.into_iter().rev());
        if !scanned(walk.files.len() as u64) {
            break;
        }
    }
    Ok(walk)
}

/// Why a symbolic link is not followed, or `None` for a link to a non-Markdown file inside the
/// folder (an attachment, ignored like the file itself).
fn symlink_reason(root: &Path, link: &Path) -> Option<String> {
    let Ok(target) = fs::canonicalize(link) else {
        return Some("broken symbolic link".into());
    };
    if !target.starts_with(root) {
        return Some("symbolic link to a place outside the imported folder (not followed)".into());
    }
    if target.is_dir() {
        return Some("symbolic link to a folder (not followed; its files are imported from their own place)".into());
    }
    if is_markdown(link) || is_markdown(&target) {
        return Some("symbolic link (not followed; its target is imported from its own place)".into());
    }
    None
}
