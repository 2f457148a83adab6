//! "Find in sources" at scale (issue 17): `perf --sources` builds a database of generated
//! documents through `Store::add_document` (the write a user's File → Add document… ends in),
//! each page of the same length with a few planted words whose counts are the ground truth,
//! then times the window's path (the real `JevonsApp` driven by egui_kittest in the sources
//! scope: the last keystroke typed to the frame that shows the first page, warm and in a new
//! app) and the store's own call, checking the pages found, their order (SQLite FTS5's bm25,
//! computed here from the planted counts) and the total. One JSON object.
//!
//! ```text
//! cargo run --release --example perf -- --sources [--documents 2000] [--pages 50] [--words 150]
//!     [--runs 20] [--seed S] [--db PATH]
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, bail, ensure};
use egui_kittest::Harness;
use jevons::model::{DocumentText, MediaType, TextStatus};
use jevons::query::parse;
use jevons::store::{NewDocument, Store};
use jevons::ui::action::Action;
use jevons::ui::search::scope::Scope;
use jevons::ui::{AppConfig, JevonsApp, Settings};
use serde_json::{Map, Value, json};

use crate::rng::Rng;
use crate::stats::Timings;

/// The planted terms: the words of each (a phrase's words in a row; a prefix's variants), the
/// chance a page has it, and at most how many times it occurs on such a page.
const TERMS: [(&[&str], f64, usize); 5] = [
    (&["kestrel"], 0.000_5, 4),
    (&["falcon"], 0.001, 3),
    (&["revenue"], 0.2, 3),
    (&["gross margin"], 0.02, 2),
    (&["inference", "inferred", "inferring"], 0.01, 3),
];
const KESTREL: usize = 0;
const FALCON: usize = 1;
const REVENUE: usize = 2;
const MARGIN: usize = 3;
const INFER: usize = 4;

/// Each benchmark query: name, text, the terms it scores (in the query's order) and which pages
/// match, by their counts of the planted terms.
type Matches = fn(&[u8; 5]) -> bool;
const QUERIES: [(&str, &str, &[usize], Matches); 7] = [
    ("rare_word", "kestrel", &[KESTREL], |t| t[KESTREL] > 0),
    ("common_word", "revenue", &[REVENUE], |t| t[REVENUE] > 0),
    ("phrase", "\"gross margin\"", &[MARGIN], |t| t[MARGIN] > 0),
    ("prefix", "infer*", &[INFER], |t| t[INFER] > 0),
    ("or", "kestrel OR falcon", &[KESTREL, FALCON], |t| t[KESTREL] > 0 || t[FALCON] > 0),
    ("and", "revenue \"gross margin\"", &[REVENUE, MARGIN], |t| t[REVENUE] > 0 && t[MARGIN] > 0),
    ("not", "revenue -falcon", &[REVENUE, FALCON], |t| t[REVENUE] > 0 && t[FALCON] == 0),
];

const WAIT: Duration = Duration::from_secs(600);
/// The window's size.
const SIZE: egui::Vec2 = egui::vec2(1440.0, 900.0);
/// The window's first page (`ui::worker::FIRST_PAGE`) and what the check reads after it.
const FIRST: usize = 50;
const SECOND: usize = 200;

struct Args {
    documents: usize,
    pages: usize,
    words: usize,
    runs: usize,
    seed: u64,
    db: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> anyhow::Result<Args> {
    let mut parsed = Args { documents: 2_000, pages: 50, words: 150, runs: 20, seed: 20_261_204, db: None };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--documents" => parsed.documents = value()?.replace('_', "").parse()?,
            "--pages" => parsed.pages = value()?.parse()?,
            "--words" => parsed.words = value()?.parse()?,
            "--runs" => parsed.runs = value()?.parse()?,
            "--seed" => parsed.seed = value()?.parse()?,
            "--db" => parsed.db = Some(value()?.into()),
            other => {
                bail!("unknown argument {other} (--documents N, --pages P, --words W, --runs R, --seed S, --db PATH)")
            }
        }
    }
    ensure!(parsed.documents >= 10 && parsed.pages >= 1, "--documents must be at least 10");
    ensure!(parsed.words >= 40 && parsed.words.is_multiple_of(2), "--words must be even and at least 40");
    Ok(parsed)
}

