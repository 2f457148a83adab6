//! Checks a file before Jevons writes anything to it: is it a file at all (not a folder, a pipe
//! or a device), is it SQLite, is it whole, is it ours, is it from a newer Jevons. A file that
//! fails is never written. And the one way a path is handed to SQLite: as a file name, never as
//! an SQLite URI.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::cipher::Key;
use super::error::OpenError;
use super::schema::{APPLICATION_ID, CURRENT_VERSION};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Opens `path` with SQLite as the file of that name, never as an SQLite URI: the bundled SQLite
/// is built with URIs on, so `file:notes.db?mode=memory` would otherwise be a database in
/// memory, and `:memory:` is one too. A relative path is given to SQLite as `./path`, which
/// neither can be.
pub(super) fn connect(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    if path.is_relative() {
        Connection::open_with_flags(Path::new(".").join(path), flags)
    } else {
        Connection::open_with_flags(path, flags)
    }
}

/// The schema version a Jevons database file says it has, read from its header without opening
/// it with SQLite (so nothing is locked, created or changed): `None` for a missing or empty
/// file, or one that is not a Jevons database (opening it says why). After a crash the header
/// may lag behind changes still in the write-ahead log, so this is a forecast, not a check.
pub fn schema_version(path: &Path) -> Option<i64> {
    let mut header = [0u8; 100];
    File::open(path).ok()?.read_exact(&mut header).ok()?;
    let word = |at: usize| i64::from(u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]));
    (&header[..16] == MAGIC && word(68) == APPLICATION_ID).then(|| word(60))
}

/// Refuses a path that names something other than a regular file or nothing: a folder, a named
/// pipe, a device, a socket. Looks only at the file's metadata (a pipe is never opened, which
/// would wait for a writer forever); a symbolic link is judged by what it points to.
pub fn check_kind(path: &Path) -> Result<(), OpenError> {
    let Ok(meta) = std::fs::metadata(path) else { return Ok(()) };
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err(OpenError::IsFolder { path: path.to_owned() });
    }
    Err(OpenError::NotAFile { path: path.to_owned(), kind: kind_of(&meta) })
}

/// What a path that is neither a file nor a folder names, in words.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    "not a regular file"
}

