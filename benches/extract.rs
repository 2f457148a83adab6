//! Extraction speed: builds the bundled lexicon and analyses a 10 KB note mixing English and
//! Portuguese research prose, then prints one JSON object with percentiles in microseconds. It
//! reports the first (cold) analysis apart, checks every run's findings equal it, and also
//! times one huge sentence (the note's sentence ends turned into commas) at 200 KB and
//! 400 KB: the ratio of the two says whether the work stays linear. Two adversarial texts that
//! once made it quadratic (a rating repeated by a holder written as initials; one sentence of
//! thousands of figures) are timed the same way, at one size and twice it.
//!
//! Run with `cargo bench --bench extract` (release profile). No harness: the numbers of interest
//! are the tail latencies an editor would feel per keystroke. Each run is timed twice: wall clock
//! (what a user waits, inflated when other programs share the CPU) and the thread's CPU time
//! (the work itself, steady on a busy machine).

use std::hint::black_box;
use std::time::Instant;

use jevons::extract::{Lexicon, analyse, suggest_claims};

const PASSAGES: &str = include_str!("../tests/data/extract/passages.json");
const NOTE_BYTES: usize = 10 * 1024;
const RUNS: usize = 500;
const LEXICON_RUNS: usize = 20;

/// Passages of the labelled set, English and Portuguese in turn, as paragraphs up to ~10 KB.
fn note() -> String {
    let data: serde_json::Value = serde_json::from_str(PASSAGES).expect("the labelled set is JSON");
    let texts: Vec<&str> =
        data["passages"].as_array().expect("passages").iter().filter_map(|p| p["text"].as_str()).collect();
    let (en, pt): (Vec<&str>, Vec<&str>) = texts.iter().partition(|t| t.contains(" the "));
    let mut note = String::new();
    for (a, b) in en.iter().cycle().zip(pt.iter().cycle()) {
        for text in [a, b] {
            if note.len() + text.len() + 2 > NOTE_BYTES {
                return note;
            }
            note.push_str(text);
            note.push_str("\n\n");
        }
    }
    note
}

/// CPU time used by this thread, in microseconds.
#[cfg(unix)]
fn cpu_us() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec for clock_gettime to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 * 1e6 + t.tv_nsec as f64 / 1e3
}

#[cfg(not(unix))]
fn cpu_us() -> f64 {
    f64::NAN
}

/// The note with every sentence end turned into a comma, repeated to about `bytes`: one huge
/// sentence, the worst case for rules that look across a sentence.
fn one_sentence(note: &str, bytes: usize) -> String {
    let flat: String = note.chars().map(|c| if matches!(c, '.' | '!' | '?' | '\n') { ',' } else { c }).collect();
    flat.repeat(bytes / flat.len() + 1)
}

/// Adversarial texts that once made the work grow with the square of their length (found by a
/// review): one short rating repeated by a holder written as initials, and one sentence holding
/// a long run of figures. Each at `n` and `2 n` repeats: their times' ratio should stay near 2.
fn repeated_rating(n: usize) -> String {
    "BTG upgraded Vale (VALE3) to Buy. ".repeat(n)
}

fn figure_run(n: usize) -> String {
    let figures: Vec<String> = (1..=n).map(|k| format!("{k}%")).collect();
    format!("Apple and Microsoft shares rose {}.", figures.join(", "))
}

/// The eleventh round's review found three more: a defunct company's name repeated (each one an
/// unknown name looked up again), a list of thousands of companies after a rating verb (each item's
/// own target looked for), and a bracket left open after a bank's name (its code looked for).
fn defunct_names(n: usize) -> String {
    "Data from Yahoo Finance show Apple rose 2%. Twitter fell 1%. ".repeat(n)
}

fn rated_list(n: usize) -> String {
    format!("Goldman Sachs downgraded Apple to sell, {}and Amazon.", "Microsoft, ".repeat(n))
}

fn open_bracket(n: usize) -> String {
    format!("{}Apple rose 2%.", format!("Goldman Sachs (said {}", "word ".repeat(50)).repeat(n))
}

fn named_lines(n: usize) -> String {
    "Guararapes e Odontoprev subiram\n".repeat(n)
}

fn card_lines(n: usize) -> String {
    "Itaú Unibanco (ITUB4)\nRecomendação: compra\nPreço-alvo: R$ 31\n".repeat(n)
}

/// One sentence listing `n` brokers that cut their ratings (each a holder of the view).
fn broker_list(n: usize) -> String {
    format!("{}and UBS cut their ratings on Apple (AAPL).", "Jefferies, Citi, Barclays, Nomura, Stifel, ".repeat(n))
}

fn counted_points(n: usize) -> String {
    format!("As 24 empresas somaram {}e 3%.", "5 pontos e 2%, ".repeat(n))
}

/// Times `make(n)` and `make(2 n)`, best of three each: the JSON of the two sizes and their ratio.
fn doubling(make: fn(usize) -> String, n: usize, lexicon: &Lexicon) -> serde_json::Value {
    let (small, large) = (make(n), make(2 * n));
    let (small_ms, large_ms) = (best_of_three_ms(&small, lexicon), best_of_three_ms(&large, lexicon));
    serde_json::json!({ "repeats": n, "ms": small_ms, "ms_double": large_ms, "ratio": large_ms / small_ms })
}

