//! What happens with time: autosave, checking the open note for changes made elsewhere, reading
//! the note's text a while after typing stops, toasts expiring.

use std::time::Duration;

use super::{JevonsApp, POLL_EVERY};
use crate::ui::note::analysis::DateAnchor;
use crate::ui::worker::Request;

impl JevonsApp {
    pub(super) fn tick(&mut self, now: f64) {
        self.send_waiting_search();
        self.ask_for_analysis(now);
        self.ask_for_link_candidates();
        if let Some(editor) = &self.editor {
            if editor.autosave_due(now) {
                self.save_editor(false);
            } else if let Some(at) = editor.next_autosave() {
                self.ctx.request_repaint_after(Duration::from_secs_f64((at - now).max(0.01)));
            }
        }
        let focused_again = self.ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::WindowFocused(true))));
        if let Some(id) = self.open_note() {
            if now >= self.next_poll || focused_again {
                self.worker.send(Request::Version { note: id });
                self.next_poll = now + POLL_EVERY;
            }
            self.ctx.request_repaint_after(Duration::from_secs_f64((self.next_poll - now).max(0.05)));
        }
        self.auto_sync(now);
        self.toasts.expire(now);
        if let Some(until) = self.toasts.next_expiry() {
            self.ctx.request_repaint_after(Duration::from_secs_f64((until - now).max(0.05)));
        }
    }

    /// Sends the open note's body to be read, a short while after typing stopped; until then,
    /// wakes up when it is due.
    pub(super) fn ask_for_analysis(&mut self, now: f64) {
        if !self.is_ready() {
            return;
        }
        let Some(editor) = &mut self.editor else { return };
        if !editor.analysis.wants(editor.body_version) {
            return;
        }
        if editor.analysis_due(now) {
            self.analysis_ticket += 1;
            editor.analysis.asked(self.analysis_ticket, editor.body_version);
            let today = self.sidebar.data.today.unwrap_or_else(|| chrono::Local::now().date_naive());
            let anchor = Some(DateAnchor::of(editor.base.as_ref(), today));
            self.worker.send(Request::Analyse { ticket: self.analysis_ticket, text: editor.body.text(), anchor });
        } else {
            let wait = (editor.edited_at + crate::ui::note::analysis::ANALYSE_AFTER - now).max(0.01);
            self.ctx.request_repaint_after(Duration::from_secs_f64(wait));
        }
    }

    /// Asks for the claims the open claim form may link to when its tickers changed.
    pub(super) fn ask_for_link_candidates(&mut self) {
        let Some(form) = self.editor.as_mut().and_then(|e| e.claim_form.as_mut()) else { return };
        let symbols = form.symbols();
        if form.candidates_for.as_ref() != Some(&symbols) {
            form.candidates_for = Some(symbols.clone());
            if !symbols.is_empty() {
                self.worker.send(Request::LinkCandidates { symbols });
            }
        }
    }
}
