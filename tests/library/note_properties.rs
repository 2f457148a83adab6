//! Note properties: typed key–values kept in the note's front matter, indexed for search
//! (`[conviction:high]`, `[price_target>150]`, `[review<=2025-03-01]`, `[status]`), kept by the
//! Markdown import and written back by the export, on a real Obsidian vault
//! (`tests/data/vaults/kepano`, see `assets/credits.md`).

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use common::import;
use jevons::io::{self, Format};
use jevons::model::{NoteDraft, read_properties};
use jevons::query;
use jevons::store::Store;
use serde_norway::{Mapping, Value};

fn titles(store: &Store, text: &str) -> Vec<String> {
    let query = query::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let mut found: Vec<String> =
        store.search_ids(&query).unwrap().into_iter().map(|id| store.note(id).unwrap().title).collect();
    found.sort();
    found
}

fn research() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for (title, front, text) in [
        (
            "NVDA thesis",
            "conviction: high\nprice_target: 180\nreview: 2025-02-15\nstatus: open\nwatch: [NVDA, AMD]",
            "Jevons paradox",
        ),
        ("AMD thesis", "conviction: Medium\nprice_target: 150\nreview: 2025-03-01T09:30\nwatch: [amd]", "Data center"),
        ("Intel thesis", "conviction: low\nprice_target: 45.5\nreview: 2025-06-01\nstatus:", "Foundry"),
        ("Plain note", "", "Jevons paradox without properties"),
    ] {
        let body = if front.is_empty() { text.to_owned() } else { format!("---\n{front}\n---\n\n{text}") };
        store.create_note(&NoteDraft::new(title, body)).unwrap();
    }
    store
}

#[test]
fn property_terms_find_the_notes_whose_properties_hold() {
    let store = research();
    for (query, expected) in [
        ("[conviction:high]", &["NVDA thesis"][..]),
        ("[Conviction:MEDIUM]", &["AMD thesis"]),
        ("[watch:amd]", &["AMD thesis", "NVDA thesis"]),
        ("[price_target>150]", &["NVDA thesis"]),
        ("[price_target>=150]", &["AMD thesis", "NVDA thesis"]),
        ("[price_target<150]", &["Intel thesis"]),
        ("[price_target<=45.5]", &["Intel thesis"]),
        ("[price_target:180]", &["NVDA thesis"]),
        ("[review<=2025-03-01]", &["AMD thesis", "NVDA thesis"]),
        ("[review<2025-03-01]", &["NVDA thesis"]),
        ("[review>2025-03-01]", &["Intel thesis"]),
        ("[review:2025-03-01]", &["AMD thesis"]),
        ("[status]", &["Intel thesis", "NVDA thesis"]),
        ("-[status]", &["AMD thesis", "Plain note"]),
        ("jevons [conviction:high]", &["NVDA thesis"]),
        ("jevons -[conviction:high]", &["Plain note"]),
        ("[conviction:high] OR [conviction:low]", &["Intel thesis", "NVDA thesis"]),
        ("[price_target>100] [review<2025-03-01]", &["NVDA thesis"]),
        ("[nothing]", &[]),
        // Front-matter words are searched like the rest of the text.
        ("foundry medium", &[]),
        ("medium", &["AMD thesis"]),
    ] {
        assert_eq!(titles(&store, query), expected, "query {query:?}");
    }
}

#[test]
fn malformed_brackets_are_words_or_a_clear_message() {
    let store = research();
    for (text, says) in [
        ("[price_target>high]", "compares with a number or a date"),
        ("[:high]", "needs a property name"),
        ("[status:]", "needs a value"),
    ] {
        let err = query::parse(text).unwrap_err().to_string();
        assert!(err.contains(says), "{text}: {err}");
    }
    for text in ["[unclosed paradox", "[[Jevons]]", "[]", "[ ]", "]["] {
        let query = query::parse(text);
        if let Ok(query) = query {
            store.search_ids(&query).unwrap();
        }
    }
    assert_eq!(titles(&store, "[jevons paradox"), ["NVDA thesis", "Plain note"]);
}

