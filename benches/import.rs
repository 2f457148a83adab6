//! Import and export speed: writes a folder of small Markdown notes (100,000 by default, or the
//! number given as the first argument or in `JEVONS_BENCH_NOTES`), imports it into a new database
//! file, imports it again (nothing changed), then exports the database as Markdown and JSON.
//! Prints one JSON object; `import_notes_per_s` is the figure `docs/performance.md` records.
//! The reading/parsing and storing halves are also timed apart, on one thread. Last, the same
//! folder is imported from the app's File menu (headless) while frames are drawn and a note is
//! saved every tenth frame: `app_import` gives the frame and save times during that import.
//!
//! `cargo bench --bench import` (or `cargo bench --bench import -- 20000` for a quick run). CI
//! runs it unoptimised at 2,000 notes as a smoke test: `JEVONS_BENCH_NOTES=2000 cargo test --bench import`.

#[path = "support/app_import.rs"]
mod app_import;

use std::fs;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use jevons::io::{self, Format, ImportOptions, markdown_import};
use jevons::store::Store;

const TAGS: &[&str] = &["ai/inference", "semis", "brokers", "mercado", "macro/rates", "energy"];
const TICKERS: &[&str] = &["NVDA", "AMD", "TSM", "ASML", "MSFT", "PETR4", "VALE3", "BRK.B"];

/// A small, realistic note: front matter, a heading, two paragraphs, inline tags and a cashtag.
fn note_text(i: usize) -> String {
    let tag = TAGS[i % TAGS.len()];
    let other = TAGS[(i / 7) % TAGS.len()];
    let ticker = TICKERS[i % TICKERS.len()];
    let day = 1 + i % 28;
    format!(
        "---\ntags: [{tag}, research]\ncreated: 2025-01-{day:02}T09:30:00Z\n---\n# Note {i} on ${ticker}\n\n\
         Analysts discussed ${ticker} after the results; margins moved {margin}% and guidance was {mood}. \
         Demand for compute keeps rising as inference gets cheaper. #{other}\n\n\
         - follow up with the company on capex\n- compare with [[Note {prev}]]\n",
        margin = i % 40,
        mood = if i.is_multiple_of(3) { "raised" } else { "kept" },
        prev = i.saturating_sub(1),
    )
}

fn write_vault(root: &Path, notes: usize) {
    for i in 0..notes {
        let folder = root.join(format!("folder-{:03}", i / 1000));
        if i.is_multiple_of(1000) {
            fs::create_dir_all(&folder).expect("create a folder");
        }
        fs::write(folder.join(format!("note-{i:06}.md")), note_text(i)).expect("write a note");
    }
}

/// CPU seconds (user + system) this process has used so far, over all its threads: with other
/// work on the machine, wall time alone understates the import's own speed.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes into the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The import's two halves measured apart on one thread: reading and parsing every file, then
/// storing the parsed notes in batches into a new database.
fn halves(vault: &Path, notes: usize, db: &Path, batch: usize) -> [f64; 4] {
    let started = Instant::now();
    let cpu = cpu_seconds();
    let parsed: Vec<_> = (0..notes)
        .map(|i| {
            let relative = format!("folder-{:03}/note-{i:06}.md", i / 1000);
            let (text, modified) = markdown_import::read_text(&vault.join(&relative), 1 << 24).expect("read");
            markdown_import::parse_note(&text, &format!("note-{i:06}"), &format!("md:vault/{relative}"), modified)
        })
        .collect();
    let (parse_s, parse_cpu_s) = (started.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let mut store = Store::open(db).expect("a new database");
    let started = Instant::now();
    let cpu = cpu_seconds();
    for chunk in parsed.chunks(batch) {
        let mut batch = store.batch().expect("a batch");
        for note in chunk {
            batch.import_note(&note.record).expect("stored");
        }
        batch.commit().expect("commit");
    }
    [parse_s, parse_cpu_s, started.elapsed().as_secs_f64(), cpu_seconds() - cpu]
}

fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn main() {
    let notes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .or_else(|| std::env::var("JEVONS_BENCH_NOTES").ok().and_then(|n| n.parse().ok()))
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let vault = dir.path().join("vault");
    let started = Instant::now();
    write_vault(&vault, notes);
    let generate_s = started.elapsed().as_secs_f64();

    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db).expect("a new database");
    let mut options = ImportOptions::default();
    if let Some(size) = std::env::var("JEVONS_BENCH_BATCH").ok().and_then(|n| n.parse().ok()) {
        options.batch_size = size;
    }
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let report = io::import_path(&mut store, &vault, &options, &mut |_| {}, &AtomicBool::new(false)).expect("import");
    let import_s = started.elapsed().as_secs_f64();
    let import_cpu_s = cpu_seconds() - cpu_before;
    assert_eq!(report.imported as usize, notes, "every note imported: {:?}", report.skipped.first());

    let started = Instant::now();
    let again =
        io::import_path(&mut store, &vault, &options, &mut |_| {}, &AtomicBool::new(false)).expect("second import");
    let reimport_s = started.elapsed().as_secs_f64();
    assert_eq!(again.unchanged as usize, notes);

    let started = Instant::now();
    let md = io::export(&store, Format::Markdown, &dir.path().join("out"), &mut |_| {}, &AtomicBool::new(false))
        .expect("export");
    let export_md_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    io::export(&store, Format::Json, &dir.path().join("all.json"), &mut |_| {}, &AtomicBool::new(false))
        .expect("json export");
    let export_json_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let sound = store.check().expect("check").is_sound();
    let check_s = started.elapsed().as_secs_f64();
    assert!(sound, "the imported database passes its integrity check");
    drop(store);
    let [parse_s, parse_cpu_s, store_s, store_cpu_s] =
        halves(&vault, notes, &dir.path().join("halves.db"), options.batch_size);

    let app = app_import::measure(&vault, dir.path().join("app.db"));

    let per_s = |seconds: f64| (notes as f64 / seconds).round();
    let result = serde_json::json!({
        "bench": "import",
        "notes": notes,
        "batch_size": options.batch_size,
        "generate_seconds": generate_s,
        "import_seconds": import_s,
        "import_notes_per_s": per_s(import_s),
        "import_cpu_seconds": import_cpu_s,
        "import_notes_per_cpu_s": per_s(import_cpu_s),
        "parse_only_notes_per_s": per_s(parse_s),
        "parse_only_notes_per_cpu_s": per_s(parse_cpu_s),
        "store_only_notes_per_s": per_s(store_s),
        "store_only_notes_per_cpu_s": per_s(store_cpu_s),
        "reimport_unchanged_notes_per_s": per_s(reimport_s),
        "export_markdown_notes_per_s": (md.notes as f64 / export_md_s).round(),
        "export_json_notes_per_s": per_s(export_json_s),
        "database_sound": sound,
        "check_seconds": check_s,
        "database_bytes": fs::metadata(&db).map(|m| m.len()).unwrap_or(0),
        "app_import": app,
        "machine": {
            "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            "cpu": cpu_model(),
        },
    });
    println!("{result}");
}
