//! A ticker's dossier: its data computed on the worker ([`state`]), the pane that draws it
//! (`view`, laying out only the sections in view: `lazy`), its charts, the catalysts its theses
//! list, where sources disagree, the names the ticker goes by, and its issuer's other listings.

mod catalysts;
mod charts;
mod disagreements;
mod lazy;
mod listings;
pub mod state;
mod ticker_names;
pub(crate) mod view;
