//! Before the research is on screen: the database being opened (or created with the sample
//! research), or why it could not be opened, where, and a way to open another file.

use std::path::Path;
use std::time::Duration;

use egui::{RichText, TextEdit, Ui};

use crate::database::Opening;
use crate::ui::action::Action;
use crate::ui::widgets::theme::Palette;

/// The start screen while the database opens; after two seconds it says why it takes long (a new
/// database being set up, or an older one's schema being upgraded).
pub fn opening_ui(ui: &mut Ui, path: &Path, elapsed: Duration, what: Option<Opening>) {
    egui::CentralPanel::default().show(ui, |ui| {
        let p = Palette::of(ui);
        ui.add_space(ui.available_height() * 0.35);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new("Jevons").size(22.0).strong());
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                ui.add_space((ui.available_width() - 320.0).max(0.0) / 2.0);
                ui.add(egui::Spinner::new().size(14.0));
                ui.label(RichText::new(format!("Opening {}", path.display())).color(p.muted));
            });
            if elapsed > Duration::from_secs(2)
                && let Some(message) = what.and_then(Opening::message)
            {
                ui.set_max_width(560.0);
                ui.label(RichText::new(message).small().color(p.faint));
            }
        });
    });
    ui.ctx().request_repaint_after(Duration::from_millis(250));
}

pub fn failed_ui(ui: &mut Ui, path: &Path, message: &str, path_input: &mut String, actions: &mut Vec<Action>) {
    egui::CentralPanel::default().show(ui, |ui| {
        let p = Palette::of(ui);
        ui.add_space(ui.available_height() * 0.2);
        ui.vertical_centered(|ui| {
            ui.set_max_width(640.0);
            ui.label(RichText::new("Jevons could not open the research database").size(19.0).strong());
            ui.add_space(10.0);
            ui.label(RichText::new("File").small().color(p.muted));
            ui.label(RichText::new(path.display().to_string()).monospace());
            ui.add_space(6.0);
            ui.label(RichText::new("Why").small().color(p.muted));
            ui.label(RichText::new(message).color(p.error));
            ui.add_space(10.0);
            ui.label(RichText::new("The file was left as it was. Open another file (a new one is created if it does not exist; its folder must):").color(p.muted));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let label = ui.label("Database file");
                let response = ui
                    .add(TextEdit::singleline(path_input).desired_width(420.0).hint_text("/path/to/research.db"))
                    .labelled_by(label.id);
                let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button("Open").clicked() || entered) && !path_input.trim().is_empty() {
                    actions.push(Action::OpenDatabase(path_input.trim().into()));
                }
            });
        });
    });
}
