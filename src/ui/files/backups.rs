//! What the File menu says about backups: where they go, how much room they take, and the share
//! of the room automatic ones may take (settable there). The figures are measured on a thread and
//! shown from its last answer, never while drawing. The daily automatic backup made when the app
//! opens runs here too.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::io::backup::{self, AutomaticBackup, BackupSummary, Budget};

/// The backups' state in the app.
#[derive(Default)]
pub struct Backups {
    /// The last measure of the backups folder, or why it could not be measured.
    pub summary: Option<Result<BackupSummary, String>>,
    measuring: Option<Receiver<Result<BackupSummary, String>>>,
    daily: Option<Receiver<Result<Option<AutomaticBackup>, String>>>,
}

/// What the daily backup did, once it answers.
pub enum Daily {
    Made(AutomaticBackup),
    Failed(String),
}

impl Backups {
    /// Measures the backups folder of `db` again, on a thread; with `share`, sets the budget first.
    pub fn measure(&mut self, db: &Path, share: Option<u8>, ctx: &egui::Context) {
        let folder = backup::default_backups_dir(db);
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("jevons-backups".to_owned()).spawn(move || {
            let set = match share {
                Some(share_percent) => backup::set_budget(&folder, Budget { share_percent }),
                None => Ok(()),
            };
            let _ = tx.send(set.and_then(|()| backup::summary(&folder)).map_err(|e| e.to_string()));
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.measuring = Some(rx);
        }
    }

    /// Starts the daily automatic backup of `db` on a thread, when one is due (see
    /// [`backup::backup_database_if_due`]).
    pub fn start_daily(&mut self, db: PathBuf, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("jevons-auto-backup".to_owned()).spawn(move || {
            let made = backup::backup_database_if_due(&db, &backup::default_backups_dir(&db));
            let _ = tx.send(made.map_err(|e| e.to_string()));
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.daily = Some(rx);
        }
    }

    /// Whether the daily backup is still being made.
    pub fn is_making_daily(&self) -> bool {
        self.daily.is_some()
    }

    /// Takes the threads' answers. Returns what the daily backup did, once, when it answers
    /// (nothing when none was due).
    pub fn poll(&mut self) -> Option<Daily> {
        if let Some(rx) = &self.measuring
            && let Ok(answer) = rx.try_recv()
        {
            self.measuring = None;
            self.summary = Some(answer);
        }
        let rx = self.daily.as_ref()?;
        let answer = rx.try_recv().ok()?;
        self.daily = None;
        match answer {
            Ok(made) => made.map(Daily::Made),
            Err(message) => Some(Daily::Failed(message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait(backups: &mut Backups) -> Option<Daily> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let daily = backups.poll();
            if daily.is_some() || (!backups.is_making_daily() && backups.measuring.is_none()) {
                return daily;
            }
            assert!(Instant::now() < deadline, "no answer");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn the_daily_backup_and_the_budget_are_measured_off_the_frame() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("j.db");
        crate::store::Store::open(&db).unwrap();
        let ctx = egui::Context::default();
        let mut backups = Backups::default();
        backups.start_daily(db.clone(), &ctx);
        match wait(&mut backups) {
            Some(Daily::Made(made)) => assert!(made.path.to_string_lossy().ends_with(".db.zst"), "{made:?}"),
            _ => panic!("the first daily backup is made"),
        }
        backups.measure(&db, Some(30), &ctx);
        wait(&mut backups);
        let summary = backups.summary.clone().expect("measured").expect("measurable");
        assert_eq!((summary.automatic, summary.share_percent), (1, 30));
        assert_eq!(summary.folder, dir.path().join("backups"));
    }
}
