//! What the dossier's price chart draws, built on the worker: the ticker's daily prices as a
//! line (adjusted closes where the file gave them, so a split is no cliff), and on it a marker
//! for each note, claim (by stance), journal entry and catalyst on the day it is dated, each
//! with the text its hover shows and the note a click opens; and the dated events (the
//! ticker's and the market's) as lines across the chart.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui_plot::PlotPoint;

use crate::compare::{HORIZONS, ScoredCall};
use crate::model::{Claim, JournalEntry, MarketEvent, NoteId, PriceDay, Stance, Symbol};
use crate::store::{DossierNote, TickerCatalyst};
use crate::ui::dossier::days::{day_number, first_day};
use crate::ui::widgets::text::shorten;

/// What a marker stands for (its colour and its row in the legend).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    Bullish,
    Bearish,
    Neutral,
    Note,
    Journal,
    Catalyst,
}

impl MarkerKind {
    pub const ALL: [MarkerKind; 6] =
        [Self::Bullish, Self::Bearish, Self::Neutral, Self::Note, Self::Journal, Self::Catalyst];

    pub fn label(self) -> &'static str {
        match self {
            Self::Bullish => "bullish claims",
            Self::Bearish => "bearish claims",
            Self::Neutral => "other claims",
            Self::Note => "notes",
            Self::Journal => "journal",
            Self::Catalyst => "catalysts",
        }
    }
}

/// One marker on the price line.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub kind: MarkerKind,
    pub at: PlotPoint,
    /// What hovering it shows.
    pub text: String,
    /// The note a click opens.
    pub note: Option<NoteId>,
}

/// A dated event: a line across the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct EventLine {
    pub x: f64,
    pub text: String,
    /// For the whole market rather than this ticker.
    pub market: bool,
}

/// Markers of one kind, as the plot takes them.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerGroup {
    pub kind: MarkerKind,
    pub points: Vec<PlotPoint>,
}

/// Everything the price chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceChart {
    /// x: days since 1970-01-01; y: the price.
    pub line: Vec<PlotPoint>,
    /// The line is of adjusted closes (at least in part).
    pub adjusted: bool,
    /// By x, for finding the one under the pointer.
    pub markers: Vec<Marker>,
    pub groups: Vec<MarkerGroup>,
    pub events: Vec<EventLine>,
}

/// What the chart is built from.
pub struct PriceInputs<'a> {
    pub symbol: &'a Symbol,
    pub prices: &'a [PriceDay],
    /// The dated claims on the ticker (the dossier's sketches).
    pub claims: &'a [Claim],
    pub notes: &'a [DossierNote],
    pub journal: &'a [JournalEntry],
    pub catalysts: &'a [TickerCatalyst],
    pub events: &'a [MarketEvent],
    pub calls: &'a HashMap<i64, ScoredCall>,
}

