//! Merging two versions of one note's file that both changed since the version they share, field
//! by field, so nothing either side wrote is lost.
//!
//! - A field only one side changed takes that side's value; `updated` takes the later time,
//!   `created` the earlier.
//! - Tags and tickers merge as sets (added on either side are added, removed on either side are
//!   removed); sources as a list by address; claims by uid (a claim changed on both sides keeps
//!   the later one and marks a conflict).
//! - The body merges line by line (git's three-way merge); lines both sides changed keep both
//!   texts between conflict markers. A title or property both changed keeps this side's.
//! - Trashed on one side and edited on the other: the edit is kept and the note stays out of
//!   the trash.
//!
//! A merge with a conflict gets the tag `conflict` (`is:conflict` finds it until someone resolves
//! it and removes the tag).

use serde_norway::{Mapping, Value};

use crate::io::front_matter::{Split, split};
use crate::io::markdown_import::parse_note;
use crate::model::{fold, note_hash};

pub use crate::query::CONFLICT_TAG;

/// The merged file, whether it holds a conflict, and what the merge did that a user should know.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub text: String,
    pub conflict: bool,
    pub remarks: Vec<String>,
}

/// A three-way merge of lines: `(ours, base, theirs)` → the merged text and whether lines
/// conflicted.
pub type MergeLines<'a> = dyn FnMut(&str, &str, &str) -> Result<(String, bool), String> + 'a;

/// Merges `ours` and `theirs` (file texts) from `base` (none when both added the note). An
/// error when either side is not a note file with front matter.
pub fn resolve(base: Option<&str>, ours: &str, theirs: &str, lines: &mut MergeLines) -> Result<Resolved, String> {
    let fields = |text: &str| match split(text) {
        Split::Fields(fields, body) => Ok((fields, body.to_owned())),
        Split::Invalid { reason, .. } => Err(reason),
        Split::Plain(_) => Err("no front matter".to_owned()),
    };
    let (o_fields, o_body) = fields(ours)?;
    let (t_fields, t_body) = fields(theirs)?;
    let (b_fields, b_body) = base.and_then(|b| fields(b).ok()).unwrap_or_default();
    let mut remarks = Vec::new();
    let mut conflict = false;

    let (body, body_conflict) = if o_body == t_body || t_body == b_body {
        (o_body.clone(), false)
    } else if o_body == b_body {
        (t_body.clone(), false)
    } else {
        lines(&o_body, &b_body, &t_body)?
    };
    if body_conflict {
        conflict = true;
        remarks.push("the same lines changed on both sides: the note keeps both texts".to_owned());
    }

    let mut keys: Vec<Value> = o_fields.keys().cloned().collect();
    keys.extend(t_fields.keys().filter(|k| !o_fields.contains_key(*k)).cloned());
    let mut merged = Mapping::new();
    for key in keys {
        let (b, o, t) = (b_fields.get(&key), o_fields.get(&key), t_fields.get(&key));
        let name = key.as_str().unwrap_or_default().to_owned();
        let value = if o == t || t == b {
            o.cloned()
        } else if o == b {
            t.cloned()
        } else {
            both_changed(&name, b, o, t, &mut conflict, &mut remarks)
        };
        if let Some(value) = value {
            merged.insert(key, value);
        }
    }

    // Trashed on one side, edited on the other: the edit wins.
    let trashed = |f: &Mapping| f.contains_key("deleted");
    let edited = |f: &Mapping, body: &str| {
        body != b_body
            || ["title", "tags", "tickers", "claims", "sources"].iter().any(|k| f.get(*k) != b_fields.get(*k))
    };
    if merged.contains_key("deleted") && !trashed(&b_fields) {
        let theirs_edit = trashed(&o_fields) && !trashed(&t_fields) && edited(&t_fields, &t_body);
        let ours_edit = trashed(&t_fields) && !trashed(&o_fields) && edited(&o_fields, &o_body);
        if theirs_edit || ours_edit {
            merged.remove("deleted");
            remarks.push("trashed on one side and edited on the other: the edit is kept, out of the trash".to_owned());
        }
    }
    if conflict {
        add_conflict_tag(&mut merged);
    }
    // Tags in the export's order (by key), so the import reads them as the note's tags and not
    // as a property written otherwise.
    if let Some(Value::Sequence(tags)) = merged.get_mut("tags") {
        tags.sort_by_key(|t| t.as_str().map(fold).unwrap_or_default());
    }
    // The merged version's own fingerprint, as the export would write it.
    let written = |fields: &Mapping| -> Result<String, String> {
        let yaml = serde_norway::to_string(fields).map_err(|e| e.to_string())?;
        Ok(format!("---\n{yaml}---\n\n{body}"))
    };
    let draft = parse_note(&written(&merged)?, "", "", None).record.draft;
    let keys: Vec<String> = draft.tags.iter().map(|t| t.key()).collect();
    let hash =
        note_hash(&draft.title, &draft.body, keys.iter().map(String::as_str), draft.tickers.iter().map(|s| s.as_str()));
    merged.insert(Value::String("content_hash".into()), Value::String(hash));
    Ok(Resolved { text: written(&merged)?, conflict, remarks })
}

