//! No SQL is built from what users type, shown two ways.
//!
//! Dynamically: a store records the text of every statement it runs (`Store::record_sql`, a
//! hidden test hook on rusqlite's `trace_v2`) while notes, edits, revisions, tags, tickers,
//! sources, claims, batches, Markdown and JSON imports, ticker aliases and searches carry unique
//! marker strings; no executed SQL may contain a marker. Values reach SQLite only as bound
//! parameters, which the trace does not show.
//!
//! Statically: every `format!`, `format_args!`, `write!` or `writeln!` in `src/` whose text looks
//! like SQL may interpolate only the named fragments in [`ALLOWED`], each of them fixed SQL (or,
//! for FTS5, an expression that is itself bound); `concat!` may join only literals.

use crate::common;

use crate::sources;

use std::sync::atomic::AtomicBool;

use common::{sym, tag};
use jevons::io::{self, ImportOptions};

use jevons::model::{ClaimDraft, ClaimTicker, NoteDraft, NoteEdit, SourceDraft, SourceUrl, Stance};
use jevons::query;
use jevons::store::Store;

/// Unique strings that must never appear in executed SQL (compared without regard to case).
const MARKERS: &[&str] = &["zqxmarkone", "zqxmarktwo", "zqxtag", "zqxclaimant", "zqxunit", "zqxhost", "ZQXTK"];

