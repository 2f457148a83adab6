//! The shortcuts overlay (F1 or ?).

use egui::{Grid, Modal, RichText};

use crate::ui::action::Action;
use crate::ui::widgets::theme::Palette;

pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+N", "New note"),
    ("Ctrl+F / Ctrl+K", "Focus the search box"),
    ("Ctrl+Shift+F", "Search the sources' documents instead of the notes, or back"),
    ("Up / Down", "Move through the results"),
    ("Enter", "Open the highlighted result"),
    ("Ctrl+S", "Save now (notes also save a second after you stop typing)"),
    ("Ctrl+Shift+C", "New claim in the open note"),
    ("Ctrl+Shift+I", "Import Markdown or JSON (File menu)"),
    ("Ctrl+Shift+E", "Export as Markdown, JSON or CSV (File menu)"),
    ("Esc", "Close the form or overlay, or go back"),
    ("F1 or ?", "This help"),
];

pub fn help_ui(ctx: &egui::Context, actions: &mut Vec<Action>) {
    let response = Modal::new(egui::Id::unique("help")).show(ctx, |ui| {
        let p = Palette::of(ui);
        ui.set_max_width(560.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new("Keyboard shortcuts").strong().size(16.0));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Close").clicked() {
                    actions.push(Action::ToggleHelp);
                }
            });
        });
        ui.add_space(4.0);
        Grid::new("help-keys").spacing([16.0, 4.0]).striped(true).show(ui, |ui| {
            for (keys, what) in SHORTCUTS {
                ui.label(RichText::new(*keys).monospace().strong());
                ui.label(*what);
                ui.end_row();
            }
        });
        ui.add_space(10.0);
        ui.label(RichText::new("Search").strong().size(15.0));
        Grid::new("help-search").spacing([16.0, 4.0]).striped(true).show(ui, |ui| {
            for term in crate::query::SYNTAX {
                ui.label(RichText::new(term.example).monospace());
                ui.label(RichText::new(term.help).color(p.muted));
                ui.end_row();
            }
        });
    });
    if response.should_close() {
        actions.push(Action::ToggleHelp);
    }
}
