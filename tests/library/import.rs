//! Markdown import: real-looking Obsidian and Joplin exports compared file by file (notes, tags,
//! dates), re-imports that update instead of duplicating, files that are not notes, and hostile
//! folders (symbolic links out of the folder, odd names) that must not lead anywhere.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::import;
use jevons::io::{self, ImportOptions, Phase, Progress};
use jevons::model::front_matter::{Split, split};
use jevons::model::{Note, Origin, Timestamp, read_properties};
use jevons::store::Store;

/// The modified time every copied fixture file gets: 2026-02-01T12:00:00Z.
const FILE_TIME_SECS: u64 = 1_769_947_200;
const FILE_TIME: &str = "2026-02-01T12:00:00.000Z";

/// A note's text after the block of properties at its head.
fn after_properties(body: &str) -> &str {
    match split(body) {
        Split::Fields(_, rest) => rest,
        _ => body,
    }
}

fn vaults() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vaults")
}

/// Copies a directory tree (hidden entries too), giving every file [`FILE_TIME_SECS`].
fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
            set_time(&target, FILE_TIME_SECS);
        }
    }
}

fn set_time(path: &Path, secs: u64) {
    let file = fs::OpenOptions::new().write(true).open(path).unwrap();
    file.set_modified(UNIX_EPOCH + Duration::from_secs(secs)).unwrap();
}

/// A temporary copy of a fixture vault, at `<tmp>/<name>`.
fn vault(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(name);
    copy_tree(&vaults().join(name), &root);
    (dir, root)
}

fn note(store: &Store, uid: &str) -> Note {
    let id = store.note_by_uid(uid).unwrap().unwrap_or_else(|| panic!("no note {uid}"));
    store.note(id).unwrap()
}

