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

/// Draws one frame of `add` as a window does (`run_ui`, then the tessellation of what it
/// painted), then waits out the rest of its [`FRAME`]; returns the milliseconds it took.
pub fn timed_frame(ctx: &egui::Context, input: egui::RawInput, add: impl FnMut(&mut egui::Ui)) -> f64 {
    let start = Instant::now();
    let egui::FullOutput { shapes, pixels_per_point, mut textures_delta, .. } = ctx.run_ui(input, add);
    let primitives = ctx.tessellate(shapes, pixels_per_point);
    let took = start.elapsed();
    // No GPU here: the font atlas's updates are not uploaded (nor timed).
    textures_delta.clear();
    std::hint::black_box(primitives);
    std::thread::sleep(FRAME.saturating_sub(took));
    took.as_secs_f64() * 1000.0
}

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
        let app = harness.state_mut();
        ms.push(timed_frame(&ctx, input, |ui| {
            eframe::App::logic(app, ui.ctx(), &mut frame);
            eframe::App::ui(app, ui, &mut frame);
        }));
    }
    ctx.enable_accesskit();
    Timings::from_ms(ms)
}
