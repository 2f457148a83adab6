//! The ticker reference list (SEC EDGAR company tickers, in `assets/tickers.tsv`), loaded into
//! the `ticker` table when a database is created.

use rusqlite::{Transaction, params};

use super::StoreError;
use crate::model::fold;

/// Symbol, company name, exchange and CIK per line; the order is the SEC's (largest first).
const REFERENCE: &str = include_str!("../../assets/tickers.tsv");

/// One company in the reference list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceTicker {
    pub symbol: &'static str,
    pub name: &'static str,
    pub exchange: Option<&'static str>,
    pub cik: Option<i64>,
}

/// Every company in the reference list, largest first.
pub fn reference_tickers() -> impl Iterator<Item = ReferenceTicker> {
    REFERENCE.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).filter_map(|line| {
        let mut fields = line.split('\t');
        let symbol = fields.next()?;
        let name = fields.next()?;
        let exchange = fields.next().filter(|e| !e.is_empty());
        let cik = fields.next().and_then(|c| c.parse().ok());
        Some(ReferenceTicker { symbol, name, exchange, cik })
    })
}

/// Inserts the reference list; symbols already present (typed by a user) gain the company details.
pub(super) fn load(tx: &Transaction) -> Result<(), StoreError> {
    let mut insert = tx.prepare(
        "INSERT INTO ticker (symbol, name, name_key, exchange, cik, in_reference, rank)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)
         ON CONFLICT (symbol) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
             exchange = excluded.exchange, cik = excluded.cik, in_reference = 1, rank = excluded.rank",
    )?;
    for (rank, t) in reference_tickers().enumerate() {
        insert.execute(params![t.symbol, t.name, fold(t.name), t.exchange, t.cik, rank as i64 + 1])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Symbol;

    #[test]
    fn reference_symbols_are_already_normal() {
        let all: Vec<_> = reference_tickers().collect();
        assert!(all.len() > 10_000);
        for t in &all {
            assert_eq!(Symbol::parse(t.symbol).map(String::from).as_deref(), Ok(t.symbol), "{t:?}");
        }
        assert_eq!(
            all[0],
            ReferenceTicker { symbol: "NVDA", name: "NVIDIA CORP", exchange: Some("Nasdaq"), cik: Some(1045810) }
        );
    }
}
