//! The property index: `note_property`, one row per property of a note (one per item of a list),
//! derived from the note's front matter (the source of truth, see [`crate::model::front_matter`])
//! in the same transaction as every write of the note's body, so `[conviction:high]`,
//! `[price_target>150]` and `[review<=2025-03-01]` are index lookups.
//!
//! Text is matched folded (case and accents ignored) on its first [`MAX_INDEXED_CHARS`]
//! characters; numbers and dates (as days) are compared in `num`.

use chrono::Datelike;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Store, StoreError};
use crate::model::{NoteId, PropertyInUse, PropertyValue, fold, read_properties};
use crate::query::{Bound, PropertyTerm, PropertyTest};

/// Text longer than this is indexed by its beginning (the note keeps all of it).
const MAX_INDEXED_CHARS: usize = 500;

/// Version 10: the property index, filled from the notes that have front matter.
pub(super) fn migrate_v10(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V9_PROPERTIES)?;
    fill(tx)
}

/// Indexes the properties of every note (the index is empty): most notes have no front matter,
/// and only bodies that begin with `---` are read whole.
pub(super) fn fill(conn: &Connection) -> Result<(), StoreError> {
    let mut found = conn.prepare("SELECT id, body FROM note WHERE substr(body, 1, 3) = '---'")?;
    let notes = found.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for note in notes {
        let (id, body) = note?;
        reindex(conn, id, &body)?;
    }
    Ok(())
}

const V9_PROPERTIES: &str = r#"
CREATE TABLE note_property (
    note_id   INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,   -- the property's place in the front matter
    item      INTEGER NOT NULL,   -- the item of a list; 0 otherwise
    key       TEXT NOT NULL,      -- folded (case and accents ignored)
    name      TEXT NOT NULL,      -- the key as written
    kind      TEXT NOT NULL,      -- text, number, date, checkbox, list (empty), nested, empty
    value     TEXT,               -- as written (its beginning), for completion
    folded    TEXT,               -- folded, for equality
    num       REAL,               -- numbers; dates as days since 0001-01-01
    PRIMARY KEY (note_id, position, item)
) WITHOUT ROWID;
CREATE INDEX note_property_by_text ON note_property(key, folded);
CREATE INDEX note_property_by_num ON note_property(key, num);
"#;

fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_INDEXED_CHARS) {
        Some((at, _)) => text[..at].to_owned(),
        None => text.to_owned(),
    }
}

/// One indexed row's kind, text and number for a scalar value.
fn scalar_row(value: &PropertyValue) -> (&'static str, Option<String>, Option<f64>) {
    let kind = value.kind().as_str();
    match value {
        PropertyValue::Number(n) => (kind, Some(value.shown()), Some(*n)),
        PropertyValue::Date(day, _) => (kind, Some(value.shown()), Some(f64::from(day.num_days_from_ce()))),
        PropertyValue::Checkbox(b) => (kind, Some(value.shown()), Some(if *b { 1.0 } else { 0.0 })),
        PropertyValue::Text(_) => (kind, Some(value.shown()), None),
        _ => (kind, None, None),
    }
}

/// Replaces the note's rows with the properties of `body` (inside the caller's transaction).
pub(super) fn reindex(conn: &Connection, note: NoteId, body: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM note_property WHERE note_id = ?1")?.execute([note])?;
    let properties = read_properties(body);
    if properties.is_empty() {
        return Ok(());
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO note_property (note_id, position, item, key, name, kind, value, folded, num)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (position, property) in properties.iter().enumerate() {
        let key = fold(property.key.trim());
        let rows: Vec<(&str, Option<String>, Option<f64>)> = match &property.value {
            PropertyValue::List(items) if !items.is_empty() => items.iter().map(scalar_row).collect(),
            other => vec![scalar_row(other)],
        };
        for (item, (kind, text, num)) in rows.into_iter().enumerate() {
            let value = text.as_deref().map(cut);
            let folded = value.as_deref().map(fold);
            insert.execute(params![note, position as i64, item as i64, key, property.key, kind, value, folded, num])?;
        }
    }
    Ok(())
}

/// How a condition reads `note_property`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Lookup {
    /// Every row that matches, by the indexes on the key and value.
    ByValue,
    /// One note's rows (`note_id` is given), by the primary key: a note has few properties,
    /// while a key's rows may be most of the table.
    InNote,
}

