//! File → Sync in the window: the last sync's time and result for the status bar (read when the
//! database opens, then taken from each sync job as it ends), and a finished sync's summary in
//! the job's window. The sync itself runs as a File-menu job on its own thread
//! (`session::transfer::Job::Sync`).

use egui::{RichText, Ui};

use crate::io::sync::SyncReport;
use crate::model::Timestamp;
use crate::ui::widgets::theme::{self, Palette};

/// How many remarks the summary lists (the rest are counted).
const LISTED: usize = 200;

/// The last sync of the open database, as the status bar shows it: when (written in local time
/// when it was learnt, so drawing reads no clock) and its result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncStatus {
    pub last: Option<(String, String)>,
}

impl SyncStatus {
    /// The last sync the database remembers (when it opens).
    pub fn remembered(last: Option<(Timestamp, String)>) -> Self {
        Self { last: last.map(|(at, result)| (local_time(at), result)) }
    }

    /// A sync job just ended with `report`.
    pub fn finished(&mut self, report: &SyncReport) {
        self.last = Some((local_time(Timestamp::now()), report.summary()));
    }
}

/// "4 Dec 14:05" in the local time zone.
fn local_time(at: Timestamp) -> String {
    chrono::DateTime::from_timestamp_millis(at.millis())
        .map(|t| t.with_timezone(&chrono::Local).format("%-d %b %H:%M").to_string())
        .unwrap_or_default()
}

/// "Synced 4 Dec 14:05" at the start of the status bar, with the result on hover; nothing
/// before the first sync.
pub fn status_ui(ui: &mut Ui, status: &SyncStatus) {
    let Some((when, result)) = &status.last else { return };
    ui.label(theme::muted(format!("Synced {when}"))).on_hover_text(result.as_str());
    ui.separator();
}

/// What a finished sync did, with its remarks.
pub fn summary_ui(ui: &mut Ui, report: &SyncReport, seconds: &str) {
    let p = Palette::of(ui);
    ui.label(RichText::new(format!("Synced with {} in {seconds}.", report.remote)).strong());
    ui.label(format!(
        "Sent {} new and {} changed notes; received {} new and {} changed.",
        theme::count(report.sent_new as u64),
        theme::count(report.sent_changed as u64),
        theme::count(report.added as u64),
        theme::count(report.updated as u64)
    ));
    if report.conflicts > 0 {
        ui.label(
            RichText::new(format!(
                "{} notes were changed on both sides: both versions are kept. Search is:conflict to see them.",
                theme::count(report.conflicts as u64)
            ))
            .color(p.warn),
        );
    }
    if report.warnings.is_empty() {
        return;
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
        for remark in report.warnings.iter().take(LISTED) {
            ui.label(theme::muted(format!("{}: {}", remark.path.display(), remark.reason)));
        }
        if report.warnings.len() > LISTED {
            ui.label(theme::muted(format!("and {} more", theme::count((report.warnings.len() - LISTED) as u64))));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_sync_is_the_last_one() {
        let mut status = SyncStatus::default();
        let report = SyncReport { remote: "/srv/team.git".into(), sent_new: 2, ..SyncReport::default() };
        status.finished(&report);
        let (when, result) = status.last.clone().unwrap();
        assert!(result.contains("sent 2 new"), "{result}");
        assert!(!when.is_empty());
        let at = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
        let remembered = SyncStatus::remembered(Some((at, "sent 1 new".into())));
        assert!(remembered.last.unwrap().0.contains("Mar"));
    }
}
