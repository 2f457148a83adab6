//! A note's history: earlier versions listed newest first, the chosen one's text shown, and a
//! button to make it current again (the text it replaces becomes a revision too).

use egui::{RichText, ScrollArea, Ui};

use crate::model::{NoteId, Revision, RevisionKind};
use crate::ui::action::Action;
use crate::ui::note::actions::NoteAction;
use crate::ui::widgets::theme::{self, Palette};

/// How much of a revision's body is shown (a larger one is cut, with a note saying so).
const SHOWN_CHARS: usize = 100_000;

pub struct RevisionsView {
    pub note: NoteId,
    pub list: Option<Vec<Revision>>,
    pub selected: Option<i64>,
    pub error: Option<String>,
}

impl RevisionsView {
    pub fn loading(note: NoteId) -> Self {
        Self { note, list: None, selected: None, error: None }
    }

    pub fn arrived(&mut self, result: Result<Vec<Revision>, String>) {
        match result {
            Ok(list) => {
                self.selected = self.selected.or_else(|| list.first().map(|r| r.id));
                self.list = Some(list);
            }
            Err(message) => self.error = Some(message),
        }
    }
}

/// The history of the open note, when it is shown.
pub fn revisions_ui(ui: &mut Ui, view: &RevisionsView, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        theme::section(ui, "History");
        ui.label(theme::muted("earlier versions of this note, newest first").color(p.faint));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Back to the note").clicked() {
                actions.push(Action::Note(NoteAction::ToggleRevisions));
            }
        });
    });
    if let Some(error) = &view.error {
        ui.label(RichText::new(error).color(p.error));
        return;
    }
    let Some(list) = &view.list else {
        ui.add(egui::Spinner::new());
        return;
    };
    if list.is_empty() {
        ui.label(theme::muted("No earlier versions: this note has not been changed since it was created."));
        return;
    }
    egui::Panel::left("revision-list").resizable(true).default_size(230.0).show(ui, |ui| {
        ScrollArea::vertical().id_salt("revision-list-scroll").auto_shrink(false).show(ui, |ui| {
            for revision in list {
                let when = revision.replaced_at.as_datetime().format("%Y-%m-%d %H:%M:%S").to_string();
                let selected = view.selected == Some(revision.id);
                let title = if revision.title.trim().is_empty() { "Untitled" } else { revision.title.as_str() };
                let title = match revision.kind {
                    RevisionKind::Conflict => format!("⚠ {}", crate::ui::widgets::text::shorten(title, 28)),
                    _ => crate::ui::widgets::text::shorten(title, 30),
                };
                let text = (RichText::new(when).monospace().small(), RichText::new(title).small());
                let response = ui
                    .add(egui::Button::selectable(selected, text).min_size(egui::vec2(ui.available_width(), 20.0)))
                    .accessible_name(format!(
                        "Version replaced {}",
                        revision.replaced_at.as_datetime().format("%Y-%m-%d %H:%M:%S")
                    ));
                if response.clicked() {
                    actions.push(Action::Note(NoteAction::SelectRevision(revision.id)));
                }
            }
        });
    });
    let Some(revision) = view.selected.and_then(|id| list.iter().find(|r| r.id == id)) else { return };
    ui.horizontal(|ui| {
        ui.label(RichText::new(&revision.title).strong().size(16.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Restore this version").clicked() {
                actions.push(Action::Note(NoteAction::RestoreRevision(revision.id)));
            }
        });
    });
    ui.label(
        theme::muted(format!(
            "saved {} · replaced {}",
            revision.saved_at.as_datetime().format("%Y-%m-%d %H:%M"),
            revision.replaced_at.as_datetime().format("%Y-%m-%d %H:%M")
        ))
        .color(p.muted),
    );
    let why = match (revision.kind, revision.import_id) {
        (RevisionKind::Conflict, Some(import)) => Some(format!(
            "Import {import} brought this version while the note had changed here too: the note kept its own. \
             Restore this version to take it instead."
        )),
        (RevisionKind::Import, Some(import)) => Some(format!("The version before import {import} changed the note.")),
        (RevisionKind::Undo, Some(import)) => Some(format!("The version import {import} wrote, before it was undone.")),
        _ => None,
    };
    if let Some(why) = why {
        let colour = if revision.kind == RevisionKind::Conflict { p.warn } else { p.muted };
        ui.label(RichText::new(why).color(colour));
    }
    if !revision.tags.is_empty() || !revision.tickers.is_empty() {
        let tags = revision.tags.iter().map(|t| format!("#{t}"));
        let tickers = revision.tickers.iter().map(|t| format!("${t}"));
        ui.label(theme::muted(tags.chain(tickers).collect::<Vec<_>>().join("  ")).color(p.muted));
    }
    ScrollArea::vertical().id_salt(("revision-text", revision.id)).auto_shrink(false).show(ui, |ui| {
        let cut = revision.body.char_indices().nth(SHOWN_CHARS).map(|(b, _)| b);
        let shown = cut.map_or(revision.body.as_str(), |b| &revision.body[..b]);
        ui.add(egui::Label::new(RichText::new(shown).monospace()).wrap().selectable(true));
        if cut.is_some() {
            ui.label(theme::muted(format!("(the first {} characters are shown)", theme::count(SHOWN_CHARS as u64))));
        }
    });
}
