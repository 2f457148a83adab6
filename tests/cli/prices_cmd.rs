//! Prices and the track record with the real binary: a price file of known prices (a split, a
//! missing day, weekends) and stance claims give exactly the calls, hits, rates and returns of
//! the rule (docs/track-record.md), pending calls included; bad price files are skipped row by
//! row with reasons; the ticker's dossier gives each claim's outcome and the comparisons the
//! window shows; claimants merge and unmerge.

use crate::cli;

use cli::Cli;
use serde_json::Value;

/// The sample research (added to a new database) is about NVDA; these tests use AMD.
/// AMD split 10 for 1 between 2025-04-28 and 2026-01-26: the closes before it are ten times
/// the adjusted ones. 2025-02-24 (a Monday) is missing.
const AMD: &str = "Date,Open,High,Low,Close,Adj Close,Volume
2025-01-24,1,1,1,1400,140,1
2025-01-27,1,1,1,1200,120,1
2025-01-28,1,1,1,1250,125,1
2025-02-21,1,1,1,1290,129,1
2025-02-25,1,1,1,1300,130,1
2025-02-27,1,1,1,1200,120,1
2025-04-25,1,1,1,1100,110,1
2025-04-28,1,1,1,1120,112,1
2026-01-26,1,1,1,150,150,1
2026-01-28,1,1,1,160,160,1
";

/// The benchmark, only around the 30-day horizon.
const SPY: &str = "date,close\n2025-01-27,600\n2025-01-28,605\n2025-02-25,612\n2025-02-27,610\n";

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn claim(cli: &Cli, claimant: &str, ticker: &str, as_of: &str) -> i64 {
    let out = cli.ok(&[
        "claim",
        "add",
        "--text",
        &format!("{claimant} on {ticker}"),
        "--claimant",
        claimant,
        "--as-of",
        as_of,
        "--ticker",
        ticker,
    ]);
    out.trim().parse().unwrap()
}

fn setup() -> (Cli, [i64; 4]) {
    let cli = Cli::new();
    std::fs::write(cli.path("AMD.csv"), AMD).unwrap();
    std::fs::write(cli.path("spy.csv"), SPY).unwrap();
    cli.ok(&["prices", "import", cli.path("AMD.csv").to_str().unwrap(), "--ticker", "AMD"]);
    cli.ok(&["prices", "import", cli.path("spy.csv").to_str().unwrap(), "--ticker", "SPY"]);
    cli.ok(&["prices", "benchmark", "SPY"]);
    let recent = (chrono::Local::now().date_naive() - chrono::Days::new(10)).to_string();
    let ids = [
        // A Saturday: the call starts on Monday 2025-01-27.
        claim(&cli, "Bernstein", "AMD:bullish", "2025-01-25"),
        claim(&cli, "Jefferies", "AMD:bearish", "2025-01-28"),
        claim(&cli, "Bernstein", "AMD:bullish", &recent),
        claim(&cli, "Citigroup", "AMD:neutral", "2025-01-28"),
    ];
    (cli, ids)
}

#[test]
fn claimants_get_exactly_the_calls_hits_rates_and_returns_of_the_rule() {
    let (cli, _) = setup();
    let all = cli.json(&["claimants"]);
    let records: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| ["Bernstein", "Jefferies", "Citigroup"].contains(&r["claimant"].as_str().unwrap()))
        .collect();
    let names: Vec<&str> = records.iter().map(|r| r["claimant"].as_str().unwrap()).collect();
    assert_eq!(names, ["Bernstein", "Jefferies"], "a neutral stance is not a call");

    let bernstein = &records[0]["horizons"];
    // 30 days: 120 → 130 (2025-02-24 is missing: the 25th is used), against SPY 600 → 612.
    assert_eq!((bernstein["30"]["calls"].as_u64(), bernstein["30"]["hits"].as_u64()), (Some(1), Some(1)));
    assert_eq!(bernstein["30"]["pending"].as_u64(), Some(1), "the recent call's horizon has not passed");
    assert!(close(bernstein["30"]["hit_rate"].as_f64().unwrap(), 1.0));
    assert!(close(bernstein["30"]["mean_return"].as_f64().unwrap(), 130.0 / 120.0 - 1.0));
    assert!(close(bernstein["30"]["mean_excess"].as_f64().unwrap(), (130.0 / 120.0 - 1.0) - (612.0 / 600.0 - 1.0)));
    // 90 days: 120 → 110, a miss, and no benchmark prices then.
    assert_eq!((bernstein["90"]["calls"].as_u64(), bernstein["90"]["hits"].as_u64()), (Some(1), Some(0)));
    assert!(close(bernstein["90"]["hit_rate"].as_f64().unwrap(), 0.0));
    assert!(close(bernstein["90"]["mean_return"].as_f64().unwrap(), 110.0 / 120.0 - 1.0));
    assert_eq!(bernstein["90"]["mean_excess"], Value::Null);
    // 365 days: 2026-01-25 is a Sunday; Monday's adjusted close after the split: 120 → 150.
    assert!(close(bernstein["365"]["mean_return"].as_f64().unwrap(), 150.0 / 120.0 - 1.0), "the split is no loss");
    assert_eq!(bernstein["365"]["hits"].as_u64(), Some(1));

    let jefferies = &records[1]["horizons"];
    assert_eq!((jefferies["30"]["calls"].as_u64(), jefferies["30"]["hits"].as_u64()), (Some(1), Some(1)));
    assert!(close(jefferies["30"]["mean_return"].as_f64().unwrap(), 120.0 / 125.0 - 1.0));
    assert!(close(jefferies["30"]["mean_excess"].as_f64().unwrap(), (120.0 / 125.0 - 1.0) - (610.0 / 605.0 - 1.0)));
    assert_eq!(jefferies["90"]["hits"].as_u64(), Some(1));
    assert_eq!((jefferies["365"]["hits"].as_u64(), jefferies["365"]["calls"].as_u64()), (Some(0), Some(1)));
    assert!(close(jefferies["365"]["mean_return"].as_f64().unwrap(), 160.0 / 125.0 - 1.0));
    assert_eq!(jefferies["365"]["pending"].as_u64(), Some(0));

    let text = cli.ok(&["claimants"]);
    assert!(text.contains("Bernstein") && text.contains("+8.3%"), "{text}");
}

