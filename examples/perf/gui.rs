//! The app's side of the benchmark, run in a child process of its own so that its start-up time
//! and peak memory are the app's alone: the real `JevonsApp` driven headless by egui_kittest over
//! the benchmark database.
//!
//! The parent spawns `perf --gui-child DB NOTE_ID RUNS SCROLL_QUERY NAME=QUERY...`; the child
//! prints `painted` after its first frame, `ready` when the database is open and the first
//! results are listed, then one JSON object: every query typed into the search box
//! (`app_search`: last keystroke to painted first page, warm and in a new app; `app_typing`: typed
//! at ten characters a second), frames while scrolling a long result list (as a window draws
//! them, see [`crate::window_frames`], and as the test harness steps them), frames while typing
//! in a 1 MB note, and its peak resident memory.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, ensure};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jevons::model::NoteId;
use jevons::ui::action::Action;
use jevons::ui::{AppConfig, JevonsApp};
use serde_json::{Value, json};

use crate::stats::Timings;
use crate::window_frames::{FRAME, window_frames};

const WAIT: Duration = Duration::from_secs(600);
/// The window's size.
const SIZE: egui::Vec2 = egui::vec2(1440.0, 900.0);

/// Runs the app in a child process and gathers its measurements.
pub fn measure(
    db: &Path,
    big_note: NoteId,
    queries: &[(String, String)],
    scroll_query: &str,
    runs: usize,
) -> anyhow::Result<Value> {
    let exe = std::env::current_exe()?;
    let started = Instant::now();
    let mut child = Command::new(exe)
        .arg("--gui-child")
        .arg(db)
        .arg(big_note.to_string())
        .arg(runs.to_string())
        .arg(scroll_query)
        .args(queries.iter().map(|(name, query)| format!("{name}={query}")))
        .stdout(Stdio::piped())
        .spawn()
        .context("could not start the app process")?;
    let stdout = child.stdout.take().context("no output from the app process")?;
    let mut lines = BufReader::new(stdout).lines();
    let mut painted = None;
    let mut ready = None;
    let mut report = None;
    for line in lines.by_ref() {
        let line = line?;
        match line.as_str() {
            "painted" => painted = Some(started.elapsed()),
            "ready" => ready = Some(started.elapsed()),
            json if json.starts_with('{') => report = Some(serde_json::from_str::<Value>(json)?),
            _ => {}
        }
    }
    ensure!(child.wait()?.success(), "the app process failed");
    let mut report = report.context("the app process printed no report")?;
    let ms = |d: Option<Duration>| d.map(|d| (d.as_secs_f64() * 1000.0 * 10.0).round() / 10.0);
    report["first_paint_ms"] = json!(ms(painted));
    report["cold_start_ms"] = json!(ms(ready));
    Ok(report)
}

/// The child's side: `args` are DB, NOTE_ID, RUNS, SCROLL_QUERY, NAME=QUERY...
pub fn child(args: &[String]) -> anyhow::Result<()> {
    let [db, note, runs, scroll_query, queries @ ..] = args else {
        anyhow::bail!("--gui-child DB NOTE_ID RUNS SCROLL_QUERY NAME=QUERY...")
    };
    let big_note: NoteId = note.parse()?;
    let runs: usize = runs.parse()?;
    let queries: Vec<(&str, &str)> = queries.iter().filter_map(|q| q.split_once('=')).collect();
    let mut out = std::io::stdout();
    let mut harness = app(db);
    harness.step();
    writeln!(out, "painted")?;
    out.flush()?;
    until_shown(&mut harness, "", Instant::now())?;
    writeln!(out, "ready")?;
    out.flush()?;

    // Every benchmark search, its last character typed into the search box, timed to the frame
    // that shows its first page.
    let repeats = (runs / 10).max(3);
    let mut app_search = serde_json::Map::new();
    for (name, query) in &queries {
        let mut ms = Vec::with_capacity(repeats);
        for _ in 0..repeats {
            ms.push(last_keystroke(&mut harness, query)?);
        }
        let timings = Timings::from_ms(ms);
        app_search
            .insert((*name).into(), json!({ "query": query, "p50_ms": timings.p(50.0), "p99_ms": timings.p(99.0) }));
    }

    // Every query typed a character at a time, ten a second, timed from the last keystroke.
    let mut typing = Vec::new();
    for _ in 0..(runs / 50).max(1) {
        for (_, query) in &queries {
            typing.push(type_slowly(&mut harness, query)?);
        }
    }
    let typing = Timings::from_ms(typing);

    // Scrolling a long result list, five rows a frame (300 rows a second at 60 frames a
    // second), pages loading as it goes.
    search_for(&mut harness, scroll_query)?;
    ensure!(harness.state_mut().wait_for_worker(WAIT), "the count did not finish");
    let total = harness.state().result_total().map(|t| t.value());
    let scroll_harness = frames(&mut harness, runs, |harness, _| harness.state_mut().apply(Action::MoveSelection(5)));
    let scroll = window_frames(&mut harness, SIZE, runs, |app, _| app.apply(Action::MoveSelection(5)));
    let loaded = harness.state().result_count();
    ensure!(loaded >= runs * 10 || total == Some(loaded as u64), "scrolling loaded only {loaded} rows");

    // Typing in a 1 MB note.
    harness.state_mut().apply(Action::OpenNote(big_note));
    settle(&mut harness)?;
    harness.query_all_by_label("Body, part 1").next().context("the 1 MB note's body is not shown")?.focus();
    harness.step();
    let note_typing = frames(&mut harness, runs, |harness, i| {
        harness.event(egui::Event::Text(if i % 10 == 9 { " ".into() } else { "a".into() }));
    });
    let rss = peak_rss_mb();
    drop(harness);

    // The first search after opening: a new app (its own connections, nothing remembered).
    for (name, query) in &queries {
        let mut harness = app(db);
        until_shown(&mut harness, "", Instant::now())?;
        let cold = last_keystroke(&mut harness, query)?;
        if let Some(entry) = app_search.get_mut(*name) {
            entry["cold_ms"] = json!(round(cold));
        }
    }

    let report = json!({
        "app_search": app_search,
        "app_typing": { "p50_ms": typing.p(50.0), "p99_ms": typing.p(99.0), "runs": typing.runs() },
        "gui_scroll": { "query": scroll_query, "total": total, "rows_loaded": loaded },
        "gui_scroll_frame": scroll.json(),
        "gui_scroll_frame_harness": scroll_harness.json(),
        "gui_frame_1mb_note": note_typing.json(),
        "rss_mb": rss,
    });
    writeln!(out, "{report}")?;
    Ok(())
}

