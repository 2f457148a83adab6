//! A parsed [`Query`] turned into a [`Plan`]: the words (one FTS5 expression), the feeds the
//! results could be read from, an order-key range (`after:`/`before:`), and per-note filters for
//! everything else.
//! The only user text that reaches SQLite does so as bound parameters, and FTS5 words are always
//! quoted, so nothing typed is read as SQL or as an FTS5 operator.

use rusqlite::Connection;
use rusqlite::types::Value;

use super::super::prefixes::Prefixes;
use super::super::{StoreError, order, properties, rows, tickers};
use crate::query::{Query, Term, TermKind};

/// A per-note condition: SQL with `{id}` standing for the note id column and `{key}` for its
/// order key, and its values.
pub(super) struct Filter {
    pub(super) sql: String,
    pub(super) params: Vec<Value>,
}

/// Where candidate notes are read from, in order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Feed {
    Ticker(i64),
    Tag(i64),
}

/// A property term every result must meet, as a condition on `note_property` rows: a walk can
/// read its notes from the property index (see `Store::walks`).
pub(super) struct PropertyFeed {
    pub(super) condition: String,
    pub(super) params: Vec<Value>,
}

impl Feed {
    pub(super) fn table(self) -> (&'static str, &'static str, i64) {
        match self {
            Feed::Ticker(id) => ("ticker_feed", "ticker_id", id),
            Feed::Tag(id) => ("tag_feed", "tag_id", id),
        }
    }
}

/// Which notes a query looks at before its terms: live notes (the default), the trash
/// (`is:trash`), or both (when `is:trash` is one of several alternatives).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Base {
    Live,
    Trash,
    Any,
}

impl Base {
    /// The condition on `note n` (or an alias with `deleted_at`).
    pub(super) fn condition(self, deleted_at: &str) -> String {
        match self {
            Base::Live => format!("{deleted_at} IS NULL"),
            Base::Trash => format!("{deleted_at} IS NOT NULL"),
            Base::Any => "1".to_owned(),
        }
    }
}

/// A query turned into its parts: the words (one FTS5 expression), the feeds it could be read
/// from, an order-key range, and per-note filters for everything else.
pub(super) struct Plan {
    pub(super) base: Base,
    pub(super) words: Option<String>,
    /// The query is one plain word and nothing else (its count can be read from the index's
    /// vocabulary): the word as the index stores it.
    pub(super) lone_word: Option<String>,
    pub(super) feeds: Vec<Feed>,
    /// `after:`: the smallest order key of a match (a note updated at or after that day).
    pub(super) after: Option<i64>,
    /// `before:`: every match's order key is below this.
    pub(super) before: Option<i64>,
    pub(super) filters: Vec<Filter>,
    /// The positive property terms (each also one of the filters).
    pub(super) properties: Vec<PropertyFeed>,
    /// A term names something that does not exist (an unknown ticker): nothing can match.
    pub(super) empty: bool,
}

/// An FTS5 string that matches `text` literally: quoted, inner quotes doubled. FTS5 reads its
/// query as a C string, so a NUL would cut it short ("unterminated string"); notes never hold
/// NUL, so it becomes a space, which separates words as it would in a note.
pub(in crate::store) fn fts_quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\"").replace('\0', " "))
}

fn fts_expression(conn: &Connection, prefixes: &Prefixes, kind: &TermKind) -> Result<Option<String>, StoreError> {
    Ok(match kind {
        TermKind::Word(w) | TermKind::Phrase(w) => Some(fts_quote(w)),
        TermKind::Prefix(p) => Some(match prefixes.terms(conn, p)? {
            Some(terms) if terms.is_empty() => fts_quote(p),
            Some(terms) if terms.len() == 1 => fts_quote(&terms[0]),
            Some(terms) => format!("({})", terms.iter().map(|t| fts_quote(t)).collect::<Vec<_>>().join(" OR ")),
            None => format!("{} *", fts_quote(p)),
        }),
        _ => None,
    })
}

