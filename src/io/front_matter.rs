//! YAML front matter: finding the block at the top of a Markdown file, reading what Jevons
//! understands from it, and the structured shape Jevons writes (tags, tickers, sources, claims).
//!
//! The block starts with a `---` line at the very top and ends with the next `---` (or `...`)
//! line; one empty line after it is part of the delimiter (Joplin writes it, and so does the
//! Markdown export). Keys are matched without case. YAML is read with `serde_norway`, which
//! refuses alias bombs; a block too large or nested too deeply for it to read quickly is refused
//! before it is parsed (see `model::front_matter_limits`). Finding and reading the block itself
//! is [`crate::model::front_matter`]'s, which the store shares to index a note's properties.

use serde::{Deserialize, Serialize};
use serde_norway::{Mapping, Value};

pub(crate) use crate::model::front_matter::{Split, join, refused, split};

/// The value of the first of `keys` present (keys compared without case).
pub(crate) fn field<'a>(map: &'a Mapping, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|key| {
        map.iter().find_map(|(k, v)| match k {
            Value::String(name) if name.trim().eq_ignore_ascii_case(key) => Some(v),
            _ => None,
        })
    })
}

/// A scalar as text (`title: 2025` is a number in YAML but a title to us); `None` for null,
/// lists and mappings.
pub(crate) fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(tagged) => scalar(&tagged.value),
        _ => None,
    }
}

/// A list of words: a YAML list of scalars, or one string separated by commas (or, without
/// commas, by white space), as Obsidian reads `tags: a, b` and `tags: a b`.
pub(crate) fn words(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().filter_map(scalar).map(|s| s.trim().to_owned()).collect::<Vec<_>>(),
        other => match scalar(other) {
            Some(text) if text.contains(',') => text.split(',').map(|s| s.trim().to_owned()).collect(),
            Some(text) => text.split_whitespace().map(str::to_owned).collect(),
            None => Vec::new(),
        },
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

/// A list of scalars kept whole (source URLs, aliases): a YAML list or one string.
pub(crate) fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().filter_map(scalar).collect::<Vec<_>>(),
        other => scalar(other).into_iter().collect(),
    }
    .into_iter()
    .map(|s| s.trim().to_owned())
    .filter(|s| !s.is_empty())
    .collect()
}

/// A source as the Markdown export writes it (and the import reads it back).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FmSource {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The exact words a claim quotes from this source (claims only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The SHA-256 of the file the source holds (the sync repository has it under
    /// `documents/`; an export writes it beside the notes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

/// A ticker named by a claim, with the claim's stance on it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FmClaimTicker {
    pub symbol: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
}

/// A claim as the Markdown export writes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FmClaim {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tickers: Vec<FmClaimTicker>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<FmSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

/// The front matter the Markdown export writes, in this order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FmNote {
    pub title: String,
    pub uid: String,
    pub created: String,
    pub updated: String,
    /// The fingerprint of the note's content as exported: tells an import whether the file
    /// was edited since, and which version it shares with the database.
    pub content_hash: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<String>,
    /// Always written: with a `uid`, this list is the note's whole set of tags.
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tickers: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<FmSource>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<FmClaim>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(split: &Split) -> Vec<String> {
        match split {
            Split::Fields(map, _) => map.keys().filter_map(scalar).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn front_matter_is_found_only_at_the_top() {
        for (text, fields, body) in [
            ("---\ntitle: A\n---\nBody", &["title"][..], "Body"),
            ("---\ntitle: A\n---\n\nBody", &["title"], "Body"),
            ("---\ntitle: A\n---\n\n\nBody", &["title"], "\nBody"),
            ("---\r\ntitle: A\r\n---\r\n\r\nBody\r\n", &["title"], "Body\r\n"),
            ("---\ntitle: A\n...\nBody", &["title"], "Body"),
            ("---\n---\nBody", &[], "Body"),
            ("Body\n---\ntitle: A\n---\n", &[], "Body\n---\ntitle: A\n---\n"),
            ("---\ntitle: never closed\n", &[], "---\ntitle: never closed\n"),
        ] {
            let split = split(text);
            assert_eq!(keys(&split), fields, "{text:?}");
            let found = match split {
                Split::Fields(_, b) | Split::Plain(b) => b,
                Split::Invalid { text, .. } => text,
            };
            assert_eq!(found, body, "{text:?}");
        }
    }

    #[test]
    fn broken_front_matter_is_read_as_plain_text_with_a_reason() {
        for text in ["---\ntitle: [unclosed\n---\nBody", "---\n- a list\n---\nBody", "---\na: *nothing\n---\n"] {
            assert!(matches!(split(text), Split::Invalid { .. }), "{text:?}");
        }
    }

    #[test]
    fn lists_are_read_as_lists_or_separated_strings() {
        let value = |yaml: &str| serde_norway::from_str::<Value>(yaml).unwrap();
        assert_eq!(words(&value("[a, b/c]")), ["a", "b/c"]);
        assert_eq!(words(&value("a, b c")), ["a", "b c"]);
        assert_eq!(words(&value("a b")), ["a", "b"]);
        assert_eq!(words(&value("2025")), ["2025"]);
        assert_eq!(words(&value("~")), Vec::<String>::new());
    }
}
