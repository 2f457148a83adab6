//! Safe file names for exported notes: a note title becomes one plain name inside the chosen
//! folder, never a path. No separators, no `..`, no control characters, no names Windows
//! reserves (`CON`, `NUL`, `aux.md`…), no leading dot (a hidden file), at most 120 characters
//! (and 200 bytes);
//! names that collide (ignoring case, as macOS and Windows do) are numbered: `Note 2.md`.

use std::collections::HashSet;

const MAX_CHARS: usize = 120;
/// File systems allow 255 bytes per name; this leaves room for ` 1234.md`.
const MAX_BYTES: usize = 200;

/// Characters Windows, macOS or Linux refuse or treat specially in names.
const FORBIDDEN: &[char] = &['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// The stem (name without extension) a title gives: always a single, non-empty, portable name.
pub fn safe_file_name(title: &str) -> String {
    let replaced: String =
        title.chars().map(|c| if FORBIDDEN.contains(&c) || c.is_control() { ' ' } else { c }).collect();
    let words = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut bytes = 0;
    let mut name: String = words
        .trim_matches(|c: char| c == '.' || c == ' ')
        .chars()
        .take(MAX_CHARS)
        .take_while(|c| {
            bytes += c.len_utf8();
            bytes <= MAX_BYTES
        })
        .collect();
    name = name.trim_end_matches(['.', ' ']).to_owned();
    if name.is_empty() {
        return "Untitled".to_owned();
    }
    let base = name.split('.').next().unwrap_or_default().trim_end().to_ascii_uppercase();
    if RESERVED.contains(&base.as_str()) {
        name.insert(0, '_');
    }
    name
}

/// Hands out unique names in one folder.
#[derive(Debug, Default)]
pub(crate) struct UniqueNames {
    taken: HashSet<String>,
}

impl UniqueNames {
    /// Marks a name (with extension) already present in the folder.
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_lowercase());
    }

    /// Takes `name` (with extension, if any) when no one has it yet; says whether it did.
    pub fn take(&mut self, name: &str) -> bool {
        self.taken.insert(name.to_lowercase())
    }

    /// `stem.ext`, or `stem 2.ext`, `stem 3.ext`… the first not yet handed out.
    pub fn next(&mut self, stem: &str, extension: &str) -> String {
        let mut candidate = format!("{stem}.{extension}");
        let mut number = 2;
        while !self.taken.insert(candidate.to_lowercase()) {
            candidate = format!("{stem} {number}.{extension}");
            number += 1;
        }
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_plain_portable_names() {
        for (title, name) in [
            ("Cantor on NVIDIA", "Cantor on NVIDIA"),
            ("../../etc/passwd", "etc passwd"),
            ("/abs/path", "abs path"),
            ("a/b", "a b"),
            ("C:\\Windows\\x", "C Windows x"),
            ("..", "Untitled"),
            (".hidden", "hidden"),
            ("", "Untitled"),
            ("   ", "Untitled"),
            ("tab\there\nnewline\u{0}nul", "tab here newline nul"),
            ("CON", "_CON"),
            ("nul", "_nul"),
            ("aux.txt", "_aux.txt"),
            ("com1 ", "_com1"),
            ("CONSOLE", "CONSOLE"),
            ("What? <Really> \"yes\" | no*", "What Really yes no"),
            ("trailing dots...", "trailing dots"),
            ("🚀 NVDA to the moon", "🚀 NVDA to the moon"),
        ] {
            assert_eq!(safe_file_name(title), name, "{title:?}");
        }
        assert_eq!(safe_file_name(&"x".repeat(300)).chars().count(), MAX_CHARS);
        assert_eq!(safe_file_name(&"é".repeat(300)).len(), MAX_BYTES);
        assert!(safe_file_name(&"🚀".repeat(300)).len() <= MAX_BYTES);
    }

    #[test]
    fn colliding_names_are_numbered_ignoring_case() {
        let mut names = UniqueNames::default();
        names.reserve("existing.md");
        assert_eq!(names.next("Note", "md"), "Note.md");
        assert_eq!(names.next("note", "md"), "note 2.md");
        assert_eq!(names.next("Note", "md"), "Note 3.md");
        assert_eq!(names.next("Existing", "md"), "Existing 2.md");
    }
}
