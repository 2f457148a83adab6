//! Documents that arrive with research from elsewhere: the files beside a JSON export, and those
//! in a sync working copy. Each is named by its SHA-256; it is read only from inside its folder
//! (a plain name, no symbolic link), at most [`MAX_DOCUMENT_BYTES`], and kept only when its bytes
//! hash to its name and its content is the kind it was said to be. Its text is then read as
//! `jevons source add --file` reads it, and it is stored for its source (once per content: a file
//! already stored is linked without being read again), which checks its claims' quotes again.
//!
//! Every refusal is a sentence for a report that names the source; nothing stored is touched.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::documents::{DocumentError, ReadDocument, read_bytes};
use crate::model::{MAX_DOCUMENT_BYTES, MediaType, SourceDraft};
use crate::store::{Linked, Store, StoreError, content_hash};

/// A file to take in for a source.
#[derive(Debug, Clone)]
pub struct Carried<'a> {
    /// The folder the file must be in.
    pub folder: &'a Path,
    /// Its path inside `folder`, `/`-separated (checked: plain names only).
    pub relative: &'a str,
    /// The SHA-256 it was written under.
    pub sha256: &'a str,
    /// The kind it was said to be, when the carrier says so.
    pub media_type: Option<MediaType>,
    /// The name it was first added under (kept for the source's title and later exports).
    pub file_name: Option<&'a str>,
}

/// What taking a file in did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakenIn {
    /// Read, checked and stored.
    Stored,
    /// Stored here already: the source was linked to it without reading the file.
    Linked,
    /// The source held this file already.
    Unchanged,
}

/// Why a carried file was left out (a sentence), or a store failure that stops the whole run.
#[derive(Debug)]
pub enum Refused {
    File(String),
    Store(StoreError),
}

impl From<StoreError> for Refused {
    fn from(error: StoreError) -> Self {
        Refused::Store(error)
    }
}

/// Whether `relative` is plain names under its folder: no `..`, no absolute path, no hidden or
/// empty parts, no backslashes.
pub fn is_plain_relative(relative: &str) -> bool {
    !relative.is_empty()
        && relative.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

/// Takes the file `carried` names in for the source of `draft` (see the module documentation).
pub fn take_in(store: &mut Store, draft: &SourceDraft, carried: &Carried) -> Result<TakenIn, Refused> {
    let sha256 = carried.sha256;
    if !crate::model::is_sha256(sha256) {
        return Err(Refused::File(format!("its file is named by {sha256:?}, which is not a SHA-256")));
    }
    match store.held_document_hash(&draft.url.canonical)? {
        Some(held) if held == sha256 => return Ok(TakenIn::Unchanged),
        Some(held) => {
            return Err(Refused::File(format!(
                "holds another file here (SHA-256 {held}); it was kept, the file {} was not taken",
                carried.relative
            )));
        }
        None => {}
    }
    if store.has_document(sha256)? {
        return match store.link_stored_document(draft, sha256)? {
            Linked::Linked => Ok(TakenIn::Linked),
            Linked::AlreadyHeld | Linked::NotStored => Ok(TakenIn::Unchanged),
            Linked::HoldsOther(held) => Err(Refused::File(format!("holds another file here (SHA-256 {held})"))),
        };
    }
    let read = read_checked(carried, read_bytes)?;
    let stem = || {
        read.file_name
            .as_deref()
            .map(|n| Path::new(n).file_stem().map_or(n.into(), |s| s.to_string_lossy()).into_owned())
    };
    let title = draft.title.clone().or_else(|| read.text.title.clone()).or_else(stem);
    store.add_document(Some(draft), &read.to_store(title.as_deref()))?;
    Ok(TakenIn::Stored)
}

/// The file `carried` names, read from inside its folder, checked against the SHA-256 it was
/// written under and, when the carrier says, its kind; `read` reads its text (a source's
/// document, or a note's attachment, which may be an image).
pub fn read_checked(carried: &Carried, read: Reader) -> Result<ReadDocument, Refused> {
    let bytes = read_inside(carried.folder, carried.relative).map_err(Refused::File)?;
    let found = content_hash(&bytes);
    if found != carried.sha256 {
        return Err(Refused::File(format!(
            "its file {} does not hold what it is named for (its SHA-256 is {found}); not taken",
            carried.relative
        )));
    }
    let file_name = carried.file_name.map(str::to_owned);
    let shown = carried.file_name.unwrap_or(carried.relative);
    let read = read(bytes, shown, file_name, &mut |_, _| {}, &AtomicBool::new(false))
        .map_err(|e| Refused::File(e.to_string()))?;
    if let Some(said) = carried.media_type
        && said != read.media_type
    {
        return Err(Refused::File(format!(
            "its file {} is said to be {} but is {}; not taken",
            carried.relative,
            said.label(),
            read.media_type.label()
        )));
    }
    Ok(read)
}

/// How a carried file's text is read: [`read_bytes`] or [`super::documents::read_attachment`].
pub type Reader =
    fn(Vec<u8>, &str, Option<String>, &mut dyn FnMut(u64, u64), &AtomicBool) -> Result<ReadDocument, DocumentError>;

/// The bytes of `relative` inside `folder`: a regular file reached through real folders only,
/// at most [`MAX_DOCUMENT_BYTES`].
fn read_inside(folder: &Path, relative: &str) -> Result<Vec<u8>, String> {
    if !is_plain_relative(relative) {
        return Err(format!("its file is named {relative:?}, which leads out of the files folder; not taken"));
    }
    let mut path = folder.to_owned();
    let parts: Vec<&str> = relative.split('/').collect();
    for (at, part) in parts.iter().enumerate() {
        path.push(part);
        let last = at + 1 == parts.len();
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(format!("its file {relative} is reached through a symbolic link; not taken"));
            }
            Ok(meta) if last && !meta.is_file() => return Err(format!("its file {relative} is not a file; not taken")),
            Ok(meta) if last && meta.len() > MAX_DOCUMENT_BYTES => {
                return Err(too_large(relative, meta.len()));
            }
            Ok(_) => {}
            Err(_) => return Err(format!("its file {relative} is missing from {}", folder.display())),
        }
    }
    let file = fs::File::open(&path).map_err(|e| format!("cannot read its file {relative}: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read its file {relative}: {e}"))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(too_large(relative, bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(relative: &str, size: u64) -> String {
    format!(
        "its file {relative} is {} MB; a document may be at most {} MB; not taken",
        size.div_ceil(1024 * 1024),
        MAX_DOCUMENT_BYTES / (1024 * 1024)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_inside_the_folder_are_read() {
        for good in ["ab/abc.pdf", "x.txt", "documents/ab/0123"] {
            assert!(is_plain_relative(good), "{good}");
        }
        for bad in ["", "../x", "a/../b", "/etc/passwd", "a//b", ".hidden", "a\\b", "C:x", "a/ b"] {
            assert!(!is_plain_relative(bad), "{bad}");
        }
    }
}
