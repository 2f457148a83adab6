//! The File menu's jobs without the window: what a job is (import, export, backup, undoing an
//! import, importing prices, a team sync), running one over its own connection with progress and
//! cancel, how it ended, and the names proposed for an export. The window runs a job on a thread and shows its progress
//! (`ui::files`); nothing here draws.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::io::backup::{self, BackupMade};
use crate::io::sync::{self, SyncError, SyncReport};
use crate::io::{self, ExportReport, Format, ImportOptions, ImportReport, Phase, Progress, Watch};
use crate::model::{NoteId, SourceUrl, Symbol};
use crate::session::documents::{self, AddFile, FileAdded};
use crate::session::prices::{self, PricesImported};
use crate::store::{Store, UndoReport, WriteTurns};

/// Notes stored per transaction by an import started in the app: small enough that a save of
/// the note being typed never waits long for the import's write lock.
pub const APP_IMPORT_BATCH: usize = 500;

/// What a sync says before the first one named the team's repository.
pub const NO_REMOTE: &str = "No team repository yet: File → Sync asks for one (a git URL or the path \
     of a repository), as does `jevons sync REMOTE` in a terminal.";

/// What the job is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    Import(PathBuf),
    Export(Format, PathBuf),
    Backup,
    /// Undo import ID.
    UndoImport(i64),
    /// Daily prices from a CSV file, for the ticker given (else the file's column or name).
    ImportPrices {
        path: PathBuf,
        ticker: Option<Symbol>,
    },
    /// Sync with the team's git repository: this one (a git URL or path, remembered once a sync
    /// reached it), or the one the last sync remembered.
    Sync(Option<String>),
    /// Documents (PDFs, saved pages, Markdown or text) stored as sources, their text read page
    /// by page: one from File → Add document…, or the files dropped on the window.
    AddDocuments(DocumentsJob),
}

/// Files to store as documents, and where they go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentsJob {
    pub paths: Vec<PathBuf>,
    /// The address of the source a single file is for (it was dropped on that source); each file
    /// is a source of its own otherwise.
    pub url: Option<SourceUrl>,
    /// The note each file's source is linked to (they were dropped on it).
    pub note: Option<NoteId>,
}

impl DocumentsJob {
    /// One file, a source of its own.
    pub fn file(path: PathBuf) -> Self {
        Self { paths: vec![path], ..Self::default() }
    }
}

/// What adding one of several files did.
#[derive(Debug)]
pub struct DocumentResult {
    pub path: PathBuf,
    pub result: Result<FileAdded, String>,
}

impl Job {
    /// Whether the job may change the notes (an import, or undoing one, even one that failed
    /// part way): what is shown is read again when it ends.
    pub fn changes_notes(&self) -> bool {
        matches!(self, Job::Import(_) | Job::UndoImport(_) | Job::Sync(_))
            || matches!(self, Job::AddDocuments(job) if job.note.is_some())
    }

    /// "An import", "An export" or "A backup".
    pub fn noun(&self) -> &'static str {
        match self {
            Job::Import(_) => "An import",
            Job::Export(..) => "An export",
            Job::Backup => "A backup",
            Job::UndoImport(_) => "An undo",
            Job::ImportPrices { .. } => "A price import",
            Job::Sync(_) => "A sync",
            Job::AddDocuments(job) if job.paths.len() > 1 => "Adding documents",
            Job::AddDocuments(_) => "Adding a document",
        }
    }

    /// "Importing", "Exporting" or "Backing up", for the window title and the progress line.
    pub fn doing(&self) -> &'static str {
        match self {
            Job::Import(_) => "Importing",
            Job::Export(..) => "Exporting",
            Job::Backup => "Backing up",
            Job::UndoImport(_) => "Undoing the import",
            Job::ImportPrices { .. } => "Importing prices",
            Job::Sync(_) => "Syncing",
            Job::AddDocuments(job) if job.paths.len() > 1 => "Adding documents",
            Job::AddDocuments(_) => "Adding a document",
        }
    }
}

/// How a job ended.
#[derive(Debug)]
pub enum Outcome {
    Imported(ImportReport),
    Exported(ExportReport),
    BackedUp(BackupMade),
    Undone(UndoReport),
    PricesImported(PricesImported),
    Synced(SyncReport),
    /// The files of [`Job::AddDocuments`], each added or refused (one file refused is
    /// [`Outcome::Failed`]).
    DocumentsAdded(Vec<DocumentResult>),
    Failed(String),
}

