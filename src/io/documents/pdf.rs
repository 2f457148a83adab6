//! A PDF's text layer, page by page, with `pdf-extract` (pure Rust, on `lopdf`).
//!
//! The crate panics on some malformed files (a page without a media box, a broken content
//! stream), so loading and every page run under `catch_unwind`: a page that panics or fails is
//! read as empty and named in the document's status, and the rest are kept. A PDF that needs a
//! password is read as [`TextStatus::Encrypted`], without text. The cancel flag is
//! read before each page; a file over [`MAX_DOCUMENT_PAGES`] pages is refused before any page
//! is read.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use pdf_extract::{Document, Object, PlainTextOutput};
use unicode_normalization::UnicodeNormalization;

use super::DocumentError;

/// Why a PDF's text was not read, before the file's name is known.
#[derive(Debug)]
pub enum PdfError {
    Corrupt(String),
    TooManyPages(usize),
    Cancelled,
}

impl PdfError {
    /// The error for the file named `shown`.
    pub fn of(self, shown: &str) -> DocumentError {
        let path = shown.to_owned();
        match self {
            PdfError::Corrupt(reason) => DocumentError::Corrupt { path, reason },
            PdfError::TooManyPages(pages) => DocumentError::TooManyPages { path, pages },
            PdfError::Cancelled => DocumentError::Cancelled,
        }
    }
}
use crate::model::{DocumentText, MAX_DOCUMENT_PAGES, TextStatus};

/// The text of `bytes`, a PDF, with its status; `progress` hears each page read (done, total).
pub fn read(
    bytes: &[u8],
    progress: &mut dyn FnMut(u64, u64),
    cancel: &AtomicBool,
) -> Result<(DocumentText, TextStatus), PdfError> {
    let loaded = quietly(|| Document::load_mem(bytes))
        .map_err(|_| PdfError::Corrupt("the PDF reader failed on its structure".to_owned()))?;
    let mut doc = match loaded {
        Ok(doc) => doc,
        Err(pdf_extract::Error::Decryption(_)) => return Ok(encrypted()),
        Err(e) => return Err(PdfError::Corrupt(e.to_string())),
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Ok(encrypted());
    }
    let pages =
        quietly(|| doc.get_pages()).map_err(|_| PdfError::Corrupt("its page tree cannot be read".to_owned()))?;
    if pages.is_empty() {
        return Err(PdfError::Corrupt("it has no pages".to_owned()));
    }
    if pages.len() > MAX_DOCUMENT_PAGES {
        return Err(PdfError::TooManyPages(pages.len()));
    }
    let total = pages.len() as u64;
    let mut texts: Vec<String> = Vec::with_capacity(pages.len());
    let mut failed = Vec::new();
    let mut reason = String::new();
    for (done, number) in pages.keys().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(PdfError::Cancelled);
        }
        let mut text = String::new();
        let outcome = quietly(|| {
            let mut output = PlainTextOutput::new(&mut text);
            pdf_extract::output_doc_page(&doc, &mut output, *number)
        });
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                failed.push(*number);
                reason = e.to_string();
                text.clear();
            }
            Err(_) => {
                failed.push(*number);
                reason = "the PDF reader failed on its content".to_owned();
                text.clear();
            }
        }
        // Compatibility forms folded (`ﬁ` ligatures become `fi`), so the words are found.
        texts.push(text.nfkc().collect());
        progress(done as u64 + 1, total);
    }
    let status = if !failed.is_empty() {
        TextStatus::Failed(format!("{} of {total} pages could not be read ({reason})", failed.len()))
    } else if texts.iter().all(|t| t.trim().is_empty()) {
        TextStatus::NoTextLayer
    } else {
        TextStatus::Text
    };
    let (title, author, published_at) = info(&doc);
    Ok((DocumentText { pages: texts, page_count: pages.len(), title, author, published_at }, status))
}

thread_local! {
    /// Set while this thread runs the PDF reader: its panics are caught and reported as a
    /// page that could not be read, so the panic message is not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, catching a panic; while it runs, a panic on this thread prints nothing (the
/// process's panic hook is wrapped once, and still prints every other panic).
fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static WRAP: Once = Once::new();
    WRAP.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let outcome = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    outcome
}

/// A PDF that needs a password: no text, its pages not even counted.
fn encrypted() -> (DocumentText, TextStatus) {
    (DocumentText::default(), TextStatus::Encrypted)
}

/// Title, author and creation day from the document's Info dictionary, where it has them.
fn info(doc: &Document) -> (Option<String>, Option<String>, Option<NaiveDate>) {
    let Some(dict) = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }) else {
        return (None, None, None);
    };
    let text = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o| pdf_extract::decode_text_string(o).ok())
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("untitled"))
    };
    let date = text(b"CreationDate").and_then(|d| pdf_date(&d));
    (text(b"Title"), text(b"Author"), date)
}

/// A PDF date (`D:20250127103000+00'00'`) → its day.
fn pdf_date(text: &str) -> Option<NaiveDate> {
    let digits = text.strip_prefix("D:").unwrap_or(text);
    NaiveDate::parse_from_str(digits.get(..8)?, "%Y%m%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_give_their_day() {
        assert_eq!(pdf_date("D:20250127103000+00'00'"), NaiveDate::from_ymd_opt(2025, 1, 27));
        assert_eq!(pdf_date("20240229"), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(pdf_date("D:2025"), None);
        assert_eq!(pdf_date("D:20251399"), None);
    }

    #[test]
    fn garbage_is_refused_without_a_panic() {
        let never = AtomicBool::new(false);
        for bytes in [
            &b"%PDF-1.4\n"[..],
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
            b"",
        ] {
            assert!(read(bytes, &mut |_, _| {}, &never).is_err());
        }
    }
}
