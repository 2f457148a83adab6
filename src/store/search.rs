//! Runs a parsed [`Query`]. The only user text that reaches SQLite does so as bound parameters,
//! and FTS5 words are always quoted, so nothing typed is read as SQL or as an FTS5 operator.
//!
//! Execution is planned so that a first page stays fast at a million notes:
//! - without words, results are newest first, read from the smallest matching feed (a ticker's
//!   or a tag's notes in `updated_at` order, see [`super::feeds`]) or the live-notes index, with
//!   every other term checked per row, stopping at the page;
//! - with words that match at most [`FEW_MATCHES`] notes, every match is ranked by relevance
//!   (BM25);
//! - with words that match more, results are newest first, not ranked ([`SearchOrder::Newest`]):
//!   FTS5's BM25 reads the words' whole posting lists to weigh them, tens of milliseconds for a
//!   word in most of a million notes, while the newest matches are a short walk. With a ticker or
//!   tag in the query, the smallest such feed is read newest first (by last update, its range
//!   narrowed by `after:`/`before:`) and each note checked against the words; otherwise the
//!   words' own index is read newest first (by creation) and each match checked against the rest.
//!
//! A prefix (`infer*`) is spelled out as the indexed words it completes to (see
//! [`prefix_terms`]), so that checking one note against it stays cheap.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, rows, snippet, tickers};
use crate::model::{NoteId, NoteSummary};
use crate::query::{Query, Term, TermKind};

/// Words with at most this many matches are all ranked by relevance, whatever else the query
/// asks; above it, matches are listed newest first (see the module documentation).
const FEW_MATCHES: usize = 2_000;
/// A prefix with more completions than this is left to FTS5 (see [`prefix_terms`]).
const PREFIX_TERMS: usize = 64;
/// Counting stops here when choosing how to run a query.
const ESTIMATE_CAP: usize = 50_000;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchOrder {
    /// Best full-text match first (the query has words).
    Relevance,
    /// Most recently updated first.
    Newest,
}

/// One page of results with the total number of matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    pub total: u64,
    pub order: SearchOrder,
    pub results: Vec<NoteSummary>,
}

/// The first results of a query, without counting them all (what a result list shows first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstPage {
    pub order: SearchOrder,
    pub results: Vec<NoteSummary>,
}

/// A per-note condition: SQL with `{id}` standing for the note id column, and its values.
struct Filter {
    sql: String,
    params: Vec<Value>,
}

/// Where candidate notes are read from, in order.
#[derive(Clone, Copy)]
enum Feed {
    Ticker(i64),
    Tag(i64),
}

impl Feed {
    fn table(self) -> (&'static str, &'static str, i64) {
        match self {
            Feed::Ticker(id) => ("ticker_feed", "ticker_id", id),
            Feed::Tag(id) => ("tag_feed", "tag_id", id),
        }
    }
}

/// Which notes a query looks at before its terms: live notes (the default), the trash
/// (`is:trash`), or both (when `is:trash` is one of several alternatives).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Base {
    Live,
    Trash,
    Any,
}

impl Base {
    /// The condition on `note n` (or an alias with `deleted_at`).
    fn condition(self, deleted_at: &str) -> String {
        match self {
            Base::Live => format!("{deleted_at} IS NULL"),
            Base::Trash => format!("{deleted_at} IS NOT NULL"),
            Base::Any => "1".to_owned(),
        }
    }
}

/// A query turned into its parts: the words (one FTS5 expression), the feeds it could be read
/// from, an `updated_at` range, and per-note filters for everything else.
struct Plan {
    base: Base,
    words: Option<String>,
    feeds: Vec<Feed>,
    after: Option<String>,
    before: Option<String>,
    filters: Vec<Filter>,
    /// A term names something that does not exist (an unknown ticker): nothing can match.
    empty: bool,
}

/// How a query with words runs.
enum Strategy {
    /// Few matches: rank every one by relevance.
    RankAll,
    /// Many matches and a ticker or tag: read that feed newest first, checking the words per note.
    FeedNewest(Feed),
    /// Many matches and nothing narrower: newest first (by creation), straight from the index.
    Newest,
}

/// An FTS5 string that matches `text` literally: quoted, inner quotes doubled. FTS5 reads its
/// query as a C string, so a NUL would cut it short ("unterminated string"); notes never hold
/// NUL, so it becomes a space, which separates words as it would in a note.
fn fts_quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\"").replace('\0', " "))
}

