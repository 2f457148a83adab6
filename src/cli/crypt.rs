//! `jevons encrypt`, `decrypt`, `rekey`, and the passphrase of an encrypted database for every
//! other command: from `JEVONS_PASSPHRASE`, else asked on the terminal without echo, else a
//! clear error (a script with neither gets one line, never a prompt that waits forever).

use std::path::Path;
use std::time::{Duration, Instant};

use clap::Subcommand;

use super::output;
use crate::io::BackupError;
use crate::store::sealing::{self, SealPhase, SealProgress};
use crate::store::{Key, OpenError, cipher};

/// The passphrase for scripts.
pub const PASSPHRASE_VAR: &str = "JEVONS_PASSPHRASE";
/// The new passphrase of `jevons rekey` for scripts.
pub const NEW_PASSPHRASE_VAR: &str = "JEVONS_NEW_PASSPHRASE";

/// Progress lines are printed at most this often.
const PROGRESS_EVERY: Duration = Duration::from_secs(1);
/// …and only after this long.
const QUIET_FOR: Duration = Duration::from_secs(2);

#[derive(Debug, Subcommand)]
pub enum CryptCommand {
    /// Encrypt the database with a passphrase (SQLCipher: notes, full-text index and log). The
    /// encrypted copy is checked before it replaces the plain file.
    Encrypt,
    /// Turn an encrypted database back into a plain SQLite file.
    Decrypt,
    /// Change the passphrase of an encrypted database (the new one from JEVONS_NEW_PASSPHRASE,
    /// or asked twice).
    Rekey,
}

/// Runs `encrypt`, `decrypt` or `rekey` on the database at `db`.
pub(super) fn run(db: &Path, command: CryptCommand) -> anyhow::Result<()> {
    if !db.is_file() {
        anyhow::bail!("there is no database at {}", db.display());
    }
    let show = printer();
    let (sealed, done) = match command {
        CryptCommand::Encrypt => {
            if cipher::is_encrypted(db) {
                anyhow::bail!("{} is already encrypted (`jevons rekey` changes its passphrase)", db.display());
            }
            let key = passphrase(PASSPHRASE_VAR, "New passphrase", true)?;
            (sealing::encrypt(db, &key, &show)?, "encrypted")
        }
        CryptCommand::Decrypt => {
            let key = passphrase(PASSPHRASE_VAR, "Passphrase", false)?;
            (sealing::decrypt(db, &key, &show)?, "decrypted")
        }
        CryptCommand::Rekey => {
            let old = passphrase(PASSPHRASE_VAR, "Current passphrase", false)?;
            let new = passphrase(NEW_PASSPHRASE_VAR, "New passphrase", true)?;
            (sealing::rekey(db, &old, &new, &show)?, "changed the passphrase of")
        }
    };
    output::line(&format!("{done} {} ({} notes, {})", db.display(), sealed.notes, human(sealed.bytes)));
    Ok(())
}

/// Before a command opens the database at `db`: when it is encrypted, the process is given its
/// passphrase (checked by the open itself).
pub(super) fn unlock(db: &Path) -> anyhow::Result<()> {
    if cipher::is_encrypted(db) {
        let key = passphrase(PASSPHRASE_VAR, "Passphrase", false).map_err(|err| {
            anyhow::anyhow!("{} is encrypted, or is not a SQLite database: {err} (it was left untouched)", db.display())
        })?;
        cipher::give(key);
    }
    Ok(())
}

/// Whether a restore failed for want of a passphrase this process was not given (a backup
/// that is encrypted where the database is not, or is gone).
pub(super) fn needs_key(err: &BackupError) -> bool {
    matches!(
        err,
        BackupError::BadBackup { cause: OpenError::Encrypted { .. }, .. }
            | BackupError::Source { cause: OpenError::Encrypted { .. }, .. }
            | BackupError::Replace { cause: OpenError::Encrypted { .. }, .. }
    )
}

