//! The thesis template: a new note with the properties and sections every thesis journal asks
//! for (thesis, pillars, kill criteria, dated catalysts, price target with currency, conviction,
//! position, review date and how often to review).

use chrono::{Days, NaiveDate};

use super::Symbol;

/// Days between reviews a new thesis starts with (the `review_every` property).
pub const REVIEW_EVERY_DAYS: u64 = 90;

/// The title and body of a new thesis on `ticker` (if any), written on `today`.
pub fn thesis_template(ticker: Option<&Symbol>, today: NaiveDate) -> (String, String) {
    let review = today.checked_add_days(Days::new(REVIEW_EVERY_DAYS)).unwrap_or(today);
    let title = match ticker {
        Some(symbol) => format!("{symbol} thesis"),
        None => "Thesis".to_owned(),
    };
    let on = ticker.map(|s| format!("${s}: ")).unwrap_or_default();
    let body = format!(
        "---\n\
         type: thesis\n\
         conviction: medium\n\
         position: none\n\
         price_target:\n\
         currency: USD\n\
         review: {review}\n\
         review_every: {REVIEW_EVERY_DAYS}\n\
         ---\n\
         ## Thesis\n\
         {on}\n\
         \n\
         ## Pillars\n\
         - \n\
         \n\
         ## Kill criteria\n\
         - \n\
         \n\
         ## Catalysts\n\
         - YYYY-MM-DD: \n"
    );
    (title, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thesis_on_a_ticker_names_it_and_is_due_for_review_in_ninety_days() {
        let today = NaiveDate::from_ymd_opt(2025, 1, 28).unwrap();
        let (title, body) = thesis_template(Some(&Symbol::parse("NVDA").unwrap()), today);
        assert_eq!(title, "NVDA thesis");
        assert!(body.starts_with("---\ntype: thesis\n"));
        assert!(body.contains("\nreview: 2025-04-28\nreview_every: 90\n---\n"));
        assert!(body.contains("## Thesis\n$NVDA: \n"), "{body}");
        for section in ["## Pillars", "## Kill criteria", "## Catalysts\n- YYYY-MM-DD: "] {
            assert!(body.contains(section), "{section}");
        }
        assert_eq!(thesis_template(None, today).0, "Thesis");
    }
}
