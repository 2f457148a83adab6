//! The SQL that lists a [`Plan`]'s matches, one statement per way of reading them (see
//! [`super::Strategy`]). Every newest-first statement orders by `(updated_at, id)` descending and
//! can continue after a [`Key`] (keyset paging: a later page is a seek, never an offset).

use rusqlite::types::Value;

use super::plan::{Feed, Plan, push_filters, push_range, same};
use crate::model::NoteId;

/// A position in newest-first order: the last note of the previous page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Key {
    pub(super) updated_at: String,
    pub(super) id: NoteId,
}

/// Whether the statement sorts its rows (a count does not need them sorted).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Sorted {
    Yes,
    No,
}

/// Appends `(updated, id) < (key)` when continuing after `after`.
fn push_after(after: Option<&Key>, updated: &str, id: &str, sql: &mut String, params: &mut Vec<Value>) {
    if let Some(key) = after {
        sql.push_str(&format!(" AND ({updated}, {id}) < (?, ?)"));
        params.push(Value::Text(key.updated_at.clone()));
        params.push(Value::Integer(key.id));
    }
}

/// Appends the check of the plan's words against the note `id`.
fn push_words(plan: &Plan, id: &str, sql: &mut String, params: &mut Vec<Value>) {
    if let Some(words) = &plan.words {
        sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM note_fts WHERE note_fts MATCH ? AND rowid = {id})"));
        params.push(Value::Text(words.clone()));
    }
}

/// Reads `feed` (a ticker's or tag's notes by last update) newest first, checking every other
/// term per note. Rows: note id, `updated_at`.
pub(super) fn feed_walk(plan: &Plan, feed: Feed, after: Option<&Key>, sorted: Sorted) -> (String, Vec<Value>) {
    let (table, column, key) = feed.table();
    let mut sql = format!("SELECT f.note_id, f.updated_at FROM {table} f WHERE f.{column} = ?");
    let mut params = vec![Value::Integer(key)];
    push_range(plan, "f.updated_at", &mut sql, &mut params);
    push_after(after, "f.updated_at", "f.note_id", &mut sql, &mut params);
    for other in plan.feeds.iter().filter(|f| !same(**f, feed)) {
        let (table, column, key) = other.table();
        sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM {table} WHERE note_id = f.note_id AND {column} = ?)"));
        params.push(Value::Integer(key));
    }
    push_filters(plan, "f.note_id", &mut sql, &mut params);
    push_words(plan, "f.note_id", &mut sql, &mut params);
    if sorted == Sorted::Yes {
        sql.push_str(" ORDER BY f.updated_at DESC, f.note_id DESC");
    }
    (sql, params)
}

/// Whether a walk checks the plan's words itself (or its caller does).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Words {
    Checked,
    Left,
}

/// Reads the notes' own `(updated_at, id)` index newest first, checking every term per note
/// (the words only when `words` says so). Rows: note id, `updated_at`.
pub(super) fn note_walk(plan: &Plan, after: Option<&Key>, sorted: Sorted, words: Words) -> (String, Vec<Value>) {
    let mut sql = format!("SELECT n.id, n.updated_at FROM note n WHERE {}", plan.base.condition("n.deleted_at"));
    let mut params = Vec::new();
    push_range(plan, "n.updated_at", &mut sql, &mut params);
    push_after(after, "n.updated_at", "n.id", &mut sql, &mut params);
    for feed in &plan.feeds {
        let (table, column, key) = feed.table();
        sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM {table} WHERE note_id = n.id AND {column} = ?)"));
        params.push(Value::Integer(key));
    }
    push_filters(plan, "n.id", &mut sql, &mut params);
    if words == Words::Checked {
        push_words(plan, "n.id", &mut sql, &mut params);
    }
    if sorted == Sorted::Yes {
        sql.push_str(" ORDER BY n.updated_at DESC, n.id DESC");
    }
    (sql, params)
}

/// Reads every match of the words from the full-text index, checking the other terms per
/// note; sorted newest first (all matches are read and the newest kept) or, when `ranked`,
/// unsorted with their BM25 rank. Rows: note id, `updated_at`, rank (0 unless `ranked`).
pub(super) fn word_matches(
    plan: &Plan,
    words: &str,
    after: Option<&Key>,
    ranked: bool,
    sorted: Sorted,
) -> (String, Vec<Value>) {
    let mut params = vec![Value::Text(words.to_owned())];
    let rank_column = if ranked { "f.rank" } else { "0" };
    let mut sql = format!(
        "SELECT f.rowid, n.updated_at, {rank_column} FROM note_fts f CROSS JOIN note n ON n.id = f.rowid \
         WHERE note_fts MATCH ? AND {}",
        plan.base.condition("n.deleted_at")
    );
    push_range(plan, "n.updated_at", &mut sql, &mut params);
    push_after(after, "n.updated_at", "n.id", &mut sql, &mut params);
    for feed in &plan.feeds {
        let (table, column, key) = feed.table();
        sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM {table} WHERE note_id = f.rowid AND {column} = ?)"));
        params.push(Value::Integer(key));
    }
    push_filters(plan, "f.rowid", &mut sql, &mut params);
    if sorted == Sorted::Yes && !ranked {
        sql.push_str(" ORDER BY n.updated_at DESC, n.id DESC");
    }
    (sql, params)
}
