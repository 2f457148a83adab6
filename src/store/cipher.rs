//! Encryption at rest (SQLCipher): the passphrase, telling an encrypted file from a plain one by
//! its first bytes, and keying a connection.
//!
//! An encrypted database is a SQLCipher file: every page, the full-text index and the
//! write-ahead log are encrypted with a key derived from the passphrase (PBKDF2-HMAC-SHA512,
//! SQLCipher 4's defaults). Its first 16 bytes are a random salt instead of
//! `SQLite format 3\0`, which is how it is recognised before anything opens it.
//!
//! A front end that was given the passphrase hands it over once with [`give`]; every open of an
//! encrypted file in this process then uses it (the app's reading threads, its jobs, backups and
//! restores), while plain files open exactly as they always did. Keyed connections keep their
//! temporary data in memory, so no plain copy of a page reaches a temporary file.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{PoisonError, RwLock};

use rusqlite::{Connection, OpenFlags};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The smallest page SQLite writes: an encrypted file is a whole number of them.
const SMALLEST_PAGE: u64 = 512;
/// The largest page: a copy of this much holds the first page whatever its size.
const FIRST_PAGE_AT_MOST: u64 = 65_536;

/// The passphrase of an encrypted database. Never printed: its `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Key(String);

impl Key {
    /// A key from a passphrase; `None` for an empty one (SQLCipher would read it as "no key").
    pub fn new(passphrase: impl Into<String>) -> Option<Self> {
        let passphrase = passphrase.into();
        (!passphrase.is_empty()).then_some(Self(passphrase))
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(hidden)")
    }
}

/// The passphrase this process was given (see [`give`]).
static GIVEN: RwLock<Option<Key>> = RwLock::new(None);

/// Hands this process the passphrase of its encrypted database: from now on every open of an
/// encrypted file (the store, backups, restores) uses it. Plain files are not affected.
pub fn give(key: Key) {
    *GIVEN.write().unwrap_or_else(PoisonError::into_inner) = Some(key);
}

/// Whether this process was given a passphrase.
pub fn has_key() -> bool {
    GIVEN.read().unwrap_or_else(PoisonError::into_inner).is_some()
}

/// The passphrase given with [`give`], if any.
pub(super) fn given() -> Option<Key> {
    GIVEN.read().unwrap_or_else(PoisonError::into_inner).clone()
}

/// Whether the file at `path` is an encrypted database: it does not start with SQLite's header,
/// is a whole number of pages long, and starts with a salt (not 16 equal bytes), so a text file,
/// a truncated one or one of zeros is not taken for one. Random bytes are: nothing tells them
/// from an encrypted database without the key, so the messages that follow say "or is not a
/// database".
/// Reads the first 16 bytes only; a missing or empty file is not encrypted.
pub fn is_encrypted(path: &Path) -> bool {
    let Ok(mut file) = File::open(path) else { return false };
    let Ok(meta) = file.metadata() else { return false };
    if !meta.is_file() || meta.len() < SMALLEST_PAGE || meta.len() % SMALLEST_PAGE != 0 {
        return false;
    }
    let mut head = [0u8; 16];
    // The first 16 bytes of an encrypted file are its random salt: never all one byte (a file of
    // zeros is no database at all).
    file.read_exact(&mut head).is_ok() && &head != MAGIC && head.iter().any(|&b| b != head[0])
}

/// Keys a connection that has read nothing yet, and keeps its temporary data in memory. The
/// passphrase goes through `pragma_update`, which quotes it as an SQL string.
pub(super) fn apply(conn: &Connection, key: &Key) -> rusqlite::Result<()> {
    // SQLCipher's own log would print lines of its own on standard error (a wrong passphrase's
    // failed page checks): the error it returns says it all.
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    conn.pragma_update(None, "key", key.0.as_str())?;
    conn.pragma_update(None, "temp_store", "memory")
}

