//! `--prop KEY=VALUE` on `jevons note add/edit` and `"properties"` in `jevons note show --json`,
//! through the real binary: values typed by their look, removal with `KEY=`, property search.

use crate::cli;

use cli::Cli;
use serde_json::json;

#[test]
fn properties_are_typed_shown_searched_changed_and_removed() {
    let cli = Cli::new();
    let id = cli.add(&[
        "--title",
        "NVDA thesis",
        "--body",
        "Jevons paradox",
        "--prop",
        "conviction=high",
        "--prop",
        "price_target=180",
        "--prop",
        "review=2025-03-01",
        "--prop",
        "held=true",
        "--prop",
        "watch=[NVDA, 2025-01-02, 3]",
    ]);
    let shown = cli.json(&["note", "show", &id.to_string()]);
    assert_eq!(
        shown["properties"],
        json!({"conviction": "high", "price_target": 180, "review": "2025-03-01", "held": true,
               "watch": ["NVDA", "2025-01-02", 3]})
    );
    assert!(shown["body"].as_str().unwrap().ends_with("Jevons paradox"));
    for query in ["[conviction:HIGH]", "[price_target>150]", "[review<=2025-03-01]", "[held:true]", "[watch:nvda]"] {
        let found = cli.json(&["search", query]);
        assert_eq!(found["total"], 1, "{query}");
    }
    cli.ok(&["note", "edit", &id.to_string(), "--prop", "conviction=", "--prop", "price_target=120.5"]);
    let shown = cli.json(&["note", "show", &id.to_string()]);
    assert_eq!(shown["properties"].get("conviction"), None);
    assert_eq!(shown["properties"]["price_target"], 120.5);
    assert_eq!(cli.json(&["search", "[price_target>150]"])["total"], 0);
    assert_eq!(cli.json(&["search", "[conviction]"])["total"], 0);
}

#[test]
fn a_note_with_nested_front_matter_shows_it_as_json_objects() {
    let cli = Cli::new();
    let body = "---\nlots:\n  - {date: 2025-01-02, size: 10, price: 131.5}\n---\n\nTrades";
    let id = cli.add(&["--title", "Trades", &format!("--body={body}")]);
    let shown = cli.json(&["note", "show", &id.to_string()]);
    assert_eq!(shown["properties"], json!({"lots": [{"date": "2025-01-02", "size": 10, "price": 131.5}]}));
    assert_eq!(
        cli.json(&["note", "show", &cli.add(&["--title", "Bare", "--body", "x"]).to_string()])["properties"],
        json!({})
    );
}

#[test]
fn bad_property_arguments_are_one_line_errors_that_change_nothing() {
    let cli = Cli::new();
    let id = cli.add(&["--title", "T", "--body", "B"]).to_string();
    for (args, says) in [
        (vec!["note", "edit", &id, "--prop", "conviction"], "is not KEY=VALUE"),
        (vec!["note", "edit", &id, "--prop", "=high"], "needs a name"),
        (vec!["note", "edit", &id, "--prop", "tags=x"], "note's own fields"),
        (vec!["search", "[price_target>high]"], "compares with a number or a date"),
    ] {
        let err = cli.user_error(&args);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(cli.json(&["note", "show", &id])["body"], "B");
}
