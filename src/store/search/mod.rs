//! Runs a parsed [`Query`] the way both front ends show it: a first page read by an index walk
//! that stops at the page, later pages by keyset (a seek below the last row shown, never an
//! offset), and the total apart from the pages, so a page never waits for a count.
//!
//! Newest first means by last update to the second, then by note id: the notes' order key (see
//! [`super::order`]), which is also the full-text index's rowid and the feeds' sort column. So:
//! - words with at most [`FEW_MATCHES`] matches: every match is ranked by relevance (BM25);
//! - other words: FTS5 walks the words' posting lists from the highest key down and stops at the
//!   page, every other term checked per match; when the query also names a ticker or tag, the
//!   feed's walk (words checked per note) runs alongside and whichever fills the page first
//!   answers (see [`walks`]), so a rare ticker with a common word costs what the ticker costs;
//! - no words: the smallest feed, or the notes' own index by key, walked down the same way; with
//!   no feed either, a property term matching few index rows reads its notes from the property
//!   index and sorts them by key ([`Store::property_walk`]);
//! - `after:`/`before:` are a key range of whichever walk runs.
//!
//! Totals: [`Store::known_total`] answers at once where the count is kept (a ticker's or tag's
//! counter, a single word's document count in the full-text vocabulary); otherwise
//! [`Store::count_until`] counts with a say in when to stop, and [`Store::count`] counts all.
//! A running search can be stopped from another thread with a [`SearchInterrupt`].
//!
//! A prefix (`infer*`) is spelled out as the indexed words it completes to (see
//! [`super::prefixes::Prefixes::terms`]): FTS5's own prefix query would merge every completion's
//! posting list before yielding its first row.

mod plan;
mod sql;
mod summaries;
mod walks;

use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use rusqlite::{OptionalExtension, params_from_iter};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError, order};
use crate::model::{NoteId, NoteSummary};
use crate::query::Query;
pub(super) use plan::fts_quote;
use plan::{Feed, Plan};
use sql::{Range, Walk};

/// Words with at most this many matches are all ranked by relevance, whatever else the query
/// asks; above it, matches are listed newest first (see the module documentation).
const FEW_MATCHES: usize = 2_000;

/// A property term matching at most this many index rows is walked from the property index (see
/// `Store::property_walk`).
const FEW_PROPERTY_ROWS: i64 = 20_000;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchOrder {
    /// Best full-text match first (the query's words match few notes).
    Relevance,
    /// Most recently updated first (to the second, then by note id).
    Newest,
}

/// Where the next page of a search starts (opaque: hand it back to [`Store::page`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor(Position);

#[derive(Debug, Clone, PartialEq)]
enum Position {
    /// Below this order key (the last note shown) in newest-first order.
    After(i64),
    /// After this many results ranked by relevance (there are at most [`FEW_MATCHES`]).
    Ranked(usize),
}

/// One page of results, and where the next one starts (`None`: this is the last).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub order: SearchOrder,
    pub results: Vec<NoteSummary>,
    pub next: Option<Cursor>,
}

/// How many notes a search matches, as far as it was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Total {
    Exact(u64),
    /// Counting stopped here; there may be more.
    AtLeast(u64),
}

impl Total {
    /// The number counted (exact or a lower bound).
    pub fn value(self) -> u64 {
        match self {
            Total::Exact(n) | Total::AtLeast(n) => n,
        }
    }

    pub fn is_exact(self) -> bool {
        matches!(self, Total::Exact(_))
    }
}

/// One page of results with the exact number of matches (tests and tools; the front ends
/// use [`Store::page`] and count apart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    pub total: u64,
    pub order: SearchOrder,
    pub results: Vec<NoteSummary>,
}

/// Stops whatever the store it came from is running (from another thread): the search or count
/// fails with [`StoreError::Interrupted`]. Nothing is stopped when it is idle.
pub struct SearchInterrupt(rusqlite::InterruptHandle);

impl SearchInterrupt {
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

impl Store {
    /// Stops this store's running search or count from another thread.
    pub fn interrupt_handle(&self) -> SearchInterrupt {
        SearchInterrupt(self.conn.get_interrupt_handle())
    }

