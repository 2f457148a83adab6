//! The open note: its editing state ([`state`]) and pane (`view`), its properties, the body
//! editor and preview, what extraction reads in it, its claims and claim form, suggestions, its
//! journal, history, conflicts and the trash banner, and its links to and from other notes.

pub mod actions;
pub mod analysis;
pub mod body;
pub mod claim_form;
pub(crate) mod claim_links;
pub(crate) mod claims;
mod conflict;
mod journal;
pub mod links;
mod preview;
pub mod properties;
mod review;
pub(crate) mod revisions;
mod split;
pub mod state;
mod suggestions;
mod trash;
pub(crate) mod view;
mod wiki_preview;
