//! Hostile input to the importers, by property tests: any text (or bytes) in a Markdown file, and
//! any JSON file (random bytes, or a Jevons export whose every string, number, date and link is
//! hostile) is imported, or reported with a reason (skipped, or refused as not a Jevons export),
//! never panics, never surfaces an SQL error, and leaves a sound database.
//!
//! `PROPTEST_CASES=5000 cargo test --test library import_properties` runs longer.

use crate::common;

use std::cell::{Cell, RefCell};

use common::{cases, try_import};
use jevons::io::markdown_import::parse_note;
use jevons::io::{ImportError, ImportReport};
use jevons::store::{Store, StoreError};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

/// Pieces a Markdown note (and its YAML front matter) might be glued from.
const MARKDOWN: &[&str] = &[
    "---\n",
    "---",
    "title: ",
    "title: \"",
    "tags: [",
    "]",
    "tags:\n  - ",
    "uid: ",
    "id: ",
    "created: ",
    "updated: ",
    "date: ",
    "2025-01-27",
    "2025-01-27T14:03:11Z",
    "2025-13-45",
    "1737986591",
    "aliases: ",
    "tickers: [NVDA, ",
    "source: https://example.com/a",
    ": ",
    "- ",
    "\"",
    "'",
    "{",
    "}",
    "[[",
    "]]",
    "#ai",
    "#ai/inference",
    "#",
    "$NVDA",
    "$",
    "\0",
    "\u{feff}",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "\t",
    "ação",
    "bilhões",
    "🚀",
    "\u{202e}",
    "DROP TABLE note;",
    "'); --",
    "<script>alert(1)</script>",
    "![x](https://e.com/x.png)",
    "[l](javascript:alert(1))",
    "```\n",
    "&anchor ",
    "*anchor",
    "!!binary ",
    "? ",
    "...\n",
    "null",
    "~",
    "%",
    "\\",
    "|",
];

fn glued(pieces: &'static [&'static str], most: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(pieces), 0..most).prop_map(|parts| parts.concat())
}

/// Any text, text glued from Markdown and YAML pieces, or such text made long.
fn markdown_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        glued(MARKDOWN, 30),
        (glued(MARKDOWN, 8), 1usize..400).prop_map(|(text, times)| text.repeat(times)),
    ]
}

/// Files reported, each once: a file is imported, updated, unchanged, kept or skipped.
fn accounted(report: &ImportReport) -> u64 {
    report.imported
        + report.updated
        + report.unchanged
        + report.kept_newer
        + report.conflicts
        + report.skipped.len() as u64
}

/// A reason or remark a user reads: present, and on one line.
fn clear(text: &str) -> bool {
    !text.trim().is_empty() && !text.contains('\n')
}

proptest! {
    #![proptest_config(Config { cases: cases(1_000), ..Config::default() })]

    /// Reading any Markdown text gives a note (with remarks, never a panic), whose title is
    /// never empty or invisible.
    #[test]
    fn any_markdown_text_is_understood(text in markdown_text()) {
        let parsed = parse_note(&text, "stem", "md:stem", None);
        let title = &parsed.record.draft.title;
        prop_assert!(!title.trim().is_empty() && !title.chars().any(char::is_control), "{:?}: {:?}", text, title);
        for warning in &parsed.warnings {
            prop_assert!(clear(warning), "{:?}", warning);
        }
    }
}

/// Any file in a Markdown folder is imported or skipped with a one-line reason; the import never
/// fails, never with an SQL error, and the database stays sound.
#[test]
fn any_markdown_file_is_imported_or_skipped_with_a_reason() {
    let store = RefCell::new(Store::open_in_memory().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let counter = Cell::new(0u64);
    let imported = Cell::new(0u64);
    let mut runner = TestRunner::new(Config { cases: cases(150), failure_persistence: None, ..Config::default() });
    let content =
        prop_oneof![markdown_text().prop_map(String::into_bytes), prop::collection::vec(any::<u8>(), 0..300),];
    runner
        .run(&content, |bytes| {
            let n = counter.get();
            counter.set(n + 1);
            let file = dir.path().join(format!("note {n}.md"));
            std::fs::write(&file, &bytes).unwrap();
            let mut store = store.borrow_mut();
            match try_import(&mut store, &file) {
                Ok(report) => {
                    prop_assert_eq!(accounted(&report), 1, "{:?}", report);
                    for note in report.skipped.iter().chain(&report.warnings) {
                        prop_assert!(clear(&note.reason), "{:?}", note);
                    }
                    imported.set(imported.get() + report.imported);
                }
                Err(err) => prop_assert!(false, "{:?}: {}", String::from_utf8_lossy(&bytes), err),
            }
            Ok(())
        })
        .unwrap();
    let store = store.into_inner();
    assert!(store.check().unwrap().is_sound());
    assert!(imported.get() > 0, "some files were imported");
    assert_eq!(store.note_counts().unwrap().0 + store.note_counts().unwrap().1, imported.get());
}

/// Hostile strings for every string slot of an export.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        glued(MARKDOWN, 6),
        prop::sample::select(
            &[
                "",
                " ",
                "NVDA",
                "BRK.B",
                "$NVDA",
                "ai/inference",
                "https://example.com/a",
                "javascript:alert(1)",
                "2025-01-27",
                "2025-01",
                "USD",
                "dollars",
                "bullish",
                "refuted",
                "supports",
                "'); DROP TABLE note; --",
            ][..]
        )
        .prop_map(str::to_owned),
    ]
}

