//! Prices in: a CSV file read ([`crate::io::prices`]) and stored in one transaction, so a file
//! that fails or is cancelled part way leaves nothing half-written. With no ticker named and no
//! ticker column, a download named for a ticker the database knows (`NVDA.csv`,
//! `nvda_us_d.csv`) is read as that ticker's.

use std::path::Path;

use serde::Serialize;

use crate::io::prices::{PriceFileError, SkippedRow, read_price_file, symbol_from_file_name};
use crate::model::Symbol;
use crate::store::{PriceImport, Store, StoreError};

/// What importing a price file did.
#[derive(Debug, Clone, Serialize)]
pub struct PricesImported {
    /// The file's layout as read (`Yahoo Finance`, `Brazilian export`…).
    pub format: String,
    #[serde(flatten)]
    pub stored: PriceImport,
    /// The ticker taken from the file's name, when neither the user nor the file named one.
    pub ticker_from_file_name: Option<Symbol>,
    /// The first rows left out, with why.
    pub skipped: Vec<SkippedRow>,
    pub skipped_count: u64,
}

/// Why a price file was not imported (nothing was stored).
#[derive(Debug, thiserror::Error)]
pub enum PricesError {
    #[error(transparent)]
    File(#[from] PriceFileError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Imports the prices in `path`, `ticker`'s when given; `keep_going` hears the rows stored so
/// far and cancels the import (storing nothing) by answering false.
pub fn import_prices(
    store: &mut Store,
    path: &Path,
    ticker: Option<&Symbol>,
    keep_going: &mut dyn FnMut(u64) -> bool,
) -> Result<PricesImported, PricesError> {
    let (file, from_name) = match read_price_file(path, ticker) {
        Err(PriceFileError::NoTicker) => {
            let known = symbol_from_file_name(path).filter(|s| store.ticker_info(s).is_ok_and(|i| i.in_reference));
            let Some(symbol) = known else { return Err(PriceFileError::NoTicker.into()) };
            (read_price_file(path, Some(&symbol))?, Some(symbol))
        }
        other => (other?, None),
    };
    let stored = store.store_prices_watched(file.rows(), keep_going)?;
    Ok(PricesImported {
        format: file.format,
        stored,
        ticker_from_file_name: from_name,
        skipped: file.skipped,
        skipped_count: file.skipped_count,
    })
}

/// One line that says what an import did: "Stored 2,515 days of NVDA (2,515 new); 3 rows skipped".
pub fn summary(done: &PricesImported) -> String {
    let days = done.stored.added + done.stored.changed + done.stored.unchanged;
    let tickers = match done.stored.tickers.as_slice() {
        [one] => one.symbol.to_string(),
        many => format!("{} tickers", many.len()),
    };
    let mut line = format!(
        "Stored {days} days of {tickers} from a {} file ({} new, {} changed, {} unchanged)",
        done.format, done.stored.added, done.stored.changed, done.stored.unchanged
    );
    if let Some(symbol) = &done.ticker_from_file_name {
        line.push_str(&format!("; the ticker {symbol} was taken from the file's name"));
    }
    if done.skipped_count > 0 {
        line.push_str(&format!("; {} rows skipped", done.skipped_count));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_named_for_a_known_ticker_is_read_as_its_prices() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("p.db")).unwrap();
        let file = dir.path().join("NVDA.csv");
        std::fs::write(&file, "Date,Close\n2025-01-27,118.42\n2025-01-28,x\n").unwrap();
        let done = import_prices(&mut store, &file, None, &mut |_| true).unwrap();
        assert_eq!(done.ticker_from_file_name, Some(Symbol::parse("NVDA").unwrap()));
        assert_eq!((done.stored.added, done.skipped_count), (1, 1));
        assert!(summary(&done).contains("NVDA was taken from the file's name"), "{}", summary(&done));

        let unknown = dir.path().join("prices.csv");
        std::fs::write(&unknown, "Date,Close\n2025-01-27,118.42\n").unwrap();
        let err = import_prices(&mut store, &unknown, None, &mut |_| true).unwrap_err();
        assert!(err.to_string().contains("--ticker"), "{err}");
    }

    #[test]
    fn a_cancelled_import_stores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("p.db")).unwrap();
        let file = dir.path().join("many.csv");
        let mut text = String::from("date,close\n");
        let start = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
        for i in 0..25_000 {
            text.push_str(&format!("{},{}\n", start + chrono::Days::new(i), 10.0 + i as f64));
        }
        std::fs::write(&file, text).unwrap();
        let nvda = Symbol::parse("NVDA").unwrap();
        let mut heard = Vec::new();
        let err = import_prices(&mut store, &file, Some(&nvda), &mut |n| {
            heard.push(n);
            n < 20_000
        })
        .unwrap_err();
        assert!(matches!(err, PricesError::Store(StoreError::Cancelled)), "{err}");
        assert_eq!(heard, [10_000, 20_000]);
        assert!(store.prices(&nvda).unwrap().is_empty());
        let done = import_prices(&mut store, &file, Some(&nvda), &mut |_| true).unwrap();
        assert_eq!(done.stored.added, 25_000);
    }
}
