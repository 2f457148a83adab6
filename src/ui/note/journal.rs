//! The Journal tab under the note: a field for a new dated entry, then the entries, newest first,
//! each shown as written (frozen). Revising an entry keeps the earlier versions, listed under it.

use egui::{Frame, RichText, ScrollArea, TextEdit, Ui};

use crate::model::{JournalThread, Timestamp};
use crate::ui::action::Action;
use crate::ui::note::actions::NoteAction;
use crate::ui::note::state::NoteEditor;
use crate::ui::widgets::theme::{self, Palette};

fn when(at: Timestamp) -> String {
    at.as_datetime().format("%Y-%m-%d %H:%M").to_string()
}

pub fn journal_ui(ui: &mut Ui, editor: &mut NoteEditor, read_only: bool, actions: &mut Vec<Action>) {
    if editor.id.is_none() {
        ui.label(theme::muted("Type some text first: the journal belongs to a saved note."));
        return;
    }
    ScrollArea::vertical().id_salt("journal-scroll").auto_shrink([false, false]).show(ui, |ui| {
        if !read_only {
            new_entry_ui(ui, &mut editor.journal.draft, actions);
        }
        if editor.journal.threads.is_empty() {
            ui.label(theme::muted(
                "No entries yet. Write down what you decided and why: it stays as written, so a later \
                 review reads what you thought then.",
            ));
        }
        let journal = &mut editor.journal;
        for (i, thread) in journal.threads.iter().enumerate().rev() {
            ui.push_id(("journal-entry", i), |ui| entry_ui(ui, thread, &mut journal.revising, read_only, actions));
        }
    });
}

fn new_entry_ui(ui: &mut Ui, draft: &mut String, actions: &mut Vec<Action>) {
    let field =
        TextEdit::multiline(draft).desired_rows(2).desired_width(f32::INFINITY).hint_text("What I decided and why…");
    ui.add(field).accessible_name("New journal entry");
    let ready = !draft.trim().is_empty();
    if ui.add_enabled(ready, egui::Button::new("Write entry")).clicked() {
        actions.push(Action::Note(NoteAction::WriteJournal));
    }
    ui.add_space(6.0);
}

fn entry_ui(
    ui: &mut Ui,
    thread: &JournalThread,
    revising: &mut Option<(i64, String)>,
    read_only: bool,
    actions: &mut Vec<Action>,
) {
    let p = Palette::of(ui);
    let (Some(current), Some(first)) = (thread.current(), thread.first_written()) else { return };
    Frame::group(ui.style()).fill(p.raised).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(when(first)).strong().monospace());
            if thread.revised() {
                ui.label(theme::muted(format!("revised {}", when(current.written_at))));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if !read_only && revising.is_none() && ui.small_button("Revise…").clicked() {
                    *revising = Some((current.id, current.text.clone()));
                }
            });
        });
        match revising {
            Some((id, text)) if *id == current.id => {
                let field = TextEdit::multiline(text).desired_rows(3).desired_width(f32::INFINITY);
                ui.add(field).accessible_name("Revised journal entry");
                ui.horizontal(|ui| {
                    if ui.button("Keep revision").clicked() {
                        actions.push(Action::Note(NoteAction::ReviseJournal));
                    }
                    if ui.button("Cancel").clicked() {
                        *revising = None;
                    }
                });
            }
            _ => {
                ui.add(egui::Label::new(&current.text).selectable(true).wrap());
            }
        }
        if thread.revised() {
            let earlier = thread.versions.len() - 1;
            let title =
                if earlier == 1 { "1 earlier version".to_owned() } else { format!("{earlier} earlier versions") };
            egui::CollapsingHeader::new(theme::muted(title)).id_salt("earlier").show(ui, |ui| {
                for version in thread.versions[..earlier].iter().rev() {
                    ui.label(theme::muted(when(version.written_at)).monospace());
                    ui.add(egui::Label::new(RichText::new(&version.text).color(p.muted)).selectable(true).wrap());
                }
            });
        }
    });
    ui.add_space(4.0);
}
