//! Where the sources on a ticker disagree: the same figure given differently (its spread, min to
//! max, relative, and every source), and bullish against bearish views by different claimants in
//! the same days, side by side. Drawn from [`DossierData`], computed on the worker. However many
//! there are, a bounded number of cards and of lines per card is laid out.

use egui::{Grid, RichText, Ui, Vec2};

use crate::compare::{FigureSpread, StanceClash, StanceView};
use crate::model::{Stance, format_value};
use crate::ui::action::Action;
use crate::ui::dossier::lazy::Sections;
use crate::ui::dossier::state::DossierData;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};

/// Cards shown of each kind; the rest are counted.
const MAX_CARDS: usize = 12;
/// Claims shown per spread, and per side of opposite views.
const MAX_LINES: usize = 8;

/// "and 12 more", under a bounded list.
fn more_ui(ui: &mut Ui, hidden: usize, what: &str) {
    if hidden > 0 {
        ui.label(theme::muted(format!("and {} more {what}", theme::count(hidden as u64))).color(Palette::of(ui).muted));
    }
}

fn card(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new().fill(ui.visuals().faint_bg_color).corner_radius(4).inner_margin(8).show(ui, |ui| {
        ui.set_width(ui.available_width());
        // The cards stay on screen while the results beside them scroll: their labels are not
        // selectable text, which egui would otherwise track glyph by glyph on every frame (the
        // claims open their notes; the notes hold the text to copy).
        ui.style_mut().interaction.selectable_labels = false;
        add(ui);
    });
    ui.add_space(4.0);
}

/// A claim's text that opens its note when it has one.
fn claim_text_ui(ui: &mut Ui, data: &DossierData, claim_id: i64, text: &str, width: f32, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let response = theme::wrapped(ui, width, RichText::new(text).small().color(p.muted), egui::Sense::click());
    if let Some(note) = data.notes_of.get(&claim_id)
        && response.on_hover_text("Open the note this claim is in").clicked()
    {
        actions.push(Action::OpenNote(*note));
    }
}

pub fn spreads_ui(ui: &mut Ui, data: &DossierData, sections: &mut Sections, actions: &mut Vec<Action>) {
    for (i, spread) in data.spreads.iter().enumerate().take(MAX_CARDS) {
        sections.show(ui, ("spread", i), |ui| card(ui, |ui| spread_ui(ui, i, spread, data, actions)));
    }
    more_ui(ui, data.spreads.len().saturating_sub(MAX_CARDS), "figures that disagree");
}

fn spread_ui(ui: &mut Ui, index: usize, spread: &FigureSpread, data: &DossierData, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let shown = |v: f64| format_value(v, spread.unit.as_deref(), spread.currency.as_deref());
    ui.horizontal_wrapped(|ui| {
        ui.label(theme::figure(format!("{} – {}", shown(spread.min), shown(spread.max))).strong());
        let relative =
            if spread.relative.is_finite() { format!("{:.1}%", spread.relative * 100.0) } else { "∞".to_owned() };
        ui.label(
            RichText::new(format!("spread {relative} across {} claims", spread.members.len())).small().color(p.warn),
        );
        let dates = match (&spread.first_as_of, &spread.last_as_of) {
            (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        ui.label(theme::muted(dates).color(p.muted));
    });
    let text_width = (ui.available_width() * 0.45).max(160.0);
    Grid::new(("spread", index)).spacing(Vec2::new(12.0, 3.0)).show(ui, |ui| {
        for member in spread.members.iter().take(MAX_LINES) {
            ui.label(theme::figure(shown(member.value)));
            ui.label(theme::figure(member.as_of.clone().unwrap_or_default()).small().color(p.muted));
            ui.label(RichText::new(member.claimant.clone().unwrap_or_else(|| "—".to_owned())).small());
            let sources = if member.sources.is_empty() { "no source".to_owned() } else { member.sources.join(", ") };
            ui.label(RichText::new(shorten(&sources, 30)).small().color(p.accent)).on_hover_text(&sources);
            claim_text_ui(ui, data, member.claim_id, &member.text, text_width, actions);
            ui.end_row();
        }
    });
    more_ui(ui, spread.members.len().saturating_sub(MAX_LINES), "claims in this spread");
}

pub fn clashes_ui(ui: &mut Ui, data: &DossierData, sections: &mut Sections, actions: &mut Vec<Action>) {
    // The latest periods first: they are what a researcher is weighing now.
    for (i, clash) in data.clashes.iter().rev().take(MAX_CARDS).enumerate() {
        sections.show(ui, ("clash", i), |ui| card(ui, |ui| clash_ui(ui, clash, data, actions)));
    }
    more_ui(ui, data.clashes.len().saturating_sub(MAX_CARDS), "earlier periods");
}

fn clash_ui(ui: &mut Ui, clash: &StanceClash, data: &DossierData, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let period = if clash.from == clash.to { clash.from.clone() } else { format!("{} to {}", clash.from, clash.to) };
    ui.label(theme::figure(period).small().color(p.muted));
    ui.columns(2, |columns| {
        for (ui, (stance, views)) in
            columns.iter_mut().zip([(Stance::Bullish, &clash.bullish), (Stance::Bearish, &clash.bearish)])
        {
            ui.label(theme::stance_text(ui, Some(stance)).strong());
            for view in views.iter().rev().take(MAX_LINES) {
                view_ui(ui, view, data, actions);
            }
            more_ui(ui, views.len().saturating_sub(MAX_LINES), "views");
        }
    });
}

fn view_ui(ui: &mut Ui, view: &StanceView, data: &DossierData, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        ui.label(RichText::new(view.claimant.clone().unwrap_or_else(|| "unknown claimant".to_owned())).strong());
        ui.label(theme::figure(&view.as_of).small().color(p.muted));
    });
    let width = ui.available_width();
    claim_text_ui(ui, data, view.claim_id, &view.text, width, actions);
    ui.add_space(3.0);
}
