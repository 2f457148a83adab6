//! The dossier's charts (egui_plot): numeric claims of one kind over time, one point per claim
//! coloured by source or by claimant (the kind picked from a list; money spanning several orders
//! of magnitude on a log scale), and the balance of views per week or month, bullish bars up,
//! bearish bars down, the balance as a line. The series are built on the worker; the frame only
//! hands them to the plot.

use chrono::{Datelike, NaiveDate};
use egui::{Button, Color32, ComboBox, RichText, Ui};
use egui_plot::{Bar, BarChart, GridInput, GridMark, HoverPosition, Line, LineStyle, Plot, PlotPoints, Points, VLine};

use crate::compare::StancePoint;
use crate::model::format_value;
use crate::ui::dossier::days::{day_number, day_of};
use crate::ui::dossier::state::{DossierData, FigureKind, Series};
use crate::ui::widgets::theme::{self, Palette};

const HEIGHT: f32 = 190.0;
/// Room around the data, as a fraction of the plot, so no point sits on the frame.
const MARGIN: egui::Vec2 = egui::Vec2::new(0.04, 0.12);

/// Colours told apart in light and dark themes, one per series; "others" are grey.
const SERIES_COLOURS: [Color32; 8] = [
    Color32::from_rgb(0x4C, 0x78, 0xA8),
    Color32::from_rgb(0xF5, 0x85, 0x18),
    Color32::from_rgb(0x54, 0xA2, 0x4B),
    Color32::from_rgb(0xE4, 0x57, 0x56),
    Color32::from_rgb(0x72, 0xB7, 0xB2),
    Color32::from_rgb(0xB2, 0x79, 0xA2),
    Color32::from_rgb(0xD6, 0xA9, 0x1E),
    Color32::from_rgb(0x9D, 0x75, 0x5D),
];
const OTHERS: Color32 = Color32::from_rgb(0x9A, 0xA2, 0xAB);

/// What the charts show: which kind of figure, coloured by what, and the stance period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChartChoice {
    /// Index into [`DossierData::kinds`].
    pub kind: usize,
    pub by_claimant: bool,
    pub monthly: bool,
    /// The days the price chart spans.
    pub price: PriceRange,
}

/// The days the price chart spans: a dossier opens on its research (the days its markers are
/// on), and the range buttons choose another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceRange {
    pub span: Span,
    /// The range was just chosen: fit the axes to it on the next frame.
    pub fit: bool,
}

impl Default for PriceRange {
    fn default() -> Self {
        Self { span: Span::Research, fit: true }
    }
}

/// A range button of the price chart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Span {
    /// Every price.
    All,
    /// Days back from the last price.
    Days(u32),
    /// The days the markers are on (the research), with a margin.
    #[default]
    Research,
}

pub fn charts_ui(ui: &mut Ui, data: &DossierData, choice: &mut ChartChoice) {
    theme::section(ui, "Over time");
    if ui.available_width() > 720.0 {
        ui.columns(2, |columns| {
            figures_chart_ui(&mut columns[0], data, choice);
            stance_chart_ui(&mut columns[1], data, choice);
        });
    } else {
        figures_chart_ui(ui, data, choice);
        stance_chart_ui(ui, data, choice);
    }
}

/// How far apart, in points, two date labels are at least (egui_plot labels an x mark when the
/// marks are 60 to 80 points apart; `base_step_size` is the value of its 8-point minimum).
const LABEL_STEPS: f64 = 80.0 / 8.0;

/// Grid marks on calendar boundaries for an x axis of day numbers: every day or second day,
/// Mondays, first days of months (every one, two, three or six) or of years, the finest that
/// leaves room for a label at each mark.
pub(super) fn date_marks(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let (Some(first), Some(last)) = (day_of(min.ceil()), day_of(max.floor())) else { return Vec::new() };
    let wanted = input.base_step_size * LABEL_STEPS;
    let mut marks = Vec::new();
    let mut push = |day: NaiveDate, step: f64| {
        if day >= first && day <= last {
            marks.push(GridMark { value: day_number(day), step_size: step });
        }
    };
    if let Some(step) = [1_u64, 2].into_iter().find(|d| *d as f64 >= wanted) {
        let mut day = first;
        while day <= last {
            push(day, step as f64);
            day = day + chrono::Days::new(step);
        }
    } else if let Some(weeks) = [1_u64, 2].into_iter().find(|w| (7 * w) as f64 >= wanted) {
        let mut day = first + chrono::Days::new(u64::from(7 - first.weekday().num_days_from_monday()) % 7);
        while day <= last {
            push(day, (7 * weeks) as f64);
            day = day + chrono::Days::new(7 * weeks);
        }
    } else if let Some(months) = [1_u32, 2, 3, 6].into_iter().find(|m| 30.44 * f64::from(*m) >= wanted) {
        let mut day = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
        while day <= last {
            if (day.month() - 1).is_multiple_of(months) {
                push(day, 30.44 * f64::from(months));
            }
            day = day + chrono::Months::new(1);
        }
    } else {
        let years = [1, 2, 5, 10, 20, 50, 100].into_iter().find(|y| 365.25 * f64::from(*y) >= wanted).unwrap_or(100);
        for year in first.year()..=last.year() {
            if year % years == 0
                && let Some(day) = NaiveDate::from_ymd_opt(year, 1, 1)
            {
                push(day, 365.25 * f64::from(years));
            }
        }
    }
    marks
}

