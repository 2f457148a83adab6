//! Running the walks of a plan newest first: one walk alone as one statement, or two raced.
//!
//! A query with words and a ticker (or tag) can be answered by walking the words' matches and
//! checking the ticker per match, or by walking the ticker's feed and checking the words per
//! note. Which is cheaper depends on how the two overlap, which nothing cheap tells in advance
//! (`$WAB market`: the feed, by a factor of a hundred; `$NVDA infer*`: the words). So both run
//! in turns of [`TURN`] (the words' walk first, for [`FIRST_TURN`]), each reading one candidate
//! per step, and the first to fill the page (or to reach its end, for a count) answers: each walk
//! has found every match above the point it has reached, so either answer is right, and the race
//! costs at most twice the faster walk and the first turn.

use std::time::{Duration, Instant};

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::super::{Store, StoreError};
use super::Total;
use super::plan::Plan;
use super::sql::{self, Range, Rows};

/// How long a raced walk runs before the other takes its turn.
const TURN: Duration = Duration::from_micros(500);
/// The first walk's first turn: the words' walk, whose steps are cheap lookups, usually fills a
/// page within it, and the feed's walk (a full-text check per step) then never starts.
const FIRST_TURN: Duration = Duration::from_millis(2);
/// A count calls back after every this many rows.
const COUNT_STEP: u64 = 256;

/// How a race ended.
enum Outcome {
    /// A walk filled the page or read all its candidates: its matches, newest first.
    Answered(Vec<i64>),
    /// The caller stopped it: the most matches either walk had found.
    Stopped(u64),
}

impl Store {
    /// Up to `limit` (all when `None`) matches in `range`, newest first, as order keys.
    pub(super) fn newest(&self, plan: &Plan, range: Range, limit: Option<usize>) -> Result<Vec<i64>, StoreError> {
        let walks = self.walks(plan)?;
        if let [walk] = walks.as_slice() {
            let (mut sql, mut params) = sql::walk(plan, *walk, range, Rows::Matches);
            if let Some(limit) = limit {
                sql.push_str(" LIMIT ?");
                params.push(Value::Integer(limit as i64));
            }
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let keys = stmt.query_map(params_from_iter(&params), |r| r.get(0))?;
            return Ok(keys.collect::<Result<_, _>>()?);
        }
        match self.race(plan, &walks, range, limit, &mut |_| true)? {
            Outcome::Answered(keys) => Ok(keys),
            // Never: the callback above always goes on.
            Outcome::Stopped(_) => Ok(Vec::new()),
        }
    }

    /// Counts the plan's matches, calling `keep_going` with the count so far every
    /// [`COUNT_STEP`] rows; when it says no, the count so far is a lower bound.
    pub(super) fn count_walks(
        &self,
        plan: &Plan,
        mut keep_going: impl FnMut(u64) -> bool,
    ) -> Result<Total, StoreError> {
        if plan.empty {
            return Ok(Total::Exact(0));
        }
        let walks = self.walks(plan)?;
        let range = Range::of(plan, None);
        if let [walk] = walks.as_slice() {
            let (sql, params) = sql::walk(plan, *walk, range, Rows::Unsorted);
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(params_from_iter(&params))?;
            let mut counted = 0u64;
            while rows.next()?.is_some() {
                counted += 1;
                if counted.is_multiple_of(COUNT_STEP) && !keep_going(counted) {
                    return Ok(Total::AtLeast(counted));
                }
            }
            return Ok(Total::Exact(counted));
        }
        Ok(match self.race(plan, &walks, range, None, &mut keep_going)? {
            Outcome::Answered(keys) => Total::Exact(keys.len() as u64),
            Outcome::Stopped(counted) => Total::AtLeast(counted),
        })
    }

    /// Runs `walks` in turns until one has `limit` matches or has read every candidate (see the
    /// module documentation). `keep_going` hears the most matches found so far every
    /// [`COUNT_STEP`] candidates.
    fn race(
        &self,
        plan: &Plan,
        walks: &[sql::Walk],
        range: Range,
        limit: Option<usize>,
        keep_going: &mut dyn FnMut(u64) -> bool,
    ) -> Result<Outcome, StoreError> {
        let statements: Vec<(String, Vec<Value>)> =
            walks.iter().map(|walk| sql::walk(plan, *walk, range, Rows::Flagged)).collect();
        let mut prepared =
            statements.iter().map(|(sql, _)| self.conn.prepare_cached(sql)).collect::<Result<Vec<_>, _>>()?;
        let mut running = Vec::with_capacity(walks.len());
        for (stmt, (_, params)) in prepared.iter_mut().zip(&statements) {
            running.push((stmt.query(params_from_iter(params))?, Vec::new()));
        }
        let mut steps = 0u64;
        let mut best = 0u64;
        let mut turn = FIRST_TURN;
        loop {
            for (rows, found) in running.iter_mut() {
                let turn_ends = Instant::now() + turn;
                turn = TURN;
                loop {
                    let Some(row) = rows.next()? else { return Ok(Outcome::Answered(std::mem::take(found))) };
                    if row.get::<_, bool>(1)? {
                        found.push(row.get(0)?);
                        best = best.max(found.len() as u64);
                        if limit.is_some_and(|n| found.len() >= n) {
                            return Ok(Outcome::Answered(std::mem::take(found)));
                        }
                    }
                    steps += 1;
                    if steps.is_multiple_of(COUNT_STEP) && !keep_going(best) {
                        return Ok(Outcome::Stopped(best));
                    }
                    if Instant::now() >= turn_ends {
                        break;
                    }
                }
            }
        }
    }
}