/// The SQL condition on a `note_property` row for `term`, with its values appended to `params`.
pub(super) fn condition(term: &PropertyTerm, lookup: Lookup, params: &mut Vec<Value>) -> String {
    // `+key` keeps SQLite off the indexes by key, for a lookup in one note's rows.
    let key = if lookup == Lookup::InNote { "+key = ?" } else { "key = ?" };
    let key_value = Value::Text(term.key.clone());
    params.push(key_value.clone());
    match &term.test {
        PropertyTest::Set => key.into(),
        PropertyTest::Equals(typed) => {
            params.push(Value::Text(fold(&cut(typed))));
            // Two index ranges, one per way the value may match.
            let (kind, num) = match PropertyValue::by_look(typed) {
                PropertyValue::Number(n) => ("number", n),
                PropertyValue::Date(day, _) => ("date", f64::from(day.num_days_from_ce())),
                _ => return format!("{key} AND folded = ?"),
            };
            params.push(key_value);
            params.push(Value::Real(num));
            format!("(({key} AND folded = ?) OR ({key} AND num = ? AND kind = '{kind}'))")
        }
        PropertyTest::Compare(comparison, bound) => {
            let (kind, num) = match bound {
                Bound::Number(text) => ("number", text.parse::<f64>().unwrap_or(f64::NAN)),
                Bound::Date(day) => ("date", f64::from(day.num_days_from_ce())),
            };
            params.push(Value::Real(num));
            format!("{key} AND num {} ? AND kind = '{kind}'", comparison.sql())
        }
    }
}

/// How many rows match `condition`, counted up to `limit` (an index range read).
pub(super) fn rows_up_to(conn: &Connection, condition: &str, params: &[Value], limit: i64) -> Result<i64, StoreError> {
    let sql = format!("SELECT count(*) FROM (SELECT 1 FROM note_property WHERE {condition} LIMIT ?)");
    let mut all = params.to_vec();
    all.push(Value::Integer(limit));
    Ok(conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(&all), |r| r.get(0))?)
}

impl Store {
    /// The property keys in use (as first written, in key order), each with up to
    /// `values_per_key` of its values (as written, in folded order): what the properties panel
    /// completes. Read by seeks down the index, a few per key and value, whatever the number of
    /// notes.
    pub fn properties_in_use(&self, keys: usize, values_per_key: usize) -> Result<Vec<PropertyInUse>, StoreError> {
        let mut next_key = self.conn.prepare_cached(
            "SELECT key, name FROM note_property INDEXED BY note_property_by_text WHERE key > ?1 ORDER BY key LIMIT 1",
        )?;
        let mut next_value = self.conn.prepare_cached(
            "SELECT folded, value FROM note_property INDEXED BY note_property_by_text
             WHERE key = ?1 AND folded > ?2 ORDER BY folded LIMIT 1",
        )?;
        let mut found = Vec::new();
        let mut after = String::new();
        while found.len() < keys {
            let Some((key, name)) =
                next_key.query_row([&after], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).optional()?
            else {
                break;
            };
            let mut values = Vec::new();
            let mut value_after = String::new();
            while values.len() < values_per_key {
                let Some((folded, value)) = next_value
                    .query_row([&key, &value_after], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                    .optional()?
                else {
                    break;
                };
                values.push(value);
                value_after = folded;
            }
            found.push(PropertyInUse { key: name, values });
            after = key;
        }
        Ok(found)
    }
}
