//! How an export puts its files on the disk: written whole under a temporary name in the same
//! folder, then moved to the final name, which must not exist yet. A write that fails (a full
//! disk, a file-size limit) removes the temporary and leaves nothing under the final name, so
//! trying again once there is room just works.
//!
//! The move never replaces a file: it is a hard link to the final name (which fails when the name
//! is taken), then the temporary name is removed. Where the file system has no hard links (FAT),
//! the name is checked and the file renamed.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::ExportError;

/// Numbers temporary names made by this process.
static NEXT: AtomicU64 = AtomicU64::new(0);

/// A hidden name beside `path` that nothing else uses: `.NAME.partial-PID-N`.
pub(crate) fn temporary_beside(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let pid = std::process::id();
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let candidate = path.with_file_name(format!(".{name}.partial-{pid}-{n}"));
        if fs::symlink_metadata(&candidate).is_err() {
            return candidate;
        }
    }
}

/// Creates the new file `path` with `bytes`: written and synced under a temporary name, then
/// moved into place. An existing `path` is an error and is left as it was.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(ExportError::Exists { path: path.to_owned() });
    }
    let temporary = temporary_beside(path);
    let written = write_temporary(&temporary, bytes)
        .map_err(|cause| ExportError::Write { path: path.to_owned(), cause })
        .and_then(|()| move_new(&temporary, path));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// Writes `bytes` into the new file `temporary` and syncs it, so the final name never shows a
/// file shorter than what was written, even after a crash.
fn write_temporary(temporary: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temporary)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Creates `path` (which must not exist) with `bytes`, in a folder only this export writes into
/// (the temporary folder of a Markdown export): no temporary name needed, nothing synced.
pub(crate) fn write_in_private_folder(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file: File = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)
}

/// Moves the file `from` to the new name `to` (same folder or file system), never replacing a
/// file that has that name.
pub(crate) fn move_new(from: &Path, to: &Path) -> Result<(), ExportError> {
    let taken = || ExportError::Exists { path: to.to_owned() };
    let write_error = |cause| ExportError::Write { path: to.to_owned(), cause };
    match fs::hard_link(from, to) {
        Ok(()) => {
            let _ = fs::remove_file(from);
            Ok(())
        }
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Err(taken()),
        Err(_) if fs::symlink_metadata(to).is_ok() => Err(taken()),
        Err(_) => fs::rename(from, to).map_err(write_error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_new(&path, b"{}").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"{}");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["out.json"]);
    }

    #[test]
    fn an_existing_name_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "mine").unwrap();
        assert!(matches!(write_new(&path, b"new"), Err(ExportError::Exists { .. })));
        let from = dir.path().join("from");
        fs::write(&from, "new").unwrap();
        assert!(matches!(move_new(&from, &path), Err(ExportError::Exists { .. })));
        assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
        assert_eq!(fs::read_to_string(&from).unwrap(), "new", "the file that was not moved stays");
    }
}
