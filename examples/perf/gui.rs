//! The app's side of the benchmark, run in a child process of its own so that its start-up time
//! and peak memory are the app's alone: the real `JevonsApp` driven headless by egui_kittest over
//! the benchmark database.
//!
//! The parent spawns `perf --gui-child DB NOTE_ID QUERY...`; the child prints `painted` after its
//! first frame, `ready` when the database is open and the first results are listed, then one JSON
//! object with frame times and its peak resident memory.

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

const WAIT: Duration = Duration::from_secs(600);

/// Runs the app in a child process and gathers its measurements.
pub fn measure(db: &Path, big_note: NoteId, queries: &[String], runs: usize) -> anyhow::Result<Value> {
    let exe = std::env::current_exe()?;
    let started = Instant::now();
    let mut child = Command::new(exe)
        .arg("--gui-child")
        .arg(db)
        .arg(big_note.to_string())
        .arg(runs.to_string())
        .args(queries)
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

/// The child's side: `args` are DB, NOTE_ID, RUNS, QUERY...
pub fn child(args: &[String]) -> anyhow::Result<()> {
    let [db, note, runs, queries @ ..] = args else { anyhow::bail!("--gui-child DB NOTE_ID RUNS QUERY...") };
    let big_note: NoteId = note.parse()?;
    let runs: usize = runs.parse()?;
    let mut out = std::io::stdout();
    let config = AppConfig { db: db.into(), fresh: true, ..AppConfig::default() };
    let mut harness =
        Harness::builder().with_size(egui::vec2(1440.0, 900.0)).build_eframe(move |cc| JevonsApp::new(cc, config));
    harness.step();
    writeln!(out, "painted")?;
    out.flush()?;
    ensure!(harness.state_mut().wait_for_worker(WAIT), "the database did not open");
    harness.step();
    writeln!(out, "ready")?;
    out.flush()?;
    let all_notes = harness.state().result_count();

    // Every benchmark search, as typed into the search box (memory is measured after them).
    for query in queries {
        harness.state_mut().apply(Action::Search(query.clone()));
        settle(&mut harness)?;
    }

    // The whole corpus listed, scrolled to the middle, with that note open.
    harness.state_mut().apply(Action::Search(String::new()));
    settle(&mut harness)?;
    let rows = harness.state().result_count();
    ensure!(rows == all_notes && rows > 0, "the full list has {rows} rows, expected {all_notes}");
    harness.state_mut().apply(Action::SelectResult { row: rows / 2, open: true });
    settle(&mut harness)?;
    let frame = frames(&mut harness, runs, |_, _| {});

    // Typing in a 1 MB note.
    harness.state_mut().apply(Action::OpenNote(big_note));
    settle(&mut harness)?;
    harness.query_all_by_label("Body, part 1").next().context("the 1 MB note's body is not shown")?.focus();
    harness.step();
    let typing = frames(&mut harness, runs, |harness, i| {
        harness.event(egui::Event::Text(if i % 10 == 9 { " ".into() } else { "a".into() }));
    });

    let report = json!({
        "gui_rows": rows,
        "gui_frame": frame.json(),
        "gui_frame_1mb_note": typing.json(),
        "rss_mb": peak_rss_mb(),
    });
    writeln!(out, "{report}")?;
    Ok(())
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

/// Times `runs` frames (CPU time of `step`, after `before` queued the frame's input).
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
        ms.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    Timings::from_ms(ms)
}

/// The process's peak resident memory, from `/proc/self/status` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some((kb / 1024.0 * 10.0).round() / 10.0)
}
