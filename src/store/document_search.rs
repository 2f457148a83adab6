//! `jevons source find`: the search language's words, phrases, prefixes, `OR` and `-` run over
//! the documents' pages (`document_fts`), best match first, one result per page of each source
//! holding a matching document. Operators that concern notes (`$NVDA`, `#tag`, `is:`…) are
//! refused with a message, never silently ignored.

use rusqlite::params;
use serde::Serialize;

use super::search::fts_quote;
use super::{Store, StoreError};
use crate::query::{Query, QueryError, Term, TermKind};

/// A page of a source's document that matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentHit {
    pub source_id: i64,
    /// The source's title, else its document's file name, else its address.
    pub title: String,
    pub page: u32,
    /// The words around the match, plain text.
    pub snippet: String,
}

/// A page of hits and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentHits {
    pub results: Vec<DocumentHit>,
    pub total: u64,
}

fn expression(kind: &TermKind) -> Option<String> {
    match kind {
        TermKind::Word(w) | TermKind::Phrase(w) => Some(fts_quote(w)),
        TermKind::Prefix(p) => Some(format!("{} *", fts_quote(p))),
        _ => None,
    }
}

fn not_text(term: &Term) -> QueryError {
    let shown = match &term.kind {
        TermKind::Ticker(s) => format!("${s}"),
        TermKind::Tag(t) => format!("#{t}"),
        _ => "that operator".to_owned(),
    };
    QueryError(format!("source find searches only the documents' words; {shown} is for notes (`jevons search`)"))
}

/// The FTS5 expression for `query`: its word clauses ANDed, each negated word taken away.
fn fts_expression(query: &Query) -> Result<String, QueryError> {
    let mut positive = Vec::new();
    let mut negative = Vec::new();
    for clause in &query.clauses {
        let mut parts = Vec::new();
        for term in &clause.any {
            parts.push(expression(&term.kind).ok_or_else(|| not_text(term))?);
        }
        match clause.any.as_slice() {
            [term] if term.negated => negative.push(parts.remove(0)),
            terms if terms.iter().all(|t| !t.negated) => positive.push(format!("({})", parts.join(" OR "))),
            _ => return Err(QueryError("-word cannot be one of several words joined by OR here".to_owned())),
        }
    }
    if positive.is_empty() {
        return Err(QueryError("give at least one word to find (a query of -words alone finds nothing)".to_owned()));
    }
    let mut expr = positive.join(" AND ");
    for not in negative {
        expr = format!("({expr}) NOT {not}");
    }
    Ok(expr)
}

impl Store {
    /// The pages of stored documents that match `query`, best first (at most `limit`), and how
    /// many match in all.
    pub fn find_in_documents(&self, query: &Query, limit: usize) -> Result<DocumentHits, StoreError> {
        let expr = fts_expression(query)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, coalesce(s.title, d.file_name, s.url), p.page,
                    snippet(document_fts, 0, '', '', '…', 16)
             FROM document_fts f JOIN document_page p ON p.id = f.rowid
                 JOIN document d ON d.id = p.document_id JOIN source s ON s.document_id = p.document_id
             WHERE document_fts MATCH ?1 ORDER BY f.rank, s.id, p.page LIMIT ?2",
        )?;
        let results = stmt
            .query_map(params![expr, limit as i64], |r| {
                Ok(DocumentHit { source_id: r.get(0)?, title: r.get(1)?, page: r.get(2)?, snippet: r.get(3)? })
            })?
            .collect::<Result<_, _>>()?;
        let total = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM document_fts f JOIN document_page p ON p.id = f.rowid
                 JOIN source s ON s.document_id = p.document_id
             WHERE document_fts MATCH ?1",
            )?
            .query_row([&expr], |r| r.get(0))?;
        Ok(DocumentHits { results, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(text: &str) -> Result<String, QueryError> {
        fts_expression(&crate::query::parse(text).unwrap())
    }

    #[test]
    fn the_search_language_becomes_one_fts5_expression() {
        assert_eq!(expr("revenue \"gross margin\"").unwrap(), "(\"revenue\") AND (\"gross margin\")");
        assert_eq!(expr("infer* OR gpu -china").unwrap(), "((\"infer\" * OR \"gpu\")) NOT \"china\"");
        assert_eq!(expr("a AND b").unwrap(), "(\"a\") AND (\"b\")");
        assert!(expr("-china").is_err());
        assert!(expr("$NVDA revenue").unwrap_err().0.contains("$NVDA is for notes"));
        assert!(expr("is:trash x").is_err());
    }
}
