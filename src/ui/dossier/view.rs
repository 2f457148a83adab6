//! A ticker's dossier: company and exchange, the stance tally, charts of its figures and of the
//! balance of views over time, figures that disagree and opposite views side by side, the claims
//! recorded last on it, newest as-of date first (with status and links), and the notes and
//! sources linked to it.
//!
//! Every list is bounded (the store reads at most so many rows and counts the rest) and the
//! comparisons are computed on the worker, so a ticker with thousands of claims draws as fast as
//! one with ten.

use egui::{Grid, RichText, ScrollArea, Ui, Vec2};

use crate::model::{Claim, StanceTally, Symbol};
use crate::store::DossierLimits;
use crate::ui::action::Action;
use crate::ui::dossier::charts::{self, ChartChoice};
use crate::ui::dossier::disagreements;
use crate::ui::dossier::lazy::Sections;
use crate::ui::dossier::listings::{ListingsChoice, listings_ui};
use crate::ui::dossier::state::DossierData;
use crate::ui::note::claim_links::status_and_links_ui;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};

/// How many more claims "Show more" lists.
pub const MORE_CLAIMS: usize = 100;

pub struct DossierView {
    pub symbol: Symbol,
    /// How much the store reads (grows with "Show more").
    pub limits: DossierLimits,
    pub data: Option<Box<DossierData>>,
    pub error: Option<String>,
    pub chart: ChartChoice,
    /// A new name for the ticker being typed.
    pub alias_input: String,
    /// The event being typed under the price chart.
    pub event: crate::ui::dossier::events::EventForm,
    pub listings: ListingsChoice,
    /// Increases with each answer from the worker (the sections' heights key on it).
    version: u64,
    /// The heights of the scrolled sections, so that only those in view are laid out.
    sections: Sections,
}

impl DossierView {
    pub fn loading(symbol: Symbol) -> Self {
        Self {
            symbol,
            limits: DossierLimits::default(),
            data: None,
            error: None,
            chart: ChartChoice::default(),
            alias_input: String::new(),
            event: Default::default(),
            listings: ListingsChoice::default(),
            version: 0,
            sections: Sections::default(),
        }
    }

    pub fn arrived(&mut self, result: Result<Box<DossierData>, String>) {
        self.version += 1;
        match result {
            Ok(data) => {
                self.chart.kind = self.chart.kind.min(data.kinds.len().saturating_sub(1));
                self.data = Some(data);
                self.error = None;
            }
            Err(message) => self.error = Some(message),
        }
    }
}

pub fn dossier_ui(ui: &mut Ui, view: &mut DossierView, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        ui.label(RichText::new(view.symbol.as_str()).monospace().size(24.0).strong());
        if let Some(d) = &view.data {
            let info = &d.page.info;
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(info.name.clone().unwrap_or_else(|| "Company not in the reference list".to_owned()))
                        .size(15.0),
                );
                let exchange = info.exchange.clone().unwrap_or_else(|| "exchange unknown".to_owned());
                let reference = if info.in_reference { "" } else { " · not in the reference list" };
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
    listings_ui(ui, &mut view.listings, &view.symbol, d, actions);
    let d = view.listings.shown(d);
    ui.add_space(6.0);
    tally_ui(ui, &d.page.stance);
    crate::ui::dossier::ticker_names::names_ui(ui, &view.symbol, d, &mut view.alias_input, actions);
    ui.separator();
    let chart = &mut view.chart;
    let event = &mut view.event;
    let symbol = &view.symbol;
    let limits = view.limits;
    let dated_limit = limits.dated;
    let sections = &mut view.sections;
    let version = view.version;
    ScrollArea::vertical().id_salt("dossier-scroll").auto_shrink(false).show(ui, |ui| {
        // Only the sections in view are laid out: a dossier holds hundreds of rows and two
        // charts, and it stays open while the results list beside it scrolls.
        sections.begin(version, ui.available_width());
        match &d.price {
            Some(price) => {
                theme::section(ui, "Price and research");
                sections.show(ui, ("price", 0), |ui| {
                    crate::ui::dossier::price_chart::price_chart_ui(ui, price, &mut chart.price, actions);
                    crate::ui::dossier::events::event_form_ui(ui, symbol, event, actions);
                });
            }
            None => {
                ui.label(
                    theme::muted(format!(
                        "No prices on file for ${}: File → Import prices… reads a CSV download (Yahoo Finance, \
                         Stooq, B3) and scores the calls on it.",
                        d.page.info.symbol
                    ))
                    .color(p.faint),
                );
            }
        }
        if !d.kinds.is_empty() || !d.weeks.is_empty() {
            sections.show(ui, ("charts", 0), |ui| charts::charts_ui(ui, d, chart));
        }
        if d.page.dated.len() >= dated_limit {
            ui.label(
                theme::muted(format!(
                    "Charts and comparisons use the {} dated claims recorded last.",
                    theme::count(d.page.dated.len() as u64)
                ))
                .color(p.faint),
            );
        }
        if !d.page.catalysts.is_empty() {
            theme::section(ui, &format!("Catalysts  {}", d.page.catalysts.len()));
            sections.show(ui, ("catalysts", 0), |ui| {
                crate::ui::dossier::catalysts::catalysts_ui(ui, &d.page.catalysts, d.today, actions)
            });
        }
        if !d.spreads.is_empty() {
            theme::section(ui, &format!("Figures that disagree  {}", d.spreads.len()));
            disagreements::spreads_ui(ui, d, sections, actions);
        }
        if !d.clashes.is_empty() {
            theme::section(ui, &format!("Opposite views at the same time  {}", d.clashes.len()));
            disagreements::clashes_ui(ui, d, sections, actions);
        }
        theme::section(ui, &format!("Claims  {}", theme::count(d.page.claim_count)));
        if d.page.claims.is_empty() {
            ui.label(theme::muted("No claims name this ticker yet."));
        } else {
            sections.show(ui, ("claims", 0), |ui| claims_by_date_ui(ui, d, actions));
        }
        let listed = d.page.claims.len() as u64;
        if d.page.claim_count > listed {
            ui.horizontal(|ui| {
                ui.label(
                    theme::muted(format!(
                        "the {} recorded last of {} shown",
                        theme::count(listed),
                        theme::count(d.page.claim_count)
                    ))
                    .color(p.muted),
                );
                let more = MORE_CLAIMS.min((d.page.claim_count - listed) as usize);
                if ui.small_button(format!("Show {more} more")).clicked() {
                    actions.push(Action::MoreDossierClaims);
                }
            });
        }
        sections.show(ui, ("notes and sources", 0), |ui| notes_and_sources_ui(ui, d, &limits, actions));
    });
}

