//! Adding a dated event from the dossier: a line under the price chart with the day, what
//! happened, and whether it concerns the whole market (then it shows on every ticker's chart).
//! Events are listed and removed with `jevons events`.

use egui::{RichText, Ui};

use crate::model::{EventDraft, Symbol, parse_date};
use crate::ui::action::Action;
use crate::ui::widgets::theme::{self, Palette};

/// What is typed in the event line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventForm {
    pub day: String,
    pub title: String,
    /// For every ticker, not only this one.
    pub market: bool,
    /// Why the last Add did not add.
    pub problem: Option<String>,
}

pub fn event_form_ui(ui: &mut Ui, symbol: &Symbol, form: &mut EventForm, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(RichText::new("Event").small().color(p.muted));
        ui.add(egui::TextEdit::singleline(&mut form.day).desired_width(86.0).hint_text("YYYY-MM-DD"))
            .labelled_by(label.id)
            .accessible_name("Event day")
            .on_hover_text("The event's day");
        let title = ui.add(egui::TextEdit::singleline(&mut form.title).desired_width(220.0).hint_text("what happened"));
        let title = title
            .accessible_name("Event title")
            .on_hover_text("What happened (an FOMC day, a model release, earnings)");
        ui.checkbox(&mut form.market, RichText::new("every ticker").small())
            .on_hover_text("A market-wide event shows on every ticker's chart");
        let entered = title.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.small_button("Add event").clicked() || entered {
            match parse_date(&form.day) {
                Ok(day) if !form.title.trim().is_empty() => {
                    let symbol = (!form.market).then(|| symbol.clone());
                    actions.push(Action::AddEvent(EventDraft { day, title: form.title.trim().to_owned(), symbol }));
                    form.problem = None;
                }
                Ok(_) => form.problem = Some("Say what happened.".to_owned()),
                Err(_) => form.problem = Some("The day is YYYY-MM-DD.".to_owned()),
            }
        }
        if let Some(problem) = &form.problem {
            ui.label(theme::muted(problem).color(p.error));
        }
    });
}
