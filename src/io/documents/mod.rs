//! Documents in: a file read whole (up to [`MAX_DOCUMENT_BYTES`]), its kind told by its
//! content, and its text read page by page: a PDF's text layer, an HTML page's main text,
//! Markdown and plain text as they are. Nothing here writes anything; `session::documents`
//! stores what is read.

mod detect;
mod html;
mod pdf;

use crate::store::NewDocument;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::model::{DocumentText, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_PAGES, MediaType, TextStatus};

/// A file read: its bytes, its kind and its text.
#[derive(Debug, Clone)]
pub struct ReadDocument {
    pub bytes: Vec<u8>,
    pub media_type: MediaType,
    /// The file's name, without its folder.
    pub file_name: Option<String>,
    pub text: DocumentText,
    pub status: TextStatus,
}

impl ReadDocument {
    /// The document to store, under `title` (a source's; none for a note's attachment).
    pub fn to_store<'a>(&'a self, title: Option<&'a str>) -> NewDocument<'a> {
        NewDocument {
            bytes: &self.bytes,
            media_type: self.media_type,
            file_name: self.file_name.as_deref(),
            title,
            text: &self.text,
            status: &self.status,
        }
    }
}

/// Why a file was not read (nothing was stored).
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("cannot read {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error(
        "{path} is {} MB; a document may be at most {} MB",
        size.div_ceil(1024 * 1024),
        MAX_DOCUMENT_BYTES / (1024 * 1024)
    )]
    TooLarge { path: String, size: u64 },
    #[error("{path} is not a document Jevons keeps: its content is {what}{}", named_as(path))]
    NotADocument { path: String, what: &'static str },
    #[error("{path} is a damaged PDF: {reason}")]
    Corrupt { path: String, reason: String },
    #[error("{path} has {pages} pages; Jevons reads documents of at most {MAX_DOCUMENT_PAGES} pages")]
    TooManyPages { path: String, pages: usize },
    #[error("reading the document was cancelled (nothing was stored)")]
    Cancelled,
}

/// ` (although it is named .pdf)` for a file whose extension promised a document.
fn named_as(path: &str) -> String {
    let extension = extension_of(Path::new(path));
    let document = MediaType::ALL.iter().filter(|m| !m.is_image()).any(|m| m.extension() == extension);
    if document || matches!(extension.as_str(), "htm" | "markdown") {
        format!(" (although it is named .{extension})")
    } else {
        String::new()
    }
}

fn extension_of(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase()
}

/// Reads the document at `path`; `progress` hears the pages read (done, total), and setting
/// `cancel` stops before the next page.
pub fn read_file(
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
    cancel: &AtomicBool,
) -> Result<ReadDocument, DocumentError> {
    let shown = path.display().to_string();
    let failed = |cause| DocumentError::Read { path: shown.clone(), cause };
    let file = std::fs::File::open(path).map_err(failed)?;
    let size = file.metadata().map_err(failed)?.len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge { path: shown, size });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // A file that grows while it is read is cut one byte past the limit, and refused.
    file.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes).map_err(failed)?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge { path: shown, size: bytes.len() as u64 });
    }
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    read_bytes(bytes, &shown, file_name, progress, cancel)
}

/// Reads a document's `bytes` (`shown` names it in messages).
pub fn read_bytes(
    bytes: Vec<u8>,
    shown: &str,
    file_name: Option<String>,
    progress: &mut dyn FnMut(u64, u64),
    cancel: &AtomicBool,
) -> Result<ReadDocument, DocumentError> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge { path: shown.to_owned(), size: bytes.len() as u64 });
    }
    let extension = extension_of(Path::new(file_name.as_deref().unwrap_or(shown)));
    let media_type = detect::media_type(&bytes, &extension)
        .map_err(|foreign| DocumentError::NotADocument { path: shown.to_owned(), what: foreign.describe() })?;
    let (text, status) = match media_type {
        MediaType::Pdf => pdf::read(&bytes, progress, cancel).map_err(|e| e.of(shown))?,
        MediaType::Html => (html::read(&as_text(&bytes)), TextStatus::Text),
        MediaType::Markdown | MediaType::Text => {
            let text = as_text(&bytes).into_owned();
            let title = (media_type == MediaType::Markdown).then(|| first_heading(&text)).flatten();
            (DocumentText { pages: vec![text], page_count: 1, title, ..DocumentText::default() }, TextStatus::Text)
        }
        // Detection tells no image (those are `read_attachment`'s); one would have no text.
        MediaType::Png | MediaType::Jpeg | MediaType::Gif | MediaType::Webp => {
            (DocumentText::default(), TextStatus::Text)
        }
    };
    progress(text.page_count as u64, text.page_count as u64);
    Ok(ReadDocument { bytes, media_type, file_name, text, status })
}

