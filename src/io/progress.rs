//! Progress and cancellation of a long import or export, for a progress bar on another thread:
//! the job calls the caller's callback every batch (not every file) and stops at the next batch
//! once the caller's cancel flag is set.

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

/// What a long-running import or export is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub phase: Phase,
    /// Files (or notes) handled so far.
    pub done: u64,
    /// How many there are in all, once known.
    pub total: Option<u64>,
    pub imported: u64,
    pub updated: u64,
    pub skipped: u64,
}

impl Progress {
    pub(crate) fn new(phase: Phase, done: u64, total: Option<u64>) -> Self {
        Self { phase, done, total, imported: 0, updated: 0, skipped: 0 }
    }

    /// How far along, from 0 to 1 (0 while the total is unknown).
    pub fn fraction(&self) -> f32 {
        match self.total {
            Some(total) if total > 0 => (self.done as f64 / total as f64).min(1.0) as f32,
            Some(_) => 1.0,
            None => 0.0,
        }
    }
}

/// The stage of a long-running job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Looking for files (the total is not known yet).
    Scanning,
    /// Reading and storing notes.
    Importing,
    /// Writing notes out.
    Exporting,
    /// Finished (or cancelled).
    Done,
}

/// Never set: the flag of jobs nobody can cancel.
static NEVER: AtomicBool = AtomicBool::new(false);

/// Where a job reports its progress and how it learns it was cancelled.
pub struct Watch<'a> {
    progress: Option<&'a mut dyn FnMut(Progress)>,
    cancel: &'a AtomicBool,
}

impl<'a> Watch<'a> {
    /// Reports to `progress`; the job stops at its next batch once `cancel` is true.
    pub fn new(progress: &'a mut dyn FnMut(Progress), cancel: &'a AtomicBool) -> Self {
        Self { progress: Some(progress), cancel }
    }

    /// Reports nothing and is never cancelled (tests, scripts).
    pub fn quiet() -> Watch<'static> {
        Watch { progress: None, cancel: &NEVER }
    }

    pub(crate) fn report(&mut self, progress: Progress) {
        if let Some(callback) = self.progress.as_mut() {
            callback(progress);
        }
    }

    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The cancel flag, for a helper thread of the same job.
    pub(crate) fn flag(&self) -> &'a AtomicBool {
        self.cancel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fraction_done_is_known_once_the_total_is() {
        for (done, total, fraction) in [(0, None, 0.0), (50, Some(200), 0.25), (3, Some(3), 1.0), (0, Some(0), 1.0)] {
            assert_eq!(Progress::new(Phase::Importing, done, total).fraction(), fraction, "{done}/{total:?}");
        }
    }

    #[test]
    fn a_watch_reports_and_sees_the_cancel_flag() {
        let cancel = AtomicBool::new(false);
        let mut seen = Vec::new();
        {
            let mut record = |p: Progress| seen.push(p.done);
            let mut watch = Watch::new(&mut record, &cancel);
            watch.report(Progress::new(Phase::Importing, 7, None));
            assert!(!watch.cancelled());
            cancel.store(true, Ordering::Relaxed);
            assert!(watch.cancelled());
        }
        assert_eq!(seen, [7]);
        assert!(!Watch::quiet().cancelled());
    }
}