/// The least of three wall-clock times of `analyse` on `text`, in milliseconds.
fn best_of_three_ms(text: &str, lexicon: &Lexicon) -> f64 {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            black_box(analyse(black_box(text), lexicon));
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

fn main() {
    // For a profiler (`valgrind --tool=callgrind`): only the note's analyses, so that counts
    // divide by the runs. `JEVONS_EXTRACT_PROFILE=100 cargo bench --bench extract`.
    if let Some(runs) = std::env::var("JEVONS_EXTRACT_PROFILE").ok().and_then(|r| r.parse::<usize>().ok()) {
        let (lexicon, note) = (Lexicon::bundled(), note());
        for _ in 0..runs {
            black_box(analyse(black_box(&note), &lexicon));
        }
        println!("{}", serde_json::json!({ "profile_runs": runs, "note_bytes": note.len() }));
        return;
    }
    let mut builds = Vec::with_capacity(LEXICON_RUNS);
    let mut build_cpu = Vec::with_capacity(LEXICON_RUNS);
    let mut lexicon = Lexicon::default();
    for _ in 0..LEXICON_RUNS {
        let (start, cpu) = (Instant::now(), cpu_us());
        lexicon = black_box(Lexicon::bundled());
        builds.push(start.elapsed().as_secs_f64() * 1e3);
        build_cpu.push((cpu_us() - cpu) / 1e3);
    }
    builds.sort_by(f64::total_cmp);
    build_cpu.sort_by(f64::total_cmp);

    let note = note();
    // Cold: the first analysis after the lexicon is built, as the editor's worker does it once.
    let start = Instant::now();
    let first = analyse(&note, &lexicon);
    let cold_us = start.elapsed().as_secs_f64() * 1e6;
    for _ in 0..20 {
        black_box(analyse(black_box(&note), &lexicon));
    }
    let mut times = Vec::with_capacity(RUNS);
    let mut cpu_times = Vec::with_capacity(RUNS);
    let mut suggest_times = Vec::with_capacity(RUNS);
    let mut findings = analyse(&note, &lexicon);
    for _ in 0..RUNS {
        let (start, cpu) = (Instant::now(), cpu_us());
        findings = black_box(analyse(black_box(&note), &lexicon));
        times.push(start.elapsed().as_secs_f64() * 1e6);
        cpu_times.push(cpu_us() - cpu);
        // Every run gives the cold run's answers, in the same order (the quality test scores
        // those answers against the labels).
        assert_eq!(findings, first, "analyse gave different findings on a later run");
        let start = Instant::now();
        black_box(suggest_claims(&note, &findings));
        suggest_times.push(start.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    cpu_times.sort_by(f64::total_cmp);
    suggest_times.sort_by(f64::total_cmp);
    // Linear work doubles with the text: the ratio of the two sizes' times should stay near 2.
    let (half, whole) = (one_sentence(&note, 200 * 1024), one_sentence(&note, 400 * 1024));
    let (half_ms, whole_ms) = (best_of_three_ms(&half, &lexicon), best_of_three_ms(&whole, &lexicon));
    let load = std::fs::read_to_string("/proc/loadavg").ok().and_then(|l| l.split(' ').next().map(str::to_owned));
    let report = serde_json::json!({
        "note_bytes": note.len(),
        "note_chars": note.chars().count(),
        "runs": RUNS,
        "analyse_cold_us": cold_us,
        "answers_same_every_run": true,
        "analyse_us": {
            "p50": percentile(&times, 0.50),
            "p95": percentile(&times, 0.95),
            "p99": percentile(&times, 0.99),
            "max": times[times.len() - 1],
        },
        "analyse_cpu_us": {
            "p50": percentile(&cpu_times, 0.50),
            "p95": percentile(&cpu_times, 0.95),
            "p99": percentile(&cpu_times, 0.99),
        },
        "suggest_us": { "p50": percentile(&suggest_times, 0.50), "p99": percentile(&suggest_times, 0.99) },
        "findings": {
            "tickers": findings.tickers.len(),
            "amounts": findings.amounts.len(),
            "percents": findings.percents.len(),
            "quantities": findings.quantities.len(),
            "dates": findings.dates.len(),
            "claimants": findings.claimants.len(),
        },
        "one_sentence_ms": {
            "bytes_200k": half.len(),
            "ms_200k": half_ms,
            "bytes_400k": whole.len(),
            "ms_400k": whole_ms,
            "ratio": whole_ms / half_ms,
        },
        "repeated_rating_ms": doubling(repeated_rating, 2_000, &lexicon),
        "figure_run_ms": doubling(figure_run, 8_000, &lexicon),
        "defunct_names_ms": doubling(defunct_names, 2_000, &lexicon),
        "rated_list_ms": doubling(rated_list, 8_000, &lexicon),
        "open_bracket_ms": doubling(open_bracket, 500, &lexicon),
        "named_lines_ms": doubling(named_lines, 10_000, &lexicon),
        "counted_points_ms": doubling(counted_points, 10_000, &lexicon),
        "card_lines_ms": doubling(card_lines, 5_000, &lexicon),
        "broker_list_ms": doubling(broker_list, 2_000, &lexicon),
        "lexicon_build_ms": { "runs": LEXICON_RUNS, "p50": percentile(&builds, 0.5), "max": builds[builds.len() - 1] },
        "lexicon_build_cpu_ms": { "p50": percentile(&build_cpu, 0.5), "max": build_cpu[build_cpu.len() - 1] },
        "lexicon_entries": lexicon.len(),
        "load_average": load,
    });
    println!("{report}");
}