fn time(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn typed_and_detected(note: &Note) -> Vec<String> {
    note.tickers
        .iter()
        .map(|t| format!("{}:{}", t.symbol, if t.origin == Origin::Typed { "typed" } else { "detected" }))
        .collect()
}

/// What a file says: (path in the vault, title, tags, created, updated, tickers).
type Expected<'a> = (&'a str, &'a str, &'a [&'a str], &'a str, &'a str, &'a [&'a str]);

fn check_vault(root_name: &str, store: &Store, expected: &[Expected]) {
    for (path, title, tags, created, updated, tickers) in expected {
        let note = note(store, &format!("md:{root_name}/{path}"));
        assert_eq!(note.title, *title, "{path}: title");
        assert_eq!(note.tags, *tags, "{path}: tags");
        assert_eq!(note.created_at, time(created), "{path}: created");
        assert_eq!(note.updated_at, time(updated), "{path}: updated");
        assert_eq!(typed_and_detected(&note), *tickers, "{path}: tickers");
    }
}

#[test]
fn an_obsidian_vault_imports_file_by_file() {
    let (_dir, root) = vault("obsidian");
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &root);
    assert_eq!((report.imported, report.updated, report.skipped.len()), (5, 0, 0), "{report:?}");
    assert_eq!((report.attachments, report.ignored), (1, 0), "the embedded chart is brought in");
    assert_eq!(store.note_counts().unwrap(), (5, 0), ".obsidian/ and .trash/ are not imported");
    check_vault(
        "obsidian",
        &store,
        &[
            (
                "NVIDIA after DeepSeek.md",
                "NVIDIA after DeepSeek",
                &["ai/inference", "brokers", "semis"],
                "2025-01-28",
                "2025-01-29T10:15:00Z",
                &["NVDA:detected"],
            ),
            ("Research/Jevons paradox.md", "Jevons paradox", &["ai/demand", "economics"], FILE_TIME, FILE_TIME, &[]),
            (
                "Research/Semis/TSMC capex.md",
                "TSMC capex",
                &["semis", "semis/foundry", "tsmc"],
                "2025-01-16",
                FILE_TIME,
                &["ASML:detected", "TSM:typed"],
            ),
            (
                "Daily/2025-01-27.md",
                "2025-01-27",
                // `#Mercado` is the tag `mercado` that `mercado/ações` (imported first) brought as
                // its parent: the first spelling of a tag is the one shown.
                &["daily", "market/selloff", "mercado", "todo"],
                FILE_TIME,
                FILE_TIME,
                &["NVDA:detected"],
            ),
            (
                "Perda de valor.md",
                "NVIDIA perde US$ 589 bilhões",
                &["inferência", "mercado/ações"],
                "2025-01-27T21:00:00Z",
                "2025-01-27T21:30:00Z",
                &[],
            ),
        ],
    );
    let nvda = note(&store, "md:obsidian/NVIDIA after DeepSeek.md");
    for kept in ["[[Jevons paradox]]", "[[Cantor Fitzgerald|Cantor]]", "![[chart.png]]", "# NVIDIA after DeepSeek"] {
        assert!(nvda.body.contains(kept), "wikilinks and headings stay readable: {kept}");
    }
    let keys: Vec<String> = read_properties(&nvda.body).into_iter().map(|p| p.key).collect();
    // `tags` in another order than the store keeps them, times not in the stored form: kept as
    // written for the export (see `io::own_fields`), besides being read into the note's fields.
    assert_eq!(keys, ["tags", "aliases", "created", "updated"], "the other keys are kept as properties");
    assert!(after_properties(&nvda.body).starts_with("# NVIDIA after DeepSeek"), "the text follows the properties");
    let tsmc = note(&store, "md:obsidian/Research/Semis/TSMC capex.md");
    assert_eq!(tsmc.sources.len(), 1);
    assert_eq!(tsmc.sources[0].url, "https://investor.tsmc.com/english/quarterly-results/2024/q4");
}

#[test]
fn a_joplin_export_imports_file_by_file() {
    let (_dir, root) = vault("joplin");
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &root);
    assert_eq!((report.imported, report.skipped.len(), report.ignored), (4, 0, 0), "{report:?}");
    assert_eq!(report.attachments, 1, "the image in _resources/ the note links is brought in");
    check_vault(
        "joplin",
        &store,
        &[
            (
                "Research/Cantor on NVIDIA.md",
                "Cantor on NVIDIA",
                &["ai/inference", "brokers"],
                "2025-01-28T13:30:00Z",
                "2025-01-28T14:00:00Z",
                &[],
            ),
            (
                "Research/Sub notebook/Frogs.md",
                "Frogs",
                &["Cool", "Reference"],
                "2021-05-01T16:40:00Z",
                "2021-05-01T16:40:00Z",
                &[],
            ),
            (
                "Markets/NVIDIA perde valor.md",
                "NVIDIA perde valor",
                &["machine learning", "mercado"],
                "2025-01-27T20:00:00Z",
                "2025-01-27T21:00:00Z",
                &[],
            ),
            (
                "Markets/Take Home Quiz.md",
                "Take Home Quiz",
                &["school"],
                "2021-05-01T16:40:00Z",
                "2021-06-17T23:59:00Z",
                &[],
            ),
        ],
    );
    let cantor = note(&store, "md:joplin/Research/Cantor on NVIDIA.md");
    assert!(
        after_properties(&cantor.body).starts_with("Cantor Fitzgerald: buy NVDA"),
        "Joplin's blank line after the front matter"
    );
    assert_eq!(cantor.sources.len(), 1);
    assert_eq!(cantor.sources[0].url, "https://wccftech.com/nvidia-cantor-deepseek");
    assert_eq!(cantor.sources[0].author.as_deref(), Some("Wccftech"));
}

#[test]
fn importing_the_same_folder_again_updates_instead_of_duplicating() {
    let (_dir, root) = vault("obsidian");
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &root);
    let again = import(&mut store, &root);
    assert_eq!((again.imported, again.updated, again.unchanged), (0, 0, 5), "{again:?}");

    let file = root.join("Research/Jevons paradox.md");
    fs::write(&file, "# Jevons paradox\n\nRewritten. #economics #coal\n").unwrap();
    set_time(&file, FILE_TIME_SECS + 3600);
    let third = import(&mut store, &root);
    assert_eq!((third.imported, third.updated, third.unchanged), (0, 1, 4), "{third:?}");
    assert_eq!(store.note_counts().unwrap(), (5, 0));
    let edited = note(&store, "md:obsidian/Research/Jevons paradox.md");
    assert_eq!(edited.tags, ["coal", "economics"]);
    assert_eq!(edited.updated_at, time("2026-02-01T13:00:00Z"));
    let revisions = store.revisions(edited.id).unwrap();
    assert_eq!(revisions.len(), 1, "the replaced text is kept");
    assert!(revisions[0].body.contains("cheaper inference"));
}