fn notes_and_sources_ui(ui: &mut Ui, d: &DossierData, limits: &DossierLimits, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let page = &d.page;
    ui.columns(2, |columns| {
        let ui = &mut columns[0];
        theme::section(ui, &format!("Notes  {}", theme::count(page.note_count)));
        for note in &page.notes {
            ui.horizontal(|ui| {
                ui.label(theme::figure(theme::date(&note.updated_at)).small().color(p.muted));
                let title = if note.title.trim().is_empty() { "Untitled" } else { note.title.as_str() };
                let room = ((ui.available_width() - 10.0) / 7.0).max(8.0) as usize;
                if ui.link(shorten(title, room)).on_hover_text(title).clicked() {
                    actions.push(Action::OpenNote(note.id));
                }
            });
        }
        if page.note_count > page.notes.len() as u64 {
            ui.label(theme::muted(format!(
                "the newest {} shown; search ${} for all",
                page.notes.len(),
                page.info.symbol
            )));
        }
        let ui = &mut columns[1];
        theme::section(ui, &format!("Sources  {}", theme::count(page.sources.len() as u64)));
        for source in &page.sources {
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
        if page.sources.len() >= limits.sources {
            ui.label(theme::muted(format!(
                "the first {} listed: those of the claims and notes above",
                page.sources.len()
            )));
        }
    });
}

/// ▲ 3 bullish  ▼ 7 bearish  ● 0 neutral, with a bar in proportion.
fn tally_ui(ui: &mut Ui, tally: &StanceTally) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("▲ {} bullish", theme::count(tally.bullish))).color(p.bullish).strong());
        ui.add_space(8.0);
        ui.label(RichText::new(format!("▼ {} bearish", theme::count(tally.bearish))).color(p.bearish).strong());
        ui.add_space(8.0);
        ui.label(RichText::new(format!("● {} neutral", theme::count(tally.neutral))).color(p.neutral).strong());
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

fn claims_by_date_ui(ui: &mut Ui, d: &DossierData, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let symbol = d.page.info.symbol.as_str();
    let claims: &[Claim] = &d.page.claims;
    let text_width = (ui.available_width() * 0.34).clamp(160.0, 520.0);
    Grid::new("dossier-claims").striped(true).spacing(Vec2::new(10.0, 5.0)).show(ui, |ui| {
        for header in ["As of", "Claim", "Value", "Claimant", "Stance", "Source"] {
            ui.label(RichText::new(header).small().strong().color(p.muted));
        }
        ui.end_row();
        for claim in claims {
            ui.label(theme::figure(claim.as_of.clone().unwrap_or_else(|| "—".to_owned())).color(p.muted));
            ui.vertical(|ui| {
                let text = theme::wrapped(ui, text_width, claim.text.as_str(), egui::Sense::click());
                if let Some(note) = claim.note_id
                    && text.on_hover_text("Open the note this claim is in").clicked()
                {
                    actions.push(Action::OpenNote(note));
                }
                status_and_links_ui(ui, claim, text_width);
                if let Some(outcome) = d.outcomes.get(&claim.id) {
                    ui.label(theme::figure(outcome).small().color(p.muted)).on_hover_text(
                        "The ticker's return after 30, 90 and 365 days: a hit when it went the claim's way",
                    );
                }
            });
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
