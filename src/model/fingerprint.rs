//! Content fingerprints: a stable hash of what a note says (title, body, tags, typed tickers),
//! so an import can tell which version of a note a file holds, and identities derived from
//! other identities (a claim a file lists without a uid).
//!
//! The hash is SipHash-1-3 with 128 bits and fixed keys, written as 32 hex digits: the same on
//! every machine and in every build, so an export made here is recognised anywhere.

use std::hash::Hasher;

use siphasher::sip128::{Hasher128, SipHasher13};

/// Fingerprint of a note's content. Tags are compared by key (case and accents folded) and
/// tickers by symbol, each as a set; the order they come in does not matter.
pub fn note_hash<'a>(
    title: &str,
    body: &str,
    tag_keys: impl IntoIterator<Item = &'a str>,
    tickers: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut tags: Vec<&str> = tag_keys.into_iter().collect();
    tags.sort_unstable();
    tags.dedup();
    let mut symbols: Vec<&str> = tickers.into_iter().collect();
    symbols.sort_unstable();
    symbols.dedup();
    let mut parts = vec!["note", title, body, "tags"];
    parts.extend(tags);
    parts.push("tickers");
    parts.extend(symbols);
    hash_parts(&parts)
}

/// An identity made from others (e.g. a note's uid and a claim's text and position), the same
/// every time it is made from the same parts.
pub fn derived_uid(kind: &str, parts: &[&str]) -> String {
    let mut all = vec![kind];
    all.extend_from_slice(parts);
    format!("{kind}-{}", hash_parts(&all))
}

/// Hashes a list of texts; each is preceded by its length, so no two lists hash alike by
/// moving text between neighbours.
fn hash_parts(parts: &[&str]) -> String {
    let mut hasher = SipHasher13::new_with_keys(0x6a65_766f_6e73_2d31, 0x6e6f_7465_2d68_6173);
    for part in parts {
        hasher.write(&(part.len() as u64).to_le_bytes());
        hasher.write(part.as_bytes());
    }
    format!("{:032x}", hasher.finish128().as_u128())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_hash_ignores_order_and_sees_every_field() {
        let base = note_hash("T", "body", ["a", "b"], ["NVDA"]);
        assert_eq!(base.len(), 32);
        assert_eq!(base, note_hash("T", "body", ["b", "a", "a"], ["NVDA"]), "tags are a set");
        for other in [
            note_hash("T ", "body", ["a", "b"], ["NVDA"]),
            note_hash("T", "body\r\n", ["a", "b"], ["NVDA"]),
            note_hash("T", "body", ["a"], ["NVDA"]),
            note_hash("T", "body", ["a", "b"], []),
            note_hash("Tbody", "", ["a", "b"], ["NVDA"]),
        ] {
            assert_ne!(base, other);
        }
    }

    #[test]
    fn derived_uids_are_stable_and_distinct() {
        assert_eq!(derived_uid("claim", &["n", "x", "0"]), derived_uid("claim", &["n", "x", "0"]));
        assert_ne!(derived_uid("claim", &["n", "x", "0"]), derived_uid("claim", &["n", "x", "1"]));
        assert!(derived_uid("claim", &["n"]).starts_with("claim-"));
    }
}
