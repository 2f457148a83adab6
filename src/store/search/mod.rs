//! Runs a parsed [`Query`] the way both front ends show it: a first page read by an index walk
//! that stops at the page, later pages by keyset (a seek after the last row shown, never an
//! offset), and the total apart from the pages, so a page never waits for a count.
//!
//! Newest first always means by last update, `(updated_at, id)` descending. How a page is read
//! ([`Strategy`]) depends on how many notes the words match:
//! - without words, the smallest matching feed (a ticker's or tag's notes by last update, see
//!   [`super::feeds`]) or the live notes' `(updated_at, id)` index is walked newest first, every
//!   other term checked per note, stopping at the page;
//! - words with at most [`FEW_MATCHES`] matches: every match is ranked by relevance (BM25);
//! - more matches and a feed no larger than them: that feed is walked, the words checked per note;
//! - fewer than [`WALK_FROM`] matches: every match's id is read from the full-text index, then
//!   the notes' `(updated_at, id)` index is walked newest first keeping those ids (a walk of at
//!   most `50 × notes / matches` index entries, a few milliseconds at a million notes); with
//!   other terms than words, every match is read and the newest kept instead;
//! - more: the notes' index (or the feed) is walked newest first and each note checked against
//!   the words; a word in most notes finds its page after a few dozen checks.
//!
//! Totals: [`Store::known_total`] answers at once where the count is kept (a ticker's or tag's
//! counter, a single word's document count in the full-text vocabulary); otherwise
//! [`Store::count_until`] counts with a say in when to stop, and [`Store::count`] counts all.
//! A running search can be stopped from another thread with a [`SearchInterrupt`].
//!
//! A prefix (`infer*`) is spelled out as the indexed words it completes to (see
//! [`super::prefixes::Prefixes::terms`]), so that checking one note against it stays cheap.

mod plan;
mod sql;
mod summaries;

use std::collections::HashSet;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError};
use crate::model::{NoteId, NoteSummary};
use crate::query::Query;
use plan::{Feed, Plan};
use sql::{Key, Sorted, Words};

/// Words with at most this many matches are all ranked by relevance, whatever else the query
/// asks; above it, matches are listed newest first (see the module documentation).
const FEW_MATCHES: usize = 2_000;
/// Words with at least this many matches are checked note by note along a newest-first walk;
/// below it, all their matches are read and sorted (see the module documentation).
const WALK_FROM: usize = 20_000;
/// A count calls back after every this many rows.
const COUNT_STEP: u64 = 4_096;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchOrder {
    /// Best full-text match first (the query's words match few notes).
    Relevance,
    /// Most recently updated first.
    Newest,
}

/// Where the next page of a search starts (opaque: hand it back to [`Store::page`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor(Position);

#[derive(Debug, Clone, PartialEq)]
enum Position {
    /// After this note in newest-first order.
    After(Key),
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

/// How a query's matches are read (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Strategy {
    /// A term names nothing that exists: no matches.
    Nothing,
    /// Few word matches: rank every one by relevance.
    RankAll,
    /// Walk this feed newest first, checking the rest per note.
    FeedWalk(Feed),
    /// Walk the notes' own index newest first, checking every term per note.
    NoteWalk,
    /// Read every word match and keep the newest.
    Collect,
    /// Read every word match's id, then walk the notes newest first keeping those.
    WalkSet,
}

