//! `jevons journal`: a note's journal from the command line: write an entry, revise one (the
//! earlier version stays), list them with their versions.

use clap::Subcommand;

use super::output;
use crate::session::journal::{self, JournalChange};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Write a dated entry in note NOTE's journal; prints the entry's id.
    Add {
        note: i64,
        #[arg(allow_hyphen_values = true)]
        text: String,
    },
    /// Revise entry ENTRY (the id of its newest version); prints the new version's id.
    Revise {
        entry: i64,
        #[arg(allow_hyphen_values = true)]
        text: String,
    },
    /// Note NOTE's journal, entries in the order written, each with its versions.
    List {
        note: i64,
        #[arg(long)]
        json: bool,
    },
}

pub(super) fn run(store: &mut Store, command: JournalCommand) -> anyhow::Result<()> {
    match command {
        JournalCommand::Add { note, text } => {
            let done = journal::apply(store, &JournalChange::Write { note, text })?;
            println!("{}", done.written.id);
            Ok(())
        }
        JournalCommand::Revise { entry, text } => {
            let done = journal::apply(store, &JournalChange::Revise { entry, text })?;
            println!("{}", done.written.id);
            Ok(())
        }
        JournalCommand::List { note, json } => {
            store.note(note)?;
            let threads = store.journal(note)?;
            if json {
                return output::json(&threads);
            }
            if threads.is_empty() {
                println!("note {note} has no journal entries yet");
            }
            for thread in &threads {
                for (i, version) in thread.versions.iter().enumerate() {
                    let label = if i == 0 { "written" } else { "revised" };
                    let at = version.written_at.as_datetime().format("%Y-%m-%d %H:%M");
                    output::line(&format!("[{}] {label} {at}  {}", version.id, version.text));
                }
            }
            Ok(())
        }
    }
}
