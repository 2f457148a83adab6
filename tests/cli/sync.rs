//! `jevons sync` end to end: the real binary, the system git, and bare repositories on disk.
//! Two (or three) databases meet through one bare repository using only the command line.
//!
//! The convergence test makes random edits, claims, trashes and restores on three databases,
//! syncs them in random order, and requires identical research in all three after each has
//! synced twice more. CI runs a few seeds; `JEVONS_SOAK=1` runs many (`JEVONS_SYNC_SEEDS=N`,
//! from `JEVONS_SYNC_FIRST_SEED`).

use crate::cli;
use crate::team;

use std::path::{Path, PathBuf};

use cli::{jevons, user_error};
use serde_json::Value;
use team::{Team, git, json, ok, walk};

/// Adds a note; its id.
fn add(db: &Path, title: &str, body: &str) -> String {
    ok(db, &["note", "add", "--title", title, "--body", body]).trim().to_owned()
}

/// The id of the note titled `title` (live or in the trash).
fn id_of(db: &Path, title: &str) -> String {
    for query in [format!("\"{title}\""), format!("is:trash \"{title}\"")] {
        let found = json(db, &["search", &query]);
        if let Some(hit) = found["results"].as_array().unwrap().iter().find(|r| r["title"] == title) {
            return hit["id"].to_string();
        }
    }
    panic!("no note {title:?} in {}", db.display());
}

fn body_of(db: &Path, title: &str) -> String {
    json(db, &["note", "show", &id_of(db, title)])["body"].as_str().unwrap().to_owned()
}

fn titles(db: &Path, query: &str) -> Vec<String> {
    let found = json(db, &["search", query]);
    found["results"].as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap().to_owned()).collect()
}

const BODY: &str = "first line\nsecond line\nthird line\nfourth line\n";

#[test]
fn a_note_added_on_one_side_appears_on_the_other() {
    let team = Team::new();
    let (a, b) = (team.db("a"), team.db("b"));
    add(&a, "Capex memo", "Zorblat capex rises again");
    team.sync(&a);
    team.sync(&b);
    assert_eq!(titles(&b, "zorblat"), ["Capex memo"]);
    // Syncing again with nothing new changes nothing and says so.
    let again = team.sync(&b);
    assert!(again.contains("sent 0 new and 0 changed"), "{again}");
}

#[test]
fn edits_to_different_lines_merge() {
    let team = Team::new();
    let (a, b) = (team.db("a"), team.db("b"));
    add(&a, "Memo", BODY);
    team.sync(&a);
    team.sync(&b);
    ok(&a, &["note", "edit", &id_of(&a, "Memo"), "--body", &BODY.replace("first line", "first line (A)")]);
    ok(&b, &["note", "edit", &id_of(&b, "Memo"), "--body", &BODY.replace("fourth line", "fourth line (B)")]);
    team.sync(&a);
    team.sync(&b);
    team.sync(&a);
    let merged = "first line (A)\nsecond line\nthird line\nfourth line (B)\n";
    assert_eq!(body_of(&a, "Memo"), merged);
    assert_eq!(body_of(&b, "Memo"), merged);
    assert!(titles(&a, "is:conflict").is_empty());
}

#[test]
fn edits_to_the_same_line_keep_both_texts_findable_on_both_sides() {
    let team = Team::new();
    let (a, b) = (team.db("a"), team.db("b"));
    add(&a, "Memo", BODY);
    team.sync(&a);
    team.sync(&b);
    ok(&a, &["note", "edit", &id_of(&a, "Memo"), "--body", &BODY.replace("second line", "margin guidance alpha")]);
    ok(&b, &["note", "edit", &id_of(&b, "Memo"), "--body", &BODY.replace("second line", "margin guidance bravo")]);
    team.sync(&a);
    let merging = team.sync(&b);
    assert!(merging.contains("both texts"), "{merging}");
    team.sync(&a);
    for db in [&a, &b] {
        assert_eq!(titles(db, "alpha"), ["Memo"], "{}", db.display());
        assert_eq!(titles(db, "bravo"), ["Memo"], "{}", db.display());
        assert_eq!(titles(db, "is:conflict"), ["Memo"], "{}", db.display());
    }
    // The side that merged keeps the other version as a revision too.
    let revisions = json(&b, &["note", "show", &id_of(&b, "Memo")]);
    let shown = serde_json::to_string(&revisions).unwrap();
    assert!(shown.contains("alpha") && shown.contains("bravo"), "{shown}");
}