/// Reads a note's attachment: an image (PNG, JPEG, GIF, WebP, told by its first bytes) is kept
/// as it is, with no text; anything else is read as a document ([`read_bytes`]).
pub fn read_attachment(
    bytes: Vec<u8>,
    shown: &str,
    file_name: Option<String>,
    progress: &mut dyn FnMut(u64, u64),
    cancel: &AtomicBool,
) -> Result<ReadDocument, DocumentError> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge { path: shown.to_owned(), size: bytes.len() as u64 });
    }
    match detect::image_type(&bytes) {
        Some(media_type) => {
            Ok(ReadDocument { bytes, media_type, file_name, text: DocumentText::default(), status: TextStatus::Text })
        }
        None => read_bytes(bytes, shown, file_name, progress, cancel),
    }
}

/// UTF-8 text without its byte-order mark (detection has checked it is UTF-8).
fn as_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

/// A Markdown file's first `# Heading`.
fn first_heading(text: &str) -> Option<String> {
    text.lines().find_map(|l| l.strip_prefix("# ")).map(|h| h.trim().to_owned()).filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], name: &str) -> Result<ReadDocument, DocumentError> {
        read_bytes(bytes.to_vec(), name, Some(name.to_owned()), &mut |_, _| {}, &AtomicBool::new(false))
    }

    #[test]
    fn a_mislabelled_file_is_named_for_what_it_is() {
        let message = read(b"\x89PNG\r\n\x1a\n....", "report.pdf").unwrap_err().to_string();
        assert_eq!(
            message,
            "report.pdf is not a document Jevons keeps: its content is a PNG image (although it is named .pdf)"
        );
        let message = read(b"PK\x03\x04....", "deck.pptx").unwrap_err().to_string();
        assert!(message.ends_with("(or an Office document, which is one)"), "{message}");
    }

    #[test]
    fn an_attachment_may_be_an_image_but_a_source_may_not() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let image = read_attachment(png.to_vec(), "c.png", None, &mut |_, _| {}, &AtomicBool::new(false)).unwrap();
        assert_eq!((image.media_type, image.text.page_count, image.status), (MediaType::Png, 0, TextStatus::Text));
        let message = read(png, "c.png").unwrap_err().to_string();
        assert_eq!(message, "c.png is not a document Jevons keeps: its content is a PNG image");
        let text = read_attachment(b"<svg/>".to_vec(), "d.svg", None, &mut |_, _| {}, &AtomicBool::new(false));
        assert_eq!(text.unwrap().media_type, MediaType::Text, "an SVG is XML text, never drawn");
    }

    #[test]
    fn markdown_and_text_are_read_as_they_are() {
        let md = read(b"intro\n# The Title \nbody", "n.md").unwrap();
        assert_eq!((md.media_type, md.text.title.as_deref()), (MediaType::Markdown, Some("The Title")));
        assert_eq!(md.text.pages, ["intro\n# The Title \nbody"]);
        let txt = read(b"\xEF\xBB\xBFplain words", "n.txt").unwrap();
        assert_eq!(
            (txt.media_type, txt.text.pages.clone(), txt.status),
            (MediaType::Text, vec!["plain words".to_owned()], TextStatus::Text)
        );
    }

    #[test]
    fn an_oversized_file_is_refused_with_the_limit_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_DOCUMENT_BYTES + 1).unwrap();
        let message = read_file(&path, &mut |_, _| {}, &AtomicBool::new(false)).unwrap_err().to_string();
        assert!(message.ends_with("is 101 MB; a document may be at most 100 MB"), "{message}");
    }
}
