//! The front-matter keys a note's own fields are written under (`title`, `created`, `updated`,
//! `tags`), when a file wrote them differently from the Markdown export: `created: 2023-09-12`
//! where the export writes `2023-09-12T00:00:00.000Z`, `tags: a, b` where it writes a list.
//!
//! The import keeps such a key in the note's properties, as written, besides reading it into the
//! field; the export writes it back as written while it still means what the field holds (the
//! note was not renamed, retagged…), else the field's value. So a vault's front matter comes back
//! with the same keys and values, and a file the export wrote is read back into the same note.

use std::collections::BTreeSet;

use serde_norway::{Mapping, Value};

use super::front_matter::{scalar, words};
use super::inline_tags::inline_tags;
use super::note_dates::parse_time;
use crate::model::{TagName, Timestamp, fold, is_reserved};

/// The own fields that may be kept as written.
const KEPT_AS_WRITTEN: &[&str] = &["title", "created", "updated", "tags"];

fn own_field(key: &Value) -> Option<&'static str> {
    let key = scalar(key)?;
    KEPT_AS_WRITTEN.iter().copied().find(|k| k.eq_ignore_ascii_case(key.trim()))
}

/// Whether the import keeps the front-matter field `key: value` in the note's properties: every
/// key that is not a field of the note's own, and an own field written otherwise than the export
/// would write it (`title`, `tags` as the note now has them; times in the stored form).
pub(crate) fn keep_as_property(key: &Value, value: &Value, title: &str, tags: &[TagName]) -> bool {
    let Some(name) = scalar(key) else { return true };
    if !is_reserved(&name) {
        return true;
    }
    match own_field(key) {
        Some("title") => value != &Value::String(title.to_owned()),
        Some("tags") => {
            // The export lists a note's tags in the order the store keeps them.
            let mut sorted: Vec<&TagName> = tags.iter().collect();
            sorted.sort_by_key(|t| t.key());
            value != &Value::Sequence(sorted.into_iter().map(|t| Value::String(t.to_string())).collect())
        }
        Some(_) => scalar(value).is_none_or(|text| parse_time(&text).is_none_or(|t| t.to_string() != text)),
        None => false,
    }
}

/// The note's own fields, for [`merge`].
pub(crate) struct OwnFields<'a> {
    pub title: &'a str,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub tags: &'a [String],
    /// The body after its properties (its inline `#tags` count as tags).
    pub body: &'a str,
}

/// Whether `value`, read as the import reads the own field `field`, gives what `own` holds.
fn means_same(field: &str, value: &Value, own: &OwnFields) -> bool {
    match field {
        "title" => scalar(value).is_some_and(|t| t == own.title),
        "created" => scalar(value).and_then(|t| parse_time(&t)) == Some(own.created),
        "updated" => scalar(value).and_then(|t| parse_time(&t)) == Some(own.updated),
        _ => {
            let listed = words(value).into_iter().chain(inline_tags(own.body));
            let read: BTreeSet<String> = listed.filter_map(|t| TagName::parse(&t).ok()).map(|t| t.key()).collect();
            read == own.tags.iter().map(|t| fold(t)).collect()
        }
    }
}

/// The front matter of a note's file: its own `fields` (as the export writes them) with its
/// `properties` after them. An own field kept as written replaces the field's value while it
/// means the same; any other property named like a field is left to the field (no key twice).
pub(crate) fn merge(mut fields: Mapping, properties: Mapping, own: &OwnFields) -> Mapping {
    for (key, value) in properties {
        let Some(name) = scalar(&key) else {
            fields.insert(key, value);
            continue;
        };
        if !is_reserved(&name) {
            fields.insert(key, value);
            continue;
        }
        if let Some(field) = own_field(&key)
            && means_same(field, &value, own)
        {
            let slot = fields.iter_mut().find(|(k, _)| scalar(k).is_some_and(|k| k.eq_ignore_ascii_case(field)));
            if let Some((_, slot)) = slot {
                *slot = value;
            }
        }
    }
    fields
}
