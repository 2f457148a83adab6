//! The File menu: import, export, price import and backup jobs ([`state`]), their window (`view`,
//! with the price import's form and summary in `prices`), and what the menu says about backups
//! ([`backups`]).

pub mod backups;
mod prices;
pub mod state;
pub(crate) mod view;
