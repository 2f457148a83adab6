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
            ..ClaimSourceRef::default()
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
        links: Vec::new(),
        created_at: Timestamp::from_millis(0),
        updated_at: Timestamp::from_millis(0),
    }
}

/// `n` claims on NVDA drawn from a small world (seeded, so runs repeat): a few wordings, units,
/// currencies and claimants; values around a few magnitudes; dates that are days, months, years,
/// missing or unreadable; stances of every kind.
pub(crate) fn random_claims(seed: u64, n: usize) -> Vec<Claim> {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = move |below: u64| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % below
    };
    let texts = [
        "NVIDIA lost market value",
        "Nvidia perdeu valor de mercado",
        "R1 training cost",
        "Custo de treino do R1",
        "Data-center revenue guidance",
    ];
    (0..n)
        .map(|i| {
            let as_of = match next(20) {
                0 | 1 => None,
                2 => Some("soon".to_owned()),
                3 | 4 => Some(format!("{}-{:02}", 2024 + next(2), 1 + next(12))),
                5 => Some("2025".to_owned()),
                _ => Some(format!("{}-{:02}-{:02}", 2024 + next(2), 1 + next(12), 1 + next(28))),
            };
            let stance = [Some(Stance::Bullish), Some(Stance::Bearish), Some(Stance::Neutral), None][next(4) as usize];
            let mut c =
                view(i as i64, texts[next(5) as usize], "", Some(["A", "B", "C", "b"][next(4) as usize]), stance);
            c.as_of = as_of;
            c.value = (next(5) > 0)
                .then(|| [5e6, 6e6, 500e9, 589e9, 75.0][next(5) as usize] * (1.0 + next(20) as f64 / 100.0));
            c.currency = ["USD", "USD", "EUR"].get(next(4) as usize).map(|c| (*c).to_owned());
            c.unit = (next(6) == 0).then(|| "GPUs".to_owned());
            c
        })
        .collect()
}
