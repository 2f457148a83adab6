//! Exports and round trips: Markdown and JSON out and back in give the same research, JSON
//! merges without duplicates, CSV is valid for spreadsheets, and hostile titles never lead an
//! export out of its folder.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use jevons::io::{self, Format, ImportOptions, Watch};
use jevons::model::{ClaimDraft, ClaimLinkKind, ClaimTicker, NoteDraft, NoteEdit, Stance, Status};
use jevons::store::Store;

/// Everything a user sees of a note, without database ids.
#[derive(Debug, PartialEq)]
struct Seen {
    title: String,
    body: String,
    tags: Vec<String>,
    tickers: Vec<String>,
    claims: Vec<String>,
    sources: Vec<String>,
    dates: String,
}

fn seen(store: &Store) -> BTreeMap<String, Seen> {
    store
        .export_notes(0, 100_000)
        .unwrap()
        .into_iter()
        .map(|e| {
            let n = e.note;
            let claims = n
                .claims
                .iter()
                .map(|c| {
                    let tickers: Vec<String> =
                        c.tickers.iter().map(|t| format!("{}:{:?}", t.symbol, t.stance)).collect();
                    let sources: Vec<String> = c.sources.iter().map(|s| format!("{} {:?}", s.url, s.quote)).collect();
                    format!(
                        "{} {:?} {:?} {:?} {:?} {:?} {} {tickers:?} {sources:?} {} {}",
                        c.text, c.value, c.unit, c.currency, c.as_of, c.claimant, c.status, c.created_at, c.updated_at
                    )
                })
                .collect();
            let sources = n
                .sources
                .iter()
                .map(|s| {
                    format!(
                        "{} {:?} {:?} {:?} {:?} {:?}",
                        s.url, s.title, s.publisher, s.author, s.published_at, s.kind
                    )
                })
                .collect();
            let seen = Seen {
                title: n.title,
                body: n.body,
                tags: n.tags,
                tickers: n.tickers.iter().map(|t| format!("{}:{}", t.symbol, t.origin.as_str())).collect(),
                claims,
                sources,
                dates: format!("{} {} {:?}", n.created_at, n.updated_at, n.deleted_at),
            };
            (n.uid, seen)
        })
        .collect()
}

/// The fixture research plus what only a lossless format carries: an earlier revision, a claim
/// outside any note, a link between claims.
fn rich_research() -> Store {
    let mut r = common::research();
    r.store
        .edit_note(
            r.jevons,
            &NoteEdit { body: Some("Efficiency raises consumption. #draft".into()), ..NoteEdit::default() },
        )
        .unwrap();
    let loose = r
        .store
        .add_claim(ClaimDraft {
            text: "Hyperscaler capex keeps rising in 2025, \"no matter what\"".into(),
            value: Some(3.2e11),
            currency: Some("USD".into()),
            as_of: Some("2025".into()),
            status: Status::Supported,
            tickers: vec![ClaimTicker { symbol: common::sym("MSFT"), stance: Some(Stance::Neutral) }],
            ..ClaimDraft::default()
        })
        .unwrap();
    let cantor_claim = r.store.note(r.cantor).unwrap().claims[0].id;
    r.store.link_claims(loose, cantor_claim, ClaimLinkKind::Supports).unwrap();
    r.store
}

fn empty_store() -> Store {
    Store::open_in_memory().unwrap()
}

