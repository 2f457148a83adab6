//! The switch above the search box, `Find in  [Notes] [Sources]`: reached with Tab (or
//! Ctrl+Shift+F, which switches), each button named for AccessKit ("Find in notes", "Find in
//! sources").

use egui::{Button, RichText, Ui};

use crate::ui::action::Action;
use crate::ui::search::scope::Scope;
use crate::ui::widgets::theme;

/// Draws the switch; choosing the other scope asks for it.
pub fn scope_ui(ui: &mut Ui, current: Scope, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(theme::muted("Find in"));
        for scope in [Scope::Notes, Scope::Sources] {
            let selected = scope == current;
            let response = ui
                .add(Button::selectable(selected, RichText::new(scope.label()).small()))
                .on_hover_text(match scope {
                    Scope::Notes => "Search the notes (Ctrl+Shift+F switches)",
                    Scope::Sources => "Search the pages of the sources' documents (Ctrl+Shift+F switches)",
                })
                .accessible_name(scope.accessible());
            if response.clicked() && !selected {
                actions.push(Action::SearchScope(scope));
            }
        }
    });
}
