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

/// The best `?2` matching pages by the index alone (BM25, ties by the page's row id, the order
/// pages were stored): ranking reads no table, so a word on a fifth of all pages costs the
/// ranking and nothing else.
const CANDIDATES: &str = "SELECT rowid FROM document_fts WHERE document_fts MATCH ?1 ORDER BY rank, rowid LIMIT ?2";

/// A candidate page's rows: one per source holding its document (none for a document attached to
/// a note only), with the source's title, else the document's file name, else its address.
const PAGE_ROWS: &str = "SELECT s.id, coalesce(s.title, d.file_name, s.url), p.page
     FROM document_page p JOIN document d ON d.id = p.document_id JOIN source s ON s.document_id = p.document_id
     WHERE p.id = ?1 ORDER BY s.id";

/// How many (page, source) rows match: each match's document found through the narrow
/// `document_page_owner` index rather than the page rows, which hold the text (issue 17: 45 ms
/// of 65 went to those reads on a word on 20,000 pages).
const COUNT: &str = "SELECT count(*) FROM document_fts f
         JOIN document_page p INDEXED BY document_page_owner ON p.id = f.rowid
         JOIN source s ON s.document_id = p.document_id
     WHERE document_fts MATCH ?1";

/// Schema version 16: the index that maps a page to its document without reading its text.
pub(super) fn migrate_v16(tx: &rusqlite::Transaction) -> Result<(), StoreError> {
    tx.execute_batch("CREATE INDEX document_page_owner ON document_page(id, document_id);")?;
    Ok(())
}

/// A matching page as a source lists it: source, title, page, the page's row id.
type Row = (i64, String, u32, i64);

impl Store {
    /// The pages of stored documents that match `query`, best first (at most `limit`), and how
    /// many match in all.
    pub fn find_in_documents(&self, query: &Query, limit: usize) -> Result<DocumentHits, StoreError> {
        let expr = fts_expression(query)?;
        // One read snapshot: the rows, their snippets and the total agree with each other.
        let snapshot = self.conn.unchecked_transaction()?;
        let rows = self.ranked_rows(&expr, limit)?;
        let mut snippet = self.conn.prepare_cached(
            "SELECT snippet(document_fts, 0, '', '', '…', 16) FROM document_fts
             WHERE document_fts MATCH ?1 AND rowid = ?2",
        )?;
        let results = rows
            .into_iter()
            .map(|(source_id, title, page, page_id)| {
                let snippet: String = snippet.query_row(params![expr, page_id], |r| r.get(0))?;
                Ok(DocumentHit { source_id, title, page, snippet })
            })
            .collect::<Result<_, StoreError>>()?;
        let total = self.count_document_hits(&expr)?;
        drop(snapshot);
        Ok(DocumentHits { results, total })
    }

    /// Matching pages `offset..offset + limit` in the order of [`Store::find_in_documents`]
    /// (best match first), and how many match in all when `with_total`. The ranking reads only
    /// the index; the page texts are read for the rows returned.
    pub fn document_hits(
        &self,
        query: &Query,
        offset: usize,
        limit: usize,
        with_total: bool,
    ) -> Result<(Vec<PageHit>, Option<u64>), StoreError> {
        let expr = fts_expression(query)?;
        let snapshot = self.conn.unchecked_transaction()?;
        let rows = self.ranked_rows(&expr, offset.saturating_add(limit))?;
        let total = if with_total { Some(self.count_document_hits(&expr)?) } else { None };
        let words = Words::of(query);
        let mut text = self.conn.prepare_cached("SELECT text FROM document_page WHERE id = ?1")?;
        let hits = rows
            .into_iter()
            .skip(offset)
            .map(|(source_id, title, page, page_id)| {
                let body: String = text.query_row([page_id], |r| r.get(0))?;
                let (snippet, highlights) = words.snippet(&body);
                Ok(PageHit { source_id, title, page, snippet, highlights })
            })
            .collect::<Result<_, StoreError>>()?;
        drop(snapshot);
        Ok((hits, total))
    }