/// A page holding planted terms: its source, its number and how often each term occurs.
#[derive(Clone, Copy)]
struct Planted {
    source: i64,
    page: u32,
    counts: [u8; 5],
}

/// Filler words: consonant–vowel syllables, two or three of them, so no filler word is a
/// planted one (those have consonant clusters or begin with a vowel).
fn filler_words() -> Vec<String> {
    let consonants = "bdfghklmnprstvz".chars();
    let syllables: Vec<String> = consonants.flat_map(|c| "aeiou".chars().map(move |v| format!("{c}{v}"))).collect();
    let mut words = Vec::new();
    for a in &syllables {
        for b in &syllables {
            words.push(format!("{a}{b}"));
            if words.len() % 3 == 0 {
                words.push(format!("{a}{b}{}", syllables[words.len() % syllables.len()]));
            }
        }
    }
    words
}

/// One page of exactly `words` tokens, and how often each planted term is on it. Every
/// occurrence takes a pair of slots (a phrase both, a word the first), so none overlap.
fn page(rng: &mut Rng, filler: &[String], words: usize) -> (String, [u8; 5]) {
    let mut tokens: Vec<&str> = (0..words).map(|_| filler[rng.range(0, filler.len())].as_str()).collect();
    let mut free: Vec<usize> = (0..words / 2).collect();
    let mut counts = [0u8; 5];
    for (term, (variants, chance, most)) in TERMS.iter().enumerate() {
        if !rng.chance(*chance) {
            continue;
        }
        let times = rng.range(1, most + 1);
        for _ in 0..times {
            let pair = free.swap_remove(rng.range(0, free.len()));
            let variant = variants[rng.range(0, variants.len())];
            match variant.split_once(' ') {
                Some((first, second)) => {
                    tokens[2 * pair] = first;
                    tokens[2 * pair + 1] = second;
                }
                None => tokens[2 * pair] = variant,
            }
        }
        counts[term] = times as u8;
    }
    let mut text = String::with_capacity(words * 7);
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            text.push(if i % 15 == 0 { '\n' } else { ' ' });
        }
        text.push_str(token);
    }
    (text, counts)
}

/// Writes the documents, one `add_document` each; the pages holding planted terms.
fn build(store: &mut Store, args: &Args) -> anyhow::Result<Vec<Planted>> {
    let mut rng = Rng::new(args.seed);
    let filler = filler_words();
    let mut planted = Vec::new();
    for d in 0..args.documents {
        let mut pages = Vec::with_capacity(args.pages);
        let mut counts = Vec::new();
        for number in 1..=args.pages {
            let (text, c) = page(&mut rng, &filler, args.words);
            if c.iter().any(|&n| n > 0) {
                counts.push((number as u32, c));
            }
            pages.push(text);
        }
        let bytes = pages.join("\u{c}");
        let text = DocumentText { pages, page_count: args.pages, ..DocumentText::default() };
        let name = format!("filing-{d:05}.txt");
        let title = format!("Filing {d:05}");
        let doc = NewDocument {
            bytes: bytes.as_bytes(),
            media_type: MediaType::Text,
            file_name: Some(&name),
            title: Some(&title),
            text: &text,
            status: &TextStatus::Text,
        };
        let added = store.add_document(None, &doc)?;
        ensure!(!added.already_stored, "document {d} was generated twice");
        planted.extend(counts.into_iter().map(|(page, counts)| Planted { source: added.source_id, page, counts }));
    }
    Ok(planted)
}

