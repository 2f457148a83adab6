//! The keyboard shortcuts (listed in the F1 help), read before the views draw.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::JevonsApp;
use crate::ui::action::Action;
use crate::ui::files::state::TransferAction;
use crate::ui::note::actions::{ClaimAction, NoteAction};

impl JevonsApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if !self.is_ready() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let in_search = ctx.memory(|m| m.has_focus(crate::ui::search::search_box::search_id()));
        let popup_open = self.search.popup_open;
        let other_scope = self.settings.search_scope.other();
        ctx.input_mut(|i| {
            let command = |i: &mut egui::InputState, mods: Modifiers, key: Key| {
                i.consume_shortcut(&KeyboardShortcut::new(mods, key))
            };
            if command(i, Modifiers::COMMAND | Modifiers::SHIFT, Key::C) {
                actions.push(Action::Claim(ClaimAction::New));
            }
            if command(i, Modifiers::COMMAND | Modifiers::SHIFT, Key::I) {
                actions.push(Action::Transfer(TransferAction::ShowImport));
            }
            if command(i, Modifiers::COMMAND | Modifiers::SHIFT, Key::E) {
                actions.push(Action::Transfer(TransferAction::ShowExport));
            }
            if command(i, Modifiers::COMMAND | Modifiers::SHIFT, Key::F) {
                actions.push(Action::SearchScope(other_scope));
            }
            if command(i, Modifiers::COMMAND, Key::N) {
                actions.push(Action::Note(NoteAction::New));
            }
            if command(i, Modifiers::COMMAND, Key::F) || command(i, Modifiers::COMMAND, Key::K) {
                actions.push(Action::FocusSearch);
            }
            if command(i, Modifiers::COMMAND, Key::S) {
                actions.push(Action::Note(NoteAction::Save));
            }
            if command(i, Modifiers::NONE, Key::F1) {
                actions.push(Action::ToggleHelp);
            }
            if !typing {
                let before = i.events.len();
                i.events.retain(|e| !matches!(e, egui::Event::Text(t) if t == "?"));
                if i.events.len() != before {
                    actions.push(Action::ToggleHelp);
                }
            }
            if (!typing || in_search) && !popup_open {
                if command(i, Modifiers::NONE, Key::ArrowDown) {
                    actions.push(Action::MoveSelection(1));
                }
                if command(i, Modifiers::NONE, Key::ArrowUp) {
                    actions.push(Action::MoveSelection(-1));
                }
            }
            if !typing && command(i, Modifiers::NONE, Key::Enter) {
                actions.push(Action::OpenSelected);
            }
            if !typing && command(i, Modifiers::NONE, Key::Escape) {
                actions.push(Action::Back);
            }
        });
    }
}
