//! A ticker's dossier: its data computed on the worker ([`state`], [`price_data`]), the pane that
//! draws it (`view`, laying out only the sections in view: `lazy`), its charts (prices with
//! markers and events, figures, views), the catalysts its theses list, where sources disagree,
//! the names the ticker goes by, and its issuer's other listings.

mod catalysts;
pub mod charts;
mod days;
mod disagreements;
mod lazy;
mod listings;
pub mod price_chart;
pub mod price_data;
pub mod state;
mod ticker_names;
pub(crate) mod view;
