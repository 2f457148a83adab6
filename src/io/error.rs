//! What can stop an import, an export or a backup as a whole (problems with single files are
//! reported in the [`super::ImportReport`] instead, and the import goes on).
//!
//! Causes are part of each message (fields named `cause`, not `source`), so a chain printed with
//! `{:#}` says everything once.

use std::path::PathBuf;

use crate::store::{OpenError, StoreError};

/// Why an import stopped.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot import {}: {cause}", path.display())]
    Read { path: PathBuf, cause: std::io::Error },
    #[error("{} is not a Markdown file, a folder or a Jevons JSON export", path.display())]
    NotImportable { path: PathBuf },
    #[error("{} is not a Jevons JSON export: {detail}", path.display())]
    NotJevonsJson { path: PathBuf, detail: String },
    #[error("{} was written by a newer Jevons (format {found}, this build reads up to {known})", path.display())]
    NewerFormat { path: PathBuf, found: u32, known: u32 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{} already exists; choose a new file name (nothing was overwritten)", path.display())]
    Exists { path: PathBuf },
    #[error("{} is not a folder", path.display())]
    NotAFolder { path: PathBuf },
    #[error("cannot write {}: {cause}", path.display())]
    Write { path: PathBuf, cause: std::io::Error },
    #[error("cannot write the export: {0}")]
    Encode(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a backup or a restore did not happen. In every case the database was left as it was.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{} is not a usable backup: {cause}", path.display())]
    BadBackup { path: PathBuf, cause: OpenError },
    #[error("cannot back up {}: {cause}", path.display())]
    Source { path: PathBuf, cause: OpenError },
    #[error("{} already exists; choose a new file name (nothing was overwritten)", path.display())]
    Exists { path: PathBuf },
    #[error("{} is the database itself; restore from a backup copy", path.display())]
    SameFile { path: PathBuf },
    #[error("cannot write {}: {cause}", path.display())]
    Write { path: PathBuf, cause: std::io::Error },
    #[error(
        "not enough room for a backup in {}: it needs about {} free and {} is; nothing was written (free some space)",
        folder.display(), super::backup::budget::human(*needed), super::backup::budget::human(*free)
    )]
    NoRoom { folder: PathBuf, needed: u64, free: u64 },
    #[error("the backup {} did not read back as written ({detail}); it was deleted and older backups kept", path.display())]
    Unverified { path: PathBuf, detail: String },
    #[error("{} is a symbolic link to a file that does not exist", path.display())]
    BrokenLink { path: PathBuf },
    #[error("cannot restore into {}: {cause}", path.display())]
    Replace { path: PathBuf, cause: OpenError },
    #[error(transparent)]
    Store(#[from] StoreError),
}
