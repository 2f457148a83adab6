//! Reviewing a thesis: the `review` property is the day it is next due (`is:due` finds it on
//! that day and after), `review_every` how many days apart reviews are, and `reviewed` the day
//! of the last one. Marking a note reviewed sets the next date from the interval (a chosen one
//! is remembered in `review_every`).

use chrono::{Days, NaiveDate};

use super::properties::PropertyChange;
use crate::model::{Property, PropertyValue, REVIEW_EVERY_DAYS, fold};

/// The longest interval accepted, in days (ten years).
const MAX_EVERY: u64 = 3_650;

/// How many days apart the note's reviews are: its `review_every` (`90`, `90d`, `6w`, `3m`,
/// `1y`), else [`REVIEW_EVERY_DAYS`].
pub fn review_interval(properties: &[Property]) -> u64 {
    let every = properties.iter().find(|p| fold(&p.key) == "review_every").and_then(|p| match &p.value {
        PropertyValue::Number(n) if *n >= 1.0 => Some(*n as u64),
        PropertyValue::Text(text) => days_in(text),
        _ => None,
    });
    every.unwrap_or(REVIEW_EVERY_DAYS).clamp(1, MAX_EVERY)
}

/// `90`, `90d`, `6w`, `3m`, `1y` in days.
fn days_in(text: &str) -> Option<u64> {
    let text = text.trim().to_ascii_lowercase();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let n: u64 = text[..digits].parse().ok()?;
    let per = match text[digits..].trim() {
        "" | "d" | "day" | "days" => 1,
        "w" | "week" | "weeks" => 7,
        "m" | "month" | "months" => 30,
        "y" | "year" | "years" => 365,
        _ => return None,
    };
    (n > 0).then(|| n.saturating_mul(per))
}

/// The note's next review day, if it has one.
pub fn review_date(properties: &[Property]) -> Option<NaiveDate> {
    properties.iter().find(|p| fold(&p.key) == "review").and_then(|p| match &p.value {
        PropertyValue::Date(day, _) => Some(*day),
        _ => None,
    })
}

/// What marking the note reviewed on `today` changes: the next review `every` days on, the
/// interval remembered, and the day of this review.
pub fn reviewed(today: NaiveDate, every: u64) -> Vec<PropertyChange> {
    let every = every.clamp(1, MAX_EVERY);
    let next = today.checked_add_days(Days::new(every)).unwrap_or(today);
    let date = |day: NaiveDate| Some(PropertyValue::Date(day, day.to_string()));
    vec![
        PropertyChange { key: "review".into(), value: date(next) },
        PropertyChange { key: "review_every".into(), value: Some(PropertyValue::Number(every as f64)) },
        PropertyChange { key: "reviewed".into(), value: date(today) },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::read_properties;
    use crate::session::properties::{apply, change};
    use crate::store::Store;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn intervals_are_read_in_days_weeks_months_and_years() {
        let props = |yaml: &str| read_properties(&format!("---\n{yaml}\n---\n\nText"));
        assert_eq!(review_interval(&props("review_every: 30")), 30);
        assert_eq!(review_interval(&props("review_every: 6w")), 42);
        assert_eq!(review_interval(&props("review_every: 3 months")), 90);
        assert_eq!(review_interval(&props("review_every: 1y")), 365);
        assert_eq!(review_interval(&props("review_every: soon")), REVIEW_EVERY_DAYS);
        assert_eq!(review_interval(&props("review_every: 0")), REVIEW_EVERY_DAYS);
        assert_eq!(review_interval(&props("review_every: 99999")), MAX_EVERY);
        assert_eq!(review_interval(&[]), REVIEW_EVERY_DAYS);
    }

    #[test]
    fn marking_reviewed_moves_the_date_and_the_note_is_no_longer_due() {
        let mut store = Store::open_in_memory().unwrap();
        let body = "---\ntype: thesis\nreview: 2025-03-01\nreview_every: 30\n---\n\n## Thesis";
        let id = store.create_note(&crate::model::NoteDraft::new("NVDA thesis", body)).unwrap();
        let on = day("2025-03-05");
        let due = |store: &Store| store.count(&crate::query::parse_on("is:due", on).unwrap()).unwrap();
        assert_eq!(due(&store), 1);
        let every = review_interval(&read_properties(body));
        change(&mut store, id, &reviewed(on, every), None).unwrap();
        let note = store.note(id).unwrap();
        let props = read_properties(&note.body);
        assert_eq!(review_date(&props), Some(day("2025-04-04")));
        assert!(note.body.contains("reviewed: 2025-03-05"), "{}", note.body);
        assert_eq!(due(&store), 0);
        assert_eq!(apply(body, &reviewed(on, 7)).unwrap().matches("review_every: 7").count(), 1);
    }
}