/// Drives every kind of user text through the store: notes, edits, tags, tickers, sources,
/// claims, searches, completion and the dossier.
fn exercise(store: &mut Store) {
    let hostile = "zqxmarkone'); DROP TABLE note; -- \"zqxmarktwo\" ' OR 1=1 --";
    let draft = NoteDraft {
        tags: vec![tag("zqxtag/deeper"), tag("Zqxtag")],
        tickers: vec![sym("ZQXTK")],
        ..NoteDraft::new(format!("Title {hostile}"), format!("Body {hostile} and $ZQXTK and #zqxtag"))
    };
    let note = store.create_note(&draft).unwrap();
    let edit = NoteEdit {
        title: Some(format!("Edited zqxmarkone {hostile}")),
        body: Some(format!("zqxmarktwo % _ \\ {hostile}")),
        add_tags: vec![tag("zqxtag-two")],
        remove_tags: vec![tag("Zqxtag")],
        add_tickers: vec![sym("ZQXTK.B")],
        remove_tickers: vec![sym("ZQXTK")],
        expected_version: None,
    };
    store.edit_note(note, &edit).unwrap();
    let url = SourceUrl::parse("https://zqxhost.example/zqxmarkone?q=zqxmarktwo'--").unwrap();
    let source = store
        .add_source(&SourceDraft {
            title: Some(format!("Source {hostile}")),
            publisher: Some("zqxhost Publishing".into()),
            ..SourceDraft::new(url.clone())
        })
        .unwrap();
    store.source_by_url(&url).unwrap();
    let claim = store
        .add_claim(ClaimDraft {
            text: format!("Claim {hostile}"),
            value: Some(6e6),
            unit: Some("zqxunit".into()),
            claimant: Some("zqxclaimant O'Brien".into()),
            note_id: Some(note),
            tickers: vec![ClaimTicker { symbol: sym("ZQXTK"), stance: Some(Stance::Bullish) }],
            sources: vec![(source, Some(format!("quote {hostile}")))],
            ..ClaimDraft::default()
        })
        .unwrap();
    store.claim(claim).unwrap();
    for text in [
        "zqxmarkone",
        "zqxmarkone*",
        "\"zqxmarkone zqxmarktwo\"",
        "-zqxmarktwo zqxmarkone",
        "zqxmarkone OR zqxmarktwo",
        "$ZQXTK",
        "ticker:ZQXTK.B stance:bullish",
        "#zqxtag",
        "tag:zqxtag/deeper",
        "source:zqxhost",
        "claimant:zqxclaimant",
        "claimant:\"zqxclaimant O'Brien\"",
        "zqxmarkone'); DROP TABLE note; --",
        "zqxmarkone NEAR zqxmarktwo",
        "is:trash zqxmarkone",
    ] {
        let parsed = query::parse(text).unwrap();
        store.search(&parsed, 10, 0).unwrap();
        store.search_ids(&parsed).unwrap();
    }
    store.ticker_dossier(&sym("ZQXTK"), 10).unwrap();
    store.complete_tickers("ZQXTK", 5).unwrap();
    store.complete_tickers("zqxmarkone'--", 5).unwrap();
    store.tags().unwrap();
    store.tickers().unwrap();
    store.claimants().unwrap();
    store
        .update_claim(
            claim,
            ClaimDraft { text: format!("Updated {hostile}"), note_id: Some(note), ..ClaimDraft::default() },
        )
        .unwrap();
    store.source_detail(source).unwrap();
    store.ticker_info(&sym("ZQXTK")).unwrap();
    let revision = store.revisions(note).unwrap()[0].id;
    store.restore_revision(note, revision, None).unwrap();

    let mut batch = store.batch().unwrap();
    let imported = batch
        .create_note(&NoteDraft {
            tags: vec![tag("zqxtag/batch")],
            tickers: vec![sym("ZQXTK")],
            uid: Some("zqxmarkone-uid'--".into()),
            ..NoteDraft::new(format!("Batch {hostile}"), format!("Batch body {hostile} $ZQXTK"))
        })
        .unwrap();
    let batch_source = batch
        .add_source(&SourceDraft::new(SourceUrl::parse("https://zqxhost.example/batch?q=zqxmarktwo'--").unwrap()))
        .unwrap();
    batch
        .add_claim(ClaimDraft {
            text: format!("Batch claim {hostile}"),
            claimant: Some("zqxclaimant batch".into()),
            note_id: Some(imported),
            tickers: vec![ClaimTicker { symbol: sym("ZQXTK"), stance: Some(Stance::Bearish) }],
            sources: vec![(batch_source, Some(format!("batch quote {hostile}")))],
            ..ClaimDraft::default()
        })
        .unwrap();
    batch.commit().unwrap();
    store.note_by_uid("zqxmarkone-uid'--").unwrap();

    store.add_ticker_alias("zqxmarkone alias'--", &sym("ZQXTK")).unwrap();
    store.suppress_ticker_match("zqxmarktwo phrase", &sym("ZQXTK")).unwrap();
    store.unsuppress_ticker_match("zqxmarktwo phrase", &sym("ZQXTK")).unwrap();
    store.remove_ticker_alias("zqxmarkone alias'--").unwrap();
    store.lexicon().unwrap();

    let dir = tempfile::tempdir().unwrap();
    let markdown = dir.path().join("zqxmarkone.md");
    let front = "---\ntitle: \"zqxmarkone from a file\"\nuid: zqxmarktwo-file\ntags: [zqxtag/file]\n---\n";
    std::fs::write(&markdown, format!("{front}Imported {hostile} $ZQXTK #zqxtag\n")).unwrap();
    let never = AtomicBool::new(false);
    let report = io::import_path(store, &markdown, &ImportOptions::default(), &mut |_| {}, &never).unwrap();
    assert_eq!(report.imported, 1, "{report:?}");
    let json = dir.path().join("export.json");
    io::export(store, io::Format::Json, &json, &mut |_| {}, &never).unwrap();
    let merged = io::import_path(store, &json, &ImportOptions::default(), &mut |_| {}, &never).unwrap();
    assert!(merged.skipped.is_empty(), "{merged:?}");

    store.trash_note(note).unwrap();
    store.restore_note(note).unwrap();
    store.trash_note(imported).unwrap();
    store.purge_note(imported).unwrap();
}

#[test]
fn user_text_never_appears_in_executed_sql() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("trace.db")).unwrap();
    let log = store.record_sql().unwrap();
    exercise(&mut store);
    let statements = log.statements();
    assert!(
        statements.iter().any(|s| s.contains("INSERT INTO note ")) && statements.len() > 50,
        "the trace saw the store's own statements: {statements:#?}"
    );
    for statement in &statements {
        let lower = statement.to_lowercase();
        for marker in MARKERS {
            assert!(!lower.contains(&marker.to_lowercase()), "user text {marker:?} reached SQL: {statement}");
        }
    }
}