#[test]
fn a_claim_added_on_one_side_shows_in_the_others_dossier() {
    let team = Team::new();
    let (a, b) = (team.db("a"), team.db("b"));
    let note = add(&a, "NVDA margins", "Gross margin talk");
    ok(&a, &["claim", "add", "--text", "Gross margin near 75% next year", "--note", &note, "--ticker", "NVDA:bullish"]);
    team.sync(&a);
    team.sync(&b);
    let dossier = serde_json::to_string(&json(&b, &["ticker", "NVDA"])).unwrap();
    assert!(dossier.contains("Gross margin near 75% next year"), "{dossier}");
}

#[test]
fn trash_travels_as_trash_and_restore_as_restore() {
    let team = Team::new();
    let (a, b) = (team.db("a"), team.db("b"));
    add(&a, "Old thesis", "Short the index");
    team.sync(&a);
    team.sync(&b);
    ok(&a, &["note", "rm", &id_of(&a, "Old thesis")]);
    team.sync(&a);
    team.sync(&b);
    assert_eq!(titles(&b, "is:trash index"), ["Old thesis"]);
    assert!(titles(&b, "index").is_empty());
    ok(&b, &["note", "restore", &id_of(&b, "Old thesis")]);
    team.sync(&b);
    team.sync(&a);
    assert_eq!(titles(&a, "index"), ["Old thesis"]);
}

#[test]
fn an_edit_against_a_trash_keeps_the_edit_and_says_so() {
    let team = Team::new();
    let (a, b) = (team.db("a"), team.db("b"));
    add(&a, "Memo", BODY);
    team.sync(&a);
    team.sync(&b);
    ok(&a, &["note", "rm", &id_of(&a, "Memo")]);
    ok(&b, &["note", "edit", &id_of(&b, "Memo"), "--body", &format!("{BODY}still relevant\n")]);
    team.sync(&a);
    let said = team.sync(&b);
    assert!(said.contains("the edit is kept"), "{said}");
    team.sync(&a);
    for db in [&a, &b] {
        assert_eq!(titles(db, "relevant"), ["Memo"], "{}", db.display());
    }
}

#[test]
fn a_hostile_remote_is_refused_before_git_runs() {
    let team = Team::new();
    let a = team.db("a");
    let marker = team.dir.path().join("pwned");
    let hostile = format!("--upload-pack=touch {}", marker.display());
    // After `--`, the remote reaches Jevons, which refuses it.
    let said = user_error(jevons(&a, &["sync", "--", &hostile]), &["sync"]);
    assert!(said.contains("refused remote"), "{said}");
    for bad in ["ext::sh -c touch% /tmp/x", "a\nb"] {
        let said = user_error(jevons(&a, &["sync", bad]), &["sync"]);
        assert!(said.contains("refused remote"), "{said}");
    }
    // Without it, it is an unknown option to the command line.
    assert_eq!(jevons(&a, &["sync", &hostile]).status.code(), Some(2));
    assert!(!marker.exists(), "git ran the remote's command");
}

#[test]
fn a_missing_remote_is_a_clear_message_and_imports_nothing() {
    let team = Team::new();
    let (a, b) = (team.db("a"), team.db("b"));
    add(&a, "Memo", "text");
    team.sync(&a);
    let before = json(&b, &["search", "is:trash OR text"]);
    let missing = team.dir.path().join("nowhere.git");
    let said = user_error(jevons(&b, &["sync", missing.to_str().unwrap()]), &["sync"]);
    assert!(said.contains("cannot reach") && said.contains("nowhere.git"), "{said}");
    assert_eq!(json(&b, &["search", "is:trash OR text"]), before);
    // Not remembered: a sync without a remote still asks for one, and a right one works.
    let said = user_error(jevons(&b, &["sync"]), &["sync"]);
    assert!(said.contains("no remote"), "{said}");
    ok(&b, &["sync", team.remote()]);
    assert_eq!(titles(&b, "text"), ["Memo"]);
}

