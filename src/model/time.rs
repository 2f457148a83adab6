//! Times and dates as stored: UTC instants as fixed-width ISO 8601 text (`2025-01-27T14:03:11.123Z`,
//! which sorts like the instant it names) and calendar dates as `YYYY-MM-DD`.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::Invalid;

/// A UTC instant with millisecond precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    pub fn now() -> Self {
        Self::from_millis(Utc::now().timestamp_millis())
    }

    pub fn from_millis(millis: i64) -> Self {
        Self(DateTime::from_timestamp_millis(millis).unwrap_or_default())
    }

    pub fn millis(&self) -> i64 {
        self.0.timestamp_millis()
    }

    /// Reads the stored form, and also any RFC 3339 time or a bare date (taken as midnight UTC).
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let text = text.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(text) {
            return Ok(Self::from_millis(t.timestamp_millis()));
        }
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S") {
            return Ok(Self::from_millis(t.and_utc().timestamp_millis()));
        }
        if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Self::from_date(d));
        }
        Err(Invalid::new(format!("{text:?} is not a time (expected like 2025-01-27T14:03:00Z)")))
    }

    pub fn from_date(date: NaiveDate) -> Self {
        Self::from_millis(date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().timestamp_millis())
    }

    pub fn date(&self) -> NaiveDate {
        self.0.date_naive()
    }

    pub fn as_datetime(&self) -> DateTime<Utc> {
        self.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::Millis, true))
    }
}

impl From<Timestamp> for String {
    fn from(value: Timestamp) -> Self {
        value.to_string()
    }
}

impl TryFrom<String> for Timestamp {
    type Error = Invalid;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

/// Parses a calendar date as users write it in Jevons: `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, Invalid> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|_| text.len() == 10)
        .ok_or_else(|| Invalid::new(format!("{text:?} is not a date (expected YYYY-MM-DD, like 2025-01-27)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_form_is_fixed_width_and_round_trips() {
        let t = Timestamp::parse("2025-01-27T14:03:11.5+02:00").unwrap();
        assert_eq!(t.to_string(), "2025-01-27T12:03:11.500Z");
        assert_eq!(Timestamp::parse(&t.to_string()), Ok(t));
        assert_eq!(Timestamp::parse("2025-01-27").unwrap().to_string(), "2025-01-27T00:00:00.000Z");
    }

    #[test]
    fn dates_must_be_real_dates() {
        assert!(parse_date("2025-01-27").is_ok());
        for bad in ["2025-13-45", "2025-02-30", "27/01/2025", "2025-1-7", "", "yesterday"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
