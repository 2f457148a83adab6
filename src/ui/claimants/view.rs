//! The Claimants pane: a table of every claimant's calls, hits, hit rate and mean return (and
//! excess over the benchmark) per horizon, most calls first; picking one lists its calls, each
//! with its claim, quote, source and outcome, and offers to count it as another claimant.

use egui::{ComboBox, Grid, RichText, ScrollArea, Ui, Vec2};

use crate::compare::{ClaimantRecord, HORIZONS, HorizonRecord, Outcome, ScoredCall, signed_percent, whole_percent};
use crate::ui::action::Action;
use crate::ui::claimants::state::{CALLS_PAGE, ClaimantsAction, ClaimantsData, ClaimantsView};
use crate::ui::dossier::price_data::outcome_line;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};

/// Claimants listed in the table (the rest are counted).
const MAX_ROWS: usize = 500;

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), signed_percent)
}

fn rate(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), whole_percent)
}

pub fn claimants_ui(ui: &mut Ui, view: &mut ClaimantsView, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.label(RichText::new("Claimants").size(22.0).strong());
    let data = match &view.data {
        None => {
            ui.horizontal(|ui| {
                ui.add(egui::Spinner::new().size(14.0));
                ui.label(theme::muted("scoring the calls…"));
            });
            return;
        }
        Some(Err(message)) => {
            ui.label(RichText::new(format!("Cannot read the calls: {message}")).color(p.error));
            return;
        }
        Some(Ok(data)) => data,
    };
    let benchmark = match &data.benchmark {
        Some(symbol) => format!("Excess returns are over {symbol}."),
        None => "No benchmark is set (`jevons prices benchmark SPY`).".to_owned(),
    };
    ui.label(
        theme::muted(format!(
            "A call is a claim with a claimant, an as-of day and a bullish or bearish stance. Its return is \
             the ticker's over 30, 90 and 365 days from the prices on file; a hit went the claim's way. \
             Calls whose time has not come, or whose prices are missing, are pending. {benchmark} Judged on {}.",
            data.today
        ))
        .color(p.muted),
    );
    if data.records.is_empty() {
        ui.add_space(8.0);
        ui.label("No calls yet: record a claim with a claimant, an as-of date and a stance on a ticker.");
        return;
    }
    ui.add_space(6.0);
    let selected = view.selected.clone();
    ScrollArea::vertical().id_salt("claimants-scroll").auto_shrink(false).show(ui, |ui| {
        table_ui(ui, data, selected.as_deref(), actions);
        if let Some(record) = view.selected_record() {
            ui.add_space(10.0);
            calls_ui(ui, record, data, view.calls_shown, actions);
        }
    });
}

fn horizon_cells(ui: &mut Ui, record: &HorizonRecord) {
    let p = Palette::of(ui);
    ui.label(theme::figure(format!("{} / {}", record.hits, record.calls)));
    ui.label(theme::figure(rate(record.hit_rate)).strong());
    let colour = match record.mean_call_return {
        Some(x) if x > 0.0 => p.bullish,
        Some(x) if x < 0.0 => p.bearish,
        _ => p.muted,
    };
    ui.label(theme::figure(percent(record.mean_call_return)).color(colour)).on_hover_text(format!(
        "Mean return of following each call (the ticker's return for bullish calls, its opposite for \
         bearish ones). The ticker's own mean return: {}; excess over the benchmark: {}.",
        percent(record.mean_return),
        percent(record.mean_excess)
    ));
}

fn table_ui(ui: &mut Ui, data: &ClaimantsData, selected: Option<&str>, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    Grid::new("claimants-table").striped(true).spacing(Vec2::new(12.0, 4.0)).show(ui, |ui| {
        ui.label("");
        ui.label("");
        for h in HORIZONS {
            ui.label(RichText::new(format!("{h} days")).small().strong().color(p.muted));
            ui.label("");
            ui.label("");
        }
        ui.end_row();
        ui.label(RichText::new("Claimant").small().strong().color(p.muted));
        ui.label(RichText::new("Pending").small().strong().color(p.muted));
        for _ in HORIZONS {
            for head in ["Hits", "Rate", "Return"] {
                ui.label(RichText::new(head).small().strong().color(p.muted));
            }
        }
        ui.end_row();
        for record in data.records.iter().take(MAX_ROWS) {
            let picked = selected == Some(record.claimant.as_str());
            let name = ui.selectable_label(picked, shorten(&record.claimant, 36));
            let name = if record.merged.is_empty() {
                name
            } else {
                name.on_hover_text(format!("Also counted: {}", record.merged.join(", ")))
            };
            if name.clicked() {
                let next = if picked { None } else { Some(record.claimant.clone()) };
                actions.push(Action::Claimants(ClaimantsAction::Select(next)));
            }
            let pending = record.horizons.values().map(|r| r.pending).max().unwrap_or(0);
            ui.label(theme::figure(theme::count(pending)).color(p.muted));
            for h in HORIZONS {
                horizon_cells(ui, &record.horizons[&h]);
            }
            ui.end_row();
        }
    });
    if data.records.len() > MAX_ROWS {
        ui.label(theme::muted(format!("and {} more claimants", theme::count((data.records.len() - MAX_ROWS) as u64))));
    }
}

