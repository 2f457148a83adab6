//! The ticker reference list bundled with Jevons (SEC EDGAR company tickers, in
//! `assets/tickers.tsv`): plain data that the store loads into its `ticker` table and the text
//! analysis reads company names from.

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

/// Whether `symbol` (already normal, as [`crate::model::Symbol`] keeps it) is in the reference
/// list. The set is built once, on the first call.
pub fn is_reference_symbol(symbol: &str) -> bool {
    static SYMBOLS: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    SYMBOLS.get_or_init(|| reference_tickers().map(|t| t.symbol).collect()).contains(symbol)
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
        assert!(is_reference_symbol("NVDA") && is_reference_symbol("BRK-B"));
        assert!(!is_reference_symbol("NV") && !is_reference_symbol("NVD"), "prefixes of NVDA are not listed");
        assert_eq!(
            all[0],
            ReferenceTicker { symbol: "NVDA", name: "NVIDIA CORP", exchange: Some("Nasdaq"), cik: Some(1045810) }
        );
    }
}
