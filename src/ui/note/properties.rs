//! The note's properties panel, above the body: one row per property of the front matter (key,
//! type, value) with its value editable and a button to remove it, and a row to add one. Keys
//! and values already in use in the database are completed from the sidebar's data (read by the
//! worker, never while drawing). Changes go out as actions; the shell makes them through
//! `session::properties`.

use egui::{Button, CompletionPopup, Id, Key, RichText, Suggestion, TextEdit, Ui};

use crate::model::{Property, PropertyInUse, PropertyKind, fold, is_reserved, read_properties};
use crate::ui::action::Action;
use crate::ui::note::actions::NoteAction;
use crate::ui::note::body::Body;
use crate::ui::widgets::theme::Palette;

/// The most keys or values offered at once.
const MAX_SUGGESTIONS: usize = 12;

/// The properties as last read from the body, and what is being typed in the panel.
#[derive(Default)]
pub struct PropertiesPanel {
    /// The body version the rows were read from.
    read: Option<u64>,
    rows: Vec<Property>,
    /// The value field of each row, as typed.
    values: Vec<String>,
    pub new_key: String,
    pub new_value: String,
}

impl PropertiesPanel {
    /// Reads the rows again when the body changed since (only the front matter is parsed).
    fn refresh(&mut self, body_version: u64, body: impl FnOnce() -> String) {
        if self.read == Some(body_version) {
            return;
        }
        self.rows = read_properties(&body());
        self.values = self.rows.iter().map(|p| p.value.shown()).collect();
        self.read = Some(body_version);
    }
}

/// Completions among `candidates` for what was typed (folded prefix, then folded infix).
fn matching<'a>(typed: &str, candidates: impl Iterator<Item = &'a String>) -> Vec<Suggestion> {
    let typed = fold(typed.trim());
    let mut found: Vec<&String> = candidates.filter(|c| fold(c).contains(&typed)).collect();
    found.sort_by_key(|c| !fold(c).starts_with(&typed));
    found.into_iter().take(MAX_SUGGESTIONS).map(|c| Suggestion::new(c.clone())).collect()
}

/// The panel for the note whose body (at `version`) is `body`.
pub fn properties_ui(
    ui: &mut Ui,
    panel: &mut PropertiesPanel,
    (version, body): (u64, &Body),
    (in_use, today): (&[PropertyInUse], Option<chrono::NaiveDate>),
    read_only: bool,
    actions: &mut Vec<Action>,
) {
    let p = Palette::of(ui);
    panel.refresh(version, || body.text());
    if panel.rows.is_empty() && read_only {
        return;
    }
    egui::Grid::new("note-properties").num_columns(4).spacing([8.0, 2.0]).show(ui, |ui| {
        for (row, property) in panel.rows.iter().enumerate() {
            let key = &property.key;
            ui.label(RichText::new(key).small().strong()).on_hover_text(format!("Search [{key}]"));
            ui.label(RichText::new(property.value.kind().as_str()).small().color(p.muted));
            // Nested values are edited in the text; a note's own fields (a file's `created: 2023-09-12`
            // kept as written) in their own places.
            let own = is_reserved(key);
            let editable = !read_only && !own && property.value.kind() != PropertyKind::Nested;
            let response = ui
                .add(
                    TextEdit::singleline(&mut panel.values[row])
                        .desired_width(260.0)
                        .min_size(egui::vec2(260.0, 0.0))
                        .interactive(editable),
                )
                .accessible_name(format!("Value of {key}"));
            if editable
                && response.lost_focus()
                && panel.values[row] != property.value.shown()
                && !panel.values[row].trim().is_empty()
            {
                actions
                    .push(Action::Note(NoteAction::SetProperty { key: key.clone(), value: panel.values[row].clone() }));
            }
            if !read_only
                && !own
                && ui
                    .add(Button::new(RichText::new("×").color(p.muted)).frame(false).small())
                    .on_hover_text(format!("Remove the property {key}"))
                    .accessible_name(format!("Remove property {key}"))
                    .clicked()
            {
                actions.push(Action::Note(NoteAction::RemoveProperty(key.clone())));
            }
            ui.end_row();
        }
    });
    if let Some(today) = today {
        super::review::review_ui(ui, &panel.rows, today, read_only, actions);
    }
    if read_only {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let keys = CompletionPopup::new(Id::unique("new-property-key")).word_boundary(|_| false).show(
            ui,
            TextEdit::singleline(&mut panel.new_key).hint_text("property").desired_width(120.0),
            |query| matching(query.word, in_use.iter().map(|u| &u.key)),
        );
        keys.text_edit.response.response.clone().accessible_name("New property name");
        if let Some(accepted) = keys.accepted {
            panel.new_key = accepted.insert;
        }
        let key = fold(panel.new_key.trim());
        let values_of = in_use.iter().find(|u| fold(&u.key) == key).map_or(&[][..], |u| &u.values[..]);
        let values = CompletionPopup::new(Id::unique("new-property-value")).word_boundary(|_| false).show(
            ui,
            TextEdit::singleline(&mut panel.new_value).hint_text("value: 180, 2025-03-01, [a, b]").desired_width(200.0),
            |query| matching(query.word, values_of.iter()),
        );
        let value_field = values.text_edit.response.response.clone().accessible_name("New property value");
        if let Some(accepted) = values.accepted {
            panel.new_value = accepted.insert;
        }
        let entered = value_field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let add = ui.add_enabled(!panel.new_key.trim().is_empty(), Button::new("Add property"));
        if (add.clicked() || entered) && !panel.new_key.trim().is_empty() {
            actions.push(Action::Note(NoteAction::SetProperty {
                key: std::mem::take(&mut panel.new_key),
                value: std::mem::take(&mut panel.new_value),
            }));
        }
    });
}
