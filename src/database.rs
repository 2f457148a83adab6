//! The research database a front end works on: which file (`--db`, `JEVONS_DB` or the platform
//! data directory, `~/.local/share/jevons/jevons.db` on Linux) and opening it, with the sample
//! research in a new one. The window and the command line both start here.

use std::path::{Path, PathBuf};

use crate::store::{OpenError, Store, StoreError};

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

/// Opens the store; a new database gets the sample research.
pub fn open(path: &Path) -> Result<Store, DatabaseError> {
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
    fn a_path_that_is_not_a_database_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(path(Some(PathBuf::new())), Err(DatabaseError::EmptyPath)));
        assert!(matches!(path(Some(dir.path().to_owned())), Err(DatabaseError::Open(OpenError::IsFolder { .. }))));
        let file = dir.path().join("new.db");
        assert_eq!(path(Some(file.clone())).unwrap(), file);
    }
}
