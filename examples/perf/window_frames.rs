//! Frames timed as a window draws them: the app's `logic` and `ui` in `Context::run_ui`, then
//! the tessellation of what it painted, with AccessKit off (eframe builds the accessibility tree
//! only while a screen reader asks for it). The test harness's own step instead feeds every
//! frame's AccessKit tree to its query engine and skips the tessellation; both are reported.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use jevons::ui::JevonsApp;

use crate::stats::Timings;

/// Sixty frames a second.
pub const FRAME: Duration = Duration::from_micros(16_667);

/// Times `runs` frames of the harness's app, one every [`FRAME`], as a window would draw them.
/// `before` queues the frame's input. AccessKit is switched back on afterwards for the harness.
pub fn window_frames(
    harness: &mut Harness<'_, JevonsApp>,
    size: egui::Vec2,
    runs: usize,
    mut before: impl FnMut(&mut JevonsApp, usize),
) -> Timings {
    let ctx = harness.ctx.clone();
    ctx.disable_accesskit();
    let mut frame = eframe::Frame::_new_kittest();
    let started = Instant::now();
    let mut ms = Vec::with_capacity(runs);
    for i in 0..runs {
        before(harness.state_mut(), i);
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            time: Some(started.elapsed().as_secs_f64()),
            predicted_dt: FRAME.as_secs_f32(),
            ..Default::default()
        };
        let start = Instant::now();
        let app = harness.state_mut();
        let output = ctx.run_ui(input, |ui| {
            eframe::App::logic(app, ui.ctx(), &mut frame);
            eframe::App::ui(app, ui, &mut frame);
        });
        let egui::FullOutput { shapes, pixels_per_point, mut textures_delta, .. } = output;
        let primitives = ctx.tessellate(shapes, pixels_per_point);
        let took = start.elapsed();
        // No GPU here: the font atlas's updates are not uploaded (nor timed).
        textures_delta.clear();
        std::hint::black_box(primitives);
        ms.push(took.as_secs_f64() * 1000.0);
        std::thread::sleep(FRAME.saturating_sub(took));
    }
    ctx.enable_accesskit();
    Timings::from_ms(ms)
}
