//! Search language: turns what a user types into a [`Query`] the store can run.
//!
//! One parser serves the GUI search box and the CLI. A query is a list of clauses that must all
//! hold; a clause is one term or several joined by `OR`. Parsing never fails on odd input:
//! unknown operators and stray punctuation become literal words, and punctuation with nothing to
//! search for is set aside in [`Query::ignored`]. Only impossible values (a date like
//! `2025-13-45`, `stance:maybe`, `ticker:` with no symbol, `[price>high]`) produce a [`QueryError`].

mod completion;
mod lexer;
mod property;
mod syntax;

use chrono::{Datelike, NaiveDate};

use crate::model::{Stance, Symbol, TagName, fold};

pub use completion::{Completion, CompletionKind, completion_context};
pub use property::{Bound, Comparison, PropertyTerm, PropertyTest};
pub use syntax::{SYNTAX, Syntax, hint, operator, operators};

/// A parsed query: every clause must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Pieces with nothing searchable in them (`(`, `*`, a lone `-`), as typed.
    pub ignored: Vec<String>,
}

/// Terms joined by `OR`: at least one must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub any: Vec<Term>,
}

/// One condition, possibly negated (`-term`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub kind: TermKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermKind {
    /// A word in the title or body (diacritics and case ignored).
    Word(String),
    /// Words starting with this (`infer*`).
    Prefix(String),
    /// An exact phrase.
    Phrase(String),
    /// Linked to the ticker: typed, detected or through a claim (`$NVDA`, `ticker:NVDA`).
    Ticker(Symbol),
    /// Tagged with this tag or one below it (`#ai`, `tag:ai`).
    Tag(TagName),
    /// Linked to a source whose publisher or host contains this (folded).
    Source(String),
    /// Has a claim by a claimant whose name contains this (folded).
    Claimant(String),
    /// Has a claim with this stance (on the query's tickers, when it names any).
    Stance(Stance),
    /// Updated on or after this day (UTC).
    After(NaiveDate),
    /// Updated before this day (UTC).
    Before(NaiveDate),
    /// In the trash (the trash is otherwise left out).
    Trash,
    /// Has a claim whose quote is not in its source's document (`is:unanchored`).
    Unanchored,
    /// A property test: `[status]`, `[conviction:high]`, `[price_target>150]`.
    Property(PropertyTerm),
}

impl TermKind {
    /// Words, prefixes and phrases: what the full-text index answers.
    pub fn is_text(&self) -> bool {
        matches!(self, TermKind::Word(_) | TermKind::Prefix(_) | TermKind::Phrase(_))
    }
}

impl Query {
    /// Whether any clause searches the text (results are then ranked by relevance).
    pub fn has_text(&self) -> bool {
        self.clauses.iter().any(|c| c.any.iter().any(|t| !t.negated && t.kind.is_text()))
    }

    /// Whether the query asks for the trash (`is:trash`).
    pub fn wants_trash(&self) -> bool {
        self.clauses.iter().any(|c| c.any.len() == 1 && !c.any[0].negated && c.any[0].kind == TermKind::Trash)
    }

    /// The tickers every result must carry (positive single-term `$X` clauses).
    pub fn required_tickers(&self) -> Vec<&Symbol> {
        self.clauses
            .iter()
            .filter_map(|c| match c.any.as_slice() {
                [Term { negated: false, kind: TermKind::Ticker(s) }] => Some(s),
                _ => None,
            })
            .collect()
    }

    /// Whether the user typed nothing searchable at all.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// A query that cannot mean anything, with a message saying what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

/// The tag `is:conflict` finds: notes a sync merged with lines both sides changed (they keep
/// both texts until someone resolves them and removes the tag).
pub const CONFLICT_TAG: &str = "conflict";

/// The property `is:due` reads: the day a note is next to be reviewed.
pub const DUE_KEY: &str = "review";

/// The longest query accepted; longer text is refused rather than cut.
pub const MAX_QUERY_CHARS: usize = 2_000;
/// The most terms in one query.
pub const MAX_TERMS: usize = 64;

/// Parses a query. See the module documentation for what is literal and what is an error.
/// `is:due` means a `review` date on or before today (the local calendar's).
pub fn parse(text: &str) -> Result<Query, QueryError> {
    parse_on(text, chrono::Local::now().date_naive())
}

/// Parses a query as on `today` (what `is:due` compares the `review` date with).
pub fn parse_on(text: &str, today: NaiveDate) -> Result<Query, QueryError> {
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(QueryError(format!("a query is at most {MAX_QUERY_CHARS} characters")));
    }
    let mut query = Query::default();
    let mut pending_or = false;
    let tokens = lexer::tokens(text);
    for (index, token) in tokens.iter().enumerate() {
        let bare = !token.negated && !token.quoted && token.operator.is_empty();
        let is_last = index + 1 == tokens.len();
        if bare && token.value == "OR" && !query.clauses.is_empty() && !is_last && !pending_or {
            pending_or = true;
            continue;
        }
        if bare && token.value == "AND" && !query.clauses.is_empty() && !is_last {
            continue;
        }
        let Some(term) = term(token, today)? else {
            query.ignored.push(token.raw.clone());
            continue;
        };
        match query.clauses.last_mut() {
            Some(clause) if pending_or => clause.any.push(term),
            _ => query.clauses.push(Clause { any: vec![term] }),
        }
        pending_or = false;
    }
    let count: usize = query.clauses.iter().map(|c| c.any.len()).sum();
    if count > MAX_TERMS {
        return Err(QueryError(format!("a query has at most {MAX_TERMS} terms ({count} given)")));
    }
    if query.clauses.is_empty() && !query.ignored.is_empty() {
        return Err(QueryError(format!("nothing to search for in {:?}: type words, $TICKER or #tag", text.trim())));
    }
    Ok(query)
}

