//! The dossier's price chart under load (issue 15): ten years of daily prices and 5,000 markers
//! (claims by stance), plus 50 events, drawn by the window's own `price_chart_ui` and built by
//! the worker's own `PriceChart::build`. Each frame is timed as a window draws it: the view in
//! `Context::run_ui`, then the tessellation of what it painted (AccessKit off, as without a
//! screen reader), one frame every 1/60 s, while the user pans (drags), zooms (Ctrl+scroll) and
//! hovers over the markers. Prints JSON.
//!
//! ```text
//! cargo run --release --example chart_perf [-- --frames 300]
//! ```

#[path = "../tests/common/prices.rs"]
mod prices;
// Only the percentiles are used here.
#[allow(dead_code)]
#[path = "perf/stats.rs"]
mod stats;
// The frame timing of the perf benchmark's app (its harness-driven loop is not used here).
#[allow(dead_code)]
#[path = "perf/window_frames.rs"]
mod window_frames;

use std::collections::HashMap;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use jevons::io::prices::parse_prices;
use jevons::model::{Claim, ClaimTicker, MarketEvent, Stance, Status, Symbol, Timestamp};
use jevons::ui::dossier::charts::PriceRange;
use jevons::ui::dossier::price_chart::price_chart_ui;
use jevons::ui::dossier::price_data::{PriceChart, PriceInputs};
use serde_json::json;
use stats::Timings;
use window_frames::{FRAME, timed_frame};

const SIZE: egui::Vec2 = egui::vec2(1100.0, 400.0);

fn claims(symbol: &Symbol, from: NaiveDate, count: usize) -> Vec<Claim> {
    (0..count)
        .map(|i| {
            let day = from + Days::new((i as u64 * 3_650) / count as u64);
            let stance = [Stance::Bullish, Stance::Bearish, Stance::Neutral][i % 3];
            Claim {
                id: i as i64 + 1,
                text: format!("Synthetic claim {i} on {symbol}: a view held for the benchmark"),
                value: None,
                unit: None,
                currency: None,
                as_of: Some(day.to_string()),
                claimant: Some(format!("Desk {}", i % 40)),
                status: Status::Unverified,
                note_id: Some(i as i64 + 1),
                tickers: vec![ClaimTicker { symbol: symbol.clone(), stance: Some(stance) }],
                sources: Vec::new(),
                links: Vec::new(),
                created_at: Timestamp::now(),
                updated_at: Timestamp::now(),
            }
        })
        .collect()
}

/// One frame's input: the pointer at `at`, with `events` after it.
fn input(started: Instant, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        time: Some(started.elapsed().as_secs_f64()),
        predicted_dt: FRAME.as_secs_f32(),
        events,
        ..Default::default()
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let frames: usize = match args.as_slice() {
        [flag, n] if flag == "--frames" => n.parse()?,
        [] => 300,
        _ => anyhow::bail!("usage: chart_perf [--frames N]"),
    };
    let symbol = Symbol::parse("NVDA")?;
    let from = NaiveDate::from_ymd_opt(2015, 1, 2).unwrap_or_default();
    let file = parse_prices(&prices::synthetic_yahoo(from, 3_652, 20.0, 11), Some(&symbol))?;
    let days: Vec<_> = file.rows().map(|(_, d)| *d).collect();
    let claims = claims(&symbol, from, 5_000);
    let events: Vec<MarketEvent> = (0..50)
        .map(|i| MarketEvent {
            id: i,
            day: from + Days::new(i as u64 * 73),
            title: format!("Event {i}"),
            symbol: (i % 2 == 0).then(|| symbol.clone()),
        })
        .collect();
    let built = Instant::now();
    let chart = PriceChart::build(&PriceInputs {
        symbol: &symbol,
        prices: &days,
        claims: &claims,
        notes: &[],
        journal: &[],
        catalysts: &[],
        events: &events,
        calls: &HashMap::new(),
    })
    .ok_or_else(|| anyhow::anyhow!("no chart"))?;
    let build_ms = built.elapsed().as_secs_f64() * 1000.0;

    let ctx = egui::Context::default();
    let mut range = PriceRange::default();
    let mut actions = Vec::new();
    let started = Instant::now();
    let mut frame = |events: Vec<egui::Event>| -> f64 {
        timed_frame(&ctx, input(started, events), |ui| {
            egui::CentralPanel::default().show(ui, |ui| price_chart_ui(ui, &chart, &mut range, &mut actions));
        })
    };
    // Settle the layout.
    for _ in 0..5 {
        frame(Vec::new());
    }
    let centre = egui::pos2(SIZE.x / 2.0, 220.0);
    let moved = |p: egui::Pos2| egui::Event::PointerMoved(p);
    let button = |p: egui::Pos2, pressed: bool| egui::Event::PointerButton {
        pos: p,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };

    // Panning: a drag of 3 points a frame, back and forth.
    let mut pan = Vec::with_capacity(frames);
    frame(vec![moved(centre), button(centre, true)]);
    let mut at = centre;
    for i in 0..frames {
        at.x += if (i / 60) % 2 == 0 { -3.0 } else { 3.0 };
        pan.push(frame(vec![moved(at)]));
    }
    frame(vec![button(at, false)]);

    // Zooming: Ctrl+scroll in and out around the pointer.
    let mut zoom = Vec::with_capacity(frames);
    for i in 0..frames {
        let factor = if (i / 30) % 2 == 0 { 1.04 } else { 1.0 / 1.04 };
        zoom.push(frame(vec![moved(centre), egui::Event::Zoom(factor)]));
    }

    // Hovering: the pointer sweeps across the markers (the nearest is found and its text shown).
    let mut hover = Vec::with_capacity(frames);
    for i in 0..frames {
        let x = 80.0 + (i as f32 * 7.0) % (SIZE.x - 160.0);
        hover.push(frame(vec![moved(egui::pos2(x, 220.0))]));
    }
    let all = Timings::from_ms(pan.iter().chain(&zoom).chain(&hover).copied().collect());
    let report = json!({
        "chart": {
            "price_days": chart.line.len(),
            "markers": chart.markers.len(),
            "events": chart.events.len(),
            "build_ms": (build_ms * 1000.0).round() / 1000.0,
            "path": "PriceChart::build (the worker's) and price_chart_ui (the window's), frames as a window draws them: run_ui + tessellate, AccessKit off",
        },
        "chart_frame": all.json(),
        "chart_frame_pan": Timings::from_ms(pan).json(),
        "chart_frame_zoom": Timings::from_ms(zoom).json(),
        "chart_frame_hover": Timings::from_ms(hover).json(),
    });
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
