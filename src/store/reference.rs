//! Loads the ticker reference list ([`crate::model::reference_tickers`]) into the `ticker` table
//! when a database is created.

use rusqlite::{Transaction, params};

use super::StoreError;
use crate::model::{fold, reference_tickers};

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
