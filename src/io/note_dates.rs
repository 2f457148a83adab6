//! The dates Markdown notes carry in their front matter, from Obsidian, Joplin and elsewhere.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};

use crate::model::Timestamp;

/// Reads the dates notes carry: RFC 3339, `2025-01-27 14:03:00Z` (Joplin), `2025-01-27T14:03`,
/// `2025-01-27`, `2025/01/27`, or seconds or milliseconds since 1970. Without a zone, UTC.
/// Years outside 1–9999 are not dates (they would not store as fixed-width text).
pub fn parse_time(text: &str) -> Option<Timestamp> {
    parse_any_time(text).filter(|t| (1..=9999).contains(&t.date().year()))
}

fn parse_any_time(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(number) = text.parse::<i64>() {
        let millis = match number {
            n if n > 100_000_000_000 => n,
            n if n > 100_000_000 => n.checked_mul(1000)?,
            _ => return None,
        };
        return DateTime::from_timestamp_millis(millis).map(|t| Timestamp::from_millis(t.timestamp_millis()));
    }
    let normal = match text.split_once(' ') {
        Some((date, time)) if date.len() == 10 => format!("{date}T{}", time.trim()),
        _ => text.to_owned(),
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(&normal) {
        return Some(Timestamp::from_millis(t.timestamp_millis()));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z"] {
        if let Ok(t) = DateTime::parse_from_str(&normal, format) {
            return Some(Timestamp::from_millis(t.timestamp_millis()));
        }
    }
    let naive = normal.strip_suffix('Z').unwrap_or(&normal);
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(naive, format) {
            return Some(Timestamp::from_millis(t.and_utc().timestamp_millis()));
        }
    }
    for format in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(naive, format) {
            return Some(Timestamp::from_date(d));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<Timestamp> {
        Timestamp::parse(text).ok()
    }

    #[test]
    fn dates_in_the_forms_notes_use_are_read() {
        for (text, expected) in [
            ("2025-01-27T14:03:11.123Z", "2025-01-27T14:03:11.123Z"),
            ("2025-01-27T14:03:11+02:00", "2025-01-27T12:03:11.000Z"),
            ("2021-05-01 16:40:00Z", "2021-05-01T16:40:00.000Z"),
            ("1970-01-01 00:00Z", "1970-01-01T00:00:00.000Z"),
            ("2025-01-27 14:03", "2025-01-27T14:03:00.000Z"),
            ("2025-01-27T14:03:11", "2025-01-27T14:03:11.000Z"),
            ("2025-01-27", "2025-01-27T00:00:00.000Z"),
            ("2025/01/27", "2025-01-27T00:00:00.000Z"),
            ("1737986591", "2025-01-27T14:03:11.000Z"),
            ("1737986591000", "2025-01-27T14:03:11.000Z"),
        ] {
            assert_eq!(parse_time(text), at(expected), "{text:?}");
        }
        for bad in ["yesterday", "2025-13-01", "27/01/2025", "", "12", "9223372036854775807", "+12345-01-01"] {
            assert_eq!(parse_time(bad), None, "{bad:?}");
        }
    }
}