#[test]
fn a_property_kept_by_few_notes_is_read_from_its_index_among_many() {
    let mut store = Store::open_in_memory().unwrap();
    let mut batch = store.batch().unwrap();
    for i in 0..3_000 {
        let front = if i % 1_000 == 7 { "---\nreview: 2025-01-01\n---\n\n" } else { "" };
        batch.create_note(&NoteDraft::new(format!("Note {i}"), format!("{front}Text {i}"))).unwrap();
    }
    batch.commit().unwrap();
    assert_eq!(titles(&store, "[review<=2025-03-01]"), ["Note 1007", "Note 2007", "Note 7"]);
    let query = query::parse("[review]").unwrap();
    assert_eq!(store.count(&query).unwrap(), 3);
    let page = store.page(&query, None, 2).unwrap();
    assert_eq!(page.results.len(), 2);
    let rest = store.page(&query, page.next.as_ref(), 2).unwrap();
    assert_eq!(rest.results.len(), 1);
}

#[test]
fn a_saved_body_reindexes_its_properties_and_a_deleted_note_leaves_none() {
    let mut store = research();
    let query = query::parse("[conviction:high]").unwrap();
    let id = store.search_ids(&query).unwrap()[0];
    let edit = jevons::model::NoteEdit { body: Some("---\nconviction: low\n---\n\nx".into()), ..Default::default() };
    store.edit_note(id, &edit).unwrap();
    assert!(store.search_ids(&query).unwrap().is_empty());
    assert_eq!(titles(&store, "[conviction:low]"), ["Intel thesis", "NVDA thesis"]);
    jevons::session::trash::trash(&mut store, id).unwrap();
    assert_eq!(titles(&store, "[conviction:low]"), ["Intel thesis"]);
}

#[test]
fn odd_keys_and_a_large_value_lose_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let large = "x".repeat(1_000_000);
    let body = format!("---\n\"ключ 🚀 \u{200b}\": \"значение\"\nhuge: {large}\n---\n\nText");
    let id = store.create_note(&NoteDraft::new("Odd", body.clone())).unwrap();
    let note = store.note(id).unwrap();
    assert_eq!(note.body, body);
    let properties = read_properties(&note.body);
    assert_eq!(properties[0].key, "ключ 🚀 \u{200b}");
    assert_eq!(properties[1].value.shown().len(), 1_000_000);
    assert_eq!(titles(&store, "[huge]"), ["Odd"]);
    assert_eq!(titles(&store, "[КЛЮЧ 🚀 \u{200b}:значение]"), ["Odd"]);
}

fn vault() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vaults/kepano")
}

/// Every Markdown file under `dir`, by its path inside `dir`.
fn markdown_files(dir: &Path, under: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            markdown_files(&path, under, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push((path.strip_prefix(under).unwrap().to_owned(), fs::read_to_string(&path).unwrap()));
        }
    }
}

fn front_matter(text: &str) -> Mapping {
    let Some(rest) = text.strip_prefix("---\n") else { return Mapping::new() };
    let end = rest.find("\n---").unwrap();
    match serde_norway::from_str::<Value>(&rest[..end + 1]).unwrap() {
        Value::Mapping(map) => map,
        _ => Mapping::new(),
    }
}

/// The identity the import gives the file at `path` inside `folder`.
fn identity(folder: &Path, path: &Path) -> String {
    let name = folder.file_name().unwrap().to_string_lossy();
    format!("md:{name}/{}", path.to_string_lossy().replace('\\', "/"))
}

