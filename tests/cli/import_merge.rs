//! The import merge rule through the real binary: a file never overwrites a newer local
//! version, both versions are kept when both changed, a claim keeps its note and the fields a
//! file leaves out, identity is by uid (two claims with one text stay two), suspect times are
//! reported and not obeyed, CRLF survives a round trip, and `import --undo` reverts an import
//! without touching what was changed after it. Regression tests for issue 11, findings 1, 2, 3
//! and the Markdown/JSON parts of 10.

use crate::cli;

use std::fs;
use std::path::Path;

use cli::Cli;
use jevons::model::RevisionKind;
use jevons::store::Store;
use serde_json::Value;

/// The exported file of the note titled `title` (the database also holds the sample research).
fn file_of(dir: &Path, title: &str) -> std::path::PathBuf {
    let file = dir.join(format!("{title}.md"));
    assert!(file.exists(), "{}", file.display());
    file
}

/// The claim with this text in a JSON export.
fn claim_with<'a>(doc: &'a Value, text: &str) -> &'a Value {
    doc["claims"].as_array().unwrap().iter().find(|c| c["text"] == text).unwrap()
}

fn strs(value: &Value) -> Vec<String> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

fn symbols(note: &Value) -> Vec<String> {
    note["tickers"].as_array().unwrap().iter().map(|t| t["symbol"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn reimporting_an_older_markdown_export_keeps_the_newer_edit() {
    let cli = Cli::new();
    let id = cli.add(&["--title", "N", "--body", "v1", "--tag", "old"]);
    let md = cli.path("md");
    cli.ok(&["export", "--format", "markdown", md.to_str().unwrap()]);
    let id_text = id.to_string();
    cli.ok(&["note", "edit", &id_text, "--body", "v2 newer", "--tag", "newtag", "--ticker", "AMD"]);
    let edited = cli.note(id);

    let report = cli.json(&["import", md.to_str().unwrap()]);
    assert_eq!((report["updated"].as_u64(), report["kept_newer"].as_u64()), (Some(0), Some(1)), "{report}");
    let note = cli.note(id);
    assert_eq!(note["body"], "v2 newer");
    assert!(strs(&note["tags"]).contains(&"newtag".to_owned()), "{note}");
    assert!(symbols(&note).contains(&"AMD".to_owned()), "{note}");
    assert_eq!(note["updated_at"], edited["updated_at"], "the time does not move backwards");
}

#[test]
fn a_file_edited_while_the_note_was_not_is_taken_and_undone_with_its_tags() {
    let cli = Cli::new();
    let id = cli.add(&["--title", "N", "--body", "v1", "--tag", "old"]);
    let md = cli.path("md");
    cli.ok(&["export", "--format", "markdown", md.to_str().unwrap()]);
    let file = file_of(&md, "N");
    let text =
        fs::read_to_string(&file).unwrap().replace("- old", "- fresh").replace("\nv1", "\nv1 edited in Obsidian");
    fs::write(&file, text).unwrap();

    let report = cli.json(&["import", md.to_str().unwrap()]);
    assert_eq!(report["updated"], 1, "{report}");
    let note = cli.note(id);
    assert_eq!((note["body"].as_str(), strs(&note["tags"])), (Some("v1 edited in Obsidian"), vec!["fresh".to_owned()]));

    let import = report["import_id"].as_i64().unwrap();
    let undo = cli.json(&["import", "--undo", &import.to_string()]);
    assert_eq!(undo["reverted"], 1, "{undo}");
    let note = cli.note(id);
    assert_eq!((note["body"].as_str(), strs(&note["tags"])), (Some("v1"), vec!["old".to_owned()]), "tags come back");
    assert!(cli.user_error(&["import", "--undo", &import.to_string()]).contains("already undone"));
}

#[test]
fn both_changed_keeps_the_local_note_and_the_files_version_as_a_conflict() {
    let cli = Cli::new();
    let id = cli.add(&["--title", "N", "--body", "shared"]);
    let md = cli.path("md");
    cli.ok(&["export", "--format", "markdown", md.to_str().unwrap()]);
    cli.ok(&["note", "edit", &id.to_string(), "--body", "mine"]);
    let file = file_of(&md, "N");
    fs::write(&file, fs::read_to_string(&file).unwrap().replace("\nshared", "\ntheirs")).unwrap();

    let out = cli.ok(&["import", md.to_str().unwrap()]);
    assert!(out.contains("conflicts 1 (both kept)"), "{out}");
    assert!(out.contains("kept beside it as revision"), "the report says where theirs went: {out}");
    assert_eq!(cli.note(id)["body"], "mine");
    let store = Store::open(&cli.db).unwrap();
    let theirs: Vec<_> =
        store.revisions(id).unwrap().into_iter().filter(|r| r.kind == RevisionKind::Conflict).collect();
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].body, "theirs");
    drop(store);

    let again = cli.json(&["import", md.to_str().unwrap()]);
    assert_eq!(again["conflicts"], 1, "{again}");
    let store = Store::open(&cli.db).unwrap();
    let kept = store.revisions(id).unwrap().into_iter().filter(|r| r.kind == RevisionKind::Conflict).count();
    assert_eq!(kept, 1, "importing the same file again keeps its version once");
}

#[test]
fn suspect_times_in_a_file_are_reported_and_not_obeyed() {
    let cli = Cli::new();
    let id = cli.add(&["--title", "Keep me", "--body", "live"]);
    let uid = cli.note(id)["uid"].as_str().unwrap().to_owned();
    let vault = cli.path("vault");
    fs::create_dir(&vault).unwrap();
    fs::write(vault.join("a.md"), format!("---\nuid: {uid}\ndeleted: 2001-01-01\n---\nlive\n")).unwrap();
    fs::write(vault.join("b.md"), "---\nuid: pinned\nupdated: 9999-12-31\n---\nforever on top\n").unwrap();

    let report = cli.json(&["import", vault.to_str().unwrap()]);
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("not moved to the trash"), "{report}");
    assert!(warnings.contains("is in the future"), "{report}");
    assert_eq!(cli.note(id)["deleted_at"], Value::Null, "the note is not trashed");
    let found = cli.json(&["search", "forever"]);
    let updated = found["results"][0]["updated_at"].as_str().unwrap();
    assert!(updated < "2100", "the note is not pinned to the top forever: {updated}");
}

