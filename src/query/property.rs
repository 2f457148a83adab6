//! Property terms, in Obsidian's brackets: `[status]` (set), `[conviction:high]` (equal: text
//! without case or accents; for a list, any item), `[price_target>150]`, `>=`, `<`, `<=`
//! (numbers compared as numbers, dates `YYYY-MM-DD` as dates).

use chrono::NaiveDate;

use super::QueryError;
use crate::model::{PropertyValue, fold};

/// A condition on one property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyTerm {
    /// The key, folded (case and accents ignored).
    pub key: String,
    pub test: PropertyTest,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PropertyTest {
    /// The note has the property, whatever its value.
    Set,
    /// The value (or an item of a list) equals this, as typed: text is compared folded, a
    /// number or a date also by value.
    Equals(String),
    Compare(Comparison, Bound),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl Comparison {
    pub fn sql(self) -> &'static str {
        match self {
            Comparison::Less => "<",
            Comparison::LessOrEqual => "<=",
            Comparison::Greater => ">",
            Comparison::GreaterOrEqual => ">=",
        }
    }
}

/// What a comparison compares with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// A number, as typed (it parses as a finite `f64`).
    Number(String),
    Date(NaiveDate),
}

/// The inside of `[…]`; `None` when it is not a property term (it is then searched as words).
pub(super) fn parse(inner: &str) -> Result<Option<PropertyTerm>, QueryError> {
    let inner = inner.trim();
    if inner.is_empty() || inner.contains(['[', ']']) {
        return Ok(None);
    }
    let Some(at) = inner.find([':', '<', '>', '=']) else {
        return Ok(Some(PropertyTerm { key: fold(inner), test: PropertyTest::Set }));
    };
    let key = inner[..at].trim();
    let rest = &inner[at..];
    let (op, value) = [">=", "<=", ">", "<", ":", "="]
        .iter()
        .find_map(|op| rest.strip_prefix(op).map(|v| (*op, v)))
        .unwrap_or((":", &rest[1..]));
    let value = value.trim();
    let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value).trim();
    if key.is_empty() {
        return Err(QueryError(format!("[{inner}] needs a property name, like [status] or [conviction:high]")));
    }
    if value.is_empty() {
        return Err(QueryError(format!(
            "[{inner}] needs a value, like [{key}:high] or [{key}>150]; [{key}] alone finds notes where it is set"
        )));
    }
    let comparison = match op {
        ":" | "=" => return Ok(Some(PropertyTerm { key: fold(key), test: PropertyTest::Equals(value.to_owned()) })),
        ">=" => Comparison::GreaterOrEqual,
        "<=" => Comparison::LessOrEqual,
        ">" => Comparison::Greater,
        _ => Comparison::Less,
    };
    let bound = match PropertyValue::by_look(value) {
        PropertyValue::Number(_) => Bound::Number(value.to_owned()),
        PropertyValue::Date(day, _) => Bound::Date(day),
        _ => {
            return Err(QueryError(format!(
                "[{inner}]: {op} compares with a number or a date, like [{key}{op}150] or [{key}{op}2025-03-01]"
            )));
        }
    };
    Ok(Some(PropertyTerm { key: fold(key), test: PropertyTest::Compare(comparison, bound) }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_of(inner: &str) -> Option<PropertyTest> {
        parse(inner).unwrap().map(|t| t.test)
    }

    #[test]
    fn brackets_read_as_property_tests() {
        assert_eq!(parse("Conviction:High").unwrap().unwrap().key, "conviction");
        assert_eq!(test_of("status"), Some(PropertyTest::Set));
        assert_eq!(test_of("conviction:high"), Some(PropertyTest::Equals("high".into())));
        assert_eq!(test_of("status: \"in progress\""), Some(PropertyTest::Equals("in progress".into())));
        assert_eq!(
            test_of("price_target>150"),
            Some(PropertyTest::Compare(Comparison::Greater, Bound::Number("150".into())))
        );
        let day = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        assert_eq!(
            test_of("review<=2025-03-01"),
            Some(PropertyTest::Compare(Comparison::LessOrEqual, Bound::Date(day)))
        );
        assert_eq!(test_of("a>=1"), Some(PropertyTest::Compare(Comparison::GreaterOrEqual, Bound::Number("1".into()))));
        assert_eq!(test_of("a<1"), Some(PropertyTest::Compare(Comparison::Less, Bound::Number("1".into()))));
        assert_eq!(test_of(""), None);
        assert_eq!(test_of("[Note"), None);
    }

    #[test]
    fn malformed_brackets_say_what_to_type() {
        for (inner, says) in
            [(":high", "needs a property name"), ("status:", "needs a value"), ("a>high", "compares with")]
        {
            let err = parse(inner).unwrap_err().0;
            assert!(err.contains(says), "{inner}: {err}");
        }
    }
}
