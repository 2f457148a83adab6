//! Saved searches: a query the user named, kept in the sidebar in the order they chose.

use serde::Serialize;

use super::{Invalid, text::fold};

/// The longest name accepted, in characters.
const MAX_NAME: usize = 100;
/// The longest query accepted, in characters (a query is typed, not pasted documents).
const MAX_QUERY: usize = 2_000;

/// A named query, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedSearch {
    pub id: i64,
    pub name: String,
    pub query: String,
    /// Its place in the sidebar's list (0 is the top).
    pub position: i64,
}

/// A saved search's name tidied (inner white space folded), and its key: names are unique
/// regardless of case and accents.
pub fn saved_search_name(name: &str) -> Result<(String, String), Invalid> {
    let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if tidy.is_empty() {
        return Err(Invalid::new("a saved search needs a name"));
    }
    if tidy.chars().count() > MAX_NAME {
        return Err(Invalid::new(format!("a saved search's name is at most {MAX_NAME} characters")));
    }
    if tidy.chars().any(char::is_control) {
        return Err(Invalid::new(format!("{name:?} cannot name a search (no control characters)")));
    }
    let key = fold(&tidy);
    Ok((tidy, key))
}

/// A query to keep: trimmed, not empty, not longer than [`MAX_QUERY`].
pub fn saved_search_query(query: &str) -> Result<String, Invalid> {
    let query = query.trim();
    if query.is_empty() {
        return Err(Invalid::new("there is no query to save: type one first"));
    }
    if query.chars().count() > MAX_QUERY {
        return Err(Invalid::new(format!("a saved query is at most {MAX_QUERY} characters")));
    }
    Ok(query.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_tidied_and_keyed_without_case_or_accents() {
        let (name, key) = saved_search_name("  Due   Théses ").unwrap();
        assert_eq!(name, "Due Théses");
        assert_eq!(key, saved_search_name("due theses").unwrap().1);
        assert!(saved_search_name(" \t ").is_err());
        assert!(saved_search_name(&"x".repeat(101)).is_err());
        assert!(saved_search_name("a\u{7}b").is_err());
    }

    #[test]
    fn queries_are_trimmed_and_bounded() {
        assert_eq!(saved_search_query("  $NVDA #ai ").unwrap(), "$NVDA #ai");
        assert!(saved_search_query("   ").is_err());
        assert!(saved_search_query(&"a".repeat(MAX_QUERY + 1)).is_err());
    }
}