#[test]
fn a_markdown_file_cannot_take_over_a_claim_of_another_note_or_clear_its_links() {
    let cli = Cli::new();
    let home = cli.add(&["--title", "Home", "--body", "the claim lives here"]);
    let home_text = home.to_string();
    let claim_args = [
        "claim",
        "add",
        "--text",
        "Buy NVDA",
        "--note",
        &home_text,
        "--claimant",
        "Cantor",
        "--ticker",
        "NVDA:bullish",
        "--source",
        "https://example.com/cantor",
        "--quote",
        "buy on weakness",
    ];
    cli.ok(&claim_args);
    let json = cli.path("all.json");
    cli.ok(&["export", "--format", "json", json.to_str().unwrap()]);
    let doc: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let claim_uid = claim_with(&doc, "Buy NVDA")["uid"].as_str().unwrap();
    let note_uid = cli.note(home)["uid"].as_str().unwrap().to_owned();

    let vault = cli.path("vault");
    fs::create_dir(&vault).unwrap();
    let claim = format!("claims:\n- uid: {claim_uid}\n  text: Sell NVDA\n  status: refuted\n  updated: 2099-01-01\n");
    fs::write(vault.join("takeover.md"), format!("---\ntitle: Takeover\n{claim}---\nnew note\n")).unwrap();
    let report = cli.json(&["import", vault.to_str().unwrap()]);
    assert_eq!(report["imported"], 1, "{report}");
    assert!(report["warnings"].to_string().contains("stays there"), "{report}");

    let home_note = cli.note(home);
    let claims = home_note["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1, "{home_note}");
    assert_eq!((claims[0]["text"].as_str(), claims[0]["status"].as_str()), (Some("Buy NVDA"), Some("unverified")));
    assert_eq!(claims[0]["tickers"][0]["stance"], "bullish");
    assert_eq!(claims[0]["sources"][0]["quote"], "buy on weakness");
    let copy = cli.json(&["search", "new note"]);
    let copy_id = copy["results"][0]["id"].as_i64().unwrap();
    assert_eq!(cli.note(copy_id)["claims"][0]["text"], "Sell NVDA", "the file's version is kept in its own note");

    // The claim's own note, from a file that leaves out its tickers, source and quote: the
    // newer text is taken and the links stay.
    let own = format!(
        "---\nuid: {note_uid}\ntitle: Home\ntags: []\nclaims:\n- uid: {claim_uid}\n  text: Buy NVDA now\n  \
         claimant: Cantor\n  updated: 2099-01-01\n---\nthe claim lives here"
    );
    fs::write(vault.join("takeover.md"), "---\ntitle: Takeover\n---\nnew note\n").unwrap();
    fs::write(vault.join("home.md"), own).unwrap();
    cli.ok(&["import", vault.to_str().unwrap()]);
    let claims = cli.note(home)["claims"].clone();
    assert_eq!(claims[0]["text"], "Buy NVDA now");
    assert_eq!(claims[0]["tickers"][0]["symbol"], "NVDA", "{claims}");
    assert_eq!(claims[0]["sources"][0]["quote"], "buy on weakness", "{claims}");
}

fn two_claims_with_one_text(cli: &Cli) -> i64 {
    let id = cli.add(&["--title", "Two views", "--body", "same words, two claimants"]);
    let note = id.to_string();
    cli.ok(&[
        "claim",
        "add",
        "--text",
        "NVDA is fairly valued",
        "--note",
        &note,
        "--claimant",
        "A",
        "--ticker",
        "NVDA:bullish",
    ]);
    cli.ok(&[
        "claim",
        "add",
        "--text",
        "NVDA is fairly valued",
        "--note",
        &note,
        "--claimant",
        "B",
        "--ticker",
        "NVDA:bearish",
    ]);
    id
}

fn claimants(cli: &Cli) -> Vec<(String, String)> {
    let found = cli.json(&["search", "claimants"]);
    let id = found["results"][0]["id"].as_i64().unwrap();
    let mut all: Vec<(String, String)> = cli.note(id)["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["claimant"].as_str().unwrap().to_owned(), c["tickers"][0]["stance"].as_str().unwrap().to_owned()))
        .collect();
    all.sort();
    all
}

#[test]
fn two_claims_with_the_same_text_survive_json_and_markdown_round_trips() {
    let source = Cli::new();
    two_claims_with_one_text(&source);
    let expected = vec![("A".to_owned(), "bullish".to_owned()), ("B".to_owned(), "bearish".to_owned())];
    let json = source.path("all.json");
    let md = source.path("md");
    source.ok(&["export", "--format", "json", json.to_str().unwrap()]);
    source.ok(&["export", "--format", "markdown", md.to_str().unwrap()]);
    for from in [&json, &md] {
        let target = Cli::new();
        let report = target.json(&["import", from.to_str().unwrap()]);
        assert_eq!(report["warnings"], Value::Array(Vec::new()), "{report}");
        assert_eq!(claimants(&target), expected, "from {}", from.display());
        target.ok(&["import", from.to_str().unwrap()]);
        assert_eq!(claimants(&target), expected, "importing again adds nothing");
    }
}

#[test]
fn claims_written_without_uids_stay_two_and_are_not_duplicated_by_a_reimport() {
    let cli = Cli::new();
    let vault = cli.path("vault");
    fs::create_dir(&vault).unwrap();
    let claims = "claims:\n- text: Same words\n  claimant: A\n- text: Same words\n  claimant: B\n";
    fs::write(vault.join("n.md"), format!("---\ntitle: Hand written claimants\n{claims}---\nbody\n")).unwrap();
    for _ in 0..2 {
        cli.ok(&["import", vault.to_str().unwrap()]);
        let id = cli.json(&["search", "hand"])["results"][0]["id"].as_i64().unwrap();
        assert_eq!(cli.note(id)["claims"].as_array().unwrap().len(), 2);
    }
}

#[test]
fn crlf_line_ends_survive_a_markdown_round_trip() {
    let cli = Cli::new();
    let body_file = cli.path("body.txt");
    fs::write(&body_file, "line one\r\nline two\r\n").unwrap();
    let id = cli.add(&["--title", "Windows note", "--body-file", body_file.to_str().unwrap()]);
    assert_eq!(cli.note(id)["body"], "line one\r\nline two\r\n");
    let md = cli.path("md");
    cli.ok(&["export", "--format", "markdown", md.to_str().unwrap()]);

    let target = Cli::new();
    target.ok(&["import", md.to_str().unwrap()]);
    let found = target.json(&["search", "windows"])["results"][0]["id"].as_i64().unwrap();
    assert_eq!(target.note(found)["body"], "line one\r\nline two\r\n");

    let vault = cli.path("vault");
    fs::create_dir(&vault).unwrap();
    fs::write(vault.join("crlf.md"), "---\r\ntitle: From Windows\r\n---\r\nfirst\r\nsecond\r\n").unwrap();
    target.ok(&["import", vault.to_str().unwrap()]);
    let found = target.json(&["search", "first"])["results"][0]["id"].as_i64().unwrap();
    let note = target.note(found);
    assert_eq!((note["title"].as_str(), note["body"].as_str()), (Some("From Windows"), Some("first\r\nsecond\r\n")));
}

#[test]
fn json_import_reports_detached_and_duplicate_claims_and_empty_titles() {
    let cli = Cli::new();
    let id = cli.add(&["--title", "Home", "--body", "here"]);
    let json = cli.path("all.json");
    cli.ok(&["claim", "add", "--text", "Attached", "--note", &id.to_string()]);
    cli.ok(&["export", "--format", "json", json.to_str().unwrap()]);
    let mut doc: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let note_uid = cli.note(id)["uid"].clone();
    let claim = claim_with(&doc, "Attached").clone();
    let mut twin = claim.clone();
    twin["text"] = "Same uid, other text".into();
    let mut orphan = claim.clone();
    orphan["uid"] = "orphan-claim".into();
    orphan["note"] = "no-such-note".into();
    let mut joining = claim.clone();
    joining["uid"] = "joins-home".into();
    joining["text"] = "Joins the stored note".into();
    joining["note"] = note_uid;
    doc["claims"] = Value::Array(vec![claim, twin, orphan]);
    let mut empty = doc["notes"].as_array().unwrap().iter().find(|n| n["title"] == "Home").unwrap().clone();
    empty["uid"] = "empty-title".into();
    empty["title"] = "".into();
    doc["notes"] = Value::Array(vec![empty]);
    let file = cli.path("edited.json");
    fs::write(&file, serde_json::to_string(&doc).unwrap()).unwrap();

    let report = cli.json(&["import", file.to_str().unwrap()]);
    let text = report.to_string();
    assert!(text.contains("an earlier claim in the file has the same uid"), "{report}");
    assert!(text.contains("is neither in the file nor here: kept outside notes"), "{report}");
    assert!(text.contains("has an empty title"), "{report}");
    assert_eq!(cli.json(&["search", "\"Untitled\""])["total"], 1, "{report}");
    let home = cli.note(id);
    assert_eq!(home["claims"].as_array().unwrap().len(), 1, "the duplicate uid did not replace the claim: {home}");
    assert_eq!(home["claims"][0]["text"], "Attached");

    doc["notes"] = Value::Array(Vec::new());
    doc["claims"] = Value::Array(vec![joining]);
    fs::write(&file, serde_json::to_string(&doc).unwrap()).unwrap();
    cli.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(cli.note(id)["claims"].as_array().unwrap().len(), 2, "a claim whose note is stored here joins it");
}

#[test]
fn undo_removes_what_an_import_added_but_keeps_what_was_edited_since() {
    let cli = Cli::new();
    let vault = cli.path("vault");
    fs::create_dir(&vault).unwrap();
    fs::write(vault.join("a.md"), "# Alpha\nfirst file\n").unwrap();
    fs::write(vault.join("b.md"), "# Beta\nsecond file\n").unwrap();
    let out = cli.ok(&["import", vault.to_str().unwrap()]);
    assert!(out.contains("jevons import --undo 1"), "{out}");
    let beta = cli.json(&["search", "beta"])["results"][0]["id"].as_i64().unwrap();
    cli.ok(&["note", "edit", &beta.to_string(), "--body", "edited after the import"]);
    let list = cli.ok(&["import", "--list"]);
    assert!(list.starts_with("1\t") && list.contains("imported 2"), "{list}");

    let out = cli.ok(&["import", "--undo"]);
    assert!(out.contains("removed 1 new notes"), "{out}");
    assert!(out.contains(&format!("kept note {beta} (Beta) was changed after the import")), "{out}");
    assert_eq!(cli.json(&["search", "alpha"])["total"], 0);
    assert_eq!(cli.note(beta)["body"], "edited after the import");
    assert!(cli.ok(&["import", "--list"]).contains("undone"));
    assert!(cli.user_error(&["import", "--undo"]).contains("no import to undo"));
    assert!(cli.user_error(&["import", "--undo", "42"]).contains("no import 42"));
    assert!(cli.ok(&["check"]).starts_with("ok"));
}
