//! Who was right: each call (a bullish or bearish stance on ticker T as of day d) scored against
//! daily prices over 30, 90 and 365 days, and each claimant's record.
//!
//! The rule (`docs/track-record.md`):
//! - return r = close(first trading day ≥ d + H) / close(first trading day ≥ d) − 1, on the
//!   adjusted close when both days have one (else the close on both, never one of each);
//! - a hit is bullish with r > 0, or bearish with r < 0;
//! - excess = r − r(benchmark) from the benchmark's first trading days on or after the same two
//!   days (none without benchmark prices);
//! - pending, never guessed: the horizon has not passed, the as-of date is not a single day, or
//!   no price lies within [`MAX_GAP_DAYS`] of a day needed.

use std::collections::{BTreeMap, HashMap};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::model::{Call, PriceDay, Stance, Symbol};

/// The horizons calls are scored over, in calendar days.
pub const HORIZONS: [u32; 3] = [30, 90, 365];
/// How far after a needed day the first trading day may be (a long holiday closure) before the
/// price counts as missing.
pub const MAX_GAP_DAYS: i64 = 10;

/// How a call did over one horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum Outcome {
    Scored {
        /// The trading days the return runs between.
        start: NaiveDate,
        end: NaiveDate,
        #[serde(rename = "return")]
        r: f64,
        excess: Option<f64>,
        hit: bool,
    },
    Pending {
        reason: String,
    },
}

impl Outcome {
    fn pending(reason: impl Into<String>) -> Self {
        Self::Pending { reason: reason.into() }
    }

    /// "+12.3% hit", "−4.0% miss" or "pending", as both front ends write it.
    pub fn short(&self) -> String {
        match self {
            Self::Scored { r, hit, .. } => format!("{} {}", signed_percent(*r), if *hit { "hit" } else { "miss" }),
            Self::Pending { .. } => "pending".to_owned(),
        }
    }
}

/// A return as a signed percentage with one decimal: 0.1234 → "+12.3%".
pub fn signed_percent(x: f64) -> String {
    format!("{:+.1}%", x * 100.0)
}

/// A share as a whole percentage: 0.666 → "67%".
pub fn whole_percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The first trading day on or after `day`, if within [`MAX_GAP_DAYS`]. `prices` is by day.
fn first_on_or_after(prices: &[PriceDay], day: NaiveDate) -> Option<&PriceDay> {
    let at = prices.partition_point(|p| p.day < day);
    prices.get(at).filter(|p| (p.day - day).num_days() <= MAX_GAP_DAYS)
}

/// The return from `a` to `b`: on adjusted closes when both have one, else on closes.
fn growth(a: &PriceDay, b: &PriceDay) -> f64 {
    match (a.adj_close, b.adj_close) {
        (Some(x), Some(y)) => y / x - 1.0,
        _ => b.close / a.close - 1.0,
    }
}

/// Scores one call: `as_of` as the claim gives it, `prices` and `benchmark` by day, `today`
/// the day horizons are judged from.
pub fn score(
    as_of: &str,
    stance: Stance,
    prices: &[PriceDay],
    benchmark: Option<&[PriceDay]>,
    horizon: u32,
    today: NaiveDate,
) -> Outcome {
    let Ok(day) = NaiveDate::parse_from_str(as_of.trim(), "%Y-%m-%d") else {
        return Outcome::pending(format!("the as-of date {as_of} is not a single day"));
    };
    let Some(target) = day.checked_add_days(Days::new(horizon.into())) else {
        return Outcome::pending("the horizon ends past the calendar");
    };
    if target > today {
        return Outcome::pending(format!("the {horizon} days end on {target}"));
    }
    let Some(start) = first_on_or_after(prices, day) else {
        return Outcome::pending(format!("no price within {MAX_GAP_DAYS} days from {day}"));
    };
    let Some(end) = first_on_or_after(prices, target) else {
        return Outcome::pending(format!("no price within {MAX_GAP_DAYS} days from {target}"));
    };
    let r = growth(start, end);
    let excess = benchmark.and_then(|b| {
        let (b_start, b_end) = (first_on_or_after(b, start.day)?, first_on_or_after(b, end.day)?);
        Some(r - growth(b_start, b_end))
    });
    let hit = match stance {
        Stance::Bullish => r > 0.0,
        Stance::Bearish => r < 0.0,
        Stance::Neutral => false,
    };
    Outcome::Scored { start: start.day, end: end.day, r, excess, hit }
}