impl Strategy {
    fn order(self) -> SearchOrder {
        if self == Strategy::RankAll { SearchOrder::Relevance } else { SearchOrder::Newest }
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

    /// The plan's smallest feed and its size.
    fn smallest_feed(&self, plan: &Plan) -> Result<Option<(Feed, u64)>, StoreError> {
        let mut best: Option<(Feed, u64)> = None;
        for &feed in &plan.feeds {
            let size = self.feed_size(feed)?;
            if best.is_none_or(|(_, s)| size < s) {
                best = Some((feed, size));
            }
        }
        Ok(best)
    }

    /// The notes the words match (trash included), reading no further than `cap` of them.
    fn word_matches(&self, words: &str, cap: usize) -> Result<Vec<NoteId>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT rowid FROM note_fts WHERE note_fts MATCH ?1 LIMIT ?2")?;
        let ids = stmt.query_map(rusqlite::params![words, cap as i64], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    /// How a plan's matches are read, and the words' matches when they were all read to decide
    /// (fewer than [`WALK_FROM`]; empty otherwise).
    fn strategy(&self, plan: &Plan) -> Result<(Strategy, Vec<NoteId>), StoreError> {
        if plan.empty {
            return Ok((Strategy::Nothing, Vec::new()));
        }
        let feed = self.smallest_feed(plan)?;
        let Some(words) = &plan.words else {
            return Ok((feed.map_or(Strategy::NoteWalk, |(feed, _)| Strategy::FeedWalk(feed)), Vec::new()));
        };
        let mut found = self.word_matches(words, WALK_FROM)?;
        let matches = found.len() as u64;
        if matches >= WALK_FROM as u64 {
            found = Vec::new();
        }
        let strategy = match feed {
            _ if matches <= FEW_MATCHES as u64 => Strategy::RankAll,
            Some((feed, size)) if size <= matches => Strategy::FeedWalk(feed),
            _ if matches < WALK_FROM as u64 && plan.feeds.is_empty() && plan.filters.is_empty() => Strategy::WalkSet,
            _ if matches < WALK_FROM as u64 => Strategy::Collect,
            Some((feed, _)) => Strategy::FeedWalk(feed),
            None => Strategy::NoteWalk,
        };
        Ok((strategy, found))
    }

    /// The statement that lists the matches of a newest-first strategy.
    fn newest_sql(plan: &Plan, strategy: Strategy, after: Option<&Key>, sorted: Sorted) -> (String, Vec<Value>) {
        match (strategy, &plan.words) {
            (Strategy::FeedWalk(feed), _) => sql::feed_walk(plan, feed, after, sorted),
            (Strategy::Collect | Strategy::WalkSet | Strategy::RankAll, Some(words)) => {
                sql::word_matches(plan, words, after, strategy == Strategy::RankAll, sorted)
            }
            _ => sql::note_walk(plan, after, sorted, Words::Checked),
        }
    }

    /// Up to `limit` matches newest first after `after`, with their keys.
    fn newest(
        &self,
        plan: &Plan,
        (strategy, matched): (Strategy, &[NoteId]),
        after: Option<&Key>,
        limit: Option<usize>,
    ) -> Result<Vec<Key>, StoreError> {
        if strategy == Strategy::WalkSet {
            return self.walk_set(plan, matched, after, limit);
        }
        let (mut sql, mut params) = Self::newest_sql(plan, strategy, after, Sorted::Yes);
        if let Some(limit) = limit {
            sql.push_str(" LIMIT ?");
            params.push(Value::Integer(limit as i64));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let keys = stmt.query_map(params_from_iter(&params), |r| Ok(Key { id: r.get(0)?, updated_at: r.get(1)? }))?;
        Ok(keys.collect::<Result<_, _>>()?)
    }

    /// [`Strategy::WalkSet`]: the words' matches as a set, then the notes newest first.
    fn walk_set(
        &self,
        plan: &Plan,
        matched: &[NoteId],
        after: Option<&Key>,
        limit: Option<usize>,
    ) -> Result<Vec<Key>, StoreError> {
        let matches: HashSet<NoteId> = matched.iter().copied().collect();
        let (sql, params) = sql::note_walk(plan, after, Sorted::Yes, Words::Left);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(&params))?;
        let mut keys = Vec::new();
        let mut left = matches.len();
        while left > 0
            && limit.is_none_or(|n| keys.len() < n)
            && let Some(row) = rows.next()?
        {
            let id: NoteId = row.get(0)?;
            if matches.contains(&id) {
                keys.push(Key { id, updated_at: row.get(1)? });
                left -= 1;
            }
        }
        Ok(keys)
    }

    /// Every word match, best first (ties newest first).
    fn rank_all(&self, plan: &Plan) -> Result<Vec<NoteId>, StoreError> {
        let Some(words) = &plan.words else { return Ok(Vec::new()) };
        let (sql, params) = sql::word_matches(plan, words, None, true, Sorted::No);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let found = stmt.query_map(params_from_iter(&params), |r| {
            Ok((r.get::<_, f64>(2)?, r.get::<_, String>(1)?, r.get::<_, NoteId>(0)?))
        })?;
        let mut scored: Vec<(f64, String, NoteId)> = found.collect::<Result<_, _>>()?;
        scored.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| (&b.1, b.2).cmp(&(&a.1, a.2))));
        Ok(scored.into_iter().map(|(_, _, id)| id).collect())
    }