/// The hook sees values written into SQL text: without this, the test above would prove nothing.
#[test]
fn the_trace_sees_values_written_into_sql() {
    let mut store = Store::open_in_memory().unwrap();
    let log = store.record_sql().unwrap();
    store.set_page_limit(Some(987_654)).unwrap();
    assert!(log.statements().iter().any(|s| s.contains("987654")), "{:?}", log.statements());
}

/// A named fragment that SQL-building code may interpolate, with why it is safe.
struct Allowed {
    file: &'static str,
    name: &'static str,
    why: &'static str,
}

/// The allowlist: every fragment interpolated into SQL text in `src/`. Anything new must be added
/// here with its reason, or bound as a parameter instead.
const ALLOWED: &[Allowed] = &[
    Allowed { file: "store/claims.rs", name: "COLUMNS", why: "a constant list of claim columns" },
    Allowed {
        file: "store/claim_row.rs",
        name: "COLUMNS",
        why: "the constant list of columns a claim is written with",
    },
    Allowed { file: "store/claim_row.rs", name: "CONTENT", why: "`?2, …, ?10`: only numbered parameters" },
    Allowed { file: "store/sources.rs", name: "COLUMNS", why: "a constant list of source columns" },
    Allowed { file: "store/revisions.rs", name: "COLUMNS", why: "a constant list of revision columns" },
    Allowed { file: "store/export.rs", name: "sources::COLUMNS", why: "a constant list of source columns" },
    Allowed { file: "store/claims.rs", name: "LIVE_FOR_TICKER", why: "a constant predicate (a &'static str)" },
    Allowed { file: "store/claims.rs", name: "rows::placeholders", why: "`?, ?, ?`: only question marks" },
    Allowed { file: "store/calls.rs", name: "CALLS", why: "a constant query of calls (a &'static str)" },
    Allowed { file: "store/calls.rs", name: "rows::placeholders", why: "`?, ?, ?`: only question marks" },
    Allowed { file: "store/search/summaries.rs", name: "marks", why: "`?, ?, ?` from rows::placeholders(count)" },
    Allowed { file: "store/search/plan.rs", name: "rows::placeholders", why: "`?, ?, ?`: only question marks" },
    Allowed { file: "store/search/plan.rs", name: "deleted_at", why: "a column name the code passes as a literal" },
    Allowed {
        file: "store/search/sql.rs",
        name: "plan.base",
        why: "Base::condition: `… IS NULL`, `… IS NOT NULL` or `1`",
    },
    Allowed { file: "store/search/sql.rs", name: "table", why: "Feed::table: `ticker_feed` or `tag_feed`" },
    Allowed { file: "store/search/sql.rs", name: "column", why: "Feed::table: a constant column name" },
    Allowed { file: "store/search/mod.rs", name: "sql", why: "a statement built by store/search/sql.rs" },
    Allowed { file: "store/search/sql.rs", name: "key", why: "`f.rowid`, `f.ord` or `n.ord`: a constant column" },
    Allowed {
        file: "store/search/sql.rs",
        name: "sql",
        why: "the walk's FROM clause, built in fn walk from constants",
    },
    Allowed { file: "store/search/sql.rs", name: "check", why: "fn checks: constant conditions and plan filters" },
    Allowed { file: "store/properties.rs", name: "comparison", why: "Comparison::sql: `<`, `<=`, `>` or `>=`" },
    Allowed { file: "store/properties.rs", name: "kind", why: "`number` or `date`, chosen by the code" },
    Allowed { file: "store/properties.rs", name: "key", why: "`key = ?` or `+key = ?`: constant SQL" },
    Allowed {
        file: "store/properties.rs",
        name: "condition",
        why: "a condition built by properties::condition from constants; values bound",
    },
    Allowed {
        file: "store/search/plan.rs",
        name: "condition",
        why: "properties::condition: constant SQL, values bound",
    },
    Allowed {
        file: "store/search/sql.rs",
        name: "property.condition",
        why: "properties::condition: constant SQL, values bound",
    },
    Allowed { file: "store/order.rs", name: "feed", why: "`ticker_feed` or `tag_feed`: a literal the code passes" },
    Allowed { file: "store/order.rs", name: "column", why: "`ticker_id` or `tag_id`: a literal the code passes" },
    Allowed { file: "store/order.rs", name: "parent", why: "`ticker` or `tag`, chosen from the column" },
    Allowed { file: "store/order.rs", name: "count", why: "`ticker_count` or `tag_count`, chosen from the column" },
    Allowed { file: "store/search/plan.rs", name: "sql", why: "constant predicates (fn predicate) joined by OR" },
    Allowed { file: "store/search/plan.rs", name: "predicate", why: "a constant predicate from fn predicate" },
    Allowed {
        file: "store/search/plan.rs",
        name: "terms",
        why: "indexed words quoted by fts_quote and joined by OR: an FTS5 expression bound to `MATCH ?`",
    },
    Allowed {
        file: "store/search/plan.rs",
        name: "parts",
        why: "an FTS5 expression of quoted words, itself bound to `MATCH ?` (never SQL)",
    },
    Allowed { file: "store/documents.rs", name: "COLUMNS", why: "a constant list of document columns" },
    Allowed { file: "store/attachments.rs", name: "COLUMNS", why: "the documents' constant list of columns" },
    Allowed { file: "store/quotes.rs", name: "sql_filter", why: "a column name the code passes as a literal" },
    Allowed {
        file: "store/document_search.rs",
        name: "parts",
        why: "words quoted by fts_quote joined by OR: an FTS5 expression bound to `MATCH ?1` (never SQL)",
    },
    Allowed {
        file: "store/document_search.rs",
        name: "expr",
        why: "the FTS5 expression being built of quoted words, bound to `MATCH ?1` (never SQL)",
    },
    Allowed {
        file: "store/document_search.rs",
        name: "not",
        why: "a quoted word or phrase of the FTS5 expression, bound to `MATCH ?1` (never SQL)",
    },
];

