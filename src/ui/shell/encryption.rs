//! The app's side of encryption: an encrypted database waits for its passphrase before the
//! worker opens it (nothing of it is read before), a wrong one brings the dialog back with the
//! reason, and File → Encrypt this database… closes every connection, encrypts on a thread of
//! its own with progress, and reopens the encrypted file with the new passphrase.

use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use super::{Database, JevonsApp, Settings};
use crate::session::transfer::Job;
use crate::store::sealing::{self, SealProgress, Sealed};
use crate::store::{Key, OpenError, cipher};
use crate::ui::files::passphrase::{EncryptForm, EncryptionAction, Unlock};
use crate::ui::widgets::toasts::Toast;
use crate::ui::worker::{Request, Worker};

/// How long the encryption waits for the app's own reading threads to close the database.
const CLOSING_WAIT: Duration = Duration::from_secs(10);

/// What the encrypting thread reports.
pub enum SealMessage {
    Progress(SealProgress),
    Done(Result<Sealed, OpenError>),
}

/// An encryption under way (the database is closed meanwhile).
pub struct Encrypting {
    pub progress: Option<SealProgress>,
    messages: Receiver<SealMessage>,
    key: Key,
}

/// What the window remembers between runs (eframe's storage, a plain file beside its other
/// settings): for an encrypted database, not the last search, whose words may come from its
/// notes. The rest is no note text: the theme, the body mode, file paths, a note's number. (The
/// text fields' state egui keeps holds only where the cursor was.)
pub(super) fn remembered(settings: &Settings, db: &Path) -> Settings {
    let mut kept = settings.clone();
    if cipher::is_encrypted(db) {
        kept.last_query.clear();
    }
    kept
}

/// Whether the database at `path` must wait for its passphrase: it is encrypted and this
/// process was given none.
pub(super) fn waits_for_passphrase(path: &Path) -> bool {
    cipher::is_encrypted(path) && !cipher::has_key()
}

impl JevonsApp {
    /// Opens the database on the worker, or first asks for its passphrase.
    pub(super) fn start_opening(&mut self) {
        if waits_for_passphrase(&self.config.db) {
            self.db = Database::Locked(Unlock::default());
        } else {
            self.db = Database::Opening { since: Instant::now(), what: None };
            self.worker.send(Request::Open);
        }
    }

    /// Opening failed: an encrypted database asks for its passphrase again, with the reason.
    pub(super) fn open_failed(&mut self, message: String) {
        if cipher::is_encrypted(&self.config.db) {
            self.db = Database::Locked(Unlock { input: String::new(), error: Some(message) });
        } else {
            let path_input = self.config.db.display().to_string();
            self.db = Database::Failed { message, path_input };
        }
    }

    pub(super) fn apply_encryption(&mut self, action: EncryptionAction) {
        match action {
            EncryptionAction::Unlock(passphrase) => match Key::new(passphrase) {
                Some(key) => {
                    cipher::give(key);
                    self.db = Database::Opening { since: Instant::now(), what: None };
                    self.worker.send(Request::Open);
                }
                None => self.open_failed("Type the passphrase.".to_owned()),
            },
            EncryptionAction::ShowEncrypt if cipher::is_encrypted(&self.config.db) => {
                self.toasts.push(Toast::info("This database is already encrypted."));
            }
            EncryptionAction::ShowEncrypt if self.transfer.is_running() => {
                self.toasts.push(Toast::info("Wait for the running job to finish (or cancel it) first."));
            }
            EncryptionAction::ShowEncrypt => self.encrypt_form = Some(EncryptForm::default()),
            EncryptionAction::CloseEncrypt => self.encrypt_form = None,
            EncryptionAction::Encrypt(passphrase) => {
                self.encrypt_form = None;
                if let Some(key) = Key::new(passphrase) {
                    self.start_encrypting(key);
                }
            }
        }
    }

