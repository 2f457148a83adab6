//! "Find in sources" on the search lane: a query's first page of matching document pages, and
//! the later pages as the list scrolls. The total comes with the first page when that page
//! holds every match; otherwise it is counted next (`Request::CountInSources`), so the first
//! page is shown without waiting for the count. Running on the search lane, a source search and
//! its count are stopped by the next keystroke as a notes' search is
//! ([`super::Worker::interrupt_search`]).

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{FIRST_PAGE, NEXT_PAGE};
use crate::query::{self, Query};
use crate::store::{PageHit, Store};

/// A source search's first page.
pub struct SourcesFound {
    pub query: Arc<Query>,
    pub hits: Vec<PageHit>,
    /// How many pages match in all, when the first page holds them all (else counted next).
    pub total: Option<u64>,
    pub took: Duration,
}

/// The first page of the pages matching `text`, with their total when it holds them all.
pub(super) fn find(store: &Store, text: &str) -> Result<SourcesFound, String> {
    let started = Instant::now();
    let query = query::parse(text).map_err(|e| e.to_string())?;
    if query.clauses.is_empty() {
        // An empty box lists nothing (and says how to search), rather than an error.
        return Ok(SourcesFound { query: Arc::new(query), hits: Vec::new(), total: Some(0), took: started.elapsed() });
    }
    let (hits, _) = store.document_hits(&query, 0, FIRST_PAGE, false).map_err(|e| e.to_string())?;
    let total = (hits.len() < FIRST_PAGE).then_some(hits.len() as u64);
    Ok(SourcesFound { query: Arc::new(query), hits, total, took: started.elapsed() })
}

/// The matching pages after the first `offset`.
pub(super) fn more(store: &Store, query: &Query, offset: usize) -> Result<Vec<PageHit>, String> {
    store.document_hits(query, offset, NEXT_PAGE, false).map(|(hits, _)| hits).map_err(|e| e.to_string())
}
