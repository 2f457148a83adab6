//! The File menu: import, export, backup and sync jobs ([`state`]), their window (`view`), what
//! the menu says about backups ([`backups`]), and the last sync in the status bar ([`sync`]).

pub mod backups;
pub mod state;
pub mod sync;
pub(crate) mod view;
