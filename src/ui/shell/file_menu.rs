//! The app's side of the File menu: opening the import and export forms, starting, cancelling
//! and closing jobs, the daily automatic backup and the backups' budget, and refreshing what is shown once an import
//! has changed the database.

use std::path::{Path, PathBuf};

use super::JevonsApp;
use crate::io::Format;
use crate::session::transfer::{self as jobs, Job, Outcome};
use crate::ui::files::backups::Daily;
use crate::ui::files::state::{self as transfer, Chooser, Direction, Finished, Transfer, TransferAction, TransferForm};
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::Request;

impl JevonsApp {
    pub(super) fn apply_transfer(&mut self, action: TransferAction) {
        match action {
            TransferAction::ShowImport if !self.transfer.is_running() => {
                let path = self.settings.last_import.clone().unwrap_or_default();
                self.transfer = Transfer::Form(TransferForm::new(Direction::Import, path));
            }
            TransferAction::ShowExport if !self.transfer.is_running() => {
                let path = jobs::free_export_path(&self.export_folder(), Format::Markdown, today());
                self.transfer =
                    Transfer::Form(TransferForm::new(Direction::Export(Format::Markdown), path.display().to_string()));
            }
            TransferAction::ShowPrices if !self.transfer.is_running() => {
                let mut form =
                    TransferForm::new(Direction::Prices, self.settings.last_prices.clone().unwrap_or_default());
                if let super::Pane::Dossier(view) = &self.pane {
                    form.ticker = view.symbol.to_string();
                }
                self.transfer = Transfer::Form(form);
            }
            TransferAction::ShowAddDocument if !self.transfer.is_running() => {
                self.transfer = Transfer::Form(TransferForm::new(Direction::Document, String::new()));
            }
            TransferAction::BackupNow if !self.transfer.is_running() => self.start_job(Job::Backup),
            // Before any sync, the window asks for the team's repository; later syncs use it.
            TransferAction::SyncNow if !self.transfer.is_running() && self.sync_status.last.is_none() => {
                self.transfer = Transfer::Form(TransferForm::new(Direction::Sync, String::new()));
            }
            TransferAction::SyncNow if !self.transfer.is_running() => self.start_job(Job::Sync(None)),
            TransferAction::SetAutoSync(every) => {
                self.settings.sync_every_minutes = every;
                self.next_auto_sync = 0.0;
            }
            TransferAction::SetBackupShare(share) => self.backups.measure(&self.config.db, Some(share), &self.ctx),
            TransferAction::ShowImport
            | TransferAction::ShowExport
            | TransferAction::ShowPrices
            | TransferAction::ShowAddDocument
            | TransferAction::BackupNow
            | TransferAction::SyncNow => {
                self.toasts.push(Toast::info("Wait for the running job to finish (or cancel it) first."));
            }
            TransferAction::SetExportFormat(format) => {
                let folder = self.export_folder();
                if let Transfer::Form(form) = &mut self.transfer
                    && let Direction::Export(from) = form.direction
                {
                    form.path = jobs::retarget(&form.path, from, format, &folder, today());
                    form.direction = Direction::Export(format);
                }
            }
            TransferAction::Choose(chooser) => {
                let start_in = self.chooser_folder(&chooser);
                if let Transfer::Form(form) = &mut self.transfer {
                    form.chooser = Some(transfer::choose(chooser, start_in, self.ctx.clone()));
                }
            }
            TransferAction::Start => self.start_from_form(),
            TransferAction::UndoImport(id) if !self.transfer.is_running() => self.start_job(Job::UndoImport(id)),
            TransferAction::UndoImport(_) => {}
            TransferAction::Cancel => {
                if let Transfer::Running(running) = &self.transfer {
                    running.cancel();
                }
            }
            TransferAction::Close => {
                if !self.transfer.is_running() {
                    self.transfer = Transfer::Closed;
                }
            }
            TransferAction::Retry => {
                if let Transfer::Finished(finished) = &self.transfer {
                    let form = match &finished.job {
                        Job::Import(path) => TransferForm::new(Direction::Import, path.display().to_string()),
                        Job::Export(format, path) => {
                            TransferForm::new(Direction::Export(*format), path.display().to_string())
                        }
                        Job::ImportPrices { path, ticker } => {
                            let mut form = TransferForm::new(Direction::Prices, path.display().to_string());
                            form.ticker = ticker.as_ref().map(|t| t.to_string()).unwrap_or_default();
                            form
                        }
                        Job::Sync(Some(remote)) => TransferForm::new(Direction::Sync, remote.clone()),
                        Job::AddDocuments(job) => TransferForm::new(
                            Direction::Document,
                            job.paths.first().map(|p| p.display().to_string()).unwrap_or_default(),
                        ),
                        Job::Backup | Job::UndoImport(_) | Job::Sync(None) => return,
                    };
                    self.transfer = Transfer::Form(form);
                }
            }
        }
    }

    fn start_from_form(&mut self) {
        let Transfer::Form(form) = &mut self.transfer else { return };
        let typed = form.path.trim();
        if typed.is_empty() {
            form.problem = Some("Type a path or choose one.".to_owned());
            return;
        }
        let path = expand_home(typed);
        let job = match form.direction {
            Direction::Import => {
                self.settings.last_import = Some(path.display().to_string());
                Job::Import(path)
            }
            Direction::Export(format) => Job::Export(format, path),
            Direction::Prices => {
                let ticker = match form.ticker.trim() {
                    "" => None,
                    typed => match crate::model::Symbol::parse(typed) {
                        Ok(symbol) => Some(symbol),
                        Err(err) => {
                            form.problem = Some(format!("Ticker: {err}"));
                            return;
                        }
                    },
                };
                self.settings.last_prices = Some(path.display().to_string());
                Job::ImportPrices { path, ticker }
            }
            // A URL is kept as typed; `~/team.git` is a path in the home folder.
            Direction::Sync if typed.starts_with("~/") => Job::Sync(Some(path.display().to_string())),
            Direction::Sync => Job::Sync(Some(typed.to_owned())),
            Direction::Document => Job::AddDocuments(jobs::DocumentsJob::file(path)),
        };
        self.start_job(job);
    }

