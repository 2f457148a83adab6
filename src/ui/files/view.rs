//! The File menu (Import…, Export…, Back up now) and its window: where to import from or export
//! to, a progress bar with Cancel while the job runs, and a summary at the end that lists every
//! file skipped and why. The window does not block the app: notes can be read and written while
//! an import runs.

use egui::{Button, ProgressBar, RichText, Ui};

use crate::io::backup::{self, BackupSummary};
use crate::io::{FileNote, Format, ImportReport, Phase};
use crate::session::transfer::{Job, Outcome};
use crate::store::UndoReport;
use crate::ui::action::Action;
use crate::ui::files::state::{Chooser, Direction, Finished, Running, Transfer, TransferAction, TransferForm};
use crate::ui::widgets::theme::{self, Palette};

/// How many skipped files the summary lists (the rest are counted).
const LISTED: usize = 500;

/// The File menu in the top bar, with where backups go and how much room they take.
pub fn file_menu_ui(
    ui: &mut Ui,
    busy: bool,
    backups: Option<&Result<BackupSummary, String>>,
    sync_every: Option<u32>,
    actions: &mut Vec<Action>,
) {
    ui.menu_button("File", |ui| {
        let why = "Wait for the running import, export or backup to finish";
        let item = |ui: &mut Ui, text: &str, hint: &str| {
            ui.add_enabled(!busy, Button::new(text)).on_hover_text(hint).on_disabled_hover_text(why).clicked()
        };
        if item(ui, "Import…", "Markdown files and folders (Obsidian, Joplin), or a Jevons JSON export (Ctrl+Shift+I)")
        {
            actions.push(Action::Transfer(TransferAction::ShowImport));
        }
        if item(ui, "Export…", "All notes as Markdown or JSON, or the claims as CSV (Ctrl+Shift+E)") {
            actions.push(Action::Transfer(TransferAction::ShowExport));
        }
        if item(ui, "Import prices…", "Daily prices from a CSV file (Yahoo Finance, Stooq, B3), to score calls") {
            actions.push(Action::Transfer(TransferAction::ShowPrices));
        }
        if item(ui, "Add document…", "A PDF, a saved web page, Markdown or text, kept as a source and searchable") {
            actions.push(Action::Transfer(TransferAction::ShowAddDocument));
        }
        ui.separator();
        if item(ui, "Back up now", "Copy the database into the backups folder next to it") {
            actions.push(Action::Transfer(TransferAction::BackupNow));
        }
        backups_ui(ui, backups, actions);
        ui.separator();
        if item(ui, "Encrypt this database…", "Encrypt every note, the search index and the log with a passphrase") {
            actions.push(Action::Encryption(crate::ui::files::passphrase::EncryptionAction::ShowEncrypt));
        }
        ui.separator();
        if item(ui, "Sync", "Send the notes changed here to the team's git repository and take in theirs") {
            actions.push(Action::Transfer(TransferAction::SyncNow));
        }
        let every = sync_every.map_or_else(|| "off".to_owned(), |m| format!("every {m} min"));
        ui.menu_button(format!("Sync automatically: {every}"), |ui| {
            for choice in [None, Some(5), Some(15), Some(60)] {
                let label = choice.map_or_else(|| "Off".to_owned(), |m| format!("Every {m} minutes"));
                if ui.radio(sync_every == choice, label).clicked() {
                    actions.push(Action::Transfer(TransferAction::SetAutoSync(choice)));
                }
            }
            ui.label(theme::muted("while the app is open, once a first sync has remembered the repository"));
        });
    });
}

