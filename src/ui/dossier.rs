//! A ticker's dossier: company and exchange, the stance tally, figures that disagree shown
//! together, every claim about it by as-of date, and the notes and sources linked to it.

use egui::{Grid, RichText, ScrollArea, Ui, Vec2};

use super::action::Action;
use super::figures::{FigureGroup, disagreements};
use super::sidebar::shorten;
use super::theme::{self, Palette};
use crate::model::{Claim, StanceTally};
use crate::store::TickerDossier;

pub struct DossierView {
    pub symbol: String,
    pub data: Option<TickerDossier>,
    pub groups: Vec<FigureGroup>,
    pub error: Option<String>,
}

impl DossierView {
    pub fn loading(symbol: String) -> Self {
        Self { symbol, data: None, groups: Vec::new(), error: None }
    }

    pub fn arrived(&mut self, result: Result<TickerDossier, String>) {
        match result {
            Ok(dossier) => {
                self.groups = disagreements(&dossier.claims);
                self.data = Some(dossier);
                self.error = None;
            }
            Err(message) => self.error = Some(message),
        }
    }
}

pub fn dossier_ui(ui: &mut Ui, view: &DossierView, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        ui.label(RichText::new(&view.symbol).monospace().size(24.0).strong());
        if let Some(d) = &view.data {
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(d.name.clone().unwrap_or_else(|| "Company not in the reference list".to_owned()))
                        .size(15.0),
                );
                let exchange = d.exchange.clone().unwrap_or_else(|| "exchange unknown".to_owned());
                let reference = if d.in_reference { "" } else { " · not in the reference list" };
                ui.label(theme::muted(format!("{exchange}{reference}")).color(p.muted));
            });
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Notes on it").on_hover_text(format!("Search ${}", view.symbol)).clicked() {
                actions.push(Action::SearchFor(format!("${}", view.symbol)));
            }
        });
    });
    if let Some(error) = &view.error {
        ui.label(RichText::new(format!("Cannot read the dossier: {error}")).color(p.error));
        return;
    }
    let Some(d) = &view.data else {
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new().size(14.0));
            ui.label(theme::muted("reading the dossier…"));
        });
        return;
    };
    ui.add_space(6.0);
    tally_ui(ui, &d.stance);
    ui.separator();
    ScrollArea::vertical().id_salt("dossier-scroll").auto_shrink(false).show(ui, |ui| {
        if !view.groups.is_empty() {
            theme::section(ui, "Figures that disagree");
            for group in &view.groups {
                group_ui(ui, group, actions);
            }
        }
        theme::section(ui, &format!("Claims  {}", d.claim_count));
        if (d.claims.len() as u64) < d.claim_count {
            ui.label(theme::muted(format!("Showing the {} most recently recorded.", d.claims.len())));
        }
        if d.claims.is_empty() {
            ui.label(theme::muted("No claims name this ticker yet."));
        } else {
            claims_by_date_ui(ui, &d.symbol, &d.claims, actions);
        }
        ui.columns(2, |columns| {
            let ui = &mut columns[0];
            theme::section(ui, &format!("Notes  {}", theme::count(d.note_count)));
            for note in &d.notes {
                ui.horizontal(|ui| {
                    ui.label(theme::figure(theme::date(&note.updated_at)).small().color(p.muted));
                    let title = if note.title.trim().is_empty() { "Untitled" } else { note.title.as_str() };
                    let room = ((ui.available_width() - 10.0) / 7.0).max(8.0) as usize;
                    if ui.link(shorten(title, room)).on_hover_text(title).clicked() {
                        actions.push(Action::OpenNote(note.id));
                    }
                });
            }
            if d.note_count as usize > d.notes.len() {
                ui.label(theme::muted(format!("the newest {} shown; search ${} for all", d.notes.len(), d.symbol)));
            }
            let ui = &mut columns[1];
            theme::section(ui, &format!("Sources  {}", d.sources.len()));
            for source in &d.sources {
                ui.horizontal(|ui| {
                    ui.label(
                        theme::figure(source.published_at.map(|d| d.to_string()).unwrap_or_default())
                            .small()
                            .color(p.muted),
                    );
                    let room = ((ui.available_width() - 70.0) / 7.0).max(8.0) as usize;
                    let link = ui.link(shorten(&source.label(), room));
                    if link.on_hover_text(source.title.clone().unwrap_or_default()).clicked() {
                        actions.push(Action::OpenSource(source.id));
                    }
                    ui.label(theme::muted(source.kind.label()).color(p.faint));
                });
            }
        });
    });
}

