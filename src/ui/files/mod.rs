//! The File menu: import, export and backup jobs ([`state`]), their window (`view`), and what
//! the menu says about backups ([`backups`]).

pub mod backups;
pub mod state;
pub(crate) mod view;