/// A slot the format constrains (a time, a stance, a kind): one of `valid`, or now and then
/// anything (which makes the whole file unreadable as an export).
fn slot(valid: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![
        80 => prop::sample::select(valid).prop_map(|v| if v == "null" { Value::Null } else { json!(v) }),
        1 => hostile().prop_map(Value::String),
        1 => Just(Value::Null),
    ]
}

fn time() -> impl Strategy<Value = Value> {
    slot(&["2025-01-27T14:03:11.123Z", "2024-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z"])
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => Just(Value::Null),
        4 => any::<i64>().prop_map(|n| json!(n)),
        4 => prop::sample::select(&[0.0, -0.0, 1e308, -1e308, 5e-324, 6e6, 1.5][..]).prop_map(|n| json!(n)),
        1 => hostile().prop_map(Value::String),
    ]
}

/// A Jevons export of a few notes, claims, sources, tickers and links whose contents are hostile
/// (links between them by uid and URL sometimes hold, sometimes dangle).
fn document() -> impl Strategy<Value = Value> {
    let uid = prop_oneof![prop::sample::select(&["n1", "n2", "c1", "c2"][..]).prop_map(str::to_owned), hostile()];
    let url = prop_oneof![
        prop::sample::select(&["https://example.com/a", "https://example.com/b"][..]).prop_map(str::to_owned),
        hostile()
    ];
    let note = (
        uid.clone(),
        hostile(),
        hostile(),
        time(),
        time(),
        prop::collection::vec(hostile(), 0..3),
        prop::collection::vec(hostile(), 0..3),
        prop::collection::vec(url.clone(), 0..2),
        prop::collection::vec((hostile(), hostile(), time(), time()), 0..2),
        slot(&["null", "2025-01-28T09:00:00.000Z"]),
    )
        .prop_map(|(uid, title, body, created, updated, tags, tickers, sources, revisions, deleted)| {
            let revisions: Vec<Value> = revisions
                .into_iter()
                .map(|(t, b, s, r)| json!({"title": t, "body": b, "saved_at": s, "replaced_at": r}))
                .collect();
            json!({"uid": uid, "title": title, "body": body, "created_at": created, "updated_at": updated,
                   "deleted_at": deleted, "tags": tags, "tickers": tickers, "sources": sources, "revisions": revisions})
        });
    let claim = (
        uid.clone(),
        prop::option::of(uid.clone()),
        hostile(),
        number(),
        (prop::option::of(hostile()), prop::option::of(hostile()), prop::option::of(hostile())),
        slot(&["unverified", "supported", "disputed", "refuted"]),
        prop::collection::vec((hostile(), slot(&["bullish", "bearish", "neutral", "null"])), 0..3),
        prop::collection::vec((url.clone(), prop::option::of(hostile())), 0..2),
        (time(), time()),
    )
        .prop_map(|(uid, note, text, value, (unit, currency, as_of), status, tickers, sources, (c, u))| {
            let tickers: Vec<Value> = tickers.into_iter().map(|(s, st)| json!({"symbol": s, "stance": st})).collect();
            let sources: Vec<Value> = sources.into_iter().map(|(u, q)| json!({"url": u, "quote": q})).collect();
            let mut claim = json!({"uid": uid, "note": note, "text": text, "value": value, "unit": unit,
                "currency": currency, "as_of": as_of, "claimant": "Cantor", "tickers": tickers,
                "sources": sources, "created_at": c, "updated_at": u});
            if !status.is_null() {
                claim["status"] = status;
            }
            claim
        });
    let source = (
        url,
        prop::option::of(hostile()),
        slot(&["2025-01-27", "null"]),
        slot(&["article", "filing", "transcript", "broker_note", "post"]),
    )
        .prop_map(|(url, title, published, kind)| {
            let mut source = json!({"url": url, "title": title, "published_at": published});
            if !kind.is_null() {
                source["kind"] = kind;
            }
            source
        });
    let ticker = (hostile(), prop::option::of(hostile()), prop::collection::vec(hostile(), 0..2))
        .prop_map(|(symbol, name, aliases)| json!({"symbol": symbol, "name": name, "aliases": aliases}));
    let link = (uid.clone(), uid, slot(&["supports", "contradicts", "updates"]))
        .prop_map(|(from, to, kind)| json!({"from": from, "to": to, "kind": kind}));
    (
        prop::collection::vec(note, 0..4),
        prop::collection::vec(claim, 0..4),
        prop::collection::vec(source, 0..3),
        prop::collection::vec(ticker, 0..3),
        prop::collection::vec(link, 0..2),
        prop_oneof![30 => Just(json!(1)), 1 => number()],
    )
        .prop_map(|(notes, claims, sources, tickers, links, version)| {
            json!({"format": "jevons", "format_version": version, "exported_at": "2025-01-28T00:00:00.000Z",
                   "app_version": "0.1.0", "notes": notes, "claims": claims, "sources": sources,
                   "tickers": tickers, "claim_links": links})
        })
}