    pub(super) fn start_job(&mut self, job: Job) {
        // What is typed goes in first, so the export or backup has it.
        self.save_editor(false);
        self.warn_plain_files(&job);
        self.transfer = Transfer::start(job, self.config.db.clone(), self.turns.clone(), self.ctx.clone());
    }

    /// Called every frame: takes the job's progress and, when it ends, refreshes what an import
    /// changed and what a backup or a failure should say.
    pub(super) fn poll_transfer(&mut self) {
        let Some(finished) = self.transfer.poll() else { return };
        // Any import may have stored something (a failed one, the batches before the error; a
        // JSON one, claims and names without new notes): show the database as it is now.
        let imported = finished.job.changes_notes();
        let backed_up = matches!(finished.outcome, Outcome::BackedUp(_));
        let priced = matches!(finished.outcome, Outcome::PricesImported(_));
        let backup_toast = backup_toast(finished);
        let auto = std::mem::take(&mut self.auto_sync_running);
        let quiet_sync = auto && matches!(finished.outcome, Outcome::Synced(_));
        if let Outcome::Synced(report) = &finished.outcome {
            self.sync_status.finished(report);
        }
        if imported {
            self.refresh(true, None);
            self.worker.send(Request::TidyIndex);
            self.worker.send(Request::ForgetLexicon);
            if let Some(id) = self.open_note() {
                self.worker.send(Request::Version { note: id });
            }
        }
        if backed_up {
            self.backups.measure(&self.config.db, None, &self.ctx);
        }
        if priced && let super::Pane::Dossier(view) = &self.pane {
            // The chart and the calls' outcomes read the new prices.
            self.worker.send(Request::Dossier { symbol: view.symbol.clone(), limits: view.limits });
        }
        if quiet_sync {
            // An automatic sync that worked says so in the status bar only; one that failed
            // keeps its window open.
            self.transfer = Transfer::Closed;
        }
        if let Some(toast) = backup_toast {
            // A backup that worked needs no window: say where it went and close.
            self.toasts.push(toast);
            self.transfer = Transfer::Closed;
        }
    }

    /// Starts the automatic sync when it is due: every N minutes while the app is open, once a
    /// sync has remembered the repository, when no other job runs.
    pub(super) fn auto_sync(&mut self, now: f64) {
        let Some(minutes) = self.settings.sync_every_minutes else { return };
        if self.sync_status.last.is_none() || !self.is_ready() {
            return;
        }
        let every = f64::from(minutes) * 60.0;
        if self.next_auto_sync == 0.0 {
            self.next_auto_sync = now + every;
        }
        if now >= self.next_auto_sync && matches!(self.transfer, Transfer::Closed) {
            self.next_auto_sync = now + every;
            self.auto_sync_running = true;
            self.start_job(Job::Sync(None));
        }
        self.ctx.request_repaint_after(std::time::Duration::from_secs_f64((self.next_auto_sync - now).max(1.0)));
    }

    /// Takes the backups' answers: the daily backup is silent when it worked (the File menu then
    /// shows the room backups take), a toast when it failed.
    pub(super) fn poll_auto_backup(&mut self) {
        match self.backups.poll() {
            Some(Daily::Made(_)) => self.backups.measure(&self.config.db, None, &self.ctx),
            Some(Daily::Failed(message)) => {
                self.toasts.push(Toast::info(format!("The daily backup failed: {message}")));
            }
            None => {}
        }
    }

    /// Where exports go unless the user says otherwise: Documents, else home, else next to the
    /// database.
    fn export_folder(&self) -> PathBuf {
        directories::UserDirs::new()
            .map(|dirs| dirs.document_dir().unwrap_or(dirs.home_dir()).to_owned())
            .or_else(|| self.config.db.parent().map(Path::to_owned))
            .unwrap_or_default()
    }

    /// Where a file dialog opens: the folder of the path in the form, else the export folder.
    fn chooser_folder(&self, chooser: &Chooser) -> Option<PathBuf> {
        let Transfer::Form(form) = &self.transfer else { return None };
        let typed = expand_home(form.path.trim());
        let folder = match chooser {
            Chooser::ImportFolder | Chooser::Repository => Some(typed),
            _ => typed.parent().map(Path::to_owned),
        };
        folder.filter(|f| !f.as_os_str().is_empty()).or_else(|| Some(self.export_folder()))
    }
}

fn backup_toast(finished: &Finished) -> Option<Toast> {
    match &finished.outcome {
        Outcome::BackedUp(made) => Some(Toast::info(format!(
            "Backed up {} notes to {}",
            crate::ui::widgets::theme::count(made.notes),
            made.path.display()
        ))),
        _ => None,
    }
}

/// `~/notes` → the home folder's `notes` (what a user types expects).
fn expand_home(typed: &str) -> PathBuf {
    match typed.strip_prefix("~/") {
        Some(rest) => match directories::UserDirs::new() {
            Some(dirs) => dirs.home_dir().join(rest),
            None => PathBuf::from(typed),
        },
        None => PathBuf::from(typed),
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
