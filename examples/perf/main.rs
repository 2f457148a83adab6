//! The scale benchmark (issue 4): builds (or reuses) a synthetic corpus of N notes through the
//! store's own write path, times every query kind over at least 200 runs, checks each answer
//! against the generator's ground truth, compares with ripgrep and stock sqlite3, and prints one
//! JSON object.
//!
//! ```text
//! cargo run --release --example perf -- --notes 1000000 [--db PATH] [--reuse] [--runs 200] [--no-peers]
//!     [--no-gui] [--build-only] [--as-imported]
//! ```
//!
//! An encrypted database (`jevons encrypt`) is opened with the passphrase in `JEVONS_PASSPHRASE`.
//!
//! The app's frame times, start-up and memory are measured in a child process (see [`gui`]).
//! `perf --sources …` measures "Find in sources" over generated documents instead (see
//! [`sources`]).

mod corpus;
mod gui;
mod peers;
mod rng;
mod sources;
mod stats;
mod vocab;
mod window_frames;

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail, ensure};
use jevons::model::{NoteEdit, Symbol};
use jevons::query::parse;
use jevons::store::{Key, Page, SearchOrder, Store, cipher};
use serde_json::{Map, Value, json};

use corpus::Corpus;
use stats::Timings;

struct Args {
    notes: usize,
    db: Option<PathBuf>,
    reuse: bool,
    runs: usize,
    seed: u64,
    peers: bool,
    gui: bool,
    build_only: bool,
    /// Leave the full-text index as the import left it (no tidying).
    as_imported: bool,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args {
        notes: 10_000,
        db: None,
        reuse: false,
        runs: 200,
        seed: 20_250_127,
        peers: true,
        gui: true,
        build_only: false,
        as_imported: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--notes" => args.notes = value()?.replace('_', "").parse()?,
            "--db" => args.db = Some(value()?.into()),
            "--reuse" => args.reuse = true,
            "--runs" => args.runs = value()?.parse()?,
            "--seed" => args.seed = value()?.parse()?,
            "--no-peers" => args.peers = false,
            "--build-only" => args.build_only = true,
            "--as-imported" => args.as_imported = true,
            "--no-gui" => args.gui = false,
            other => bail!(
                "unknown argument {other} (--notes N, --db PATH, --reuse, --runs R, --seed S, --no-peers, --no-gui, \
                 --build-only, --as-imported)"
            ),
        }
    }
    ensure!(args.notes >= 100, "--notes must be at least 100");
    Ok(args)
}

