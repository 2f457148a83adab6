//! Text analysis: what a note's text says about tickers (and, later, figures and dates).
//!
//! Everything here is pure: text in, findings with their spans out. No SQL, no I/O.

mod cashtags;

pub use cashtags::{Cashtag, cashtags};