/// The merged value of a field both sides changed.
fn both_changed(
    name: &str,
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    conflict: &mut bool,
    remarks: &mut Vec<String>,
) -> Option<Value> {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    match name {
        "updated" => text(ours).max(text(theirs)).map(Value::String),
        "created" => match (text(ours), text(theirs)) {
            (Some(o), Some(t)) => Some(Value::String(o.min(t))),
            (o, t) => o.or(t).map(Value::String),
        },
        "content_hash" => ours.cloned(),
        "deleted" => ours.or(theirs).cloned(),
        "tags" | "tickers" => Some(merge_sets(base, ours, theirs)),
        "sources" => Some(merge_keyed(base, ours, theirs, "url", conflict, remarks)),
        "claims" => Some(merge_keyed(base, ours, theirs, "uid", conflict, remarks)),
        _ => {
            *conflict = true;
            let other = theirs.and_then(|v| serde_norway::to_string(v).ok()).unwrap_or_else(|| "(removed)".into());
            remarks.push(format!("{name} changed on both sides: this side's kept; the other was {}", other.trim()));
            ours.cloned()
        }
    }
}

fn items(value: Option<&Value>) -> Vec<Value> {
    match value {
        Some(Value::Sequence(items)) => items.clone(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other.clone()],
    }
}

/// Set items compared without case.
fn set_key(value: &Value) -> String {
    value.as_str().map(str::to_lowercase).unwrap_or_else(|| format!("{value:?}"))
}

/// Sets: what either side added is in, what either side removed is out.
fn merge_sets(base: Option<&Value>, ours: Option<&Value>, theirs: Option<&Value>) -> Value {
    let base: Vec<String> = items(base).iter().map(set_key).collect();
    let (ours, theirs) = (items(ours), items(theirs));
    let has = |list: &[Value], key: &str| list.iter().any(|v| set_key(v) == key);
    let mut merged: Vec<Value> = Vec::new();
    for value in ours.iter().chain(&theirs) {
        let key = set_key(value);
        let removed = base.contains(&key) && (!has(&ours, &key) || !has(&theirs, &key));
        if !removed && !merged.iter().any(|v| set_key(v) == key) {
            merged.push(value.clone());
        }
    }
    Value::Sequence(merged)
}

/// Lists of mappings identified by `id_key`: each item merges as a field does; an item changed
/// on both sides keeps the one updated later and marks a conflict.
fn merge_keyed(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    id_key: &str,
    conflict: &mut bool,
    remarks: &mut Vec<String>,
) -> Value {
    let id = |v: &Value| v.get(id_key).and_then(Value::as_str).map(str::to_owned).unwrap_or_else(|| format!("{v:?}"));
    let (base, ours, theirs) = (items(base), items(ours), items(theirs));
    let find = |list: &[Value], key: &str| list.iter().find(|v| id(v) == key).cloned();
    let mut merged = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for value in ours.iter().chain(&theirs) {
        let key = id(value);
        if done.contains(&key) {
            continue;
        }
        done.push(key.clone());
        let (b, o, t) = (find(&base, &key), find(&ours, &key), find(&theirs, &key));
        let (bs, os, ts) = (timeless(&b), timeless(&o), timeless(&t));
        let chosen = if os == ts {
            // The same claim apart from its times (two databases made it alike): the later.
            let when = |v: &Option<Value>| {
                v.as_ref().and_then(|v| v.get("updated")).and_then(Value::as_str).map(str::to_owned)
            };
            if when(&t) > when(&o) { t } else { o }
        } else if ts == bs {
            o
        } else if os == bs {
            t
        } else {
            match (o, t) {
                (Some(o), Some(t)) => {
                    *conflict = true;
                    let when = |v: &Value| v.get("updated").and_then(Value::as_str).map(str::to_owned);
                    let later = if when(&t) > when(&o) { t.clone() } else { o.clone() };
                    let other = if later == o { &t } else { &o };
                    let text = other.get("text").and_then(Value::as_str).unwrap_or(&key);
                    remarks
                        .push(format!("{id_key} {key} changed on both sides: the later kept; the other said {text:?}"));
                    Some(later)
                }
                // Changed on one side and removed on the other: the change is kept.
                (o, t) => o.or(t),
            }
        };
        merged.extend(chosen);
    }
    Value::Sequence(merged)
}

