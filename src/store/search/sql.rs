//! The SQL that lists a [`Plan`]'s matches, one statement per way of walking candidates newest
//! first ([`Walk`]). Every walk goes down the order key (see [`super::super::order`]): the
//! full-text index's rowid, a feed's sort column, or the notes' index by key; a later page is a
//! seek below the last key shown, never an offset.

use rusqlite::types::Value;

use super::plan::{Base, Feed, Plan, push_filters, same};

/// Where a walk reads its candidates, newest first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Walk {
    /// The words' matches in the full-text index (by rowid, the order key); the rest checked per
    /// match.
    Words,
    /// A ticker's or tag's feed; the rest, words included, checked per note.
    Feed(Feed),
    /// The notes' own index by key; every term checked per note.
    Notes,
    /// The notes the property index holds for the plan's property term at this place, sorted by
    /// key (chosen only when they are few); the rest checked per note.
    Property(usize),
}

/// What a walk's statement returns.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Rows {
    /// Every candidate newest first, as (key, whether it matches): each row is one candidate's
    /// worth of work, so two walks can share time fairly.
    Flagged,
    /// The matching keys, newest first.
    Matches,
    /// The matching keys, in any order (for counting).
    Unsorted,
    /// The matching keys with their BM25 rank, in any order (only for [`Walk::Words`]).
    Ranked,
}

/// A key range: keys below `below` (exclusive) and at or above `from`.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Range {
    pub(super) below: Option<i64>,
    pub(super) from: Option<i64>,
}

impl Range {
    /// The plan's `after:`/`before:` range, continued below the key `after` (a later page).
    pub(super) fn of(plan: &Plan, after: Option<i64>) -> Self {
        let below = match (plan.before, after) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Range { below, from: plan.after }
    }
}

/// The statement for `walk` over `range`, with its values.
pub(super) fn walk(plan: &Plan, walk: Walk, range: Range, rows: Rows) -> (String, Vec<Value>) {
    let mut params = Vec::new();
    let (mut sql, key) = match walk {
        Walk::Words => {
            params.push(Value::Text(plan.words.clone().unwrap_or_default()));
            ("FROM note_fts f WHERE note_fts MATCH ?".to_owned(), "f.rowid")
        }
        Walk::Feed(feed) => {
            let (table, column, id) = feed.table();
            params.push(Value::Integer(id));
            (format!("FROM {table} f WHERE f.{column} = ?"), "f.ord")
        }
        Walk::Notes => (format!("FROM note n WHERE {}", plan.base.condition("n.deleted_at")), "n.ord"),
        Walk::Property(at) => {
            let property = &plan.properties[at];
            params.extend(property.params.iter().cloned());
            let sql = format!(
                "FROM (SELECT DISTINCT note_id AS pid FROM note_property WHERE {}) p CROSS JOIN note n ON n.id = p.pid \
                 WHERE {}",
                property.condition,
                plan.base.condition("n.deleted_at")
            );
            (sql, "n.ord")
        }
    };
    if let Some(below) = range.below {
        sql.push_str(&format!(" AND {key} < ?"));
        params.push(Value::Integer(below));
    }
    if let Some(from) = range.from {
        sql.push_str(&format!(" AND {key} >= ?"));
        params.push(Value::Integer(from));
    }
    let (check, check_params) = checks(plan, walk);
    let sql = match rows {
        Rows::Flagged => {
            let mut all = check_params;
            all.extend(params);
            params = all;
            format!("SELECT {key}, {check} {sql} ORDER BY {key} DESC")
        }
        Rows::Matches => {
            params.extend(check_params);
            format!("SELECT {key} {sql} AND {check} ORDER BY {key} DESC")
        }
        Rows::Unsorted => {
            params.extend(check_params);
            format!("SELECT {key} {sql} AND {check}")
        }
        Rows::Ranked => {
            params.extend(check_params);
            format!("SELECT {key}, f.rank {sql} AND {check}")
        }
    };
    (sql, params)
}

/// Every match of the words in the plan's range with its BM25 rank, unsorted (for ranking by
/// relevance). Rows: key, rank.
pub(super) fn ranked(plan: &Plan) -> (String, Vec<Value>) {
    walk(plan, Walk::Words, Range::of(plan, None), Rows::Ranked)
}

/// The condition a candidate of `walk` must meet besides being read by it: the trash or not, the
/// feeds, the filters and the words that the walk itself does not ensure.
fn checks(plan: &Plan, walk: Walk) -> (String, Vec<Value>) {
    let (key, id) = match walk {
        Walk::Words => ("f.rowid", "(f.rowid & 2147483647)"),
        Walk::Feed(_) => ("f.ord", "f.note_id"),
        Walk::Notes | Walk::Property(_) => ("n.ord", "n.id"),
    };
    let mut sql = String::from("1");
    let mut params = Vec::new();
    if walk == Walk::Words {
        // The index holds every note; its small partial indexes say which are live.
        match plan.base {
            Base::Live => sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM note INDEXED BY note_live_by_order WHERE ord = {key} AND deleted_at IS NULL)"
            )),
            Base::Trash => sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM note INDEXED BY note_trash_by_order \
                 WHERE ord = {key} AND deleted_at IS NOT NULL)"
            )),
            Base::Any => {}
        }
    }
    for feed in &plan.feeds {
        if let Walk::Feed(walked) = walk
            && same(walked, *feed)
        {
            continue;
        }
        let (table, column, value) = feed.table();
        sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM {table} WHERE {column} = ? AND ord = {key})"));
        params.push(Value::Integer(value));
    }
    push_filters(plan, id, key, &mut sql, &mut params);
    if walk != Walk::Words
        && let Some(words) = &plan.words
    {
        sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM note_fts WHERE note_fts MATCH ? AND rowid = {key})"));
        params.push(Value::Text(words.clone()));
    }
    (sql, params)
}
