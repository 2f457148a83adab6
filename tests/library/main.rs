//! The library's tests through its public API: store, search, links, documents, import and
//! export, extraction quality, the layer and safety rules, and the property tests. One test
//! binary, so a clean build links the library once for all of them.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/pdf.rs"]
mod pdf;
#[path = "../common/sources.rs"]
mod sources;

mod documents;
mod export;
mod extract_properties;
mod extract_quality;
mod import;
mod import_properties;
mod label_agreement;
mod layers;
mod links;
mod merge_properties;
mod no_network;
mod no_sql_from_input;
mod note_properties;
mod order;
mod properties;
mod quality_interval;
mod released_parts;
mod safety;
mod search;
mod store;
