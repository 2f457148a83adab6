//! Runs a parsed [`Query`]: compiles it to one parameterised SQL statement (the only user text
//! that reaches SQLite does so as bound parameters, and FTS5 words are always quoted) and reads
//! result rows with snippets.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, rows, snippet, tickers};
use crate::model::{NoteId, NoteSummary};
use crate::query::{Query, Term, TermKind};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchOrder {
    /// Best full-text match first (the query has words).
    Relevance,
    /// Most recently updated first.
    Newest,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    pub total: u64,
    pub order: SearchOrder,
    pub results: Vec<NoteSummary>,
}

/// A query compiled to SQL: `SELECT n.id {from} WHERE {filter} ORDER BY {order}`.
struct Compiled {
    from: String,
    filter: String,
    order: &'static str,
    params: Vec<Value>,
    relevance: bool,
}

/// An FTS5 string that matches `text` literally: quoted, inner quotes doubled. FTS5 reads its
/// query as a C string, so a NUL would cut it short ("unterminated string"); notes never hold
/// NUL, so it becomes a space, which separates words as it would in a note.
fn fts_quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\"").replace('\0', " "))
}

fn fts_expression(kind: &TermKind) -> Option<String> {
    match kind {
        TermKind::Word(w) | TermKind::Phrase(w) => Some(fts_quote(w)),
        TermKind::Prefix(p) => Some(format!("{} *", fts_quote(p))),
        _ => None,
    }
}

/// Builds the SQL for a query. Only fixed fragments of SQL are joined here; every value from
/// the query goes into `params`.
fn compile(conn: &Connection, query: &Query) -> Result<Compiled, StoreError> {
    let mut params: Vec<Value> = Vec::new();
    let mut filters: Vec<String> = Vec::new();
    let mut main_fts: Vec<String> = Vec::new();
    let mentions_trash = query.clauses.iter().flat_map(|c| &c.any).any(|t| t.kind == TermKind::Trash && !t.negated);
    if !mentions_trash {
        filters.push("n.deleted_at IS NULL".into());
    }
    let required_tickers: Vec<i64> =
        query.required_tickers().into_iter().filter_map(|s| tickers::resolve(conn, s).ok().flatten()).collect();
    for clause in &query.clauses {
        if clause.any.iter().all(|t| !t.negated && t.kind.is_text()) {
            let parts: Vec<String> = clause.any.iter().filter_map(|t| fts_expression(&t.kind)).collect();
            main_fts.push(if parts.len() == 1 { parts[0].clone() } else { format!("({})", parts.join(" OR ")) });
            continue;
        }
        let mut alternatives = Vec::new();
        for term in &clause.any {
            let predicate = predicate(conn, term, &required_tickers, &mut params)?;
            alternatives.push(if term.negated { format!("NOT ({predicate})") } else { predicate });
        }
        filters.push(format!("({})", alternatives.join(" OR ")));
    }
    let relevance = !main_fts.is_empty();
    let from = if relevance {
        params.insert(0, Value::Text(main_fts.join(" AND ")));
        "FROM note n JOIN (SELECT rowid AS id, rank FROM note_fts WHERE note_fts MATCH ?) f ON f.id = n.id".to_owned()
    } else {
        "FROM note n".to_owned()
    };
    if filters.is_empty() {
        filters.push("1".into());
    }
    Ok(Compiled {
        from,
        filter: filters.join(" AND "),
        order: if relevance { "f.rank, n.updated_at DESC, n.id DESC" } else { "n.updated_at DESC, n.id DESC" },
        params,
        relevance,
    })
}

