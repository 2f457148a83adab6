//! Test hook that records the SQL text of every statement the store runs, so a test can prove
//! that what users type reaches SQLite only as bound values, never as SQL. Hidden from the
//! documentation; a store that never calls it behaves exactly as before.

use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::trace::{TraceEvent, TraceEventCodes};

use super::{Store, StoreError};

/// The statements a store ran since [`Store::record_sql`], as SQLite saw their text (with `?`
/// placeholders, not the values bound to them).
#[doc(hidden)]
#[derive(Debug, Clone, Default)]
pub struct SqlLog(Arc<Mutex<Vec<String>>>);

impl SqlLog {
    /// Every statement recorded so far, in the order run (trigger bodies appear as SQLite's
    /// `-- TRIGGER name` lines).
    pub fn statements(&self) -> Vec<String> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

impl Store {
    /// Starts recording the text of every statement this store's connection runs.
    #[doc(hidden)]
    pub fn record_sql(&mut self) -> Result<SqlLog, StoreError> {
        let log = SqlLog::default();
        let sink = Arc::clone(&log.0);
        self.conn.trace_v2(
            TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |event: TraceEvent<'_>| {
                if let TraceEvent::Stmt(_, text) = event {
                    sink.lock().unwrap_or_else(PoisonError::into_inner).push(text.to_owned());
                }
            }),
        )?;
        Ok(log)
    }
}
