//! The JSON export carries the files sources hold (issue 17), through the real binary: export →
//! a new database → import gives the same sources (a file alone, and a web address holding a
//! file) with byte-equal documents, the same pages found by `jevons source find`, and the same
//! quote anchors. A tampered export (a file missing, changed, mislabelled, too large, linked, or
//! named out of its folder) gets a warning naming each source, and nothing else is lost.

use crate::cli;
use crate::pdf;

use std::path::Path;

use cli::Cli;
use serde_json::Value;

const KNOWN: &str = "Data center revenue rose to a record 35.6 billion dollars.";

fn id(text: &str) -> String {
    text.trim().to_owned()
}

/// A database with a PDF that is a file alone, a Markdown file saved from a web address, and a
/// note whose claims quote the PDF on its page, on another page, and words not in it.
fn research() -> Cli {
    let cli = Cli::new();
    let filing = cli.path("10-K.pdf");
    let pages =
        ["Annual report 2025\nCover page of the filing", &format!("Results of operations\n{KNOWN}\nMargins held.")];
    std::fs::write(&filing, pdf::pdf(&pages, Some("NVIDIA Form 10-K"))).unwrap();
    let pdf_source = id(&cli.ok(&["source", "add", "--file", filing.to_str().unwrap()]));
    let saved = cli.path("deck.md");
    std::fs::write(&saved, "# Capex deck\nHyperscalers keep spending on accelerators.").unwrap();
    let web_source =
        id(&cli.ok(&["source", "add", "--file", saved.to_str().unwrap(), "--url", "https://example.com/capex-deck"]));
    let note = cli.add(&["--title", "NVIDIA 10-K", "--body", "Reading the filing"]).to_string();
    let claim = |text: &str, source: &str, quote: &str, page: &str| {
        cli.ok(&[
            "claim", "add", "--text", text, "--note", &note, "--source", source, "--quote", quote, "--page", page,
        ]);
    };
    claim("Data center at a record", &pdf_source, "rose to a record 35.6 billion", "2");
    claim("Record, said on the cover", &pdf_source, "rose to a record 35.6 billion", "1");
    claim("Revenue fell", &pdf_source, "revenue fell to 12 billion dollars", "2");
    claim("Capex keeps rising", &web_source, "keep spending on accelerators", "1");
    cli
}

