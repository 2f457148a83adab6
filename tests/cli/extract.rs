//! `jevons extract` as scripts use it: JSON with character offsets, human lines, one-line errors.

use crate::cli;

use cli::{jevons, jevons_with_input};

#[test]
fn json_lists_findings_with_character_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let text = "Ação: a NVIDIA perdeu quase US$ 589 bilhões em 27 de janeiro de 2025, segundo a Reuters.";
    let out = jevons_with_input(&db, &["extract", "-", "--json"], text.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["language"], "pt");
    let ticker = &json["tickers"][0];
    assert_eq!(
        (ticker["symbol"].as_str(), ticker["text"].as_str(), ticker["via"].as_str()),
        (Some("NVDA"), Some("NVIDIA"), Some("alias"))
    );
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (ticker["start"].as_u64().unwrap() as usize, ticker["end"].as_u64().unwrap() as usize);
    assert_eq!(chars[start..end].iter().collect::<String>(), "NVIDIA");
    let amount = &json["amounts"][0];
    assert_eq!((amount["value"].as_f64(), amount["currency"].as_str()), (Some(589e9), Some("USD")));
    assert_eq!(amount["text"], "US$ 589 bilhões");
    assert_eq!(json["dates"][0]["date"], "2025-01-27");
    assert_eq!(json["claimants"][0]["name"], "Reuters");
    for key in ["percents", "quantities"] {
        assert!(json[key].is_array(), "{key}");
    }
}

#[test]
fn relative_dates_are_resolved_against_the_date_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let text = "A Nvidia perdeu US$ 589 bilhões nesta segunda-feira (27). Shares fell again last month.";
    let out = jevons_with_input(&db, &["extract", "-", "--json", "--date", "2025-01-28"], text.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let dates: Vec<(&str, &str, bool)> = json["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["text"].as_str().unwrap(), d["date"].as_str().unwrap(), d["inferred"] == true))
        .collect();
    assert_eq!(dates, [("segunda-feira (27)", "2025-01-27", true), ("last month", "2024-12", true)]);

    let out = jevons_with_input(&db, &["extract", "-", "--json"], text.as_bytes());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["dates"], serde_json::json!([]), "without --date nothing is guessed");

    let out = jevons_with_input(&db, &["extract", "-", "--date", "2025-01-28"], text.as_bytes());
    let lines = String::from_utf8_lossy(&out.stdout);
    assert!(lines.lines().any(|l| l.starts_with("date      2025-01-27") && l.ends_with("~inferred")), "{lines}");
}

#[test]
fn user_aliases_in_the_database_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    {
        let mut store = jevons::store::Store::open(&db).unwrap();
        store.add_ticker_alias("Team Green", &jevons::model::Symbol::parse("NVDA").unwrap()).unwrap();
    }
    let file = dir.path().join("note.md");
    std::fs::write(&file, "Team Green sold 3 million GPUs.").unwrap();
    let out = jevons(&db, &["extract", file.to_str().unwrap()]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(shown.contains("NVDA") && shown.contains("user_alias"), "{shown}");
    assert!(shown.contains("3 million GPUs"), "{shown}");
}

#[test]
fn unreadable_input_is_one_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"ok \xff\xfe not utf-8").unwrap();
    for args in [vec!["extract", bad.to_str().unwrap()], vec!["extract", "/no/such/file.md"]] {
        let out = jevons(&db, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.starts_with("jevons: "), "{err}");
    }
}
