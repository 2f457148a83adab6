//! The import merge rule, by property test: random sequences of edits (notes and claims), exports
//! (Markdown and JSON), files edited elsewhere, imports of any earlier export, trash, restore and
//! undo never lose the newest version of any note or any claim.
//!
//! After every step:
//! - every version of a note ever written (here, or in a file that was imported) is the note's
//!   current text or in its history;
//! - a note only ever changed here (its exports imported back unedited) is exactly as last edited;
//! - every claim still exists, in the note it was recorded in, with the text it was last given here.
//!
//! The default run is short (CI); `PROPTEST_CASES=500 cargo test --test library merge_properties` (or
//! `JEVONS_LONG=1`) runs longer (see docs/reliability.md).

use crate::common;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use common::import;
use jevons::io::{self, Format};
use jevons::model::{ClaimDraft, NoteDraft, NoteEdit, NoteId};
use jevons::store::{Store, StoreError};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const NOTES: usize = 3;

#[derive(Debug, Clone)]
enum Step {
    EditNote(usize),
    AddClaim {
        note: usize,
        same_text: bool,
    },
    EditClaim(usize),
    Export {
        json: bool,
    },
    /// Edits note `note` in export `export` (if it is a Markdown one), as another program would.
    EditFile {
        export: usize,
        note: usize,
    },
    Import {
        export: usize,
    },
    Trash(usize),
    Restore(usize),
    UndoLastImport,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..NOTES).prop_map(Step::EditNote),
        2 => (0..NOTES, any::<bool>()).prop_map(|(note, same_text)| Step::AddClaim { note, same_text }),
        1 => (0usize..8).prop_map(Step::EditClaim),
        2 => any::<bool>().prop_map(|json| Step::Export { json }),
        1 => (0usize..4, 0..NOTES).prop_map(|(export, note)| Step::EditFile { export, note }),
        3 => (0usize..4).prop_map(|export| Step::Import { export }),
        1 => (0..NOTES).prop_map(Step::Trash),
        1 => (0..NOTES).prop_map(Step::Restore),
        1 => Just(Step::UndoLastImport),
    ]
}

fn cases() -> u32 {
    common::cases(if std::env::var_os("JEVONS_LONG").is_some() { 500 } else { 12 })
}

/// What the test knows the database must hold.
struct Model {
    notes: Vec<NoteId>,
    /// The body each note was last given here.
    bodies: Vec<String>,
    /// Every body each note ever had, here or in a file that was imported.
    versions: Vec<HashSet<String>>,
    /// Notes a file edited elsewhere was imported into (their current text may be either side).
    merged: HashSet<usize>,
    /// Claims: id, note index, last text.
    claims: Vec<(i64, usize, String)>,
    exports: Vec<(PathBuf, bool)>,
    /// The versions from files edited elsewhere that each import (by its number) brought in.
    /// Undoing an import drops the conflict revisions it added (docs/import-export.md), so
    /// those versions need not survive it unless another import still standing brought them.
    imported: HashMap<i64, Vec<(usize, String)>>,
    counter: u32,
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("merge.db")).unwrap();
    let mut model = Model {
        notes: Vec::new(),
        bodies: Vec::new(),
        versions: Vec::new(),
        merged: HashSet::new(),
        claims: Vec::new(),
        exports: Vec::new(),
        imported: HashMap::new(),
        counter: 0,
    };
    for i in 0..NOTES {
        let body = format!("note {i} first version");
        let id = store.create_note(&NoteDraft::new(format!("Note {i}"), body.clone())).unwrap();
        model.notes.push(id);
        model.bodies.push(body.clone());
        model.versions.push(HashSet::from([body]));
    }
    for step in steps {
        model.counter += 1;
        let n = model.counter;
        match step {
            Step::EditNote(i) => {
                let body = format!("note {i} edit {n}");
                let edit = NoteEdit { body: Some(body.clone()), ..NoteEdit::default() };
                store.edit_note(model.notes[*i], &edit).unwrap();
                model.bodies[*i] = body.clone();
                model.versions[*i].insert(body);
            }
            Step::AddClaim { note, same_text } => {
                let text = if *same_text { "the same claim text".to_owned() } else { format!("claim {n}") };
                let draft = ClaimDraft {
                    text: text.clone(),
                    claimant: Some(format!("claimant {n}")),
                    note_id: Some(model.notes[*note]),
                    ..ClaimDraft::default()
                };
                let id = store.add_claim(draft).unwrap();
                model.claims.push((id, *note, text));
            }
            Step::EditClaim(k) => {
                if let Some((id, note, text)) = model.claims.get_mut(*k) {
                    let mut draft = ClaimDraft {
                        text: format!("claim edited {n}"),
                        note_id: Some(model.notes[*note]),
                        ..ClaimDraft::default()
                    };
                    draft.claimant = store.claim(*id).unwrap().claimant;
                    store.update_claim(*id, draft).unwrap();
                    *text = format!("claim edited {n}");
                }
            }
            Step::Export { json } => {
                let out = dir.path().join(if *json { format!("export-{n}.json") } else { format!("export-{n}") });
                let format = if *json { Format::Json } else { Format::Markdown };
                io::export(&store, format, &out, &mut |_| {}, &AtomicBool::new(false)).unwrap();
                model.exports.push((out, *json));
            }
            Step::EditFile { export, note } => {
                let Some((path, false)) = model.exports.get(*export).cloned() else { continue };
                let uid = store.note(model.notes[*note]).unwrap().uid;
                for entry in fs::read_dir(&path).unwrap() {
                    let file = entry.unwrap().path();
                    let text = fs::read_to_string(&file).unwrap();
                    if let Some((front, _)) = text.split_once("\n---\n\n")
                        && front.contains(&format!("uid: {uid}"))
                    {
                        fs::write(&file, format!("{front}\n---\n\nnote {note} file edit {n}")).unwrap();
                    }
                }
            }
            Step::Import { export } => {
                let Some((path, json)) = model.exports.get(*export).cloned() else { continue };
                let report = import(&mut store, &path);
                prop_assert!(report.skipped.is_empty(), "{report:?}");
                let mut brought = Vec::new();
                if !json {
                    // A file edited elsewhere may be taken or kept beside the note: both sides
                    // must be somewhere from now on.
                    for entry in fs::read_dir(&path).unwrap() {
                        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
                        let Some((_, body)) = text.split_once("\n---\n\n") else { continue };
                        if let Some(i) = body.strip_prefix("note ").and_then(|r| r.split(' ').next()) {
                            let i: usize = i.parse().unwrap();
                            if body.contains("file edit") {
                                model.versions[i].insert(body.to_owned());
                                model.merged.insert(i);
                                brought.push((i, body.to_owned()));
                            }
                        }
                    }
                }
                if let Some(id) = report.import_id {
                    model.imported.insert(id, brought);
                }
            }
            Step::Trash(i) => store.trash_note(model.notes[*i]).unwrap(),
            Step::Restore(i) => store.restore_note(model.notes[*i]).unwrap(),
            Step::UndoLastImport => match store.undo_import(None) {
                Ok(report) => {
                    for (i, body) in model.imported.remove(&report.import_id).unwrap_or_default() {
                        let standing = model.imported.values().flatten().any(|(j, other)| *j == i && *other == body);
                        if !standing {
                            model.versions[i].remove(&body);
                        }
                    }
                }
                Err(StoreError::NothingToUndo) => {}
                Err(other) => prop_assert!(false, "undo failed: {other}"),
            },
        }
        check(&store, &model, step)?;
    }
    prop_assert!(store.check().unwrap().is_sound());
    Ok(())
}