    /// The ids of one page and where the next starts.
    fn page_ids(
        &self,
        query: &Query,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<(Vec<NoteId>, SearchOrder, Option<Cursor>), StoreError> {
        let plan = self.plan(query)?;
        let (mut strategy, matched) = self.strategy(&plan)?;
        match (after.map(|c| &c.0), strategy) {
            (_, Strategy::Nothing) => return Ok((Vec::new(), SearchOrder::Newest, None)),
            (Some(Position::Ranked(_)), _) => strategy = Strategy::RankAll,
            // The matches grew past ranking since the first page: carry on newest first.
            (Some(Position::After(_)), Strategy::RankAll) => strategy = Strategy::Collect,
            _ => {}
        }
        if strategy == Strategy::RankAll {
            let skip = match after.map(|c| &c.0) {
                Some(Position::Ranked(n)) => *n,
                _ => 0,
            };
            let ranked = self.rank_all(&plan)?;
            let ids: Vec<NoteId> = ranked.iter().skip(skip).take(limit).copied().collect();
            let next = (ranked.len() > skip + limit).then(|| Cursor(Position::Ranked(skip + limit)));
            return Ok((ids, SearchOrder::Relevance, next));
        }
        let key = match after.map(|c| &c.0) {
            Some(Position::After(key)) => Some(key),
            _ => None,
        };
        let mut keys = self.newest(&plan, (strategy, &matched), key, Some(limit + 1))?;
        let more = keys.len() > limit;
        keys.truncate(limit);
        let next = if more { keys.last().cloned().map(|k| Cursor(Position::After(k))) } else { None };
        Ok((keys.into_iter().map(|k| k.id).collect(), strategy.order(), next))
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
                "SELECT count(*) FROM note n WHERE n.deleted_at IS NOT NULL
                 AND EXISTS (SELECT 1 FROM note_fts WHERE note_fts MATCH ?1 AND rowid = n.id)",
            )?
            .query_row([words], |r| r.get(0))?;
        Ok(Some(in_index.unwrap_or(0).saturating_sub(trashed).max(0) as u64))
    }

    /// Counts the matches, calling `keep_going` with the count so far every few thousand rows;
    /// when it returns false, counting stops and the count so far is a lower bound. A kept
    /// total ([`Self::kept_total`]) is returned at once.
    pub fn count_until(&self, query: &Query, mut keep_going: impl FnMut(u64) -> bool) -> Result<Total, StoreError> {
        if let Some(total) = self.kept_total(query)? {
            return Ok(Total::Exact(total));
        }
        let plan = self.plan(query)?;
        let (strategy, _) = self.strategy(&plan)?;
        if strategy == Strategy::Nothing {
            return Ok(Total::Exact(0));
        }
        if query.is_empty() {
            // Every live note: one count over the live notes' index (tens of milliseconds at a
            // million), faster than stepping through them.
            return Ok(Total::Exact(self.note_counts()?.0));
        }
        let (sql, params) = Self::newest_sql(&plan, strategy, None, Sorted::No);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(&params))?;
        let mut counted = 0u64;
        while rows.next()?.is_some() {
            counted += 1;
            if counted.is_multiple_of(COUNT_STEP) && !keep_going(counted) {
                return Ok(Total::AtLeast(counted));
            }
        }
        Ok(Total::Exact(counted))
    }

    /// Counts the matches for at most about `budget`: exact if that was enough, else the count
    /// so far as a lower bound. SQLite itself is stopped at the deadline by a timer thread (a
    /// count that walks many notes per match would otherwise overrun it between two progress
    /// calls).
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
        let (strategy, _) = self.strategy(&plan)?;
        if strategy == Strategy::Nothing {
            return Ok(0);
        }
        let (sql, params) = Self::newest_sql(&plan, strategy, None, Sorted::No);
        let count: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM ({sql})"))?
            .query_row(params_from_iter(&params), |r| r.get(0))?;
        Ok(count as u64)
    }

    /// Every matching note id, in result order (tests and tools; the front ends page).
    pub fn search_ids(&self, query: &Query) -> Result<Vec<NoteId>, StoreError> {
        let plan = self.plan(query)?;
        let (strategy, matched) = self.strategy(&plan)?;
        Ok(match strategy {
            Strategy::Nothing => Vec::new(),
            Strategy::RankAll => self.rank_all(&plan)?,
            strategy => self.newest(&plan, (strategy, &matched), None, None)?.into_iter().map(|k| k.id).collect(),
        })
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