pub(super) fn plan(conn: &Connection, prefixes: &Prefixes, query: &Query) -> Result<Plan, StoreError> {
    let base = if query.wants_trash() {
        Base::Trash
    } else if query.clauses.iter().flat_map(|c| &c.any).any(|t| t.kind == TermKind::Trash && !t.negated) {
        Base::Any
    } else {
        Base::Live
    };
    let live = base == Base::Live;
    let mut plan = Plan {
        base,
        words: None,
        lone_word: None,
        feeds: Vec::new(),
        after: None,
        before: None,
        filters: Vec::new(),
        properties: Vec::new(),
        empty: false,
    };
    let mut words = Vec::new();
    let required_tickers: Vec<i64> =
        query.required_tickers().into_iter().filter_map(|s| tickers::resolve(conn, s).ok().flatten()).collect();
    for clause in &query.clauses {
        if clause.any.iter().all(|t| !t.negated && t.kind.is_text()) {
            let mut parts = Vec::new();
            for term in &clause.any {
                parts.extend(fts_expression(conn, prefixes, &term.kind)?);
            }
            words.push(if parts.len() == 1 { parts[0].clone() } else { format!("({})", parts.join(" OR ")) });
            continue;
        }
        if let [term] = clause.any.as_slice()
            && !term.negated
        {
            match &term.kind {
                TermKind::Trash => continue,
                TermKind::After(date) => {
                    let key = order::key_from(*date);
                    plan.after = Some(plan.after.map_or(key, |a| a.max(key)));
                    continue;
                }
                TermKind::Before(date) => {
                    let key = order::key_from(*date);
                    plan.before = Some(plan.before.map_or(key, |b| b.min(key)));
                    continue;
                }
                TermKind::Ticker(symbol) if live => {
                    match tickers::resolve(conn, symbol)? {
                        Some(id) => plan.feeds.push(Feed::Ticker(id)),
                        None => plan.empty = true,
                    }
                    continue;
                }
                TermKind::Property(property) => {
                    let mut params = Vec::new();
                    let condition = properties::condition(property, properties::Lookup::ByValue, &mut params);
                    plan.properties.push(PropertyFeed { condition, params });
                }
                TermKind::Tag(tag) if live => {
                    match super::super::tags::id_of(conn, tag)? {
                        Some(id) => plan.feeds.push(Feed::Tag(id)),
                        None => plan.empty = true,
                    }
                    continue;
                }
                _ => {}
            }
        }
        let mut sql = Vec::new();
        let mut params = Vec::new();
        for term in &clause.any {
            let predicate = predicate(conn, prefixes, term, &required_tickers, &mut params)?;
            sql.push(if term.negated { format!("NOT ({predicate})") } else { predicate });
        }
        plan.filters.push(Filter { sql: format!("({})", sql.join(" OR ")), params });
    }
    if !words.is_empty() {
        plan.words = Some(words.join(" AND "));
    }
    if let [clause] = query.clauses.as_slice()
        && let [Term { negated: false, kind: TermKind::Word(word) }] = clause.any.as_slice()
        && word.chars().all(|c| c.is_ascii_alphanumeric())
    {
        plan.lone_word = Some(word.to_ascii_lowercase());
    }
    Ok(plan)
}