/// The pages `matches` selects, best first as FTS5's bm25 ranks them (every page has the same
/// length, so a term's weight depends on its count and how many pages hold it), ties in the
/// order the pages were stored as `jevons source find` orders them: here by source and page, as
/// the documents are added one after another.
fn truth(planted: &[Planted], rows: usize, terms: &[usize], matches: Matches) -> Vec<(i64, u32)> {
    let (k1, n) = (1.2, rows as f64);
    let idf: Vec<f64> = terms
        .iter()
        .map(|&t| {
            let hits = planted.iter().filter(|p| p.counts[t] > 0).count() as f64;
            let idf = ((n - hits + 0.5) / (hits + 0.5)).ln();
            if idf <= 0.0 { 1e-6 } else { idf }
        })
        .collect();
    let mut scored: Vec<(f64, i64, u32)> = planted
        .iter()
        .filter(|p| matches(&p.counts))
        .map(|p| {
            let score: f64 = terms
                .iter()
                .zip(&idf)
                .map(|(&t, idf)| {
                    let tf = f64::from(p.counts[t]);
                    idf * (tf * (k1 + 1.0)) / (tf + k1)
                })
                .sum();
            (-score, p.source, p.page)
        })
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().map(|(_, source, page)| (source, page)).collect()
}

pub fn run(args: &[String]) -> anyhow::Result<Value> {
    let args = parse_args(args)?;
    let db = args
        .db
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("target/perf/sources-{}x{}.db", args.documents, args.pages)));
    if let Some(folder) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db.clone().into_os_string();
        path.push(suffix);
        let _ = std::fs::remove_file(path);
    }
    eprintln!("perf: generating {} documents of {} pages into {}", args.documents, args.pages, db.display());
    let mut store = Store::open(&db)?;
    let started = Instant::now();
    let planted = build(&mut store, &args)?;
    let build_seconds = started.elapsed().as_secs_f64();
    store.checkpoint()?;
    let rows = args.documents * args.pages;

    let mut queries = Map::new();
    let mut checked = Vec::new();
    for (name, text, terms, matches) in QUERIES {
        let truth = truth(&planted, rows, terms, matches);
        let query = parse(text)?;
        let wrong = |what: &str| format!("{name} ({text}): {what} differs from the ground truth");
        let (timings, first) = Timings::measure(args.runs, || store.document_hits(&query, 0, FIRST, true));
        let (hits, total) = first?;
        let found: Vec<(i64, u32)> = hits.iter().map(|h| (h.source_id, h.page)).collect();
        ensure!(total == Some(truth.len() as u64), "{}: {total:?} against {}", wrong("the total"), truth.len());
        ensure!(found == truth[..truth.len().min(FIRST)], "{}", wrong("the first page"));
        let (more, _) = store.document_hits(&query, FIRST, SECOND, false)?;
        let more: Vec<(i64, u32)> = more.iter().map(|h| (h.source_id, h.page)).collect();
        ensure!(more == truth[truth.len().min(FIRST)..truth.len().min(FIRST + SECOND)], "{}", wrong("the second page"));
        let cli = store.find_in_documents(&query, FIRST)?;
        let cli: Vec<(i64, u32)> = cli.results.iter().map(|h| (h.source_id, h.page)).collect();
        ensure!(cli == found, "{}", wrong("`jevons source find`'s order"));
        let mut entry = Map::new();
        entry.insert("query".into(), json!(text));
        entry.insert("matches".into(), json!(truth.len()));
        entry.insert("store_first_page".into(), timings.json());
        queries.insert(name.into(), Value::Object(entry));
        checked.push((name, text, truth));
        eprintln!("perf: {name}: {} pages, store p50 {:.3} ms", total.unwrap_or(0), timings.percentile(50.0));
    }
    drop(store);
    window(&db, &checked, args.runs, &mut queries)?;
    Ok(json!({
        "documents": args.documents,
        "pages_per_document": args.pages,
        "words_per_page": args.words,
        "pages": rows,
        "seed": args.seed,
        "build_seconds": (build_seconds * 1000.0).round() / 1000.0,
        "build_documents_per_s": (args.documents as f64 / build_seconds).round(),
        "db_bytes": std::fs::metadata(&db)?.len(),
        "queries": queries,
    }))
}

/// A benchmark query (name, text) and its pages in the truth's order.
type Checked<'a> = (&'a str, &'a str, Vec<(i64, u32)>);

