//! The trash, as seen from a note in it: a banner saying since when, with Restore and Delete
//! forever. (The list of trashed notes is the result list for `is:trash`, opened from the
//! sidebar; emptying it is in the list's header.)

use egui::Ui;

use crate::ui::action::Action;
use crate::ui::note::actions::TrashAction;
use crate::ui::note::state::NoteEditor;
use crate::ui::widgets::theme::Palette;

pub fn trashed_banner_ui(ui: &mut Ui, editor: &NoteEditor, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let (Some(id), Some(note)) = (editor.id, &editor.base) else { return };
    let since = note.deleted_at.map(|t| t.as_datetime().format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default();
    egui::Frame::new()
        .fill(p.warn.gamma_multiply(0.12))
        .stroke(egui::Stroke::new(1.0, p.warn.gamma_multiply(0.6)))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(8, 6))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(format!("In the trash since {since}. It is read-only until restored."))
                        .color(p.warn),
                );
                if ui.button("Restore").clicked() {
                    actions.push(Action::Trash(TrashAction::Restore(id)));
                }
                if ui.button("Delete forever…").clicked() {
                    actions.push(Action::Trash(TrashAction::AskPurge(id)));
                }
            });
        });
    ui.add_space(4.0);
}