/// Runs `job` over the database at `db` with a connection of its own, reporting progress to
/// `report` and stopping at the next batch once `cancel` is set. Its writes give way to those
/// made on `turns` (the app's saves go first).
pub fn run(job: &Job, db: &Path, turns: &WriteTurns, cancel: &AtomicBool, report: &mut dyn FnMut(Progress)) -> Outcome {
    match job {
        Job::Import(path) => match Store::open(db) {
            Ok(mut store) => {
                store.give_way(turns);
                let options = ImportOptions { batch_size: APP_IMPORT_BATCH, ..ImportOptions::default() };
                match io::import_path(&mut store, path, &options, report, cancel) {
                    Ok(done) => Outcome::Imported(done),
                    Err(err) => Outcome::Failed(err.to_string()),
                }
            }
            Err(err) => Outcome::Failed(err.to_string()),
        },
        Job::Export(format, path) => match Store::open(db) {
            Ok(store) => match io::export(&store, *format, path, report, cancel) {
                Ok(done) => Outcome::Exported(done),
                Err(err) => Outcome::Failed(err.to_string()),
            },
            Err(err) => Outcome::Failed(err.to_string()),
        },
        Job::UndoImport(id) => match Store::open(db) {
            Ok(mut store) => {
                store.give_way(turns);
                match store.undo_import(Some(*id)) {
                    Ok(done) => Outcome::Undone(done),
                    Err(err) => Outcome::Failed(err.to_string()),
                }
            }
            Err(err) => Outcome::Failed(err.to_string()),
        },
        Job::ImportPrices { path, ticker } => match Store::open(db) {
            Ok(mut store) => {
                store.give_way(turns);
                let mut keep_going = |done: u64| {
                    report(Progress::new(Phase::Importing, done, None));
                    !cancel.load(std::sync::atomic::Ordering::Relaxed)
                };
                match prices::import_prices(&mut store, path, ticker.as_ref(), &mut keep_going) {
                    Ok(done) => Outcome::PricesImported(done),
                    Err(err) => Outcome::Failed(err.to_string()),
                }
            }
            Err(err) => Outcome::Failed(err.to_string()),
        },
        Job::Sync(remote) => match Store::open(db) {
            Ok(mut store) => {
                store.give_way(turns);
                let mut watch = Watch::new(report, cancel);
                match sync::sync(&mut store, db, remote.as_deref(), &mut watch) {
                    Ok(done) => Outcome::Synced(done),
                    Err(SyncError::NoRemote) => Outcome::Failed(NO_REMOTE.to_owned()),
                    Err(err) => Outcome::Failed(err.to_string()),
                }
            }
            Err(err) => Outcome::Failed(err.to_string()),
        },
        Job::AddDocuments(job) => match Store::open(db) {
            Ok(mut store) => {
                store.give_way(turns);
                add_documents(&mut store, job, cancel, report)
            }
            Err(err) => Outcome::Failed(err.to_string()),
        },
        Job::Backup => {
            report(Progress { phase: Phase::Exporting, done: 0, total: None, imported: 0, updated: 0, skipped: 0 });
            match backup::backup(db, None) {
                Ok(made) => Outcome::BackedUp(made),
                Err(err) => Outcome::Failed(err.to_string()),
            }
        }
    }
}

/// Stores each file of `job` (stopping before the next once `cancel` is set) and links its
/// source to the job's note.
fn add_documents(
    store: &mut Store,
    job: &DocumentsJob,
    cancel: &AtomicBool,
    report: &mut dyn FnMut(Progress),
) -> Outcome {
    let mut results = Vec::new();
    let url = if job.paths.len() == 1 { job.url.clone() } else { None };
    for path in &job.paths {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            results.push(DocumentResult { path: path.clone(), result: Err("cancelled before it was read".to_owned()) });
            continue;
        }
        let request = AddFile { path, url: url.clone(), title: None, keep_unreadable: false };
        let mut pages = |done: u64, total: u64| report(Progress::new(Phase::Importing, done, Some(total)));
        let result =
            documents::add_file(store, &request, &mut pages, cancel).map_err(|e| e.to_string()).and_then(|added| {
                match job.note {
                    Some(note) => {
                        let source = added.source_id;
                        store
                            .link_source(note, source)
                            .map(|()| added)
                            .map_err(|e| format!("stored as source {source}, but not linked to the note: {e}"))
                    }
                    None => Ok(added),
                }
            });
        results.push(DocumentResult { path: path.clone(), result });
    }
    match results.as_slice() {
        [only] => match &only.result {
            Err(message) => Outcome::Failed(message.clone()),
            Ok(_) => Outcome::DocumentsAdded(results),
        },
        _ => Outcome::DocumentsAdded(results),
    }
}

/// Where an export goes unless the user says otherwise: a new name, dated, in `folder`.
pub fn default_export_path(folder: &Path, format: Format, today: chrono::NaiveDate) -> PathBuf {
    let stem = format!("jevons-export-{}", today.format("%Y-%m-%d"));
    match format {
        Format::Markdown => folder.join(stem),
        Format::Json => folder.join(format!("{stem}.json")),
        Format::Csv => folder.join(format!("jevons-claims-{}.csv", today.format("%Y-%m-%d"))),
    }
}

/// [`default_export_path`], numbered (`-2`, `-3`…) past the names already taken: a second
/// export on the same day gets a name of its own instead of failing or mixing with the first.
pub fn free_export_path(folder: &Path, format: Format, today: chrono::NaiveDate) -> PathBuf {
    let first = default_export_path(folder, format, today);
    let stem = first.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let extension = first.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    let mut path = first;
    let mut number = 2;
    while path.exists() || path.is_symlink() {
        path = folder.join(format!("{stem}-{number}{extension}"));
        number += 1;
    }
    path
}

