//! The attachments of imported vaults (issue 17 point 5): the images and PDFs notes embed or
//! link are brought in as documents tied to those notes, found as Obsidian finds them and never
//! outside the vault; written back beside the Markdown by the export so the links resolve; and
//! the same after a round trip. Real folders on disk with real PNG and PDF bytes, through the
//! library and through the `jevons` binary.

use std::fs;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::cli;
use crate::pdf;
use crate::png;

use cli::Cli;
use jevons::io::{Format, ImportOptions, ImportReport};
use jevons::model::MediaType;
use jevons::store::Store;
use png::png;

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// A vault as Obsidian and Joplin leave them: embeds by name, by relative path, URL-encoded and
/// in angle brackets; and links that bring nothing in.
fn vault(root: &Path) {
    write(
        root,
        "Research/NVDA.md",
        b"# NVDA\n\n![[chart.png]]\n\n![[report.pdf#page=2]] and again ![[chart.png|300]]\n\n\
          [[missing.png]] [[big.pdf]] [[A note]]\n\n```\n![[code.png]]\n```\n",
    );
    write(root, "Research/chart.png", &png(10));
    write(root, "assets/report.pdf", &pdf::pdf(&["Cover", "Hyperscaler capex keeps rising."], Some("Report")));
    write(
        root,
        "Notebook/Cantor on NVIDIA.md",
        b"# Cantor\n\n![a chart](../_resources/abc%20def.png)\n\n[the deck](<../_resources/deck.docx>)\n",
    );
    write(root, "_resources/abc def.png", &png(20));
    write(root, "_resources/deck.docx", b"PK\x03\x04 an office file");
    write(root, "Top.md", b"# Top\n\n[the filing](attachments/x%20y.pdf)\n\n![](../../outside.png)\n");
    write(root, "attachments/x y.pdf", &pdf::pdf(&["A filing"], None));
    write(root, "unused.png", &png(30));
    let big = fs::File::create(root.join("big.pdf")).unwrap();
    big.set_len(jevons::model::MAX_DOCUMENT_BYTES + 1).unwrap();
}

fn import(store: &mut Store, path: &Path) -> ImportReport {
    jevons::io::import_path(store, path, &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

fn attachments(store: &Store, uid: &str) -> Vec<(String, MediaType, Vec<u8>)> {
    let id = store.note_by_uid(uid).unwrap().unwrap_or_else(|| panic!("no note {uid}"));
    store
        .note_attachments(id)
        .unwrap()
        .into_iter()
        .map(|a| (a.target, a.document.media_type, store.document_bytes(a.document.id).unwrap()))
        .collect()
}

fn warned(report: &ImportReport, path: &str, words: &str) -> bool {
    report.warnings.iter().any(|w| w.path == Path::new(path) && w.reason.contains(words))
}

#[test]
fn a_vaults_embedded_files_come_in_tied_to_their_notes_and_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vault");
    vault(&root);
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &root);
    assert_eq!((report.imported, report.skipped.len()), (3, 0), "{report:?}");
    assert_eq!(report.attachments, 4, "chart, report, the Joplin image, the filing: {report:?}");
    assert_eq!(report.ignored, 3, "unused.png, and deck.docx and big.pdf, refused: {report:?}");
    assert!(warned(&report, "Research/NVDA.md", "attachment missing.png: not found in the vault"), "{report:?}");
    assert!(warned(&report, "Research/NVDA.md", "attachment big.pdf: is 101 MB; an attachment may be at most 100 MB"));
    assert!(warned(&report, "Notebook/Cantor on NVIDIA.md", "attachment ../_resources/deck.docx: not brought in"));
    assert!(warned(&report, "Top.md", "attachment ../../outside.png: points outside the imported folder"));
    assert!(!report.warnings.iter().any(|w| w.reason.contains("code.png") || w.reason.contains("A note")));

    let nvda = attachments(&store, "md:vault/Research/NVDA.md");
    let expected = [
        ("chart.png".to_owned(), MediaType::Png, png(10)),
        ("report.pdf".to_owned(), MediaType::Pdf, fs::read(root.join("assets/report.pdf")).unwrap()),
    ];
    assert_eq!(nvda, expected);
    let cantor = attachments(&store, "md:vault/Notebook/Cantor on NVIDIA.md");
    assert_eq!(cantor, [("../_resources/abc%20def.png".to_owned(), MediaType::Png, png(20))]);
    let top = attachments(&store, "md:vault/Top.md");
    assert_eq!(top.iter().map(|a| a.0.as_str()).collect::<Vec<_>>(), ["attachments/x%20y.pdf"]);

    let documents = store.document_totals().unwrap();
    let again = import(&mut store, &root);
    assert_eq!((again.imported, again.unchanged, again.attachments), (0, 3, 4), "{again:?}");
    assert_eq!(store.document_totals().unwrap(), documents, "importing again stores nothing new");
    assert_eq!(attachments(&store, "md:vault/Research/NVDA.md"), expected);
    let pdf_id = store.note_attachments(store.note_by_uid("md:vault/Research/NVDA.md").unwrap().unwrap()).unwrap()[1]
        .document
        .id;
    assert_eq!(store.document_pages(pdf_id, Some(2)).unwrap()[0].text.trim(), "Hyperscaler capex keeps rising.");
    let query = jevons::query::parse("hyperscaler").unwrap();
    assert_eq!(store.find_in_documents(&query, 10).unwrap().total, 0, "an attachment is no source");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_never_takes_an_attachment_out_of_the_vault() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vault");
    write(&root, "n.md", b"![[secret.png]] ![](inside.png)");
    write(dir.path(), "secret.png", &png(1));
    std::os::unix::fs::symlink(dir.path().join("secret.png"), root.join("secret.png")).unwrap();
    write(&root, "real.png", &png(2));
    std::os::unix::fs::symlink(root.join("real.png"), root.join("inside.png")).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &root);
    assert_eq!(report.attachments, 0, "{report:?}");
    assert!(warned(&report, "n.md", "attachment secret.png: not found in the vault"), "{report:?}");
    assert!(warned(&report, "n.md", "attachment inside.png: not found in the vault"), "{report:?}");
    assert_eq!(store.document_totals().unwrap().0, 0);
}

