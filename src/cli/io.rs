//! `jevons import`, `export`, `backup`, `restore`: counts on standard output, progress on
//! standard error for long runs (every batch, not every file).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clap::{Subcommand, ValueEnum};

use super::output;
use crate::io::{self, Format, ImportOptions, ImportReport, Phase, Progress};

/// Runs shown progress only after this long, so short commands print nothing extra.
const QUIET_FOR: Duration = Duration::from_secs(2);

#[derive(Debug, Subcommand)]
pub enum IoCommand {
    /// Import a Markdown file or folder (Obsidian vault, Joplin export) or a Jevons JSON export.
    Import {
        path: PathBuf,
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
    Backup { path: Option<PathBuf> },
    /// Replace the database with a backup (checked first; the replaced file is kept beside it).
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
    match command {
        IoCommand::Import { path, json } => {
            let mut store = super::open(db)?;
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
            let store = super::open(db)?;
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
        IoCommand::Backup { path } => {
            let made = io::backup::backup(db, path.as_deref())?;
            output::line(&format!("backed up {} notes to {}", made.notes, made.path.display()));
        }
        IoCommand::Restore { path } => {
            let restored = io::backup::restore(db, &path)?;
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
    counts.push(format!("skipped {}", report.skipped.len()));
    if report.ignored > 0 {
        counts.push(format!("ignored {} (not Markdown)", report.ignored));
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
}
