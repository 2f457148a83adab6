//! Hostile input, by property tests: whatever a user types into the search box, a form, a ticker
//! alias or the command line gives a result or a clear error, never a panic, and never an SQL
//! error; text analysis (`jevons::extract::analyse`) of anything, with any aliases the user
//! taught it, reports only spans that lie in the text.
//!
//! Strings come from two generators: any Unicode at all, and pieces of the search language
//! (operators, quotes, `*`, `-`, `OR`, `NEAR`, SQL punctuation, Portuguese words) glued together,
//! which reaches far more of the parser. Cases per property default to a few hundred;
//! `PROPTEST_CASES=20000 cargo test --test library properties` runs longer.

use crate::common;

use std::cell::{Cell, RefCell};

use common::cases;
use jevons::extract::{Lexicon, analyse, cashtags};
use jevons::model::{
    ClaimTicker, NoteDraft, SourceUrl, Symbol, TagName, Timestamp, parse_as_of, parse_currency, parse_date,
    parse_value, validate_text,
};
use jevons::query::{self, completion_context};
use jevons::store::{Store, StoreError};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Pieces of the search language and of SQL that a query might be glued from.
const PIECES: &[&str] = &[
    "$NVDA",
    "$",
    "$brk.b",
    "ticker:",
    "ticker:NVDA",
    "tag:",
    "#ai",
    "#",
    "tag:ai/inference",
    "source:",
    "source:wcc",
    "claimant:",
    "claimant:\"Cantor",
    "stance:",
    "stance:bullish",
    "stance:moon",
    "after:",
    "after:2025-01",
    "before:2025-13-45",
    "after:0000",
    "is:",
    "is:trash",
    "is:x",
    "\"",
    "\"\"",
    "*",
    "**",
    "-",
    "--",
    "OR",
    "AND",
    "NOT",
    "NEAR",
    "NEAR(",
    "(",
    ")",
    ":",
    "'",
    "';",
    "DROP TABLE note;",
    "%",
    "_",
    "\\",
    "^",
    "{",
    "}",
    "[",
    "]",
    "ação",
    "bilhões",
    "NVIDIA",
    "inferência",
    "x*",
    "*x",
    "a:b",
    "\0",
    "\u{202e}",
    "\u{fffd}",
    "🚀",
    "日本",
    " ",
    "\t",
    "\n",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::bool::ANY), 0..12).prop_map(|parts| {
        parts.into_iter().map(|(p, space)| if space { format!("{p} ") } else { p.to_owned() }).collect()
    })
}

/// Any string at all, or one glued from the language's pieces.
fn query_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), pieces(), "[ -~]{0,40}"]
}

thread_local! {
    /// The research fixture, built once per thread (a store is not shared between threads).
    static RESEARCH: Store = common::research().store;
}

proptest! {
    #![proptest_config(Config { cases: cases(2_000), ..Config::default() })]

    /// Parsing any text returns a query or a one-line message; it never panics.
    #[test]
    fn parsing_any_text_gives_a_query_or_a_clear_error(text in query_text()) {
        match query::parse(&text) {
            Ok(parsed) => prop_assert!(parsed.clauses.len() <= query::MAX_TERMS),
            Err(err) => {
                let message = err.to_string();
                prop_assert!(!message.trim().is_empty(), "an empty message for {:?}", text);
                prop_assert!(!message.contains("panicked"));
            }
        }
    }

    /// The search box asks what is under the cursor at every position of any text.
    #[test]
    fn completion_context_never_panics(text in query_text(), cursor in 0usize..64) {
        let _ = completion_context(&text, cursor);
        let _ = completion_context(&text, text.len());
    }
}

proptest! {
    #![proptest_config(Config { cases: cases(1_000), ..Config::default() })]

    /// Every query that parses runs against a real store without an error of any kind: user
    /// text never becomes an SQL (or FTS5 syntax) error.
    #[test]
    fn every_parsed_query_runs_without_an_sql_error(text in query_text()) {
        if let Ok(parsed) = query::parse(&text) {
            RESEARCH.with(|store| -> Result<(), TestCaseError> {
                match store.search(&parsed, 5, 0) {
                    Ok(page) => prop_assert!(page.results.len() as u64 <= page.total),
                    Err(StoreError::Sqlite(err)) => prop_assert!(false, "{:?} raised an SQL error: {}", text, err),
                    Err(err) => prop_assert!(false, "{:?} failed: {}", text, err),
                }
                let ids = store.search_ids(&parsed);
                prop_assert!(ids.is_ok(), "{:?}: {:?}", text, ids.err());
                Ok(())
            })?;
        }
    }

    /// Cashtag extraction on any text: spans lie on character boundaries, start with `$`, and
    /// name the symbol they cover.
    #[test]
    fn cashtags_in_any_text_are_well_formed(text in prop_oneof![any::<String>(), pieces()]) {
        for tag in cashtags(&text) {
            prop_assert!(text.is_char_boundary(tag.span.start) && text.is_char_boundary(tag.span.end));
            let covered = &text[tag.span.clone()];
            prop_assert!(covered.starts_with('$'), "{:?}", covered);
            prop_assert_eq!(Symbol::parse(&covered[1..]).ok(), Some(tag.symbol.clone()));
        }
    }

    /// What people type into forms and the command line is parsed or refused with a message.
    #[test]
    fn field_parsers_accept_or_explain(text in query_text()) {
        let messages = [
            Symbol::parse(&text).err().map(|e| e.0),
            TagName::parse(&text).err().map(|e| e.0),
            ClaimTicker::parse(&text).err().map(|e| e.0),
            SourceUrl::parse(&text).err().map(|e| e.0),
            parse_value(&text).err().map(|e| e.0),
            parse_as_of(&text).err().map(|e| e.0),
            parse_currency(&text).err().map(|e| e.0),
            parse_date(&text).err().map(|e| e.0),
            Timestamp::parse(&text).err().map(|e| e.0),
        ];
        for message in messages.into_iter().flatten() {
            prop_assert!(!message.trim().is_empty(), "an empty message for {:?}", text);
        }
    }
}