/// An item without its `created` and `updated` times.
fn timeless(value: &Option<Value>) -> Option<Value> {
    let mut value = value.clone()?;
    if let Value::Mapping(map) = &mut value {
        map.remove("created");
        map.remove("updated");
    }
    Some(value)
}

fn add_conflict_tag(fields: &mut Mapping) {
    let mut tags = items(fields.get("tags"));
    if !tags.iter().any(|t| set_key(t) == CONFLICT_TAG) {
        tags.push(Value::String(CONFLICT_TAG.to_owned()));
    }
    fields.insert(Value::String("tags".into()), Value::Sequence(tags));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(fields: &str, body: &str) -> String {
        format!("---\n{fields}---\n\n{body}")
    }

    fn no_lines(_: &str, _: &str, _: &str) -> Result<(String, bool), String> {
        Ok(("<<<<<<< here\nmerged\n>>>>>>> there\n".to_owned(), true))
    }

    #[test]
    fn fields_changed_on_one_side_merge_and_tags_merge_as_sets() {
        let base = file("title: T\nuid: u\nupdated: 2026-01-01T00:00:00Z\ntags:\n- a\n- b\n", "body\n");
        let ours = file("title: T2\nuid: u\nupdated: 2026-01-02T00:00:00Z\ntags:\n- a\n- b\n- c\n", "body\n");
        let theirs = file("title: T\nuid: u\nupdated: 2026-01-03T00:00:00Z\ntags:\n- b\n", "body\nmore\n");
        let merged = resolve(Some(&base), &ours, &theirs, &mut no_lines).unwrap();
        assert!(!merged.conflict);
        let Split::Fields(fields, body) = split(&merged.text) else { panic!("{}", merged.text) };
        assert_eq!(body, "body\nmore\n");
        assert_eq!(fields.get("title").unwrap().as_str(), Some("T2"));
        assert_eq!(fields.get("updated").unwrap().as_str(), Some("2026-01-03T00:00:00Z"));
        let tags: Vec<&str> =
            fields.get("tags").unwrap().as_sequence().unwrap().iter().filter_map(|t| t.as_str()).collect();
        assert_eq!(tags, ["b", "c"]);
        let conflicted = resolve(
            Some(&file("uid: u\ntags:\n- b\n", "x\n")),
            &file("uid: u\ntags:\n- b\n- Zeta\n", "y\n"),
            &file("uid: u\ntags:\n- alpha\n- b\n", "z\n"),
            &mut no_lines,
        )
        .unwrap();
        let Split::Fields(fields, _) = split(&conflicted.text) else { panic!() };
        let tags: Vec<&str> =
            fields.get("tags").unwrap().as_sequence().unwrap().iter().filter_map(|t| t.as_str()).collect();
        assert_eq!(tags, ["alpha", "b", "conflict", "Zeta"], "in the export's order, by key");
    }

    #[test]
    fn same_lines_keep_both_and_tag_the_note() {
        let base = file("title: T\nuid: u\ntags: []\n", "line\n");
        let ours = file("title: T\nuid: u\ntags: []\n", "mine\n");
        let theirs = file("title: T\nuid: u\ntags: []\n", "yours\n");
        let merged = resolve(Some(&base), &ours, &theirs, &mut no_lines).unwrap();
        assert!(merged.conflict);
        assert!(merged.text.contains("- conflict"), "{}", merged.text);
    }

    #[test]
    fn an_edit_beats_the_trash_and_claims_merge_by_uid() {
        let base = file("title: T\nuid: u\ntags: []\nclaims:\n- uid: c1\n  text: one\n", "line\n");
        let ours = file(
            "title: T\nuid: u\ndeleted: 2026-01-02T00:00:00Z\ntags: []\nclaims:\n- uid: c1\n  text: one\n",
            "line\n",
        );
        let theirs = file(
            "title: T\nuid: u\ntags: []\nclaims:\n- uid: c1\n  text: one\n- uid: c2\n  text: two\n",
            "line\nedited\n",
        );
        let merged = resolve(Some(&base), &ours, &theirs, &mut no_lines).unwrap();
        assert!(!merged.text.contains("deleted"), "{}", merged.text);
        assert!(merged.text.contains("c2"));
        assert!(merged.remarks.iter().any(|r| r.contains("edit is kept")));
    }

    #[test]
    fn a_side_that_is_not_a_note_file_is_an_error() {
        assert!(resolve(None, "plain", &file("uid: u\n", ""), &mut no_lines).is_err());
        assert!(resolve(None, "---\n: : [\n---\n", &file("uid: u\n", ""), &mut no_lines).is_err());
    }
}
