//! The File menu: import, export, price import, backup and sync jobs ([`state`]), their window
//! (`view`, with the price import's form and summary in `prices`), what the menu says about
//! backups ([`backups`]), and the last sync in the status bar ([`sync`]).

pub mod backups;
mod prices;
pub mod state;
pub mod sync;
pub(crate) mod view;
