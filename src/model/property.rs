//! Note properties: typed key–values kept in the note's front matter, as Obsidian has them
//! (text, number, date, list, checkbox), plus nested values (maps, lists of maps) kept exactly
//! as written.
//!
//! The YAML block at the head of a note's body is the source of truth (see
//! [`super::front_matter`]); [`read`] types its fields for the index, the JSON output and the
//! properties panel, and [`set`] rewrites one field of the block. A value typed on the command
//! line or in the panel gets its type from its look ([`PropertyValue::by_look`]).

use chrono::NaiveDate;
use serde_norway::{Mapping, Number, Value};

use super::front_matter::{self, Split};
use super::{Invalid, fold};

/// Keys the Markdown export writes itself from the note's own fields: they are not properties
/// (a note's tags are its tags, its title its title).
pub const RESERVED_KEYS: &[&str] =
    &["title", "uid", "created", "updated", "content_hash", "deleted", "tags", "tickers", "sources", "claims"];

/// Whether `key` is one of [`RESERVED_KEYS`] (without case).
pub fn is_reserved(key: &str) -> bool {
    RESERVED_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key.trim()))
}

/// The type of a property, as the panel shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropertyKind {
    Text,
    Number,
    Date,
    List,
    Checkbox,
    /// A map or a list holding maps or lists: kept as written, shown as YAML.
    Nested,
    /// The key with no value (`status:`).
    Empty,
}

impl PropertyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PropertyKind::Text => "text",
            PropertyKind::Number => "number",
            PropertyKind::Date => "date",
            PropertyKind::List => "list",
            PropertyKind::Checkbox => "checkbox",
            PropertyKind::Nested => "nested",
            PropertyKind::Empty => "empty",
        }
    }
}

/// A property's value, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum PropertyValue {
    Text(String),
    Number(f64),
    /// A day; a date with a time (`2025-03-01T10:00`) is the day it falls on, its text kept.
    Date(NaiveDate, String),
    Checkbox(bool),
    /// Scalars (never lists or maps: those make the value [`PropertyValue::Nested`]).
    List(Vec<PropertyValue>),
    Nested(Value),
    Empty,
}

/// A property key in use in the database, with some of its values (for completion).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PropertyInUse {
    pub key: String,
    pub values: Vec<String>,
}

/// One property of a note: its key as written and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    pub key: String,
    pub value: PropertyValue,
}

