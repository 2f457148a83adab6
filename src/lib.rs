//! Jevons: a research store for investment notes, with one search language and thin front ends.
//!
//! # Where things live
//! Layers, bottom to top; each uses only those below it.
//!
//! | layer | what it holds |
//! |---|---|
//! | [`model`] | plain types: notes, claims, sources, tickers, tags; checks on what users type |
//! | [`query`] | the search language: text → a plan ([`query::parse`]) |
//! | [`extract`] | reading text: cashtags and company names, figures, dates, claimants, views |
//! | [`compare`] | where sources disagree: figure spreads, opposite stances |
//! | [`store`] | the SQLite database, the only code with SQL; every write one transaction |
//! | [`io`] | files in and out: Markdown/JSON/CSV import and export, backups |
//! | [`session`] | the rules that change research: saving (edit conflicts), trash, claims, names, journals, saved searches, jobs |
//! | [`cli`] | `jevons …`: parses arguments, calls `session`/`store`/`io`, prints |
//! | [`ui`] | the window (egui): views per feature, the shell applying their actions, a worker |
//!
//! [`database`] chooses and opens the database for both front ends; [`sample`] is the research a
//! new database starts with; `main.rs` only chooses between [`ui`] (no arguments) and [`cli`] (a
//! subcommand). `tests/library/layers.rs` checks every layer's imports against this table.
//!
//! Domain logic sits *below* the store: `query`, `extract` and `compare` are pure functions over
//! `model` types and never import `store`; the store calls them (to plan a search, to link the
//! tickers a note names) and the views call them on data the store returned. (An older picture
//! in the design brief drew the store under them; the code's order is the one to keep.)
//!
//! # Where to look for…
//! - a search that finds the wrong notes: [`query`] (parsing), then `store::search` (SQL);
//! - what a save, trash or claim does to the data: [`session`], then [`store`];
//! - what the window shows or a key does: `ui::<feature>::view`, `ui::shell::shortcuts`;
//! - an import or export: [`io`], started from [`cli`] or `session::transfer`.

pub mod cli;
pub mod compare;
pub mod database;
pub mod extract;
pub mod io;
pub mod model;
pub mod query;
pub mod sample;
pub mod session;
pub mod store;
pub mod ui;
