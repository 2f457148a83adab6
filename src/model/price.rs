//! Daily prices and dated market events: what the track record scores calls against and the
//! dossier chart draws. The user brings the prices (CSV files); Jevons never fetches them.

use chrono::NaiveDate;
use serde::Serialize;

use super::Symbol;

/// One ticker's price on one trading day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PriceDay {
    pub day: NaiveDate,
    pub close: f64,
    /// The close adjusted for splits and dividends, when the file gave one.
    pub adj_close: Option<f64>,
}

impl PriceDay {
    /// The price returns are measured on: the adjusted close where there is one (so a split is
    /// not a loss), else the close.
    pub fn used(&self) -> f64 {
        self.adj_close.unwrap_or(self.close)
    }
}

/// A dated event drawn on the dossier chart: for one ticker (an earnings day) or, with no
/// ticker, for the whole market (an FOMC day, the DeepSeek R1 release), shown on every chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarketEvent {
    pub id: i64,
    pub day: NaiveDate,
    pub title: String,
    pub symbol: Option<Symbol>,
}

/// An event to add: its day, what happened, and its ticker (none: market-wide).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDraft {
    pub day: NaiveDate,
    pub title: String,
    pub symbol: Option<Symbol>,
}

/// The longest event title kept.
pub const MAX_EVENT_TITLE_CHARS: usize = 200;