fn main() -> ExitCode {
    // An encrypted database opens with JEVONS_PASSPHRASE (the app's child process inherits it).
    if let Some(key) = std::env::var("JEVONS_PASSPHRASE").ok().and_then(Key::new) {
        cipher::give(key);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--gui-child") {
        // The app's process, with the window's allocator settings.
        jevons::ui::allocator::keep_memory_small();
        return match gui::child(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("perf (app): {err:#}");
                ExitCode::FAILURE
            }
        };
    }
    let report = if args.first().is_some_and(|a| a == "--sources") { sources::run(&args[1..]) } else { run() };
    match report {
        Ok(report) => {
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("perf: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<Value> {
    let args = parse_args()?;
    let db = args.db.clone().unwrap_or_else(|| PathBuf::from(format!("target/perf/perf-{}.db", args.notes)));
    if let Some(folder) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let marker = db.with_extension("corpus");
    let stamp = format!("seed={} notes={}", args.seed, args.notes);
    let reusable = args.reuse && db.exists() && std::fs::read_to_string(&marker).is_ok_and(|m| m == stamp);
    let mut report = Map::new();
    report.insert("notes".into(), json!(args.notes));
    report.insert("seed".into(), json!(args.seed));
    report.insert("machine".into(), machine());
    report.insert("encrypted".into(), json!(cipher::is_encrypted(&db)));
    let mut corpus = Corpus::new(args.seed, args.notes);
    if reusable {
        eprintln!("perf: reusing {}", db.display());
        corpus.generate(None, 10_000)?;
        // A database from an older build is brought to this one's schema by the first open (what
        // a user's first start after an upgrade does), then tidied as the app does after opening.
        let start = Instant::now();
        let mut store = Store::open(&db)?;
        report.insert("open_seconds".into(), json!(round(start.elapsed().as_secs_f64())));
        let start = Instant::now();
        while store.tidy_index()? {}
        report.insert("tidy_seconds".into(), json!(round(start.elapsed().as_secs_f64())));
    } else {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = db.clone().into_os_string();
            path.push(suffix);
            let _ = std::fs::remove_file(path);
        }
        let _ = std::fs::remove_file(&marker);
        eprintln!("perf: generating {} notes into {}", args.notes, db.display());
        let mut store = Store::open(&db)?;
        let start = Instant::now();
        corpus.generate(Some(&mut store), 5_000)?;
        // What the app does after an import (on a worker): merge the index a step at a time.
        if !args.as_imported {
            while store.tidy_index()? {}
        }
        let seconds = start.elapsed().as_secs_f64();
        report.insert("insert_seconds".into(), json!(round(seconds)));
        report.insert("insert_notes_per_s".into(), json!((args.notes as f64 / seconds).round()));
        std::fs::write(&marker, &stamp)?;
    }
    if args.build_only {
        return Ok(Value::Object(report));
    }
    let truth = std::mem::take(&mut corpus.truth);
    let probes = corpus.probes();
    let mut store = Store::open(&db)?;
    store.checkpoint()?;
    report.insert("db_bytes".into(), json!(std::fs::metadata(&db)?.len()));
    report.insert("index_segments".into(), json!(store.index_segments()?));

    let mut queries = Map::new();
    let runs = args.runs;
    let mut searches: Vec<(String, String)> = Vec::new();
    let mut page_query = |name: &str, text: &str, truth: &[(i64, i64)]| -> anyhow::Result<()> {
        searches.push((name.to_owned(), text.to_owned()));
        let query = parse(text)?;
        let mut pages = Vec::with_capacity(runs + 1);
        let (timings, _) = Timings::measure(runs, || pages.push(store.page(&query, None, 50)));
        let total = store.count(&query)?;
        let wrong = |e: anyhow::Error| e.context(format!("{name} ({text}) gave a wrong answer"));
        ensure!(total as usize == truth.len(), "{name}: total {total} but the truth has {}", truth.len());
        let mut order = None;
        for page in pages {
            let page = page?;
            check_page(&page, truth, 0).map_err(wrong)?;
            order = Some(page.order);
        }
        // The next page, by keyset from the first.
        let first = store.page(&query, None, 50)?;
        if let Some(next) = &first.next {
            let second = store.page(&query, Some(next), 50)?;
            check_page(&second, truth, 50).map_err(|e| wrong(e.context("second page")))?;
        }
        let mut entry = timings.json();
        entry["query"] = json!(text);
        entry["matches"] = json!(total);
        entry["order"] = json!(order);
        queries.insert(name.into(), entry);
        eprintln!("perf: {name}: p50 {:.3} ms", timings.percentile(50.0));
        Ok(())
    };
    page_query("ticker_newest50_popular", &probes.popular, &truth.popular)?;
    page_query("ticker_newest50_rare", &probes.rare, &truth.rare)?;
    page_query("fts_rare_word", vocab::RARE_WORD, &truth.rare_word)?;
    page_query("fts_common_word", vocab::COMMON_WORD, &truth.common_word)?;
    page_query("fts_phrase", "\"large GPU clusters\"", &truth.phrase)?;
    page_query("fts_prefix", &format!("{}*", vocab::PREFIX), &truth.prefix)?;
    page_query("tag_newest50", "#ai", &truth.tag_ai)?;
    page_query("combined", &probes.combined, &truth.combined)?;

    let (timings, note) = Timings::measure(runs, || store.note(truth.rich_note));
    let note = note?;
    ensure!(!note.claims.is_empty() && !note.tags.is_empty(), "open_note: the rich note lost its claims or tags");
    queries.insert("open_note".into(), timings.json());
    let symbol = Symbol::parse(&probes.popular)?;
    let (timings, dossier) = Timings::measure(runs.min(50), || store.ticker_dossier(&symbol, 100));
    let dossier = dossier?;
    ensure!(dossier.note_count as usize == truth.popular.len(), "ticker_dossier: note count differs from the truth");
    queries.insert("ticker_dossier".into(), timings.json());
    queries.insert("save_note".into(), save_note(&mut store, runs)?);
    report.insert("queries".into(), Value::Object(queries));
    if args.gui {
        let big = megabyte_note(&mut store)?;
        drop(store);
        let app = gui::measure(&db, big, &searches, vocab::COMMON_WORD, runs)?;
        if let Value::Object(fields) = app {
            report.extend(fields);
        }
        store = Store::open(&db)?;
    }
    drop(store);
    report.insert("checks".into(), json!("every answer matched the generator's ground truth"));

    if args.peers {
        report.insert("peers".into(), peers::compare(&mut corpus_for_peers(&args), &db, &report)?);
    }
    Ok(Value::Object(report))
}

/// A fresh generator for the same corpus (the files for ripgrep are written from it).
fn corpus_for_peers(args: &Args) -> Corpus {
    Corpus::new(args.seed, args.notes)
}

/// A page that starts at result `skip`: newest first, it must be exactly the truth's notes
/// `skip..skip + 50` by last update to the second (ties by id), both descending; ranked by
/// relevance, its notes must all be true matches, as many as the truth has from `skip` (at most
/// 50).
fn check_page(page: &Page, truth: &[(i64, i64)], skip: usize) -> anyhow::Result<()> {
    let ids: Vec<i64> = page.results.iter().map(|r| r.id).collect();
    let mut expected: Vec<(i64, i64)> = truth.iter().map(|(millis, id)| (millis.div_euclid(1000), *id)).collect();
    expected.sort_by(|a, b| b.cmp(a));
    let wanted = truth.len().saturating_sub(skip).min(50);
    ensure!(ids.len() == wanted, "{} results on the page, {wanted} expected", ids.len());
    match page.order {
        SearchOrder::Newest => {
            let expected: Vec<i64> = expected.iter().skip(skip).take(50).map(|(_, id)| *id).collect();
            ensure!(
                ids == expected,
                "page {:?}… is not the newest {:?}… (by last update)",
                &ids[..ids.len().min(5)],
                &expected[..expected.len().min(5)]
            );
            let seconds: Vec<i64> = page.results.iter().map(|r| r.updated_at.millis().div_euclid(1000)).collect();
            ensure!(seconds.windows(2).all(|w| w[0] >= w[1]), "the page is not newest first by updated_at");
        }
        SearchOrder::Relevance => {
            let set: HashSet<i64> = truth.iter().map(|(_, id)| *id).collect();
            let stray: Vec<_> = ids.iter().filter(|id| !set.contains(id)).collect();
            ensure!(stray.is_empty(), "notes {stray:?} are not true matches");
        }
    }
    Ok(())
}

/// The 1 MB note typed into by the app benchmark (made once per database).
fn megabyte_note(store: &mut Store) -> anyhow::Result<i64> {
    let marker = parse("megabytenote")?;
    if let Some(id) = store.search_ids(&marker)?.first() {
        return Ok(*id);
    }
    let paragraph = "A NVIDIA perdeu US$ 589 bilhões em valor de mercado; DeepSeek says R1 cost $5.6M.\n\n";
    let body = paragraph.repeat(1_000_000 / paragraph.len());
    Ok(store.create_note(&jevons::model::NoteDraft::new("megabytenote: one megabyte of text", body))?)
}

/// Edits of a 10 KB note (title and body), each one transaction with its revision and FTS update.
fn save_note(store: &mut Store, runs: usize) -> anyhow::Result<Value> {
    let body: String = vocab::long_tail(2_000).join(" ").chars().take(10 * 1024).collect();
    let id = store.create_note(&jevons::model::NoteDraft::new("Ten kilobytes", body.clone()))?;
    let mut ms = Vec::with_capacity(runs);
    for i in 0..=runs {
        let edit = NoteEdit { body: Some(format!("{body} edit{i}")), ..NoteEdit::default() };
        let start = Instant::now();
        store.edit_note(id, &edit)?;
        if i > 0 {
            ms.push(start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    ensure!(store.revisions(id)?.len() == runs + 1, "save_note: a revision is missing");
    let mut entry = Timings::from_ms(ms).json();
    entry["bytes"] = json!(body.len());
    Ok(entry)
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn machine() -> Value {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    json!({ "cpu": cpu, "cores": cores, "os": std::env::consts::OS })
}
