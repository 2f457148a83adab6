//! The window's panes and overlays, drawn from the state; and what the frame does after drawing
//! (only web links reach the browser; closing saves first).

use std::time::Duration;

use egui::Ui;

use super::{Dialog, JevonsApp, Pane};
use crate::ui::action::Action;
use crate::ui::dossier::view::{self as dossier};
use crate::ui::files::state::Transfer;
use crate::ui::files::sync;
use crate::ui::files::view as transfer_ui;
use crate::ui::note::state::NoteContext;
use crate::ui::note::view as note;
use crate::ui::search::results::{self};
use crate::ui::search::sidebar::{self};
use crate::ui::search::{scope_switch, source_results};
use crate::ui::source::{self};
use crate::ui::widgets::toasts::{self, Toast};
use crate::ui::widgets::{dialogs, help, links, status};

impl JevonsApp {
    pub(super) fn draw(&mut self, ui: &mut Ui, now: f64, actions: &mut Vec<Action>) {
        let saving = status::SaveState::of(self.editor.as_ref());
        egui::Panel::top("top").frame(status::bar_frame(ui)).show(ui, |ui| {
            let busy = self.transfer.is_running();
            let backups = self.backups.summary.as_ref();
            status::top_ui(
                ui,
                &self.config.db,
                self.config.chosen_db,
                self.settings.theme,
                (busy, backups, self.settings.sync_every_minutes),
                actions,
            );
        });
        egui::Panel::bottom("status").frame(status::bar_frame(ui)).show(ui, |ui| {
            ui.horizontal(|ui| {
                sync::status_ui(ui, &self.sync_status);
                status::bottom_ui(ui, &self.results, &self.sidebar, saving, self.error.as_deref(), actions);
            });
        });
        egui::Panel::left("sidebar").resizable(true).default_size(250.0).size_range(180.0..=460.0).show(ui, |ui| {
            let current = sidebar::Current {
                symbol: match &self.pane {
                    Pane::Dossier(view) => Some(view.symbol.as_str()),
                    _ => None,
                },
                source: match &self.pane {
                    Pane::Source(view) => Some(view.id),
                    _ => None,
                },
            };
            ui.add_space(4.0);
            scope_switch::scope_ui(ui, self.settings.search_scope, actions);
            self.search.in_sources = self.in_sources();
            sidebar::sidebar_ui(
                ui,
                &mut self.search,
                &mut self.sidebar,
                &self.completions,
                &self.results,
                &current,
                actions,
            );
        });
        let mut visible = 0..0;
        let sources = self.in_sources();
        egui::Panel::left("results").resizable(true).default_size(380.0).size_range(260.0..=760.0).show(ui, |ui| {
            visible = if sources {
                source_results::source_results_ui(ui, &mut self.source_results, actions)
            } else {
                results::results_ui(ui, &mut self.results, actions)
            };
        });
        egui::CentralPanel::default().frame(egui::Frame::central_panel(ui.style()).inner_margin(12)).show(ui, |ui| {
            match &mut self.pane {
                Pane::Empty => note::empty_ui(ui, &self.sidebar, actions),
                Pane::Note => match &mut self.editor {
                    Some(editor) => {
                        let context = NoteContext {
                            tags: &self.sidebar.data.tags,
                            sources: &self.sidebar.data.sources,
                            completions: &self.completions,
                            properties: &self.sidebar.data.properties,
                            body_mode: self.settings.body_mode,
                            claims_height: self.settings.claims_height,
                            now,
                            today: self.sidebar.data.today,
                        };
                        note::note_ui(ui, editor, &context, actions);
                    }
                    None => note::empty_ui(ui, &self.sidebar, actions),
                },
                Pane::Dossier(view) => dossier::dossier_ui(ui, view, actions),
                Pane::Source(view) => source::source_ui(ui, view, actions),
                Pane::Claimants(view) => crate::ui::claimants::view::claimants_ui(ui, view, actions),
            }
        });
        if sources {
            self.fetch_source_pages(&visible);
        } else {
            self.fetch_rows(visible);
        }
        if self.help {
            help::help_ui(ui.ctx(), actions);
        }
        transfer_ui::transfer_ui(ui.ctx(), &mut self.transfer, actions);
        if self.transfer.is_running() {
            // The elapsed seconds tick even when no progress arrives.
            ui.ctx().request_repaint_after(Duration::from_secs(1));
        }
        if let Some(dialog) = &self.dialog {
            dialogs::dialog_ui(ui.ctx(), dialog, actions);
        }
        toasts::toasts_ui(ui.ctx(), &self.toasts, actions);
    }

    /// Lets only http and https links reach the system browser; says so when one is refused.
    pub(super) fn guard_links(&mut self, ctx: &egui::Context) {
        let mut refused = Vec::new();
        ctx.output_mut(|o| {
            o.commands.retain(|c| match c {
                egui::OutputCommand::OpenUrl(open) if !links::is_web_link(&open.url) => {
                    refused.push(open.url.clone());
                    false
                }
                _ => true,
            });
        });
        for url in refused {
            self.toasts.push(Toast::info(format!(
                "Not opened: {} (only http and https links open, in your browser)",
                links::shortened(&url, 60)
            )));
            self.refused_links.push(url);
        }
    }

    pub(super) fn handle_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.closing {
            return;
        }
        if !self.save_editor(false) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            let why = self
                .editor
                .as_ref()
                .and_then(|e| e.save_error.clone())
                .unwrap_or_else(|| "the note changed elsewhere; choose which version to keep".to_owned());
            self.dialog = Some(Dialog::CloseFailed(why));
        } else if let Transfer::Running(running) = &self.transfer {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::CloseWhileRunning(running.job.noun()));
        }
    }
}