fn calls_ui(ui: &mut Ui, record: &ClaimantRecord, data: &ClaimantsData, shown: usize, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let n = record.calls.len();
    ui.label(
        RichText::new(format!("{}: {n} {}", record.claimant, if n == 1 { "call" } else { "calls" }))
            .size(16.0)
            .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(theme::muted("Count as").color(p.muted));
        let mut into: Option<String> = None;
        ComboBox::from_id_salt("merge-claimant")
            .selected_text("another claimant…")
            .show_ui(ui, |ui| {
                for other in data.records.iter().filter(|r| r.claimant != record.claimant).take(MAX_ROWS) {
                    if ui.selectable_label(false, shorten(&other.claimant, 40)).clicked() {
                        into = Some(other.claimant.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "The same claimant spelled another way: count these calls as theirs (undo from the message)",
            );
        if let Some(into) = into {
            actions.push(Action::Claimants(ClaimantsAction::Merge { from: record.claimant.clone(), into }));
        }
        for merged in &record.merged {
            if ui.small_button(format!("Count “{}” on its own", shorten(merged, 30))).clicked() {
                actions.push(Action::Claimants(ClaimantsAction::Unmerge(merged.clone())));
            }
        }
    });
    ui.add_space(4.0);
    for call in record.calls.iter().rev().take(shown) {
        call_ui(ui, call, actions);
    }
    if n > shown {
        let more = CALLS_PAGE.min(n - shown);
        let label = format!("Show {more} more ({} not shown)", theme::count((n - shown) as u64));
        if ui.button(label).clicked() {
            actions.push(Action::Claimants(ClaimantsAction::MoreCalls));
        }
    }
}

fn call_ui(ui: &mut Ui, scored: &ScoredCall, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let call = &scored.call;
    egui::Frame::new().fill(ui.visuals().faint_bg_color).corner_radius(4).inner_margin(6).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(theme::figure(&call.as_of).color(p.muted));
            if ui.link(format!("${}", call.symbol)).on_hover_text("Open the dossier").clicked() {
                actions.push(Action::OpenDossier(call.symbol.clone()));
            }
            ui.label(theme::stance_text(ui, Some(call.stance)).strong());
            if call.claimant != call.counted_as {
                ui.label(theme::muted(format!("as “{}”", call.claimant)).color(p.faint));
            }
        });
        let text = ui.add(egui::Label::new(call.text.as_str()).wrap().sense(egui::Sense::click()));
        if let Some(note) = call.note_id
            && text.on_hover_text("Open the note this claim is in").clicked()
        {
            actions.push(Action::OpenNote(note));
        }
        if let Some(quote) = &call.quote {
            ui.label(RichText::new(format!("“{}”", shorten(quote, 300))).italics().color(p.muted));
        }
        if let Some(source) = &call.source {
            ui.label(theme::muted(shorten(source, 100)).color(p.faint));
        }
        let scored_any = scored.outcome.values().any(|o| matches!(o, Outcome::Scored { .. }));
        let line =
            ui.label(theme::figure(outcome_line(scored)).small().color(if scored_any { p.text } else { p.muted }));
        let reasons: Vec<String> = scored
            .outcome
            .iter()
            .map(|(h, o)| match o {
                Outcome::Pending { reason } => format!("{h} days: {reason}"),
                Outcome::Scored { start, end, excess, .. } => format!(
                    "{h} days: {start} to {end}{}",
                    excess.map(|e| format!(", {} over the benchmark", signed_percent(e))).unwrap_or_default()
                ),
            })
            .collect();
        line.on_hover_text(reasons.join("\n"));
    });
    ui.add_space(3.0);
}