/// Changes the file name's extension to suit `format` when the path is one this app proposed.
pub fn retarget(path: &str, from: Format, to: Format, folder: &Path, today: chrono::NaiveDate) -> String {
    let proposed = path.trim().is_empty()
        || Path::new(path.trim()) == default_export_path(folder, from, today)
        || Path::new(path.trim()) == free_export_path(folder, from, today);
    if proposed { free_export_path(folder, to, today).display().to_string() } else { path.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteDraft;

    fn run_now(job: &Job, db: &Path) -> (Outcome, Vec<Progress>) {
        let mut reports = Vec::new();
        let outcome = run(job, db, &WriteTurns::default(), &AtomicBool::new(false), &mut |p| reports.push(p));
        (outcome, reports)
    }

    #[test]
    fn an_import_reports_progress_and_can_be_undone() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        Store::open(&db).unwrap();
        let notes = dir.path().join("notes");
        std::fs::create_dir(&notes).unwrap();
        std::fs::write(notes.join("a.md"), "# A\n\n$NVDA up").unwrap();
        std::fs::write(notes.join("bad.md"), b"# Caf\xe9").unwrap();
        let (outcome, reports) = run_now(&Job::Import(notes), &db);
        let import = match outcome {
            Outcome::Imported(report) => {
                assert_eq!((report.imported, report.skipped.len()), (1, 1), "{report:?}");
                report.import_id.expect("an import that stored a note can be undone")
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(reports.last().map(|p| p.imported), Some(1));
        assert_eq!(Store::open(&db).unwrap().note_counts().unwrap().0, 1);
        match run_now(&Job::UndoImport(import), &db).0 {
            Outcome::Undone(report) => assert_eq!((report.import_id, report.removed), (import, 1), "{report:?}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(Store::open(&db).unwrap().note_counts().unwrap().0, 0);
    }

    #[test]
    fn a_price_import_runs_as_a_job_and_a_cancelled_one_stores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        Store::open(&db).unwrap();
        let file = dir.path().join("NVDA.csv");
        let start = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
        let rows: String =
            (0..12_000).map(|i| format!("{},{}\n", start + chrono::Days::new(i), 1.0 + i as f64)).collect();
        std::fs::write(&file, format!("Date,Close\n{rows}")).unwrap();
        let job = Job::ImportPrices { path: file, ticker: None };
        let cancelled = run(&job, &db, &WriteTurns::default(), &AtomicBool::new(true), &mut |_| {});
        assert!(matches!(&cancelled, Outcome::Failed(m) if m.contains("nothing was stored")), "{cancelled:?}");
        let nvda = Symbol::parse("NVDA").unwrap();
        assert!(Store::open(&db).unwrap().prices(&nvda).unwrap().is_empty());
        let (outcome, reports) = run_now(&job, &db);
        match outcome {
            Outcome::PricesImported(done) => assert_eq!(done.stored.added, 12_000),
            other => panic!("{other:?}"),
        }
        assert_eq!(reports.last().map(|p| p.done), Some(10_000));
        assert!(!job.changes_notes());
    }

    #[test]
    fn only_imports_and_their_undo_change_notes() {
        assert!(Job::Import(PathBuf::from("notes")).changes_notes() && Job::UndoImport(1).changes_notes());
        assert!(!Job::Backup.changes_notes() && !Job::Export(Format::Json, PathBuf::from("x.json")).changes_notes());
    }

    #[test]
    fn a_failed_export_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        Store::open(&db).unwrap().create_note(&NoteDraft::new("n", "b")).unwrap();
        let taken = dir.path().join("taken.json");
        std::fs::write(&taken, "{}").unwrap();
        match run_now(&Job::Export(Format::Json, taken), &db).0 {
            Outcome::Failed(message) => assert!(message.contains("taken.json"), "{message}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn export_paths_follow_the_format_until_the_user_types_one() {
        let folder = Path::new("/home/r");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let md = default_export_path(folder, Format::Markdown, day).display().to_string();
        assert_eq!(md, "/home/r/jevons-export-2026-11-28");
        let json = retarget(&md, Format::Markdown, Format::Json, folder, day);
        assert_eq!(json, "/home/r/jevons-export-2026-11-28.json");
        assert_eq!(retarget(&json, Format::Json, Format::Csv, folder, day), "/home/r/jevons-claims-2026-11-28.csv");
        assert_eq!(retarget("/tmp/mine.json", Format::Json, Format::Csv, folder, day), "/tmp/mine.json");
    }

    #[test]
    fn a_second_export_on_the_same_day_gets_a_name_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let first = free_export_path(dir.path(), Format::Json, day);
        assert!(first.ends_with("jevons-export-2026-11-28.json"));
        std::fs::write(&first, "{}").unwrap();
        let second = free_export_path(dir.path(), Format::Json, day);
        assert!(second.ends_with("jevons-export-2026-11-28-2.json"), "{second:?}");
        std::fs::create_dir(dir.path().join("jevons-export-2026-11-28")).unwrap();
        assert!(free_export_path(dir.path(), Format::Markdown, day).ends_with("jevons-export-2026-11-28-2"));
    }
}