/// Imports `folder`, exports it as Markdown and checks that every file's front matter comes
/// back with the same keys and values (as parsed YAML), but for files whose front matter the
/// import kept as text (YAML it cannot write again); returns how many values were compared and
/// those files.
fn round_trip(folder: &Path) -> (usize, Vec<String>) {
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, folder);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let as_text: Vec<String> = report
        .warnings
        .iter()
        .filter(|w| w.reason.contains("kept as text"))
        .map(|w| w.path.to_string_lossy().into_owned())
        .collect();
    let out = tempfile::tempdir().unwrap();
    io::export(&store, Format::Markdown, &out.path().join("out"), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let mut exported = Vec::new();
    markdown_files(&out.path().join("out"), &out.path().join("out"), &mut exported);
    let mut originals = Vec::new();
    markdown_files(folder, folder, &mut originals);
    let mut compared = 0;
    for (path, text) in &originals {
        if as_text.iter().any(|p| Path::new(p).ends_with(path)) {
            continue;
        }
        let original = front_matter(text);
        let uid = Value::String(identity(folder, path));
        let twin = exported
            .iter()
            .map(|(_, t)| t)
            .find(|t| front_matter(t).get("uid") == Some(&uid))
            .unwrap_or_else(|| panic!("{} was not exported", path.display()));
        let written = front_matter(twin);
        for (key, value) in &original {
            assert_eq!(written.get(key), Some(value), "{}: {key:?}", path.display());
            compared += 1;
        }
    }
    (compared, as_text)
}

#[test]
fn a_real_vaults_front_matter_survives_import_and_export() {
    let (compared, as_text) = round_trip(&vault());
    assert!(compared > 100, "the vault's front matter has well over a hundred keys");
    assert!(as_text.is_empty(), "{as_text:?}");
}

/// `JEVONS_REAL_VAULT=/path/to/vault cargo test --test library real_vault -- --ignored`
/// runs the same round trip on a vault of your own.
#[test]
#[ignore = "needs JEVONS_REAL_VAULT"]
fn real_vault_round_trip() {
    let folder = PathBuf::from(std::env::var("JEVONS_REAL_VAULT").expect("JEVONS_REAL_VAULT"));
    let (compared, as_text) = round_trip(&folder);
    println!("{compared} front-matter values compared; front matter kept as text in {as_text:?}");
}

/// The files in which `word` occurs as a whole word, case ignored (`rg -l -i -w WORD`).
fn files_with_word(folder: &Path, word: &str) -> BTreeSet<String> {
    let mut files = Vec::new();
    markdown_files(folder, folder, &mut files);
    let word = word.to_lowercase();
    files
        .into_iter()
        .filter(|(_, text)| {
            let text = text.to_lowercase();
            text.match_indices(&word).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + word.len()..].chars().next();
                let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                !part(before) && !part(after)
            })
        })
        .map(|(path, _)| identity(folder, &path))
        .collect()
}

#[test]
fn searching_the_imported_vault_finds_every_file_holding_the_word_front_matter_included() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &vault());
    let mut front_matter_only = 0;
    for word in ["rating", "categories", "kyoto", "movies", "clippings", "published", "2023", "genre", "author"] {
        let expected = files_with_word(&vault(), word);
        assert!(!expected.is_empty(), "{word} is in the vault");
        let query = query::parse(word).unwrap();
        let found: BTreeSet<String> =
            store.search_ids(&query).unwrap().into_iter().map(|id| store.note(id).unwrap().uid).collect();
        let missing: Vec<&String> = expected.iter().filter(|t| !found.contains(*t)).collect();
        assert!(missing.is_empty(), "{word}: not found in {missing:?}");
        front_matter_only += expected.len();
    }
    assert!(front_matter_only > 30);
}

