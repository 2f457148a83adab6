//! Import, export and backups: research comes in from Markdown folders (Obsidian vaults, Joplin
//! exports, plain folders) and JSON, goes out as Markdown, JSON or CSV, and the database file is
//! backed up and restored whole.
//!
//! The entry points are made for a worker thread with its own [`Store`]: [`import_path`] and
//! [`export`] take a progress callback that is called every batch (not every file) and may
//! answer [`Control::Cancel`]. Imports commit one transaction per batch, so a cancelled import
//! leaves a consistent database and its report says what was done. Nothing here writes outside
//! the database (imports) or outside the chosen folder (exports); see `docs/import-export.md`.

pub mod backup;
pub mod csv;
mod error;
mod file_names;
mod front_matter;
mod inline_tags;
pub mod json;
pub mod markdown_export;
pub mod markdown_import;
mod walk;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use error::{BackupError, ExportError, ImportError};
pub use file_names::safe_file_name;

use crate::store::Store;

/// What a long-running import or export is doing, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub phase: Phase,
    /// Files (or notes) handled so far.
    pub done: u64,
    /// How many there are in all, once known.
    pub total: Option<u64>,
    pub imported: u64,
    pub updated: u64,
    pub skipped: u64,
}

/// The stage of a long-running job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Looking for files (the total is not known yet).
    Scanning,
    /// Reading and storing notes.
    Importing,
    /// Writing notes out.
    Exporting,
    /// Finished (or cancelled).
    Done,
}

impl Progress {
    fn new(phase: Phase, total: Option<u64>) -> Self {
        Self { phase, done: 0, total, imported: 0, updated: 0, skipped: 0 }
    }
}

/// What the progress callback answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Continue,
    /// Stop after the current batch; what was stored so far stays stored.
    Cancel,
}

/// A progress callback that never cancels, for callers without a user to ask.
pub fn no_progress(_: Progress) -> Control {
    Control::Continue
}

/// How an import reads its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// Notes stored per transaction (and per progress report).
    pub batch_size: usize,
    /// Files larger than this are skipped with the reason.
    pub max_file_bytes: u64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self { batch_size: 2_000, max_file_bytes: crate::model::MAX_BODY_BYTES as u64 }
    }
}

/// A file an import skipped or imported with a remark, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileNote {
    /// The file, relative to the imported folder.
    pub path: PathBuf,
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// New notes.
    pub imported: u64,
    /// Notes that existed and were changed.
    pub updated: u64,
    /// Notes that existed exactly so.
    pub unchanged: u64,
    /// Notes kept because the database had a newer version (JSON merges).
    pub kept_newer: u64,
    /// Files that were not imported, with the reason.
    pub skipped: Vec<FileNote>,
    /// Files imported with a remark (invalid front matter read as plain text, a shortened title…).
    pub warnings: Vec<FileNote>,
    /// Files that are not Markdown (attachments, images), left alone.
    pub ignored: u64,
    /// Whether the import was cancelled (what was done before stays done).
    pub cancelled: bool,
}

impl ImportReport {
    fn progress(&self, phase: Phase, done: u64, total: Option<u64>) -> Progress {
        Progress {
            phase,
            done,
            total,
            imported: self.imported,
            updated: self.updated,
            skipped: self.skipped.len() as u64,
        }
    }
}

/// Imports a Markdown file, a folder of them (recursively), or a Jevons JSON export (a `.json`
/// file), merging into `store`.
pub fn import_path(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> Control,
) -> Result<ImportReport, ImportError> {
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json && path.is_file() {
        json::import_file(store, path, options, progress)
    } else {
        markdown_import::import(store, path, options, progress)
    }
}

/// The formats Jevons writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A folder with one `.md` file per note.
    Markdown,
    /// One file with the whole database.
    Json,
    /// One file with a row per claim and ticker.
    Csv,
}

impl Format {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "markdown" | "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    pub notes: u64,
    pub claims: u64,
    pub sources: u64,
    /// Files written (one per note for Markdown, one otherwise).
    pub files: Vec<PathBuf>,
    pub cancelled: bool,
}

/// Exports the whole database: Markdown into the folder `out` (created if needed), JSON or CSV
/// into the file `out`. Nothing is written outside `out`, and no existing file is overwritten.
pub fn export(
    store: &Store,
    format: Format,
    out: &Path,
    progress: &mut dyn FnMut(Progress) -> Control,
) -> Result<ExportReport, ExportError> {
    match format {
        Format::Markdown => markdown_export::export(store, out, progress),
        Format::Json => json::export_file(store, out, progress),
        Format::Csv => csv::export_file(store, out, progress),
    }
}
