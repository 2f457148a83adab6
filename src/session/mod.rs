//! The rules that change the user's research, for both front ends: saving a note with the
//! edit-conflict rule, the trash, claims and their undo, conflict choices, the names tickers go
//! by, links between notes, notes' journals, saved searches, prices in, claimants' track records
//! and merges, and the File menu's jobs.
//!
//! Plain inputs, plain results: each rule takes the [`Store`](crate::store::Store) and what the
//! user asked for, and answers with an enum that says what happened (saved, conflict, gone…) for
//! the window to show, the command line to print and the tests to assert. Nothing here draws or
//! imports egui; the window keeps only what is on screen.

pub mod claimants;
pub mod claims;
pub mod documents;
pub mod journal;
pub mod links;
pub mod names;
pub mod notes;
pub mod prices;
pub mod properties;
pub mod reviews;
pub mod saved;
pub mod transfer;
pub mod trash;

#[cfg(test)]
mod fixture;
