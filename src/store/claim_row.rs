//! A claim's row in the `claim` table, written in one place: the list of its columns and the one
//! function that binds a claim's values to them, for every insert and update (a single edit, an
//! import's merge, a restored revision).

use rusqlite::{Connection, ToSql, params};

use super::StoreError;
use super::snapshot::ClaimSnapshot;
use crate::model::{ClaimDraft, NoteId, fold};

/// The columns a claim is written with, bound in this order after its key (`?1`: the uid of a
/// new claim, the id of a stored one) by [`ClaimRow::execute`].
const COLUMNS: &str =
    "text, value, unit, currency, as_of, claimant, claimant_key, status, note_id, created_at, updated_at";

/// The values of [`COLUMNS`] up to `note_id`.
const CONTENT: &str = "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10";

/// A claim's row as written: its contents, the note it is in, and its times.
#[derive(Debug, Clone, Copy)]
pub(super) struct ClaimRow<'a> {
    pub text: &'a str,
    pub value: Option<f64>,
    pub unit: Option<&'a str>,
    pub currency: Option<&'a str>,
    pub as_of: Option<&'a str>,
    pub claimant: Option<&'a str>,
    pub status: &'a str,
    pub note_id: Option<NoteId>,
    /// When the claim was first recorded; `None`: its update time for a new claim, unchanged
    /// for a stored one.
    pub created_at: Option<&'a str>,
    pub updated_at: &'a str,
}

impl<'a> ClaimRow<'a> {
    /// A draft's contents, in `note_id`, written at `updated_at`.
    pub fn of_draft(draft: &'a ClaimDraft, note_id: Option<NoteId>, updated_at: &'a str) -> Self {
        Self {
            text: &draft.text,
            value: draft.value,
            unit: draft.unit.as_deref(),
            currency: draft.currency.as_deref(),
            as_of: draft.as_of.as_deref(),
            claimant: draft.claimant.as_deref(),
            status: draft.status.as_str(),
            note_id,
            created_at: None,
            updated_at,
        }
    }

    /// A claim as a snapshot kept it, times included, in `note_id`.
    pub fn of_snapshot(snap: &'a ClaimSnapshot, note_id: Option<NoteId>) -> Self {
        Self {
            text: &snap.text,
            value: snap.value,
            unit: snap.unit.as_deref(),
            currency: snap.currency.as_deref(),
            as_of: snap.as_of.as_deref(),
            claimant: snap.claimant.as_deref(),
            status: &snap.status,
            note_id,
            created_at: Some(&snap.created_at),
            updated_at: &snap.updated_at,
        }
    }

    /// Inserts the claim with `uid` (a new random one when `None`); its id.
    pub fn insert(&self, conn: &Connection, uid: Option<&str>) -> Result<i64, StoreError> {
        let sql = format!(
            "INSERT INTO claim (uid, {COLUMNS})
             VALUES (coalesce(?1, lower(hex(randomblob(16)))), {CONTENT}, coalesce(?11, ?12), ?12)"
        );
        self.execute(conn, &sql, &uid)?;
        Ok(conn.last_insert_rowid())
    }

    /// Writes over the stored claim `id`.
    pub fn update(&self, conn: &Connection, id: i64) -> Result<(), StoreError> {
        let sql = format!("UPDATE claim SET ({COLUMNS}) = ({CONTENT}, coalesce(?11, created_at), ?12) WHERE id = ?1");
        self.execute(conn, &sql, &id)?;
        Ok(())
    }

    /// Runs `sql` with `key` as `?1` and the row's values, in the order of [`COLUMNS`], after it.
    fn execute(&self, conn: &Connection, sql: &str, key: &dyn ToSql) -> Result<usize, StoreError> {
        Ok(conn.prepare_cached(sql)?.execute(params![
            key,
            self.text,
            self.value,
            self.unit,
            self.currency,
            self.as_of,
            self.claimant,
            self.claimant.map(fold),
            self.status,
            self.note_id,
            self.created_at,
            self.updated_at,
        ])?)
    }
}
