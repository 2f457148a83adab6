//! Import, export and backups: research comes in from Markdown folders (Obsidian vaults, Joplin
//! exports, plain folders) and JSON, goes out as Markdown, JSON or CSV, and the database file is
//! backed up and restored whole.
//!
//! The entry points are made for a worker thread with its own [`Store`]: [`import_path`] and
//! [`export`] call a progress callback every batch (not every file) and stop at the next batch
//! once the cancel flag is set. Imports commit one transaction per batch, so a cancelled import
//! leaves a consistent database and its report says what was done. Nothing here writes outside
//! the database (imports) or outside the chosen folder (exports); see `docs/import-export.md`.
//!
//! ```no_run
//! use std::sync::atomic::AtomicBool;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut store = jevons::store::Store::open(std::path::Path::new("jevons.db"))?;
//! let cancel = AtomicBool::new(false); // set from the UI thread to stop
//! let report = jevons::io::import_path(
//!     &mut store,
//!     std::path::Path::new("vault"),
//!     &jevons::io::ImportOptions::default(),
//!     &mut |p| eprintln!("{} of {:?}", p.done, p.total),
//!     &cancel,
//! )?;
//! println!("{} new, {} skipped", report.imported, report.skipped.len());
//! # Ok(()) }
//! ```

mod attachment_export;
mod attachments;
pub mod backup;
mod carried_documents;
pub mod csv;
pub mod documents;
mod error;
mod file_names;
mod front_matter;
mod inline_tags;
pub mod json;
mod json_attachments;
mod json_documents;
mod json_records;
pub mod markdown_export;
pub mod markdown_import;
mod new_file;
mod note_dates;
mod own_fields;
pub mod prices;
mod progress;
mod property_kinds;
mod report;
pub mod sync;
pub mod viewer;
mod walk;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::Serialize;

pub use error::{BackupError, ExportError, ImportError};
pub use file_names::safe_file_name;
pub use progress::{Phase, Progress, Watch};
pub use report::{ExportReport, FileNote, ImportReport};

use crate::store::Store;

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

/// Imports a Markdown file, a folder of them (recursively), or a Jevons JSON export (a `.json`
/// file), merging into `store`. `progress` is called every batch; setting `cancel` stops the
/// import after the batch being stored (the report then says `cancelled`). Files that cannot be
/// imported are listed in the report with the reason; only a problem with the whole import
/// (the path cannot be read, the database fails) is an error.
pub fn import_path(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<ImportReport, ImportError> {
    let mut watch = Watch::new(progress, cancel);
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json && path.is_file() {
        json::import_file(store, path, options, &mut watch)
    } else {
        markdown_import::import(store, path, options, &mut watch)
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

/// Exports the whole database: Markdown into the folder `out` (created if needed), JSON or CSV
/// into the new file `out`. Nothing is written outside `out` (but a hidden temporary beside it),
/// no existing file is overwritten, and files appear under their final names only once whole: an
/// export that fails (a full disk) leaves nothing behind. `progress` and `cancel` work as for
/// [`import_path`]; a cancelled JSON or CSV export writes no file, a cancelled Markdown export
/// keeps the files written so far.
pub fn export(
    store: &Store,
    format: Format,
    out: &Path,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<ExportReport, ExportError> {
    let mut watch = Watch::new(progress, cancel);
    match format {
        Format::Markdown => markdown_export::export(store, out, &mut watch),
        Format::Json => json::export_file(store, out, &mut watch),
        Format::Csv => csv::export_file(store, out, &mut watch),
    }
}