/// Where backups go, the room they take, and the share of the room automatic ones may take.
fn backups_ui(ui: &mut Ui, summary: Option<&Result<BackupSummary, String>>, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let summary = match summary {
        Some(Ok(summary)) => summary,
        Some(Err(why)) => {
            ui.label(RichText::new(format!("The backups folder cannot be measured: {why}")).small().color(p.muted));
            return;
        }
        None => {
            ui.label(RichText::new("Measuring the backups folder…").small().color(p.muted));
            return;
        }
    };
    ui.label(RichText::new(format!("Backups go to {}", summary.folder.display())).small().color(p.muted));
    ui.label(RichText::new(summary.describe()).small().color(p.muted)).on_hover_text(format!(
        "A backup is made each day the app opens: compacted, compressed and checked. The oldest are \
         deleted to stay within the share; none starts without the room it needs. {} free on this disk.",
        backup::budget::human(summary.free_bytes)
    ));
    ui.menu_button(format!("Room for automatic backups: {}%", summary.share_percent), |ui| {
        for share in backup::budget::SHARES {
            let label = format!("{share}% of the room they have");
            if ui.radio(summary.share_percent == share, label).clicked() {
                actions.push(Action::Transfer(TransferAction::SetBackupShare(share)));
            }
        }
    });
}

/// The window for the current transfer, if one is open.
pub fn transfer_ui(ctx: &egui::Context, transfer: &mut Transfer, actions: &mut Vec<Action>) {
    let title = match &*transfer {
        Transfer::Closed => return,
        Transfer::Form(form) => match form.direction {
            Direction::Import => "Import into Jevons",
            Direction::Export(_) => "Export from Jevons",
            Direction::Prices => "Import prices",
            Direction::Sync => "Sync with a team repository",
            Direction::Document => "Add a document",
        },
        Transfer::Running(running) => running.job.doing(),
        Transfer::Finished(finished) => match (&finished.outcome, &finished.job) {
            (Outcome::Failed(_), Job::Import(_)) => "Import failed",
            (Outcome::Failed(_), Job::Export(..)) => "Export failed",
            (Outcome::Failed(_), Job::Backup) => "Backup failed",
            (Outcome::Failed(_), Job::UndoImport(_)) => "Undo failed",
            (Outcome::Failed(_), Job::ImportPrices { .. }) => "Price import failed",
            (_, Job::ImportPrices { .. }) => "Prices imported",
            (Outcome::Failed(_), Job::Sync(_)) => "Sync failed",
            (_, Job::Sync(_)) => "Sync finished",
            (_, Job::UndoImport(_)) => "Import undone",
            (_, Job::Import(_)) => "Import finished",
            (_, Job::Export(..)) => "Export finished",
            (_, Job::Backup) => "Backup finished",
            (Outcome::Failed(_), Job::AddDocuments(_)) => "Document not added",
            (_, Job::AddDocuments(job)) if job.paths.len() > 1 => "Documents added",
            (_, Job::AddDocuments(_)) => "Document added",
        },
    };
    let mut open = true;
    let running = transfer.is_running();
    let window = egui::Window::new(title)
        .id(egui::Id::unique("transfer-window"))
        .collapsible(false)
        .resizable(true)
        .default_width(560.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center());
    // No close button while a job runs: Cancel says what it does.
    let window = if running { window } else { window.open(&mut open) };
    window.show(ctx, |ui| match transfer {
        Transfer::Closed => {}
        Transfer::Form(form) => form_ui(ui, form, actions),
        Transfer::Running(running) => running_ui(ui, running, actions),
        Transfer::Finished(finished) => finished_ui(ui, finished, actions),
    });
    if !open {
        actions.push(Action::Transfer(TransferAction::Close));
    }
}