fn rows(db: &Path, sql: &str) -> Vec<Vec<Value>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let width = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..width)
            .map(|i| match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => Value::Null,
                rusqlite::types::ValueRef::Integer(n) => n.into(),
                rusqlite::types::ValueRef::Real(x) => x.into(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into(),
                rusqlite::types::ValueRef::Blob(b) => format!("{} bytes {:x}", b.len(), md5ish(b)).into(),
            })
            .collect())
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// A cheap fingerprint of bytes for comparing blobs (the sha256 column names them too).
fn md5ish(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

const SOURCES: &str = "SELECT s.url, s.url_key, s.title, d.sha256, d.media_type, d.file_name, d.page_count, d.bytes
     FROM source s LEFT JOIN document d ON d.id = s.document_id ORDER BY s.url_key";
const ANCHORS: &str = "SELECT c.uid, s.url_key, qa.page, qa.anchored, qa.found_page, qa.prefix, qa.suffix
     FROM quote_anchor qa JOIN claim c ON c.id = qa.claim_id JOIN source s ON s.id = qa.source_id ORDER BY c.uid";

fn export(cli: &Cli, name: &str) -> std::path::PathBuf {
    let out = cli.path(name);
    cli.ok(&["export", "--format", "json", out.to_str().unwrap()]);
    out
}

fn import(into: &Cli, json: &Path) -> Value {
    into.json(&["import", json.to_str().unwrap()])
}

#[test]
fn documents_survive_an_export_and_import_byte_for_byte_with_their_anchors() {
    let original = research();
    let out = export(&original, "research.json");
    let folder = original.path("research.files");
    let files: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(files.len(), 2, "one file per document: {files:?}");
    let doc: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(doc["files"], "research.files");
    let alone = doc["sources"].as_array().unwrap().iter().find(|s| s["url"].as_str().unwrap().starts_with("document:"));
    let alone = alone.expect("the file alone is named by its hash");
    assert_eq!(alone["document"]["media_type"], "application/pdf");
    assert_eq!(alone["document"]["file_name"], "10-K.pdf");

    let copy = Cli::new();
    let report = import(&copy, &out);
    assert_eq!(report["warnings"].as_array().map(Vec::len), Some(0), "{report}");
    assert_eq!(rows(&copy.db, SOURCES), rows(&original.db, SOURCES));
    let anchors = rows(&copy.db, ANCHORS);
    assert_eq!(anchors, rows(&original.db, ANCHORS));
    let states: Vec<&str> = anchors.iter().map(|r| r[3].as_str().unwrap_or("null")).collect();
    assert_eq!(states.iter().filter(|s| **s == "found").count(), 2, "{anchors:?}");
    assert!(states.contains(&"elsewhere") && states.contains(&"not_found"), "{anchors:?}");
    for cli in [&original, &copy] {
        let found = cli.json(&["source", "find", "\"record 35.6 billion\""]);
        assert_eq!((found["total"].as_i64(), found["results"][0]["page"].as_i64()), (Some(1), Some(2)), "{found}");
        assert_eq!(cli.json(&["source", "find", "accelerators"])["total"], 1);
        assert_eq!(cli.json(&["search", "is:unanchored"])["total"], 1);
    }

    // Importing again stores nothing twice; a second export of the copy carries the same files.
    import(&copy, &out);
    assert_eq!(rows(&copy.db, "SELECT count(*) FROM document"), [[Value::from(2)]]);
    let again = export(&copy, "again.json");
    let again_doc: Value = serde_json::from_slice(&std::fs::read(again).unwrap()).unwrap();
    let with_files = |doc: &Value| -> Vec<Value> {
        doc["sources"].as_array().unwrap().iter().filter(|s| s.get("document").is_some()).cloned().collect()
    };
    assert_eq!(with_files(&again_doc), with_files(&doc));
    assert_eq!(with_files(&doc).len(), 2);
}

#[test]
fn a_tampered_export_warns_for_each_source_and_loses_nothing_else() {
    let cli = Cli::new();
    let mut sources = Vec::new();
    for (i, name) in ["missing", "changed", "mislabelled", "oversized", "linked", "climbing"].iter().enumerate() {
        let path = cli.path(&format!("{name}.txt"));
        std::fs::write(&path, format!("The {name} file, number {i}.")).unwrap();
        let url = format!("https://example.com/{name}");
        let source = id(&cli.ok(&["source", "add", "--file", path.to_str().unwrap(), "--url", &url]));
        let note = cli.add(&["--title", name, "--body", "body"]).to_string();
        cli.ok(&["claim", "add", "--text", name, "--note", &note, "--source", &source, "--quote", "file, number"]);
        sources.push(url);
    }
    let out = export(&cli, "x.json");
    let folder = cli.path("x.files");
    let mut doc: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let file_of = |doc: &Value, name: &str| -> String {
        let source = doc["sources"].as_array().unwrap().iter().find(|s| s["url"].as_str().unwrap().ends_with(name));
        source.unwrap()["document"]["file"].as_str().unwrap().to_owned()
    };
    std::fs::remove_file(folder.join(file_of(&doc, "missing"))).unwrap();
    std::fs::write(folder.join(file_of(&doc, "changed")), "Not what was hashed.").unwrap();
    let oversized = std::fs::OpenOptions::new().write(true).open(folder.join(file_of(&doc, "oversized"))).unwrap();
    oversized.set_len(101 * 1024 * 1024).unwrap();
    let linked = folder.join(file_of(&doc, "linked"));
    std::fs::remove_file(&linked).unwrap();
    std::os::unix::fs::symlink(cli.path("linked.txt"), &linked).unwrap();
    for source in doc["sources"].as_array_mut().unwrap() {
        let url = source["url"].as_str().unwrap().to_owned();
        if url.ends_with("mislabelled") {
            source["document"]["media_type"] = "application/pdf".into();
        }
        if url.ends_with("climbing") {
            source["document"]["file"] = "../linked.txt".into();
        }
    }
    std::fs::write(&out, serde_json::to_vec(&doc).unwrap()).unwrap();

    let copy = Cli::new();
    let report = import(&copy, &out);
    assert_eq!(report["imported"], 6, "every note came in: {report}");
    let warnings: Vec<(String, String)> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["path"].as_str().unwrap().to_owned(), w["reason"].as_str().unwrap().to_owned()))
        .collect();
    let reason = |name: &str| -> String {
        let found = warnings.iter().find(|(path, _)| path == &format!("source https://example.com/{name}"));
        found.unwrap_or_else(|| panic!("no warning for {name}: {warnings:?}")).1.clone()
    };
    assert!(reason("missing").contains("is missing from"), "{}", reason("missing"));
    assert!(reason("changed").contains("does not hold what it is named for"), "{}", reason("changed"));
    assert!(reason("mislabelled").contains("is said to be PDF but is text"), "{}", reason("mislabelled"));
    assert!(reason("oversized").contains("a document may be at most 100 MB"), "{}", reason("oversized"));
    assert!(reason("linked").contains("symbolic link"), "{}", reason("linked"));
    assert!(reason("climbing").contains("leads out of the files folder"), "{}", reason("climbing"));
    assert_eq!(warnings.len(), 6, "{warnings:?}");
    // The sources, notes and claims all came in; no file did, and their quotes wait for one.
    let ours = "FROM source WHERE url LIKE 'https://example.com/%'";
    assert_eq!(
        rows(&copy.db, &format!("SELECT count(*), count(document_id) {ours}")),
        [[Value::from(6), Value::from(0)]]
    );
    assert_eq!(rows(&copy.db, "SELECT count(*) FROM document"), [[Value::from(0)]]);
    assert_eq!(rows(&copy.db, "SELECT count(*) FROM claim WHERE text IN (SELECT title FROM note)"), [[Value::from(6)]]);
    let waiting = "SELECT count(*) FROM quote_anchor qa JOIN claim_source cs USING (claim_id, source_id)
         WHERE cs.quote = 'file, number' AND qa.anchored IS NULL";
    assert_eq!(rows(&copy.db, waiting), [[Value::from(6)]]);
}
