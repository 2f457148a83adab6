//! Short messages in the bottom-right corner ("Moved to the trash. Undo"), gone after a while.

use egui::{Align2, RichText};

use crate::ui::action::Action;
use crate::ui::widgets::theme::Palette;

/// How long a toast stays, in seconds.
const SHOWN_FOR: f64 = 8.0;

pub struct Toast {
    pub id: u64,
    pub text: String,
    pub undo: Option<Action>,
    /// Set when first shown: input time at which it goes.
    until: Option<f64>,
}

impl Toast {
    pub fn info(text: impl Into<String>) -> Self {
        Self { id: 0, text: text.into(), undo: None, until: None }
    }

    pub fn undo(text: impl Into<String>, undo: Action) -> Self {
        Self { id: 0, text: text.into(), undo: Some(undo), until: None }
    }
}

#[derive(Default)]
pub struct Toasts {
    items: Vec<Toast>,
    next_id: u64,
}

impl Toasts {
    /// Adds a toast; returns its id.
    pub fn push(&mut self, mut toast: Toast) -> u64 {
        self.next_id += 1;
        toast.id = self.next_id;
        self.items.push(toast);
        if self.items.len() > 4 {
            self.items.remove(0);
        }
        self.next_id
    }

    pub fn set_undo(&mut self, id: u64, undo: Action) {
        if let Some(toast) = self.items.iter_mut().find(|t| t.id == id) {
            toast.undo = Some(undo);
        }
    }

    pub fn dismiss(&mut self, id: u64) {
        self.items.retain(|t| t.id != id);
    }

    /// Starts the clock of new toasts and drops expired ones.
    pub fn expire(&mut self, now: f64) {
        for toast in &mut self.items {
            toast.until.get_or_insert(now + SHOWN_FOR);
        }
        self.items.retain(|t| t.until.is_none_or(|until| until > now));
    }

    /// When the next toast goes (to wake up for it).
    pub fn next_expiry(&self) -> Option<f64> {
        self.items.iter().filter_map(|t| t.until).reduce(f64::min)
    }
}

pub fn toasts_ui(ctx: &egui::Context, toasts: &Toasts, actions: &mut Vec<Action>) {
    if toasts.items.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::unique("toasts"))
        .anchor(Align2::RIGHT_BOTTOM, [-14.0, -34.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            let p = Palette::of(ui);
            for toast in &toasts.items {
                egui::Frame::popup(ui.style()).inner_margin(egui::Margin::symmetric(10, 6)).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(&toast.text).color(p.text));
                        if let Some(undo) = &toast.undo
                            && ui.button(RichText::new("Undo").strong()).clicked()
                        {
                            actions.push(undo.clone());
                            actions.push(Action::DismissToast(toast.id));
                        }
                        if ui.small_button("×").accessible_name("Dismiss message").clicked() {
                            actions.push(Action::DismissToast(toast.id));
                        }
                    });
                });
                ui.add_space(4.0);
            }
        });
}