/// Any title and body are saved and read back byte for byte, or refused as invalid before
/// anything is written; the saved words can be searched for.
#[test]
fn any_text_is_saved_exactly_or_refused() {
    let store = RefCell::new(Store::open_in_memory().unwrap());
    let saved = Cell::new(0);
    let mut runner = TestRunner::new(Config { cases: cases(300), failure_persistence: None, ..Config::default() });
    let text = prop_oneof![any::<String>(), pieces()];
    let before = store.borrow().note_counts().unwrap();
    runner
        .run(&(text.clone(), text), |(title, body)| {
            let mut store = store.borrow_mut();
            match store.create_note(&NoteDraft::new(title.clone(), body.clone())) {
                Ok(id) => {
                    let note = store.note(id).unwrap();
                    prop_assert_eq!((&note.title, &note.body), (&title, &body));
                    for word in body.split_whitespace().take(3) {
                        if let Ok(parsed) = query::parse(word) {
                            prop_assert!(store.search_ids(&parsed).is_ok(), "searching {:?}", word);
                        }
                    }
                    saved.set(saved.get() + 1);
                }
                Err(StoreError::Invalid(_)) => prop_assert!(validate_text(&title, &body).is_err()),
                Err(err) => prop_assert!(false, "{:?} / {:?}: {}", title, body, err),
            }
            Ok(())
        })
        .unwrap();
    let store = store.into_inner();
    assert_eq!(store.note_counts().unwrap().0, before.0 + saved.get(), "refused notes left nothing behind");
    assert!(store.check().unwrap().is_sound());
}

/// Every span a finding reports lies inside `text`, on character boundaries, and covers the text
/// it shows.
fn spans_are_in(text: &str, lexicon: &Lexicon) -> Result<(), TestCaseError> {
    let findings = analyse(text, lexicon);
    for span in findings.spans() {
        prop_assert!(span.bytes.start <= span.bytes.end && span.bytes.end <= text.len(), "{:?} in {:?}", span, text);
        prop_assert!(text.is_char_boundary(span.bytes.start) && text.is_char_boundary(span.bytes.end));
        prop_assert_eq!(span.start, text[..span.bytes.start].chars().count());
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: cases(300), ..Config::default() })]

    /// Text analysis of query-like and SQL-like text (the note body is anything a user pastes).
    #[test]
    fn analysing_hostile_text_never_panics(text in query_text()) {
        thread_local! {
            static BUNDLED: Lexicon = Lexicon::bundled();
        }
        BUNDLED.with(|lexicon| spans_are_in(&text, lexicon))?;
    }
}

/// Any text taught as a ticker alias (or turned off as a match) is saved or refused as invalid,
/// never as an SQL error; the lexicon built from what was saved then reads any text.
#[test]
fn any_alias_is_saved_or_refused_and_the_lexicon_still_reads_any_text() {
    let store = RefCell::new(Store::open_in_memory().unwrap());
    let mut runner = TestRunner::new(Config { cases: cases(120), failure_persistence: None, ..Config::default() });
    let symbol = prop::sample::select(&["NVDA", "PETR4", "BRK.B", "ZZZ9"][..]);
    runner
        .run(&(query_text(), symbol, query_text()), |(alias, symbol, text)| {
            let mut store = store.borrow_mut();
            let symbol = Symbol::parse(symbol).unwrap();
            for result in [
                store.add_ticker_alias(&alias, &symbol),
                store.suppress_ticker_match(&alias, &symbol),
                store.unsuppress_ticker_match(&alias, &symbol).map(drop),
            ] {
                match result {
                    Ok(()) | Err(StoreError::Invalid(_)) => {}
                    Err(err) => prop_assert!(false, "alias {:?}: {}", alias, err),
                }
            }
            // The user's part of the lexicon (the bundled list is slow to build in a debug test).
            let lexicon = Lexicon::new([])
                .with_aliases(&store.ticker_aliases().unwrap())
                .with_suppressions(&store.ticker_suppressions().unwrap());
            spans_are_in(&text, &lexicon)?;
            spans_are_in(&format!("{alias} {text} {alias}"), &lexicon)?;
            Ok(())
        })
        .unwrap();
    let mut store = store.into_inner();
    let hostile = store.ticker_aliases().unwrap();
    assert!(!hostile.is_empty(), "some aliases were saved");
    store.add_ticker_alias("Team Green", &Symbol::parse("NVDA").unwrap()).unwrap();
    let lexicon = store.lexicon().unwrap();
    for alias in &hostile {
        let text = format!("Segundo {}, a ação subiu 3%. {} 'OR 1=1", alias.alias, alias.alias);
        spans_are_in(&text, &lexicon).unwrap();
    }
    let findings = analyse("Team Green beat again; $NVDA up 3%.", &lexicon);
    assert!(findings.tickers.iter().any(|t| t.text == "Team Green" && t.symbol.as_str() == "NVDA"), "{findings:?}");
}
