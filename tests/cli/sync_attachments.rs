//! The notes' attachments through `jevons sync` (issue 17 point 5): the real binary, the system
//! git and a bare repository on disk. Each note's files travel as a list beside its file
//! (`notes/<xx>/<name>.files.json`) and the files themselves content-addressed with the sources'
//! (`documents/<xx>/<sha256>`); two people attaching files to one note keep both; a file whose
//! bytes do not match its name is refused with a warning and the rest arrives.

use crate::png;
use crate::team;

use std::fs;
use std::path::Path;

use jevons::io::sync::layout::note_path;
use jevons::store::Store;
use png::png;
use team::{Team, git, ok, walk};

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// A vault named `vault` under `folder`: one note embedding `chart.png`, one that embeds nothing.
fn vault(folder: &Path) -> std::path::PathBuf {
    let root = folder.join("vault");
    write(&root, "NVDA.md", b"# NVDA\n\n![[chart.png]]\n");
    write(&root, "chart.png", &png(10));
    write(&root, "Plain.md", b"# Plain\n\nNo pictures.\n");
    write(&root, "Also.md", b"# Also\n\nThe same chart: ![[chart.png]]\n");
    root
}

const NVDA: &str = "md:vault/NVDA.md";

/// A note's attachments here: target and bytes, by target.
fn attached(db: &Path, uid: &str) -> Vec<(String, Vec<u8>)> {
    let store = Store::open(db).unwrap();
    let Some(id) = store.note_by_uid(uid).unwrap() else { return Vec::new() };
    store
        .note_attachments(id)
        .unwrap()
        .into_iter()
        .map(|a| (a.target, store.document_bytes(a.document.id).unwrap()))
        .collect()
}

#[test]
fn a_notes_pictures_travel_with_it_and_both_sides_attachments_are_kept() {
    let team = Team::new();
    let (alice, bob) = (team.db("alice"), team.db("bob"));
    let folder = team.dir.path().join("alice-files");
    let root = vault(&folder);
    ok(&alice, &["import", root.to_str().unwrap()]);
    team.sync(&alice);

    let clone = team.clone();
    let files = walk(&clone);
    let lists: Vec<_> = files.iter().filter(|p| p.to_string_lossy().ends_with(".files.json")).collect();
    assert_eq!(lists.len(), 2, "each note with a picture has a list, the same picture or not: {files:?}");
    let nvda = clone.join(note_path(NVDA).replace(".md", ".files.json"));
    let list: serde_json::Value = serde_json::from_slice(&fs::read(nvda).unwrap()).unwrap();
    assert_eq!(list["uid"], NVDA);
    assert_eq!(list["attachments"][0]["target"], "chart.png");
    assert_eq!(list["attachments"][0]["media_type"], "image/png");
    let sha = list["attachments"][0]["sha256"].as_str().unwrap().to_owned();
    assert_eq!(fs::read(clone.join(format!("documents/{}/{sha}", &sha[..2]))).unwrap(), png(10));

    let said = team.sync(&bob);
    assert!(!said.contains("warning"), "{said}");
    assert_eq!(attached(&bob, NVDA), [("chart.png".to_owned(), png(10))], "Bob sees Alice's picture");
    assert_eq!(attached(&bob, "md:vault/Also.md"), [("chart.png".to_owned(), png(10))]);
    let markdown = team.dir.path().join("bob-export");
    ok(&bob, &["export", "--format", "markdown", markdown.to_str().unwrap()]);
    assert_eq!(fs::read(markdown.join("chart.png")).unwrap(), png(10), "and his export writes it beside the note");

    // Both embed another picture in the same note, each their own, and sync: both are kept.
    write(&root, "NVDA.md", b"# NVDA\n\n![[chart.png]]\n\n![[alice.png]]\n");
    write(&root, "alice.png", &png(20));
    ok(&alice, &["import", root.to_str().unwrap()]);
    let bobs = vault(&team.dir.path().join("bob-files"));
    write(&bobs, "NVDA.md", b"# NVDA\n\n![[chart.png]]\n\n![[bob.png]]\n");
    write(&bobs, "bob.png", &png(30));
    ok(&bob, &["import", bobs.to_str().unwrap()]);
    team.sync(&alice);
    team.sync(&bob);
    team.sync(&alice);
    let targets = |db: &Path| attached(db, NVDA).into_iter().map(|(t, _)| t).collect::<Vec<_>>();
    assert_eq!(targets(&bob), ["alice.png", "bob.png", "chart.png"], "Bob has both new pictures");
    assert_eq!(targets(&alice), ["alice.png", "bob.png", "chart.png"], "and so has Alice");
    assert_eq!(attached(&alice, NVDA), attached(&bob, NVDA), "byte for byte");
}

#[test]
fn a_picture_whose_bytes_do_not_match_its_name_is_refused_and_the_note_still_arrives() {
    let team = Team::new();
    let alice = team.db("alice");
    let root = vault(&team.dir.path().join("files"));
    ok(&alice, &["import", root.to_str().unwrap()]);
    team.sync(&alice);

    let clone = team.clone();
    let document = walk(&clone.join("documents")).pop().expect("the picture's file");
    fs::write(&document, png(99)).unwrap();
    // And a list for a note no one has, naming a real picture.
    let ghost = png(77);
    let sha = jevons::store::content_hash(&ghost);
    let ghost_list = clone.join(note_path("ghost").replace(".md", ".files.json"));
    fs::create_dir_all(ghost_list.parent().unwrap()).unwrap();
    let list = format!(
        r#"{{"uid": "ghost", "attachments": [{{"target": "g.png", "sha256": "{sha}", "media_type": "image/png"}}]}}"#
    );
    fs::write(&ghost_list, list).unwrap();
    let planted = clone.join(format!("documents/{}/{sha}", &sha[..2]));
    fs::create_dir_all(planted.parent().unwrap()).unwrap();
    fs::write(&planted, &ghost).unwrap();
    git(&clone, &["add", "-A"]);
    git(&clone, &["commit", "-qam", "swap the picture"]);
    git(&clone, &["push", "-q", "origin", "HEAD:main"]);

    let carol = team.db("carol");
    let said = team.sync(&carol);
    assert!(
        said.contains("attachment chart.png: its file") && said.contains("does not hold what it is named for"),
        "{said}"
    );
    let store = Store::open(&carol).unwrap();
    let note = store.note_by_uid(NVDA).unwrap().expect("the note arrives");
    assert!(store.note_attachments(note).unwrap().is_empty(), "without the swapped file");
    assert!(store.note_by_uid("md:vault/Plain.md").unwrap().is_some());
    assert!(said.contains("names the note \"ghost\", which is not here"), "{said}");
    let stored: i64 = rusqlite::Connection::open(&carol)
        .unwrap()
        .query_row("SELECT count(*) FROM document", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0, "the ghost's picture is not kept, held by no one");
}
