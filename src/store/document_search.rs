//! `jevons source find`: the search language's words, phrases, prefixes, `OR` and `-` run over
//! the documents' pages (`document_fts`), best match first, one result per page of each source
//! holding a matching document. Operators that concern notes (`$NVDA`, `#tag`, `is:`…) are
//! refused with a message, never silently ignored.

use std::ops::Range;

use rusqlite::params;
use serde::Serialize;

use super::search::fts_quote;
use super::snippet::Words;
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

/// A matching page as the window lists it: its snippet is cut from the page's text around the
/// first match, with the matched words marked (as the notes' results are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageHit {
    pub source_id: i64,
    /// The source's title, else its document's file name, else its address.
    pub title: String,
    pub page: u32,
    pub snippet: String,
    /// Byte ranges in `snippet` of the words the query matched.
    pub highlights: Vec<Range<usize>>,
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
    QueryError(format!("a search in sources finds the documents' words only; {shown} is for notes"))
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

/// Matching pages best first, as [`Store::find_in_documents`] orders them: source, title, page,
/// the page's row id, and the number of matches in all (`HITS_WITH_TOTAL`) or null (`HITS`).
const HITS_WITH_TOTAL: &str = "SELECT s.id, coalesce(s.title, d.file_name, s.url), p.page, p.id, count(*) OVER ()
     FROM document_fts f JOIN document_page p ON p.id = f.rowid
         JOIN document d ON d.id = p.document_id JOIN source s ON s.document_id = p.document_id
     WHERE document_fts MATCH ?1 ORDER BY f.rank, s.id, p.page LIMIT ?2 OFFSET ?3";
const HITS: &str = "SELECT s.id, coalesce(s.title, d.file_name, s.url), p.page, p.id, NULL
     FROM document_fts f JOIN document_page p ON p.id = f.rowid
         JOIN document d ON d.id = p.document_id JOIN source s ON s.document_id = p.document_id
     WHERE document_fts MATCH ?1 ORDER BY f.rank, s.id, p.page LIMIT ?2 OFFSET ?3";

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
        let total = self.count_document_hits(&expr)?;
        Ok(DocumentHits { results, total })
    }

    /// Matching pages `offset..offset + limit` in the order of [`Store::find_in_documents`]
    /// (best match first), and how many match in all when `with_total` (counted in the same pass
    /// over the matches). The ranking reads only ids; the page texts are read for the rows
    /// returned.
    pub fn document_hits(
        &self,
        query: &Query,
        offset: usize,
        limit: usize,
        with_total: bool,
    ) -> Result<(Vec<PageHit>, Option<u64>), StoreError> {
        let expr = fts_expression(query)?;
        // The total is a window over the same matches (no second pass), when asked for.
        let sql = if with_total { HITS_WITH_TOTAL } else { HITS };
        let mut total = with_total.then_some(0);
        let mut rows = Vec::new();
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut found = stmt.query(params![expr, limit as i64, offset as i64])?;
        while let Some(r) = found.next()? {
            let row: (i64, String, u32, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            if let Some(n) = r.get::<_, Option<u64>>(4)? {
                total = Some(n);
            }
            rows.push(row);
        }
        drop(found);
        if with_total && rows.is_empty() && offset > 0 {
            // Past the end the window function sees no row: count on their own.
            total = Some(self.count_document_hits(&expr)?);
        }
        let words = Words::of(query);
        let mut text = self.conn.prepare_cached("SELECT text FROM document_page WHERE id = ?1")?;
        let hits = rows
            .into_iter()
            .map(|(source_id, title, page, page_id)| {
                let body: String = text.query_row([page_id], |r| r.get(0))?;
                let (snippet, highlights) = words.snippet(&body);
                Ok(PageHit { source_id, title, page, snippet, highlights })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok((hits, total))
    }

    fn count_document_hits(&self, expr: &str) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM document_fts f JOIN document_page p ON p.id = f.rowid
                 JOIN source s ON s.document_id = p.document_id
             WHERE document_fts MATCH ?1",
            )?
            .query_row([expr], |r| r.get(0))?)
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

    fn add(store: &mut Store, name: &str, pages: &[&str]) -> i64 {
        let text = crate::model::DocumentText {
            pages: pages.iter().map(|p| (*p).to_owned()).collect(),
            page_count: pages.len(),
            ..Default::default()
        };
        let doc = crate::store::NewDocument {
            bytes: name.as_bytes(),
            media_type: crate::model::MediaType::Text,
            file_name: Some(name),
            title: None,
            text: &text,
            status: &crate::model::TextStatus::Text,
        };
        store.add_document(None, &doc).unwrap().source_id
    }

    #[test]
    fn pages_of_hits_come_in_the_command_line_order_with_the_words_marked() {
        let mut store = Store::open_in_memory().unwrap();
        let a = add(&mut store, "a.txt", &["Nothing here.", "Gross margin fell; margin guidance cut.", "Margin."]);
        let b = add(&mut store, "b.txt", &["The margin of safety is wide."]);
        let query = crate::query::parse("margin").unwrap();
        let cli = store.find_in_documents(&query, 10).unwrap();
        let (first, total) = store.document_hits(&query, 0, 2, true).unwrap();
        assert_eq!(total, Some(3));
        let (rest, none) = store.document_hits(&query, 2, 2, false).unwrap();
        assert_eq!(none, None);
        let pages: Vec<(i64, u32)> = first.iter().chain(&rest).map(|h| (h.source_id, h.page)).collect();
        let expected: Vec<(i64, u32)> = cli.results.iter().map(|h| (h.source_id, h.page)).collect();
        assert_eq!(pages, expected, "the window lists what `source find` prints, in its order");
        assert!(pages.contains(&(a, 2)) && pages.contains(&(b, 1)));
        let hit = first.iter().chain(&rest).find(|h| h.source_id == a && h.page == 2).unwrap();
        let marked: Vec<&str> = hit.highlights.iter().map(|r| &hit.snippet[r.clone()]).collect();
        assert_eq!(marked, ["margin", "margin"]);
        let (past, total) = store.document_hits(&query, 5, 2, true).unwrap();
        assert!(past.is_empty());
        assert_eq!(total, Some(3), "past the end the total is still told");
        assert!(store.document_hits(&crate::query::parse("#ai margin").unwrap(), 0, 2, true).is_err());
    }
}
