//! As-of dates of claims as day ranges: `2025-01-27` is one day, `2025-01` the whole month,
//! `2025` the whole year, so that "within a few days" can be asked of partial dates too.

use chrono::{Datelike, NaiveDate};

/// The first and last day an as-of date may mean.
pub(crate) fn day_range(as_of: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = as_of.trim().split('-').collect();
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year = parts.first().and_then(|p| p.parse::<i32>().ok())?;
    match parts.len() {
        1 => Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?)),
        2 => {
            let first = NaiveDate::from_ymd_opt(year, number(1)?, 1)?;
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, first.month() + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        3 => {
            let day = NaiveDate::from_ymd_opt(year, number(1)?, number(2)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// Days between two as-of dates at their closest (0 when the ranges overlap).
pub(crate) fn days_apart(a: &str, b: &str) -> Option<i64> {
    let (a0, a1) = day_range(a)?;
    let (b0, b1) = day_range(b)?;
    Some(if a1 < b0 {
        (b0 - a1).num_days()
    } else if b1 < a0 {
        (a0 - b1).num_days()
    } else {
        0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_cover_their_month_or_year() {
        assert_eq!(days_apart("2025-01-27", "2025-01-29"), Some(2));
        assert_eq!(days_apart("2025-01", "2025-01-29"), Some(0));
        assert_eq!(days_apart("2024-12", "2025-01-02"), Some(2));
        assert_eq!(days_apart("2025", "2024-12-30"), Some(2));
        assert_eq!(days_apart("soon", "2025-01-01"), None);
    }
}
