//! The window's tests (egui_kittest, AccessKit queries), one file per feature, built as one test
//! binary so that a clean build links the app once for all of them rather than once per file.
//! "Open at page N" is apart, in `tests/ui_viewer.rs`: it sets environment variables for its
//! whole process.

#[path = "../common/app.rs"]
mod app;
#[path = "../common/pdf.rs"]
mod pdf;
#[path = "../common/png.rs"]
mod png;
#[path = "../common/prices.rs"]
mod prices;

mod documents;
mod dossier;
mod encryption;
mod files;
mod links;
mod markets;
mod names;
mod note_pane;
mod price_chart;
mod properties;
mod saved;
mod source_search;
mod sync;
mod thesis;
mod window;