/// ▲ 3 bullish  ▼ 7 bearish  ● 0 neutral, with a bar in proportion.
fn tally_ui(ui: &mut Ui, tally: &StanceTally) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("▲ {} bullish", tally.bullish)).color(p.bullish).strong());
        ui.add_space(8.0);
        ui.label(RichText::new(format!("▼ {} bearish", tally.bearish)).color(p.bearish).strong());
        ui.add_space(8.0);
        ui.label(RichText::new(format!("● {} neutral", tally.neutral)).color(p.neutral).strong());
    });
    let total = (tally.bullish + tally.bearish + tally.neutral) as f32;
    if total > 0.0 {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(ui.available_width().min(420.0), 6.0), egui::Sense::hover());
        let mut x = rect.left();
        for (count, colour) in [(tally.bullish, p.bullish), (tally.neutral, p.neutral), (tally.bearish, p.bearish)] {
            let w = rect.width() * count as f32 / total;
            let part = egui::Rect::from_min_size(egui::pos2(x, rect.top()), Vec2::new(w, rect.height()));
            ui.painter().rect_filled(part, 0.0, colour);
            x += w;
        }
    }
}

fn group_ui(ui: &mut Ui, group: &FigureGroup, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let range = format!(
        "{} – {}",
        crate::model::format_value(group.low, group.unit.as_deref(), group.currency.as_deref()),
        crate::model::format_value(group.high, group.unit.as_deref(), group.currency.as_deref())
    );
    egui::Frame::new().fill(ui.visuals().faint_bg_color).corner_radius(4).inner_margin(8).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(theme::figure(range).strong());
            ui.label(
                RichText::new(format!("spread {:.1}% across {} claims", group.spread() * 100.0, group.claims.len()))
                    .small()
                    .color(p.warn),
            );
        });
        Grid::new(("group", group.low.to_bits())).spacing(Vec2::new(12.0, 3.0)).show(ui, |ui| {
            for claim in &group.claims {
                ui.label(theme::figure(claim.display_value().unwrap_or_default()));
                ui.label(theme::figure(claim.as_of.clone().unwrap_or_default()).color(p.muted));
                ui.label(claim.claimant.clone().unwrap_or_else(|| "—".to_owned()));
                source_links_ui(ui, claim, actions);
                ui.label(RichText::new(shorten(&claim.text, 70)).small().color(p.muted));
                ui.end_row();
            }
        });
    });
    ui.add_space(4.0);
}

fn claims_by_date_ui(ui: &mut Ui, symbol: &str, claims: &[Claim], actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let text_width = (ui.available_width() * 0.36).clamp(180.0, 520.0);
    Grid::new("dossier-claims").striped(true).spacing(Vec2::new(10.0, 5.0)).show(ui, |ui| {
        for header in ["As of", "Claim", "Value", "Claimant", "Stance", "Source"] {
            ui.label(RichText::new(header).small().strong().color(p.muted));
        }
        ui.end_row();
        for claim in claims {
            ui.label(theme::figure(claim.as_of.clone().unwrap_or_else(|| "—".to_owned())).color(p.muted));
            let text = theme::wrapped(ui, text_width, claim.text.as_str(), egui::Sense::click());
            if let Some(note) = claim.note_id
                && text.on_hover_text("Open the note this claim is in").clicked()
            {
                actions.push(Action::OpenNote(note));
            }
            ui.label(theme::figure(claim.display_value().unwrap_or_else(|| "—".to_owned())).strong());
            ui.label(claim.claimant.clone().unwrap_or_else(|| "—".to_owned()));
            let stance = claim.tickers.iter().find(|t| t.symbol.as_str() == symbol).and_then(|t| t.stance);
            ui.label(theme::stance_text(ui, stance));
            source_links_ui(ui, claim, actions);
            ui.end_row();
        }
    });
}

fn source_links_ui(ui: &mut Ui, claim: &Claim, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        for source in &claim.sources {
            let label = source.publisher.clone().or_else(|| source.title.clone()).unwrap_or_else(|| source.url.clone());
            let link = ui.link(shorten(&label, 18));
            let link = match &source.quote {
                Some(quote) => link.on_hover_text(format!("“{quote}”")),
                None => link.on_hover_text(&source.url),
            };
            if link.clicked() {
                actions.push(Action::OpenSource(source.id));
            }
        }
        if claim.sources.is_empty() {
            ui.label(theme::muted("—"));
        }
    });
}
