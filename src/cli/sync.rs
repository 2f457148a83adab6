//! `jevons sync [REMOTE]`: syncs the database with a git repository (see `docs/sync.md`). The
//! result is one line on standard output (or JSON), warnings one per line after it; progress
//! goes to standard error for long runs.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use super::output;
use crate::io::sync::{self, SyncReport};
use crate::io::{Phase, Progress, Watch};
use crate::store::Store;

/// Progress is shown only after this long, so a quick sync prints nothing extra.
const QUIET_FOR: Duration = Duration::from_secs(2);

pub(super) fn run(store: &mut Store, db: &Path, remote: Option<&str>, json: bool) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut show = move |p: Progress| {
        if started.elapsed() >= QUIET_FOR && matches!(p.phase, Phase::Importing | Phase::Exporting) {
            let what = if p.phase == Phase::Exporting { "writing" } else { "taking in" };
            eprintln!("jevons: sync: {what} {} of {}…", p.done, p.total.unwrap_or(p.done));
        }
    };
    let cancel = AtomicBool::new(false);
    let mut watch = Watch::new(&mut show, &cancel);
    let report = sync::sync(store, db, remote, &mut watch)?;
    if json {
        return output::json(&report);
    }
    print(&report);
    Ok(())
}

fn print(report: &SyncReport) {
    output::line(&format!("synced with {}: {}", report.remote, report.summary()));
    for warning in &report.warnings {
        output::line(&format!("  {}: {}", warning.path.display(), warning.reason));
    }
}