/// A date at the start of a text: `2025-03-01`, or `2025-03-01T10:00…`/`2025-03-01 10:00…`.
fn date_of(text: &str) -> Option<NaiveDate> {
    let day = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

impl PropertyValue {
    /// Types a YAML value: booleans are checkboxes, numbers numbers, strings that are dates dates.
    pub fn from_yaml(value: &Value) -> Self {
        match value {
            Value::Null => PropertyValue::Empty,
            Value::Bool(b) => PropertyValue::Checkbox(*b),
            Value::Number(n) => n.as_f64().map_or_else(|| PropertyValue::Text(n.to_string()), PropertyValue::Number),
            Value::String(s) => match date_of(s) {
                Some(day) => PropertyValue::Date(day, s.clone()),
                None => PropertyValue::Text(s.clone()),
            },
            Value::Sequence(items) if items.iter().all(|i| !matches!(i, Value::Sequence(_) | Value::Mapping(_))) => {
                PropertyValue::List(items.iter().map(PropertyValue::from_yaml).collect())
            }
            Value::Tagged(tagged) => PropertyValue::from_yaml(&tagged.value),
            other => PropertyValue::Nested(other.clone()),
        }
    }

    /// A value typed by its look: a number, a date `YYYY-MM-DD`, `true`/`false`, a list
    /// `[a, b]` (each item typed the same way), else text. Empty text is [`PropertyValue::Empty`].
    pub fn by_look(text: &str) -> Self {
        let text = text.trim();
        if text.is_empty() {
            return PropertyValue::Empty;
        }
        if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            let items = inner.split(',').map(str::trim).filter(|s| !s.is_empty());
            return PropertyValue::List(items.map(PropertyValue::by_look).collect());
        }
        match text {
            "true" => return PropertyValue::Checkbox(true),
            "false" => return PropertyValue::Checkbox(false),
            _ => {}
        }
        if let Some(day) = date_of(text).filter(|_| text.len() == 10) {
            return PropertyValue::Date(day, text.to_owned());
        }
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && text.chars().all(|c| c.is_ascii_digit() || ".-+eE".contains(c)) => {
                PropertyValue::Number(n)
            }
            _ => PropertyValue::Text(text.to_owned()),
        }
    }

    pub fn kind(&self) -> PropertyKind {
        match self {
            PropertyValue::Text(_) => PropertyKind::Text,
            PropertyValue::Number(_) => PropertyKind::Number,
            PropertyValue::Date(..) => PropertyKind::Date,
            PropertyValue::Checkbox(_) => PropertyKind::Checkbox,
            PropertyValue::List(_) => PropertyKind::List,
            PropertyValue::Nested(_) => PropertyKind::Nested,
            PropertyValue::Empty => PropertyKind::Empty,
        }
    }

    /// The value as YAML, for the front matter.
    pub fn to_yaml(&self) -> Value {
        match self {
            PropertyValue::Text(s) | PropertyValue::Date(_, s) => Value::String(s.clone()),
            PropertyValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Value::Number(Number::from(*n as i64)),
            PropertyValue::Number(n) => Value::Number(Number::from(*n)),
            PropertyValue::Checkbox(b) => Value::Bool(*b),
            PropertyValue::List(items) => Value::Sequence(items.iter().map(PropertyValue::to_yaml).collect()),
            PropertyValue::Nested(v) => v.clone(),
            PropertyValue::Empty => Value::Null,
        }
    }

    /// The value as JSON: dates as `"YYYY-MM-DD"` text, numbers as numbers, lists as arrays,
    /// nested values as objects and arrays.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            PropertyValue::Text(s) => serde_json::Value::String(s.clone()),
            PropertyValue::Date(day, _) => serde_json::Value::String(day.to_string()),
            PropertyValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => (*n as i64).into(),
            PropertyValue::Number(n) => serde_json::Number::from_f64(*n).map_or(serde_json::Value::Null, Into::into),
            PropertyValue::Checkbox(b) => serde_json::Value::Bool(*b),
            PropertyValue::List(items) => items.iter().map(PropertyValue::to_json).collect(),
            PropertyValue::Nested(v) => yaml_to_json(v),
            PropertyValue::Empty => serde_json::Value::Null,
        }
    }

    /// The value in one line, as the panel shows and edits it (lists as `[a, b]`).
    pub fn shown(&self) -> String {
        match self {
            PropertyValue::Text(s) | PropertyValue::Date(_, s) => s.clone(),
            PropertyValue::Number(n) => n.to_string(),
            PropertyValue::Checkbox(b) => b.to_string(),
            PropertyValue::List(items) => {
                format!("[{}]", items.iter().map(|i| i.shown()).collect::<Vec<_>>().join(", "))
            }
            PropertyValue::Nested(v) => serde_json::to_string(&yaml_to_json(v)).unwrap_or_default(),
            PropertyValue::Empty => String::new(),
        }
    }

    /// For a list whose items are not all of one type: the types it mixes.
    pub fn mixed_kinds(&self) -> Option<Vec<&'static str>> {
        let PropertyValue::List(items) = self else { return None };
        let mut kinds: Vec<&'static str> = items.iter().map(|i| i.kind().as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        (kinds.len() > 1).then_some(kinds)
    }
}

/// A YAML value as JSON; keys that are not text (`1: x`) become their YAML text.
fn yaml_to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.into(),
            (None, Some(f)) => serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into),
            _ => serde_json::Value::String(n.to_string()),
        },
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Sequence(items) => items.iter().map(yaml_to_json).collect(),
        Value::Mapping(map) => serde_json::Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Value::String(s) => s.clone(),
                        other => serde_norway::to_string(other).unwrap_or_default().trim_end().to_owned(),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
        Value::Tagged(tagged) => yaml_to_json(&tagged.value),
    }
}

/// The key of a front matter field as text (`2025: x` has the key `2025`).
fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        other => serde_norway::to_string(other).unwrap_or_default().trim_end().to_owned(),
    }
}

/// The properties of a note's body, in the order they are written: none when the body has no
/// front matter or front matter that is not valid YAML.
pub fn read(body: &str) -> Vec<Property> {
    match front_matter::split(body) {
        Split::Fields(map, _) => {
            map.iter().map(|(k, v)| Property { key: key_text(k), value: PropertyValue::from_yaml(v) }).collect()
        }
        _ => Vec::new(),
    }
}

