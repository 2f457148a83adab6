//! The balance of stances on one ticker over time, per week or per month, for plotting.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::dates::day_range;
use crate::model::{Claim, Stance, Symbol};

/// How long one point of the series covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    /// ISO weeks, starting on Monday.
    Week,
    Month,
}

/// The stances of one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StancePoint {
    /// `2025-W05` or `2025-01`.
    pub period: String,
    /// The first day of the period (for the x axis).
    pub start: NaiveDate,
    pub bullish: u64,
    pub bearish: u64,
    pub neutral: u64,
    /// bullish − bearish.
    pub balance: i64,
}

/// One point per period that has claims with a stance on `ticker`, oldest first. A claim dated
/// only by month or year counts at the start of it; undated claims are left out.
pub fn stance_timeline(claims: &[Claim], ticker: &Symbol, bucket: Bucket) -> Vec<StancePoint> {
    let mut points: Vec<StancePoint> = Vec::new();
    let mut dated: Vec<(NaiveDate, Stance)> = claims
        .iter()
        .filter_map(|c| {
            let stance = c.tickers.iter().find(|t| &t.symbol == ticker)?.stance?;
            Some((day_range(c.as_of.as_deref()?)?.0, stance))
        })
        .collect();
    dated.sort_by_key(|(day, _)| *day);
    for (day, stance) in dated {
        let (period, start) = period_of(day, bucket);
        if points.last().is_none_or(|p| p.period != period) {
            points.push(StancePoint { period, start, bullish: 0, bearish: 0, neutral: 0, balance: 0 });
        }
        if let Some(point) = points.last_mut() {
            match stance {
                Stance::Bullish => point.bullish += 1,
                Stance::Bearish => point.bearish += 1,
                Stance::Neutral => point.neutral += 1,
            }
            point.balance = point.bullish as i64 - point.bearish as i64;
        }
    }
    points
}

fn period_of(day: NaiveDate, bucket: Bucket) -> (String, NaiveDate) {
    match bucket {
        Bucket::Month => (format!("{:04}-{:02}", day.year(), day.month()), day.with_day(1).unwrap_or(day)),
        Bucket::Week => {
            let week = day.iso_week();
            let monday = NaiveDate::from_isoywd_opt(week.year(), week.week(), chrono::Weekday::Mon).unwrap_or(day);
            (format!("{:04}-W{:02}", week.year(), week.week()), monday)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{nvda, view};

    #[test]
    fn stances_are_counted_per_week_and_month() {
        let claims = [
            view(1, "a", "2025-01-27", Some("Raymond James"), Some(Stance::Bearish)),
            view(2, "b", "2025-01-28", Some("Cantor"), Some(Stance::Bullish)),
            view(3, "c", "2025-01-29", Some("Futurum"), Some(Stance::Bullish)),
            view(4, "d", "2025-02-03", Some("Bernstein"), Some(Stance::Neutral)),
            view(5, "e", "2025-02", Some("Press"), Some(Stance::Bearish)),
            view(6, "f", "2025-02-04", Some("No stance"), None),
        ];
        let weekly = stance_timeline(&claims, &nvda(), Bucket::Week);
        let summary: Vec<(&str, u64, u64, u64, i64)> =
            weekly.iter().map(|p| (p.period.as_str(), p.bullish, p.bearish, p.neutral, p.balance)).collect();
        // "2025-02" counts on 1 February, a Saturday of week 5.
        assert_eq!(summary, [("2025-W05", 2, 2, 0, 0), ("2025-W06", 0, 0, 1, 0)]);
        assert_eq!(weekly[0].start.to_string(), "2025-01-27");
        let monthly = stance_timeline(&claims, &nvda(), Bucket::Month);
        let summary: Vec<(&str, i64)> = monthly.iter().map(|p| (p.period.as_str(), p.balance)).collect();
        assert_eq!(summary, [("2025-01", 1), ("2025-02", -1)]);
    }
}
