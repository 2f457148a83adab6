//! The File menu: import, export, price import, document, backup and sync jobs ([`state`]), their
//! window (`view`, with the price import's form and summary in `prices` and File → Add
//! document…'s in `documents`), what the menu says about backups ([`backups`]), the last sync in
//! the status bar ([`sync`]), and the passphrase of an encrypted database and File → Encrypt this
//! database… ([`encryption`], [`passphrase`]).

pub mod backups;
mod documents;
pub mod encryption;
pub mod passphrase;
mod prices;
pub mod state;
pub mod sync;
pub(crate) mod view;
