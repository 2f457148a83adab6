//! The sidebar's saved searches: each row runs its query and shows how many notes it finds
//! (counted on the worker, never in the frame: "…" until the count arrives, "N+" when counting
//! took too long); a row's context menu renames, moves or forgets it. "Save search" in the
//! results header asks for a name here.

use std::collections::HashMap;

use egui::{Button, Key, RichText, TextEdit, Ui, Vec2};

use crate::model::SavedSearch;
use crate::session::saved::SavedChange;
use crate::store::Total;
use crate::ui::action::Action;
use crate::ui::search::search_box;
use crate::ui::widgets::theme::{self, Palette};

const ROW_HEIGHT: f32 = 20.0;

/// What the saved-search rows show beside the stored list: counts, and the names being typed.
#[derive(Default)]
pub struct SavedView {
    /// Each saved search's count, by id (absent until counted).
    pub counts: HashMap<i64, Result<Total, String>>,
    /// Saving the query typed: the name being typed and the query.
    pub naming: Option<(String, String)>,
    /// Renaming a saved search: its id and the name being typed.
    pub renaming: Option<(i64, String)>,
}

impl SavedView {
    /// Starts naming `query` to save it (its text is the first suggestion).
    pub fn ask_name(&mut self, query: &str) {
        let query = query.trim().to_owned();
        self.naming = Some((query.clone(), query));
    }

    /// The counts that arrived; counts of searches no longer saved are dropped.
    pub fn counted(&mut self, counts: Vec<(i64, Result<Total, String>)>) {
        self.counts = counts.into_iter().collect();
    }
}

/// The "Saved searches" section: shown when there is one, or while one is being named.
pub fn saved_searches_ui(
    ui: &mut Ui,
    saved: &[SavedSearch],
    view: &mut SavedView,
    query: &str,
    actions: &mut Vec<Action>,
) {
    if saved.is_empty() && view.naming.is_none() {
        return;
    }
    let p = Palette::of(ui);
    let title = format!("SAVED SEARCHES  {}", theme::count(saved.len() as u64));
    egui::CollapsingHeader::new(RichText::new(title).small().strong().color(p.muted))
        .id_salt("Saved searches")
        .default_open(true)
        .show(ui, |ui| {
            naming_ui(ui, view, actions);
            for (i, search) in saved.iter().enumerate() {
                if let Some((id, name)) = &mut view.renaming
                    && *id == search.id
                {
                    let id = *id;
                    match name_field_ui(ui, name, "New name for the saved search") {
                        Some(true) => {
                            actions.push(Action::Saved(SavedChange::Rename { id, name: name.clone() }));
                            view.renaming = None;
                        }
                        Some(false) => view.renaming = None,
                        None => {}
                    }
                    continue;
                }
                row_ui(ui, search, i, saved.len(), view, query, actions);
            }
        });
}

fn naming_ui(ui: &mut Ui, view: &mut SavedView, actions: &mut Vec<Action>) {
    let Some((name, query)) = &mut view.naming else { return };
    ui.label(theme::muted(format!("Save “{}” as:", shorten_query(query))));
    match name_field_ui(ui, name, "Name for the saved search") {
        Some(true) => {
            actions.push(Action::Saved(SavedChange::Save { name: name.clone(), query: query.clone(), place: None }));
            view.naming = None;
        }
        Some(false) => view.naming = None,
        None => {}
    }
}

/// A name field with Save and Cancel: `Some(true)` when saved (Enter or the button),
/// `Some(false)` when cancelled.
fn name_field_ui(ui: &mut Ui, name: &mut String, label: &str) -> Option<bool> {
    let mut done = None;
    ui.horizontal(|ui| {
        let field = TextEdit::singleline(name).desired_width(ui.available_width() - 110.0).hint_text("name");
        let response = ui.add(field).accessible_name(label);
        if !response.has_focus() && !response.lost_focus() && ui.memory(|m| m.focused().is_none()) {
            response.request_focus();
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if ui.button("Save").clicked() || entered {
            done = Some(true);
        }
        if ui.button("Cancel").clicked() || (response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape))) {
            done = Some(false);
        }
    });
    done.filter(|saved| !*saved || !name.trim().is_empty())
}

fn row_ui(
    ui: &mut Ui,
    search: &SavedSearch,
    at: usize,
    len: usize,
    view: &mut SavedView,
    query: &str,
    actions: &mut Vec<Action>,
) {
    let (count, spoken) = match view.counts.get(&search.id) {
        Some(Ok(Total::Exact(n))) => (theme::count(*n), search_box::notes(*n)),
        Some(Ok(Total::AtLeast(n))) => {
            (format!("{}+", theme::count(*n)), format!("at least {}", search_box::notes(*n)))
        }
        Some(Err(_)) => ("?".to_owned(), "count not known".to_owned()),
        None => ("…".to_owned(), "counting".to_owned()),
    };
    let selected = query.trim() == search.query;
    let button = Button::selectable(selected, RichText::new(&search.name))
        .right_text(RichText::new(count).monospace().small())
        .min_size(Vec2::new(ui.available_width(), ROW_HEIGHT));
    let mut response = ui.add(button).accessible_name(format!("Saved search {}, {spoken}", search.name));
    response = match view.counts.get(&search.id) {
        Some(Err(message)) => response.on_hover_text(format!("{}\n\nCannot count: {message}", search.query)),
        _ => response.on_hover_text(&search.query),
    };
    if response.clicked() {
        actions.push(Action::SearchFor(search.query.clone()));
    }
    response.context_menu(|ui| {
        if ui.button("Rename…").clicked() {
            view.renaming = Some((search.id, search.name.clone()));
            ui.close();
        }
        if ui.add_enabled(at > 0, Button::new("Move up")).clicked() {
            actions.push(Action::Saved(SavedChange::Move { id: search.id, by: -1 }));
            ui.close();
        }
        if ui.add_enabled(at + 1 < len, Button::new("Move down")).clicked() {
            actions.push(Action::Saved(SavedChange::Move { id: search.id, by: 1 }));
            ui.close();
        }
        if ui.button("Forget").clicked() {
            actions.push(Action::Saved(SavedChange::Forget { id: search.id }));
            ui.close();
        }
    });
}

fn shorten_query(query: &str) -> String {
    crate::ui::widgets::text::shorten(query, 40)
}
