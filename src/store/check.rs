//! Integrity checks: SQLite's own, the full-text index's, and foreign keys; and the FTS rebuild
//! that repairs a damaged index from the notes themselves.

use serde::Serialize;

use super::{Store, StoreError};

/// What `jevons check` found; sound when `problems` is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub problems: Vec<String>,
    pub notes: u64,
    pub trashed: u64,
}

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Store {
    /// Runs `PRAGMA integrity_check`, FTS5's `integrity-check` and `PRAGMA foreign_key_check`.
    /// Damage is reported as problems, never as an error of the check itself.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let mut report = CheckReport::default();
        if let Err(err) = self.sqlite_check(&mut report.problems) {
            report.problems.push(format!("sqlite: {err}"));
        }
        if let Err(err) = self.conn.execute("INSERT INTO note_fts(note_fts, rank) VALUES ('integrity-check', 1)", []) {
            report.problems.push(format!("full-text index: {err}"));
        }
        if let Err(err) =
            self.conn.execute("INSERT INTO document_fts(document_fts, rank) VALUES ('integrity-check', 1)", [])
        {
            report.problems.push(format!("full-text index of documents: {err}"));
        }
        if report.problems.is_empty() {
            (report.notes, report.trashed) = self.note_counts()?;
        }
        Ok(report)
    }

    fn sqlite_check(&self, problems: &mut Vec<String>) -> rusqlite::Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                problems.push(format!("sqlite: {line}"));
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?)))? {
            let (table, rowid) = row?;
            problems.push(format!("broken link in {table} row {}", rowid.unwrap_or_default()));
        }
        Ok(())
    }

    /// Rebuilds the full-text index from the notes (repairs a damaged index), in order-key order
    /// (FTS5's own `rebuild` reads by note id and would leave one segment per out-of-order note),
    /// the property index from their front matter, and the documents' index from their pages.
    pub fn rebuild_search_index(&mut self) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute_batch(
            "INSERT INTO note_fts(note_fts) VALUES ('delete-all');
             INSERT INTO note_fts(rowid, title, body) SELECT ord, title, body FROM note ORDER BY ord;
             DELETE FROM note_property;
             INSERT INTO document_fts(document_fts) VALUES ('rebuild');",
        )?;
        super::properties::fill(&tx)?;
        tx.commit()?;
        Ok(())
    }
}