fn form_ui(ui: &mut Ui, form: &mut TransferForm, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    let (field, verb) = match form.direction {
        Direction::Import => {
            ui.label(
                "Markdown notes: one file, or a folder and everything in it (Obsidian vaults, Joplin \
                 exports, plain folders). Or a Jevons JSON export. Notes imported before are updated, \
                 not duplicated.",
            );
            ("Import from", "Import")
        }
        Direction::Export(format) => {
            ui.label("Everything in the database, written where you say. Nothing existing is overwritten.");
            ui.add_space(4.0);
            for (choice, text) in [
                (Format::Markdown, "Markdown: a folder with one file per note (reads in Obsidian)"),
                (Format::Json, "JSON: the whole database in one file (imports back without loss)"),
                (Format::Csv, "CSV: one row per claim and ticker, with its source (for spreadsheets)"),
            ] {
                if ui.radio(format == choice, text).clicked() && format != choice {
                    actions.push(Action::Transfer(TransferAction::SetExportFormat(choice)));
                }
            }
            ("Export to", "Export")
        }
        Direction::Prices => {
            crate::ui::files::prices::prices_form_ui(ui, form);
            ("Price file", "Import")
        }
        Direction::Sync => {
            ui.label(
                "The team's git repository: a URL (git@github.com:team/research.git, https://…) or the \
                 path of a repository on this machine or a shared folder. This database's notes go \
                 there and the others' come in; it is remembered for the next syncs.",
            );
            ("Team repository", "Sync")
        }
        Direction::Document => {
            crate::ui::files::documents::document_form_ui(ui);
            ("Document", "Add")
        }
    };
    ui.add_space(6.0);
    let label = ui.label(field);
    let edit = egui::TextEdit::singleline(&mut form.path).desired_width(f32::INFINITY).hint_text("a path");
    let response = ui.add(edit).labelled_by(label.id);
    if std::mem::take(&mut form.focus_path) {
        response.request_focus();
    }
    let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        let choosing = form.chooser.is_some();
        let choose = |ui: &mut Ui, text: &str| ui.add_enabled(!choosing, Button::new(text)).clicked();
        match form.direction {
            Direction::Import => {
                if choose(ui, "Choose folder…") {
                    actions.push(Action::Transfer(TransferAction::Choose(Chooser::ImportFolder)));
                }
                if choose(ui, "Choose file…") {
                    actions.push(Action::Transfer(TransferAction::Choose(Chooser::ImportFile)));
                }
            }
            Direction::Prices => {
                if choose(ui, "Choose file…") {
                    actions.push(Action::Transfer(TransferAction::Choose(Chooser::PriceFile)));
                }
            }
            Direction::Sync => {
                if choose(ui, "Choose folder…") {
                    actions.push(Action::Transfer(TransferAction::Choose(Chooser::Repository)));
                }
            }
            Direction::Document => {
                if choose(ui, "Choose file…") {
                    actions.push(Action::Transfer(TransferAction::Choose(Chooser::Document)));
                }
            }
            Direction::Export(Format::Markdown) => {
                if choose(ui, "Choose folder…") {
                    actions.push(Action::Transfer(TransferAction::Choose(Chooser::ExportFolder)));
                }
            }
            Direction::Export(_) => {
                if choose(ui, "Choose file…") {
                    let name = std::path::Path::new(form.path.trim())
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    actions.push(Action::Transfer(TransferAction::Choose(Chooser::ExportFile(name))));
                }
            }
        }
        if choosing {
            ui.label(theme::muted("waiting for the file dialog…"));
        }
    });
    if let Some(problem) = &form.problem {
        ui.label(RichText::new(problem).color(p.error));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.add_enabled(!form.path.trim().is_empty(), Button::new(RichText::new(verb).strong())).clicked()
            || submitted
        {
            actions.push(Action::Transfer(TransferAction::Start));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::Transfer(TransferAction::Close));
        }
    });
}

fn running_ui(ui: &mut Ui, running: &Running, actions: &mut Vec<Action>) {
    ui.label(where_(&running.job));
    ui.add_space(6.0);
    let progress = running.progress;
    let bar = match progress {
        Some(p) if p.total.is_some() => ProgressBar::new(p.fraction()).show_percentage(),
        _ => ProgressBar::new(0.0).animate(true),
    };
    ui.add(bar.desired_width(ui.available_width()));
    let line = match progress {
        _ if matches!(running.job, Job::Backup) => "Copying the database and checking the copy…".to_owned(),
        None => "Starting…".to_owned(),
        Some(p) if p.phase == Phase::Scanning && p.done == 0 => "Looking for files…".to_owned(),
        Some(p) if p.phase == Phase::Scanning => format!("Looking for files: {} found so far", theme::count(p.done)),
        Some(p) => {
            let mut line = match p.total {
                Some(total) => format!("{} of {}", theme::count(p.done), theme::count(total)),
                None => theme::count(p.done),
            };
            if matches!(running.job, Job::AddDocuments(_)) {
                line.push_str(" pages read");
            }
            if matches!(running.job, Job::ImportPrices { .. }) {
                line.push_str(" rows stored (all of them are kept only when the file is read to its end)");
            }
            if matches!(running.job, Job::Import(_)) {
                line.push_str(&format!(
                    " · {} new · {} updated · {} skipped",
                    theme::count(p.imported),
                    theme::count(p.updated),
                    theme::count(p.skipped)
                ));
            }
            line
        }
    };
    ui.label(line);
    ui.label(theme::muted(format!(
        "{} s. You can go on working; notes saved meanwhile are kept.",
        running.started.elapsed().as_secs()
    )));
    ui.add_space(8.0);
    if running.is_cancelling() {
        ui.label(theme::muted("Cancelling after the current batch…"));
    } else if !matches!(running.job, Job::Backup) && ui.button("Cancel").clicked() {
        actions.push(Action::Transfer(TransferAction::Cancel));
    }
}

