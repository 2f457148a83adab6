//! Daily prices per ticker (`price`, one row per ticker and day), dated market events
//! (`market_event`), and the database's settings (`setting`: the benchmark ticker calls are
//! measured against).

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::{Store, StoreError};
use crate::model::{Invalid, MAX_EVENT_TITLE_CHARS, MarketEvent, PriceDay, Symbol};

/// Version 12: prices, market events, claimant merges and settings.
pub(super) fn migrate_v12(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "CREATE TABLE price (
            symbol     TEXT NOT NULL,
            day        TEXT NOT NULL,
            close      REAL NOT NULL CHECK (close > 0),
            adj_close  REAL CHECK (adj_close > 0),
            PRIMARY KEY (symbol, day)
        ) WITHOUT ROWID;
        CREATE TABLE market_event (
            id      INTEGER PRIMARY KEY,
            day     TEXT NOT NULL,
            title   TEXT NOT NULL,
            symbol  TEXT
        );
        CREATE INDEX market_event_by_symbol ON market_event(symbol, day);
        CREATE TABLE claimant_merge (
            from_key   TEXT PRIMARY KEY,
            from_name  TEXT NOT NULL,
            into_name  TEXT NOT NULL
        );
        CREATE TABLE setting (
            key    TEXT PRIMARY KEY,
            value  TEXT NOT NULL
        );",
    )?;
    Ok(())
}

/// The setting that names the benchmark ticker.
const BENCHMARK: &str = "benchmark";

/// Rows stored between two progress reports.
pub const PRICE_BATCH: u64 = 10_000;

/// What storing a file's prices changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PriceImport {
    /// Days not stored before.
    pub added: u64,
    /// Days stored before with another price, now replaced.
    pub changed: u64,
    /// Days stored before with the same price.
    pub unchanged: u64,
    /// Each ticker with the number of its days in the file, by symbol.
    pub tickers: Vec<TickerDays>,
}

/// A ticker and a number of days of its prices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TickerDays {
    pub symbol: Symbol,
    pub days: u64,
}

fn day_of(text: String) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

fn event_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MarketEvent> {
    let symbol: Option<String> = r.get(3)?;
    Ok(MarketEvent {
        id: r.get(0)?,
        day: day_of(r.get(1)?)?,
        title: r.get(2)?,
        symbol: symbol.and_then(|s| Symbol::parse(&s).ok()),
    })
}