/// Whole uppercase words that make a string look like SQL.
const SQL_WORDS: &[&str] = &[
    "SELECT", "INSERT", "UPDATE", "DELETE", "FROM", "WHERE", "PRAGMA", "CREATE", "DROP", "ALTER", "JOIN", "VALUES",
    "ORDER", "GROUP", "LIMIT", "OFFSET", "MATCH", "AND", "OR", "NOT", "IN", "LIKE", "GLOB", "UNION", "SET", "INTO",
];

fn looks_like_sql(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').any(|word| SQL_WORDS.contains(&word))
}

/// A macro call found in a source file: its name, the literal texts in it, and the expressions
/// it interpolates (named `{x}` placeholders and positional arguments).
#[derive(Debug)]
struct MacroCall {
    line: usize,
    name: String,
    literals: Vec<String>,
    interpolated: Vec<String>,
    only_literals: bool,
}

/// Reads a Rust string literal (plain or raw) starting at `at`; returns its text and the end.
fn string_literal(src: &[char], at: usize) -> Option<(String, usize)> {
    let mut i = at;
    if src.get(i) == Some(&'b') {
        i += 1;
    }
    if src.get(i) == Some(&'r') {
        let mut hashes = 0;
        i += 1;
        while src.get(i) == Some(&'#') {
            hashes += 1;
            i += 1;
        }
        if src.get(i) != Some(&'"') {
            return None;
        }
        let start = i + 1;
        let mut j = start;
        while j < src.len() {
            if src[j] == '"' && (0..hashes).all(|k| src.get(j + 1 + k) == Some(&'#')) {
                return Some((src[start..j].iter().collect(), j + 1 + hashes));
            }
            j += 1;
        }
        return None;
    }
    if src.get(i) != Some(&'"') {
        return None;
    }
    let mut text = String::new();
    let mut j = i + 1;
    while j < src.len() {
        match src[j] {
            '\\' => {
                text.push(src[j]);
                if let Some(c) = src.get(j + 1) {
                    text.push(*c);
                }
                j += 2;
            }
            '"' => return Some((text, j + 1)),
            c => {
                text.push(c);
                j += 1;
            }
        }
    }
    None
}

/// Skips a char literal (`'"'`, `'\''`) at `at`, or returns `None` for a lifetime.
fn char_literal(src: &[char], at: usize) -> Option<usize> {
    match (src.get(at + 1), src.get(at + 2), src.get(at + 3)) {
        (Some('\\'), _, _) => (at + 2..src.len().min(at + 12)).find(|&j| src[j] == '\'').map(|j| j + 1),
        (Some(_), Some('\''), _) => Some(at + 3),
        _ => None,
    }
}

