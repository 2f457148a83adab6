//! How much room automatic backups may take: a share of the room they have (the disk's free space
//! plus what they already take), settable and kept in `budget.json` in the backups folder so the
//! app and the command line agree; and the room a new backup needs before it may start.

use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The share of the room automatic backups may take unless the user chose another.
pub const DEFAULT_SHARE: u8 = 20;
/// The shares the app offers (the command line takes any from 1 to [`MAX_SHARE`]).
pub const SHARES: [u8; 6] = [5, 10, 20, 30, 50, 80];
pub const MAX_SHARE: u8 = 90;
/// Free space always left on the disk by a backup, beyond the files it writes.
pub const MARGIN: u64 = 64 << 20;
const FILE: &str = "budget.json";

/// The backups' share of the room, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub share_percent: u8,
}

impl Default for Budget {
    fn default() -> Self {
        Self { share_percent: DEFAULT_SHARE }
    }
}

impl Budget {
    /// The budget kept in `folder`; the default when none was set (or the file is unreadable).
    pub fn load(folder: &Path) -> Self {
        fs::read(folder.join(FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Budget>(&bytes).ok())
            .filter(|b| (1..=MAX_SHARE).contains(&b.share_percent))
            .unwrap_or_default()
    }

    /// Keeps this budget in `folder` (created if needed), replacing the file in one step.
    pub fn save(&self, folder: &Path) -> io::Result<()> {
        fs::create_dir_all(folder)?;
        let partial = folder.join(format!("{FILE}.partial"));
        fs::write(&partial, serde_json::to_vec(self).map_err(io::Error::other)?)?;
        fs::rename(&partial, folder.join(FILE))
    }

    /// The bytes automatic backups may take, when `free` bytes are free and they take `taken`.
    pub fn bytes(&self, free: u64, taken: u64) -> u64 {
        free.saturating_add(taken) / 100 * u64::from(self.share_percent)
    }
}

/// The free space a new automatic backup needs before it starts: its compacted copy (at most the
/// database's size), the compressed file (half again the last one, or the database's size when
/// there is none), and [`MARGIN`].
pub fn room_needed(database: u64, last_compressed: Option<u64>) -> u64 {
    let compressed = last_compressed.map_or(database, |last| last.saturating_add(last / 2).min(database));
    database.saturating_add(compressed).saturating_add(MARGIN)
}

/// The free space on the disk that holds `folder`.
pub fn free_space(folder: &Path) -> io::Result<u64> {
    fs4::available_space(folder)
}

/// `bytes` for people: `812 KB`, `1.4 GB`.
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    match unit {
        0 => format!("{bytes} bytes"),
        _ if value < 10.0 => format!("{value:.1} {}", UNITS[unit]),
        _ => format!("{value:.0} {}", UNITS[unit]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_a_share_of_the_room_backups_have() {
        let budget = Budget { share_percent: 20 };
        assert_eq!(budget.bytes(800, 200), 200);
        assert_eq!(budget.bytes(0, 0), 0);
        assert_eq!(Budget::default().share_percent, DEFAULT_SHARE);
    }

    #[test]
    fn a_budget_set_once_is_read_back_and_a_bad_file_means_the_default() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Budget::load(dir.path()), Budget::default());
        Budget { share_percent: 35 }.save(dir.path()).unwrap();
        assert_eq!(Budget::load(dir.path()).share_percent, 35);
        fs::write(dir.path().join(FILE), "{\"share_percent\": 0}").unwrap();
        assert_eq!(Budget::load(dir.path()), Budget::default());
        fs::write(dir.path().join(FILE), "not json").unwrap();
        assert_eq!(Budget::load(dir.path()), Budget::default());
    }

    #[test]
    fn a_backup_needs_room_for_its_copy_and_its_compressed_file() {
        let gb = 1_000_000_000;
        assert_eq!(room_needed(2 * gb, None), 4 * gb + MARGIN);
        assert_eq!(room_needed(2 * gb, Some(gb / 2)), 2 * gb + 3 * gb / 4 + MARGIN);
        assert_eq!(room_needed(gb, Some(2 * gb)), 2 * gb + MARGIN, "never more than the database");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human(512), "512 bytes");
        assert_eq!(human(812_000), "812 KB");
        assert_eq!(human(1_400_000_000), "1.4 GB");
    }
}
