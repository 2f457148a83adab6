//! Import, export and backups started from the File menu. A job ([`crate::session::transfer`])
//! runs on its own thread with its own connection to the database (the app's connection keeps
//! saving what is typed), reports its progress over a channel, and stops at the next batch when
//! cancelled. This module holds the
//! state the File menu's window draws from; `ui::files::view` draws it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::io::{Format, Progress};
use crate::session::transfer::{self, Job, Outcome};
use crate::store::WriteTurns;

/// What the File menu and its window ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum TransferAction {
    ShowImport,
    ShowExport,
    /// The form for File → Import prices….
    ShowPrices,
    /// The form for File → Add document….
    ShowAddDocument,
    /// Sync every so many minutes while the app is open (none: only when asked).
    SetAutoSync(Option<u32>),
    BackupNow,
    /// Sync with the team's git repository.
    SyncNow,
    /// Let automatic backups take this share (percent) of the room they have.
    SetBackupShare(u8),
    SetExportFormat(Format),
    /// Open the system's file dialog to fill in the path.
    Choose(Chooser),
    Start,
    /// Stop the running job after its current batch.
    Cancel,
    Close,
    /// Back to the form of a job that failed, to change the path.
    Retry,
    /// Undo import ID (from the import's summary).
    UndoImport(i64),
}

/// What the File menu's window is doing.
#[derive(Default)]
pub enum Transfer {
    #[default]
    Closed,
    /// Asking where to import from or export to.
    Form(TransferForm),
    Running(Running),
    Finished(Finished),
}

/// Import or export, before it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Import,
    Export(Format),
    /// Daily prices from a CSV file.
    Prices,
    /// A sync with a team repository not remembered yet.
    Sync,
    /// A document to keep as a source.
    Document,
}

/// The window that asks for a path (typed, or chosen with the system's file dialog).
pub struct TransferForm {
    pub direction: Direction,
    pub path: String,
    /// Why the last attempt to start did not (an empty path).
    pub problem: Option<String>,
    /// A system file dialog is open; its answer arrives here.
    pub chooser: Option<Receiver<Chosen>>,
    /// Put the cursor in the path field on the next frame (the form just opened).
    pub focus_path: bool,
    /// The ticker of a price file (blank: its ticker column, or its name).
    pub ticker: String,
}

impl TransferForm {
    pub fn new(direction: Direction, path: String) -> Self {
        Self { direction, path, problem: None, chooser: None, focus_path: true, ticker: String::new() }
    }

    /// Takes the file dialog's answer, if it came (a cancelled dialog changes nothing).
    fn poll_chooser(&mut self) {
        let Some(rx) = &self.chooser else { return };
        match rx.try_recv() {
            Ok(chosen) => {
                match chosen.path {
                    Some(path) => {
                        self.path = path.display().to_string();
                        self.problem = None;
                    }
                    // Nobody closes a file dialog that fast: none could be shown.
                    None if chosen.after < NO_DIALOG_WITHIN => self.problem = Some(NO_DIALOG.to_owned()),
                    None => {}
                }
                self.chooser = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.chooser = None,
        }
    }
}

/// A file dialog that answers "nothing chosen" sooner than this could not be shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);
const NO_DIALOG: &str =
    "No file dialog could be shown (on Linux it needs xdg-desktop-portal or zenity): type the path.";

/// What the system's file dialog answered, and after how long.
pub struct Chosen {
    pub path: Option<PathBuf>,
    pub after: Duration,
}

/// A job on its thread.
pub struct Running {
    pub job: Job,
    pub progress: Option<Progress>,
    pub started: Instant,
    cancel: Arc<AtomicBool>,
    events: Receiver<Event>,
}

impl Running {
    /// Asks the job to stop after the batch it is storing.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

pub struct Finished {
    pub job: Job,
    pub outcome: Outcome,
    pub took: Duration,
    /// The last progress reported (what a failed import had stored before the error).
    pub last: Option<Progress>,
}

enum Event {
    Progress(Progress),
    Done(Outcome),
}

impl Transfer {
    pub fn is_running(&self) -> bool {
        matches!(self, Transfer::Running(_))
    }