/// Grid marks at whole counts for the views chart: every 1, 2, 5, 10, 20, 50… views, the finest
/// whose labels egui_plot draws in full (y marks 30 points apart; from 20 they fade in).
fn count_marks(input: GridInput) -> Vec<GridMark> {
    let wanted = input.base_step_size * 30.0 / 8.0;
    let step = [1.0, 2.0, 5.0]
        .iter()
        .flat_map(|m| (0..7).map(move |e| m * 10f64.powi(e)))
        .fold(f64::INFINITY, |best, s| if s >= wanted && s < best { s } else { best });
    let (min, max) = input.bounds;
    let (first, last) = ((min / step).ceil() as i64, (max / step).floor() as i64);
    (first..=last).map(|k| GridMark { value: k as f64 * step, step_size: step }).collect()
}

/// A date on the x axis: `2025-01-27`, or `2025-01` and `2025` on coarser marks.
pub(super) fn date_label(mark: GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    let Some(day) = day_of(mark.value) else { return String::new() };
    if mark.step_size >= 365.0 {
        day.format("%Y").to_string()
    } else if mark.step_size >= 28.0 {
        day.format("%Y-%m").to_string()
    } else {
        day.to_string()
    }
}

/// The series' names in their colours, above a chart (the plot's own legend would cover points).
fn legend_ui(ui: &mut Ui, entries: &[(String, Color32)]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for (name, colour) in entries {
            ui.label(RichText::new(format!("● {name}")).small().color(*colour));
        }
    });
}

fn series_colour(index: usize, series: &Series) -> Color32 {
    if series.name == "others" { OTHERS } else { SERIES_COLOURS[index % SERIES_COLOURS.len()] }
}

fn figures_chart_ui(ui: &mut Ui, data: &DossierData, choice: &mut ChartChoice) {
    let p = Palette::of(ui);
    let Some(kind) = data.kinds.get(choice.kind) else {
        ui.label(theme::muted("No dated figures to plot yet.").color(p.faint));
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Figures").small().strong().color(p.muted));
        let describe = |k: &FigureKind| {
            let n = k.points.len();
            format!("{} · {n} {}", k.label, if n == 1 { "claim" } else { "claims" })
        };
        ComboBox::from_id_salt("figure-kind")
            .selected_text(describe(kind))
            .show_ui(ui, |ui| {
                for (i, k) in data.kinds.iter().enumerate() {
                    ui.selectable_value(&mut choice.kind, i, describe(k));
                }
            })
            .response
            .labelled_by(label.id);
        ui.label(theme::muted("by").color(p.muted));
        for (by_claimant, text) in [(false, "source"), (true, "claimant")] {
            let button = Button::selectable(choice.by_claimant == by_claimant, RichText::new(text).small());
            if ui.add(button).accessible_name(format!("Colour by {text}")).clicked() {
                choice.by_claimant = by_claimant;
            }
        }
    });
    let series: &[Series] = if choice.by_claimant { &kind.by_claimant } else { &kind.by_source };
    let entries: Vec<(String, Color32)> =
        series.iter().enumerate().map(|(i, s)| (s.name.clone(), series_colour(i, s))).collect();
    legend_ui(ui, &entries);
    let log = kind.log_scale;
    let value_of = move |y: f64| if log { 10f64.powf(y) } else { y };
    let currency = kind.currency.clone();
    let first = kind.points.first().map(|p| p.x).unwrap_or_default();
    let last = kind.points.last().map(|p| p.x).unwrap_or_default();
    let plot = Plot::new(("figures-plot", choice.kind, choice.by_claimant))
        .height(HEIGHT)
        .allow_scroll(false)
        .set_margin_fraction(MARGIN)
        .include_x(first - 3.0)
        .include_x(last + 3.0)
        .x_grid_spacer(date_marks)
        .x_axis_formatter(date_label)
        .y_axis_formatter(move |mark, _| format_value(value_of(mark.value), None, currency.as_deref()))
        .y_axis_min_width(48.0)
        .label_formatter(|position| hover_label(position, kind, series));
    plot.show(ui, |plot| {
        for (i, s) in series.iter().enumerate() {
            let points = Points::new(s.name.clone(), PlotPoints::Borrowed(&s.points));
            plot.add(points.color(series_colour(i, s)).radius(4.0).filled(true));
        }
    });
}

/// What hovering a point says: the value, date, who and where, and the claim.
fn hover_label(position: &HoverPosition<'_>, kind: &FigureKind, series: &[Series]) -> Option<String> {
    let HoverPosition::NearDataPoint { plot_name, index, .. } = position else { return None };
    let s = series.iter().find(|s| s.name == *plot_name)?;
    let point = kind.points.get(*s.members.get(*index)?)?;
    let who = [point.claimant.as_deref(), point.source.as_deref()].into_iter().flatten().collect::<Vec<_>>();
    Some(format!(
        "{} · {}\n{}\n{}",
        point.shown,
        point.as_of,
        who.join(" · "),
        crate::ui::widgets::text::shorten(&point.text, 80)
    ))
}

