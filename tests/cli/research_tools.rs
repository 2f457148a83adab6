//! `jevons saved` and `jevons journal` with the real binary: saving, listing with counts (in the
//! order kept), running and forgetting a saved search; writing, revising and listing a note's
//! journal; clear refusals of bad names, queries and entries.

use crate::cli;

use cli::Cli;

#[test]
fn saved_searches_are_kept_listed_with_counts_run_and_forgotten() {
    let cli = Cli::new();
    for i in 0..3 {
        cli.add(&["--title", &format!("GPU note {i}"), "--body", "$NVDA clusters #ai"]);
    }
    cli.add(&["--title", "Other", "--body", "Nothing to see here."]);

    assert_eq!(cli.ok(&["saved", "save", "Chips", "$NVDA #ai"]).trim(), "Saved “Chips” in the sidebar.");
    cli.ok(&["saved", "save", "Not AI", "-#ai"]);
    let listed = cli.json(&["saved", "list"]);
    let rows: Vec<(String, String, u64)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (r["name"].as_str().unwrap().into(), r["query"].as_str().unwrap().into(), r["total"].as_u64().unwrap())
        })
        .collect();
    let not_ai: serde_json::Value = serde_json::from_str(&cli.ok(&["search", "--json", "--", "-#ai"])).unwrap();
    let samples = not_ai["total"].as_u64().unwrap();
    assert!(samples > 0, "the sample research has notes without #ai");
    assert_eq!(rows, [("Chips".into(), "$NVDA #ai".into(), 3), ("Not AI".into(), "-#ai".into(), samples)]);

    let run = cli.json(&["saved", "run", "chips"]);
    assert_eq!(run["total"], 3);
    let searched = cli.json(&["search", "$NVDA #ai"]);
    assert_eq!(run["results"], searched["results"], "running a saved search is searching its query");

    assert_eq!(cli.ok(&["saved", "forget", "CHIPS"]).trim(), "Forgot the saved search “Chips”.");
    let names: Vec<String> =
        cli.json(&["saved", "list"]).as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().into()).collect();
    assert_eq!(names, ["Not AI"]);
}

#[test]
fn bad_names_queries_and_unknown_searches_are_refused_in_one_line() {
    let cli = Cli::new();
    assert!(cli.user_error(&["saved", "save", "  ", "nvidia"]).contains("needs a name"));
    assert!(cli.user_error(&["saved", "save", "Dates", "after:2025-13-45"]).contains("2025-13-45"));
    assert!(cli.user_error(&["saved", "run", "nothing"]).contains("no saved search is called"));
    assert!(cli.user_error(&["saved", "forget", "nothing"]).contains("no saved search is called"));
    assert_eq!(cli.ok(&["saved", "list"]).trim(), "no saved searches yet: `jevons saved save NAME QUERY` keeps one");
}

#[test]
fn a_journal_is_written_revised_and_listed_and_a_trashed_note_takes_no_entry() {
    let cli = Cli::new();
    let note = cli.add(&["--title", "NVDA thesis", "--body", "Jevons paradox."]).to_string();
    let first: i64 = cli.ok(&["journal", "add", &note, "Bought on the dip."]).trim().parse().unwrap();
    let second: i64 =
        cli.ok(&["journal", "revise", &first.to_string(), "Bought half on the dip."]).trim().parse().unwrap();
    assert!(second > first);
    assert!(cli.user_error(&["journal", "revise", &first.to_string(), "again"]).contains("revised meanwhile"));
    let listed = cli.json(&["journal", "list", &note]);
    let texts: Vec<&str> =
        listed[0]["versions"].as_array().unwrap().iter().map(|v| v["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Bought on the dip.", "Bought half on the dip."]);
    assert_eq!(listed[0]["versions"][1]["thread"], first);
    cli.ok(&["note", "rm", &note]);
    assert!(cli.user_error(&["journal", "add", &note, "x"]).contains("in the trash"));
    assert!(cli.user_error(&["journal", "list", "999"]).contains("999"));
}
