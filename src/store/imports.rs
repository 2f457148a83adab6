//! Import runs and undoing them. Every import is an `import_run`; each note it created or
//! changed (and each claim outside notes) is an `import_change`, and the version a changed note
//! had before is a revision tied to the run. Undo reverts one run as a batch, in one
//! transaction, and is itself safe: a note or claim changed after the import is left as it is
//! (its version from before the import stays in its history) and reported, never overwritten.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::lookups::Lookups;
use super::snapshot::{self, ClaimSnapshot};
use super::{Store, StoreError, revisions};
use crate::model::{NoteId, RevisionKind, Timestamp};

/// What an import did to one note or claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    Created,
    Updated,
    /// A conflict revision was added beside the note.
    Conflict,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Updated => "updated",
            Self::Conflict => "conflict",
        }
    }
}

/// Records that `import` created or changed a note (`revision`: its version before, or the
/// conflict revision added). A note already recorded by the run keeps its first record, with
/// the version it has now.
pub(super) fn note_changed(
    conn: &Connection,
    import: Option<i64>,
    action: Action,
    note: NoteId,
    revision: Option<i64>,
) -> Result<(), StoreError> {
    let Some(import) = import else { return Ok(()) };
    let version = super::notes::version(conn, note)?;
    if action != Action::Conflict {
        let known = conn
            .prepare_cached(
                "UPDATE import_change SET after_version = ?3
                 WHERE import_id = ?1 AND note_id = ?2 AND action != 'conflict'",
            )?
            .execute(params![import, note, version])?;
        if known > 0 {
            return Ok(());
        }
    }
    conn.prepare_cached(
        "INSERT INTO import_change (import_id, action, note_id, revision_id, after_version) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![import, action.as_str(), note, revision, version])?;
    Ok(())
}

/// Records that `import` created or changed a claim outside notes (`before`: its state before).
pub(super) fn claim_changed(
    conn: &Connection,
    import: Option<i64>,
    action: Action,
    uid: &str,
    before: Option<&ClaimSnapshot>,
    after: Timestamp,
) -> Result<(), StoreError> {
    let Some(import) = import else { return Ok(()) };
    let before = before.map(serde_json::to_string).transpose().map_err(|e| StoreError::Snapshot(e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO import_change (import_id, action, claim_uid, before, after_updated) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![import, action.as_str(), uid, before, after.to_string()])?;
    Ok(())
}

/// One import, as listed by `jevons import --list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRun {
    pub id: i64,
    /// The file or folder imported.
    pub source: String,
    pub started_at: Timestamp,
    /// `None` while running, or when the import stopped on an error.
    pub finished_at: Option<Timestamp>,
    pub created: u64,
    pub updated: u64,
    pub conflicts: u64,
    pub undone_at: Option<Timestamp>,
}

/// What undoing an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UndoReport {
    pub import_id: i64,
    /// Notes the import created, removed again.
    pub removed: u64,
    /// Notes the import changed, brought back to their version before it.
    pub reverted: u64,
    /// Conflict revisions the import added, removed.
    pub conflicts_dropped: u64,
    /// Claims outside notes, removed or brought back.
    pub claims: u64,
    /// Notes and claims changed after the import: left as they are, with the reason.
    pub kept: Vec<String>,
}

fn time(text: Option<String>) -> Option<Timestamp> {
    text.and_then(|t| Timestamp::parse(&t).ok())
}

