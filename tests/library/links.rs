//! Links between notes in the store: `[[Title]]` resolves by title, then by an alias (the
//! `aliases` property), then by the file name of an imported note; links follow notes as they are created, renamed, trashed, restored, purged,
//! imported and un-imported; backlinks and unlinked mentions; loops and self links.

use crate::common;

use common::{draft, import};
use jevons::model::{NoteDraft, NoteEdit};
use jevons::store::{LinkedNote, Store};

fn note(store: &mut Store, title: &str, body: &str) -> i64 {
    store.create_note(&NoteDraft { title: title.into(), body: body.into(), ..NoteDraft::default() }).unwrap()
}

fn targets(store: &Store, id: i64) -> Vec<(String, Option<i64>)> {
    store.note_links(id).unwrap().into_iter().map(|l| (l.text, l.target_id)).collect()
}

fn ids(notes: Vec<LinkedNote>) -> Vec<i64> {
    let mut ids: Vec<i64> = notes.into_iter().map(|n| n.id).collect();
    ids.sort();
    ids
}

fn set_title(store: &mut Store, id: i64, title: &str) {
    store.edit_note(id, &NoteEdit { title: Some(title.into()), ..NoteEdit::default() }).unwrap();
}

#[test]
fn links_resolve_by_title_ignoring_case_and_accents() {
    let mut store = Store::open_in_memory().unwrap();
    let thesis = note(&mut store, "NVDA Thesis", "");
    let acoes = note(&mut store, "Ações", "");
    let linker = note(&mut store, "Linker", "[[nvda thesis]], [[NVDA Thesis#Risks|risks]], [[acoes]], [[Nowhere]]");
    assert_eq!(
        targets(&store, linker),
        [
            ("nvda thesis".into(), Some(thesis)),
            ("NVDA Thesis".into(), Some(thesis)),
            ("acoes".into(), Some(acoes)),
            ("Nowhere".into(), None)
        ]
    );
    let links = store.note_links(linker).unwrap();
    assert_eq!((links[1].heading.as_deref(), links[1].shown.as_deref()), (Some("Risks"), Some("risks")));
    assert_eq!(ids(store.backlinks(thesis).unwrap()), [linker]);
    assert_eq!(store.resolve_link(" ACOES ").unwrap(), Some(acoes));
}

#[test]
fn a_note_created_or_renamed_later_takes_the_links_to_its_title() {
    let mut store = Store::open_in_memory().unwrap();
    let linker = note(&mut store, "Linker", "see [[Capex cycle]]");
    assert_eq!(targets(&store, linker), [("Capex cycle".into(), None)]);
    let capex = note(&mut store, "capex CYCLE", "");
    assert_eq!(targets(&store, linker), [("Capex cycle".into(), Some(capex))]);
    set_title(&mut store, capex, "Capex supercycle");
    assert_eq!(targets(&store, linker), [("Capex cycle".into(), None)], "the old title no longer reaches it");
    let other = note(&mut store, "Draft", "");
    set_title(&mut store, other, "Capex cycle");
    assert_eq!(targets(&store, linker), [("Capex cycle".into(), Some(other))]);
}

