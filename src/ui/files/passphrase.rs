//! What the passphrase dialogs hold (the start screen of an encrypted database, File → Encrypt
//! this database…) and what they ask for; drawn by [`super::encryption`].

/// What a user asked for about encryption.
#[derive(Debug, Clone, PartialEq)]
pub enum EncryptionAction {
    /// Open the encrypted database with this passphrase.
    Unlock(String),
    /// File → Encrypt this database…
    ShowEncrypt,
    /// Encrypt with this passphrase (typed twice, the same).
    Encrypt(String),
    CloseEncrypt,
}

/// The passphrase dialog of an encrypted database at start.
#[derive(Debug, Clone, Default)]
pub struct Unlock {
    pub input: String,
    /// Why the last passphrase did not open it.
    pub error: Option<String>,
}

/// The form of File → Encrypt this database….
#[derive(Debug, Clone, Default)]
pub struct EncryptForm {
    pub first: String,
    pub second: String,
    pub error: Option<String>,
}