    /// Starts `job` on a new thread over the database at `db`. Its writes give way to those of
    /// the app's store on `turns`.
    pub fn start(job: Job, db: PathBuf, turns: WriteTurns, ctx: egui::Context) -> Self {
        let (tx, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let thread_job = job.clone();
        let spawned = std::thread::Builder::new().name("jevons-transfer".to_owned()).spawn(move || {
            let mut report = |p: Progress| {
                let _ = tx.send(Event::Progress(p));
                ctx.request_repaint();
            };
            let outcome = transfer::run(&thread_job, &db, &turns, &flag, &mut report);
            let _ = tx.send(Event::Done(outcome));
            ctx.request_repaint();
        });
        let started = Instant::now();
        match spawned {
            Ok(_) => Transfer::Running(Running { job, progress: None, started, cancel, events }),
            Err(err) => Transfer::Finished(Finished {
                job,
                outcome: Outcome::Failed(format!("cannot start a worker thread: {err}")),
                took: Duration::ZERO,
                last: None,
            }),
        }
    }

    /// Takes what the job and the file dialog reported since the last frame. Returns the
    /// finished job's outcome once, when it ends (so the app can refresh what it shows).
    pub fn poll(&mut self) -> Option<&Finished> {
        match self {
            Transfer::Form(form) => {
                form.poll_chooser();
                None
            }
            Transfer::Running(running) => {
                let outcome = loop {
                    match running.events.try_recv() {
                        Ok(Event::Progress(p)) => running.progress = Some(p),
                        Ok(Event::Done(outcome)) => break outcome,
                        Err(TryRecvError::Empty) => return None,
                        // The thread ended without its last word: it panicked.
                        Err(TryRecvError::Disconnected) => {
                            break Outcome::Failed("the job stopped without saying why".to_owned());
                        }
                    }
                };
                let job = running.job.clone();
                let took = running.started.elapsed();
                let last = running.progress;
                *self = Transfer::Finished(Finished { job, outcome, took, last });
                match self {
                    Transfer::Finished(finished) => Some(finished),
                    _ => None,
                }
            }
            Transfer::Closed | Transfer::Finished(_) => None,
        }
    }
}

/// Opens the system's file dialog on its own thread (the window keeps drawing); its answer
/// arrives through the returned channel.
pub fn choose(chooser: Chooser, start_in: Option<PathBuf>, ctx: egui::Context) -> Receiver<Chosen> {
    let (tx, rx) = channel();
    // Should the thread not start, the sender goes with it: the form sees a closed channel and
    // forgets the dialog.
    let _ = std::thread::Builder::new().name("jevons-file-dialog".to_owned()).spawn(move || {
        let started = Instant::now();
        let mut dialog = rfd::FileDialog::new();
        if let Some(folder) = start_in.filter(|f| f.is_dir()) {
            dialog = dialog.set_directory(folder);
        }
        let picked = match chooser {
            Chooser::ImportFolder => dialog.set_title("Import a folder of Markdown notes").pick_folder(),
            Chooser::ImportFile => dialog
                .set_title("Import a Markdown file or a Jevons JSON export")
                .add_filter("Markdown or JSON", &["md", "markdown", "txt", "json"])
                .pick_file(),
            Chooser::ExportFolder => dialog.set_title("Export as Markdown into a folder").pick_folder(),
            Chooser::Repository => dialog.set_title("Choose the team's git repository").pick_folder(),
            Chooser::PriceFile => dialog
                .set_title("Import daily prices from a CSV file")
                .add_filter("CSV", &["csv", "txt", "tsv"])
                .pick_file(),
            Chooser::Document => dialog
                .set_title("Add a document as a source")
                .add_filter("Documents", &["pdf", "html", "htm", "md", "markdown", "txt"])
                .pick_file(),
            Chooser::ExportFile(name) => dialog.set_title("Export to a file").set_file_name(name).save_file(),
        };
        let _ = tx.send(Chosen { path: picked, after: started.elapsed() });
        ctx.request_repaint();
    });
    rx
}

/// Which system file dialog to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chooser {
    ImportFolder,
    ImportFile,
    ExportFolder,
    /// Save as, with this file name offered.
    ExportFile(String),
    /// A price file (CSV).
    PriceFile,
    /// A team repository on this machine or a shared folder.
    Repository,
    /// A document: PDF, HTML, Markdown or text.
    Document,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteDraft;
    use crate::store::Store;

    fn finish(transfer: &mut Transfer) -> &Finished {
        let deadline = Instant::now() + Duration::from_secs(60);
        while transfer.poll().is_none() {
            assert!(Instant::now() < deadline, "the job did not finish");
            std::thread::sleep(Duration::from_millis(5));
        }
        match transfer {
            Transfer::Finished(finished) => finished,
            _ => unreachable!("poll returned a finished job"),
        }
    }

    #[test]
    fn a_job_runs_on_its_thread_and_its_end_arrives_once() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        Store::open(&db).unwrap().create_note(&NoteDraft::new("R1", "US$6M")).unwrap();
        let out = dir.path().join("out.json");
        let job = Job::Export(Format::Json, out.clone());
        let mut transfer = Transfer::start(job, db, WriteTurns::default(), egui::Context::default());
        let finished = finish(&mut transfer);
        match &finished.outcome {
            Outcome::Exported(report) => assert_eq!(report.notes, 1, "{report:?}"),
            other => panic!("{other:?}"),
        }
        assert!(out.is_file());
        assert!(transfer.poll().is_none(), "the end is reported once");
    }

    #[test]
    fn a_file_dialog_that_could_not_be_shown_says_so() {
        let mut form = TransferForm::new(Direction::Import, "~/notes".into());
        for (chosen, problem, path) in [
            (Chosen { path: None, after: Duration::from_millis(5) }, Some(NO_DIALOG), "~/notes"),
            (Chosen { path: None, after: Duration::from_secs(4) }, None, "~/notes"),
            (Chosen { path: Some("/home/r/vault".into()), after: Duration::from_secs(4) }, None, "/home/r/vault"),
        ] {
            form.problem = None;
            let (tx, rx) = channel();
            tx.send(chosen).unwrap();
            form.chooser = Some(rx);
            form.poll_chooser();
            assert!(form.chooser.is_none());
            assert_eq!((form.problem.as_deref(), form.path.as_str()), (problem, path));
        }
    }
}