/// Checks a key a user typed: not empty, one line, not one the note's own fields use.
pub fn check_key(key: &str) -> Result<String, Invalid> {
    let key = key.trim();
    if key.is_empty() {
        return Err(Invalid::new("a property needs a name"));
    }
    if key.contains(['\n', '\r']) {
        return Err(Invalid::new("a property name is one line"));
    }
    if is_reserved(key) {
        return Err(Invalid::new(format!("{key} is kept in the note's own fields, not as a property")));
    }
    Ok(key.to_owned())
}

/// `body` with the property `key` set to `value` (`None` removes it). An existing key is
/// matched exactly, else without case and accents, and keeps its place; a new key goes last.
/// Front matter that is not valid YAML is refused rather than overwritten.
pub fn set(body: &str, key: &str, value: Option<&PropertyValue>) -> Result<String, Invalid> {
    let key = check_key(key)?;
    let (mut fields, rest) = match front_matter::split(body) {
        Split::Plain(rest) => (Mapping::new(), rest),
        Split::Fields(map, rest) => (map, rest),
        Split::Invalid { reason, .. } => {
            return Err(Invalid::new(format!("the note's front matter cannot be changed: {reason}")));
        }
    };
    let folded = fold(&key);
    let found = fields
        .keys()
        .position(|k| key_text(k) == key)
        .or_else(|| fields.keys().position(|k| fold(&key_text(k)) == folded));
    match (found, value) {
        (Some(at), Some(value)) => {
            if let Some((_, slot)) = fields.iter_mut().nth(at) {
                *slot = value.to_yaml();
            }
        }
        (Some(at), None) => {
            let name = fields.keys().nth(at).cloned();
            if let Some(name) = name {
                fields.shift_remove(&name);
            }
        }
        (None, Some(value)) => {
            fields.insert(Value::String(key), value.to_yaml());
        }
        (None, None) => return Ok(body.to_owned()),
    }
    front_matter::join(&fields, rest).map_err(Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_typed_by_their_look() {
        for (text, kind) in [
            ("150", PropertyKind::Number),
            ("-2.5", PropertyKind::Number),
            ("2025-03-01", PropertyKind::Date),
            ("true", PropertyKind::Checkbox),
            ("[a, b]", PropertyKind::List),
            ("high", PropertyKind::Text),
            ("nan", PropertyKind::Text),
            ("inf", PropertyKind::Text),
            ("2025-13-01", PropertyKind::Text),
            ("", PropertyKind::Empty),
        ] {
            assert_eq!(PropertyValue::by_look(text).kind(), kind, "{text:?}");
        }
    }

    #[test]
    fn yaml_values_are_typed_and_nested_ones_kept() {
        let body = "---\nconviction: high\nprice_target: 180\nreview: 2025-03-01\nheld: true\n\
                    tickers_watched: [NVDA, AMD]\nlots:\n  - {date: 2025-01-02, size: 10}\nnone:\n---\n\nText";
        let kinds: Vec<(String, &str)> = read(body).into_iter().map(|p| (p.key, p.value.kind().as_str())).collect();
        let expected = [
            ("conviction", "text"),
            ("price_target", "number"),
            ("review", "date"),
            ("held", "checkbox"),
            ("tickers_watched", "list"),
            ("lots", "nested"),
            ("none", "empty"),
        ];
        assert_eq!(kinds, expected.map(|(k, t)| (k.to_owned(), t)));
        let lots = &read(body)[5].value;
        assert_eq!(lots.to_json(), serde_json::json!([{"date": "2025-01-02", "size": 10}]));
    }

    #[test]
    fn setting_a_property_rewrites_only_that_field() {
        let body = "---\nStatus: open\nlots:\n  - {size: 10}\n---\n\nText";
        let set_to = |body: &str, key: &str, text: &str| set(body, key, Some(&PropertyValue::by_look(text))).unwrap();
        let changed = set_to(body, "status", "closed");
        assert_eq!(read(&changed)[0], Property { key: "Status".into(), value: PropertyValue::Text("closed".into()) });
        assert_eq!(read(&changed)[1].value, read(body)[1].value);
        assert!(changed.ends_with("\n---\n\nText"), "{changed:?}");
        let added = set_to("Text", "review", "2025-03-01");
        assert_eq!(added, "---\nreview: 2025-03-01\n---\n\nText");
        assert_eq!(set(&added, "review", None).unwrap(), "Text");
        assert!(set("---\na: [\n---\nText", "b", None).is_err());
        assert!(set("Text", "tags", Some(&PropertyValue::Empty)).is_err());
    }
}
