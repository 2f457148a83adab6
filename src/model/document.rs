//! Documents held by sources: what kind of file, whether its text could be read, and the text
//! page by page ([`DocumentText`]). The file's bytes and pages live in the store; reading a file
//! is `io::documents`' work.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Invalid;

/// The largest file a source may hold: 100 MB (a 1,000-page filing with images is about 30 MB).
pub const MAX_DOCUMENT_BYTES: u64 = 100 * 1024 * 1024;

/// The most pages whose text is read and indexed; a longer PDF keeps its file and the text of
/// its first pages, and says so in its status.
pub const MAX_DOCUMENT_PAGES: usize = 3_000;

/// A document's kind, told by its content (not its name). Images are kept only as the
/// attachments of notes (schema 15): a source holds a PDF, HTML, Markdown or text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MediaType {
    #[serde(rename = "application/pdf")]
    Pdf,
    #[serde(rename = "text/html")]
    Html,
    #[serde(rename = "text/markdown")]
    Markdown,
    #[serde(rename = "text/plain")]
    Text,
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/gif")]
    Gif,
    #[serde(rename = "image/webp")]
    Webp,
}

impl MediaType {
    pub const ALL: [MediaType; 8] = [
        MediaType::Pdf,
        MediaType::Html,
        MediaType::Markdown,
        MediaType::Text,
        MediaType::Png,
        MediaType::Jpeg,
        MediaType::Gif,
        MediaType::Webp,
    ];

    /// Whether it is an image (no text; a note's attachment, shown in its preview).
    pub fn is_image(self) -> bool {
        matches!(self, MediaType::Png | MediaType::Jpeg | MediaType::Gif | MediaType::Webp)
    }

    /// The IANA media type, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Html => "text/html",
            MediaType::Markdown => "text/markdown",
            MediaType::Text => "text/plain",
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Gif => "image/gif",
            MediaType::Webp => "image/webp",
        }
    }

    /// What a person calls it.
    pub fn label(self) -> &'static str {
        match self {
            MediaType::Pdf => "PDF",
            MediaType::Html => "HTML page",
            MediaType::Markdown => "Markdown",
            MediaType::Text => "text",
            MediaType::Png => "PNG image",
            MediaType::Jpeg => "JPEG image",
            MediaType::Gif => "GIF image",
            MediaType::Webp => "WebP image",
        }
    }

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Pdf => "pdf",
            MediaType::Html => "html",
            MediaType::Markdown => "md",
            MediaType::Text => "txt",
            MediaType::Png => "png",
            MediaType::Jpeg => "jpg",
            MediaType::Gif => "gif",
            MediaType::Webp => "webp",
        }
    }

    pub fn parse(text: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == text)
            .ok_or_else(|| Invalid::new(format!("{text:?} is not a document type Jevons keeps")))
    }
}

/// Whether a document's text could be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", content = "reason", rename_all = "snake_case")]
pub enum TextStatus {
    /// The text was read (for a PDF: from its text layer).
    Text,
    /// A PDF without a text layer (scanned pages): the file is kept, nothing is searchable.
    NoTextLayer,
    /// A PDF that needs a password: the file is kept, its text cannot be read.
    Encrypted,
    /// Reading the text failed (or stopped), with why; the file is kept.
    Failed(String),
}

impl TextStatus {
    /// The stored name (`text`, `no_text_layer`, `encrypted`, `failed`).
    pub fn as_str(&self) -> &'static str {
        match self {
            TextStatus::Text => "text",
            TextStatus::NoTextLayer => "no_text_layer",
            TextStatus::Encrypted => "encrypted",
            TextStatus::Failed(_) => "failed",
        }
    }

    /// The stored form read back: the name and, for `failed`, the reason.
    pub fn parse(name: &str, reason: Option<String>) -> Result<Self, Invalid> {
        match name {
            "text" => Ok(TextStatus::Text),
            "no_text_layer" => Ok(TextStatus::NoTextLayer),
            "encrypted" => Ok(TextStatus::Encrypted),
            "failed" => Ok(TextStatus::Failed(reason.unwrap_or_default())),
            _ => Err(Invalid::new(format!("{name:?} is not a text status"))),
        }
    }

    /// One line for a person: `text read`, `no text layer (scanned pages?)`…
    pub fn describe(&self) -> String {
        match self {
            TextStatus::Text => "text read".to_owned(),
            TextStatus::NoTextLayer => "no text layer (scanned pages?); nothing in it is searchable".to_owned(),
            TextStatus::Encrypted => "encrypted (it needs a password); its text cannot be read".to_owned(),
            TextStatus::Failed(reason) => format!("not all of its text could be read: {reason}"),
        }
    }
}

/// A file's text as read, page by page (HTML, Markdown and text are one page), with what its
/// metadata says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentText {
    pub pages: Vec<String>,
    /// Pages in the file (more than `pages` when only the first were read).
    pub page_count: usize,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<NaiveDate>,
}

/// A stored document, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: i64,
    /// SHA-256 of the file, lower-case hex.
    pub sha256: String,
    pub media_type: MediaType,
    pub size: u64,
    pub file_name: Option<String>,
    pub page_count: u64,
    #[serde(flatten)]
    pub text_status: TextStatus,
}

/// A file a note embeds or links (an imported vault's `![[chart.png]]`), by the link target as
/// written in the note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub note_id: i64,
    /// The link's target as the note writes it (`chart.png`, `../_resources/x.pdf`), without a
    /// `#page=3` or `|300` after it.
    pub target: String,
    pub document: Document,
}

/// Where a claim's quote was found in its source's document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchored {
    /// On the page the claim names (or, when it names none, on the page given with it).
    Found,
    /// On another page than the one named.
    Elsewhere,
    /// Not in the document's text.
    NotFound,
}

impl Anchored {
    pub fn as_str(self) -> &'static str {
        match self {
            Anchored::Found => "found",
            Anchored::Elsewhere => "elsewhere",
            Anchored::NotFound => "not_found",
        }
    }

    pub fn parse(text: &str) -> Result<Self, Invalid> {
        [Anchored::Found, Anchored::Elsewhere, Anchored::NotFound]
            .into_iter()
            .find(|a| a.as_str() == text)
            .ok_or_else(|| Invalid::new(format!("{text:?} is not an anchor state")))
    }
}

/// A claim's quote as the claim JSON shows it: `{"text", "page", "anchored"}` (`anchored` is
/// null when the quoted source holds no document to check against), with where it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteAnchor {
    pub text: String,
    /// The page the claim names (1 is the first).
    pub page: Option<u32>,
    pub anchored: Option<Anchored>,
    /// The page it was found on (the named one when `found`, another when `elsewhere`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_page: Option<u32>,
}