    /// The first `wanted` matching rows, best first. The index ranks candidate pages; each is
    /// then looked up for its sources. Pages of documents attached only to notes have none, so
    /// when they leave too few rows, four times as many candidates are ranked (every match is
    /// ranked again each round), until the matches run out.
    fn ranked_rows(&self, expr: &str, wanted: usize) -> Result<Vec<Row>, StoreError> {
        let mut candidates_wanted = wanted.max(1);
        loop {
            let candidates: Vec<i64> = self
                .conn
                .prepare_cached(CANDIDATES)?
                .query_map(params![expr, candidates_wanted as i64], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            // `wanted` may be any number a user typed (`--limit`): nothing is reserved from it.
            let mut rows = Vec::new();
            let mut of_page = self.conn.prepare_cached(PAGE_ROWS)?;
            for &page_id in &candidates {
                let found = of_page.query_map([page_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, page_id)))?;
                for row in found {
                    rows.push(row?);
                }
                if rows.len() >= wanted {
                    rows.truncate(wanted);
                    return Ok(rows);
                }
            }
            if candidates.len() < candidates_wanted {
                return Ok(rows);
            }
            candidates_wanted = candidates_wanted.saturating_mul(4);
        }
    }

    /// How many (page, source) rows match `query`: the total `find_in_documents` gives.
    pub fn document_total(&self, query: &Query) -> Result<u64, StoreError> {
        self.count_document_hits(&fts_expression(query)?)
    }

    fn count_document_hits(&self, expr: &str) -> Result<u64, StoreError> {
        Ok(self.conn.prepare_cached(COUNT)?.query_row([expr], |r| r.get(0))?)
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

    #[test]
    fn pages_of_documents_attached_only_to_notes_are_passed_over_however_well_they_rank() {
        let mut store = Store::open_in_memory().unwrap();
        let note = store.create_note(&crate::model::NoteDraft { title: "n".into(), ..Default::default() }).unwrap();
        let mut batch = store.batch().unwrap();
        // Ten attached pages that rank first ("margin" three times on a short page)...
        for i in 0..10 {
            let name = format!("attached-{i}.txt");
            let pages = ["margin margin margin"];
            let text = crate::model::DocumentText {
                pages: pages.iter().map(|p| (*p).to_owned()).collect(),
                page_count: 1,
                ..Default::default()
            };
            let doc = crate::store::NewDocument {
                bytes: name.as_bytes(),
                media_type: crate::model::MediaType::Text,
                file_name: Some(&name),
                title: None,
                text: &text,
                status: &crate::model::TextStatus::Text,
            };
            batch.attach(note, &name, &doc).unwrap();
        }
        batch.commit().unwrap();
        // ...and three sources' pages below them.
        let a = add(&mut store, "a.txt", &["The margin of safety is wide, said the long report today.", "Margin."]);
        let b = add(&mut store, "b.txt", &["A margin call came late in a long and quiet trading day."]);
        let query = crate::query::parse("margin").unwrap();
        let (first, total) = store.document_hits(&query, 0, 2, true).unwrap();
        assert_eq!(total, Some(3), "attached pages are not counted");
        let (rest, _) = store.document_hits(&query, 2, 5, false).unwrap();
        let mut pages: Vec<(i64, u32)> = first.iter().chain(&rest).map(|h| (h.source_id, h.page)).collect();
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0], (a, 2), "the shortest page ranks first");
        pages.sort_unstable();
        assert_eq!(pages, [(a, 1), (a, 2), (b, 1)]);
        let cli = store.find_in_documents(&query, usize::MAX).unwrap();
        assert_eq!(cli.total, 3, "any limit a user types is taken");
        assert_eq!(cli.results.len(), 3);
        assert!(cli.results.iter().all(|h| h.snippet.to_lowercase().contains("margin")));
    }
}
