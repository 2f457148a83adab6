//! Where Jevons keeps its database by default: the platform data directory
//! (`~/.local/share/jevons/jevons.db` on Linux), created on first use.

use std::path::PathBuf;

/// The database's file name in the data directory.
pub const DATABASE_FILE: &str = "jevons.db";

/// The default database path, with its folder created. Fails only when the platform has no home
/// folder or the folder cannot be created.
pub fn default_database() -> Result<PathBuf, String> {
    let dirs = directories::ProjectDirs::from("", "", "jevons")
        .ok_or_else(|| "cannot find a home folder for the database; pass --db PATH".to_owned())?;
    let folder = dirs.data_dir();
    std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    Ok(folder.join(DATABASE_FILE))
}