/// Gives the process a passphrase even though the database is not encrypted (for a backup that is).
pub(super) fn unlock_anyway() -> anyhow::Result<()> {
    cipher::give(passphrase(PASSPHRASE_VAR, "Passphrase", false)?);
    Ok(())
}

/// Export and sync write plain files: said once, on standard error, when the database is encrypted.
pub(super) fn warn_plain(db: &Path, what: &str) {
    if cipher::is_encrypted(db) {
        eprintln!(
            "jevons: note: the files {what} writes (notes, and the documents sources hold) are plain text, not \
             encrypted; the database itself stays encrypted"
        );
    }
}

/// The passphrase from `var`, else asked on the terminal (twice when `twice`, for a new one).
fn passphrase(var: &str, prompt: &str, twice: bool) -> anyhow::Result<Key> {
    if let Ok(given) = std::env::var(var) {
        return Key::new(given).ok_or_else(|| anyhow::anyhow!("{var} is empty: a passphrase cannot be"));
    }
    let no_terminal = |_| anyhow::anyhow!("set {var} to the passphrase (there is no terminal to ask on)");
    let first = terminal::ask(&format!("{prompt}: ")).map_err(no_terminal)?;
    let key = Key::new(first.clone()).ok_or_else(|| anyhow::anyhow!("an empty passphrase: nothing was changed"))?;
    if twice && terminal::ask(&format!("{prompt} again: ")).map_err(no_terminal)? != first {
        anyhow::bail!("the two passphrases differ: nothing was changed");
    }
    Ok(key)
}

/// Progress on standard error, at most once a second, once a run has taken a while (a small
/// database is done before anything is printed).
fn printer() -> impl Fn(SealProgress) + Sync {
    let started = Instant::now();
    let last = std::sync::Mutex::new(None::<Instant>);
    move |p: SealProgress| {
        let mut last = last.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let quiet = started.elapsed() < QUIET_FOR
            || (p.phase == SealPhase::Copying && last.is_some_and(|at| at.elapsed() < PROGRESS_EVERY));
        if quiet {
            return;
        }
        *last = Some(Instant::now());
        match p.phase {
            SealPhase::Copying => eprintln!("jevons: copying: {} of about {}", human(p.done), human(p.total)),
            SealPhase::Checking => eprintln!("jevons: checking the new file…"),
            SealPhase::Replacing => eprintln!("jevons: replacing the database with the new file…"),
        }
    }
}

fn human(bytes: u64) -> String {
    crate::io::backup::budget::human(bytes)
}

/// Reading a line from the terminal without echo.
mod terminal {
    /// Asks `prompt` on the controlling terminal and reads one line with echo off.
    #[cfg(unix)]
    pub fn ask(prompt: &str) -> std::io::Result<String> {
        use std::io::{BufRead, BufReader, Write};
        use std::os::fd::AsRawFd;

        let tty = std::fs::OpenOptions::new().read(true).write(true).open("/dev/tty")?;
        let fd = tty.as_raw_fd();
        // SAFETY: termios is plain data; tcgetattr fills it for a valid descriptor.
        let mut mode: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: `fd` is open for the life of `tty`, `mode` is a valid termios.
        if unsafe { libc::tcgetattr(fd, &mut mode) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let saved = mode;
        mode.c_lflag &= !libc::ECHO;
        mode.c_lflag |= libc::ECHONL;
        // SAFETY: as above.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &mode) };
        let mut line = String::new();
        let read = (&tty).write_all(prompt.as_bytes()).and_then(|()| BufReader::new(&tty).read_line(&mut line));
        // SAFETY: as above; the terminal gets its echo back whatever happened.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &saved) };
        read?;
        Ok(line.trim_end_matches(['\n', '\r']).to_owned())
    }

    /// No terminal prompt off Unix: the passphrase comes from the environment.
    #[cfg(not(unix))]
    pub fn ask(_prompt: &str) -> std::io::Result<String> {
        Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "no terminal prompt here"))
    }
}