    fn plan(&self, query: &Query) -> Result<Plan, StoreError> {
        plan::plan(&self.conn, &self.prefixes, query)
    }

    /// How many live notes a feed has (kept by triggers, read at once).
    fn feed_size(&self, feed: Feed) -> Result<u64, StoreError> {
        let sql = match feed {
            Feed::Ticker(_) => "SELECT notes FROM ticker_count WHERE ticker_id = ?1",
            Feed::Tag(_) => "SELECT notes FROM tag_count WHERE tag_id = ?1",
        };
        let (_, _, key) = feed.table();
        let count: Option<i64> = self.conn.prepare_cached(sql)?.query_row([key], |r| r.get(0)).optional()?;
        Ok(count.unwrap_or(0).max(0) as u64)
    }

    /// The walks that can list the plan's matches newest first (raced when there are two): the
    /// words' own walk and the smallest feed's, or without words the smallest feed or the notes.
    fn walks(&self, plan: &Plan) -> Result<Vec<Walk>, StoreError> {
        let mut smallest: Option<(Feed, u64)> = None;
        for &feed in &plan.feeds {
            let size = self.feed_size(feed)?;
            if smallest.is_none_or(|(_, s)| size < s) {
                smallest = Some((feed, size));
            }
        }
        let feed = smallest.map(|(feed, _)| Walk::Feed(feed));
        Ok(match (&plan.words, feed) {
            // A property few notes have races the words as a feed would.
            (Some(_), None) => std::iter::once(Walk::Words).chain(self.property_walk(plan)?).collect(),
            (Some(_), feed) => std::iter::once(Walk::Words).chain(feed).collect(),
            (None, Some(feed)) => vec![feed],
            (None, None) => vec![self.property_walk(plan)?.unwrap_or(Walk::Notes)],
        })
    }

    /// The walk over the property index for the plan's property term that matches fewest rows,
    /// when one matches at most [`FEW_PROPERTY_ROWS`]: its notes are read and sorted by key. A
    /// property most notes have is better checked along the notes' own walk, which fills a page
    /// at once.
    fn property_walk(&self, plan: &Plan) -> Result<Option<Walk>, StoreError> {
        let mut best: Option<(usize, i64)> = None;
        for (at, property) in plan.properties.iter().enumerate() {
            let rows = super::properties::rows_up_to(
                &self.conn,
                &property.condition,
                &property.params,
                FEW_PROPERTY_ROWS + 1,
            )?;
            if rows <= FEW_PROPERTY_ROWS && best.is_none_or(|(_, fewest)| rows < fewest) {
                best = Some((at, rows));
            }
        }
        Ok(best.map(|(at, _)| Walk::Property(at)))
    }

    /// Whether the plan's words match so few notes that they are ranked by relevance (FTS5 reads
    /// at most [`FEW_MATCHES`] + 1 of them to tell).
    fn is_ranked(&self, plan: &Plan) -> Result<bool, StoreError> {
        let Some(words) = &plan.words else { return Ok(false) };
        let found: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM (SELECT 1 FROM note_fts WHERE note_fts MATCH ?1 LIMIT ?2)")?
            .query_row(rusqlite::params![words, FEW_MATCHES as i64 + 1], |r| r.get(0))?;
        Ok(found as usize <= FEW_MATCHES)
    }

    /// Every word match, best first (ties newest first), as order keys.
    fn rank_all(&self, plan: &Plan) -> Result<Vec<i64>, StoreError> {
        let (sql, params) = sql::ranked(plan);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let found = stmt.query_map(params_from_iter(&params), |r| Ok((r.get::<_, f64>(1)?, r.get::<_, i64>(0)?)))?;
        let mut scored: Vec<(f64, i64)> = found.collect::<Result<_, _>>()?;
        scored.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
        Ok(scored.into_iter().map(|(_, key)| key).collect())
    }