fn fts_expression(conn: &Connection, kind: &TermKind) -> Result<Option<String>, StoreError> {
    Ok(match kind {
        TermKind::Word(w) | TermKind::Phrase(w) => Some(fts_quote(w)),
        TermKind::Prefix(p) => Some(match prefix_terms(conn, p)? {
            Some(terms) if terms.is_empty() => fts_quote(p),
            Some(terms) if terms.len() == 1 => fts_quote(&terms[0]),
            Some(terms) => format!("({})", terms.iter().map(|t| fts_quote(t)).collect::<Vec<_>>().join(" OR ")),
            None => format!("{} *", fts_quote(p)),
        }),
        _ => None,
    })
}

/// The indexed words that start with `prefix`, when it is one plain ASCII word with at most
/// [`PREFIX_TERMS`] completions. FTS5 answers `"infer" *` by merging the lists of every such word
/// on each evaluation, which makes a per-note check cost milliseconds; the same words spelled
/// out cost microseconds. Anything else (`None`) keeps FTS5's own prefix query.
fn prefix_terms(conn: &Connection, prefix: &str) -> Result<Option<Vec<String>>, StoreError> {
    if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    let low = prefix.to_ascii_lowercase();
    let high = format!("{low}\u{10FFFF}");
    let mut stmt = conn.prepare_cached("SELECT term FROM temp.note_vocab WHERE term >= ?1 AND term < ?2 LIMIT ?3")?;
    let terms: Vec<String> = stmt
        .query_map(rusqlite::params![low, high, PREFIX_TERMS as i64 + 1], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok((terms.len() <= PREFIX_TERMS).then_some(terms))
}

fn plan(conn: &Connection, query: &Query) -> Result<Plan, StoreError> {
    let base = if query.wants_trash() {
        Base::Trash
    } else if query.clauses.iter().flat_map(|c| &c.any).any(|t| t.kind == TermKind::Trash && !t.negated) {
        Base::Any
    } else {
        Base::Live
    };
    let live = base == Base::Live;
    let mut plan =
        Plan { base, words: None, feeds: Vec::new(), after: None, before: None, filters: Vec::new(), empty: false };
    let mut words = Vec::new();
    let required_tickers: Vec<i64> =
        query.required_tickers().into_iter().filter_map(|s| tickers::resolve(conn, s).ok().flatten()).collect();
    for clause in &query.clauses {
        if clause.any.iter().all(|t| !t.negated && t.kind.is_text()) {
            let mut parts = Vec::new();
            for term in &clause.any {
                parts.extend(fts_expression(conn, &term.kind)?);
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
                    let date = date.to_string();
                    plan.after = Some(plan.after.map_or(date.clone(), |a| a.max(date)));
                    continue;
                }
                TermKind::Before(date) => {
                    let date = date.to_string();
                    plan.before = Some(plan.before.map_or(date.clone(), |b| b.min(date)));
                    continue;
                }
                TermKind::Ticker(symbol) if live => {
                    match tickers::resolve(conn, symbol)? {
                        Some(id) => plan.feeds.push(Feed::Ticker(id)),
                        None => plan.empty = true,
                    }
                    continue;
                }
                TermKind::Tag(tag) if live => {
                    match super::tags::id_of(conn, tag)? {
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
            let predicate = predicate(conn, term, &required_tickers, &mut params)?;
            sql.push(if term.negated { format!("NOT ({predicate})") } else { predicate });
        }
        plan.filters.push(Filter { sql: format!("({})", sql.join(" OR ")), params });
    }
    if !words.is_empty() {
        plan.words = Some(words.join(" AND "));
    }
    Ok(plan)
}

/// The SQL condition for one term (without its negation), with `{id}` for the note id.
fn predicate(
    conn: &Connection,
    term: &Term,
    required_tickers: &[i64],
    params: &mut Vec<Value>,
) -> Result<String, StoreError> {
    let mut bind = |value: Value| params.push(value);
    Ok(match &term.kind {
        TermKind::Word(_) | TermKind::Prefix(_) | TermKind::Phrase(_) => {
            bind(Value::Text(fts_expression(conn, &term.kind)?.unwrap_or_default()));
            "EXISTS (SELECT 1 FROM note_fts WHERE note_fts MATCH ? AND rowid = {id})".into()
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
            bind(Value::Text(date.to_string()));
            "EXISTS (SELECT 1 FROM note WHERE id = {id} AND updated_at >= ?)".into()
        }
        TermKind::Before(date) => {
            bind(Value::Text(date.to_string()));
            "EXISTS (SELECT 1 FROM note WHERE id = {id} AND updated_at < ?)".into()
        }
        TermKind::Trash => "EXISTS (SELECT 1 FROM note WHERE id = {id} AND deleted_at IS NOT NULL)".into(),
    })
}

/// Appends the plan's filters (with `{id}` replaced by `id`) and their values.
fn push_filters(plan: &Plan, id: &str, sql: &mut String, params: &mut Vec<Value>) {
    for filter in &plan.filters {
        sql.push_str(" AND ");
        sql.push_str(&filter.sql.replace("{id}", id));
        params.extend(filter.params.iter().cloned());
    }
}

/// Appends the `updated_at` range on `column`.
fn push_range(plan: &Plan, column: &str, sql: &mut String, params: &mut Vec<Value>) {
    if let Some(after) = &plan.after {
        sql.push_str(&format!(" AND {column} >= ?"));
        params.push(Value::Text(after.clone()));
    }
    if let Some(before) = &plan.before {
        sql.push_str(&format!(" AND {column} < ?"));
        params.push(Value::Text(before.clone()));
    }
}

/// The SQL that lists matching ids newest first, read from `feed` (or the notes index).
fn newest_sql(plan: &Plan, feed: Option<Feed>) -> (String, Vec<Value>) {
    let mut params = Vec::new();
    let mut sql;
    let id = match feed {
        Some(feed) => {
            let (table, column, key) = feed.table();
            sql = format!("SELECT f.note_id FROM {table} f WHERE f.{column} = ?");
            params.push(Value::Integer(key));
            push_range(plan, "f.updated_at", &mut sql, &mut params);
            for other in plan.feeds.iter().filter(|f| !same(**f, feed)) {
                let (table, column, key) = other.table();
                sql.push_str(&format!(
                    " AND EXISTS (SELECT 1 FROM {table} WHERE note_id = f.note_id AND {column} = ?)"
                ));
                params.push(Value::Integer(key));
            }
            "f.note_id"
        }
        None => {
            sql = format!("SELECT n.id FROM note n WHERE {}", plan.base.condition("n.deleted_at"));
            push_range(plan, "n.updated_at", &mut sql, &mut params);
            for other in &plan.feeds {
                let (table, column, key) = other.table();
                sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM {table} WHERE note_id = n.id AND {column} = ?)"));
                params.push(Value::Integer(key));
            }
            "n.id"
        }
    };
    push_filters(plan, id, &mut sql, &mut params);
    if let Some(words) = &plan.words {
        sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM note_fts WHERE note_fts MATCH ? AND rowid = {id})"));
        params.push(Value::Text(words.clone()));
    }
    let order = match feed {
        Some(_) => " ORDER BY f.updated_at DESC, f.note_id DESC",
        None => " ORDER BY n.updated_at DESC, n.id DESC",
    };
    sql.push_str(order);
    (sql, params)
}

fn same(a: Feed, b: Feed) -> bool {
    matches!((a, b), (Feed::Ticker(x), Feed::Ticker(y)) | (Feed::Tag(x), Feed::Tag(y)) if x == y)
}

/// The SQL that lists word matches newest first (by note id, that is by creation), with their
/// BM25 rank when `ranked` (FTS5 computes it from the words' whole posting lists, which costs
/// tens of milliseconds for a word in most of a million notes).
fn words_sql(plan: &Plan, words: &str, ranked: bool) -> (String, Vec<Value>) {
    let mut params = vec![Value::Text(words.to_owned())];
    let mut sql = format!(
        "SELECT f.rowid, {} FROM note_fts f CROSS JOIN note n ON n.id = f.rowid WHERE note_fts MATCH ? AND {}",
        if ranked { "f.rank" } else { "0" },
        plan.base.condition("n.deleted_at")
    );
    push_range(plan, "n.updated_at", &mut sql, &mut params);
    for feed in &plan.feeds {
        let (table, column, key) = feed.table();
        sql.push_str(&format!(" AND EXISTS (SELECT 1 FROM {table} WHERE note_id = f.rowid AND {column} = ?)"));
        params.push(Value::Integer(key));
    }
    push_filters(plan, "f.rowid", &mut sql, &mut params);
    sql.push_str(" ORDER BY f.rowid DESC");
    (sql, params)
}

impl Store {
    /// How many rows a feed has, counting no further than `cap`.
    fn feed_size(&self, feed: Feed, cap: usize) -> Result<usize, StoreError> {
        let (table, column, key) = feed.table();
        let sql = format!("SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {column} = ?1 LIMIT ?2)");
        let count: i64 = self.conn.prepare_cached(&sql)?.query_row(rusqlite::params![key, cap as i64], |r| r.get(0))?;
        Ok(count as usize)
    }

    /// The smallest feed of the plan and its (capped) size; a lone feed is not counted.
    fn smallest_feed(&self, plan: &Plan) -> Result<Option<(Feed, usize)>, StoreError> {
        if let [feed] = plan.feeds.as_slice() {
            return Ok(Some((*feed, 0)));
        }
        let mut best: Option<(Feed, usize)> = None;
        for &feed in &plan.feeds {
            let size = self.feed_size(feed, best.map_or(ESTIMATE_CAP, |(_, s)| s))?;
            if best.is_none_or(|(_, s)| size < s) {
                best = Some((feed, size));
            }
        }
        Ok(best)
    }

    /// Matching ids in result order: the first `needed` (all when `None`), and the order used.
    fn ordered_ids(&self, query: &Query, needed: Option<usize>) -> Result<(Vec<NoteId>, SearchOrder), StoreError> {
        let plan = plan(&self.conn, query)?;
        let Some(words) = plan.words.clone() else {
            if plan.empty {
                return Ok((Vec::new(), SearchOrder::Newest));
            }
            let feed = self.smallest_feed(&plan)?.map(|(f, _)| f);
            let (sql, params) = newest_sql(&plan, feed);
            return Ok((self.collect_ids(&sql, params, needed)?, SearchOrder::Newest));
        };
        if plan.empty {
            return Ok((Vec::new(), SearchOrder::Relevance));
        }
        Ok(match self.words_strategy(&plan, &words)? {
            Strategy::RankAll => (self.rank_all(&plan, &words)?, SearchOrder::Relevance),
            Strategy::FeedNewest(feed) => {
                let (sql, params) = newest_sql(&plan, Some(feed));
                (self.collect_ids(&sql, params, needed)?, SearchOrder::Newest)
            }
            Strategy::Newest => {
                let (sql, params) = words_sql(&plan, &words, false);
                (self.collect_ids(&sql, params, needed)?, SearchOrder::Newest)
            }
        })
    }

    /// How many notes the words match, counting no further than `cap`.
    fn word_matches(&self, words: &str, cap: usize) -> Result<usize, StoreError> {
        let count: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM (SELECT 1 FROM note_fts WHERE note_fts MATCH ?1 LIMIT ?2)")?
            .query_row(rusqlite::params![words, cap as i64], |r| r.get(0))?;
        Ok(count as usize)
    }

    /// Chooses how to run a query with words (see the module documentation).
    fn words_strategy(&self, plan: &Plan, words: &str) -> Result<Strategy, StoreError> {
        if self.word_matches(words, FEW_MATCHES + 1)? <= FEW_MATCHES {
            return Ok(Strategy::RankAll);
        }
        Ok(match self.smallest_feed(plan)? {
            Some((feed, _)) => Strategy::FeedNewest(feed),
            None => Strategy::Newest,
        })
    }

    /// Runs an id query, keeping the first `needed` rows.
    fn collect_ids(&self, sql: &str, mut params: Vec<Value>, needed: Option<usize>) -> Result<Vec<NoteId>, StoreError> {
        let sql = match needed {
            Some(n) => {
                params.push(Value::Integer(n as i64));
                format!("{sql} LIMIT ?")
            }
            None => sql.to_owned(),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt.query_map(params_from_iter(&params), |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Every word match, best first.
    fn rank_all(&self, plan: &Plan, words: &str) -> Result<Vec<NoteId>, StoreError> {
        let (sql, params) = words_sql(plan, words, true);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let found = stmt.query_map(params_from_iter(&params), |r| Ok((r.get::<_, f64>(1)?, r.get::<_, NoteId>(0)?)))?;
        Ok(by_rank(found.collect::<Result<_, _>>()?))
    }

    /// How many notes match (exactly).
    pub fn count(&self, query: &Query) -> Result<u64, StoreError> {
        let plan = plan(&self.conn, query)?;
        if plan.empty {
            return Ok(0);
        }
        let (sql, params) = match &plan.words {
            None => {
                let feed = self.smallest_feed(&plan)?.map(|(f, _)| f);
                newest_sql(&plan, feed)
            }
            Some(words) => match self.words_strategy(&plan, words)? {
                Strategy::FeedNewest(feed) => newest_sql(&plan, Some(feed)),
                Strategy::RankAll | Strategy::Newest => words_sql(&plan, words, false),
            },
        };
        let count_sql = format!("SELECT count(*) FROM ({sql})");
        let count: i64 = self.conn.prepare_cached(&count_sql)?.query_row(params_from_iter(&params), |r| r.get(0))?;
        Ok(count as u64)
    }

    /// One page of results for a query, with the total number of matches.
    pub fn search(&self, query: &Query, limit: usize, offset: usize) -> Result<SearchPage, StoreError> {
        let (ids, order) = self.ordered_ids(query, Some(offset.saturating_add(limit)))?;
        let page: Vec<NoteId> = ids.into_iter().skip(offset).take(limit).collect();
        Ok(SearchPage { total: self.count(query)?, order, results: self.summaries(&page, query)? })
    }

    /// The first `limit` results of a query, fast: no total is counted.
    pub fn first_page(&self, query: &Query, limit: usize) -> Result<FirstPage, StoreError> {
        let (ids, order) = self.ordered_ids(query, Some(limit))?;
        let page: Vec<NoteId> = ids.into_iter().take(limit).collect();
        Ok(FirstPage { order, results: self.summaries(&page, query)? })
    }

    /// Every matching note id, in result order (the GUI's list keeps these and loads rows as
    /// they scroll into view).
    pub fn search_ids(&self, query: &Query) -> Result<Vec<NoteId>, StoreError> {
        Ok(self.ordered_ids(query, None)?.0)
    }

    /// Result rows for these notes, in the order given, with snippets around the query's words.
    /// Ids of notes that no longer exist are skipped.
    pub fn summaries(&self, ids: &[NoteId], query: &Query) -> Result<Vec<NoteSummary>, StoreError> {
        let words = snippet::Words::of(query);
        let mut found: HashMap<NoteId, NoteSummary> = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let marks = rows::placeholders(chunk.len());
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT id, title, substr(body, 1, 20000), updated_at FROM note WHERE id IN ({marks})"
            ))?;
            let notes = stmt.query_map(params_from_iter(chunk), |r| {
                Ok((r.get::<_, NoteId>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, rows::timestamp(r, 3)?))
            })?;
            for note in notes {
                let (id, title, body, updated_at) = note?;
                let (snippet, highlights) = words.snippet(&body);
                found.insert(
                    id,
                    NoteSummary { id, title, snippet, highlights, tickers: Vec::new(), tags: Vec::new(), updated_at },
                );
            }
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT DISTINCT nt.note_id, t.symbol FROM note_ticker nt JOIN ticker t ON t.id = nt.ticker_id
                 WHERE nt.note_id IN ({marks}) ORDER BY t.symbol"
            ))?;
            for row in stmt.query_map(params_from_iter(chunk), |r| Ok((r.get::<_, NoteId>(0)?, r.get(1)?)))? {
                let (id, symbol) = row?;
                if let Some(summary) = found.get_mut(&id) {
                    summary.tickers.push(symbol);
                }
            }
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT nt.note_id, t.name FROM note_tag nt JOIN tag t ON t.id = nt.tag_id
                 WHERE nt.note_id IN ({marks}) ORDER BY t.key"
            ))?;
            for row in stmt.query_map(params_from_iter(chunk), |r| Ok((r.get::<_, NoteId>(0)?, r.get(1)?)))? {
                let (id, tag) = row?;
                if let Some(summary) = found.get_mut(&id) {
                    summary.tags.push(tag);
                }
            }
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }
}

/// Best BM25 first (SQLite's rank is lower for better matches); ties newest first.
fn by_rank(mut scored: Vec<(f64, NoteId)>) -> Vec<NoteId> {
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    scored.into_iter().map(|(_, id)| id).collect()
}