impl Store {
    /// Stores daily prices in one transaction: a day already stored is replaced when its price
    /// differs, so importing the same file again changes nothing.
    pub fn store_prices<'a>(
        &mut self,
        rows: impl IntoIterator<Item = (&'a Symbol, &'a PriceDay)>,
    ) -> Result<PriceImport, StoreError> {
        self.store_prices_watched(rows, &mut |_| true)
    }

    /// [`Self::store_prices`], telling `keep_going` how many rows are stored every
    /// [`PRICE_BATCH`] rows; when it answers false, nothing is stored ([`StoreError::Cancelled`]).
    pub fn store_prices_watched<'a>(
        &mut self,
        rows: impl IntoIterator<Item = (&'a Symbol, &'a PriceDay)>,
        keep_going: &mut dyn FnMut(u64) -> bool,
    ) -> Result<PriceImport, StoreError> {
        let tx = self.write()?;
        let mut report = PriceImport::default();
        let mut per_ticker: std::collections::BTreeMap<Symbol, u64> = Default::default();
        {
            let mut read = tx.prepare_cached("SELECT close, adj_close FROM price WHERE symbol = ?1 AND day = ?2")?;
            let mut put = tx.prepare_cached(
                "INSERT INTO price (symbol, day, close, adj_close) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (symbol, day) DO UPDATE SET close = excluded.close, adj_close = excluded.adj_close",
            )?;
            for (symbol, price) in rows {
                let day = price.day.format("%Y-%m-%d").to_string();
                let before: Option<(f64, Option<f64>)> =
                    read.query_row(params![symbol.as_str(), day], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
                match before {
                    Some(old) if old == (price.close, price.adj_close) => report.unchanged += 1,
                    Some(_) => {
                        put.execute(params![symbol.as_str(), day, price.close, price.adj_close])?;
                        report.changed += 1;
                    }
                    None => {
                        put.execute(params![symbol.as_str(), day, price.close, price.adj_close])?;
                        report.added += 1;
                    }
                }
                *per_ticker.entry(symbol.clone()).or_default() += 1;
                let done = report.added + report.changed + report.unchanged;
                if done % PRICE_BATCH == 0 && !keep_going(done) {
                    return Err(StoreError::Cancelled);
                }
            }
        }
        tx.commit()?;
        report.tickers = per_ticker.into_iter().map(|(symbol, days)| TickerDays { symbol, days }).collect();
        Ok(report)
    }

    /// A ticker's daily prices, oldest first.
    pub fn prices(&self, symbol: &Symbol) -> Result<Vec<PriceDay>, StoreError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT day, close, adj_close FROM price WHERE symbol = ?1 ORDER BY day")?;
        let rows = stmt.query_map([symbol.as_str()], |r| {
            Ok(PriceDay { day: day_of(r.get(0)?)?, close: r.get(1)?, adj_close: r.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The tickers with prices, each with its number of days, by symbol.
    pub fn priced_tickers(&self) -> Result<Vec<TickerDays>, StoreError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT symbol, count(*) FROM price GROUP BY symbol ORDER BY symbol")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (symbol, days) = row?;
            if let Ok(symbol) = Symbol::parse(&symbol) {
                out.push(TickerDays { symbol, days: days as u64 });
            }
        }
        Ok(out)
    }

    /// The ticker calls are compared with (for example SPY), if one is set.
    pub fn benchmark(&self) -> Result<Option<Symbol>, StoreError> {
        let value: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM setting WHERE key = ?1")?
            .query_row([BENCHMARK], |r| r.get(0))
            .optional()?;
        Ok(value.and_then(|v| Symbol::parse(&v).ok()))
    }

    /// Sets (or, with `None`, clears) the benchmark ticker.
    pub fn set_benchmark(&mut self, symbol: Option<&Symbol>) -> Result<(), StoreError> {
        let tx = self.write()?;
        match symbol {
            Some(symbol) => tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![BENCHMARK, symbol.as_str()],
            )?,
            None => tx.execute("DELETE FROM setting WHERE key = ?1", [BENCHMARK])?,
        };
        tx.commit()?;
        Ok(())
    }

    /// Adds a dated event, for one ticker or (with no symbol) the whole market; returns its id.
    pub fn add_event(&mut self, day: NaiveDate, title: &str, symbol: Option<&Symbol>) -> Result<i64, StoreError> {
        let title = title.trim();
        if title.is_empty() {
            return Err(Invalid::new("an event needs a title").into());
        }
        if title.chars().count() > MAX_EVENT_TITLE_CHARS {
            return Err(Invalid::new(format!("an event's title is at most {MAX_EVENT_TITLE_CHARS} characters")).into());
        }
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO market_event (day, title, symbol) VALUES (?1, ?2, ?3)",
            params![day.format("%Y-%m-%d").to_string(), title, symbol.map(Symbol::as_str)],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Removes an event; false when there was none with that id.
    pub fn remove_event(&mut self, id: i64) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let removed = tx.execute("DELETE FROM market_event WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// The events a ticker's chart shows (its own and the market-wide ones), or with no ticker
    /// every event; by day.
    pub fn events(&self, symbol: Option<&Symbol>) -> Result<Vec<MarketEvent>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, day, title, symbol FROM market_event
             WHERE ?1 IS NULL OR symbol IS NULL OR symbol = ?1 ORDER BY day, id",
        )?;
        let rows = stmt.query_map([symbol.map(Symbol::as_str)], event_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn importing_the_same_prices_again_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("p.db")).unwrap();
        let nvda = Symbol::parse("NVDA").unwrap();
        let days = [
            PriceDay { day: day("2025-01-27"), close: 118.42, adj_close: Some(118.40) },
            PriceDay { day: day("2025-01-24"), close: 142.62, adj_close: None },
        ];
        let first = store.store_prices(days.iter().map(|d| (&nvda, d))).unwrap();
        assert_eq!((first.added, first.changed, first.unchanged), (2, 0, 0));
        let again = store.store_prices(days.iter().map(|d| (&nvda, d))).unwrap();
        assert_eq!((again.added, again.changed, again.unchanged), (0, 0, 2));
        let fixed = PriceDay { day: day("2025-01-24"), close: 142.0, adj_close: None };
        let changed = store.store_prices([(&nvda, &fixed)]).unwrap();
        assert_eq!((changed.added, changed.changed), (0, 1));
        let stored = store.prices(&nvda).unwrap();
        assert_eq!(stored, [fixed, days[0]]);
        assert_eq!(store.priced_tickers().unwrap(), [TickerDays { symbol: nvda, days: 2 }]);
    }

    #[test]
    fn the_benchmark_is_a_setting_and_events_show_on_their_ticker_and_everywhere() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("p.db")).unwrap();
        assert_eq!(store.benchmark().unwrap(), None);
        let spy = Symbol::parse("SPY").unwrap();
        store.set_benchmark(Some(&spy)).unwrap();
        assert_eq!(store.benchmark().unwrap(), Some(spy));
        store.set_benchmark(None).unwrap();
        assert_eq!(store.benchmark().unwrap(), None);

        let nvda = Symbol::parse("NVDA").unwrap();
        let aapl = Symbol::parse("AAPL").unwrap();
        let r1 = store.add_event(day("2025-01-20"), "DeepSeek R1 released", None).unwrap();
        store.add_event(day("2025-02-26"), "NVIDIA Q4 FY2025 results", Some(&nvda)).unwrap();
        store.add_event(day("2025-01-30"), "Apple Q1 results", Some(&aapl)).unwrap();
        let titles = |events: Vec<MarketEvent>| events.into_iter().map(|e| e.title).collect::<Vec<_>>();
        assert_eq!(titles(store.events(Some(&nvda)).unwrap()), ["DeepSeek R1 released", "NVIDIA Q4 FY2025 results"]);
        assert_eq!(store.events(None).unwrap().len(), 3);
        assert!(store.add_event(day("2025-01-20"), "  ", None).is_err());
        assert!(store.add_event(day("2025-01-20"), &"x".repeat(201), None).is_err());
        assert!(store.remove_event(r1).unwrap());
        assert!(!store.remove_event(r1).unwrap());
    }
}
