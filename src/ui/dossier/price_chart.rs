//! The dossier's price chart: the daily price line with a marker for each note, claim (coloured
//! by stance), journal entry and catalyst, and dated events as dashed lines (the market's on
//! every ticker's chart). Hovering a marker says what it is and how the call did; clicking it
//! opens its note. Drag to pan, Ctrl+scroll to zoom, double-click to see it all; the range
//! buttons fit the price axis to the days shown. Built on the worker ([`PriceChart`]).

use egui::{Button, Color32, RichText, Ui};
use egui_plot::{Line, LineStyle, Plot, PlotBounds, PlotPoints, PlotTransform, Points, VLine};

use crate::ui::action::Action;
use crate::ui::dossier::charts::{PriceRange, Span, date_label, date_marks};
use crate::ui::dossier::price_data::{MarkerKind, PriceChart};
use crate::ui::widgets::theme::{self, Palette};

const HEIGHT: f32 = 240.0;
/// Markers a hover describes at most.
const SHOWN: usize = 6;
/// How near the pointer a marker is found, in points.
const REACH: f32 = 8.0;

const RANGES: [(Span, &str, &str); 6] = [
    (Span::Research, "Research", "Show the days the markers are on"),
    (Span::Days(90), "3M", "Show 3M of prices"),
    (Span::Days(365), "1Y", "Show 1Y of prices"),
    (Span::Days(365 * 3), "3Y", "Show 3Y of prices"),
    (Span::Days(365 * 10), "10Y", "Show 10Y of prices"),
    (Span::All, "All", "Show All of prices"),
];

/// The days `span` covers on `chart`: (from, to) in day numbers.
fn span_days(chart: &PriceChart, span: Span) -> (f64, f64) {
    let first = chart.line.first().map_or(0.0, |pt| pt.x);
    let last = chart.line.last().map_or(0.0, |pt| pt.x);
    match span {
        Span::All => (first, last),
        Span::Days(days) => ((last - f64::from(days)).max(first), last),
        Span::Research => match (chart.markers.first(), chart.markers.last()) {
            (Some(a), Some(b)) => {
                let margin = ((b.at.x - a.at.x) * 0.15).max(20.0);
                ((a.at.x - margin).max(first), (b.at.x + margin).min(last))
            }
            _ => (first, last),
        },
    }
}

fn colour(kind: MarkerKind, p: &Palette) -> Color32 {
    match kind {
        MarkerKind::Bullish => p.bullish,
        MarkerKind::Bearish => p.bearish,
        MarkerKind::Neutral => p.neutral,
        MarkerKind::Note => p.muted,
        MarkerKind::Journal => Color32::from_rgb(0xB2, 0x79, 0xA2),
        MarkerKind::Catalyst => Color32::from_rgb(0xF5, 0x85, 0x18),
    }
}

/// What is under the pointer: a marker, else an event line.
fn under_pointer(
    chart: &PriceChart,
    transform: &PlotTransform,
    pointer: egui::Pos2,
) -> Option<(String, Option<usize>)> {
    let from = transform.value_from_position(pointer - egui::vec2(REACH, 0.0)).x;
    let to = transform.value_from_position(pointer + egui::vec2(REACH, 0.0)).x;
    let start = chart.markers.partition_point(|m| m.at.x < from);
    let mut near: Vec<(usize, f32)> = chart.markers[start..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.at.x <= to)
        .map(|(i, m)| (start + i, transform.position_from_point(&m.at).distance(pointer)))
        .filter(|&(_, d)| d <= REACH)
        .collect();
    // Markers of one day sit on one point: the hover lists them all (the nearest first; a click
    // opens its note).
    near.sort_by(|a, b| a.1.total_cmp(&b.1));
    if let Some(&(nearest, _)) = near.first() {
        let mut texts: Vec<&str> = near.iter().take(SHOWN).map(|&(i, _)| chart.markers[i].text.as_str()).collect();
        let more = near.len().saturating_sub(SHOWN);
        let more =
            if more > 0 { format!("\n\nand {more} more here (zoom in to tell them apart)") } else { String::new() };
        texts.dedup();
        return Some((format!("{}{more}", texts.join("\n\n")), Some(nearest)));
    }
    let event =
        chart.events.iter().find(|e| (transform.position_from_point_x(e.x) - pointer.x).abs() <= REACH / 2.0)?;
    Some((event.text.clone(), None))
}

