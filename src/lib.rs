//! Jevons: a research store for investment notes, with one search language and thin front ends.
//!
//! The library holds everything; `main.rs` only chooses between the desktop app ([`ui`]) and the
//! command line ([`cli`]), both of which choose and open the database through [`database`]. Data
//! flows one way: front ends call [`store::Store`], which is the only code that speaks SQL; the
//! pure domain logic ([`query`], [`extract`], [`compare`] over the plain types of [`model`]) sits
//! below the store and never calls it (`tests/layers.rs` checks every layer's imports).

pub mod cli;
pub mod compare;
pub mod database;
pub mod extract;
pub mod io;
pub mod model;
pub mod query;
pub mod sample;
pub mod store;
pub mod ui;