fn stance_chart_ui(ui: &mut Ui, data: &DossierData, choice: &mut ChartChoice) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Views per").small().strong().color(p.muted));
        for (monthly, text) in [(false, "week"), (true, "month")] {
            let button = Button::selectable(choice.monthly == monthly, RichText::new(text).small());
            if ui.add(button).accessible_name(format!("Views per {text}")).clicked() {
                choice.monthly = monthly;
            }
        }
    });
    let points: &[StancePoint] = if choice.monthly { &data.months } else { &data.weeks };
    if points.is_empty() {
        ui.label(theme::muted("No dated views on this ticker yet.").color(p.faint));
        return;
    }
    legend_ui(
        ui,
        &[("bullish".to_owned(), p.bullish), ("bearish".to_owned(), p.bearish), ("balance".to_owned(), p.text)],
    );
    let span = if choice.monthly { 30.0 } else { 7.0 };
    let centre = |point: &StancePoint| day_number(point.start) + span / 2.0;
    let bars = |values: &dyn Fn(&StancePoint) -> f64, colour: Color32| -> Vec<Bar> {
        points
            .iter()
            .map(|point| Bar::new(centre(point), values(point)).width(span * 0.7).fill(colour).name(&point.period))
            .collect()
    };
    let bullish = BarChart::new("bullish", bars(&|point| point.bullish as f64, p.bullish))
        .color(p.bullish)
        .element_formatter(Box::new(|bar, _| format!("{}: {} bullish", bar.name, bar.value)));
    let bearish = BarChart::new("bearish", bars(&|point| -(point.bearish as f64), p.bearish))
        .color(p.bearish)
        .element_formatter(Box::new(|bar, _| format!("{}: {} bearish", bar.name, -bar.value)));
    let balance: Vec<[f64; 2]> = points.iter().map(|point| [centre(point), point.balance as f64]).collect();
    let first = points.first().map(|point| day_number(point.start)).unwrap_or_default();
    let last = points.last().map(|point| day_number(point.start) + span).unwrap_or_default();
    Plot::new(("stance-plot", choice.monthly))
        .height(HEIGHT)
        .allow_scroll(false)
        .set_margin_fraction(MARGIN)
        .include_x(first - span)
        .include_x(last + span)
        .include_y(1.0)
        .include_y(-1.0)
        .x_grid_spacer(date_marks)
        .x_axis_formatter(date_label)
        .y_grid_spacer(count_marks)
        .y_axis_formatter(|mark, _| format!("{}", mark.value))
        .show(ui, |plot| {
            plot.bar_chart(bullish);
            plot.bar_chart(bearish);
            plot.line(Line::new("balance", PlotPoints::from(balance)).color(p.text).width(1.5));
            // The theses' catalysts within the chart's span, as dashed lines.
            for catalyst in &data.page.catalysts {
                let at = day_number(catalyst.date);
                if at >= first - span && at <= last + span {
                    let name = format!("{}: {}", catalyst.written, catalyst.event);
                    plot.vline(VLine::new(name, at).color(p.accent).style(LineStyle::dashed_loose()).width(1.0));
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels of a 400-point wide axis from `from` to `to`.
    fn labels(from: &str, to: &str) -> Vec<String> {
        let day = |s: &str| day_number(s.parse().unwrap());
        let base_step_size = (day(to) - day(from)) / 400.0 * 8.0;
        date_marks(GridInput { bounds: (day(from), day(to)), base_step_size })
            .into_iter()
            .map(|m| date_label(m, &(0.0..=1.0)))
            .collect()
    }

    #[test]
    fn view_counts_are_marked_at_whole_numbers() {
        let marks = |from: f64, to: f64, points: f64| -> Vec<f64> {
            count_marks(GridInput { bounds: (from, to), base_step_size: (to - from) / points * 8.0 })
                .into_iter()
                .map(|m| m.value)
                .collect()
        };
        assert_eq!(marks(-5.8, 2.8, 170.0), [-4.0, -2.0, 0.0, 2.0]);
        assert_eq!(marks(-1.2, 1.2, 170.0), [-1.0, 0.0, 1.0]);
        assert_eq!(marks(0.0, 400.0, 170.0), [0.0, 100.0, 200.0, 300.0, 400.0]);
    }

    #[test]
    fn date_axes_are_marked_on_calendar_boundaries() {
        assert_eq!(labels("2025-01-26", "2025-01-29"), ["2025-01-26", "2025-01-27", "2025-01-28", "2025-01-29"]);
        assert_eq!(
            labels("2024-12-20", "2025-01-30"),
            ["2024-12-23", "2025-01-06", "2025-01-20"],
            "every second Monday: a label needs 80 points"
        );
        assert_eq!(labels("2024-11-15", "2025-03-10"), ["2024-12", "2025-01", "2025-02", "2025-03"]);
        assert_eq!(labels("2019-06-01", "2025-03-10"), ["2020", "2022", "2024"]);
    }
}