fn check(store: &Store, model: &Model, step: &Step) -> Result<(), TestCaseError> {
    for (i, id) in model.notes.iter().enumerate() {
        let note = store.note(*id).unwrap();
        let mut held: HashSet<String> = store.revisions(*id).unwrap().into_iter().map(|r| r.body).collect();
        held.insert(note.body.clone());
        for version in &model.versions[i] {
            prop_assert!(held.contains(version), "after {step:?}: note {i} lost {version:?}; it holds {held:?}");
        }
        if !model.merged.contains(&i) {
            prop_assert_eq!(&note.body, &model.bodies[i], "after {:?}: note {} is not as last edited", step, i);
        }
    }
    let mut by_note: HashMap<usize, usize> = HashMap::new();
    for (claim, note, text) in &model.claims {
        let stored = store.claim(*claim);
        prop_assert!(stored.is_ok(), "after {step:?}: claim {claim} was lost");
        let stored = stored.unwrap();
        prop_assert_eq!(&stored.text, text, "after {:?}: claim {} is not as last edited", step, claim);
        prop_assert_eq!(stored.note_id, Some(model.notes[*note]), "after {:?}: claim {} moved", step, claim);
        *by_note.entry(*note).or_default() += 1;
    }
    for (i, id) in model.notes.iter().enumerate() {
        let claims = store.note(*id).unwrap().claims.len();
        prop_assert_eq!(claims, by_note.get(&i).copied().unwrap_or(0), "after {:?}: note {} has other claims", step, i);
    }
    Ok(())
}

#[test]
fn edits_exports_imports_trash_and_undo_never_lose_the_newest_version() {
    let mut runner = TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() });
    runner.run(&prop::collection::vec(step(), 1..14), |steps| run(&steps)).unwrap();
}

/// A sequence the random runs found (4 December): a file edited elsewhere is imported over a
/// note edited here since the export (a conflict revision), and the import is undone, which
/// drops that revision as documented. The model used to expect it to survive.
#[test]
fn undoing_an_import_drops_the_conflict_it_added_and_nothing_else() {
    for first_json in [false, true] {
        let steps = [
            Step::Export { json: first_json },
            Step::Export { json: false },
            Step::EditFile { export: 1, note: 1 },
            Step::EditNote(1),
            Step::Import { export: 1 },
            Step::UndoLastImport,
        ];
        run(&steps).unwrap();
    }
}
