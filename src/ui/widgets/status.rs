//! The top bar (name, database, new note, theme, help) and the status bar (counts, how the open
//! note is saved, the last error).

use std::path::Path;

use egui::{Button, RichText, Ui};

use crate::io::backup::BackupSummary;
use crate::ui::action::Action;
use crate::ui::note::actions::NoteAction;
use crate::ui::note::state::NoteEditor;
use crate::ui::search::results::Results;
use crate::ui::search::sidebar::Sidebar;
use crate::ui::widgets::text::shorten;
use crate::ui::widgets::theme::ThemeChoice;
use crate::ui::widgets::theme::{self, Palette};

pub fn bar_frame(ui: &Ui) -> egui::Frame {
    egui::Frame::new().fill(ui.visuals().faint_bg_color).inner_margin(egui::Margin::symmetric(10, 4))
}

/// The top bar. The database is named by its file name when the user chose it (its full path on
/// hover); the default database goes unnamed.
/// `jobs`: whether an import, export or backup runs, and what the backups folder holds.
pub fn top_ui(
    ui: &mut Ui,
    db: &Path,
    chosen: bool,
    theme_choice: ThemeChoice,
    jobs: (bool, Option<&Result<BackupSummary, String>>, Option<u32>),
    actions: &mut Vec<Action>,
) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        let where_ = format!("Research database: {}", db.display());
        ui.label(RichText::new("Jevons").strong().size(15.0)).on_hover_text(&where_);
        crate::ui::files::view::file_menu_ui(ui, jobs.0, jobs.1, jobs.2, actions);
        let name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if chosen && !name.is_empty() {
            ui.label(RichText::new(shorten(&name, 48)).small().color(p.muted)).on_hover_text(&where_);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add(Button::new("?").frame(false))
                .on_hover_text("Keyboard shortcuts (F1)")
                .accessible_name("Help")
                .clicked()
            {
                actions.push(Action::ToggleHelp);
            }
            let theme = ui
                .add(Button::new(RichText::new(format!("◐ {}", theme_choice.label()))).frame(false))
                .on_hover_text("Switch between the system theme, light and dark");
            if theme.clicked() {
                actions.push(Action::CycleTheme);
            }
            let claimants = ui.button("Claimants").on_hover_text(
                "Who was right: each claimant's calls scored against the prices on file over 30, 90 and 365 days",
            );
            if claimants.clicked() {
                actions.push(Action::Claimants(crate::ui::claimants::state::ClaimantsAction::Open));
            }
            if ui.button("New note").on_hover_text("Ctrl+N").clicked() {
                actions.push(Action::Note(NoteAction::New));
            }
            let thesis = ui.button("New thesis").on_hover_text(
                "A note with a thesis's properties and sections: pillars, kill criteria, dated catalysts, \
                 price target, conviction, position and a review date (on the open dossier's ticker)",
            );
            if thesis.clicked() {
                actions.push(Action::Note(NoteAction::NewThesis));
            }
        });
    });
}

/// How the open note stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    None,
    Saved,
    Pending,
    Failed,
    Conflict,
}

impl SaveState {
    pub fn of(editor: Option<&NoteEditor>) -> Self {
        match editor {
            None => SaveState::None,
            Some(e) if e.conflict.is_some() => SaveState::Conflict,
            Some(e) if e.save_error.is_some() => SaveState::Failed,
            Some(e) if e.dirty => SaveState::Pending,
            Some(e) if e.id.is_some() => SaveState::Saved,
            Some(_) => SaveState::None,
        }
    }
}

pub fn bottom_ui(
    ui: &mut Ui,
    results: &Results,
    sidebar: &Sidebar,
    saving: SaveState,
    error: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let p = Palette::of(ui);
    ui.horizontal(|ui| {
        let notes = theme::count(sidebar.data.notes);
        ui.label(
            theme::muted(format!("{notes} notes · {} in the trash", theme::count(sidebar.data.trashed))).color(p.muted),
        );
        if results.pending {
            ui.add(egui::Spinner::new().size(10.0));
        }
        let (text, colour) = match saving {
            SaveState::None => ("", p.muted),
            SaveState::Saved => ("All changes saved", p.muted),
            SaveState::Pending => ("Saving soon…", p.muted),
            SaveState::Failed => ("Not saved: see the note", p.error),
            SaveState::Conflict => ("Changed elsewhere: choose a version", p.warn),
        };
        if !text.is_empty() {
            ui.separator();
            ui.label(theme::muted(text).color(colour));
        }
        if let Some(error) = error {
            ui.separator();
            ui.label(RichText::new(shorten(error, 140)).small().color(p.error)).on_hover_text(error);
            if ui.small_button("Dismiss").clicked() {
                actions.push(Action::DismissError);
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(theme::muted("F1 shortcuts").color(p.faint));
        });
    });
}
