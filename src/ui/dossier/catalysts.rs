//! The dossier's catalysts: the dated events the theses on the ticker list, the coming ones
//! first (soonest first), then the past ones (latest first); each opens its thesis.

use chrono::NaiveDate;
use egui::{Grid, RichText, Ui};

use crate::store::TickerCatalyst;
use crate::ui::action::Action;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::{self, Palette};

/// Rows shown of each of the coming and the past catalysts.
const SHOWN: usize = 12;

pub fn catalysts_ui(ui: &mut Ui, catalysts: &[TickerCatalyst], today: NaiveDate, actions: &mut Vec<Action>) {
    let (coming, past): (Vec<&TickerCatalyst>, Vec<&TickerCatalyst>) = catalysts.iter().partition(|c| c.date >= today);
    let p = Palette::of(ui);
    Grid::new("dossier-catalysts").num_columns(3).spacing([12.0, 3.0]).show(ui, |ui| {
        for (i, catalyst) in coming.iter().take(SHOWN).chain(past.iter().rev().take(SHOWN)).enumerate() {
            let upcoming = catalyst.date >= today;
            let colour = if upcoming { p.text } else { p.faint };
            let date = RichText::new(&catalyst.written).monospace().color(if upcoming { p.accent } else { p.faint });
            ui.label(date);
            let event = if catalyst.event.is_empty() { "(no event written)" } else { catalyst.event.as_str() };
            ui.label(RichText::new(shorten(event, 80)).color(colour)).on_hover_text(event);
            let thesis = ui
                .link(RichText::new(shorten(&catalyst.note_title, 40)).small())
                .on_hover_text("Open the thesis")
                .accessible_name(format!("Catalyst {} {}, in {}", catalyst.written, event, catalyst.note_title));
            if thesis.clicked() {
                actions.push(Action::OpenNote(catalyst.note_id));
            }
            ui.end_row();
            if i + 1 == coming.len().min(SHOWN) && !past.is_empty() {
                ui.label(theme::muted("past").color(p.faint));
                ui.end_row();
            }
        }
    });
    let hidden = coming.len().saturating_sub(SHOWN) + past.len().saturating_sub(SHOWN);
    if hidden > 0 {
        ui.label(theme::muted(format!("and {hidden} more in the theses")).color(p.faint));
    }
}