/// "30 d +8.3% hit · 90 d −4.0% miss · 365 d pending".
pub fn outcome_line(call: &ScoredCall) -> String {
    HORIZONS
        .iter()
        .map(|h| match call.outcome.get(h) {
            Some(outcome) => format!("{h} d {}", outcome.short()),
            None => format!("{h} d pending"),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The price drawn on `day`: that of the first trading day on or after it, else the last one.
fn price_on(prices: &[PriceDay], day: NaiveDate) -> Option<f64> {
    let at = prices.partition_point(|p| p.day < day);
    prices.get(at).or_else(|| prices.last()).map(PriceDay::used)
}

impl PriceChart {
    /// The chart of `inputs`; none without prices.
    pub fn build(inputs: &PriceInputs<'_>) -> Option<Self> {
        let prices = inputs.prices;
        if prices.is_empty() {
            return None;
        }
        let line = prices.iter().map(|p| PlotPoint::new(day_number(p.day), p.used())).collect();
        let mut markers = Vec::new();
        let mut add = |kind: MarkerKind, day: NaiveDate, text: String, note: Option<NoteId>| {
            if let Some(y) = price_on(prices, day) {
                markers.push(Marker { kind, at: PlotPoint::new(day_number(day), y), text, note });
            }
        };
        for claim in inputs.claims {
            let Some(day) = claim.as_of.as_deref().and_then(first_day) else { continue };
            let stance = claim.tickers.iter().find(|t| &t.symbol == inputs.symbol).and_then(|t| t.stance);
            let kind = match stance {
                Some(Stance::Bullish) => MarkerKind::Bullish,
                Some(Stance::Bearish) => MarkerKind::Bearish,
                _ => MarkerKind::Neutral,
            };
            let who = claim.claimant.as_deref().unwrap_or("unknown claimant");
            let mut text = format!(
                "{} · {who}{}\n{}",
                claim.as_of.as_deref().unwrap_or_default(),
                stance.map(|s| format!(" · {}", s.as_str())).unwrap_or_default(),
                shorten(&claim.text, 100)
            );
            if let Some(call) = inputs.calls.get(&claim.id) {
                text.push('\n');
                text.push_str(&outcome_line(call));
            }
            add(kind, day, text, claim.note_id);
        }
        for note in inputs.notes {
            let day = note.updated_at.as_datetime().date_naive();
            add(MarkerKind::Note, day, format!("{day} · note\n{}", shorten(&note.title, 100)), Some(note.id));
        }
        for entry in inputs.journal {
            let day = entry.written_at.as_datetime().date_naive();
            add(
                MarkerKind::Journal,
                day,
                format!("{day} · journal\n{}", shorten(&entry.text, 100)),
                Some(entry.note_id),
            );
        }
        for catalyst in inputs.catalysts {
            let text = format!("{} · catalyst\n{}", catalyst.written, shorten(&catalyst.event, 100));
            add(MarkerKind::Catalyst, catalyst.date, text, Some(catalyst.note_id));
        }
        markers.sort_by(|a, b| a.at.x.total_cmp(&b.at.x));
        let groups = MarkerKind::ALL
            .iter()
            .map(|&kind| MarkerGroup {
                kind,
                points: markers.iter().filter(|m| m.kind == kind).map(|m| m.at).collect(),
            })
            .filter(|g| !g.points.is_empty())
            .collect();
        let events = inputs
            .events
            .iter()
            .map(|e| EventLine {
                x: day_number(e.day),
                text: format!("{} · {}\n{}", e.day, if e.symbol.is_some() { "event" } else { "market event" }, e.title),
                market: e.symbol.is_none(),
            })
            .collect();
        Some(Self { line, adjusted: prices.iter().any(|p| p.adj_close.is_some()), markers, groups, events })
    }

    /// The lowest and highest price between two days (for fitting the y axis to a range).
    pub fn price_range(&self, from: f64, to: f64) -> Option<(f64, f64)> {
        let start = self.line.partition_point(|p| p.x < from);
        let end = self.line.partition_point(|p| p.x <= to);
        let visible = self.line.get(start..end)?;
        let min = visible.iter().map(|p| p.y).fold(f64::INFINITY, f64::min);
        let max = visible.iter().map(|p| p.y).fold(f64::NEG_INFINITY, f64::max);
        (min <= max).then_some((min, max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimTicker, Status, Timestamp};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn markers_sit_on_the_price_of_their_day_by_kind() {
        let nvda = Symbol::parse("NVDA").unwrap();
        let prices = [("2025-01-24", 142.6), ("2025-01-27", 118.4), ("2025-01-28", 129.0)].map(|(d, c)| PriceDay {
            day: day(d),
            close: c,
            adj_close: None,
        });
        let claim = Claim {
            id: 7,
            text: "Buy NVDA on weakness".into(),
            value: None,
            unit: None,
            currency: None,
            as_of: Some("2025-01-25".into()),
            claimant: Some("Cantor Fitzgerald".into()),
            status: Status::Unverified,
            note_id: Some(3),
            tickers: vec![ClaimTicker { symbol: nvda.clone(), stance: Some(Stance::Bullish) }],
            sources: Vec::new(),
            links: Vec::new(),
            created_at: Timestamp::now(),
            updated_at: Timestamp::now(),
        };
        let event = MarketEvent { id: 1, day: day("2025-01-20"), title: "DeepSeek R1 released".into(), symbol: None };
        let chart = PriceChart::build(&PriceInputs {
            symbol: &nvda,
            prices: &prices,
            claims: &[claim],
            notes: &[],
            journal: &[],
            catalysts: &[],
            events: &[event],
            calls: &HashMap::new(),
        })
        .unwrap();
        assert_eq!(chart.line.len(), 3);
        let marker = &chart.markers[0];
        assert_eq!(marker.kind, MarkerKind::Bullish);
        assert_eq!((marker.at.x, marker.at.y), (day_number(day("2025-01-25")), 118.4), "Saturday: Monday's price");
        assert!(marker.text.contains("Cantor Fitzgerald · bullish"), "{}", marker.text);
        assert_eq!(marker.note, Some(3));
        assert_eq!(chart.groups.len(), 1);
        assert!(chart.events[0].market);
        assert_eq!(
            chart.price_range(day_number(day("2025-01-25")), day_number(day("2025-01-31"))),
            Some((118.4, 129.0))
        );
        assert!(PriceChart::build(&inputs_like(&nvda)).is_none(), "no prices, no chart");
    }

    fn inputs_like(symbol: &Symbol) -> PriceInputs<'_> {
        static CALLS: std::sync::LazyLock<HashMap<i64, ScoredCall>> = std::sync::LazyLock::new(HashMap::new);
        PriceInputs {
            symbol,
            prices: &[],
            claims: &[],
            notes: &[],
            journal: &[],
            catalysts: &[],
            events: &[],
            calls: &CALLS,
        }
    }
}
