//! Documents in sources through the real binary (issue 17): a PDF made in the test is added,
//! found on its page, quoted by claims whose quotes are found, found elsewhere or not found;
//! the same file is stored once; bad files are refused with one line and lose nothing.

use crate::cli;
use crate::pdf;

use cli::Cli;
use serde_json::Value;

const KNOWN: &str = "Data center revenue rose to a record 35.6 billion dollars.";

fn id(text: &str) -> i64 {
    text.trim().parse().unwrap_or_else(|_| panic!("not an id: {text:?}"))
}

/// A two-page filing with the known sentence on page 2, written to the test's folder.
fn filing(cli: &Cli, name: &str) -> String {
    let bytes = pdf::pdf(
        &["Annual report 2025\nCover page of the filing", &format!("Results of operations\n{KNOWN}\nMargins held.")],
        Some("NVIDIA Form 10-K"),
    );
    let path = cli.path(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn documents_stored(cli: &Cli) -> i64 {
    let conn = rusqlite::Connection::open(&cli.db).unwrap();
    conn.query_row("SELECT count(*) FROM document", [], |r| r.get(0)).unwrap()
}

fn quote_of(cli: &Cli, claim: i64) -> Value {
    cli.json(&["claim", "show", &claim.to_string()])["quote"].clone()
}

#[test]
fn a_pdf_is_found_on_its_page_and_its_quotes_are_anchored() {
    let cli = Cli::new();
    let path = filing(&cli, "10-K.pdf");
    let source = id(&cli.ok(&["source", "add", "--file", &path]));

    let found = cli.json(&["source", "find", "\"record 35.6 billion\""]);
    assert_eq!(found["total"], 1, "{found}");
    let hit = &found["results"][0];
    assert_eq!((hit["source_id"].as_i64(), hit["page"].as_i64()), (Some(source), Some(2)), "{found}");
    assert_eq!(hit["title"], "NVIDIA Form 10-K", "the title comes from the PDF's metadata");
    assert!(hit["snippet"].as_str().unwrap().contains("record"), "{hit}");
    assert_eq!(cli.json(&["source", "find", "annual OR margins"])["total"], 2);
    assert_eq!(cli.json(&["source", "find", "revenue -margins"])["total"], 0);
    assert_eq!(cli.json(&["source", "find", "reven*"])["total"], 1);

    let note = cli.add(&["--title", "NVIDIA 10-K", "--body", "Reading the filing"]);
    let claim = |quote: &str, page: &str| {
        id(&cli.ok(&[
            "claim",
            "add",
            "--text",
            "Data center at a record",
            "--note",
            &note.to_string(),
            "--source",
            &source.to_string(),
            "--quote",
            quote,
            "--page",
            page,
        ]))
    };
    let on_page = claim("rose to a record 35.6 billion", "2");
    let quote = quote_of(&cli, on_page);
    assert_eq!(quote["anchored"], "found", "{quote}");
    assert_eq!((quote["page"].as_i64(), quote["text"].as_str()), (Some(2), Some("rose to a record 35.6 billion")));
    let wrong_page = claim("rose to a record 35.6 billion", "1");
    let quote = quote_of(&cli, wrong_page);
    assert_eq!((quote["anchored"].as_str(), quote["found_page"].as_i64()), (Some("elsewhere"), Some(2)), "{quote}");
    assert_eq!(cli.json(&["search", "is:unanchored"])["total"], 0);
    let not_in_it = claim("revenue fell to 12 billion dollars", "2");
    assert_eq!(quote_of(&cli, not_in_it)["anchored"], "not_found");

    let unanchored = cli.json(&["search", "is:unanchored"]);
    assert_eq!(unanchored["results"][0]["id"].as_i64(), Some(note), "{unanchored}");
    let shown = cli.note(note);
    let states: Vec<&str> =
        shown["claims"].as_array().unwrap().iter().map(|c| c["quote"]["anchored"].as_str().unwrap()).collect();
    assert_eq!(states, ["found", "elsewhere", "not_found"], "note show carries each claim's quote");
    for kept in ["id", "text", "sources", "tickers", "status"] {
        assert!(shown["claims"][0].get(kept).is_some(), "the claim JSON keeps {kept}");
    }

    let page = cli.json(&["source", "show", &source.to_string(), "--page", "2"]);
    assert_eq!(page["pages"].as_array().unwrap().len(), 1);
    assert!(page["pages"][0]["text"].as_str().unwrap().contains("35.6 billion"), "{page}");
    assert_eq!(page["document"]["page_count"], 2);
    assert_eq!(page["document"]["status"], "text");
    assert!(cli.user_error(&["source", "show", &source.to_string(), "--page", "9"]).contains("no page 9"));
}

#[test]
fn a_claim_without_a_document_has_a_null_anchor_until_the_file_comes() {
    let cli = Cli::new();
    let url = "https://example.com/nvda-10-k";
    let source = id(&cli.ok(&["source", "add", "--url", url]));
    let claim = id(&cli.ok(&[
        "claim",
        "add",
        "--text",
        "Record quarter",
        "--source",
        &source.to_string(),
        "--quote",
        "a record 35.6 billion dollars",
        "--page",
        "1",
    ]));
    let quote = quote_of(&cli, claim);
    assert_eq!((quote["anchored"].clone(), quote["page"].as_i64()), (Value::Null, Some(1)), "{quote}");
    let path = filing(&cli, "saved.pdf");
    let same = id(&cli.ok(&["source", "add", "--file", &path, "--url", url]));
    assert_eq!(same, source, "the file goes to the address's source");
    let quote = quote_of(&cli, claim);
    assert_eq!((quote["anchored"].as_str(), quote["found_page"].as_i64()), (Some("elsewhere"), Some(2)), "{quote}");
}

#[test]
fn the_same_file_is_stored_once() {
    let cli = Cli::new();
    let first = filing(&cli, "a.pdf");
    let copy = filing(&cli, "copy of a.pdf");
    let source = id(&cli.ok(&["source", "add", "--file", &first]));
    let out = cli.run(&["source", "add", "--file", &copy]);
    assert!(out.status.success());
    assert_eq!(id(&String::from_utf8(out.stdout).unwrap()), source);
    assert!(String::from_utf8(out.stderr).unwrap().contains("already stored"), "it says so");
    assert_eq!(documents_stored(&cli), 1);
    assert_eq!(cli.json(&["source", "find", "margins"])["total"], 1, "its pages are indexed once");
}

#[test]
fn bad_files_are_refused_with_one_line_and_lose_nothing() {
    let cli = Cli::new();
    let good = filing(&cli, "good.pdf");
    let source = id(&cli.ok(&["source", "add", "--file", &good]));
    let note = cli.add(&["--title", "Kept", "--body", "nothing lost"]);
    let write = |name: &str, bytes: &[u8]| {
        let path = cli.path(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let plain = pdf::pdf(&["Secret page"], None);
    let cases = [
        (write("locked.pdf", &pdf::encrypted(&plain)), "encrypted PDF"),
        (write("broken.pdf", &plain[..plain.len() / 2]), "damaged PDF"),
        (write("junk.pdf", b"%PDF-1.7\nnot really a pdf at all"), "damaged PDF"),
        (write("chart.pdf", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "a PNG image (although it is named .pdf)"),
        (write("deck.pdf", b"PK\x03\x04\x14\0\0\0\x08\0"), "zip archive"),
    ];
    for (path, expected) in &cases {
        let message = cli.user_error(&["source", "add", "--file", path]);
        assert!(message.contains(expected), "{path}: {message}");
    }
    let big = cli.path("huge.txt");
    std::fs::File::create(&big).unwrap().set_len(100 * 1024 * 1024 + 1).unwrap();
    let message = cli.user_error(&["source", "add", "--file", &big.display().to_string()]);
    assert!(message.contains("at most 100 MB"), "{message}");

    assert_eq!(documents_stored(&cli), 1, "nothing was stored for the refused files");
    assert_eq!(cli.json(&["source", "find", "margins"])["results"][0]["source_id"].as_i64(), Some(source));
    assert_eq!(cli.note(note)["body"], "nothing lost");

    let kept = id(&cli.ok(&["source", "add", "--file", &cases[0].0, "--keep-unreadable"]));
    let shown = cli.json(&["source", "show", &kept.to_string()]);
    assert_eq!(shown["document"]["status"], "encrypted", "{shown}");
    assert_eq!(shown["pages"], serde_json::json!([]));
}

#[test]
fn a_saved_page_is_read_without_its_scripts_or_navigation() {
    let cli = Cli::new();
    let path = cli.path("article.html");
    std::fs::write(
        &path,
        "<!doctype html><title>Nvidia sinks</title><script>var leaked = 'evilscript'</script>\
         <nav>Markets menu</nav><main><p>Nvidia lost 589 billion in market value.</p></main>",
    )
    .unwrap();
    let source = id(&cli.ok(&["source", "add", "--file", &path.display().to_string()]));
    let shown = cli.json(&["source", "show", &source.to_string()]);
    assert_eq!(shown["pages"][0]["text"], "Nvidia lost 589 billion in market value.");
    assert_eq!(shown["source"]["title"], "Nvidia sinks");
    assert_eq!(shown["document"]["media_type"], "text/html");
    assert_eq!(cli.json(&["source", "find", "evilscript"])["total"], 0);
    assert_eq!(cli.json(&["source", "find", "menu"])["total"], 0);
    assert_eq!(cli.json(&["source", "find", "\"market value\""])["total"], 1);
}

#[test]
fn source_find_refuses_what_only_notes_have() {
    let cli = Cli::new();
    assert!(cli.user_error(&["source", "find", "$NVDA revenue"]).contains("is for notes"));
    assert!(cli.user_error(&["source", "find", "-revenue"]).contains("at least one word"));
    let out = cli.run(&["claim", "add", "--text", "x", "--page", "2"]);
    assert_eq!(out.status.code(), Some(2), "--page needs --quote");
}

#[test]
fn a_pdf_without_a_text_layer_is_kept_and_says_so() {
    let cli = Cli::new();
    let path = cli.path("scan.pdf");
    std::fs::write(&path, pdf::pdf(&["", ""], None)).unwrap();
    let out = cli.run(&["source", "add", "--file", &path.display().to_string()]);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("no text layer"), "it says so");
    let source = id(&String::from_utf8(out.stdout).unwrap());
    let shown = cli.json(&["source", "show", &source.to_string()]);
    assert_eq!(
        (shown["document"]["status"].as_str(), shown["document"]["page_count"].as_i64()),
        (Some("no_text_layer"), Some(2))
    );
    assert_eq!(shown["source"]["title"], "scan", "titled by the file's name");
}

#[test]
fn a_page_is_shown_line_by_line() {
    let cli = Cli::new();
    let path = cli.path("cantor.md");
    std::fs::write(&path, "# Cantor on NVDA\n\nBuy NVDA on weakness.\nJevons paradox.\n").unwrap();
    let source = id(&cli.ok(&["source", "add", "--file", &path.display().to_string()]));
    let shown = cli.ok(&["source", "show", &source.to_string()]);
    assert!(shown.contains("\nBuy NVDA on weakness.\nJevons paradox.\n"), "lines kept: {shown}");
    assert!(!shown.contains("\\n"), "no escaped line breaks: {shown}");
}

#[test]
fn a_sources_details_are_edited_and_its_file_and_address_kept() {
    let cli = Cli::new();
    let path = filing(&cli, "10-K.pdf");
    let source = id(&cli.ok(&["source", "add", "--file", &path])).to_string();
    let edited = cli.json(&[
        "source",
        "edit",
        &source,
        "--title",
        "NVIDIA 10-K for fiscal 2025",
        "--publisher",
        "-SEC-",
        "--published",
        "2025-02-26",
        "--kind",
        "filing",
    ]);
    assert_eq!(edited["title"], "NVIDIA 10-K for fiscal 2025");
    assert_eq!(edited["publisher"], "-SEC-", "a value starting with a dash is a value");
    assert_eq!((edited["published_at"].as_str(), edited["kind"].as_str()), (Some("2025-02-26"), Some("filing")));

    let cleared = cli.json(&["source", "edit", &source, "--publisher", ""]);
    assert_eq!(cleared["publisher"], Value::Null, "an empty value clears the field");
    assert_eq!(cleared["title"], "NVIDIA 10-K for fiscal 2025", "fields not given are kept");
    assert_eq!(
        cli.json(&["source", "find", "\"record 35.6 billion\""])["results"][0]["title"],
        "NVIDIA 10-K for fiscal 2025"
    );
    assert_eq!(documents_stored(&cli), 1, "the file is kept");

    let refused = cli.user_error(&["source", "edit", &source, "--published", "next week"]);
    assert!(refused.contains("date"), "{refused}");
    let missing = cli.user_error(&["source", "edit", "999", "--title", "x"]);
    assert!(missing.contains("999"), "{missing}");
    assert_eq!(cli.json(&["source", "edit", &source])["published_at"], "2025-02-26", "nothing changed");
}
