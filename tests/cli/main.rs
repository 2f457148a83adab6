//! The command line's tests: the real `jevons` binary run in temporary folders, one file per
//! command family, built as one test binary (one link of the library instead of one per file).

#[path = "../common/cli.rs"]
mod cli;
#[path = "../common/mod.rs"]
mod common;
#[path = "../common/pdf.rs"]
mod pdf;
#[path = "../common/png.rs"]
mod png;
#[path = "../common/team.rs"]
mod team;

mod attachments;
mod backup;
mod commands;
mod documents;
mod encryption;
mod extract;
mod extract_views;
mod hostile_files;
mod hostile_input;
mod import_export;
mod import_merge;
mod json_documents;
mod links;
mod markets;
mod prices_cmd;
mod properties;
mod research_tools;
mod restore_load;
mod sync;
mod sync_attachments;
mod sync_documents;