fn finished_ui(ui: &mut Ui, finished: &Finished, actions: &mut Vec<Action>) {
    let p = Palette::of(ui);
    ui.label(where_(&finished.job));
    ui.add_space(6.0);
    let seconds = match finished.took.as_secs_f64() {
        s if s < 1.0 => "under a second".to_owned(),
        s => format!("{s:.1} s"),
    };
    match &finished.outcome {
        Outcome::Imported(report) => import_summary_ui(ui, report, &seconds),
        Outcome::Undone(report) => undo_summary_ui(ui, report),
        Outcome::PricesImported(done) => crate::ui::files::prices::prices_summary_ui(ui, done, &seconds),
        Outcome::Synced(report) => super::sync::summary_ui(ui, report, &seconds),
        Outcome::DocumentsAdded(results) => {
            crate::ui::files::documents::documents_summary_ui(ui, results, &seconds, actions)
        }
        Outcome::Exported(report) => {
            let what = match finished.job {
                Job::Export(Format::Csv, _) => format!("{} claims", theme::count(report.claims)),
                _ => format!(
                    "{} notes, {} claims and {} sources",
                    theme::count(report.notes),
                    theme::count(report.claims),
                    theme::count(report.sources)
                ),
            };
            if report.cancelled && matches!(finished.job, Job::Export(Format::Markdown, _)) {
                ui.label(format!("Cancelled after {seconds}. The files written until then stay: {what}."));
            } else if report.cancelled {
                ui.label(format!("Cancelled after {seconds}. No file was written."));
            } else {
                ui.label(RichText::new(format!("Exported {what} in {seconds}.")).strong());
            }
        }
        Outcome::BackedUp(made) => {
            ui.label(
                RichText::new(format!("Backed up {} notes to {}", theme::count(made.notes), made.path.display()))
                    .strong(),
            );
        }
        Outcome::Failed(message) => {
            ui.label(RichText::new(message).color(p.error));
            ui.label(theme::muted(after_failure(finished)));
        }
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("Close").clicked() {
            actions.push(Action::Transfer(TransferAction::Close));
        }
        let retry = matches!(finished.outcome, Outcome::Failed(_))
            && matches!(
                finished.job,
                Job::Import(_) | Job::Export(..) | Job::ImportPrices { .. } | Job::Sync(Some(_)) | Job::AddDocuments(_)
            );
        if retry && ui.button("Change and try again").clicked() {
            actions.push(Action::Transfer(TransferAction::Retry));
        }
        if let Outcome::Imported(ImportReport { import_id: Some(id), .. }) = finished.outcome
            && ui
                .button("Undo this import")
                .on_hover_text(
                    "Remove the notes it added and bring back the versions it replaced; notes changed since are kept",
                )
                .clicked()
        {
            actions.push(Action::Transfer(TransferAction::UndoImport(id)));
        }
    });
}