#[test]
fn links_follow_the_trash_and_purges() {
    let mut store = Store::open_in_memory().unwrap();
    let first = note(&mut store, "Same title", "");
    let second = note(&mut store, "Same title", "");
    let linker = note(&mut store, "Linker", "[[Same title]]");
    assert_eq!(targets(&store, linker), [("Same title".into(), Some(first))], "the oldest of equal titles");
    store.trash_note(first).unwrap();
    assert_eq!(targets(&store, linker), [("Same title".into(), Some(second))]);
    store.trash_note(second).unwrap();
    assert_eq!(targets(&store, linker), [("Same title".into(), None)]);
    store.restore_note(second).unwrap();
    assert_eq!(targets(&store, linker), [("Same title".into(), Some(second))]);
    store.trash_note(linker).unwrap();
    assert!(store.backlinks(second).unwrap().is_empty(), "a trashed note links nothing");
    store.restore_note(linker).unwrap();
    store.restore_note(first).unwrap();
    assert_eq!(targets(&store, linker), [("Same title".into(), Some(first))]);
    store.trash_note(first).unwrap();
    store.purge_note(first).unwrap();
    assert_eq!(targets(&store, linker), [("Same title".into(), Some(second))]);
    store.trash_note(linker).unwrap();
    store.purge_note(linker).unwrap();
    assert!(store.backlinks(second).unwrap().is_empty());
    store.trash_note(second).unwrap();
    store.empty_trash().unwrap();
    let report = store.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn an_edit_and_a_restored_revision_relink_the_body() {
    let mut store = Store::open_in_memory().unwrap();
    let a = note(&mut store, "A", "");
    let b = note(&mut store, "B", "");
    let linker = note(&mut store, "Linker", "[[A]]");
    store.edit_note(linker, &NoteEdit { body: Some("[[B]]".into()), ..NoteEdit::default() }).unwrap();
    assert_eq!((ids(store.backlinks(a).unwrap()), ids(store.backlinks(b).unwrap())), (vec![], vec![linker]));
    let revision = store.revisions(linker).unwrap()[0].id;
    store.restore_revision(linker, revision, None).unwrap();
    assert_eq!((ids(store.backlinks(a).unwrap()), ids(store.backlinks(b).unwrap())), (vec![linker], vec![]));
}

#[test]
fn imported_notes_are_reached_by_their_file_name_and_undoing_the_import_drops_their_links() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    std::fs::create_dir_all(vault.join("Research")).unwrap();
    std::fs::write(vault.join("Research/nvda-thesis.md"), "# NVIDIA: the thesis\n\nBody.").unwrap();
    std::fs::write(vault.join("Index.md"), "See [[nvda-thesis]] and [[NVIDIA: the thesis|the thesis]].").unwrap();
    std::fs::write(vault.join("Loop.md"), "[[Index]] and [[Loop]]").unwrap();
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &vault);
    let thesis = store.resolve_link("NVIDIA: the thesis").unwrap().unwrap();
    assert_eq!(store.resolve_link("NVDA-THESIS").unwrap(), Some(thesis), "by file name");
    let index = store.resolve_link("Index").unwrap().unwrap();
    assert_eq!(ids(store.backlinks(thesis).unwrap()), [index]);
    let titled = note(&mut store, "nvda-thesis", "");
    assert_eq!(store.resolve_link("nvda-thesis").unwrap(), Some(titled), "a title wins over a file name");
    store.undo_import(None).unwrap();
    assert_eq!(store.resolve_link("Index").unwrap(), None);
    assert!(store.backlinks(titled).unwrap().is_empty(), "the undone import's links are gone");
}

#[test]
fn loops_and_self_links_are_stored_and_listed_without_the_note_itself() {
    let mut store = Store::open_in_memory().unwrap();
    let a = note(&mut store, "A", "[[B]] [[A]]");
    let b = note(&mut store, "B", "[[A]] [[B]]");
    assert_eq!(targets(&store, a), [("B".into(), Some(b)), ("A".into(), Some(a))]);
    assert_eq!((ids(store.backlinks(a).unwrap()), ids(store.backlinks(b).unwrap())), (vec![b], vec![a]));
}

#[test]
fn mentions_are_notes_with_the_title_as_a_phrase_that_do_not_link_it() {
    let mut store = Store::open_in_memory().unwrap();
    let jevons = store.create_note(&draft("Jevons paradox", "", &[], &[], "2025-01-01T00:00:00Z")).unwrap();
    let mentions = note(&mut store, "Cheaper compute", "This is the Jevons Paradox at work.");
    let _links = note(&mut store, "Linker", "The jevons paradox, see [[Jevons paradox]].");
    let _apart = note(&mut store, "Words apart", "Jevons wrote about a paradox.");
    let quoted = note(&mut store, "Odd \"title\" [x] AND", "");
    assert_eq!(ids(store.mentions(jevons).unwrap()), [mentions]);
    assert!(store.mentions(quoted).unwrap().is_empty(), "odd characters in a title are a phrase, not syntax");
    for title in ["***", "👍🏽", "\"", "NEAR(a b)", " "] {
        let odd = note(&mut store, title, "");
        assert!(store.mentions(odd).unwrap().is_empty(), "{title:?}");
    }
}