#[test]
fn a_single_file_has_the_same_identity_as_in_its_folder() {
    let (_dir, root) = vault("obsidian");
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &root.join("Perda de valor.md"));
    let report = import(&mut store, &root);
    assert_eq!((report.imported, report.unchanged), (4, 1), "{report:?}");
}

#[test]
fn files_that_are_not_notes_are_reported_and_the_import_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("notes");
    fs::create_dir(&root).unwrap();
    for (name, bytes) in [
        ("good.md", &b"# Good\nfine #ok"[..]),
        ("empty.md", b""),
        ("blank.md", b"\n  \n"),
        ("latin1.md", b"caf\xe9"),
        ("binary.md", b"\x00\x01\x02"),
        ("bad-yaml.md", b"---\ntitle: [unclosed\n---\nStill a #note"),
        ("bad-date.md", b"---\ncreated: someday\n---\ntext"),
        ("same-id-1.md", b"---\nid: 42\n---\none"),
        ("same-id-2.md", b"---\nid: 42\n---\ntwo"),
    ] {
        fs::write(root.join(name), bytes).unwrap();
    }
    let big = fs::File::create(root.join("huge.md")).unwrap();
    big.set_len(jevons::model::MAX_BODY_BYTES as u64 + 1).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &root);
    let reasons: Vec<(String, String)> =
        report.skipped.iter().map(|s| (s.path.display().to_string(), s.reason.clone())).collect();
    for (file, start) in [
        ("empty.md", "empty file"),
        ("blank.md", "empty file"),
        ("latin1.md", "not UTF-8 text"),
        ("binary.md", "contains NUL bytes"),
        ("huge.md", "larger than the 16 MB"),
        ("same-id-2.md", "has the same id"),
    ] {
        assert!(reasons.iter().any(|(f, r)| f == file && r.starts_with(start)), "{file}: {reasons:?}");
    }
    assert_eq!(report.skipped.len(), 6, "{reasons:?}");
    assert_eq!(report.imported, 4);
    let warned: Vec<&str> = report.warnings.iter().map(|w| w.path.to_str().unwrap()).collect();
    assert_eq!(warned, ["bad-date.md", "bad-yaml.md"]);
    let plain = note(&store, "md:notes/bad-yaml.md");
    assert!(plain.body.starts_with("---\ntitle: [unclosed"), "invalid YAML is kept as plain text");
    assert_eq!(plain.tags, ["note"]);
}

#[test]
fn an_import_cancelled_while_looking_for_files_imports_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("deep");
    for i in 0..20 {
        let folder = root.join(format!("folder {i:02}"));
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("note.md"), format!("Note {i}")).unwrap();
    }
    let mut store = Store::open_in_memory().unwrap();
    // Cancel is pressed as soon as the import starts looking.
    let cancel = AtomicBool::new(false);
    let mut press_cancel = |_: Progress| cancel.store(true, Ordering::Relaxed);
    let report = io::import_path(&mut store, &root, &ImportOptions::default(), &mut press_cancel, &cancel).unwrap();
    assert!(report.cancelled, "{report:?}");
    assert_eq!(report.imported, 0);
    assert_eq!(store.note_counts().unwrap(), (0, 0));
}

#[test]
fn a_cancelled_import_keeps_what_it_stored_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("many");
    fs::create_dir(&root).unwrap();
    for i in 0..250 {
        fs::write(root.join(format!("note {i:03}.md")), format!("Note {i} #bulk $NVDA")).unwrap();
    }
    let mut store = Store::open_in_memory().unwrap();
    let options = ImportOptions { batch_size: 100, ..ImportOptions::default() };
    let cancel = AtomicBool::new(false);
    let mut seen: Vec<Progress> = Vec::new();
    // The user presses Cancel when the first batch is reported stored.
    let mut press_cancel = |p: Progress| {
        if p.done >= 100 {
            cancel.store(true, Ordering::Relaxed);
        }
        seen.push(p);
    };
    let report = io::import_path(&mut store, &root, &options, &mut press_cancel, &cancel).unwrap();
    assert!(report.cancelled);
    let phases: Vec<(Phase, u64, Option<u64>)> = seen.iter().map(|p| (p.phase, p.done, p.total)).collect();
    assert_eq!(
        phases,
        [
            (Phase::Scanning, 0, None),
            (Phase::Importing, 0, Some(250)),
            (Phase::Importing, 100, Some(250)),
            (Phase::Done, 100, Some(250))
        ]
    );
    assert_eq!(seen[2].imported, 100);
    assert_eq!(report.imported, 100);
    assert_eq!(store.note_counts().unwrap(), (100, 0));
    assert!(store.check().unwrap().is_sound());
    assert_eq!(store.search(&jevons::query::parse("$NVDA #bulk").unwrap(), 1000, 0).unwrap().total, 100);
    let rest = import(&mut store, &root);
    assert_eq!((rest.imported, rest.unchanged), (150, 100));
}