/// Every file under `root` (relative, `/`-separated) with its bytes.
fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                found.push((relative, fs::read(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn an_export_writes_attachments_where_the_links_find_them_and_a_round_trip_keeps_them() {
    let cli = Cli::new();
    let root = cli.path("vault");
    vault(&root);
    let report = cli.json(&["import", root.to_str().unwrap()]);
    assert_eq!(report["attachments"], 4, "{report}");
    let text = cli.ok(&["import", root.to_str().unwrap()]);
    assert!(text.starts_with("imported 0, updated 0, unchanged 3, skipped 0, attachments 4, ignored 3"), "{text}");

    let out = cli.path("export");
    cli.ok(&["export", "--format", "markdown", out.to_str().unwrap()]);
    let written = files(&out);
    let file = |name: &str| written.iter().find(|(n, _)| n == name).map(|(_, b)| b.clone());
    assert_eq!(file("chart.png"), Some(png(10)), "a name kept as written: {:?}", names(&written));
    assert_eq!(file("report.pdf"), Some(fs::read(root.join("assets/report.pdf")).unwrap()));
    assert_eq!(file("attachments/x y.pdf"), Some(fs::read(root.join("attachments/x y.pdf")).unwrap()));
    assert_eq!(file("attachments/abc def.png"), Some(png(20)), "a path leaving the folder is moved");
    let cantor = String::from_utf8(file("Cantor.md").expect("the Joplin note")).unwrap();
    assert!(cantor.contains("![a chart](attachments/abc%20def.png)"), "its link is rewritten: {cantor}");
    let top = String::from_utf8(file("Top.md").unwrap()).unwrap();
    assert!(top.contains("[the filing](attachments/x%20y.pdf)"), "a kept path's link stays: {top}");
    assert!(!names(&written).iter().any(|n| n.starts_with('.') || n.contains("/.")), "no staging left");

    let copy = Cli::new();
    let again = copy.json(&["import", out.to_str().unwrap()]);
    assert_eq!(again["attachments"], 4, "{again}");
    let warnings: Vec<&str> =
        again["warnings"].as_array().unwrap().iter().map(|w| w["reason"].as_str().unwrap()).collect();
    for brought in ["chart.png", "report.pdf", "abc", "x%20y.pdf"] {
        assert!(!warnings.iter().any(|w| w.contains(brought)), "{brought} resolves in the export: {again}");
    }
    assert_eq!(warnings.len(), 4, "only the links that brought nothing in before: {again}");
    let (first, second) = (Store::open(&cli.db).unwrap(), Store::open(&copy.db).unwrap());
    for uid in ["md:vault/Research/NVDA.md", "md:vault/Notebook/Cantor on NVIDIA.md", "md:vault/Top.md"] {
        let before = attachments(&first, uid);
        let after = attachments(&second, uid);
        let bytes = |list: &[(String, MediaType, Vec<u8>)]| list.iter().map(|a| a.2.clone()).collect::<Vec<_>>();
        assert_eq!(bytes(&after), bytes(&before), "{uid}: the same files, byte for byte");
        let note = |store: &Store| store.note(store.note_by_uid(uid).unwrap().unwrap()).unwrap();
        assert_eq!(note(&second).title, note(&first).title);
    }
}

fn names(files: &[(String, Vec<u8>)]) -> Vec<String> {
    files.iter().map(|(n, _)| n.clone()).collect()
}

#[test]
fn two_files_of_one_name_are_both_written_and_neither_over_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("vault");
    write(&root, "a/First.md", b"# First\n\n![[chart.png]]");
    write(&root, "a/chart.png", &png(1));
    write(&root, "b/Second.md", b"# Second\n\n![[chart.png]]");
    write(&root, "b/chart.png", &png(2));
    write(&root, "c/Third.md", b"# Third\n\n![[chart.png]]");
    write(&root, "c/chart.png", &png(1));
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &root);
    assert_eq!(report.attachments, 3, "{report:?}");
    let out = dir.path().join("out");
    jevons::io::export(&store, Format::Markdown, &out, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let written = files(&out);
    let file = |name: &str| written.iter().find(|(n, _)| n == name).map(|(_, b)| b.clone());
    assert_eq!(file("chart.png"), Some(png(1)), "{:?}", names(&written));
    assert_eq!(file("attachments/chart.png"), Some(png(2)), "{:?}", names(&written));
    assert_eq!(written.iter().filter(|(n, _)| n.ends_with(".png")).count(), 2, "the same content is written once");
    let second = String::from_utf8(file("Second.md").unwrap()).unwrap();
    assert!(second.contains("![[attachments/chart.png]]"), "{second}");
    let third = String::from_utf8(file("Third.md").unwrap()).unwrap();
    assert!(third.contains("![[chart.png]]"), "{third}");

    let mut copy = Store::open_in_memory().unwrap();
    let again = import(&mut copy, &out);
    assert_eq!(again.attachments, 2, "{again:?}");
    let second = copy.note_by_uid("md:vault/b/Second.md").unwrap().expect("the note came back");
    let attached = copy.note_attachments(second).unwrap();
    assert_eq!(copy.document_bytes(attached[0].document.id).unwrap(), png(2));
}

/// The files of `folder`, by name.
fn folder_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_json_export_carries_the_notes_attachments_and_an_import_ties_them_again() {
    let cli = Cli::new();
    let root = cli.path("vault");
    vault(&root);
    cli.json(&["import", root.to_str().unwrap()]);
    let out = cli.path("research.json");
    cli.ok(&["export", "--format", "json", out.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert_eq!(json["files"], "research.files");
    let nvda = json["notes"].as_array().unwrap().iter().find(|n| n["uid"] == "md:vault/Research/NVDA.md").unwrap();
    let targets: Vec<&str> =
        nvda["attachments"].as_array().unwrap().iter().map(|a| a["target"].as_str().unwrap()).collect();
    assert_eq!(targets, ["chart.png", "report.pdf"], "{nvda}");
    let chart = &nvda["attachments"][0]["document"];
    assert_eq!(chart["media_type"], "image/png");
    let sha = chart["sha256"].as_str().unwrap();
    assert_eq!(chart["file"], format!("{sha}.png"));
    let folder = cli.path("research.files");
    assert_eq!(fs::read(folder.join(format!("{sha}.png"))).unwrap(), png(10), "the bytes as imported");
    assert_eq!(folder_files(&folder).len(), 4, "one file per content: {:?}", folder_files(&folder));

    // A fresh database gets every note's files back, and a Markdown export from it writes them
    // where the links find them.
    let copy = Cli::new();
    let report = copy.json(&["import", out.to_str().unwrap()]);
    assert_eq!(report["attachments"], 4, "{report}");
    assert_eq!(report["warnings"].as_array().unwrap().len(), 0, "{report}");
    let (first, second) = (Store::open(&cli.db).unwrap(), Store::open(&copy.db).unwrap());
    for uid in ["md:vault/Research/NVDA.md", "md:vault/Notebook/Cantor on NVIDIA.md", "md:vault/Top.md"] {
        assert_eq!(attachments(&second, uid), attachments(&first, uid), "{uid}: the same files under the same targets");
    }
    drop((first, second));
    let again = copy.json(&["import", out.to_str().unwrap()]);
    assert_eq!((again["imported"].as_u64(), again["updated"].as_u64()), (Some(0), Some(0)), "{again}");
    assert_eq!(again["attachments"], 0, "nothing new was tied: {again}");
    assert_eq!(rows(&copy.db, "SELECT count(*) FROM document"), 4, "nothing stored twice");
    let markdown = copy.path("markdown");
    copy.ok(&["export", "--format", "markdown", markdown.to_str().unwrap()]);
    let written = files(&markdown);
    assert!(written.iter().any(|(n, b)| n == "chart.png" && *b == png(10)), "{:?}", names(&written));

    // A file changed in the folder is refused with the note and link named; the rest come in.
    fs::write(folder.join(format!("{sha}.png")), png(11)).unwrap();
    let third = Cli::new();
    let report = third.json(&["import", out.to_str().unwrap()]);
    assert_eq!((report["imported"].as_u64(), report["attachments"].as_u64()), (Some(3), Some(3)), "{report}");
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{report}");
    let reason = warnings[0]["reason"].as_str().unwrap();
    assert!(
        reason.starts_with("attachment chart.png: its file ") && reason.contains("does not hold what it is named for"),
        "{reason}"
    );
    assert_eq!(warnings[0]["path"], "note md:vault/Research/NVDA.md");
}

fn rows(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}