#[test]
fn renaming_offers_the_links_left_behind_and_rewrites_them_as_edits() {
    let mut store = Store::open_in_memory().unwrap();
    let target = note(&mut store, "Old name", "");
    let a = note(&mut store, "A", "[[Old name]] and [[old name#Risks|risks]] but `[[Old name]]`");
    let b = note(&mut store, "B", "[[Old name|shown]]");
    let unrelated = note(&mut store, "C", "[[Other]]");
    set_title(&mut store, target, "New name");
    assert_eq!(ids(store.links_left_by_rename(target, "Old name").unwrap()), [a, b]);
    let mut changed = store.retarget_links(target, "Old name", "New name").unwrap();
    changed.sort();
    assert_eq!(changed, [a, b]);
    assert_eq!(store.note(a).unwrap().body, "[[New name]] and [[New name#Risks|risks]] but `[[Old name]]`");
    assert_eq!(store.note(b).unwrap().body, "[[New name|shown]]");
    assert_eq!(ids(store.backlinks(target).unwrap()), [a, b]);
    assert_eq!(store.revisions(a).unwrap().len(), 1, "the version before is kept");
    assert_eq!(store.note(unrelated).unwrap().version, 1);
}

#[test]
fn titles_complete_by_prefix() {
    let mut store = Store::open_in_memory().unwrap();
    for title in ["Capex cycle", "capital returns", "Cápsula", "Other"] {
        note(&mut store, title, "");
    }
    let found: Vec<String> = store.titles_starting_with("CAP", 10).unwrap().into_iter().map(|n| n.title).collect();
    assert_eq!(found, ["Capex cycle", "capital returns", "Cápsula"]);
    assert_eq!(store.titles_starting_with("cap", 1).unwrap().len(), 1);
}

#[test]
fn a_large_odd_body_is_stored_with_its_links() {
    let mut store = Store::open_in_memory().unwrap();
    let target = note(&mut store, "👍🏽 Target", "");
    let body = format!("{}[[👍🏽 target]]{}", "[[".repeat(300_000), "x]] `".repeat(50_000));
    let started = std::time::Instant::now();
    let linker = note(&mut store, "Big", &body);
    assert!(started.elapsed().as_secs() < 10, "took {:?}", started.elapsed());
    assert_eq!(ids(store.backlinks(target).unwrap()), [linker]);
}

#[test]
fn links_reach_a_note_by_its_aliases_after_titles_and_follow_alias_changes() {
    let mut store = Store::open_in_memory().unwrap();
    let thesis = note(&mut store, "NVDA thesis", "---\naliases: [Team Green, Jevons bet]\n---\n\nLong.");
    let single = note(&mut store, "Capex", "---\naliases: Hyperscaler capex\n---\n\nText");
    let titled = note(&mut store, "Jevons bet", "A note titled like the alias.");
    let linker = note(&mut store, "Linker", "[[team green]] [[Jevons bet]] [[hyperscaler capex]] [[Gone]]");
    assert_eq!(
        targets(&store, linker),
        [
            ("team green".into(), Some(thesis)),
            ("Jevons bet".into(), Some(titled)),
            ("hyperscaler capex".into(), Some(single)),
            ("Gone".into(), None)
        ],
        "an alias reaches its note; a title outranks another note's alias"
    );
    store
        .edit_note(thesis, &NoteEdit { body: Some("---\naliases: [Gone]\n---\n\nLong.".into()), ..NoteEdit::default() })
        .unwrap();
    let now = targets(&store, linker);
    assert_eq!(now[0].1, None, "a removed alias no longer reaches the note");
    assert_eq!(now[3].1, Some(thesis), "a new alias takes the links written to it");
    assert_eq!(ids(store.backlinks(thesis).unwrap()), [linker]);
}

#[test]
fn a_link_rewritten_in_the_front_matter_is_indexed_by_its_new_text() {
    let mut store = Store::open_in_memory().unwrap();
    let target = note(&mut store, "Old name", "");
    let a = note(&mut store, "A", "---\nrelated: \"[[Old name]]\"\n---\n\nSee [[Old name]].");
    set_title(&mut store, target, "New name");
    assert_eq!(store.retarget_links(target, "Old name", "New name").unwrap(), [a]);
    let values: Vec<String> = store
        .properties_in_use(10, 10)
        .unwrap()
        .into_iter()
        .filter(|p| p.key == "related")
        .flat_map(|p| p.values)
        .collect();
    assert_eq!(values, ["[[New name]]"], "the property index follows the rewrite");
}
