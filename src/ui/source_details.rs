//! Editing a source's details in its view: title, publisher, author, publication date and kind
//! (what a document's metadata filled in, or nothing did). The date is checked before anything
//! is saved; the address and the file stay as they are.

use egui::{ComboBox, Grid, RichText, TextEdit, Ui};

use crate::model::{Source, SourceDetails, SourceKind, parse_date};
use crate::ui::action::Action;
use crate::ui::widgets::theme::Palette;

/// The details as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailsForm {
    pub title: String,
    pub publisher: String,
    pub author: String,
    pub published: String,
    pub kind: SourceKind,
    /// Why the last save failed, when the store refused it.
    pub error: Option<String>,
}

impl DetailsForm {
    pub fn of(source: &Source) -> Self {
        Self {
            title: source.title.clone().unwrap_or_default(),
            publisher: source.publisher.clone().unwrap_or_default(),
            author: source.author.clone().unwrap_or_default(),
            published: source.published_at.map(|d| d.to_string()).unwrap_or_default(),
            kind: source.kind,
            error: None,
        }
    }

    /// The details to save, or why the date is not one.
    pub fn check(&self) -> Result<SourceDetails, String> {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let published_at = match self.published.trim() {
            "" => None,
            typed => Some(parse_date(typed).map_err(|e| format!("Published: {}", e.0))?),
        };
        Ok(SourceDetails {
            title: text(&self.title),
            publisher: text(&self.publisher),
            author: text(&self.author),
            published_at,
            kind: self.kind,
        })
    }
}

/// The form; returns whether it should close (cancelled). Saving pushes the action and keeps
/// the form until the shell says the save went through.
pub fn details_form_ui(ui: &mut Ui, source: i64, form: &mut DetailsForm, actions: &mut Vec<Action>) -> bool {
    let p = Palette::of(ui);
    let mut close = false;
    egui::Frame::group(ui.style()).fill(ui.visuals().faint_bg_color).inner_margin(10).show(ui, |ui| {
        Grid::new("source-details").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
            for (name, value, hint) in [
                ("Title", &mut form.title, "the document's title"),
                ("Publisher", &mut form.publisher, "Cantor Fitzgerald, SEC, Reuters"),
                ("Author", &mut form.author, "optional"),
                ("Published", &mut form.published, "YYYY-MM-DD"),
            ] {
                let label = ui.label(RichText::new(name).small().color(p.muted));
                ui.add(TextEdit::singleline(value).hint_text(hint).desired_width(360.0)).labelled_by(label.id);
                ui.end_row();
            }
            let label = ui.label(RichText::new("Kind").small().color(p.muted));
            ComboBox::from_id_salt("source-details-kind")
                .selected_text(form.kind.label())
                .show_ui(ui, |ui| {
                    for kind in SourceKind::ALL {
                        ui.selectable_value(&mut form.kind, kind, kind.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        });
        let checked = form.check();
        for error in [checked.as_ref().err(), form.error.as_ref()].into_iter().flatten() {
            ui.label(RichText::new(error).small().color(p.error));
        }
        ui.horizontal(|ui| {
            if ui.add_enabled(checked.is_ok(), egui::Button::new("Save details")).clicked()
                && let Ok(details) = checked
            {
                actions.push(Action::EditSource { source, details });
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    close
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_gives_the_details_typed_and_refuses_a_date_that_is_not_one() {
        let source = Source {
            id: 1,
            url: String::new(),
            title: Some("cantor".into()),
            publisher: None,
            author: None,
            published_at: None,
            accessed_at: None,
            kind: SourceKind::default(),
        };
        let mut form = DetailsForm::of(&source);
        form.title = "  Cantor on NVDA after DeepSeek ".into();
        form.publisher = "Cantor Fitzgerald".into();
        form.published = "2025-01-27".into();
        form.kind = SourceKind::BrokerNote;
        let details = form.check().unwrap();
        assert_eq!(details.title.as_deref(), Some("Cantor on NVDA after DeepSeek"));
        assert_eq!(details.published_at.map(|d| d.to_string()).as_deref(), Some("2025-01-27"));
        assert_eq!(details.author, None, "an empty field clears it");
        form.published = "27/01/2025x".into();
        assert!(form.check().unwrap_err().starts_with("Published:"));
    }
}
