//! Claims for the comparison tests, built the way the store returns them.

use crate::model::{Claim, ClaimSourceRef, ClaimTicker, Stance, Status, Symbol, Timestamp};

pub(crate) fn nvda() -> Symbol {
    Symbol::parse("NVDA").expect("a valid symbol")
}

/// A numeric claim on NVDA in US dollars (or another currency) from one source.
pub(crate) fn claim(id: i64, text: &str, value: f64, currency: &str, as_of: &str, source: &str) -> Claim {
    Claim {
        value: Some(value),
        currency: Some(currency.to_owned()),
        sources: vec![ClaimSourceRef {
            id,
            url: format!("https://example.com/{id}"),
            title: None,
            publisher: Some(source.to_owned()),
            quote: None,
        }],
        ..view(id, text, as_of, None, None)
    }
}

/// An opinion on NVDA: a claimant's stance on a date.
pub(crate) fn view(id: i64, text: &str, as_of: &str, claimant: Option<&str>, stance: Option<Stance>) -> Claim {
    Claim {
        id,
        text: text.to_owned(),
        value: None,
        unit: None,
        currency: None,
        as_of: Some(as_of.to_owned()),
        claimant: claimant.map(str::to_owned),
        status: Status::Unverified,
        note_id: None,
        tickers: vec![ClaimTicker { symbol: nvda(), stance }],
        sources: Vec::new(),
        created_at: Timestamp::from_millis(0),
        updated_at: Timestamp::from_millis(0),
    }
}