/// The date and price at the pointer's day.
fn price_at(chart: &PriceChart, x: f64) -> Option<String> {
    let at = chart.line.partition_point(|p| p.x < x.round());
    let point = chart.line.get(at).or_else(|| chart.line.last())?;
    let day = crate::ui::dossier::days::day_of(point.x)?;
    Some(format!("{day}  {:.2}", point.y))
}

pub fn price_chart_ui(ui: &mut Ui, chart: &PriceChart, range: &mut PriceRange, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.horizontal_wrapped(|ui| {
        let what = if chart.adjusted { "Price (adjusted close)" } else { "Price (close)" };
        ui.label(RichText::new(what).small().strong().color(p.muted));
        for (span, label, name) in RANGES {
            let button = Button::selectable(range.span == span, RichText::new(label).small());
            if ui.add(button).accessible_name(name).clicked() {
                *range = PriceRange { span, fit: true };
            }
        }
        ui.add_space(8.0);
        ui.spacing_mut().item_spacing.x = 10.0;
        for group in &chart.groups {
            let text = format!("● {} {}", group.points.len(), group.kind.label());
            ui.label(RichText::new(text).small().color(colour(group.kind, &p)));
        }
        if !chart.events.is_empty() {
            let n = chart.events.len();
            let text = format!("┆ {n} {}", if n == 1 { "event" } else { "events" });
            ui.label(RichText::new(text).small().color(p.accent));
        }
    });
    let response = Plot::new("price-plot")
        .height(HEIGHT)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .x_grid_spacer(date_marks)
        .x_axis_formatter(date_label)
        .y_axis_min_width(48.0)
        .label_formatter(|_| None)
        .show(ui, |plot| {
            if range.fit {
                range.fit = false;
                let (from, to) = span_days(chart, range.span);
                let (low, high) = chart.price_range(from, to).unwrap_or((0.0, 1.0));
                let pad = ((high - low) * 0.08).max(high.abs() * 0.01);
                let days = (to - from).max(1.0);
                plot.set_plot_bounds(PlotBounds::from_min_max(
                    [from - days * 0.02, low - pad],
                    [to + days * 0.02, high + pad],
                ));
            }
            plot.line(Line::new("price", PlotPoints::Borrowed(&chart.line)).color(p.text).width(1.2));
            for event in &chart.events {
                let style = if event.market { LineStyle::dashed_loose() } else { LineStyle::dotted_dense() };
                plot.vline(VLine::new(event.text.clone(), event.x).color(p.accent).style(style).width(1.0));
            }
            // Claims drawn last, over the notes and journal entries of the same days.
            for group in chart.groups.iter().rev() {
                let points = Points::new(group.kind.label(), PlotPoints::Borrowed(&group.points));
                plot.add(points.color(colour(group.kind, &p)).radius(3.5).filled(true));
            }
        });
    let plot = response.response;
    let Some(pointer) = plot.hover_pos() else { return };
    match under_pointer(chart, &response.transform, pointer) {
        Some((text, marker)) => {
            let note = marker.and_then(|i| chart.markers[i].note);
            let hint = if note.is_some() { "\n(click to open its note)" } else { "" };
            let plot = plot.on_hover_text_at_pointer(format!("{text}{hint}"));
            if plot.clicked()
                && let Some(note) = note
            {
                actions.push(Action::OpenNote(note));
            }
        }
        None => {
            let x = response.transform.value_from_position(pointer).x;
            if let Some(text) = price_at(chart, x) {
                plot.on_hover_text_at_pointer(theme::muted(text));
            }
        }
    }
}