/// A call with its outcome over each of [`HORIZONS`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredCall {
    #[serde(flatten)]
    pub call: Call,
    /// By horizon in days (in JSON: `"30"`, `"90"`, `"365"`).
    pub outcome: BTreeMap<u32, Outcome>,
}

/// A claimant's calls over one horizon.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HorizonRecord {
    /// Calls scored (pending ones not counted).
    pub calls: u64,
    pub hits: u64,
    /// Hits over scored calls; none until one is scored.
    pub hit_rate: Option<f64>,
    /// The mean of r over scored calls (the ticker's return, whatever the stance).
    pub mean_return: Option<f64>,
    /// The mean return of following each call: r for bullish calls, −r for bearish ones.
    pub mean_call_return: Option<f64>,
    /// The mean of r − r(benchmark) over the scored calls with benchmark prices.
    pub mean_excess: Option<f64>,
    /// Calls whose horizon has not passed or whose prices are missing.
    pub pending: u64,
}

/// One claimant's record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimantRecord {
    pub claimant: String,
    /// Other spellings counted as this claimant.
    pub merged: Vec<String>,
    /// By horizon in days.
    pub horizons: BTreeMap<u32, HorizonRecord>,
    /// Every call, by as-of date.
    #[serde(skip)]
    pub calls: Vec<ScoredCall>,
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Scores `call` over every horizon against `series`, its ticker's prices by day.
pub fn score_call(call: &Call, series: &[PriceDay], benchmark: Option<&[PriceDay]>, today: NaiveDate) -> ScoredCall {
    let outcome = HORIZONS.iter().map(|&h| (h, score(&call.as_of, call.stance, series, benchmark, h, today))).collect();
    ScoredCall { call: call.clone(), outcome }
}

/// Every claimant's record from `calls` (as the store lists them, merges applied), most
/// calls first, then by name.
pub fn track_record(
    calls: &[Call],
    prices: &HashMap<Symbol, Vec<PriceDay>>,
    benchmark: Option<&[PriceDay]>,
    today: NaiveDate,
) -> Vec<ClaimantRecord> {
    let mut by_claimant: BTreeMap<String, Vec<ScoredCall>> = BTreeMap::new();
    for call in calls.iter().filter(|c| c.stance != Stance::Neutral) {
        by_claimant.entry(call.counted_as.clone()).or_default().push(score_call(
            call,
            prices.get(&call.symbol).map(Vec::as_slice).unwrap_or_default(),
            benchmark,
            today,
        ));
    }
    let mut records: Vec<ClaimantRecord> = by_claimant
        .into_iter()
        .map(|(claimant, calls)| {
            let horizons = HORIZONS.iter().map(|&h| (h, horizon_record(&calls, h))).collect();
            let mut merged: Vec<String> =
                calls.iter().map(|c| c.call.claimant.clone()).filter(|name| *name != claimant).collect();
            merged.sort();
            merged.dedup();
            ClaimantRecord { claimant, merged, horizons, calls }
        })
        .collect();
    records.sort_by(|a, b| b.calls.len().cmp(&a.calls.len()).then_with(|| a.claimant.cmp(&b.claimant)));
    records
}