#[test]
fn without_git_the_message_says_so() {
    let team = Team::new();
    let a = team.db("a");
    let empty = tempfile::tempdir().unwrap();
    let out = cli::command(&a, &["sync", team.remote()]).env("PATH", empty.path()).output().unwrap();
    let said = user_error(out, &["sync"]);
    assert!(said.contains("git is not installed"), "{said}");
}

#[test]
fn a_hand_broken_file_is_left_out_with_a_warning_and_the_rest_taken() {
    let team = Team::new();
    let (a, b) = (team.db("a"), team.db("b"));
    add(&a, "Fine", "fine text");
    add(&a, "Broken", "broken text");
    team.sync(&a);
    team.sync(&b);
    // Someone edits the repository by hand: one file gets broken front matter, one a good edit.
    let clone = team.dir.path().join("clone");
    git(team.dir.path(), &["clone", "-q", team.remote(), clone.to_str().unwrap()]);
    let find = |needle: &str| {
        walk(&clone.join("notes")).into_iter().find(|p| std::fs::read_to_string(p).unwrap().contains(needle)).unwrap()
    };
    let broken = find("broken text");
    std::fs::write(&broken, "---\ntitle: [unclosed\nuid: x\n---\nbroken by hand\n").unwrap();
    let fine = find("fine text");
    let text = std::fs::read_to_string(&fine).unwrap().replace("fine text", "fine text, edited by hand");
    std::fs::write(&fine, text).unwrap();
    let link = clone.join("notes").join("00");
    std::fs::create_dir_all(&link).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", link.join("passwd.md")).unwrap();
    git(&clone, &["add", "-A"]);
    git(&clone, &["commit", "-q", "-m", "hand edits"]);
    git(&clone, &["push", "-q", "origin", "HEAD:main"]);
    let said = team.sync(&b);
    assert!(said.contains("front matter"), "{said}");
    assert!(said.contains("passwd.md"), "{said}");
    assert_eq!(titles(&b, "edited"), ["Fine"]);
    assert_eq!(body_of(&b, "Broken"), "broken text", "the broken file's note stays as it was");
}

/// A small deterministic random source (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// What must be the same in every database after they all synced: notes by uid (title, body,
/// tags, typed tickers, trash) and claims by uid (text, note, fields). Row ids, revisions (each
/// database's own history) and times of claims and sources (set where they were made) are left
/// out.
fn research(db: &Path, folder: &Path) -> Value {
    let out = folder.join(format!("{}.json", db.file_name().unwrap().to_string_lossy()));
    let _ = std::fs::remove_file(&out);
    ok(db, &["export", "--format", "json", out.to_str().unwrap()]);
    let all: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let mut notes: Vec<Value> = all["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let mut tags: Vec<String> = n["tags"].as_array().unwrap().iter().map(|t| t.to_string()).collect();
            tags.sort();
            serde_json::json!({
                "uid": n["uid"], "title": n["title"], "body": n["body"], "tags": tags,
                "tickers": n["tickers"], "trashed": !n["deleted_at"].is_null(),
            })
        })
        .collect();
    notes.sort_by_key(|n| n["uid"].to_string());
    let mut claims: Vec<Value> = all["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.as_object_mut().unwrap().retain(|k, _| !k.ends_with("_at"));
            c
        })
        .collect();
    claims.sort_by_key(|c| c["uid"].to_string());
    serde_json::json!({ "notes": notes, "claims": claims })
}