/// The window's path for each query: warm (one app, `runs / 4` times, at least 3) and cold (a
/// new app each, its first search), the rows it shows checked against the truth.
fn window(
    db: &std::path::Path,
    checked: &[Checked<'_>],
    runs: usize,
    queries: &mut Map<String, Value>,
) -> anyhow::Result<()> {
    let mut harness = app(db);
    until_shown(&mut harness, "", Instant::now())?;
    for (name, text, truth) in checked {
        let (mut first, mut total) = (Vec::new(), Vec::new());
        for _ in 0..(runs / 4).max(3) {
            let (page, counted) = last_keystroke(&mut harness, text)?;
            first.push(page);
            total.push(counted);
            check_window(harness.state(), name, truth)?;
        }
        queries[*name]["window_first_page"] = Timings::from_ms(first).json();
        queries[*name]["window_total"] = Timings::from_ms(total).json();
    }
    drop(harness);
    for (name, text, truth) in checked {
        let mut harness = app(db);
        until_shown(&mut harness, "", Instant::now())?;
        let (cold, counted) = last_keystroke(&mut harness, text)?;
        check_window(harness.state(), name, truth)?;
        queries[*name]["window_first_page_cold_ms"] = json!((cold * 1000.0).round() / 1000.0);
        queries[*name]["window_total_cold_ms"] = json!((counted * 1000.0).round() / 1000.0);
        eprintln!("perf: {name}: window cold {cold:.1} ms, total shown at {counted:.1} ms");
    }
    Ok(())
}

fn check_window(app: &JevonsApp, name: &str, truth: &[(i64, u32)]) -> anyhow::Result<()> {
    let shown: Vec<(i64, u32)> = app.source_hits().iter().map(|h| (h.source_id, h.page)).collect();
    ensure!(shown == truth[..truth.len().min(FIRST)], "{name}: the window's first page differs from the ground truth");
    ensure!(app.source_total() == Some(truth.len() as u64), "{name}: the window's total differs");
    Ok(())
}

/// The app over `db` in the sources scope, as a user who chose it last time starts it.
fn app(db: &std::path::Path) -> Harness<'static, JevonsApp> {
    let config = AppConfig { db: db.into(), fresh: true, ..AppConfig::default() };
    let settings = Settings { search_scope: Scope::Sources, ..Settings::default() };
    Harness::builder().with_size(SIZE).build_eframe(move |cc| JevonsApp::with_settings(&cc.egui_ctx, config, settings))
}

/// Steps frames, handling the worker's replies, until the pages found for `text` are shown.
/// Returns the milliseconds from `start`.
fn until_shown(harness: &mut Harness<'_, JevonsApp>, text: &str, start: Instant) -> anyhow::Result<f64> {
    loop {
        harness.step();
        if harness.state().shows_source_results_for(text) {
            return Ok(start.elapsed().as_secs_f64() * 1000.0);
        }
        ensure!(start.elapsed() < WAIT, "the pages found for {text:?} never showed");
        harness.state_mut().wait_for_reply(Duration::from_millis(50));
    }
}

/// Types the last character of `query` into the search box (the rest put there first, not
/// timed), timed from that keystroke to the frame showing the first page, and to the frame
/// showing the total (counted after the first page when that page does not hold every match).
fn last_keystroke(harness: &mut Harness<'_, JevonsApp>, query: &str) -> anyhow::Result<(f64, f64)> {
    let cut = query.char_indices().last().map_or(0, |(i, _)| i);
    let (held, last) = query.split_at(cut);
    harness.state_mut().apply(Action::FocusSearch);
    harness.state_mut().apply(Action::SearchFor(held.to_owned()));
    until_shown(harness, held, Instant::now())?;
    harness.event(egui::Event::Key {
        key: egui::Key::End,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.event(egui::Event::Text(last.to_owned()));
    let start = Instant::now();
    let first = until_shown(harness, query, start)?;
    while harness.state().source_total().is_none() {
        ensure!(start.elapsed() < WAIT, "the total for {query:?} never showed");
        harness.state_mut().wait_for_reply(Duration::from_millis(50));
        harness.step();
    }
    Ok((first, start.elapsed().as_secs_f64() * 1000.0))
}
