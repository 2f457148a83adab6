//! The research database a front end works on: which file (`--db`, `JEVONS_DB` or the platform
//! data directory, `~/.local/share/jevons/jevons.db` on Linux) and opening it, with the sample
//! research in a new one. The window and the command line both start here.

use std::path::{Path, PathBuf};

use crate::store::{CURRENT_VERSION, OpenError, Store, StoreError};

/// The database's file name in the data directory.
pub const DATABASE_FILE: &str = "jevons.db";

/// Why the database could not be chosen or opened.
#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    #[error("--db needs a file path")]
    EmptyPath,
    #[error("cannot find a home folder for the database; pass --db PATH")]
    NoHome,
    #[error("cannot create {}: {source}", folder.display())]
    Folder { folder: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error("cannot add the sample research: {0}")]
    Sample(#[source] StoreError),
}

/// The database a user chose (`--db` / `JEVONS_DB`), else the platform default (its folder
/// created). The path is always a file name (`file:x.db` is a file of that name, not an SQLite
/// URI); one that names a folder, a named pipe, a device or a socket is refused here, before
/// anything looks at it.
pub fn path(given: Option<PathBuf>) -> Result<PathBuf, DatabaseError> {
    let path = match given {
        Some(path) if path.as_os_str().is_empty() => return Err(DatabaseError::EmptyPath),
        Some(path) => path,
        None => default_path()?,
    };
    crate::store::check_kind(&path)?;
    Ok(path)
}

/// The default database path, with its folder created.
fn default_path() -> Result<PathBuf, DatabaseError> {
    let dirs = directories::ProjectDirs::from("", "", "jevons").ok_or(DatabaseError::NoHome)?;
    let folder = dirs.data_dir();
    std::fs::create_dir_all(folder).map_err(|source| DatabaseError::Folder { folder: folder.to_owned(), source })?;
    Ok(folder.join(DATABASE_FILE))
}

/// What opening a file is about to do, known before it is done: creating a database and
/// upgrading a large one's schema take long enough that a front end says so first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// A new database, with the sample research.
    Create,
    /// A database made by an older Jevons, brought up to this one's schema.
    Upgrade { from: i64, to: i64 },
    /// A database of this version (or something that is not one: opening it says why).
    Existing,
}

impl Opening {
    /// What opening `path` will do. Reads the file's header only.
    pub fn of(path: &Path) -> Self {
        let missing = std::fs::metadata(path).map(|m| m.len() == 0).unwrap_or(true);
        match crate::store::schema_version(path) {
            _ if missing => Self::Create,
            Some(from) if from < CURRENT_VERSION => Self::Upgrade { from, to: CURRENT_VERSION },
            _ => Self::Existing,
        }
    }

    /// What a front end tells the user while it happens; `None` when there is nothing to say.
    pub fn message(self) -> Option<String> {
        match self {
            Self::Create => Some("A new database is being set up with the sample research…".to_owned()),
            Self::Upgrade { from, to } => Some(format!(
                "Upgrading the database from schema {from} to {to}: this rewrites its indexes once and can take a \
                 minute or two for a million notes. Nothing is lost if it is interrupted."
            )),
            Self::Existing => None,
        }
    }
}

/// Opens the store; a new database gets the sample research.
pub fn open(path: &Path) -> Result<Store, DatabaseError> {
    open_telling(path, |_| {})
}

/// [`open`], first handing `tell` what the open is about to do (before an upgrade or a creation
/// starts, so a front end can say so while it runs).
pub fn open_telling(path: &Path, tell: impl FnOnce(Opening)) -> Result<Store, DatabaseError> {
    tell(Opening::of(path));
    let mut store = Store::open(path)?;
    if store.was_created() {
        crate::sample::add(&mut store).map_err(DatabaseError::Sample)?;
    }
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_gets_the_sample_research_once() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("research.db");
        let first = open(&db).unwrap().note_counts().unwrap();
        assert!(first.0 > 0, "the sample research is added: {first:?}");
        assert_eq!(open(&db).unwrap().note_counts().unwrap(), first, "and not again");
    }

    #[test]
    fn a_front_end_is_told_a_new_database_is_being_created_before_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("research.db");
        let mut told = None;
        open_telling(&db, |opening| told = Some(opening)).unwrap();
        assert_eq!(told, Some(Opening::Create));
        assert!(Opening::Create.message().is_some());
        open_telling(&db, |opening| told = Some(opening)).unwrap();
        assert_eq!(told, Some(Opening::Existing));
        assert_eq!(Opening::Existing.message(), None, "an ordinary open says nothing");
    }

    #[test]
    fn a_path_that_is_not_a_database_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(path(Some(PathBuf::new())), Err(DatabaseError::EmptyPath)));
        assert!(matches!(path(Some(dir.path().to_owned())), Err(DatabaseError::Open(OpenError::IsFolder { .. }))));
        let file = dir.path().join("new.db");
        assert_eq!(path(Some(file.clone())).unwrap(), file);
    }
}