impl Store {
    /// Starts an import run for `source` (a path, shown in lists); returns its id.
    pub fn start_import(&mut self, source: &str) -> Result<i64, StoreError> {
        let tx = self.write()?;
        tx.prepare_cached("INSERT INTO import_run (source, started_at) VALUES (?1, ?2)")?
            .execute(params![source, Timestamp::now().to_string()])?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Marks an import run finished with its counts; a run that changed nothing is forgotten
    /// (returns `None`), so `--undo` always undoes an import that did something.
    pub fn finish_import(
        &mut self,
        id: i64,
        created: u64,
        updated: u64,
        conflicts: u64,
    ) -> Result<Option<i64>, StoreError> {
        let tx = self.write()?;
        let changes: i64 = tx
            .prepare_cached("SELECT count(*) FROM import_change WHERE import_id = ?1")?
            .query_row([id], |r| r.get(0))?;
        let kept = if changes == 0 {
            tx.prepare_cached("DELETE FROM import_run WHERE id = ?1")?.execute([id])?;
            None
        } else {
            tx.prepare_cached(
                "UPDATE import_run SET finished_at = ?2, created = ?3, updated = ?4, conflicts = ?5 WHERE id = ?1",
            )?
            .execute(params![id, Timestamp::now().to_string(), created, updated, conflicts])?;
            Some(id)
        };
        tx.commit()?;
        Ok(kept)
    }

    /// The latest imports, newest first.
    pub fn imports(&self, limit: usize) -> Result<Vec<ImportRun>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, source, started_at, finished_at, created, updated, conflicts, undone_at
             FROM import_run ORDER BY id DESC LIMIT ?1",
        )?;
        let runs = stmt
            .query_map([limit as i64], |r| {
                Ok(ImportRun {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    started_at: time(r.get(2)?).unwrap_or_else(|| Timestamp::from_millis(0)),
                    finished_at: time(r.get(3)?),
                    created: r.get(4)?,
                    updated: r.get(5)?,
                    conflicts: r.get(6)?,
                    undone_at: time(r.get(7)?),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(runs)
    }

    /// Undoes import `id` (or the latest one not undone yet) as one transaction: notes it
    /// created are removed, notes it changed get back their version from before it (the
    /// import's version stays in their history), conflict revisions it added are removed. What
    /// was changed after the import is kept as it is and listed in the report.
    pub fn undo_import(&mut self, id: Option<i64>) -> Result<UndoReport, StoreError> {
        let tx = self.write()?;
        let id = match id {
            Some(id) => id,
            None => tx
                .prepare_cached("SELECT max(id) FROM import_run WHERE undone_at IS NULL")?
                .query_row([], |r| r.get::<_, Option<i64>>(0))?
                .ok_or(StoreError::NothingToUndo)?,
        };
        let undone: Option<Option<String>> = tx
            .prepare_cached("SELECT undone_at FROM import_run WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        match undone {
            None => return Err(StoreError::ImportNotFound(id)),
            Some(Some(_)) => return Err(StoreError::AlreadyUndone(id)),
            Some(None) => {}
        }
        let mut report = UndoReport { import_id: id, ..UndoReport::default() };
        type Row = (String, Option<NoteId>, Option<String>, Option<i64>, Option<String>, Option<i64>, Option<String>);
        let changes: Vec<Row> = tx
            .prepare_cached(
                "SELECT action, note_id, claim_uid, revision_id, before, after_version, after_updated
                 FROM import_change WHERE import_id = ?1 ORDER BY id DESC",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))?
            .collect::<Result<_, _>>()?;
        for (action, note, claim, revision, before, after_version, after_updated) in changes {
            if let Some(note) = note {
                undo_note(&tx, id, &action, note, revision, after_version, &mut report)?;
            } else if let Some(uid) = claim {
                undo_claim(&tx, &action, &uid, before, after_updated, &mut report)?;
            }
        }
        tx.prepare_cached("UPDATE import_run SET undone_at = ?2 WHERE id = ?1")?
            .execute(params![id, Timestamp::now().to_string()])?;
        tx.commit()?;
        Ok(report)
    }
}

fn undo_note(
    conn: &Connection,
    import: i64,
    action: &str,
    note: NoteId,
    revision: Option<i64>,
    after_version: Option<i64>,
    report: &mut UndoReport,
) -> Result<(), StoreError> {
    let Ok(version) = super::notes::version(conn, note) else { return Ok(()) };
    let title: String = conn.query_row("SELECT title FROM note WHERE id = ?1", [note], |r| r.get(0))?;
    let untouched = Some(version) == after_version;
    match (action, revision) {
        ("conflict", Some(revision)) => {
            report.conflicts_dropped += conn
                .prepare_cached("DELETE FROM note_revision WHERE id = ?1 AND note_id = ?2 AND kind = 'conflict'")?
                .execute(params![revision, note])? as u64;
        }
        ("created", _) if untouched => {
            conn.prepare_cached("DELETE FROM note WHERE id = ?1")?.execute([note])?;
            report.removed += 1;
        }
        ("created", _) => report
            .kept
            .push(format!("note {note} ({title}) was changed after the import: kept (trash it to remove it)")),
        ("updated", Some(revision)) if untouched => {
            let saved_at: String =
                conn.query_row("SELECT saved_at FROM note_revision WHERE id = ?1", [revision], |r| r.get(0))?;
            revisions::bring_back(conn, note, revision, RevisionKind::Undo, Some(import), &saved_at)?;
            report.reverted += 1;
        }
        ("updated", Some(revision)) => report.kept.push(format!(
            "note {note} ({title}) was changed after the import: kept as it is; its version from before the \
             import is revision {revision} in its history"
        )),
        _ => {}
    }
    Ok(())
}

fn undo_claim(
    conn: &Connection,
    action: &str,
    uid: &str,
    before: Option<String>,
    after_updated: Option<String>,
    report: &mut UndoReport,
) -> Result<(), StoreError> {
    let found: Option<(i64, Option<NoteId>, String)> = conn
        .prepare_cached("SELECT id, note_id, updated_at FROM claim WHERE uid = ?1")?
        .query_row([uid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((id, note, updated)) = found else { return Ok(()) };
    if note.is_some() || Some(&updated) != after_updated.as_ref() {
        report.kept.push(format!("claim {uid} was changed after the import: kept as it is"));
        return Ok(());
    }
    match (action, before) {
        ("created", _) => {
            conn.prepare_cached("DELETE FROM claim WHERE id = ?1")?.execute([id])?;
        }
        (_, Some(json)) => {
            let snap: ClaimSnapshot = serde_json::from_str(&json).map_err(|e| StoreError::Snapshot(e.to_string()))?;
            snapshot::restore_claim(conn, None, &snap, &mut Lookups::single())?;
        }
        _ => return Ok(()),
    }
    report.claims += 1;
    Ok(())
}