/// The arguments of a macro call whose `(` is at `open`, split at top-level commas, with the
/// literals met on the way; and the index after the closing `)`.
fn arguments(src: &[char], open: usize) -> (Vec<String>, Vec<String>, usize) {
    let (mut args, mut literals, mut current) = (Vec::new(), Vec::new(), String::new());
    let mut depth = 1;
    let mut i = open + 1;
    while i < src.len() {
        let c = src[i];
        let boundary = !(src[i - 1].is_alphanumeric() || src[i - 1] == '_');
        if (c == '"' || (boundary && matches!(c, 'r' | 'b')))
            && let Some((text, end)) = string_literal(src, i)
        {
            current.extend(&src[i..end]);
            literals.push(text);
            i = end;
            continue;
        }
        if c == '\''
            && let Some(end) = char_literal(src, i)
        {
            current.extend(&src[i..end]);
            i = end;
            continue;
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    args.push(current.trim().to_owned());
                    return (args, literals, i + 1);
                }
            }
            ',' if depth == 1 => {
                args.push(std::mem::take(&mut current).trim().to_owned());
                i += 1;
                continue;
            }
            _ => {}
        }
        current.push(c);
        i += 1;
    }
    (args, literals, src.len())
}

/// `{name}`, `{name:?}`, `{0}` and `{}` placeholders of a format string, `{{` excepted.
fn placeholders(template: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' {
            if chars.peek() == Some(&'{') {
                chars.next();
                continue;
            }
            let inner: String = chars.by_ref().take_while(|&c| c != '}').collect();
            found.push(inner.split(':').next().unwrap_or_default().trim().to_owned());
        } else if c == '}' && chars.peek() == Some(&'}') {
            chars.next();
        }
    }
    found
}

/// The path an expression starts with: `compiled.from`, `rows::placeholders`, `alternatives`
/// (from `alternatives.join(" OR ")`: a method call is not part of the name).
fn root(expression: &str) -> String {
    let expression = expression.trim().trim_start_matches('&');
    let mut name = String::new();
    let mut last_dot = None;
    let chars: Vec<char> = expression.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            name.push(c);
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            name.push_str("::");
            i += 1;
        } else if c == '.' {
            last_dot = Some(name.len());
            name.push('.');
        } else {
            if c == '('
                && let Some(dot) = last_dot
            {
                name.truncate(dot);
            }
            break;
        }
        i += 1;
    }
    name
}

fn macro_calls(source: &str) -> Vec<MacroCall> {
    let src: Vec<char> = source.chars().collect();
    let mut calls = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let is_start = i == 0 || !(src[i - 1].is_alphanumeric() || src[i - 1] == '_');
        let name = ["format_args!", "format!", "concat!", "writeln!", "write!"]
            .into_iter()
            .find(|m| is_start && src[i..].starts_with(&m.chars().collect::<Vec<_>>()));
        let Some(name) = name else {
            if src[i] == '"' {
                i = string_literal(&src, i).map_or(i + 1, |(_, end)| end);
            } else if src[i] == '\'' {
                i = char_literal(&src, i).unwrap_or(i + 1);
            } else if src[i] == '/' && src.get(i + 1) == Some(&'/') {
                i = (i..src.len()).find(|&j| src[j] == '\n').unwrap_or(src.len());
            } else {
                i += 1;
            }
            continue;
        };
        let mut open = i + name.len();
        while src.get(open).is_some_and(|c| c.is_whitespace()) {
            open += 1;
        }
        if src.get(open) != Some(&'(') {
            i = open;
            continue;
        }
        let line = src[..i].iter().filter(|&&c| c == '\n').count() + 1;
        let (args, literals, end) = arguments(&src, open);
        let skip = usize::from(name.starts_with("write"));
        let template = args.get(skip).and_then(|a| string_literal(&a.chars().collect::<Vec<_>>(), 0)).map(|t| t.0);
        let positional: Vec<&String> = args.iter().skip(skip + 1).filter(|a| !is_named(a)).collect();
        let mut interpolated = Vec::new();
        let mut next_positional = 0;
        for holder in template.as_deref().map(placeholders).unwrap_or_default() {
            let expression = if holder.is_empty() {
                next_positional += 1;
                positional.get(next_positional - 1).map(|a| a.to_string())
            } else if let Ok(index) = holder.parse::<usize>() {
                positional.get(index).map(|a| a.to_string())
            } else {
                let named = args.iter().skip(skip + 1).find(|a| a.split('=').next().map(str::trim) == Some(&holder));
                Some(named.map_or(holder.clone(), |a| a.split_once('=').map(|(_, e)| e.to_owned()).unwrap_or_default()))
            };
            interpolated.push(root(&expression.unwrap_or_default()));
        }
        let only_literals =
            args.iter().all(|a| a.is_empty() || string_literal(&a.chars().collect::<Vec<_>>(), 0).is_some());
        calls.push(MacroCall {
            line,
            name: name.trim_end_matches('!').to_owned(),
            literals,
            interpolated,
            only_literals,
        });
        i = end;
    }
    calls
}

