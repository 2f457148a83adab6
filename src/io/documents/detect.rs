//! What a file really is, told from its first bytes rather than its name: a PDF, an HTML page,
//! Markdown or plain text, or something Jevons does not keep (an image, an archive, an office
//! file), named in the refusal.

use crate::model::MediaType;

/// Known file signatures Jevons does not read, with what to call them.
const FOREIGN: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (a WebP image, or sound or video)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a zip archive (or an Office document, which is one)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xFD7zXZ\x00", "an xz archive"),
    (b"\x28\xB5\x2F\xFD", "a zstd archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Microsoft Office document"),
    (b"%!PS", "a PostScript file"),
    (b"\x7FELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "a SQLite database"),
];

/// Why a file's content is not a document Jevons keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Foreign {
    /// A known kind of file (`a PNG image`).
    Known(&'static str),
    /// Bytes that are no text Jevons can read (not UTF-8, or with NUL bytes).
    Binary,
}

impl Foreign {
    pub fn describe(&self) -> &'static str {
        match self {
            Foreign::Known(what) => what,
            Foreign::Binary => "a binary file of a kind Jevons does not read (not a PDF, nor UTF-8 text)",
        }
    }
}

/// The image `bytes` hold (PNG, JPEG, GIF or WebP, by their signature), if any. SVG is not one:
/// it is XML text that may hold scripts and fetch files, so it is kept as text and never drawn.
pub fn image_type(bytes: &[u8]) -> Option<MediaType> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(MediaType::Png)
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some(MediaType::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(MediaType::Gif)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(MediaType::Webp)
    } else {
        None
    }
}

/// The media type of `bytes`; `extension` (lower case, no dot) only tells Markdown from plain
/// text, and HTML without a doctype from text.
pub fn media_type(bytes: &[u8], extension: &str) -> Result<MediaType, Foreign> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(MediaType::Pdf);
    }
    if let Some((_, what)) = FOREIGN.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(Foreign::Known(what));
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if text.contains(&0) || std::str::from_utf8(text).is_err() {
        return Err(Foreign::Binary);
    }
    let start = String::from_utf8_lossy(&text[..text.len().min(1024)]).trim_start().to_ascii_lowercase();
    let html_extension = matches!(extension, "html" | "htm" | "xhtml");
    if start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with('<') && (html_extension || start.contains("<head") || start.contains("<body")))
    {
        return Ok(MediaType::Html);
    }
    Ok(if matches!(extension, "md" | "markdown" | "mdown") { MediaType::Markdown } else { MediaType::Text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_decides_not_the_name() {
        assert_eq!(media_type(b"%PDF-1.7\n...", "txt"), Ok(MediaType::Pdf));
        assert_eq!(media_type(b"\x89PNG\r\n\x1a\nrest", "pdf"), Err(Foreign::Known("a PNG image")));
        assert!(matches!(media_type(b"PK\x03\x04zip", "pdf"), Err(Foreign::Known(_))));
        assert_eq!(media_type(b"<!DOCTYPE html><p>x", "txt"), Ok(MediaType::Html));
        assert_eq!(media_type(b"  <p>a fragment</p>", "htm"), Ok(MediaType::Html));
        assert_eq!(media_type(b"<p>a fragment</p>", "md"), Ok(MediaType::Markdown));
        assert_eq!(media_type(b"# Title\ntext", "md"), Ok(MediaType::Markdown));
        assert_eq!(media_type(b"\xEF\xBB\xBFplain", "pdf"), Ok(MediaType::Text));
        assert_eq!(media_type(b"bin\x00ary", "txt"), Err(Foreign::Binary));
        assert_eq!(media_type(b"\xFF\xFEu\x00t\x00f\x0016", "txt"), Err(Foreign::Binary));
        assert_eq!(media_type(b"", "txt"), Ok(MediaType::Text));
        assert_eq!(image_type(b"RIFF\x10\0\0\0WEBPVP8 "), Some(MediaType::Webp));
        assert_eq!(image_type(b"RIFF\x10\0\0\0WAVEfmt "), None);
        assert_eq!(image_type(b"\xFF\xD8\xFF\xE0"), Some(MediaType::Jpeg));
        assert_eq!(image_type(b"GIF89a.."), Some(MediaType::Gif));
        assert_eq!(image_type(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), None);
    }
}
