//! The review line under a note's properties, when it has a `review` date: when it is due, and
//! **Reviewed** (the next review after the note's interval) with a menu of other intervals.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::Property;
use crate::session::reviews::{review_date, review_interval};
use crate::ui::action::Action;
use crate::ui::note::actions::NoteAction;
use crate::ui::widgets::theme::{self, Palette};

/// Intervals offered besides the note's own, in days.
const INTERVALS: [(u64, &str); 4] = [(30, "a month"), (90, "three months"), (180, "six months"), (365, "a year")];

/// How far `due` is from `today`, in words.
fn due_in(due: NaiveDate, today: NaiveDate) -> String {
    match (due - today).num_days() {
        0 => "due today".to_owned(),
        1 => "due tomorrow".to_owned(),
        -1 => "due since yesterday".to_owned(),
        n if n > 1 => format!("due in {n} days"),
        n => format!("due {} days ago", -n),
    }
}

/// `today`: the local day, as the worker last read it (no clock or time zone file in a frame).
pub fn review_ui(ui: &mut Ui, rows: &[Property], today: NaiveDate, read_only: bool, actions: &mut Vec<Action>) {
    let Some(due) = review_date(rows) else { return };
    let p = Palette::of(ui);
    let every = review_interval(rows);
    ui.horizontal(|ui| {
        let text = format!("Review {}", due_in(due, today));
        let colour = if due <= today { p.warn } else { p.muted };
        ui.label(RichText::new(text).small().strong().color(colour));
        if read_only {
            return;
        }
        let reviewed = ui
            .small_button(format!("Reviewed (next in {every} days)"))
            .on_hover_text("Sets the next review date; the reviews stay in the note's history");
        if reviewed.clicked() {
            actions.push(Action::Note(NoteAction::MarkReviewed { every }));
        }
        ui.menu_button(theme::muted("other interval"), |ui| {
            for (days, words) in INTERVALS {
                if ui.button(format!("Reviewed, next in {words}")).clicked() {
                    actions.push(Action::Note(NoteAction::MarkReviewed { every: days }));
                    ui.close();
                }
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_read_as_words() {
        let today: NaiveDate = "2025-03-05".parse().unwrap();
        let at = |s: &str| due_in(s.parse().unwrap(), today);
        assert_eq!(at("2025-03-05"), "due today");
        assert_eq!(at("2025-03-06"), "due tomorrow");
        assert_eq!(at("2025-03-15"), "due in 10 days");
        assert_eq!(at("2025-03-04"), "due since yesterday");
        assert_eq!(at("2025-02-03"), "due 30 days ago");
    }
}