#[test]
fn bad_front_matter_is_reported_per_file_and_its_text_imported() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("broken.md", "---\nstatus: [open\n---\nBroken but kept"),
        ("twice.md", "---\nstatus: open\nstatus: closed\n---\nTwice but kept"),
        ("mixed.md", "---\nlevels: [1, high, 2025-01-01]\n---\nMixed"),
        ("a-number.md", "---\nrank: 3\n---\nNumber"),
        ("b-text.md", "---\nrank: top\n---\nText"),
    ] {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, dir.path());
    assert_eq!(report.imported, 5);
    let warning = |file: &str| -> String {
        report
            .warnings
            .iter()
            .filter(|w| w.path.to_string_lossy().contains(file))
            .map(|w| w.reason.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(warning("broken.md").contains("not valid YAML"), "{}", warning("broken.md"));
    assert!(warning("twice.md").contains("duplicate"), "{}", warning("twice.md"));
    assert!(warning("mixed.md").contains("mixes values of types"), "{}", warning("mixed.md"));
    assert!(warning("b-text.md").contains("is text here but number in a-number.md"), "{}", warning("b-text.md"));
    for word in ["broken", "twice", "mixed"] {
        assert_eq!(titles(&store, word).len(), 1, "{word}");
    }
}

#[test]
fn the_keys_and_values_in_use_are_listed_for_completion() {
    let store = research();
    let in_use = store.properties_in_use(10, 10).unwrap();
    let keys: Vec<&str> = in_use.iter().map(|u| u.key.as_str()).collect();
    assert_eq!(keys, ["conviction", "price_target", "review", "status", "watch"]);
    assert_eq!(in_use[0].values, ["high", "low", "Medium"]);
    assert_eq!(in_use[4].values, ["AMD", "NVDA"]);
    assert_eq!(store.properties_in_use(2, 1).unwrap().len(), 2);
    assert_eq!(store.properties_in_use(2, 1).unwrap()[0].values, ["high"]);
}

/// `cargo test --release --test library property_search_timings -- --ignored --nocapture`:
/// first pages of property queries over `JEVONS_PROPERTY_NOTES` notes (default 100,000), every
/// note with a `status` and one in 500 with a `review` date.
#[test]
#[ignore = "a measurement, not a check"]
fn property_search_timings() {
    let notes: usize = std::env::var("JEVONS_PROPERTY_NOTES").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let mut store = Store::open_in_memory().unwrap();
    let mut batch = store.batch().unwrap();
    for i in 0..notes {
        let review = if i % 500 == 3 { format!("review: 2025-{:02}-01\n", 1 + (i / 500) % 12) } else { String::new() };
        let status = ["open", "closed", "watch"][i % 3];
        let body = format!("---\nstatus: {status}\nprice_target: {}\n{review}---\n\nNote {i} on demand", i % 400);
        batch.create_note(&NoteDraft::new(format!("Note {i}"), body)).unwrap();
    }
    batch.commit().unwrap();
    for text in [
        "[review<=2025-03-01]",
        "[review]",
        "[status:open]",
        "[price_target:7]",
        "[price_target>390]",
        "demand [review]",
        "demand [status:open]",
        "[status:nothing]",
    ] {
        let query = query::parse(text).unwrap();
        let start = std::time::Instant::now();
        let page = store.page(&query, None, 50).unwrap();
        let first = start.elapsed();
        let start = std::time::Instant::now();
        let total = store.count(&query).unwrap();
        println!(
            "{text:24} first page ({} rows) {first:?}, count {total} in {:?}",
            page.results.len(),
            start.elapsed()
        );
    }
}

#[test]
fn repairing_the_search_index_rebuilds_the_property_index_from_the_notes() {
    let mut store = research();
    let query = query::parse("[conviction:high]").unwrap();
    let before = store.search_ids(&query).unwrap();
    assert_eq!(before.len(), 1);
    // Saves that take the properties away and bring them back, then the repair: the index holds
    // what the notes say, no more and no less.
    let id = before[0];
    let body = store.note(id).unwrap().body;
    store.edit_note(id, &jevons::model::NoteEdit { body: Some("plain".into()), ..Default::default() }).unwrap();
    store.edit_note(id, &jevons::model::NoteEdit { body: Some(body), ..Default::default() }).unwrap();
    store.rebuild_search_index().unwrap();
    assert_eq!(store.search_ids(&query).unwrap(), before);
    assert_eq!(titles(&store, "[status]"), ["Intel thesis", "NVDA thesis"]);
}
