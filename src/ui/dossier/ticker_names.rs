//! In a ticker's dossier: the names the user taught Jevons for it ("Team Green" for NVDA), with
//! a field to add one, and the phrases the user said are not this ticker, each with a button
//! to read it as the ticker again. Changes are actions; the app stores them and reads the open
//! note again.

use egui::{Button, RichText, Ui};

use crate::model::Symbol;
use crate::session::names::NameChange;
use crate::ui::action::Action;
use crate::ui::dossier::state::DossierData;
use crate::ui::widgets::theme::{self, Palette};

pub fn names_ui(ui: &mut Ui, symbol: &Symbol, d: &DossierData, input: &mut String, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.horizontal_wrapped(|ui| {
        ui.label(theme::muted("Also called").color(p.muted))
            .on_hover_text(format!("Names your notes use for {symbol}; the text is read with them"));
        for alias in &d.aliases {
            let forget = format!("Forget the name {alias}");
            if ui
                .add(Button::new(format!("{alias}  ×")).small())
                .on_hover_text(&forget)
                .accessible_name(&forget)
                .clicked()
            {
                actions.push(Action::Names(NameChange::RemoveAlias { alias: alias.clone(), symbol: symbol.clone() }));
            }
        }
        let label = format!("New name for {symbol}");
        let response =
            ui.add(egui::TextEdit::singleline(input).desired_width(150.0).hint_text("a name your notes use"));
        let response = response.accessible_name(&label);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.add_enabled(!input.trim().is_empty(), Button::new("Add name").small());
        if (add.clicked() || entered) && !input.trim().is_empty() {
            actions
                .push(Action::Names(NameChange::AddAlias { alias: input.trim().to_owned(), symbol: symbol.clone() }));
        }
    });
    if !d.suppressed.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(theme::muted(format!("Not read as {symbol}:")).color(p.muted));
            for phrase in &d.suppressed {
                ui.label(RichText::new(format!("“{phrase}”")).small());
                let again = format!("Read “{phrase}” as {symbol} again");
                if ui.small_button("Read again").on_hover_text(&again).accessible_name(&again).clicked() {
                    actions
                        .push(Action::Names(NameChange::Unsuppress { phrase: phrase.clone(), symbol: symbol.clone() }));
                }
            }
        });
    }
}