/// Every file under `dir` with its size and modified time.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, SystemTime)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let meta = fs::symlink_metadata(entry.path()).unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            }
            found.push((entry.path(), meta.len(), meta.modified().unwrap()));
        }
    }
    found.sort();
    found
}

#[cfg(unix)]
#[test]
fn symbolic_links_never_lead_out_of_the_folder() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vault");
    let sibling = dir.path().join("sibling");
    fs::create_dir_all(root.join("inside")).unwrap();
    fs::create_dir(&sibling).unwrap();
    fs::write(sibling.join("secret.md"), "secret #private").unwrap();
    fs::write(root.join("inside/real.md"), "real note").unwrap();
    symlink("/etc", root.join("etc")).unwrap();
    symlink("/etc/passwd", root.join("passwd.md")).unwrap();
    symlink(&sibling, root.join("sibling-link")).unwrap();
    symlink(sibling.join("secret.md"), root.join("secret.md")).unwrap();
    symlink(root.join("inside"), root.join("loop")).unwrap();
    symlink(root.join("inside/real.md"), root.join("alias.md")).unwrap();
    symlink(root.join("nowhere.md"), root.join("broken.md")).unwrap();
    let before = snapshot(dir.path());

    let db_dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&db_dir.path().join("j.db")).unwrap();
    let report = import(&mut store, &root);
    assert_eq!(report.imported, 1, "{report:?}");
    assert_eq!(note(&store, "md:vault/inside/real.md").body, "real note");
    let skipped: Vec<String> = report.skipped.iter().map(|s| s.path.display().to_string()).collect();
    assert_eq!(skipped, ["alias.md", "broken.md", "etc", "loop", "passwd.md", "secret.md", "sibling-link"]);
    for outside in ["etc", "passwd.md", "secret.md", "sibling-link"] {
        let reason = &report.skipped.iter().find(|s| s.path == Path::new(outside)).unwrap().reason;
        assert!(reason.contains("outside the imported folder"), "{outside}: {reason}");
    }
    assert!(store.search(&jevons::query::parse("secret").unwrap(), 10, 0).unwrap().results.is_empty());
    assert_eq!(snapshot(dir.path()), before, "an import writes nothing in the folder");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_skipped_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vault");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("a.md"), "a").unwrap();
    let status = std::process::Command::new("mkfifo").arg(root.join("pipe.md")).status().unwrap();
    assert!(status.success());
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &root);
    assert_eq!(report.imported, 1);
    assert_eq!(report.skipped[0].reason, "not a regular file");
}

#[test]
fn names_like_parent_paths_are_plain_names() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vault");
    fs::create_dir(&root).unwrap();
    fs::write(
        root.join("parent-x.md"),
        "---\ntitle: ../../x.md\nuid: ../../x\nsource: file:///etc/passwd\n---\nSee [[../../etc/passwd]] and ![[../../x.png]]",
    )
    .unwrap();
    fs::write(root.join("dots.md"), "---\nid: ../../../tmp/evil\n---\nbody").unwrap();
    let before = snapshot(dir.path());
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &root.join("..").join("vault"));
    assert_eq!(report.imported, 2, "{report:?}");
    let odd = note(&store, "../../x");
    assert_eq!(odd.title, "../../x.md");
    assert!(odd.body.contains("[[../../etc/passwd]]"));
    assert!(odd.sources.is_empty(), "a file: URL is not a source");
    assert!(report.warnings.iter().any(|w| w.reason.starts_with("source ignored")));
    note(&store, "md-id:../../../tmp/evil");
    assert_eq!(snapshot(dir.path()), before);
}
