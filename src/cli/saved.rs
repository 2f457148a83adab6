//! `jevons saved`: the saved searches the window's sidebar shows, listed with their counts,
//! saved, run and forgotten from the command line (through [`crate::session::saved`]).

use clap::Subcommand;
use serde_json::json;

use super::{output, research};
use crate::model::SavedSearch;
use crate::query;
use crate::session::saved::{self, SavedChange};
use crate::store::{Store, Total};

#[derive(Debug, Subcommand)]
pub enum SavedCommand {
    /// The saved searches in the sidebar's order, each with its count.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Keep QUERY under NAME (a saved search of that name gets the new query).
    Save {
        name: String,
        #[arg(allow_hyphen_values = true)]
        query: String,
    },
    /// Run the saved search NAME (as `jevons search` would run its query).
    Run {
        name: String,
        #[command(flatten)]
        shown: super::SearchShown,
    },
    /// Forget the saved search NAME.
    Forget { name: String },
}

pub(super) fn run(store: &mut Store, command: SavedCommand) -> anyhow::Result<()> {
    match command {
        SavedCommand::List { json } => list(store, json),
        SavedCommand::Save { name, query } => {
            let done = saved::apply(store, &SavedChange::Save { name, query, place: None })?;
            println!("{}", done.message);
            Ok(())
        }
        SavedCommand::Run { name, shown } => {
            let search = named(store, &name)?;
            research::search(store, &search.query, &shown)
        }
        SavedCommand::Forget { name } => {
            let search = named(store, &name)?;
            let done = saved::apply(store, &SavedChange::Forget { id: search.id })?;
            println!("{}", done.message);
            Ok(())
        }
    }
}

/// The saved search called `name` (case and accents aside).
fn named(store: &Store, name: &str) -> anyhow::Result<SavedSearch> {
    store
        .saved_search_named(name)?
        .ok_or_else(|| anyhow::anyhow!("no saved search is called {name:?} (`jevons saved list` shows them)"))
}

fn list(store: &Store, as_json: bool) -> anyhow::Result<()> {
    let searches = store.saved_searches()?;
    let mut rows = Vec::with_capacity(searches.len());
    for search in searches {
        let total = store.count_within(&query::parse(&search.query)?, research::COUNT_BUDGET)?;
        rows.push((search, total));
    }
    if as_json {
        let out: Vec<_> = rows
            .iter()
            .map(|(s, total)| {
                let mut row = json!({ "id": s.id, "name": s.name, "query": s.query });
                match total {
                    Total::Exact(n) => row["total"] = json!(n),
                    Total::AtLeast(n) => {
                        row["total"] = serde_json::Value::Null;
                        row["total_at_least"] = json!(n);
                    }
                }
                row
            })
            .collect();
        return output::json(&out);
    }
    if rows.is_empty() {
        println!("no saved searches yet: `jevons saved save NAME QUERY` keeps one");
    }
    for (s, total) in rows {
        let count = match total {
            Total::Exact(n) => n.to_string(),
            Total::AtLeast(n) => format!("{n}+"),
        };
        output::line(&format!("{count:>8}  {}  {}", s.name, s.query));
    }
    Ok(())
}
