//! What can go wrong when opening or using the research store, in words a user can act on.

use std::path::PathBuf;

use rusqlite::ErrorCode;

use crate::model::{Invalid, NoteId};
use crate::query::QueryError;

/// Why a database file could not be opened. In every case the file is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create {path}: the folder {} does not exist", folder.display(), path = path.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{} is a folder, not a database file", path.display())]
    IsFolder { path: PathBuf },
    #[error("{} is {kind}, not a database file (it was left untouched)", path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{} is not a SQLite database (it was left untouched)", path.display())]
    NotSqlite { path: PathBuf },
    #[error("{} is damaged: {detail} (it was left untouched)", path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("{} is a database of another application, not Jevons (it was left untouched)", path.display())]
    Foreign { path: PathBuf },
    #[error(
        "{} was written by a newer Jevons (schema {found}, this build knows {known}); update Jevons to open it (it was left untouched)",
        path.display()
    )]
    NewerSchema { path: PathBuf, found: i64, known: i64 },
    #[error(
        "{} is encrypted, or is not a SQLite database: give its passphrase in JEVONS_PASSPHRASE, or type it when asked on a terminal (it was left untouched)",
        path.display()
    )]
    Encrypted { path: PathBuf },
    #[error("wrong passphrase for {0}, or {0} is not a database (it was left untouched)", path.display())]
    WrongPassphrase { path: PathBuf },
    #[error("{} is not encrypted: open it without a passphrase, or encrypt it with `jevons encrypt` (it was left untouched)", path.display())]
    NotEncrypted { path: PathBuf },
    #[error("{} is open in another program (the Jevons window?): close it and try again (it was left untouched)", path.display())]
    InUse { path: PathBuf },
    #[error("cannot read {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot open {}: {source}", path.display())]
    Store { path: PathBuf, source: StoreError },
}

/// Why a read or write of the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no note with id {0}")]
    NoteNotFound(NoteId),
    #[error("no claim with id {0}")]
    ClaimNotFound(i64),
    #[error("no source with id {0}")]
    SourceNotFound(i64),
    #[error("no revision {revision} of note {note}")]
    RevisionNotFound { note: NoteId, revision: i64 },
    #[error("{0}")]
    Invalid(#[from] Invalid),
    #[error("{0}")]
    Query(#[from] QueryError),
    #[error("a stored note version cannot be read ({0}); run `jevons check`")]
    Snapshot(String),
    #[error("no import {0}; `jevons import --list` shows them")]
    ImportNotFound(i64),
    #[error("import {0} was already undone")]
    AlreadyUndone(i64),
    #[error("there is no import to undo")]
    NothingToUndo,
    #[error("note {id} was changed elsewhere since it was opened (version {found}, edit made on version {expected})")]
    Conflict { id: NoteId, expected: i64, found: i64 },
    #[error("the disk is full (or the database reached its size limit): nothing was saved")]
    DiskFull,
    #[error("the database is busy: another program kept it locked too long; nothing was saved, try again")]
    Busy,
    #[error("the database cannot be written (read-only file or folder): nothing was saved")]
    ReadOnly,
    #[error("the database is damaged ({0}); run `jevons check`")]
    Corrupt(String),
    #[error("input/output error while using the database ({0}): nothing was saved")]
    Io(String),
    /// A newer request stopped this one (see [`super::SearchInterrupt`]).
    #[error("stopped for a newer request")]
    Interrupted,
    /// The user cancelled a write made in one transaction: nothing of it was stored.
    #[error("cancelled: nothing was stored")]
    Cancelled,
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Corrupt(err.to_string()),
            Some(ErrorCode::SystemIoFailure | ErrorCode::CannotOpen) => StoreError::Io(err.to_string()),
            Some(ErrorCode::OperationInterrupted) => StoreError::Interrupted,
            _ => StoreError::Sqlite(err),
        }
    }
}

impl StoreError {
    /// Errors that a later retry may not have (a busy database, a full disk that was cleared).
    pub fn is_transient(&self) -> bool {
        matches!(self, StoreError::Busy | StoreError::DiskFull | StoreError::Io(_))
    }
}