#[test]
fn the_dossier_gives_each_claims_outcome_and_what_the_window_compares() {
    let (cli, [bernstein, jefferies, recent, citigroup]) = setup();
    cli.ok(&[
        "claim",
        "add",
        "--text",
        "AMD lost US$560B of market value",
        "--value",
        "560B",
        "--currency",
        "USD",
        "--as-of",
        "2025-01-27",
        "--claimant",
        "Reuters",
        "--ticker",
        "AMD",
    ]);
    cli.ok(&[
        "claim",
        "add",
        "--text",
        "AMD lost about US$600B of market value",
        "--value",
        "600B",
        "--currency",
        "USD",
        "--as-of",
        "2025-01-27",
        "--claimant",
        "Bloomberg",
        "--ticker",
        "AMD",
    ]);
    let dossier = cli.json(&["ticker", "AMD"]);
    let outcome = |id: i64| -> Value {
        dossier["claims"].as_array().unwrap().iter().find(|c| c["id"].as_i64() == Some(id)).unwrap()["outcome"].clone()
    };
    assert_eq!(outcome(bernstein)["30"]["state"], "scored");
    assert_eq!(outcome(bernstein)["30"]["start"], "2025-01-27");
    assert_eq!(outcome(bernstein)["30"]["end"], "2025-02-25");
    assert_eq!(outcome(bernstein)["30"]["hit"], true);
    assert_eq!(outcome(jefferies)["365"]["hit"], false);
    assert_eq!(outcome(recent)["30"]["state"], "pending");
    assert_eq!(outcome(citigroup), Value::Null, "a neutral claim is not a call");

    let spread = &dossier["disagreements"][0];
    assert!(close(spread["low"].as_f64().unwrap(), 560e9) && close(spread["high"].as_f64().unwrap(), 600e9));
    assert_eq!(spread["currency"], "USD");
    assert_eq!(spread["claims"].as_array().unwrap().len(), 2);
    let clash = &dossier["opposing_views"][0];
    assert_eq!(clash["bullish"][0]["claimant"], "Bernstein");
    assert_eq!(clash["bearish"][0]["claimant"], "Jefferies");
    assert_eq!(dossier["prices"]["days"], 10);

    let text = cli.ok(&["ticker", "AMD"]);
    for section in ["figures that disagree:", "opposite views:", "calls (the ticker's return", "prices: 10 days"] {
        assert!(text.contains(section), "{section} missing in:\n{text}");
    }
}

#[test]
fn a_claimant_spelled_two_ways_is_merged_and_unmerged() {
    let (cli, _) = setup();
    claim(&cli, "Bern", "AMD:bullish", "2025-01-28");
    let count = |cli: &Cli| cli.json(&["claimants"]).as_array().unwrap().len();
    let before = count(&cli);
    cli.ok(&["claimants", "merge", "Bern", "Bernstein"]);
    assert_eq!(count(&cli), before - 1);
    let merged = cli.json(&["claimants"]);
    assert_eq!(merged[0]["claimant"], "Bernstein", "the most calls first");
    assert_eq!(merged[0]["merged"][0], "Bern");
    assert_eq!(merged[0]["horizons"]["30"]["calls"], 2);
    let calls = cli.json(&["claimants", "--calls", "BERNSTEIN"]);
    assert_eq!(calls.as_array().unwrap().len(), 3);
    cli.ok(&["claimants", "unmerge", "Bern"]);
    assert_eq!(count(&cli), before);
    let refused = cli.user_error(&["claimants", "unmerge", "Bern"]);
    assert!(refused.contains("was not merged"), "{refused}");
}