    /// The ids of one page and where the next starts.
    fn page_ids(
        &self,
        query: &Query,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<(Vec<NoteId>, SearchOrder, Option<Cursor>), StoreError> {
        let plan = self.plan(query)?;
        if plan.empty {
            return Ok((Vec::new(), SearchOrder::Newest, None));
        }
        let position = after.map(|c| &c.0);
        let ranked = match position {
            Some(Position::Ranked(_)) => true,
            // The matches grew past ranking since the first page, or not: carry on newest first.
            Some(Position::After(_)) => false,
            None => self.is_ranked(&plan)?,
        };
        if ranked {
            let skip = match position {
                Some(Position::Ranked(n)) => *n,
                _ => 0,
            };
            let keys = self.rank_all(&plan)?;
            let ids = keys.iter().skip(skip).take(limit).map(|k| order::note_of(*k)).collect();
            let next = (keys.len() > skip + limit).then(|| Cursor(Position::Ranked(skip + limit)));
            return Ok((ids, SearchOrder::Relevance, next));
        }
        let below = match position {
            Some(Position::After(key)) => Some(*key),
            _ => None,
        };
        let mut keys = self.newest(&plan, Range::of(&plan, below), Some(limit + 1))?;
        let more = keys.len() > limit;
        keys.truncate(limit);
        let next = if more { keys.last().map(|k| Cursor(Position::After(*k))) } else { None };
        Ok((keys.into_iter().map(order::note_of).collect(), SearchOrder::Newest, next))
    }

    /// One page of results: the first when `after` is `None`, else the page after that cursor.
    /// Reads at most about one page of matches, whatever their number (see the module
    /// documentation); never counts them.
    pub fn page(&self, query: &Query, after: Option<&Cursor>, limit: usize) -> Result<Page, StoreError> {
        let (ids, order, next) = self.page_ids(query, after, limit)?;
        Ok(Page { order, results: self.summaries(&ids, query)?, next })
    }

    /// The number of matches when it is kept by triggers: nothing can match, or a single ticker
    /// or tag (its counter). Read at once; `None` otherwise.
    pub fn kept_total(&self, query: &Query) -> Result<Option<u64>, StoreError> {
        let plan = self.plan(query)?;
        if plan.empty {
            return Ok(Some(0));
        }
        match (&plan.words, plan.feeds.as_slice()) {
            (None, [feed]) if Self::plain(&plan) => Ok(Some(self.feed_size(*feed)?)),
            _ => Ok(None),
        }
    }

    /// Whether only the words and feeds decide (live notes, no range, no other terms).
    fn plain(plan: &Plan) -> bool {
        plan.base == plan::Base::Live && plan.after.is_none() && plan.before.is_none() && plan.filters.is_empty()
    }

    /// The number of matches when it need not be counted note by note: [`Self::kept_total`], or
    /// for a single plain word its document count in the full-text vocabulary, less its matches
    /// in the trash (FTS5 reads the word's document list for it: about 50 ms for a word in most
    /// of a million notes). `None` when it would have to be counted.
    pub fn known_total(&self, query: &Query) -> Result<Option<u64>, StoreError> {
        if let Some(total) = self.kept_total(query)? {
            return Ok(Some(total));
        }
        let plan = self.plan(query)?;
        let (Some(words), Some(term), []) = (&plan.words, &plan.lone_word, plan.feeds.as_slice()) else {
            return Ok(None);
        };
        if !Self::plain(&plan) {
            return Ok(None);
        }
        let in_index: Option<i64> = self
            .conn
            .prepare_cached("SELECT doc FROM temp.note_vocab WHERE term = ?1")?
            .query_row([term], |r| r.get(0))
            .optional()?;
        let trashed: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM note n INDEXED BY note_trash_by_order WHERE n.deleted_at IS NOT NULL
                 AND EXISTS (SELECT 1 FROM note_fts WHERE note_fts MATCH ?1 AND rowid = n.ord)",
            )?
            .query_row([words], |r| r.get(0))?;
        Ok(Some(in_index.unwrap_or(0).saturating_sub(trashed).max(0) as u64))
    }

