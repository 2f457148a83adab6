//! `jevons import`, `export`, `backup`, `restore`: counts on standard output, progress on
//! standard error for long runs (every batch, not every file).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clap::{Subcommand, ValueEnum};

use super::output;
use crate::io::backup::{self, Budget};
use crate::io::{self, Format, ImportOptions, ImportReport, Phase, Progress};
use crate::store::{ImportRun, UndoReport};

/// How many imports `import --list` shows.
const LISTED_IMPORTS: usize = 50;

/// Runs shown progress only after this long, so short commands print nothing extra.
const QUIET_FOR: Duration = Duration::from_secs(2);

#[derive(Debug, Subcommand)]
pub enum IoCommand {
    /// Import a Markdown file or folder (Obsidian vault, Joplin export) or a Jevons JSON export;
    /// or undo an import, or list them.
    Import {
        #[arg(required_unless_present_any = ["undo", "list"], conflicts_with_all = ["undo", "list"])]
        path: Option<PathBuf>,
        /// Undo the last import (or import ID, see --list): notes it created are removed, notes it
        /// changed get back their version from before it; what was changed since is kept.
        #[arg(long, value_name = "ID", num_args = 0..=1, conflicts_with = "list")]
        undo: Option<Option<i64>>,
        /// List the latest imports with their ids.
        #[arg(long)]
        list: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export everything: a folder of Markdown files, or one JSON or CSV (claims) file.
    Export {
        #[arg(long, value_enum)]
        format: FormatArg,
        /// The folder (markdown) or the new file (json, csv) to write.
        out: PathBuf,
    },
    /// Back up the database (into PATH, a new file or a folder; default: backups/ next to it).
    Backup {
        path: Option<PathBuf>,
        /// Make an automatic backup now: compacted, compressed, checked, and older automatic
        /// backups deleted to stay within the budget.
        #[arg(long, conflicts_with = "path")]
        auto: bool,
        /// Let automatic backups take at most PERCENT of the room they have (the disk's free
        /// space plus their own size); kept in the backups folder.
        #[arg(long, value_name = "PERCENT", conflicts_with = "path",
              value_parser = clap::value_parser!(u8).range(1..=i64::from(backup::budget::MAX_SHARE)))]
        budget: Option<u8>,
        /// Show where backups go, how much room they take, and the budget.
        #[arg(long, conflicts_with = "path")]
        list: bool,
    },
    /// Replace the database with a backup, plain or compressed (checked first; what the database
    /// held is kept beside it).
    Restore { path: PathBuf },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Markdown,
    Json,
    Csv,
}

impl From<FormatArg> for Format {
    fn from(value: FormatArg) -> Self {
        match value {
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
        }
    }
}

/// Runs an import/export/backup command against the database at `db`. Backup and restore work
/// on the file itself and never open (or create) a store first.
pub(super) fn run(db: &Path, command: IoCommand) -> anyhow::Result<()> {
    super::crypt::unlock(db)?;
    match command {
        IoCommand::Import { undo: Some(id), json, .. } => {
            let mut store = super::open_database(db)?;
            let report = store.undo_import(id)?;
            if json {
                output::json(&report)?;
            } else {
                print_undo(&report);
            }
        }
        IoCommand::Import { list: true, json, .. } => {
            let store = super::open_database(db)?;
            let runs = store.imports(LISTED_IMPORTS)?;
            if json {
                output::json(&serde_json::json!({ "imports": runs }))?;
            } else {
                print_imports(&runs);
            }
        }
        IoCommand::Import { path, json, .. } => {
            let path = path.unwrap_or_default();
            let mut store = super::open_database(db)?;
            let mut show = progress_printer("import");
            let report =
                io::import_path(&mut store, &path, &ImportOptions::default(), &mut show, &AtomicBool::new(false))?;
            if json {
                output::json(&report)?;
            } else {
                print_import(&report);
            }
        }
        IoCommand::Export { format, out } => {
            super::crypt::warn_plain(db, "export");
            let store = super::open_database(db)?;
            let mut show = progress_printer("export");
            let report = io::export(&store, format.into(), &out, &mut show, &AtomicBool::new(false))?;
            match format {
                FormatArg::Csv => output::line(&format!("exported {} claims to {}", report.claims, out.display())),
                _ => output::line(&format!(
                    "exported {} notes, {} claims, {} sources to {}",
                    report.notes,
                    report.claims,
                    report.sources,
                    out.display()
                )),
            }
        }
        IoCommand::Backup { path, auto, budget, list } => backup_command(db, path, auto, budget, list)?,
        IoCommand::Restore { path } => {
            // A backup may be encrypted where the database is not (or is gone): its passphrase
            // is asked for when it turns out to need one.
            let restored = match backup::restore(db, &path) {
                Err(err) if super::crypt::needs_key(&err) => {
                    super::crypt::unlock_anyway()?;
                    backup::restore(db, &path)?
                }
                done => done?,
            };
            match restored.replaced {
                Some(old) => output::line(&format!(
                    "restored {} notes from {}; the replaced database is kept as {}",
                    restored.notes,
                    path.display(),
                    old.display()
                )),
                None => output::line(&format!("restored {} notes from {}", restored.notes, path.display())),
            }
        }
    }
    Ok(())
}

