//! The search language in one table: every kind of term, with an example and what it finds. The
//! parser's messages, the completion of operator names, the search box's hint and the F1 help
//! all read it, so a new operator is added here once.

use std::sync::LazyLock;

/// One kind of term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax {
    /// The name before `:` (`ticker` in `ticker:NVDA`); empty for words, phrases, `$`, `#`, `-`
    /// and `OR`.
    pub operator: &'static str,
    /// What a user types.
    pub example: &'static str,
    /// What it finds.
    pub help: &'static str,
    /// Shown in the empty search box.
    pub in_hint: bool,
}

impl Syntax {
    /// The same, shown in the empty search box.
    const fn hinted(self) -> Self {
        Self { in_hint: true, ..self }
    }
}

/// A term without an operator name.
const fn term(example: &'static str, help: &'static str) -> Syntax {
    Syntax { operator: "", example, help, in_hint: false }
}

/// An operator: `name:value`.
const fn op(operator: &'static str, example: &'static str, help: &'static str) -> Syntax {
    Syntax { operator, example, help, in_hint: false }
}

/// The whole language, in the order the help lists it.
pub const SYNTAX: &[Syntax] = &[
    term("$NVDA", "linked to a ticker (a query of one ticker opens its dossier)").hinted(),
    op("ticker", "ticker:NVDA", "linked to a ticker, like $NVDA"),
    term("#ai", "tagged ai or anything under ai/").hinted(),
    op("tag", "tag:ai/inference", "tagged, like #ai/inference"),
    term("nvidia  infer*", "words, prefixes (accents ignored)"),
    term("\"phrase\"", "an exact phrase").hinted(),
    op("source", "source:wccftech", "linked to a source by its publisher or web address"),
    op("claimant", "claimant:\"Cantor Fitzgerald\"", "has a claim by that claimant"),
    op("stance", "stance:bullish", "has a claim with that stance (on the query's tickers)").hinted(),
    op("after", "after:2025-01-01", "updated on or after a day (or a month: 2025-01, a year: 2025)"),
    op("before", "before:2025-02-01", "updated before a day, month or year"),
    term("-word", "exclude (any kind of term)"),
    term("a OR b", "either"),
    op("is", "is:trash", "in the trash (otherwise left out)"),
    term("is:due", "its review date (the review property) is today or earlier"),
    term("is:conflict", "a sync kept both versions of lines two people changed (tagged conflict)"),
    term("is:unanchored", "has a claim whose quote is not found in its source's document"),
    term("[conviction:high]", "a property equals a value (text without case; a list: any item)"),
    term("[price_target>150]", "a property compared: > >= < <= (numbers as numbers)"),
    term("[review<=2025-03-01]", "a date property compared as a date"),
    term("[status]", "the property is set"),
];

/// The operators (`name:value` terms), in the table's order.
pub fn operators() -> impl Iterator<Item = &'static Syntax> {
    SYNTAX.iter().filter(|s| !s.operator.is_empty())
}

/// The operator called `name` (lower case), if the language has one.
pub fn operator(name: &str) -> Option<&'static Syntax> {
    operators().find(|s| s.operator == name)
}

/// The search box's hint: a few examples (built once).
pub fn hint() -> &'static str {
    static HINT: LazyLock<String> = LazyLock::new(|| {
        let examples: Vec<&str> = SYNTAX.iter().filter(|s| s.in_hint).map(|s| s.example).collect();
        format!("Search:  {}", examples.join("  "))
    });
    &HINT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_parses_to_what_its_row_names() {
        for syntax in SYNTAX {
            let query = super::super::parse(syntax.example).unwrap_or_else(|e| panic!("{}: {e}", syntax.example));
            assert!(!query.is_empty() && query.ignored.is_empty(), "{} is searched whole", syntax.example);
            if !syntax.operator.is_empty() {
                assert!(syntax.example.starts_with(&format!("{}:", syntax.operator)), "{syntax:?}");
            }
        }
        assert_eq!(hint(), "Search:  $NVDA  #ai  \"phrase\"  stance:bullish");
    }

    #[test]
    fn operators_are_found_by_name() {
        let names: Vec<&str> = operators().map(|s| s.operator).collect();
        assert_eq!(names, ["ticker", "tag", "source", "claimant", "stance", "after", "before", "is"]);
        assert_eq!(operator("claimant").map(|s| s.example), Some("claimant:\"Cantor Fitzgerald\""));
        assert_eq!(operator("near"), None);
    }
}
