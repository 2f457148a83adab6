//! Jevons: a research store for investment notes, with one search language and thin front ends.
//!
//! The library holds everything; `main.rs` only chooses between the desktop app ([`ui`]) and the
//! command line ([`cli`]). Data flows one way: front ends call [`store::Store`], which is the only
//! code that speaks SQL.

pub mod cli;
pub mod compare;
pub mod extract;
pub mod io;
pub mod model;
pub mod paths;
pub mod query;
pub mod sample;
pub mod session;
pub mod store;
pub mod ui;
