//! A source: its details, the claims citing it and the notes linking it; its address opens in
//! the browser (http and https only).

use egui::{RichText, ScrollArea, Ui};

use crate::store::SourceDetail;
use crate::ui::action::Action;
use crate::ui::note::claims::claims_table_ui;
use crate::ui::widgets::links::is_web_link;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};

pub struct SourceView {
    pub id: i64,
    pub data: Option<SourceDetail>,
    pub error: Option<String>,
}

impl SourceView {
    pub fn loading(id: i64) -> Self {
        Self { id, data: None, error: None }
    }

    pub fn arrived(&mut self, result: Result<SourceDetail, String>) {
        match result {
            Ok(detail) => {
                self.data = Some(detail);
                self.error = None;
            }
            Err(message) => self.error = Some(message),
        }
    }
}

pub fn source_ui(ui: &mut Ui, view: &SourceView, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    if let Some(error) = &view.error {
        ui.label(RichText::new(format!("Cannot read source {}: {error}", view.id)).color(p.error));
        return;
    }
    let Some(detail) = &view.data else {
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new().size(14.0));
            ui.label(theme::muted("reading the source…"));
        });
        return;
    };
    let s = &detail.source;
    ui.label(theme::muted(s.kind.label().to_uppercase()).color(p.muted));
    ui.label(RichText::new(s.title.clone().unwrap_or_else(|| s.label())).size(19.0).strong());
    let mut line = Vec::new();
    if let Some(publisher) = &s.publisher {
        line.push(publisher.clone());
    }
    if let Some(author) = &s.author {
        line.push(format!("by {author}"));
    }
    if let Some(published) = s.published_at {
        line.push(format!("published {published}"));
    }
    if let Some(accessed) = s.accessed_at {
        line.push(format!("added {accessed}"));
    }
    ui.label(RichText::new(line.join(" · ")).color(p.muted));
    ui.horizontal(|ui| {
        ui.label(RichText::new(shorten(&s.url, 90)).monospace().small().color(p.muted));
        if is_web_link(&s.url) {
            if ui.button("Open in browser").on_hover_text(&s.url).clicked() {
                actions.push(Action::OpenLink(s.url.clone()));
            }
        } else {
            ui.label(RichText::new("not a web address: not opened").small().color(p.warn));
        }
        if ui.small_button("Copy address").clicked() {
            ui.ctx().copy_text(s.url.clone());
        }
    });
    ui.separator();
    ScrollArea::vertical().id_salt("source-scroll").auto_shrink(false).show(ui, |ui| {
        theme::section(ui, &format!("Claims citing it  {}", detail.claims.len()));
        if detail.claims.is_empty() {
            ui.label(theme::muted("No claim cites this source."));
        }
        claims_table_ui(ui, &detail.claims, None, true, actions);
        for claim in detail.claims.iter().filter(|c| c.sources.iter().any(|r| r.id == s.id && r.quote.is_some())) {
            if let Some(quote) = claim.sources.iter().find(|r| r.id == s.id).and_then(|r| r.quote.as_ref()) {
                ui.label(RichText::new(format!("“{quote}”")).italics().color(p.muted));
            }
        }
        theme::section(ui, &format!("Notes linking it  {}", detail.notes.len()));
        for note in &detail.notes {
            ui.horizontal(|ui| {
                ui.label(theme::figure(theme::date(&note.updated_at)).small().color(p.muted));
                let title = if note.title.trim().is_empty() { "Untitled" } else { note.title.as_str() };
                if ui.link(title).clicked() {
                    actions.push(Action::OpenNote(note.id));
                }
            });
        }
    });
}