/// Any JSON file, and any export with hostile contents, is imported (what is invalid skipped
/// with a reason) or refused as a whole with a one-line message; never an SQL error, and the
/// database stays sound.
#[test]
fn any_json_file_is_imported_or_refused_clearly() {
    let store = RefCell::new(Store::open_in_memory().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let counter = Cell::new(0u64);
    let (imported, refused) = (Cell::new(0u64), Cell::new(0u64));
    let mut runner = TestRunner::new(Config { cases: cases(200), failure_persistence: None, ..Config::default() });
    let content = prop_oneof![
        4 => document().prop_map(|doc| serde_json::to_vec(&doc).unwrap()),
        1 => prop::collection::vec(any::<u8>(), 0..200),
        1 => glued(&["{", "}", "[", "]", "\"format\"", ":", "\"jevons\"", ",", "\"notes\"", "1", "null"], 20)
            .prop_map(String::into_bytes),
    ];
    runner
        .run(&content, |bytes| {
            let n = counter.get();
            counter.set(n + 1);
            let file = dir.path().join(format!("export {n}.json"));
            std::fs::write(&file, &bytes).unwrap();
            let mut store = store.borrow_mut();
            match try_import(&mut store, &file) {
                Ok(report) => {
                    for note in report.skipped.iter().chain(&report.warnings) {
                        prop_assert!(clear(&note.reason), "{:?}", note);
                    }
                    imported.set(imported.get() + report.imported);
                }
                Err(err @ (ImportError::NotJevonsJson { .. } | ImportError::NewerFormat { .. })) => {
                    // The parser's own words may quote the file (newlines and all); the command
                    // line prints every error on one line.
                    prop_assert!(!err.to_string().trim().is_empty(), "{}", err);
                    refused.set(refused.get() + 1);
                }
                Err(ImportError::Store(StoreError::Invalid(invalid))) => {
                    prop_assert!(clear(&invalid.to_string()), "{}", invalid);
                    refused.set(refused.get() + 1);
                }
                Err(err) => prop_assert!(false, "{}: {:?}", String::from_utf8_lossy(&bytes), err),
            }
            Ok(())
        })
        .unwrap();
    let store = store.into_inner();
    assert!(store.check().unwrap().is_sound());
    eprintln!("json imports: {} notes imported, {} files refused", imported.get(), refused.get());
    assert!(imported.get() > 0 && refused.get() > 0, "both outcomes were seen: {imported:?} {refused:?}");
}
/// Titles as a reader sees them: a heading or front-matter title made only of control
/// characters and spaces is no title, and the next candidate is taken (found by fuzzing:
/// `"#\t\0 \0\u{7}"` gave the title `" "`).
#[test]
fn invisible_titles_fall_back_to_the_next_candidate() {
    for (text, title) in [
        ("#\t\0 \0\u{7}", "stem"),
        ("# \0\u{1b}\n# Real heading", "stem"),
        ("---\ntitle: \"\\u0000 \\u0007\"\n---\n# Heading", "Heading"),
        ("# A\0B", "A B"),
        ("# Ação\u{7} 2025", "Ação 2025"),
    ] {
        assert_eq!(parse_note(text, "stem", "md:stem", None).record.draft.title, title, "{text:?}");
    }
}