fn import_summary_ui(ui: &mut Ui, report: &ImportReport, seconds: &str) {
    let headline = if report.cancelled {
        format!("Cancelled after {seconds}. What was imported until then stays.")
    } else {
        format!("Imported in {seconds}.")
    };
    ui.label(RichText::new(headline).strong());
    let mut counts = vec![
        format!("{} new", theme::count(report.imported)),
        format!("{} updated", theme::count(report.updated)),
        format!("{} unchanged", theme::count(report.unchanged)),
    ];
    if report.kept_newer > 0 {
        counts.push(format!("{} kept (newer here)", theme::count(report.kept_newer)));
    }
    if report.conflicts > 0 {
        counts.push(format!(
            "{} changed on both sides (both kept, see the note's history)",
            theme::count(report.conflicts)
        ));
    }
    counts.push(format!("{} skipped", theme::count(report.skipped.len() as u64)));
    if report.attachments > 0 {
        counts.push(format!("{} attached files (images, PDFs)", theme::count(report.attachments)));
    }
    if report.ignored > 0 {
        counts.push(format!("{} not Markdown, left alone", theme::count(report.ignored)));
    }
    ui.label(counts.join(" · "));
    if !report.skipped.is_empty() {
        ui.add_space(6.0);
        theme::section(ui, "Skipped, and why");
        notes_list_ui(ui, "skipped", &report.skipped);
    }
    if !report.warnings.is_empty() {
        ui.add_space(6.0);
        egui::CollapsingHeader::new(format!("Imported with a remark ({})", theme::count(report.warnings.len() as u64)))
            .id_salt("warnings")
            .show(ui, |ui| notes_list_ui(ui, "warnings", &report.warnings));
    }
}

fn undo_summary_ui(ui: &mut Ui, report: &UndoReport) {
    ui.label(RichText::new(format!("Import {} was undone.", report.import_id)).strong());
    ui.label(format!(
        "{} new notes removed · {} changed notes brought back · {} conflict versions dropped",
        theme::count(report.removed),
        theme::count(report.reverted),
        theme::count(report.conflicts_dropped)
    ));
    if !report.kept.is_empty() {
        ui.add_space(6.0);
        theme::section(ui, "Changed after the import, so kept as they are");
        egui::ScrollArea::vertical().id_salt("undo-kept").max_height(220.0).auto_shrink([false, true]).show(ui, |ui| {
            for kept in report.kept.iter().take(LISTED) {
                ui.label(theme::muted(kept));
            }
        });
    }
}

fn notes_list_ui(ui: &mut Ui, salt: &str, notes: &[FileNote]) {
    egui::ScrollArea::vertical().id_salt(salt).max_height(220.0).auto_shrink([false, true]).show(ui, |ui| {
        for note in notes.iter().take(LISTED) {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(note.path.display().to_string()).monospace());
                ui.label(theme::muted(&note.reason));
            });
        }
        if notes.len() > LISTED {
            ui.label(theme::muted(format!("and {} more", theme::count((notes.len() - LISTED) as u64))));
        }
    });
}

/// What a failed job left: an import keeps the batches stored before the error.
fn after_failure(finished: &Finished) -> String {
    match (&finished.job, finished.last) {
        (Job::Import(_), Some(p)) if p.imported + p.updated > 0 => format!(
            "{} new and {} updated notes were stored before the error; importing again finishes the rest \
             (nothing is duplicated).",
            theme::count(p.imported),
            theme::count(p.updated)
        ),
        (Job::Import(_), _) => "Nothing was imported.".to_owned(),
        _ => "Nothing in the database changed.".to_owned(),
    }
}

/// "From /path" or "To /path", for the top of the window.
fn where_(job: &Job) -> String {
    match job {
        Job::Import(path) => format!("From {}", path.display()),
        Job::Export(_, path) => format!("To {}", path.display()),
        Job::Backup => "Into the backups folder next to the database".to_owned(),
        Job::UndoImport(id) => format!("Import {id}"),
        Job::ImportPrices { path, .. } => format!("From {}", path.display()),
        Job::Sync(Some(remote)) => format!("With {remote}"),
        Job::Sync(None) => "With the team's git repository".to_owned(),
        Job::AddDocuments(job) => {
            let from = match job.paths.as_slice() {
                [one] => one.display().to_string(),
                many => format!("{} files", many.len()),
            };
            match job.note {
                Some(_) => format!("From {from}, for the open note"),
                None => format!("From {from}"),
            }
        }
    }
}