fn is_named(arg: &str) -> bool {
    let Some((name, _)) = arg.split_once('=') else { return false };
    let name = name.trim();
    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') && !arg.contains("==")
}

/// What the static check objects to in one file's source (`file` relative to `src/`).
fn violations(file: &str, source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for call in macro_calls(source) {
        if !call.literals.iter().any(|l| looks_like_sql(l)) {
            continue;
        }
        if call.name == "concat" {
            if !call.only_literals {
                found.push(format!("src/{file}:{}: concat! of SQL with something other than literals", call.line));
            }
            continue;
        }
        for name in &call.interpolated {
            if !ALLOWED.iter().any(|a| a.file == file && a.name == name) {
                found.push(format!("src/{file}:{}: {}! interpolates `{name}` into SQL", call.line, call.name));
            }
        }
    }
    found
}

#[test]
fn sql_text_interpolates_only_allowed_fragments() {
    let src = sources::src();
    let mut problems = Vec::new();
    let mut seen_sql_calls = 0;
    for (path, source) in sources::rust_files(&src) {
        let file = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        seen_sql_calls += macro_calls(&source).iter().filter(|c| c.literals.iter().any(|l| looks_like_sql(l))).count();
        problems.extend(violations(&file, &source));
    }
    assert!(seen_sql_calls >= 10, "the scanner found only {seen_sql_calls} SQL-building calls; is it broken?");
    for allowed in ALLOWED {
        let source = std::fs::read_to_string(src.join(allowed.file)).unwrap();
        let used = macro_calls(&source).iter().any(|c| c.interpolated.iter().any(|n| n == allowed.name));
        assert!(used && !allowed.why.is_empty(), "stale allowlist entry {}: {}", allowed.name, allowed.why);
    }
    assert!(problems.is_empty(), "SQL built from something not on the allowlist:\n{}", problems.join("\n"));
}

/// The scanner itself, on hand-written examples: what it must catch and what it must let pass.
#[test]
fn the_static_check_catches_interpolated_user_text() {
    for (source, caught) in [
        (r#"let s = format!("SELECT * FROM note WHERE title = '{title}'");"#, vec!["`title`"]),
        (r#"let s = format!("SELECT * FROM note WHERE title = '{}'", user.title);"#, vec!["`user.title`"]),
        (r#"let s = format!("DELETE FROM {t}", t = table_name);"#, vec!["`table_name`"]),
        (r#"write!(sql, "UPDATE note SET title = {}", input)?;"#, vec!["`input`"]),
        (r#"let s = format!("({})", pieces.join(" OR "));"#, vec!["`pieces`"]),
        (r#"let s = concat!("SELECT ", table!());"#, vec!["concat!"]),
        (r#"let s = format!("SELECT {COLUMNS} FROM claim c");"#, vec![]),
        (r#"let s = format!("no sql here: {name}");"#, vec![]),
        (r#"let s = format!("{{SELECT}} {{literal}}");"#, vec![]),
        (r#"// format!("SELECT {x}") in a comment"#, vec![]),
        (r##"let s = format!(r#"SELECT "{x}" FROM t"#);"##, vec!["`x`"]),
    ] {
        let found = violations("store/claims.rs", source);
        assert_eq!(found.len(), caught.len(), "{source}: {found:?}");
        for (problem, says) in found.iter().zip(&caught) {
            assert!(problem.contains(says), "{source}: {problem}");
        }
    }
}