fn horizon_record(calls: &[ScoredCall], horizon: u32) -> HorizonRecord {
    let mut record = HorizonRecord::default();
    let (mut returns, mut call_returns, mut excesses) = (Vec::new(), Vec::new(), Vec::new());
    for call in calls {
        match call.outcome.get(&horizon) {
            Some(Outcome::Scored { r, excess, hit, .. }) => {
                record.calls += 1;
                record.hits += u64::from(*hit);
                returns.push(*r);
                call_returns.push(if call.call.stance == Stance::Bearish { -r } else { *r });
                excesses.extend(*excess);
            }
            Some(Outcome::Pending { .. }) | None => record.pending += 1,
        }
    }
    record.hit_rate = (record.calls > 0).then(|| record.hits as f64 / record.calls as f64);
    record.mean_return = mean(&returns);
    record.mean_call_return = mean(&call_returns);
    record.mean_excess = mean(&excesses);
    record
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn returns_and_outcomes_are_written_one_way() {
        assert_eq!(signed_percent(0.1234), "+12.3%");
        assert_eq!(signed_percent(-0.04), "-4.0%");
        assert_eq!(whole_percent(2.0 / 3.0), "67%");
        let scored =
            Outcome::Scored { start: day("2025-01-02"), end: day("2025-02-03"), r: -0.04, excess: None, hit: true };
        assert_eq!(scored.short(), "-4.0% hit");
        assert_eq!(Outcome::pending("no price yet").short(), "pending");
    }

    fn price(d: &str, close: f64) -> PriceDay {
        PriceDay { day: day(d), close, adj_close: None }
    }

    fn call(id: i64, claimant: &str, symbol: &str, stance: Stance, as_of: &str) -> Call {
        Call {
            claim_id: id,
            claimant: claimant.into(),
            counted_as: claimant.into(),
            symbol: Symbol::parse(symbol).unwrap(),
            stance,
            as_of: as_of.into(),
            text: format!("call {id}"),
            note_id: None,
            source: None,
            quote: None,
        }
    }

    const TODAY: &str = "2026-12-04";

    #[test]
    fn a_call_made_on_a_weekend_starts_on_the_next_trading_day() {
        // Saturday 2025-02-01: the first trading day on or after it is Monday the 3rd; the 30
        // days end on Monday 3 March.
        let prices = [price("2025-01-31", 100.0), price("2025-02-03", 110.0), price("2025-03-03", 121.0)];
        let outcome = score("2025-02-01", Stance::Bullish, &prices, None, 30, day(TODAY));
        let Outcome::Scored { start, end, r, hit, excess } = outcome else { panic!("{outcome:?}") };
        assert_eq!((start, end), (day("2025-02-03"), day("2025-03-03")));
        assert!((r - 0.1).abs() < 1e-12);
        assert!(hit);
        assert_eq!(excess, None);
    }

    #[test]
    fn a_missing_day_takes_the_next_one_within_the_gap_and_pending_beyond_it() {
        let prices = [price("2025-01-02", 100.0), price("2025-02-05", 90.0)];
        // 2025-01-02 + 30 = 2025-02-01; the next price is 4 days later.
        let outcome = score("2025-01-02", Stance::Bearish, &prices, None, 30, day(TODAY));
        assert!(matches!(outcome, Outcome::Scored { hit: true, .. }), "{outcome:?}");
        // 2025-01-02 + 90 = 2025-04-02: no price at all after it.
        let pending = score("2025-01-02", Stance::Bearish, &prices, None, 90, day(TODAY));
        assert_eq!(pending, Outcome::pending("no price within 10 days from 2025-04-02"));
        // A call long before the first price is pending, not scored from a far later day.
        let early = score("2024-06-01", Stance::Bullish, &prices, None, 30, day(TODAY));
        assert!(matches!(early, Outcome::Pending { .. }), "{early:?}");
    }

    #[test]
    fn a_split_is_no_loss_on_the_adjusted_close() {
        // A 10-for-1 split between the two days: the close falls 90%, the adjusted close rises.
        let prices = [
            PriceDay { day: day("2024-06-03"), close: 1150.0, adj_close: Some(115.0) },
            PriceDay { day: day("2024-07-03"), close: 128.0, adj_close: Some(128.0) },
        ];
        let outcome = score("2024-06-03", Stance::Bullish, &prices, None, 30, day(TODAY));
        let Outcome::Scored { r, hit, .. } = outcome else { panic!() };
        assert!((r - (128.0 / 115.0 - 1.0)).abs() < 1e-12);
        assert!(hit);
        // Without an adjusted close on one of the days, both closes are used.
        let mixed = [prices[0], PriceDay { adj_close: None, ..prices[1] }];
        let Outcome::Scored { r, .. } = score("2024-06-03", Stance::Bullish, &mixed, None, 30, day(TODAY)) else {
            panic!()
        };
        assert!((r - (128.0 / 1150.0 - 1.0)).abs() < 1e-12);
    }

    #[test]
    fn a_horizon_still_running_or_a_month_only_date_is_pending() {
        let prices = [price("2026-11-20", 100.0), price("2026-12-03", 101.0)];
        let running = score("2026-11-20", Stance::Bullish, &prices, None, 30, day(TODAY));
        assert_eq!(running, Outcome::pending("the 30 days end on 2026-12-20"));
        let month = score("2026-11", Stance::Bullish, &prices, None, 30, day(TODAY));
        assert!(matches!(month, Outcome::Pending { .. }));
    }

    #[test]
    fn excess_return_is_measured_against_the_benchmark_over_the_same_days() {
        let prices = [price("2025-01-28", 100.0), price("2025-02-27", 120.0)];
        let spy = [price("2025-01-28", 600.0), price("2025-02-27", 630.0)];
        let Outcome::Scored { r, excess, .. } =
            score("2025-01-28", Stance::Bullish, &prices, Some(&spy), 30, day(TODAY))
        else {
            panic!()
        };
        assert!((r - 0.2).abs() < 1e-12);
        assert!((excess.unwrap() - 0.15).abs() < 1e-12);
    }

    #[test]
    fn records_count_calls_hits_rates_returns_and_pending_per_claimant() {
        let nvda = vec![
            price("2025-01-28", 100.0),
            price("2025-02-27", 110.0),
            price("2025-04-28", 90.0),
            price("2026-01-28", 150.0),
        ];
        let prices = HashMap::from([(Symbol::parse("NVDA").unwrap(), nvda)]);
        let calls = [
            call(1, "Cantor Fitzgerald", "NVDA", Stance::Bullish, "2025-01-28"),
            call(2, "Raymond James", "NVDA", Stance::Bearish, "2025-01-28"),
            call(3, "Cantor Fitzgerald", "NVDA", Stance::Bullish, "2026-11-30"),
            call(4, "Cantor Fitzgerald", "AMD", Stance::Bullish, "2025-01-28"),
            call(5, "Citi", "NVDA", Stance::Neutral, "2025-01-28"),
        ];
        let records = track_record(&calls, &prices, None, day(TODAY));
        let names: Vec<_> = records.iter().map(|r| r.claimant.as_str()).collect();
        assert_eq!(names, ["Cantor Fitzgerald", "Raymond James"]);
        let cantor = &records[0].horizons;
        assert_eq!((cantor[&30].calls, cantor[&30].hits, cantor[&30].pending), (1, 1, 2));
        assert_eq!(cantor[&30].hit_rate, Some(1.0));
        assert!((cantor[&30].mean_return.unwrap() - 0.1).abs() < 1e-12);
        assert_eq!((cantor[&90].calls, cantor[&90].hits), (1, 0));
        assert!((cantor[&365].mean_return.unwrap() - 0.5).abs() < 1e-12);
        let james = &records[1].horizons;
        assert_eq!((james[&90].calls, james[&90].hits), (1, 1));
        assert!((james[&90].mean_return.unwrap() + 0.1).abs() < 1e-12);
        assert!((james[&90].mean_call_return.unwrap() - 0.1).abs() < 1e-12);
        assert_eq!(james[&90].mean_excess, None);
    }
}