/// Whether `key` opens the encrypted file at `path`, tried on a private copy of its first 64 KB
/// (the first page, whatever its size; the rest left a hole) in a private temporary folder, so
/// that nothing beside the database is touched: a read of the database itself, even one that fails on a wrong key, marks
/// the index of a write-ahead log that another program is writing (its `-shm`). The copy holds
/// only encrypted bytes and is removed at once. An error means the copy could not be made.
pub(super) fn opens_first_page(path: &Path, key: &Key) -> std::io::Result<bool> {
    let mut head = Vec::new();
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    file.take(FIRST_PAGE_AT_MOST).read_to_end(&mut head)?;
    // A folder of its own with a random name, only its owner may enter: a copy a killed run
    // left behind cannot stand in the way of a later run (process ids are reused), and the
    // copy's log and index, if SQLite makes any, go with the folder.
    let mut builder = tempfile::Builder::new();
    builder.prefix("jevons-key-");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        builder.permissions(std::fs::Permissions::from_mode(0o700));
        options.mode(0o600);
    }
    let folder = builder.tempdir()?;
    let copy = folder.path().join("head.db");
    let mut written = options.open(&copy)?;
    written.write_all(&head)?;
    // As long as the original (a hole, no room taken): SQLite refuses a file shorter than the
    // page count its header gives.
    written.set_len(len)?;
    drop(written);
    let read = (|| {
        let conn =
            Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        apply(&conn, key)?;
        conn.query_row("PRAGMA application_id", [], |r| r.get::<_, i64>(0))
    })();
    drop(folder);
    // Only SQLCipher's "not a database" says the first page did not decrypt. Anything else
    // came after it did (a copy whose header counts pages the log still holds reads as
    // "malformed"): the key is right, and the real open says what else is wrong.
    Ok(!matches!(read, Err(err) if err.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase)))
}

/// The passphrase as an SQL parameter (`ATTACH … KEY ?2`).
pub(super) fn secret(key: &Key) -> &str {
    &key.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_passphrase_is_no_key_and_a_key_never_prints_itself() {
        assert!(Key::new("").is_none());
        let key = Key::new("hunter2").unwrap();
        assert!(!format!("{key:?}").contains("hunter2"));
    }

    #[test]
    fn a_passphrase_is_tried_on_a_copy_even_where_a_killed_run_left_its_copies() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("sealed.db");
        let key = Key::new("right").unwrap();
        let conn = Connection::open(&db).unwrap();
        apply(&conn, &key).unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
        drop(conn);
        assert!(is_encrypted(&db));
        // Copies named the way earlier versions named theirs, as a run killed mid-try leaves
        // them (a later process may be given the same id).
        let stale: Vec<_> = (0..4)
            .map(|n| std::env::temp_dir().join(format!("jevons-key-{}-{n}", std::process::id())))
            .filter(|path| std::fs::write(path, b"left by a killed run").is_ok())
            .collect();
        let right = opens_first_page(&db, &key);
        let wrong = opens_first_page(&db, &Key::new("wrong").unwrap());
        for path in stale {
            let _ = std::fs::remove_file(path);
        }
        assert!(right.unwrap(), "the right passphrase opens the copy");
        assert!(!wrong.unwrap(), "a wrong one does not");
    }

    #[test]
    fn only_a_whole_number_of_pages_without_the_sqlite_header_counts_as_encrypted() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        };
        let sealed: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
        assert!(is_encrypted(&file("sealed.db", &sealed)));
        assert!(!is_encrypted(&file("sevens.db", &[7u8; 4096])));
        assert!(!is_encrypted(&file("notes.txt", b"just some text\n")));
        assert!(!is_encrypted(&file("empty.db", b"")));
        assert!(!is_encrypted(&file("zeros.db", &[0u8; 65_536])));
        let mut plain = MAGIC.to_vec();
        plain.resize(4096, 0);
        assert!(!is_encrypted(&file("plain.db", &plain)));
        assert!(!is_encrypted(&dir.path().join("missing.db")));
    }
}
