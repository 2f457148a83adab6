//! A ticker's dossier: its data computed on the worker ([`state`]), the pane that draws it
//! (`view`, laying out only the sections in view: `lazy`), its charts, the catalysts its theses
//! list, where sources disagree, and the names the ticker goes by.

mod catalysts;
mod charts;
mod disagreements;
mod lazy;
pub mod state;
mod ticker_names;
pub(crate) mod view;
