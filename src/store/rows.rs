//! Reading stored values back into model types (times, dates, enums), with a conversion error
//! instead of a panic when a file holds something unexpected.

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::Type;

use crate::model::Timestamp;

fn conversion(index: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, Type::Text, message.into())
}

pub(super) fn timestamp(row: &Row, index: usize) -> rusqlite::Result<Timestamp> {
    let text: String = row.get(index)?;
    Timestamp::parse(&text).map_err(|e| conversion(index, e.0))
}

pub(super) fn opt_timestamp(row: &Row, index: usize) -> rusqlite::Result<Option<Timestamp>> {
    match row.get::<_, Option<String>>(index)? {
        Some(text) => Timestamp::parse(&text).map(Some).map_err(|e| conversion(index, e.0)),
        None => Ok(None),
    }
}

pub(super) fn opt_date(row: &Row, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(index)? {
        Some(text) => {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d").map(Some).map_err(|e| conversion(index, e.to_string()))
        }
        None => Ok(None),
    }
}

/// Reads an enum stored as its name, with `parse` the model's own parser.
pub(super) fn parsed<T, E: std::fmt::Display>(
    row: &Row,
    index: usize,
    parse: impl Fn(&str) -> Result<T, E>,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    parse(&text).map_err(|e| conversion(index, e.to_string()))
}

/// `?, ?, ?` for `count` parameters (the only SQL text built at run time, and never from input).
pub(super) fn placeholders(count: usize) -> String {
    vec!["?"; count].join(", ")
}