    /// Counts the matches, calling `keep_going` with the count so far (a lower bound: the
    /// matches found so far) every few hundred rows; when it returns false, counting stops and
    /// that count is the total's lower bound. A kept total ([`Self::kept_total`]) is returned
    /// at once.
    pub fn count_until(&self, query: &Query, keep_going: impl FnMut(u64) -> bool) -> Result<Total, StoreError> {
        if let Some(total) = self.kept_total(query)? {
            return Ok(Total::Exact(total));
        }
        if query.is_empty() {
            // Every live note: one count over the live notes' index (tens of milliseconds at a
            // million), faster than stepping through them.
            return Ok(Total::Exact(self.note_counts()?.0));
        }
        let plan = self.plan(query)?;
        self.count_walks(&plan, keep_going)
    }

    /// Counts the matches for at most about `budget`: exact if that was enough, else the count
    /// so far as a lower bound. SQLite itself is stopped at the deadline by a timer thread (a
    /// step of a walk can take long between two calls back).
    pub fn count_within(&self, query: &Query, budget: Duration) -> Result<Total, StoreError> {
        let deadline = Instant::now() + budget;
        let stop = self.interrupt_handle();
        let (done, finished) = mpsc::channel::<()>();
        let timer = std::thread::spawn(move || {
            if finished.recv_timeout(budget) == Err(RecvTimeoutError::Timeout) {
                stop.interrupt();
            }
        });
        let mut counted = 0;
        let result = self.count_until(query, |n| {
            counted = n;
            Instant::now() < deadline
        });
        drop(done);
        // The timer only waits on the channel, which is closed now: it ends at once.
        let _ = timer.join();
        match result {
            Err(StoreError::Interrupted) => Ok(Total::AtLeast(counted)),
            other => other,
        }
    }

    /// How many notes match (exactly; at a million notes this can take a second).
    pub fn count(&self, query: &Query) -> Result<u64, StoreError> {
        if let Some(total) = self.known_total(query)? {
            return Ok(total);
        }
        let plan = self.plan(query)?;
        if plan.empty {
            return Ok(0);
        }
        if let [walk] = self.walks(&plan)?.as_slice() {
            let (sql, params) = sql::walk(&plan, *walk, Range::of(&plan, None), sql::Rows::Unsorted);
            let count: i64 = self
                .conn
                .prepare_cached(&format!("SELECT count(*) FROM ({sql})"))?
                .query_row(params_from_iter(&params), |r| r.get(0))?;
            return Ok(count as u64);
        }
        Ok(self.count_walks(&plan, |_| true)?.value())
    }

    /// Every matching note id, in result order (tests and tools; the front ends page).
    pub fn search_ids(&self, query: &Query) -> Result<Vec<NoteId>, StoreError> {
        let plan = self.plan(query)?;
        if plan.empty {
            return Ok(Vec::new());
        }
        let keys = if self.is_ranked(&plan)? {
            self.rank_all(&plan)?
        } else {
            self.newest(&plan, Range::of(&plan, None), None)?
        };
        Ok(keys.into_iter().map(order::note_of).collect())
    }

    /// The results from `offset` (at most `limit`), with the exact number of matches: pages are
    /// walked up to `offset` by cursor (tests and tools; the front ends keep the cursor).
    pub fn search(&self, query: &Query, limit: usize, offset: usize) -> Result<SearchPage, StoreError> {
        let mut cursor = None;
        let mut skipped = 0;
        let mut order = SearchOrder::Newest;
        while skipped < offset {
            let (ids, page_order, next) = self.page_ids(query, cursor.as_ref(), (offset - skipped).min(1_000))?;
            skipped += ids.len();
            order = page_order;
            cursor = next;
            if cursor.is_none() {
                return Ok(SearchPage { total: self.count(query)?, order, results: Vec::new() });
            }
        }
        let (ids, page_order, _) = self.page_ids(query, cursor.as_ref(), limit)?;
        if !ids.is_empty() || offset == 0 {
            order = page_order;
        }
        Ok(SearchPage { total: self.count(query)?, order, results: self.summaries(&ids, query)? })
    }
}