    /// An export or a sync of an encrypted database writes plain files: one notice says so.
    pub(super) fn warn_plain_files(&mut self, job: &Job) {
        let what = match job {
            Job::Export(..) => "The exported files (notes, and the documents sources hold) are plain text",
            Job::Sync(_) => "The notes and documents sync sends are plain text files",
            _ => return,
        };
        if cipher::is_encrypted(&self.config.db) {
            self.toasts.push(Toast::info(format!("{what}; the database itself stays encrypted.")));
        }
    }

    /// Saves the open note, closes every connection (the writing one, the worker's) and
    /// encrypts the file on a thread of its own.
    fn start_encrypting(&mut self, key: Key) {
        self.save_editor(false);
        let path = self.config.db.clone();
        // The old worker's threads close their connections as their queues close.
        self.worker = Worker::start(path.clone(), self.ctx.clone());
        let (send, messages) = channel();
        // The writing connection closes here, before the thread starts.
        self.db = Database::Encrypting(Encrypting { progress: None, messages, key: key.clone() });
        let ctx = self.ctx.clone();
        let thread_key = key;
        let spawned = std::thread::Builder::new().name("encrypt".into()).spawn(move || {
            let report = |p| {
                let _ = send.send(SealMessage::Progress(p));
                ctx.request_repaint();
            };
            let done = encrypt_when_closed(&path, &thread_key, &report);
            let _ = send.send(SealMessage::Done(done));
            ctx.request_repaint();
        });
        if let Err(err) = spawned {
            self.error = Some(format!("Cannot start the encryption: {err}"));
            self.reopen(self.config.db.clone());
        }
    }

    /// Takes the encrypting thread's news; once done, reopens the database (encrypted, or as it
    /// was when the encryption failed).
    pub(super) fn poll_encryption(&mut self) {
        let Database::Encrypting(encrypting) = &mut self.db else { return };
        let mut finished = None;
        while let Ok(message) = encrypting.messages.try_recv() {
            match message {
                SealMessage::Progress(p) => encrypting.progress = Some(p),
                SealMessage::Done(done) => finished = Some(done),
            }
        }
        let Some(done) = finished else { return };
        match done {
            Ok(sealed) => {
                cipher::give(encrypting.key.clone());
                self.toasts.push(Toast::info(format!(
                    "The database is encrypted ({} notes). Keep the passphrase safe: without it the research cannot be read.",
                    sealed.notes
                )));
            }
            Err(err) => self.error = Some(format!("The database was not encrypted: {err}. It is as it was.")),
        }
        self.reopen(self.config.db.clone());
    }
}

/// [`sealing::encrypt`], tried again while the app's own reading threads still have the file
/// open (they close it as their queues close).
fn encrypt_when_closed(path: &Path, key: &Key, report: &(dyn Fn(SealProgress) + Sync)) -> Result<Sealed, OpenError> {
    let started = Instant::now();
    loop {
        match sealing::encrypt(path, key, report) {
            Err(OpenError::InUse { .. }) if started.elapsed() < CLOSING_WAIT => {
                std::thread::sleep(Duration::from_millis(100));
            }
            done => return done,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_of_an_encrypted_database_keep_no_search_text() {
        let dir = tempfile::tempdir().unwrap();
        let (plain, sealed) = (dir.path().join("plain.db"), dir.path().join("sealed.db"));
        crate::store::Store::open(&plain).unwrap();
        crate::store::Store::open_keyed(&sealed, &Key::new("secret").unwrap()).unwrap();
        let settings = Settings { last_query: "quokka $NVDA".into(), ..Settings::default() };
        assert_eq!(remembered(&settings, &plain).last_query, "quokka $NVDA");
        assert_eq!(remembered(&settings, &sealed).last_query, "");
        let stored = serde_json::to_string(&remembered(&settings, &sealed)).unwrap();
        assert!(!stored.contains("quokka"), "{stored}");
    }
}