#[test]
fn markdown_export_then_import_gives_the_same_research() {
    let original = common::research().store;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export");
    let report = io::export(&original, Format::Markdown, &out, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(report.notes, 6);
    assert_eq!(fs::read_dir(&out).unwrap().count(), 6);

    let mut copy = empty_store();
    let imported =
        io::import_path(&mut copy, &out, &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!((imported.imported, imported.skipped.len(), imported.warnings.len()), (6, 0, 0), "{imported:?}");
    let (before, after) = (seen(&original), seen(&copy));
    assert_eq!(before.len(), after.len());
    for (uid, note) in &before {
        assert_eq!(after.get(uid), Some(note), "note {uid}");
    }
    assert_eq!(copy.note_counts().unwrap(), original.note_counts().unwrap(), "the trashed note stays trashed");

    let again =
        io::import_path(&mut copy, &out, &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!((again.imported, again.updated, again.unchanged), (0, 0, 6));
}

#[test]
fn an_exported_file_reads_well_in_obsidian() {
    let store = common::research().store;
    let dir = tempfile::tempdir().unwrap();
    io::export(&store, Format::Markdown, dir.path(), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let text = fs::read_to_string(dir.path().join("Cantor on NVIDIA.md")).unwrap();
    assert!(text.starts_with("---\ntitle: Cantor on NVIDIA\nuid: "), "{text}");
    for line in ["tags:\n- ai/inference\n- brokers\n", "tickers:\n- NVDA\n", "claimant: Cantor Fitzgerald\n"] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert!(
        text.ends_with(
            "---\n\nCantor Fitzgerald says buy on weakness. Raymond James worries about large GPU clusters."
        )
    );
}

#[test]
fn json_export_then_import_is_lossless() {
    let original = rich_research();
    let doc = io::json::document(&original, &mut Watch::quiet()).unwrap().unwrap();
    assert_eq!(doc.format_version, io::json::FORMAT_VERSION);
    assert_eq!(doc.claim_links.len(), 1);
    assert!(doc.notes.iter().any(|n| !n.revisions.is_empty()));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("research.json");
    io::export(&original, Format::Json, &file, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let mut copy = empty_store();
    let report =
        io::import_path(&mut copy, &file, &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!((report.imported, report.skipped.len()), (6, 0), "{report:?}");

    let mut again = io::json::document(&copy, &mut Watch::quiet()).unwrap().unwrap();
    again.exported_at = doc.exported_at;
    assert_eq!(again, doc);
    assert_eq!(seen(&copy), seen(&original));
}

#[test]
fn json_import_into_a_non_empty_database_merges_without_duplicates() {
    let original = rich_research();
    let doc = io::json::document(&original, &mut Watch::quiet()).unwrap().unwrap();
    let mut store = empty_store();
    jevons::sample::add(&mut store).unwrap();
    let own = store.create_note(&NoteDraft::new("Mine only", "kept")).unwrap();
    let options = ImportOptions::default();

    let first = io::json::import_document(&mut store, &doc, "test", &options, &mut Watch::quiet()).unwrap();
    assert_eq!(first.imported, 6);
    let counts = |s: &Store| {
        let notes = s.export_notes(0, 100_000).unwrap();
        let claims: usize = notes.iter().map(|n| n.note.claims.len()).sum();
        (notes.len(), claims + s.export_loose_claims().unwrap().len(), s.export_sources().unwrap().len())
    };
    let after_first = counts(&store);
    assert_eq!(after_first.0, 3 + 1 + 6);

    let second = io::json::import_document(&mut store, &doc, "test", &options, &mut Watch::quiet()).unwrap();
    assert_eq!((second.imported, second.updated, second.unchanged), (0, 0, 6), "{second:?}");
    assert_eq!(counts(&store), after_first, "nothing is duplicated");
    assert_eq!(store.note(own).unwrap().body, "kept");

    // The same research exported from a database that has the sample too: the sample's notes
    // and claims are recognised, not added twice.
    let mut with_sample = empty_store();
    jevons::sample::add(&mut with_sample).unwrap();
    let sample_doc = io::json::document(&with_sample, &mut Watch::quiet()).unwrap().unwrap();
    let third = io::json::import_document(&mut store, &sample_doc, "test", &options, &mut Watch::quiet()).unwrap();
    assert_eq!(third.imported, 0);
    assert_eq!(counts(&store), after_first);

    // The newer side wins: an edit made here after the export is kept...
    let uid = &doc.notes[0].uid;
    let id = store.note_by_uid(uid).unwrap().unwrap();
    store.edit_note(id, &NoteEdit { body: Some("edited here".into()), ..NoteEdit::default() }).unwrap();
    let kept = io::json::import_document(&mut store, &doc, "test", &options, &mut Watch::quiet()).unwrap();
    assert_eq!(kept.kept_newer, 1);
    assert_eq!(store.note(id).unwrap().body, "edited here");
    // ...and a copy edited elsewhere too, since the version both had, is a conflict: this
    // note keeps its version and the other is kept beside it, to be restored if wanted.
    let mut newer = doc.clone();
    newer.notes[0].body = "edited there, later".into();
    newer.notes[0].updated_at =
        jevons::model::Timestamp::from_millis(jevons::model::Timestamp::now().millis() + 60_000);
    let both = io::json::import_document(&mut store, &newer, "test", &options, &mut Watch::quiet()).unwrap();
    assert_eq!((both.updated, both.conflicts), (0, 1), "{both:?}");
    assert_eq!(store.note(id).unwrap().body, "edited here");
    let theirs = store.revisions(id).unwrap().into_iter().find(|r| r.body == "edited there, later").unwrap();
    assert_eq!(theirs.kind, jevons::model::RevisionKind::Conflict);
    assert_eq!(store.restore_revision(id, theirs.id, None).unwrap().body, "edited there, later", "taking theirs");
    assert!(store.revisions(id).unwrap().iter().any(|r| r.body == "edited here"), "and mine stays in the history");
}

#[test]
fn other_json_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = empty_store();
    for (content, expected) in [
        ("{\"notes\": []}", "is not a Jevons JSON export"),
        ("not json", "is not a Jevons JSON export"),
        ("{\"format\": \"jevons\", \"format_version\": 99}", "was written by a newer Jevons"),
    ] {
        let file = dir.path().join("x.json");
        fs::write(&file, content).unwrap();
        let err = io::import_path(&mut store, &file, &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false))
            .unwrap_err();
        assert!(err.to_string().contains(expected), "{content}: {err}");
    }
    assert_eq!(store.note_counts().unwrap(), (0, 0));
}

/// Splits RFC 4180 text into records of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn csv_has_one_row_per_claim_and_ticker_with_its_sources() {
    let mut r = common::research();
    let wcc = common::source(&mut r.store, "https://example.com/a,b", "Quote \"Co\"");
    r.store
        .add_claim(ClaimDraft {
            text: "Two lines,\nwith \"quotes\"".into(),
            claimant: Some("=cmd|' /C calc'!A0".into()),
            note_id: Some(r.jevons),
            sources: vec![(wcc, Some("said, \"yes\"".into()))],
            ..ClaimDraft::default()
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("claims.csv");
    let report = io::export(&r.store, Format::Csv, &file, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(report.claims, 5);
    let text = fs::read_to_string(&file).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark for spreadsheets");
    let records = parse_csv(text);
    assert_eq!(records[0], io::csv::COLUMNS);
    assert!(records.iter().all(|r| r.len() == io::csv::COLUMNS.len()), "{records:?}");
    let rows: Vec<(String, String)> = records[1..].iter().map(|r| (r[3].clone(), r[10].clone())).collect();
    assert_eq!(rows.len(), 6, "the AMD claim names two tickers: {rows:?}");
    assert!(rows.contains(&("AMD gains share in inference".into(), "AMD".into())));
    assert!(rows.contains(&("AMD gains share in inference".into(), "NVDA".into())));
    let odd = records.iter().find(|r| r[3] == "Two lines,\nwith \"quotes\"").unwrap();
    assert_eq!(odd[8], "'=cmd|' /C calc'!A0", "formulas are defused");
    assert_eq!(odd[10], "", "no ticker");
    assert_eq!(odd[12], "https://example.com/a,b");
    assert_eq!(odd[15], "said, \"yes\"");
}

#[test]
fn hostile_titles_never_lead_an_export_out_of_its_folder() {
    let mut store = empty_store();
    let titles = [
        "../../etc/passwd",
        "/abs",
        "CON",
        "nul.md",
        "a/b",
        "",
        "..",
        ".hidden",
        "🚀 emoji title",
        "same",
        "SAME",
        "C:\\Windows\\win.ini",
    ];
    let long = "x".repeat(300);
    for title in titles.iter().copied().chain([long.as_str()]) {
        store.create_note(&NoteDraft::new(title, format!("body of {title}"))).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a").join("out");
    #[cfg(unix)]
    {
        fs::create_dir_all(&out).unwrap();
        std::os::unix::fs::symlink(dir.path().join("target.txt"), out.join("same.md")).unwrap();
    }
    let report = io::export(&store, Format::Markdown, &out, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(report.notes, 13);
    assert!(!dir.path().join("target.txt").exists(), "a planted link is not written through");
    let mut names = Vec::new();
    for path in &report.files {
        assert_eq!(path.parent(), Some(out.as_path()), "{path:?}");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.starts_with('.') && !name.contains(['/', '\\', ':']) && name.len() <= 210, "{name}");
        let stem = name.trim_end_matches(".md").to_ascii_uppercase();
        assert!(!["CON", "NUL", "NUL.MD"].contains(&stem.as_str()), "{name}");
        names.push(name);
    }
    names.sort();
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    assert_eq!(names.len(), 13, "unique names");
    let top: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(top, ["a"], "nothing written beside the chosen folder");

    let mut copy = empty_store();
    let back =
        io::import_path(&mut copy, &out, &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(back.imported, 13, "{back:?}");
    let mut before: Vec<String> = seen(&store).into_values().map(|s| s.title).collect();
    let mut after: Vec<String> = seen(&copy).into_values().map(|s| s.title).collect();
    before.sort();
    after.sort();
    assert_eq!(after, before, "titles survive the trip exactly");
}

#[test]
fn exports_never_overwrite_a_file() {
    let store = common::research().store;
    let dir = tempfile::tempdir().unwrap();
    for format in [Format::Json, Format::Csv] {
        let file = dir.path().join("taken");
        fs::write(&file, "mine").unwrap();
        let err = io::export(&store, format, &file, &mut |_| {}, &AtomicBool::new(false)).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
    }
    let err = io::export(&store, Format::Markdown, &dir.path().join("taken"), &mut |_| {}, &AtomicBool::new(false))
        .unwrap_err();
    assert!(err.to_string().contains("is not a folder"), "{err}");
    assert!(Path::new(&dir.path().join("taken")).is_file());
}

/// A uid is whatever an imported file says, and `note_uid` and `claim_uid` were written raw: a
/// uid of `=HYPERLINK(…)` or `@SUM(…)*cmd|…` became a live formula. Every text cell is defused,
/// uids included; the uid reads back as itself after the `'`.
#[test]
fn csv_defuses_formulas_in_every_text_cell_uids_included() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    fs::create_dir(&vault).unwrap();
    let note_uid = "=HYPERLINK(\"http://evil.example\",\"open\")";
    let claim_uid = "@SUM(1+1)*cmd|' /C calc'!A0";
    fs::write(
        vault.join("hostile.md"),
        format!(
            "---\ntitle: '+1 title'\nuid: '{note_uid}'\ntags: []\nclaims:\n- uid: \"{claim_uid}\"\n  text: '-2+3'\n  \
             claimant: ' =cmd'\n  unit: \"\\t=x\"\n---\nbody\n"
        ),
    )
    .unwrap();
    let mut store = empty_store();
    let report =
        io::import_path(&mut store, &vault, &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(report.imported, 1, "{report:?}");
    let file = dir.path().join("claims.csv");
    io::export(&store, Format::Csv, &file, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let text = fs::read_to_string(&file).unwrap();
    let records = parse_csv(text.strip_prefix('\u{feff}').unwrap());
    assert_eq!(records.len(), 2, "{records:?}");
    let row = &records[1];
    assert_eq!((row[0].as_str(), row[1].as_str()), (format!("'{claim_uid}").as_str(), format!("'{note_uid}").as_str()));
    for (column, cell) in io::csv::COLUMNS.iter().zip(row) {
        let live = cell.trim_start().starts_with(['=', '+', '-', '@']) || cell.starts_with(['\t', '\r']);
        assert!(!live, "{column} would run as a formula: {cell:?}");
    }
    assert_eq!(row[2], "'+1 title");
    assert_eq!(row[3], "'-2+3");
}