/// Turns one token into a term; `None` when it has nothing searchable in it.
fn term(token: &lexer::Token, today: NaiveDate) -> Result<Option<Term>, QueryError> {
    let value = token.value.trim();
    let kind = match token.operator.as_str() {
        "[" => property::parse(value)?.map(TermKind::Property).or_else(|| plain(&format!("[{value}]"))),
        "" if token.quoted => searchable(value).then(|| TermKind::Phrase(value.to_owned())),
        "" => plain(value),
        op if value.is_empty() => {
            let example = operator(op).map_or(op, |o| o.example);
            return Err(QueryError(format!("{op}: needs a value, like {example}")));
        }
        "ticker" => Some(TermKind::Ticker(symbol(value)?)),
        "tag" => Some(TermKind::Tag(tag(value)?)),
        "source" => Some(TermKind::Source(fold(value))),
        "claimant" => Some(TermKind::Claimant(fold(value))),
        "stance" => Some(TermKind::Stance(Stance::parse(value).map_err(|e| QueryError(e.0))?)),
        "after" => Some(TermKind::After(period_start(value, "after")?)),
        "before" => Some(TermKind::Before(period_start(value, "before")?)),
        "is" if value.eq_ignore_ascii_case("trash") => Some(TermKind::Trash),
        "is" if value.eq_ignore_ascii_case("due") => Some(TermKind::Property(PropertyTerm {
            key: DUE_KEY.to_owned(),
            test: PropertyTest::Compare(Comparison::LessOrEqual, Bound::Date(today)),
        })),
        "is" if value.eq_ignore_ascii_case(CONFLICT_TAG) => Some(TermKind::Tag(tag(CONFLICT_TAG)?)),
        "is" if value.eq_ignore_ascii_case("unanchored") => Some(TermKind::Unanchored),
        "is" => {
            return Err(QueryError(format!(
                "is:{value} is not known; is:trash shows the trash, is:due the notes due for review, \
                 is:conflict the notes a sync merged with both versions, is:unanchored the notes with \
                 quotes not found in their sources' documents"
            )));
        }
        _ => plain(&token.raw),
    };
    Ok(kind.map(|kind| Term { negated: token.negated, kind }))
}

/// A bare word: `$NVDA`, `#ai`, `wor*`, or a literal word.
fn plain(value: &str) -> Option<TermKind> {
    if let Some(rest) = value.strip_prefix('$')
        && let Ok(symbol) = Symbol::parse(rest)
        && rest.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return Some(TermKind::Ticker(symbol));
    }
    if let Some(rest) = value.strip_prefix('#')
        && let Ok(tag) = TagName::parse(rest)
    {
        return Some(TermKind::Tag(tag));
    }
    let stem = value.trim_end_matches('*');
    if stem.len() < value.len() && searchable(stem) {
        return Some(TermKind::Prefix(stem.trim_start_matches('*').to_owned()));
    }
    let word = value.trim_matches('*');
    searchable(word).then(|| TermKind::Word(word.to_owned()))
}

/// Text the full-text index can find: at least one letter or digit.
fn searchable(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn symbol(value: &str) -> Result<Symbol, QueryError> {
    Symbol::parse(value).map_err(|e| QueryError(e.0))
}

fn tag(value: &str) -> Result<TagName, QueryError> {
    TagName::parse(value).map_err(|e| QueryError(e.0))
}

/// `2025-01-27`, `2025-01` or `2025`: the first day of that period.
fn period_start(value: &str, op: &str) -> Result<NaiveDate, QueryError> {
    let bad = || QueryError(format!("{op}:{value} is not a date; write {op}:2025-01-27, {op}:2025-01 or {op}:2025"));
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str| s.parse::<u32>().ok().filter(|_| s.chars().all(|c| c.is_ascii_digit()));
    let date = match parts.as_slice() {
        [y] if y.len() == 4 => number(y).and_then(|y| NaiveDate::from_ymd_opt(y as i32, 1, 1)),
        [y, m] if y.len() == 4 && m.len() == 2 => {
            number(y).zip(number(m)).and_then(|(y, m)| NaiveDate::from_ymd_opt(y as i32, m, 1))
        }
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            number(y).zip(number(m)).zip(number(d)).and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y as i32, m, d))
        }
        _ => None,
    };
    date.filter(|d| (1900..=9999).contains(&d.year())).ok_or_else(bad)
}

#[cfg(test)]
mod tests;