#[test]
fn bad_rows_are_skipped_with_reasons_and_a_reimport_changes_nothing() {
    let cli = Cli::new();
    let file = cli.path("messy.csv");
    std::fs::write(
        &file,
        "Close;Data;Ativo\n36,12;27/01/2025;PETR4\n36,50;27/01/2025;PETR4\nabc;28/01/2025;PETR4\n0;29/01/2025;PETR4\n\
         -1;30/01/2025;PETR4\n37,01;31/01/2025;PETR4\n1.036,50;03/02/2025;VALE3\n",
    )
    .unwrap();
    let done = cli.json(&["prices", "import", file.to_str().unwrap()]);
    assert_eq!(done["added"], 3);
    assert_eq!(done["skipped_count"], 4);
    let reasons: Vec<&str> =
        done["skipped"].as_array().unwrap().iter().map(|s| s["reason"].as_str().unwrap()).collect();
    assert!(reasons[0].contains("given twice"), "{reasons:?}");
    assert!(reasons[1].contains("\"abc\" is not a number"), "{reasons:?}");
    assert!(reasons[2].contains("not above zero") && reasons[3].contains("not above zero"), "{reasons:?}");
    let petr = cli.json(&["prices", "PETR4"]);
    let closes: Vec<f64> = petr.as_array().unwrap().iter().map(|p| p["close"].as_f64().unwrap()).collect();
    assert_eq!(closes, [36.12, 37.01]);
    assert_eq!(cli.json(&["prices", "VALE3"])[0]["close"], 1036.5);

    let again = cli.json(&["prices", "import", file.to_str().unwrap()]);
    assert_eq!((again["added"].as_u64(), again["unchanged"].as_u64()), (Some(0), Some(3)));

    let text = cli.ok(&["prices", "import", file.to_str().unwrap()]);
    assert!(text.contains("line 3:") && text.contains("4 rows skipped"), "{text}");
}

#[test]
fn unusable_price_files_are_refused_in_one_line_and_store_nothing() {
    let cli = Cli::new();
    let no_ticker = cli.path("prices.csv");
    std::fs::write(&no_ticker, "date,close\n2025-01-27,118\n").unwrap();
    let refused = cli.user_error(&["prices", "import", no_ticker.to_str().unwrap()]);
    assert!(refused.contains("--ticker"), "{refused}");
    let no_date = cli.path("x.csv");
    std::fs::write(&no_date, "when,close\n2025-01-27,118\n").unwrap();
    let refused = cli.user_error(&["prices", "import", no_date.to_str().unwrap(), "--ticker", "AMD"]);
    assert!(refused.contains("no date column"), "{refused}");
    let binary = cli.path("bin.csv");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2, 255]).unwrap();
    cli.user_error(&["prices", "import", binary.to_str().unwrap(), "--ticker", "AMD"]);
    let missing = cli.user_error(&["prices", "import", cli.path("none.csv").to_str().unwrap(), "--ticker", "AMD"]);
    assert!(missing.contains("cannot read"), "{missing}");
    assert_eq!(cli.json(&["prices"]), serde_json::json!([]));
}

#[test]
fn events_are_added_listed_per_ticker_and_removed() {
    let cli = Cli::new();
    let r1: i64 = cli.ok(&["events", "add", "2025-01-20", "DeepSeek R1 released"]).trim().parse().unwrap();
    cli.ok(&["events", "add", "2025-02-26", "AMD results", "--ticker", "AMD"]);
    cli.ok(&["events", "add", "2025-01-30", "Apple results", "--ticker", "AAPL"]);
    let nvda = cli.json(&["events", "--ticker", "AMD"]);
    let titles: Vec<&str> = nvda.as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["DeepSeek R1 released", "AMD results"]);
    assert_eq!(cli.json(&["ticker", "AMD"])["events"].as_array().unwrap().len(), 2);
    cli.ok(&["events", "remove", &r1.to_string()]);
    assert_eq!(cli.json(&["events"]).as_array().unwrap().len(), 2);
    cli.user_error(&["events", "add", "2025-13-40", "Bad day"]);
    cli.user_error(&["events", "add", "2025-01-20", " "]);
}
