//! Tag names: nested with `/` (`ai/inference` lies under `ai`), unique regardless of case.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::{Invalid, text::fold};

/// A tag as the user typed it (tidied), plus the key that makes it unique.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TagName(String);

const MAX_LEN: usize = 200;

impl TagName {
    /// Tidies a typed tag: drops a leading `#`, trims each `/` segment, folds inner white space,
    /// drops empty segments. `#AI / Inference/` becomes `AI/Inference`.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let bare = text.trim().trim_start_matches('#');
        let segments: Vec<String> = bare
            .split('/')
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
            .collect();
        let name = segments.join("/");
        if name.is_empty() {
            return Err(Invalid::new(format!("{text:?} is not a tag name")));
        }
        if name.chars().count() > MAX_LEN {
            return Err(Invalid::new(format!("a tag name is at most {MAX_LEN} characters")));
        }
        if name.chars().any(|c| c.is_control() || c == '#') {
            return Err(Invalid::new(format!("{text:?} is not a tag name (no control characters or #)")));
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The case- and accent-insensitive key: `AI/Inferência` and `ai/inferencia` are one tag.
    pub fn key(&self) -> String {
        fold(&self.0)
    }
}

impl fmt::Display for TagName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for TagName {
    type Error = Invalid;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<TagName> for String {
    fn from(value: TagName) -> Self {
        value.0
    }
}

/// A tag with the number of live notes under it: carrying it or a tag below it, each note once
/// (what searching `#tag` finds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    pub name: String,
    pub notes: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_tags_are_tidied() {
        for (typed, tidy) in [
            ("ai", "ai"),
            ("#ai/inference", "ai/inference"),
            (" AI / Inference/ ", "AI/Inference"),
            ("machine   learning", "machine learning"),
            ("semis//memory", "semis/memory"),
        ] {
            assert_eq!(TagName::parse(typed).map(String::from), Ok(tidy.to_owned()));
        }
    }

    #[test]
    fn keys_ignore_case_and_accents() {
        let a = TagName::parse("Inferência").unwrap();
        let b = TagName::parse("inferencia").unwrap();
        assert_eq!(a.key(), b.key());
    }

    #[test]
    fn empty_and_odd_tags_are_refused() {
        for typed in ["", "#", "///", "a\u{0}b", "a#b"] {
            assert!(TagName::parse(typed).is_err(), "{typed:?}");
        }
    }
}
