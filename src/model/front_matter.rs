//! The YAML front matter block at the head of a Markdown text: where Obsidian keeps a note's
//! properties, and where Jevons keeps them too (the block stays at the head of the note's body,
//! so it round-trips exactly, its words are searched like the rest of the text, and revisions,
//! merges and sync carry it without machinery of their own).
//!
//! The block starts with a `---` line at the very top and ends with the next `---` (or `...`)
//! line; one empty line after it is part of the delimiter (Joplin writes it, and so does the
//! Markdown export). YAML is read with `serde_norway`, which refuses alias bombs; a block too
//! large or nested too deeply to read quickly is refused before it is parsed (see
//! [`super::front_matter_limits`]).

use serde_norway::{Mapping, Value};

use super::front_matter_limits;

/// A Markdown text cut into its front matter and its body.
#[derive(Debug, PartialEq)]
pub enum Split<'a> {
    /// No front matter: the whole text is the body.
    Plain(&'a str),
    /// Front matter that is a YAML mapping, and the body after it.
    Fields(Mapping, &'a str),
    /// A block that is not valid YAML (or not a mapping): the whole text is read as the body.
    Invalid { reason: String, text: &'a str },
}

/// The front matter block of `text` (line ends `\n` or `\r\n`) and the body after it, if the
/// text has one.
fn block(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---")?;
    let rest = strip_line_end(rest.trim_start_matches([' ', '\t']))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let body = &rest[offset + line.len()..];
            return Some((&rest[..offset], strip_line_end(body).unwrap_or(body)));
        }
        offset += line.len();
    }
    None
}

/// The text after the front matter block, if `text` begins with one (the block is found, not
/// parsed: a block that is not valid YAML is skipped too).
pub fn after_block(text: &str) -> Option<&str> {
    block(text).map(|(_, body)| body)
}

fn strip_line_end(text: &str) -> Option<&str> {
    text.strip_prefix('\n').or_else(|| text.strip_prefix("\r\n"))
}

/// Why the front matter of `text` is not read at all: it is larger or nested more deeply than
/// [`front_matter_limits`] allows (the import skips such a file).
pub fn refused(text: &str) -> Option<String> {
    block(text).and_then(|(yaml, _)| front_matter_limits::screen(yaml).err())
}

/// Cuts `text` (line ends `\n` or `\r\n`) into front matter and body. A block [`refused`] never
/// reaches the YAML parser: it is `Invalid`.
pub fn split(text: &str) -> Split<'_> {
    let Some((yaml, body)) = block(text) else { return Split::Plain(text) };
    if let Err(reason) = front_matter_limits::screen(yaml) {
        return Split::Invalid { reason, text };
    }
    if yaml.trim().is_empty() {
        return Split::Fields(Mapping::new(), body);
    }
    match serde_norway::from_str::<Value>(yaml) {
        Ok(Value::Mapping(map)) => Split::Fields(map, body),
        Ok(Value::Null) => Split::Fields(Mapping::new(), body),
        Ok(_) => Split::Invalid { reason: "front matter is not a list of fields".into(), text },
        Err(err) => Split::Invalid { reason: format!("front matter is not valid YAML ({err})"), text },
    }
}

/// `fields` as a block at the head of `body`, the way Jevons writes it: nothing when there are
/// no fields, else `---`, the YAML, `---` and one empty line. [`split`] reads it back as
/// exactly `fields` and `body`.
pub fn join(fields: &Mapping, body: &str) -> Result<String, String> {
    if fields.is_empty() {
        return Ok(body.to_owned());
    }
    let yaml =
        serde_norway::to_string(fields).map_err(|e| format!("the properties cannot be written as YAML ({e})"))?;
    Ok(format!("---\n{yaml}---\n\n{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joined_block_splits_back_into_the_same_fields_and_body() {
        let mut fields = Mapping::new();
        fields.insert("status".into(), "active".into());
        fields.insert("review".into(), "2025-03-01".into());
        for body in ["", "Body", "\nStarts with an empty line", "---\nnot a block\n---\n"] {
            let text = join(&fields, body).unwrap();
            assert_eq!(split(&text), Split::Fields(fields.clone(), body), "{text:?}");
        }
        assert_eq!(join(&Mapping::new(), "Body").unwrap(), "Body");
    }
}