/// Opens an existing file for reading its header, without waiting on a named pipe that took its
/// place since [`check_kind`] looked.
fn open_existing(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// How often a file that looks truncated is looked at again, and how long apart: a restore
/// or a checkpoint in another process may be between writing the header and sizing the file.
const TRUNCATED_LOOKS: u32 = 5;
const TRUNCATED_PAUSE: std::time::Duration = std::time::Duration::from_millis(40);

/// Looks at the file's folder and header before SQLite opens it. True when the file is an
/// encrypted database (whose header cannot be read without its key). A file that looks
/// truncated is looked at again a few times before it is called damaged, since another program
/// writing it can leave its size and header apart for a moment.
pub(super) fn inspect(path: &Path) -> Result<bool, OpenError> {
    let mut looks = 1;
    loop {
        match inspect_once(path) {
            Err(OpenError::Damaged { ref detail, .. })
                if detail.starts_with("truncated") && looks < TRUNCATED_LOOKS =>
            {
                looks += 1;
                std::thread::sleep(TRUNCATED_PAUSE);
            }
            result => return result,
        }
    }
}

fn inspect_once(path: &Path) -> Result<bool, OpenError> {
    let io = |source| OpenError::Io { path: path.to_owned(), source };
    check_kind(path)?;
    if !path.exists() {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !folder.is_dir() {
            return Err(OpenError::NoFolder { path: path.to_owned(), folder: folder.to_owned() });
        }
        return Ok(false);
    }
    let mut file = open_existing(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(OpenError::NotAFile { path: path.to_owned(), kind: kind_of(&meta) });
    }
    let len = meta.len();
    if len == 0 {
        return Ok(false);
    }
    let mut header = Vec::with_capacity(100);
    file.by_ref().take(100).read_to_end(&mut header).map_err(io)?;
    if header.len() < MAGIC.len() || &header[..16] != MAGIC {
        if super::cipher::is_encrypted(path) {
            return Ok(true);
        }
        return Err(OpenError::NotSqlite { path: path.to_owned() });
    }
    if header.len() < 100 {
        return Err(damaged(path, format!("only {len} bytes, shorter than a SQLite header")));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if !page_size.is_power_of_two() || !(512..=65_536).contains(&page_size) {
        return Err(damaged(path, format!("impossible page size {page_size}")));
    }
    let page_count = u64::from(u32::from_be_bytes([header[28], header[29], header[30], header[31]]));
    let count_is_valid = header[92..96] == header[24..28];
    let expected = page_count * page_size;
    if count_is_valid && len < expected && !has_wal(path) {
        return Err(damaged(path, format!("truncated: {len} bytes where the header promises {expected}")));
    }
    Ok(false)
}

/// The key to open `path` with, after [`inspect`] found it `encrypted` or not: `explicit` when
/// one was given, else the process's ([`super::cipher::give`]) for an encrypted file. An
/// encrypted file without a key, or an existing plain file with one, is refused untouched; so is
/// a wrong key when another program is writing the file's log (see [`check_key`]).
pub(super) fn key_for(path: &Path, encrypted: bool, explicit: Option<&Key>) -> Result<Option<Key>, OpenError> {
    let plain_existing = !encrypted && std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
    let key = match explicit {
        Some(_) if plain_existing => return Err(OpenError::NotEncrypted { path: path.to_owned() }),
        Some(key) => key.clone(),
        None if encrypted => super::cipher::given().ok_or_else(|| OpenError::Encrypted { path: path.to_owned() })?,
        None => return Ok(None),
    };
    if encrypted {
        check_key(path, &key)?;
    }
    Ok(Some(key))
}

/// With a write-ahead log beside the encrypted file at `path`, `key` is first tried on a private
/// copy of its first page: reading the database itself would mark the log's index (`-shm`), even
/// with a wrong key. Without a log, the first read of the database checks the key and changes
/// nothing.
pub(super) fn check_key(path: &Path, key: &Key) -> Result<(), OpenError> {
    if !has_wal(path) {
        return Ok(());
    }
    match super::cipher::opens_first_page(path, key) {
        Ok(true) => Ok(()),
        Ok(false) => Err(OpenError::WrongPassphrase { path: path.to_owned() }),
        Err(source) => Err(OpenError::Io { path: path.to_owned(), source }),
    }
}

/// [`connect`], then keyed with `key` when there is one (before anything is read).
pub(super) fn connect_keyed(path: &Path, flags: OpenFlags, key: Option<&Key>) -> rusqlite::Result<Connection> {
    let conn = connect(path, flags)?;
    if let Some(key) = key {
        super::cipher::apply(&conn, key)?;
    }
    Ok(conn)
}

/// After SQLite opened the file, and before anything is written: is it ours and not newer?
///
/// When the file already has a write-ahead log (another program's, left by a crash), closing the
/// connection must not checkpoint until the answer is yes: SQLite would otherwise copy that log
/// into the file and delete it. Called before the connection has read anything.
///
/// On a `keyed` connection, the first read is where a wrong passphrase shows: SQLCipher cannot
/// decrypt the first page, and nothing has been written.
pub(super) fn check_identity(conn: &Connection, path: &Path, keyed: bool) -> Result<(), OpenError> {
    let no_checkpoint_on_close = |on: bool| {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, on)
            .map_err(|e| OpenError::Store { path: path.to_owned(), source: e.into() })
    };
    let foreign_log = has_wal(path);
    if foreign_log {
        no_checkpoint_on_close(true)?;
    }
    let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let unread = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) if keyed => OpenError::WrongPassphrase { path: path.to_owned() },
        _ => unreadable(path, e),
    };
    let app_id = read("PRAGMA application_id").map_err(unread)?;
    let version = read("PRAGMA user_version").map_err(unread)?;
    let objects = read("SELECT count(*) FROM sqlite_master").map_err(|e| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) if !keyed => OpenError::NotSqlite { path: path.to_owned() },
        _ => unread(e),
    })?;
    let empty = app_id == 0 && version == 0 && objects == 0;
    if app_id != APPLICATION_ID && !empty {
        return Err(OpenError::Foreign { path: path.to_owned() });
    }
    if version > CURRENT_VERSION {
        return Err(OpenError::NewerSchema { path: path.to_owned(), found: version, known: CURRENT_VERSION });
    }
    if foreign_log {
        no_checkpoint_on_close(false)?;
    }
    Ok(())
}

/// Why the file's identity could not be read: the file itself is damaged, unless SQLite could not
/// write, lock or read it (a read-only file or folder, another program holding it, an I/O
/// error), which says nothing about the file and is reported as such.
fn unreadable(path: &Path, err: rusqlite::Error) -> OpenError {
    match err.sqlite_error_code() {
        Some(
            ErrorCode::ReadOnly
            | ErrorCode::DatabaseBusy
            | ErrorCode::DatabaseLocked
            | ErrorCode::CannotOpen
            | ErrorCode::SystemIoFailure
            | ErrorCode::DiskFull,
        ) => OpenError::Store { path: path.to_owned(), source: err.into() },
        _ => damaged(path, err.to_string()),
    }
}

pub(super) fn has_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

fn damaged(path: &Path, detail: String) -> OpenError {
    OpenError::Damaged { path: path.to_owned(), detail }
}
