//! Adding a file to a source (`jevons source add --file`, and the window's worker): the file is
//! read and its text extracted first (with progress, cancellable), then stored with its source
//! in one transaction, so a refused, failed or cancelled file leaves nothing behind.
//!
//! A PDF that needs a password is refused unless the caller asks to keep unreadable files
//! (then the file is kept with the status `encrypted` and nothing in it is searchable).

use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use crate::io::documents::{DocumentError, read_file};
use crate::model::{MediaType, SourceDraft, SourceUrl, TextStatus};
use crate::store::{Store, StoreError};

/// What to add: the file, and the source details the user gave.
#[derive(Debug, Clone)]
pub struct AddFile<'a> {
    pub path: &'a Path,
    /// The web address the file was saved from: the file goes to that address's source.
    pub url: Option<SourceUrl>,
    /// A title, over the one in the document's metadata.
    pub title: Option<String>,
    /// Keep a PDF whose text cannot be read because it needs a password.
    pub keep_unreadable: bool,
}

/// What adding a file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileAdded {
    pub source_id: i64,
    pub document_id: i64,
    /// The same file (by content) was stored before: it was not stored again.
    pub already_stored: bool,
    pub media_type: MediaType,
    pub pages: u64,
    #[serde(flatten)]
    pub text_status: TextStatus,
}

/// Why a file was not added (nothing was stored).
#[derive(Debug, thiserror::Error)]
pub enum AddFileError {
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error(
        "{0} is an encrypted PDF (it needs a password), so its text cannot be read; save an unencrypted \
         copy and add that, or keep the file anyway with --keep-unreadable"
    )]
    Encrypted(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Reads the file at `request.path` and stores it for its source; `progress` hears the pages
/// read (done, total) and setting `cancel` stops before the next page.
pub fn add_file(
    store: &mut Store,
    request: &AddFile,
    progress: &mut dyn FnMut(u64, u64),
    cancel: &AtomicBool,
) -> Result<FileAdded, AddFileError> {
    let read = read_file(request.path, progress, cancel)?;
    if read.status == TextStatus::Encrypted && !request.keep_unreadable {
        return Err(AddFileError::Encrypted(request.path.display().to_string()));
    }
    let given_title = request.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    let file_title = || {
        read.file_name
            .as_deref()
            .map(|n| Path::new(n).file_stem().map_or(n.into(), |s| s.to_string_lossy()).into_owned())
    };
    let title = given_title.or_else(|| read.text.title.clone()).or_else(file_title);
    let url = request.url.clone().map(|url| SourceDraft {
        title: title.clone(),
        author: read.text.author.clone(),
        published_at: read.text.published_at,
        ..SourceDraft::new(url)
    });
    let added = store.add_document(url.as_ref(), &read.to_store(title.as_deref()))?;
    Ok(FileAdded {
        source_id: added.source_id,
        document_id: added.document_id,
        already_stored: added.already_stored,
        media_type: read.media_type,
        pages: read.text.page_count as u64,
        text_status: read.status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture;

    #[test]
    fn a_refused_file_stores_nothing_beside_what_was_added() {
        let (dir, mut store) = fixture::store();
        let path = dir.path().join("note.md");
        std::fs::write(&path, "# Capex\nHyperscalers keep spending.").unwrap();
        let request = AddFile { path: &path, url: None, title: None, keep_unreadable: false };
        let markdown = add_file(&mut store, &request, &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
        let mut heard = Vec::new();
        let pdf = dir.path().join("two.pdf");
        std::fs::write(&pdf, b"%PDF-1.4\nnot a real one").unwrap();
        let request = AddFile { path: &pdf, ..request };
        assert!(matches!(
            add_file(&mut store, &request, &mut |done, total| heard.push((done, total)), &AtomicBool::new(false)),
            Err(AddFileError::Document(DocumentError::Corrupt { .. }))
        ));
        assert!(heard.is_empty());
        assert_eq!(store.document_totals().unwrap().0, 1, "only the Markdown file was stored");
        assert_eq!((markdown.media_type, markdown.pages, markdown.already_stored), (MediaType::Markdown, 1, false));
        assert_eq!(store.source(markdown.source_id).unwrap().title.as_deref(), Some("Capex"));
    }
}
