//! A conflict: the open note was changed elsewhere (the command line, another window) while text
//! typed here was not saved yet. Both versions are shown side by side and nothing is saved until
//! the user chooses; neither side is ever dropped silently.

use egui::{RichText, ScrollArea, Ui};

use crate::ui::action::Action;
use crate::ui::note::actions::NoteAction;
use crate::ui::note::state::{Conflict, NoteEditor};
use crate::ui::widgets::theme::{self, Palette};

/// How much of each side is shown (the full text is kept either way).
const SHOWN_CHARS: usize = 20_000;

pub fn conflict_ui(ui: &mut Ui, editor: &NoteEditor, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let Some(conflict) = &editor.conflict else { return };
    let (headline, theirs_title, theirs_body) = match conflict {
        Conflict::Changed(theirs) => (
            format!(
                "This note was changed elsewhere at {} while you were typing here. Nothing has been overwritten: choose what to keep.",
                theirs.updated_at.as_datetime().format("%Y-%m-%d %H:%M:%S")
            ),
            theirs.title.clone(),
            theirs.body.clone(),
        ),
        Conflict::Deleted => (
            "This note was deleted for good elsewhere while you were typing here. Your text is still here.".to_owned(),
            String::new(),
            String::new(),
        ),
    };
    theme::banner(ui, p.warn, &headline, None, actions);
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new("Keep mine").strong())
            .on_hover_text("Save your text; the other version stays in the history")
            .clicked()
        {
            actions.push(Action::Note(NoteAction::KeepMine));
        }
        let take = if matches!(conflict, Conflict::Deleted) { "Discard mine" } else { "Take theirs" };
        if ui.button(take).on_hover_text("Drop what you typed here").clicked() {
            actions.push(Action::Note(NoteAction::TakeTheirs));
        }
        if ui.button("Keep both").on_hover_text("Take theirs here and save your text as a new note").clicked() {
            actions.push(Action::Note(NoteAction::KeepBoth));
        }
    });
    ui.add_space(6.0);
    let mine_body = editor.body.text();
    ui.columns(2, |columns| {
        side_ui(&mut columns[0], "Your version (not saved)", &editor.title, &mine_body, p.accent);
        if matches!(conflict, Conflict::Deleted) {
            columns[1].label(RichText::new("Their version: deleted").strong().color(p.muted));
        } else {
            side_ui(&mut columns[1], "Their version (saved elsewhere)", &theirs_title, &theirs_body, p.warn);
        }
    });
}

fn side_ui(ui: &mut Ui, heading: &str, title: &str, body: &str, colour: egui::Color32) {
    ui.label(RichText::new(heading).strong().color(colour));
    ui.label(RichText::new(title).size(16.0));
    ScrollArea::vertical().id_salt(heading).auto_shrink(false).show(ui, |ui| {
        let cut = body.char_indices().nth(SHOWN_CHARS).map_or(body, |(b, _)| &body[..b]);
        ui.add(egui::Label::new(RichText::new(cut).monospace()).wrap().selectable(true));
    });
}