fn app(db: &str) -> Harness<'static, JevonsApp> {
    let config = AppConfig { db: db.into(), fresh: true, ..AppConfig::default() };
    Harness::builder().with_size(SIZE).build_eframe(move |cc| JevonsApp::new(cc, config))
}

fn round(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

/// Steps frames, handling the worker's replies as they come, until the results of `text` are
/// painted. Returns the milliseconds from `start`.
fn until_shown(harness: &mut Harness<'_, JevonsApp>, text: &str, start: Instant) -> anyhow::Result<f64> {
    loop {
        harness.step();
        if harness.state().shows_results_for(text) {
            return Ok(start.elapsed().as_secs_f64() * 1000.0);
        }
        ensure!(start.elapsed() < WAIT, "the results of {text:?} never showed");
        harness.state_mut().wait_for_reply(Duration::from_millis(50));
    }
}

/// Shows the results of `text`, as if chosen from a list (not timed).
fn search_for(harness: &mut Harness<'_, JevonsApp>, text: &str) -> anyhow::Result<()> {
    harness.state_mut().apply(Action::SearchFor(text.to_owned()));
    until_shown(harness, text, Instant::now()).map(|_| ())
}

/// Types the last character of `query` into the search box (holding the rest), timed from that
/// keystroke to the painted first page.
fn last_keystroke(harness: &mut Harness<'_, JevonsApp>, query: &str) -> anyhow::Result<f64> {
    let cut = query.char_indices().last().map_or(0, |(i, _)| i);
    let (held, last) = query.split_at(cut);
    harness.state_mut().apply(Action::FocusSearch);
    search_for(harness, held)?;
    harness.event(end_key());
    harness.event(egui::Event::Text(last.to_owned()));
    until_shown(harness, query, Instant::now())
}

/// Clears the search box and types `query` at ten characters a second, frames drawn and replies
/// handled between keystrokes; timed from the last keystroke to the painted first page.
fn type_slowly(harness: &mut Harness<'_, JevonsApp>, query: &str) -> anyhow::Result<f64> {
    harness.state_mut().apply(Action::FocusSearch);
    search_for(harness, "")?;
    harness.event(end_key());
    let chars: Vec<char> = query.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let typed = Instant::now();
        harness.event(egui::Event::Text(c.to_string()));
        if i + 1 == chars.len() {
            return until_shown(harness, query, typed);
        }
        harness.step();
        while typed.elapsed() < KEYSTROKE {
            let left = KEYSTROKE.saturating_sub(typed.elapsed());
            if harness.state_mut().wait_for_reply(left) {
                harness.step();
            }
        }
    }
    anyhow::bail!("an empty query cannot be typed")
}

/// Ten characters a second.
const KEYSTROKE: Duration = Duration::from_millis(100);

fn end_key() -> egui::Event {
    egui::Event::Key {
        key: egui::Key::End,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

/// Steps until the worker has answered and the frame has drawn its answer.
fn settle(harness: &mut Harness<'_, JevonsApp>) -> anyhow::Result<()> {
    for _ in 0..3 {
        harness.step();
        ensure!(harness.state_mut().wait_for_worker(WAIT), "the worker did not answer");
    }
    harness.step();
    Ok(())
}

/// Times `runs` frames (the wall time of `step`, after `before` queued the frame's input), one
/// every [`FRAME`] as a window would draw them: the worker's replies that arrive in between are
/// handled by the next frame, as in the window. (Back-to-back frames scrolled far faster than
/// the 300 rows a second this stands for, and outran the pages loading behind them.)
fn frames(
    harness: &mut Harness<'_, JevonsApp>,
    runs: usize,
    mut before: impl FnMut(&mut Harness<'_, JevonsApp>, usize),
) -> Timings {
    let mut ms = Vec::with_capacity(runs);
    for i in 0..runs {
        before(harness, i);
        let start = Instant::now();
        harness.step();
        let took = start.elapsed();
        ms.push(took.as_secs_f64() * 1000.0);
        std::thread::sleep(FRAME.saturating_sub(took));
    }
    Timings::from_ms(ms)
}

/// The process's peak resident memory, from `/proc/self/status` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some((kb / 1024.0 * 10.0).round() / 10.0)
}