/// `jevons backup`: a plain copy on request, or an automatic one, the budget, the list.
fn backup_command(db: &Path, path: Option<PathBuf>, auto: bool, budget: Option<u8>, list: bool) -> anyhow::Result<()> {
    if !auto && budget.is_none() && !list {
        let made = backup::backup(db, path.as_deref())?;
        output::line(&format!("backed up {} notes to {}", made.notes, made.path.display()));
        return Ok(());
    }
    let folder = backup::default_backups_dir(db);
    if let Some(share_percent) = budget {
        backup::set_budget(&folder, Budget { share_percent })?;
    }
    if auto {
        let started = Instant::now();
        let made = backup::automatic_backup(db, &folder, &backup::budget::free_space)?;
        output::line(&format!(
            "backed up {} notes to {} ({}, from a {} database, in {:.1} s)",
            made.notes,
            made.path.display(),
            backup::budget::human(made.bytes),
            backup::budget::human(made.database_bytes),
            started.elapsed().as_secs_f64()
        ));
        for old in &made.removed {
            output::line(&format!("deleted {} to stay within the budget", old.display()));
        }
    }
    let summary = backup::summary(&folder)?;
    output::line(&format!("backups in {}: {}", summary.folder.display(), summary.describe()));
    if list {
        for kept in backup::list(&folder) {
            let kind = if kept.automatic { "automatic" } else { "on request" };
            println!(
                "{}\t{}\t{}",
                output::printable(&kept.path.display().to_string()),
                backup::budget::human(kept.bytes),
                kind
            );
        }
    }
    Ok(())
}

/// A progress callback that prints a line on standard error once a run has taken a while.
fn progress_printer(what: &'static str) -> impl FnMut(Progress) {
    let started = Instant::now();
    move |p: Progress| {
        if started.elapsed() >= QUIET_FOR && matches!(p.phase, Phase::Importing | Phase::Exporting) {
            match p.total {
                Some(total) => eprintln!("jevons: {what}: {} of {total}…", p.done),
                None => eprintln!("jevons: {what}: {}…", p.done),
            }
        }
    }
}

fn print_import(report: &ImportReport) {
    let mut counts = vec![
        format!("imported {}", report.imported),
        format!("updated {}", report.updated),
        format!("unchanged {}", report.unchanged),
    ];
    if report.kept_newer > 0 {
        counts.push(format!("kept (newer here) {}", report.kept_newer));
    }
    if report.conflicts > 0 {
        counts.push(format!("conflicts {} (both kept)", report.conflicts));
    }
    counts.push(format!("skipped {}", report.skipped.len()));
    if report.attachments > 0 {
        counts.push(format!("attachments {}", report.attachments));
    }
    if report.ignored > 0 {
        counts.push(format!("ignored {} (not Markdown, not linked)", report.ignored));
    }
    println!("{}", counts.join(", "));
    for file in &report.skipped {
        output::line(&format!("skipped {}: {}", file.path.display(), file.reason));
    }
    for file in &report.warnings {
        output::line(&format!("warning {}: {}", file.path.display(), file.reason));
    }
    if report.cancelled {
        println!("cancelled: the notes above were stored; run the import again to finish");
    }
    if let Some(id) = report.import_id {
        println!("this was import {id}; `jevons import --undo {id}` undoes it");
    }
}

fn print_undo(report: &UndoReport) {
    println!(
        "undid import {}: removed {} new notes, brought back {} changed notes, dropped {} conflict versions, {} claims outside notes",
        report.import_id, report.removed, report.reverted, report.conflicts_dropped, report.claims
    );
    for kept in &report.kept {
        output::line(&format!("kept {kept}"));
    }
}

fn print_imports(runs: &[ImportRun]) {
    if runs.is_empty() {
        println!("no imports");
    }
    for run in runs {
        let state = match (&run.undone_at, &run.finished_at) {
            (Some(at), _) => format!("undone {}", at.as_datetime().format("%Y-%m-%d %H:%M")),
            (None, None) => "did not finish".to_owned(),
            (None, Some(_)) => String::new(),
        };
        println!(
            "{}\t{}\timported {}, updated {}, conflicts {}\t{}\t{}",
            run.id,
            run.started_at.as_datetime().format("%Y-%m-%d %H:%M"),
            run.created,
            run.updated,
            run.conflicts,
            output::printable(&run.source),
            state
        );
    }
}