/// The SQL condition for one term (without its negation), pushing its values onto `params`.
fn predicate(
    conn: &Connection,
    term: &Term,
    required_tickers: &[i64],
    params: &mut Vec<Value>,
) -> Result<String, StoreError> {
    let mut bind = |value: Value| params.push(value);
    Ok(match &term.kind {
        TermKind::Word(_) | TermKind::Prefix(_) | TermKind::Phrase(_) => {
            bind(Value::Text(fts_expression(&term.kind).unwrap_or_default()));
            "n.id IN (SELECT rowid FROM note_fts WHERE note_fts MATCH ?)".into()
        }
        TermKind::Ticker(symbol) => match tickers::resolve(conn, symbol)? {
            Some(id) => {
                bind(Value::Integer(id));
                "n.id IN (SELECT note_id FROM note_ticker WHERE ticker_id = ?)".into()
            }
            None => "0".into(),
        },
        TermKind::Tag(tag) => {
            let key = tag.key();
            bind(Value::Text(key.clone()));
            bind(Value::Text(format!("{key}/")));
            bind(Value::Text(format!("{key}0")));
            "n.id IN (SELECT nt.note_id FROM note_tag nt JOIN tag t ON t.id = nt.tag_id
                      WHERE t.key = ? OR (t.key > ? AND t.key < ?))"
                .into()
        }
        TermKind::Source(text) => {
            bind(Value::Text(text.clone()));
            bind(Value::Text(text.clone()));
            "n.id IN (SELECT ns.note_id FROM note_source ns JOIN source s ON s.id = ns.source_id
                      WHERE instr(s.publisher_key, ?) > 0 OR instr(s.host, ?) > 0)"
                .into()
        }
        TermKind::Claimant(text) => {
            bind(Value::Text(text.clone()));
            "n.id IN (SELECT note_id FROM claim WHERE instr(claimant_key, ?) > 0)".into()
        }
        TermKind::Stance(stance) => {
            bind(Value::Text(stance.as_str().into()));
            if required_tickers.is_empty() {
                "n.id IN (SELECT c.note_id FROM claim c JOIN claim_ticker ct ON ct.claim_id = c.id WHERE ct.stance = ?)"
                    .into()
            } else {
                for id in required_tickers {
                    bind(Value::Integer(*id));
                }
                format!(
                    "n.id IN (SELECT c.note_id FROM claim c JOIN claim_ticker ct ON ct.claim_id = c.id
                              WHERE ct.stance = ? AND ct.ticker_id IN ({}))",
                    rows::placeholders(required_tickers.len())
                )
            }
        }
        TermKind::After(date) => {
            bind(Value::Text(date.to_string()));
            "n.updated_at >= ?".into()
        }
        TermKind::Before(date) => {
            bind(Value::Text(date.to_string()));
            "n.updated_at < ?".into()
        }
        TermKind::Trash => "n.deleted_at IS NOT NULL".into(),
    })
}

impl Store {
    /// One page of results for a query, with the total number of matches.
    pub fn search(&self, query: &Query, limit: usize, offset: usize) -> Result<SearchPage, StoreError> {
        let compiled = compile(&self.conn, query)?;
        let total: u64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) {} WHERE {}", compiled.from, compiled.filter))?
            .query_row(params_from_iter(&compiled.params), |r| r.get(0))?;
        let ids = self.ids(&compiled, Some((limit, offset)))?;
        Ok(SearchPage {
            total,
            order: if compiled.relevance { SearchOrder::Relevance } else { SearchOrder::Newest },
            results: self.summaries(&ids, query)?,
        })
    }

    /// Every matching note id, in result order (the GUI's list keeps these and loads rows as
    /// they scroll into view).
    pub fn search_ids(&self, query: &Query) -> Result<Vec<NoteId>, StoreError> {
        let compiled = compile(&self.conn, query)?;
        self.ids(&compiled, None)
    }

    fn ids(&self, compiled: &Compiled, page: Option<(usize, usize)>) -> Result<Vec<NoteId>, StoreError> {
        let mut params = compiled.params.clone();
        let limit = match page {
            Some((limit, offset)) => {
                params.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
                params.push(Value::Integer(offset.min(i64::MAX as usize) as i64));
                " LIMIT ? OFFSET ?"
            }
            None => "",
        };
        let sql = format!("SELECT n.id {} WHERE {} ORDER BY {}{limit}", compiled.from, compiled.filter, compiled.order);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt.query_map(params_from_iter(&params), |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
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
