//! The desktop app (eframe/egui).

use std::path::PathBuf;

/// Opens the window over the database at `db` (or the default one).
pub fn run(db: Option<PathBuf>) -> anyhow::Result<()> {
    let _ = db;
    anyhow::bail!("the desktop app is not built yet")
}
