//! The command line contract (DESIGN section 5) through the real binary: every command, the
//! JSON shapes, exit codes, one-line errors, and hostile or foreign database files left intact.

use crate::cli;

use std::process::Command;

use cli::{Cli, jevons, jevons_with_input, user_error};
use serde_json::Value;

fn id(text: &str) -> i64 {
    text.trim().parse().unwrap_or_else(|_| panic!("not an id: {text:?}"))
}

#[test]
fn notes_are_added_shown_edited_trashed_and_restored() {
    let cli = Cli::new();
    let note = id(&cli.ok(&[
        "note",
        "add",
        "--title",
        "Cantor on NVIDIA",
        "--body",
        "Buy $NVDA on weakness",
        "--tag",
        "ai/inference",
        "--ticker",
        "amd",
    ]));
    let shown = cli.json(&["note", "show", &note.to_string()]);
    assert_eq!(shown["title"], "Cantor on NVIDIA");
    assert_eq!(shown["body"], "Buy $NVDA on weakness");
    assert_eq!(shown["tags"], serde_json::json!(["ai/inference"]));
    assert_eq!(
        shown["tickers"],
        serde_json::json!([{"symbol": "AMD", "origin": "typed"}, {"symbol": "NVDA", "origin": "detected"}])
    );
    for key in ["id", "claims", "sources", "created_at", "updated_at", "deleted_at"] {
        assert!(shown.get(key).is_some(), "note JSON has {key}");
    }
    assert!(shown["deleted_at"].is_null());

    cli.ok(&[
        "note",
        "edit",
        &note.to_string(),
        "--title",
        "Cantor, revised",
        "--untag",
        "ai/inference",
        "--tag",
        "brokers",
        "--unticker",
        "AMD",
        "--ticker",
        "brk.b",
    ]);
    let shown = cli.json(&["note", "show", &note.to_string()]);
    assert_eq!(shown["title"], "Cantor, revised");
    assert_eq!(shown["tags"], serde_json::json!(["brokers"]));
    assert_eq!(
        shown["tickers"],
        serde_json::json!([{"symbol": "BRK-B", "origin": "typed"}, {"symbol": "NVDA", "origin": "detected"}])
    );

    let text = cli.ok(&["note", "show", &note.to_string()]);
    assert!(text.contains("Cantor, revised") && text.contains("Buy $NVDA on weakness"), "{text}");

    cli.ok(&["note", "rm", &note.to_string()]);
    assert!(!cli.json(&["note", "show", &note.to_string()])["deleted_at"].is_null());
    let trash = cli.json(&["search", "is:trash"]);
    assert_eq!(trash["total"], 1);
    cli.ok(&["note", "restore", &note.to_string()]);
    assert!(cli.json(&["note", "show", &note.to_string()])["deleted_at"].is_null());
}

