//! An encrypted database in the window: the passphrase asked at start (before anything of the
//! database is read; a wrong one says so and may be typed again), File → "Encrypt this
//! database…" (the passphrase twice), and the screen shown while the worker encrypts.
//!
//! The passphrase fields are password fields (AccessKit labels "Passphrase" and "Passphrase
//! again"); what was typed is cleared once it has been handed on.

use std::path::Path;

use egui::{ProgressBar, RichText, TextEdit, Ui};

use crate::store::sealing::{SealPhase, SealProgress};
use crate::ui::action::Action;
use crate::ui::files::passphrase::{EncryptForm, EncryptionAction, Unlock};
use crate::ui::widgets::theme::Palette;

/// The start screen of an encrypted database: its passphrase, and Open.
pub fn unlock_ui(ui: &mut Ui, path: &Path, state: &mut Unlock, actions: &mut Vec<Action>) {
    egui::CentralPanel::default().show(ui, |ui| {
        let p = Palette::of(ui);
        ui.add_space(ui.available_height() * 0.3);
        ui.vertical_centered(|ui| {
            ui.set_max_width(520.0);
            ui.label(RichText::new("This research database is encrypted").size(19.0).strong());
            ui.label(RichText::new(path.display().to_string()).monospace().color(p.muted));
            ui.add_space(10.0);
            let label = ui.label("Passphrase");
            let response = ui
                .add(TextEdit::singleline(&mut state.input).password(true).desired_width(320.0))
                .labelled_by(label.id);
            if !response.has_focus() && state.input.is_empty() {
                response.request_focus();
            }
            if let Some(error) = &state.error {
                ui.label(RichText::new(error).color(p.error));
            }
            ui.add_space(6.0);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Open").clicked() || entered) && !state.input.is_empty() {
                actions.push(Action::Encryption(EncryptionAction::Unlock(std::mem::take(&mut state.input))));
            }
        });
    });
}

/// File → Encrypt this database…: the passphrase twice, and what encryption means.
pub fn encrypt_form_ui(ctx: &egui::Context, form: &mut EncryptForm, actions: &mut Vec<Action>) {
    egui::Window::new("Encrypt this database").collapsible(false).resizable(false).show(ctx, |ui| {
        let p = Palette::of(ui);
        ui.set_max_width(460.0);
        ui.label(
            "Every note, the search index and the log are encrypted with a key made from this passphrase. \
             Without it the research cannot be read: there is no way to recover it.",
        );
        ui.add_space(6.0);
        for (text, field) in [("Passphrase", &mut form.first), ("Passphrase again", &mut form.second)] {
            ui.horizontal(|ui| {
                let label = ui.label(text);
                ui.add(TextEdit::singleline(field).password(true).desired_width(260.0)).labelled_by(label.id);
            });
        }
        if let Some(error) = &form.error {
            ui.label(RichText::new(error).color(p.error));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Encrypt").clicked() {
                if form.first.is_empty() {
                    form.error = Some("Type a passphrase.".to_owned());
                } else if form.first != form.second {
                    form.error = Some("The two passphrases differ.".to_owned());
                } else {
                    form.second.clear();
                    actions.push(Action::Encryption(EncryptionAction::Encrypt(std::mem::take(&mut form.first))));
                }
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::Encryption(EncryptionAction::CloseEncrypt));
            }
        });
    });
}

/// The screen while the database is being encrypted (nothing else can use it meanwhile).
pub fn encrypting_ui(ui: &mut Ui, path: &Path, progress: Option<SealProgress>) {
    egui::CentralPanel::default().show(ui, |ui| {
        let p = Palette::of(ui);
        ui.add_space(ui.available_height() * 0.35);
        ui.vertical_centered(|ui| {
            ui.set_max_width(520.0);
            ui.label(RichText::new("Encrypting the database").size(19.0).strong());
            ui.label(RichText::new(path.display().to_string()).monospace().color(p.muted));
            ui.add_space(8.0);
            let (text, fraction) = match progress {
                Some(SealProgress { phase: SealPhase::Copying, done, total }) if total > 0 => {
                    ("Writing the encrypted copy…", (done as f32 / total as f32).min(1.0))
                }
                Some(SealProgress { phase: SealPhase::Checking, .. }) => ("Checking the encrypted copy…", 1.0),
                Some(SealProgress { phase: SealPhase::Replacing, .. }) => ("Putting it in place…", 1.0),
                _ => ("Writing the encrypted copy…", 0.0),
            };
            ui.add(ProgressBar::new(fraction).text(text));
            ui.label(
                RichText::new("The plain file is replaced only once the encrypted copy is checked.").color(p.faint),
            );
        });
    });
    ui.ctx().request_repaint_after(std::time::Duration::from_millis(200));
}