/// The SQL condition for one term (without its negation), with `{id}` for the note id and
/// `{key}` for its order key.
fn predicate(
    conn: &Connection,
    prefixes: &Prefixes,
    term: &Term,
    required_tickers: &[i64],
    params: &mut Vec<Value>,
) -> Result<String, StoreError> {
    let mut bind = |value: Value| params.push(value);
    Ok(match &term.kind {
        TermKind::Word(_) | TermKind::Prefix(_) | TermKind::Phrase(_) => {
            bind(Value::Text(fts_expression(conn, prefixes, &term.kind)?.unwrap_or_default()));
            "EXISTS (SELECT 1 FROM note_fts WHERE note_fts MATCH ? AND rowid = {key})".into()
        }
        TermKind::Ticker(symbol) => match tickers::resolve(conn, symbol)? {
            Some(id) => {
                bind(Value::Integer(id));
                "EXISTS (SELECT 1 FROM note_ticker WHERE note_id = {id} AND ticker_id = ?)".into()
            }
            None => "0".into(),
        },
        TermKind::Tag(tag) => {
            let key = tag.key();
            bind(Value::Text(key.clone()));
            bind(Value::Text(format!("{key}/")));
            bind(Value::Text(format!("{key}0")));
            "EXISTS (SELECT 1 FROM note_tag nt JOIN tag t ON t.id = nt.tag_id
                     WHERE nt.note_id = {id} AND (t.key = ? OR (t.key > ? AND t.key < ?)))"
                .into()
        }
        TermKind::Source(text) => {
            bind(Value::Text(text.clone()));
            bind(Value::Text(text.clone()));
            "EXISTS (SELECT 1 FROM note_source ns JOIN source s ON s.id = ns.source_id
                     WHERE ns.note_id = {id} AND (instr(s.publisher_key, ?) > 0 OR instr(s.host, ?) > 0))"
                .into()
        }
        TermKind::Claimant(text) => {
            bind(Value::Text(text.clone()));
            "EXISTS (SELECT 1 FROM claim WHERE note_id = {id} AND instr(claimant_key, ?) > 0)".into()
        }
        TermKind::Stance(stance) => {
            bind(Value::Text(stance.as_str().into()));
            if required_tickers.is_empty() {
                "EXISTS (SELECT 1 FROM claim c JOIN claim_ticker ct ON ct.claim_id = c.id
                         WHERE c.note_id = {id} AND ct.stance = ?)"
                    .into()
            } else {
                for id in required_tickers {
                    bind(Value::Integer(*id));
                }
                format!(
                    "EXISTS (SELECT 1 FROM claim c JOIN claim_ticker ct ON ct.claim_id = c.id
                             WHERE c.note_id = {{id}} AND ct.stance = ? AND ct.ticker_id IN ({}))",
                    rows::placeholders(required_tickers.len())
                )
            }
        }
        TermKind::After(date) => {
            bind(Value::Integer(order::key_from(*date)));
            "{key} >= ?".into()
        }
        TermKind::Before(date) => {
            bind(Value::Integer(order::key_from(*date)));
            "{key} < ?".into()
        }
        TermKind::Trash => "EXISTS (SELECT 1 FROM note WHERE id = {id} AND deleted_at IS NOT NULL)".into(),
        TermKind::Unanchored => "EXISTS (SELECT 1 FROM claim c JOIN quote_anchor qa ON qa.claim_id = c.id
                                  WHERE c.note_id = {id} AND qa.anchored = 'not_found')"
            .into(),
        TermKind::Property(property) => {
            let mut values = Vec::new();
            let condition = properties::condition(property, properties::Lookup::InNote, &mut values);
            values.into_iter().for_each(&mut bind);
            format!("EXISTS (SELECT 1 FROM note_property WHERE note_id = {{id}} AND {condition})")
        }
    })
}

/// Appends the plan's filters (with `{id}` replaced by `id`, `{key}` by `key`) and their values.
pub(super) fn push_filters(plan: &Plan, id: &str, key: &str, sql: &mut String, params: &mut Vec<Value>) {
    for filter in &plan.filters {
        sql.push_str(" AND ");
        sql.push_str(&filter.sql.replace("{id}", id).replace("{key}", key));
        params.extend(filter.params.iter().cloned());
    }
}

pub(super) fn same(a: Feed, b: Feed) -> bool {
    matches!((a, b), (Feed::Ticker(x), Feed::Ticker(y)) | (Feed::Tag(x), Feed::Tag(y)) if x == y)
}