#[test]
fn bodies_come_from_files_and_standard_input() {
    let cli = Cli::new();
    let file = cli.path("body.md");
    std::fs::write(&file, "\u{feff}Vale ($VALE3) e Petrobras ($PETR4): US$ 6 milhões").unwrap();
    let a = id(&cli.ok(&["note", "add", "--title", "Brasil", "--body-file", file.to_str().unwrap()]));
    let shown = cli.json(&["note", "show", &a.to_string()]);
    assert_eq!(shown["body"], "Vale ($VALE3) e Petrobras ($PETR4): US$ 6 milhões", "BOM dropped");
    assert_eq!(shown["tickers"].as_array().unwrap().len(), 2, "money is not a cashtag");
    let out = jevons_with_input(&cli.db, &["note", "add", "--title", "from stdin", "--body-file", "-"], b"piped $TSM");
    assert!(out.status.success());
    let b = id(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(cli.json(&["note", "show", &b.to_string()])["body"], "piped $TSM");
}

#[test]
fn search_prints_the_contract_shape() {
    let cli = Cli::new();
    let result = cli.json(&["search", "$NVDA bilhoes"]);
    assert_eq!(result["query"], "$NVDA bilhoes");
    assert_eq!(result["total"], 1, "the sample's Portuguese note");
    let hit = &result["results"][0];
    for key in ["id", "title", "snippet", "tickers", "tags", "updated_at"] {
        assert!(hit.get(key).is_some(), "result has {key}");
    }
    assert!(hit["tickers"].as_array().unwrap().contains(&Value::from("NVDA")));
    let limited = cli.json(&["search", "", "--limit", "1"]);
    assert_eq!((limited["total"].as_u64(), limited["results"].as_array().unwrap().len()), (Some(3), 1));
    assert!(limited.get("total_at_least").is_none(), "an exact total needs no lower bound");
    let counted = cli.json(&["search", "nvidia", "--limit", "1", "--count"]);
    assert_eq!(counted["total"].as_u64(), cli.json(&["search", "nvidia"])["total"].as_u64(), "--count");
    let stamps: Vec<String> = cli.json(&["search", ""])["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["updated_at"].as_str().unwrap().to_owned())
        .collect();
    assert!(stamps.windows(2).all(|w| w[0] >= w[1]), "newest first by last update: {stamps:?}");
    let text = cli.ok(&["search", "#ai"]);
    assert!(text.contains("(3 notes)"), "{text}");
}

#[test]
fn sources_and_claims_build_the_ticker_dossier() {
    let cli = Cli::new();
    let note = cli.ok(&["note", "add", "--title", "Cost", "--body", "DeepSeek R1 on $NVDA"]);
    let note = note.trim();
    let source = cli.ok(&[
        "source",
        "add",
        "--url",
        "https://wccftech.com/cantor-nvidia",
        "--title",
        "Cantor on NVIDIA",
        "--publisher",
        "Wccftech",
        "--published",
        "2025-01-28",
        "--kind",
        "article",
    ]);
    let again = cli.ok(&["source", "add", "--url", "https://www.wccftech.com/cantor-nvidia/"]);
    assert_eq!(source, again, "an existing URL returns its id");
    let claim = cli.ok(&[
        "claim",
        "add",
        "--text",
        "R1 training cost about US$6M",
        "--note",
        note,
        "--value",
        "6M",
        "--unit",
        "",
        "--currency",
        "USD",
        "--as-of",
        "2025-01",
        "--claimant",
        "DeepSeek",
        "--status",
        "disputed",
        "--ticker",
        "NVDA:bearish",
        "--ticker",
        "AMD",
        "--source",
        source.trim(),
        "--source",
        "https://arxiv.org/abs/2412.19437",
        "--quote",
        "about $6M",
    ]);
    id(&claim);
    let dossier = cli.json(&["ticker", "nvda"]);
    assert_eq!(dossier["symbol"], "NVDA");
    assert_eq!(dossier["name"], "NVIDIA CORP");
    assert_eq!(dossier["exchange"], "Nasdaq");
    assert_eq!(dossier["in_reference"], true);
    assert!(dossier["notes"].as_array().unwrap().iter().any(|n| n["title"] == "Cost"));
    let ours =
        dossier["claims"].as_array().unwrap().iter().find(|c| c["text"] == "R1 training cost about US$6M").unwrap();
    assert_eq!(ours["value"], 6e6);
    assert_eq!(
        (ours["currency"].as_str(), ours["as_of"].as_str(), ours["status"].as_str()),
        (Some("USD"), Some("2025-01"), Some("disputed"))
    );
    assert_eq!(
        ours["tickers"],
        serde_json::json!([{"symbol": "AMD", "stance": null}, {"symbol": "NVDA", "stance": "bearish"}])
    );
    let sources = ours["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    let wccftech = sources.iter().find(|s| s["publisher"] == "Wccftech").unwrap();
    assert_eq!(wccftech["quote"], "about $6M");
    for key in
        ["id", "text", "value", "unit", "currency", "as_of", "claimant", "status", "note_id", "tickers", "sources"]
    {
        assert!(ours.get(key).is_some(), "claim has {key}");
    }
    for key in ["id", "url", "title", "publisher", "author", "published_at", "kind"] {
        assert!(dossier["sources"][0].get(key).is_some(), "source has {key}");
    }
    assert!(dossier["stance"]["bearish"].as_u64().unwrap() >= 1);
    assert!(dossier["stance"].get("bullish").is_some() && dossier["stance"].get("neutral").is_some());
    let found = cli.json(&["search", "claimant:deepseek source:wccftech stance:bearish $NVDA"]);
    assert_eq!(found["total"], 1);
    let human = cli.ok(&["ticker", "NVDA"]);
    assert!(human.contains("NVIDIA CORP") && human.contains("US$6.0M"), "{human}");
}

#[test]
fn lists_of_tickers_and_tags_count_notes() {
    let cli = Cli::new();
    let tickers = cli.json(&["tickers"]);
    let nvda = tickers.as_array().unwrap().iter().find(|t| t["symbol"] == "NVDA").unwrap();
    assert_eq!((nvda["notes"].as_u64(), nvda["name"].as_str()), (Some(3), Some("NVIDIA CORP")));
    let tags = cli.json(&["tags"]);
    assert!(tags.as_array().unwrap().iter().any(|t| t["name"] == "ai/training" && t["notes"] == 1));
    assert!(cli.ok(&["tags"]).contains("/training"));
}

#[test]
fn the_sample_research_comes_back_without_duplicates() {
    let cli = Cli::new();
    let before = cli.json(&["ticker", "NVDA"]);
    assert!(cli.ok(&["demo"]).contains("already here"));
    let first = cli.json(&["search", ""]);
    let id = first["results"][0]["id"].to_string();
    cli.ok(&["note", "rm", &id]);
    assert!(cli.ok(&["demo"]).contains("1 restored"));
    let after = cli.json(&["ticker", "NVDA"]);
    assert_eq!(before["sources"].as_array().unwrap().len(), after["sources"].as_array().unwrap().len());
    assert_eq!(before["claims"].as_array().unwrap().len(), after["claims"].as_array().unwrap().len());
    let portuguese = cli.json(&["search", "bilhoes"]);
    assert_eq!(portuguese["total"], 1);
}

#[test]
fn check_reports_a_sound_database() {
    let cli = Cli::new();
    let out = cli.ok(&["check"]);
    assert!(out.starts_with("ok: 3 notes"), "{out}");
}

#[test]
fn user_mistakes_are_one_line_errors() {
    let cli = Cli::new();
    cli.ok(&["tickers"]);
    let bad_utf8 = cli.path("latin1.md");
    std::fs::write(&bad_utf8, b"caf\xe9").unwrap();
    for (args, says) in [
        (vec!["note", "show", "999"], "no note with id 999"),
        (vec!["note", "rm", "999"], "no note"),
        (vec!["note", "edit", "999", "--title", "x"], "no note"),
        (vec!["note", "add", "--title", "x", "--tag", "#"], "not a tag"),
        (vec!["note", "add", "--title", "x", "--ticker", "$6M!"], "not a ticker"),
        (vec!["note", "add", "--title", "x", "--body-file", "/nonexistent/file.md"], "cannot read"),
        (vec!["note", "add", "--title", "x", "--body-file", bad_utf8.to_str().unwrap()], "not UTF-8"),
        (vec!["search", "after:2025-13-45"], "not a date"),
        (vec!["search", "stance:maybe"], "not a stance"),
        (vec!["search", "("], "nothing to search for"),
        (vec!["source", "add", "--url", "javascript:alert(1)"], "not a web address"),
        (vec!["source", "add", "--url", "https://a.com", "--published", "2025-02-30"], "not a date"),
        (vec!["source", "add", "--url", "https://a.com", "--kind", "podcast"], "not a source kind"),
        (vec!["claim", "add", "--text", "x", "--value", "abc"], "not a number"),
        (vec!["claim", "add", "--text", "x", "--value", "1,5"], "decimals"),
        (vec!["claim", "add", "--text", "x", "--as-of", "2025-13-45"], "not a date"),
        (vec!["claim", "add", "--text", "x", "--ticker", "NVDA:moon"], "not a stance"),
        (vec!["claim", "add", "--text", "x", "--status", "true"], "not a claim status"),
        (vec!["claim", "add", "--text", "x", "--currency", "dollars"], "not a currency"),
        (vec!["claim", "add", "--text", "x", "--note", "999"], "no note"),
        (vec!["claim", "add", "--text", "x", "--source", "999"], "no source"),
        (vec!["claim", "add", "--text", "x", "--source", "ftp://x"], "not a web address"),
        (vec!["claim", "add", "--text", "x", "--quote", "q"], "needs a --source"),
        (vec!["claim", "add", "--text", " "], "needs its text"),
        (vec!["ticker", "6"], "not a ticker"),
    ] {
        let stderr = cli.user_error(&args);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn bad_arguments_exit_2() {
    let cli = Cli::new();
    for args in [
        vec!["note", "add"],
        vec!["frobnicate"],
        vec!["note", "show", "abc"],
        vec!["note", "add", "--title", "x", "--body", "a", "--body-file", "b"],
    ] {
        let out = cli.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn the_database_can_come_from_the_environment_or_the_default_folder() {
    let dir = tempfile::tempdir().unwrap();
    let env_db = dir.path().join("env.db");
    let out = Command::new(env!("CARGO_BIN_EXE_jevons")).args(["tickers"]).env("JEVONS_DB", &env_db).output().unwrap();
    assert!(out.status.success());
    assert!(env_db.exists());
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jevons"))
        .args(["tickers"])
        .env_remove("JEVONS_DB")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(home.join(".local/share/jevons/jevons.db").exists(), "created with its folder");
}

/// Each hostile file gives a clear one-line error and is left byte for byte as it was.
#[test]
fn foreign_and_damaged_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let valid = dir.path().join("valid.db");
    assert!(jevons(&valid, &["tickers"]).status.success());
    let valid_bytes = std::fs::read(&valid).unwrap();

    let other_app = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other_app).unwrap();
        conn.execute_batch(
            "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);",
        )
        .unwrap();
    }
    let newer = dir.path().join("newer.db");
    std::fs::write(&newer, &valid_bytes).unwrap();
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut random = vec![0u8; 8192];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for byte in &mut random {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        *byte = seed as u8;
    }
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("text.db", b"just some notes, not a database\n".to_vec(), "not a SQLite database"),
        ("random.db", random, "not a SQLite database"),
        ("truncated.db", valid_bytes[..valid_bytes.len() / 2].to_vec(), "truncated"),
        ("header-only.db", valid_bytes[..60].to_vec(), "damaged"),
        ("other.db", std::fs::read(&other_app).unwrap(), "another application"),
        ("newer.db", std::fs::read(&newer).unwrap(), "newer Jevons"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        for args in [vec!["tickers"], vec!["note", "add", "--title", "x"], vec!["check"]] {
            let stderr = user_error(jevons(&path, &args), &args);
            assert!(stderr.contains(says), "{name}: {stderr}");
            assert!(std::fs::read(&path).unwrap() == bytes, "{name} was changed by {args:?}");
        }
    }
    let missing_folder = dir.path().join("no/such/folder/x.db");
    let stderr = user_error(jevons(&missing_folder, &["tickers"]), &["tickers"]);
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!missing_folder.parent().unwrap().exists());
    let stderr = user_error(jevons(dir.path(), &["tickers"]), &["tickers"]);
    assert!(stderr.contains("is a folder"), "{stderr}");
}

#[test]
fn a_damaged_page_is_reported_not_hidden() {
    let cli = Cli::new();
    for i in 0..30 {
        cli.ok(&["note", "add", "--title", &format!("note {i}"), "--body", &"filler text ".repeat(200)]);
    }
    {
        let conn = rusqlite::Connection::open(&cli.db).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    }
    let mut bytes = std::fs::read(&cli.db).unwrap();
    let page = 4096;
    for b in &mut bytes[page * 3..page * 12] {
        *b = 0xA5;
    }
    std::fs::write(&cli.db, &bytes).unwrap();
    let out = cli.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(std::fs::read(&cli.db).unwrap() == bytes, "check does not write");
    let out = cli.run(&["search", "filler"]);
    if !out.status.success() {
        user_error(out, &["search"]);
    }
}

/// `note edit ID --body-file -` with nothing on standard input blanked the note and exited 0. An
/// empty (or blank) body from a pipe, a file or `--body` is refused unless `--allow-empty` says
/// it is meant; nothing is saved.
#[test]
fn an_empty_body_is_refused_unless_allowed() {
    let cli = Cli::new();
    let note = cli.ok(&["note", "add", "--title", "Kept", "--body", "words worth keeping"]);
    let note = note.trim();
    let empty = cli.path("empty.md");
    std::fs::write(&empty, "\u{feff}\n").unwrap();
    let empty = empty.to_str().unwrap();
    for (args, stdin, says) in [
        (vec!["note", "edit", note, "--body-file", "-"], Some(&b""[..]), "standard input is empty"),
        (vec!["note", "edit", note, "--body-file", "-"], Some(b" \n\t\n"), "standard input is empty"),
        (vec!["note", "edit", note, "--body-file", empty], None, "empty.md is empty"),
        (vec!["note", "edit", note, "--body", ""], None, "the --body given is empty"),
        (vec!["note", "add", "--title", "Blank", "--body-file", "-"], Some(b""), "standard input is empty"),
    ] {
        let message = user_error(jevons_with_input(&cli.db, &args, stdin.unwrap_or_default()), &args);
        assert!(message.contains(says) && message.contains("nothing was saved"), "{args:?}: {message}");
        assert!(message.contains("--allow-empty"), "{message}");
    }
    assert_eq!(cli.json(&["note", "show", note])["body"], "words worth keeping");
    assert_eq!(cli.json(&["search", "Blank"])["total"], 0, "no note was added");

    let args = ["note", "edit", note, "--body-file", "-", "--allow-empty"];
    let out = jevons_with_input(&cli.db, &args, b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(cli.json(&["note", "show", note])["body"], "");
}

/// A database made by the previous schema (5: `tests/data/schema-5.db`, two notes on the DeepSeek
/// week) is upgraded on first use: stderr says so before the upgrade runs, stdout is the
/// command's answer as always, newest first by last update, and the next command says nothing.
#[test]
fn an_older_database_is_upgraded_with_a_word_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/schema-5.db"), &db).unwrap();
    let first = jevons(&db, &["search", "after:2025-01-01", "--json"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let said = String::from_utf8_lossy(&first.stderr);
    assert!(said.starts_with("Upgrading the database from schema 5 to "), "{said}");
    let found: Value = serde_json::from_slice(&first.stdout).unwrap();
    let ids: Vec<i64> = found["results"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 2], "the note updated last comes first");
    let nvda = jevons(&db, &["search", "$NVDA", "--json"]);
    assert!(nvda.stderr.is_empty(), "{}", String::from_utf8_lossy(&nvda.stderr));
    let found: Value = serde_json::from_slice(&nvda.stdout).unwrap();
    assert_eq!(found["results"][0]["id"], 1, "the ticker feed was carried over");
    let words: Value = serde_json::from_slice(&jevons(&db, &["search", "DeepSeek", "--json"]).stdout).unwrap();
    assert_eq!(words["results"].as_array().map(Vec::len), Some(2), "the full-text index was carried over");
}
