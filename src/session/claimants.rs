//! Who was right, for both front ends: every claimant's track record read from the store (calls,
//! their tickers' prices and the benchmark's) and scored ([`crate::compare::track_record`]);
//! a claimant spelled two ways merged into one, and the merge undone.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::compare::{self, ClaimantRecord, ScoredCall};
use crate::model::{Call, PriceDay, Symbol};
use crate::store::{Store, StoreError};

/// Daily prices by ticker.
type Prices = HashMap<Symbol, Vec<PriceDay>>;

/// The benchmark's prices, when one is set and has any.
fn benchmark_prices(store: &Store) -> Result<Option<Vec<PriceDay>>, StoreError> {
    Ok(match store.benchmark()? {
        Some(symbol) => Some(store.prices(&symbol)?).filter(|p| !p.is_empty()),
        None => None,
    })
}

/// The prices of every ticker `calls` name.
fn prices_for(store: &Store, calls: &[Call]) -> Result<Prices, StoreError> {
    let mut prices = HashMap::new();
    for call in calls {
        if !prices.contains_key(&call.symbol) {
            prices.insert(call.symbol.clone(), store.prices(&call.symbol)?);
        }
    }
    Ok(prices)
}

/// Every claimant's record as of `today`, most calls first.
pub fn records(store: &Store, today: NaiveDate) -> Result<Vec<ClaimantRecord>, StoreError> {
    let calls = store.calls()?;
    let prices = prices_for(store, &calls)?;
    let benchmark = benchmark_prices(store)?;
    Ok(compare::track_record(&calls, &prices, benchmark.as_deref(), today))
}

/// A ticker's prices and its calls with their outcomes (the dossier's).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TickerRecord {
    /// Daily prices, oldest first.
    pub prices: Vec<PriceDay>,
    /// Each call among the claims asked for, by claim id.
    pub calls: HashMap<i64, ScoredCall>,
}

/// The prices of one ticker, and the calls among `claims` (the ones a dossier shows) scored as
/// of `today`.
pub fn ticker_record(
    store: &Store,
    symbol: &Symbol,
    claims: &[i64],
    today: NaiveDate,
) -> Result<TickerRecord, StoreError> {
    let prices = store.prices(symbol)?;
    let benchmark = benchmark_prices(store)?;
    let calls = store
        .calls_among(symbol, claims)?
        .iter()
        .map(|call| (call.claim_id, compare::score_call(call, &prices, benchmark.as_deref(), today)))
        .collect();
    Ok(TickerRecord { prices, calls })
}

/// What a merge replaced, to undo it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeUndo {
    pub from: String,
    /// What `from` counted as before (none: itself), and the merges into `from` that now count as
    /// the new name.
    before: Vec<crate::model::ClaimantMerge>,
}

/// Counts `from`'s calls as `into`'s; the answer undoes it.
pub fn merge(store: &mut Store, from: &str, into: &str) -> Result<MergeUndo, StoreError> {
    let before = store.claimant_merges()?;
    store.merge_claimant(from, into)?;
    Ok(MergeUndo { from: from.trim().to_owned(), before })
}

/// Puts the merges back as they were before [`merge`].
pub fn undo_merge(store: &mut Store, undo: &MergeUndo) -> Result<(), StoreError> {
    store.restore_claimant_merges(&undo.before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimDraft, ClaimTicker, PriceDay, Stance};

    fn claim(store: &mut Store, claimant: &str, stance: Stance, as_of: &str) {
        let draft = ClaimDraft {
            text: format!("{claimant} on NVDA"),
            value: None,
            unit: None,
            currency: None,
            as_of: Some(as_of.into()),
            claimant: Some(claimant.into()),
            status: Default::default(),
            note_id: None,
            tickers: vec![ClaimTicker { symbol: Symbol::parse("NVDA").unwrap(), stance: Some(stance) }],
            sources: Vec::new(),
        };
        store.add_claim(draft).unwrap();
    }

    #[test]
    fn a_claimant_spelled_two_ways_is_merged_and_the_merge_undone() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("c.db")).unwrap();
        claim(&mut store, "Cantor Fitzgerald", Stance::Bullish, "2025-01-28");
        claim(&mut store, "Cantor", Stance::Bullish, "2025-02-03");
        claim(&mut store, "Raymond James", Stance::Bearish, "2025-01-28");
        let nvda = Symbol::parse("NVDA").unwrap();
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let prices = [("2025-01-28", 128.99), ("2025-02-03", 116.66), ("2025-02-27", 120.15), ("2025-03-05", 117.30)]
            .map(|(d, close)| PriceDay { day: day(d), close, adj_close: None });
        store.store_prices(prices.iter().map(|p| (&nvda, p))).unwrap();
        let today = day("2026-12-04");
        let names = |store: &Store| records(store, today).unwrap().into_iter().map(|r| r.claimant).collect::<Vec<_>>();
        assert_eq!(names(&store), ["Cantor", "Cantor Fitzgerald", "Raymond James"]);

        let undo = merge(&mut store, "cantor", "Cantor Fitzgerald").unwrap();
        let merged = records(&store, today).unwrap();
        assert_eq!(merged[0].claimant, "Cantor Fitzgerald");
        assert_eq!(merged[0].merged, ["Cantor"]);
        assert_eq!(merged[0].horizons[&30].calls, 2);
        assert_eq!(merged[0].horizons[&30].hits, 1, "Cantor Fitzgerald lost 6.9%, Cantor gained 0.5%");
        assert!(merge(&mut store, "Cantor Fitzgerald", "Cantor").is_err(), "a loop is refused");

        undo_merge(&mut store, &undo).unwrap();
        assert_eq!(names(&store), ["Cantor", "Cantor Fitzgerald", "Raymond James"]);
    }
}
