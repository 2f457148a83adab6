//! Questions that need an answer before going on: deleting for good, a close that could not
//! save, and creating the note a link names.

use egui::{Modal, RichText};

use crate::model::NoteId;
use crate::ui::action::Action;
use crate::ui::note::actions::{NoteAction, TrashAction};
use crate::ui::widgets::theme::{self, Palette};

/// A question the app is waiting on.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Purge(NoteId, String),
    EmptyTrash(u64),
    /// Closing the window, but the note could not be saved.
    CloseFailed(String),
    /// Closing the window while an import, export or backup runs ("An import").
    CloseWhileRunning(&'static str),
    /// A link to a note that does not exist yet was clicked: create it?
    CreateLinked(String),
}

pub fn dialog_ui(ctx: &egui::Context, dialog: &Dialog, actions: &mut Vec<Action>) {
    let response = Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
        let p = Palette::of(ui);
        ui.set_max_width(440.0);
        match dialog {
            Dialog::Purge(id, title) => {
                ui.label(RichText::new("Delete this note for good?").strong().size(16.0));
                let title = if title.trim().is_empty() { "Untitled" } else { title.as_str() };
                ui.label(format!("“{title}”, its history and its claims will be gone. This cannot be undone."));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(RichText::new("Delete for good").color(p.error)).clicked() {
                        actions.push(Action::Trash(TrashAction::Purge(*id)));
                    }
                    if ui.button("Keep it").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::EmptyTrash(count) => {
                ui.label(RichText::new("Empty the trash?").strong().size(16.0));
                ui.label(format!(
                    "{} notes, with their history and claims, will be gone. This cannot be undone.",
                    theme::count(*count)
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(RichText::new("Empty the trash").color(p.error)).clicked() {
                        actions.push(Action::Trash(TrashAction::Empty));
                    }
                    if ui.button("Keep them").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::CloseFailed(why) => {
                ui.label(RichText::new("The open note is not saved").strong().size(16.0));
                ui.label(why.as_str());
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Keep editing").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                    if ui.button(RichText::new("Close and lose the unsaved text").color(p.error)).clicked() {
                        actions.push(Action::CloseAnyway);
                    }
                });
            }
            Dialog::CreateLinked(title) => {
                ui.label(RichText::new("No note has this title yet").strong().size(16.0));
                ui.label(format!("Create the note “{title}” and open it? The link will lead to it."));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Create the note").clicked() {
                        actions.push(Action::Note(NoteAction::CreateLinked(title.clone())));
                    }
                    if ui.button("Not now").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::CloseWhileRunning(what) => {
                ui.label(RichText::new(format!("{what} is still running")).strong().size(16.0));
                ui.label(
                    "Closing now stops it. Everything stored until then stays; an import can be run \
                     again on the same files to finish it (nothing is duplicated).",
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Keep it running").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                    if ui.button(RichText::new("Stop it and close").color(p.error)).clicked() {
                        actions.push(Action::CloseAnyway);
                    }
                });
            }
        }
    });
    if response.should_close() {
        actions.push(Action::CloseDialog);
    }
}
