//! The import as the app runs it: started from the File menu of the real app state (headless,
//! egui_kittest), while frames keep being drawn at about 60 per second and the user saves a
//! note every tenth frame. Measures how long frames and saves take while the import thread
//! writes, which is what "the app stays responsive" means.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jevons::ui::{AppConfig, JevonsApp};

/// Frames and saves measured during the import, in milliseconds.
pub fn measure(vault: &Path, db: PathBuf) -> serde_json::Value {
    let config = AppConfig { db: db.clone(), fresh: true, ..AppConfig::default() };
    let mut harness =
        Harness::builder().with_size(egui::vec2(1440.0, 900.0)).build_eframe(move |cc| JevonsApp::new(cc, config));
    while !harness.state().is_ready() {
        harness.state_mut().wait_for_worker(Duration::from_secs(60));
        harness.step();
    }
    harness.step();
    harness.get_by_label("File").click();
    harness.run_steps(3);
    harness.get_by_label("Import…").click();
    harness.run_steps(3);
    text_field(&harness, "Import from").type_text(&vault.display().to_string());
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, "Import").click();
    harness.run_steps(2);
    let started = Instant::now();
    assert!(harness.state().is_transferring(), "the import started");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(2);
    let mut frames = Vec::new();
    let mut saves = Vec::new();
    let mut count = 0usize;
    while harness.state().is_transferring() {
        count += 1;
        if count.is_multiple_of(10) {
            text_field(&harness, "Title").type_text("x");
            harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
            let t = Instant::now();
            harness.step();
            saves.push(t.elapsed());
        } else {
            let t = Instant::now();
            harness.step();
            frames.push(t.elapsed());
        }
        std::thread::sleep(Duration::from_millis(16));
    }
    let import_s = started.elapsed().as_secs_f64();
    harness.state_mut().wait_for_worker(Duration::from_secs(60));
    harness.step();
    let saved = harness.state().open_note().is_some();
    serde_json::json!({
        "import_seconds": import_s,
        "frames": frames.len(),
        "frame_ms": summary(&mut frames),
        "saves": saves.len(),
        "save_frame_ms": summary(&mut saves),
        "note_saved": saved,
    })
}

fn text_field<'a>(harness: &'a Harness<'static, JevonsApp>, label: &'a str) -> egui_kittest::Node<'a> {
    harness
        .query_all_by_label(label)
        .find(|n| matches!(n.accesskit_node().role(), Role::TextInput | Role::MultilineTextInput))
        .unwrap_or_else(|| panic!("no text field named {label:?}"))
}

fn summary(samples: &mut [Duration]) -> serde_json::Value {
    samples.sort();
    let at = |p: f64| {
        let i = ((samples.len() as f64 * p / 100.0).ceil() as usize).saturating_sub(1);
        samples.get(i.min(samples.len().saturating_sub(1))).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let round = |x: f64| (x * 100.0).round() / 100.0;
    serde_json::json!({
        "p50": round(at(50.0)),
        "p95": round(at(95.0)),
        "p99": round(at(99.0)),
        "max": round(samples.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0)),
    })
}
