//! What an import or an export did: counts, and every file skipped or imported with a remark,
//! with the reason, for the summary a user reads at the end.

use std::path::PathBuf;

use serde::Serialize;

use super::progress::{Phase, Progress};

/// A file an import skipped or imported with a remark, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileNote {
    /// The file, relative to the imported folder (for JSON imports: `note <uid>`, `claim <uid>`).
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
    /// Notes kept because the database had a newer version (the file held an older one).
    pub kept_newer: u64,
    /// Notes changed both here and in the file since the version they share: each kept its
    /// version, and the file's is kept beside it as a conflict revision (listed in `warnings`).
    pub conflicts: u64,
    /// The import's id for `jevons import --undo ID` (`None` when it changed nothing).
    pub import_id: Option<i64>,
    /// Files that were not imported, with the reason.
    pub skipped: Vec<FileNote>,
    /// Files imported with a remark (invalid front matter read as plain text, a shortened title…).
    pub warnings: Vec<FileNote>,
    /// Files that are not Markdown and no note brings in (not linked, or refused with a warning).
    pub ignored: u64,
    /// Files the notes embed or link (images, PDFs…) brought in as their attachments, each once.
    pub attachments: u64,
    /// Whether the import was cancelled (what was done before stays done).
    pub cancelled: bool,
}

impl ImportReport {
    pub(crate) fn progress(&self, phase: Phase, done: u64, total: Option<u64>) -> Progress {
        Progress {
            imported: self.imported,
            updated: self.updated,
            skipped: self.skipped.len() as u64,
            ..Progress::new(phase, done, total)
        }
    }

    pub(crate) fn skip(&mut self, path: impl Into<PathBuf>, reason: impl Into<String>) {
        self.skipped.push(FileNote { path: path.into(), reason: reason.into() });
    }

    pub(crate) fn warn(&mut self, path: impl Into<PathBuf>, reason: impl Into<String>) {
        self.warnings.push(FileNote { path: path.into(), reason: reason.into() });
    }

    /// Counts what the store did with one note.
    pub(crate) fn count(&mut self, outcome: crate::store::NoteOutcome) {
        use crate::store::NoteOutcome;
        match outcome {
            NoteOutcome::Created(_) => self.imported += 1,
            NoteOutcome::Updated(_) => self.updated += 1,
            NoteOutcome::Unchanged(_) => self.unchanged += 1,
            NoteOutcome::KeptNewer(_) => self.kept_newer += 1,
            NoteOutcome::Conflict(_) => self.conflicts += 1,
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    pub notes: u64,
    pub claims: u64,
    pub sources: u64,
    /// Files written (for Markdown one per note and one per document its sources hold; one
    /// otherwise).
    pub files: Vec<PathBuf>,
    pub cancelled: bool,
}