/// One random change on `db`.
fn random_change(db: &Path, rng: &mut Rng, tag: &str) {
    let live = titles(db, "common");
    let trashed = titles(db, "is:trash common");
    match rng.below(10) {
        0..=2 => {
            add(db, &format!("Note {tag}"), &format!("common words\nline {tag}\nthird\nfourth\n"));
        }
        3..=5 if !live.is_empty() => {
            let title = &live[rng.below(live.len())];
            let body = body_of(db, title);
            let mut lines: Vec<String> = body.lines().map(str::to_owned).collect();
            let at = rng.below(lines.len().max(1));
            if at < lines.len() && !lines[at].contains("common") && !lines[at].starts_with(['<', '=', '>']) {
                lines[at] = format!("edited {tag}");
            } else {
                lines.push(format!("added {tag}"));
            }
            ok(db, &["note", "edit", &id_of(db, title), "--body", &lines.join("\n")]);
        }
        6 if !live.is_empty() => {
            let title = &live[rng.below(live.len())];
            let text = format!("Claim {tag} on capex");
            ok(db, &["claim", "add", "--text", &text, "--note", &id_of(db, title), "--ticker", "NVDA:bullish"]);
        }
        7 if !live.is_empty() => {
            let title = &live[rng.below(live.len())];
            ok(db, &["note", "edit", &id_of(db, title), "--tag", &format!("t{}", rng.below(3))]);
        }
        8 if !live.is_empty() => {
            ok(db, &["note", "rm", &id_of(db, &live[rng.below(live.len())])]);
        }
        9 if !trashed.is_empty() => {
            ok(db, &["note", "restore", &id_of(db, &trashed[rng.below(trashed.len())])]);
        }
        _ => {
            add(db, &format!("Note {tag}"), &format!("common words\nline {tag}\n"));
        }
    }
}

fn converge(seed: u64) {
    let team = Team::new();
    let dbs: Vec<PathBuf> = ["a", "b", "c"].iter().map(|n| team.db(n)).collect();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    for round in 0..4 {
        for (which, db) in dbs.iter().enumerate() {
            for change in 0..1 + rng.below(3) {
                random_change(db, &mut rng, &format!("s{seed}r{round}d{which}c{change}"));
            }
        }
        for _ in 0..3 {
            let db = &dbs[rng.below(dbs.len())];
            team.sync(db);
        }
    }
    for _ in 0..2 {
        for db in &dbs {
            team.sync(db);
        }
    }
    let first = research(&dbs[0], team.dir.path());
    for db in &dbs[1..] {
        let other = research(db, team.dir.path());
        let differ: Vec<(&Value, &Value)> = ["notes", "claims"]
            .iter()
            .flat_map(|k| first[k].as_array().unwrap().iter().zip(other[k].as_array().unwrap()))
            .filter(|(a, b)| a != b)
            .take(2)
            .collect();
        assert_eq!(first, other, "seed {seed}: {} differs from a.db: {differ:#?}", db.display());
    }
}

#[test]
fn three_databases_converge_over_random_changes() {
    let soak = std::env::var("JEVONS_SOAK").is_ok_and(|v| v == "1");
    let seeds: u64 =
        std::env::var("JEVONS_SYNC_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(if soak { 50 } else { 3 });
    let first: u64 = std::env::var("JEVONS_SYNC_FIRST_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    for seed in first..first + seeds {
        converge(seed);
    }
}

/// A sync killed (SIGKILL) at a random moment leaves the database and the working copy so that
/// the next sync completes, and nothing acknowledged before is lost: after every database has
/// synced twice more, all hold every note and agree. `JEVONS_SOAK=1` kills more often.
#[test]
fn a_sync_killed_at_any_moment_loses_nothing() {
    let soak = std::env::var("JEVONS_SOAK").is_ok_and(|v| v == "1");
    let team = Team::new();
    let (a, b) = (team.db("a"), team.db("b"));
    team.sync(&a);
    team.sync(&b);
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut added = Vec::new();
    for round in 0..if soak { 40 } else { 8 } {
        for (name, db) in [("a", &a), ("b", &b)] {
            let title = format!("Kill {round} {name}");
            add(db, &title, &format!("common words\nkill round {round}\n"));
            added.push(title);
            random_change(db, &mut rng, &format!("k{round}{name}"));
        }
        let victim = if rng.below(2) == 0 { &a } else { &b };
        let mut child = cli::command(victim, &["sync"]).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(rng.below(250) as u64));
        let _ = child.kill();
        let _ = child.wait();
        // A git the killed sync had started may still be finishing its step.
        std::thread::sleep(std::time::Duration::from_millis(200));
        let other = if victim == &a { &b } else { &a };
        team.sync(other);
    }
    for _ in 0..2 {
        team.sync(&a);
        team.sync(&b);
    }
    for title in &added {
        assert!(
            !titles(&a, &format!("\"{title}\"")).is_empty() || !titles(&a, &format!("is:trash \"{title}\"")).is_empty(),
            "{title} lost on a"
        );
    }
    assert_eq!(research(&a, team.dir.path()), research(&b, team.dir.path()));
}
