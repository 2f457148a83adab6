//! Days on the dossier's charts: the first day an as-of date covers, and days as numbers on the
//! x axis (days since 1970-01-01) and back.

use chrono::NaiveDate;

/// The first day an as-of date covers: `2025-01-27`, `2025-01` (1 January), `2025`.
pub fn first_day(as_of: &str) -> Option<NaiveDate> {
    let mut parts = as_of.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let day = parts.next().map_or(Some(1), |d| d.parse().ok())?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Days since 1970-01-01 (the charts' x axis).
pub fn day_number(day: NaiveDate) -> f64 {
    (day - NaiveDate::default()).num_days() as f64
}

/// The date of a day number, for axis labels.
pub fn day_of(x: f64) -> Option<NaiveDate> {
    NaiveDate::default().checked_add_signed(chrono::TimeDelta::try_days(x.round() as i64)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_and_day_numbers_round_trip() {
        for (as_of, first) in [("2025-01-27", "2025-01-27"), ("2025-02", "2025-02-01"), ("2024", "2024-01-01")] {
            let day = first_day(as_of).unwrap();
            assert_eq!(day.to_string(), first);
            assert_eq!(day_of(day_number(day)), Some(day));
        }
        assert_eq!(first_day("soon"), None);
        assert_eq!(first_day("2025-13"), None);
    }
}
