//! Whole-note snapshots: everything a note holds besides its title and body (tags, typed
//! tickers, trash state, the fingerprint it last shared with a file, and its claims with their
//! tickers, stances, sources and quotes), kept as JSON in `note_revision.snapshot` so a revision
//! can bring a note back exactly, and an import can be undone.
//!
//! Restoring never moves a claim: a claim of the snapshot that now lives in another note stays
//! there.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::claim_row::ClaimRow;
use super::lookups::Lookups;
use super::{StoreError, claims, feeds, links, properties, tags, tickers};
use crate::model::{NoteId, Origin, RevisionKind, Symbol, TagName, Timestamp, note_hash};

/// What a revision keeps besides the title and body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct NoteSnapshot {
    pub tags: Vec<String>,
    pub tickers: Vec<String>,
    pub deleted_at: Option<String>,
    pub base_hash: Option<String>,
    pub claims: Vec<ClaimSnapshot>,
}

/// A claim as it was, by uid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct ClaimSnapshot {
    pub uid: String,
    pub text: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub currency: Option<String>,
    pub as_of: Option<String>,
    pub claimant: Option<String>,
    pub status: String,
    /// (symbol, stance)
    pub tickers: Vec<(String, Option<String>)>,
    /// (canonical URL, quote)
    pub sources: Vec<(String, Option<String>)>,
    pub created_at: String,
    pub updated_at: String,
}

/// A note's current state: title, body, updated_at, its snapshot and its content fingerprint.
pub(super) struct Current {
    pub title: String,
    pub body: String,
    pub updated_at: String,
    pub snapshot: NoteSnapshot,
    pub hash: String,
}

/// Reads a note's whole current state.
pub(super) fn current(conn: &Connection, note: NoteId) -> Result<Current, StoreError> {
    let (title, body, updated_at, deleted_at, base_hash): (String, String, String, Option<String>, Option<String>) =
        conn.prepare_cached("SELECT title, body, updated_at, deleted_at, base_hash FROM note WHERE id = ?1")?
            .query_row([note], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .optional()?
            .ok_or(StoreError::NoteNotFound(note))?;
    let tag_rows: Vec<(String, String)> = conn
        .prepare_cached(
            "SELECT t.name, t.key FROM note_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.note_id = ?1 ORDER BY t.key",
        )?
        .query_map([note], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let typed: Vec<String> = conn
        .prepare_cached(
            "SELECT t.symbol FROM note_ticker nt JOIN ticker t ON t.id = nt.ticker_id
             WHERE nt.note_id = ?1 AND nt.origin = 'typed' ORDER BY t.symbol",
        )?
        .query_map([note], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let hash = note_hash(&title, &body, tag_rows.iter().map(|(_, k)| k.as_str()), typed.iter().map(String::as_str));
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM claim WHERE note_id = ?1 ORDER BY id")?
        .query_map([note], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let claims = ids.into_iter().map(|id| claim(conn, id)).collect::<Result<_, _>>()?;
    let snapshot = NoteSnapshot {
        tags: tag_rows.into_iter().map(|(name, _)| name).collect(),
        tickers: typed,
        deleted_at,
        base_hash,
        claims,
    };
    Ok(Current { title, body, updated_at, snapshot, hash })
}

/// A claim's whole state.
pub(super) fn claim(conn: &Connection, id: i64) -> Result<ClaimSnapshot, StoreError> {
    let mut snap = conn
        .prepare_cached(
            "SELECT uid, text, value, unit, currency, as_of, claimant, status, created_at, updated_at
             FROM claim WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(ClaimSnapshot {
                uid: r.get(0)?,
                text: r.get(1)?,
                value: r.get(2)?,
                unit: r.get(3)?,
                currency: r.get(4)?,
                as_of: r.get(5)?,
                claimant: r.get(6)?,
                status: r.get(7)?,
                tickers: Vec::new(),
                sources: Vec::new(),
                created_at: r.get(8)?,
                updated_at: r.get(9)?,
            })
        })?;
    snap.tickers = conn
        .prepare_cached(
            "SELECT t.symbol, ct.stance FROM claim_ticker ct JOIN ticker t ON t.id = ct.ticker_id
             WHERE ct.claim_id = ?1 ORDER BY t.symbol",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    snap.sources = conn
        .prepare_cached(
            "SELECT s.url_key, cs.quote FROM claim_source cs JOIN source s ON s.id = cs.source_id
             WHERE cs.claim_id = ?1 ORDER BY s.url_key",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(snap)
}

/// Keeps the note's current state as a revision (replaced now); returns the revision's id.
pub(super) fn keep(
    conn: &Connection,
    note: NoteId,
    kind: RevisionKind,
    import: Option<i64>,
) -> Result<i64, StoreError> {
    keep_current(conn, note, &current(conn, note)?, kind, import)
}

/// Keeps `before` (a note's state read with [`current`]) as a revision of `kind`.
pub(super) fn keep_current(
    conn: &Connection,
    note: NoteId,
    before: &Current,
    kind: RevisionKind,
    import: Option<i64>,
) -> Result<i64, StoreError> {
    keep_version(
        conn,
        note,
        &before.title,
        &before.body,
        &before.updated_at,
        &before.snapshot,
        &before.hash,
        kind,
        import,
    )
}

/// Stores one version of a note as a revision; returns its id.
#[allow(clippy::too_many_arguments)]
pub(super) fn keep_version(
    conn: &Connection,
    note: NoteId,
    title: &str,
    body: &str,
    saved_at: &str,
    snapshot: &NoteSnapshot,
    hash: &str,
    kind: RevisionKind,
    import: Option<i64>,
) -> Result<i64, StoreError> {
    let json = serde_json::to_string(snapshot).map_err(|e| StoreError::Snapshot(e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO note_revision (note_id, title, body, saved_at, replaced_at, kind, hash, snapshot, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        note,
        title,
        body,
        saved_at,
        Timestamp::now().to_string(),
        kind.as_str(),
        hash,
        json,
        import
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Reads a stored snapshot (`None` for revisions kept before schema 5).
pub(super) fn parse(json: Option<String>) -> Result<Option<NoteSnapshot>, StoreError> {
    json.map(|j| serde_json::from_str(&j).map_err(|e| StoreError::Snapshot(e.to_string()))).transpose()
}

/// Makes the note hold `title`, `body` and everything in `snapshot` (when given; an old
/// revision brings back only the text). Updates derived links; the caller sets times and the
/// version.
pub(super) fn restore(
    conn: &Connection,
    note: NoteId,
    title: &str,
    body: &str,
    snapshot: Option<&NoteSnapshot>,
    lookups: &mut Lookups,
) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE note SET title = ?2, body = ?3 WHERE id = ?1")?.execute(params![note, title, body])?;
    tickers::relink_detected(conn, note, title, body, lookups)?;
    links::relink(conn, note, title, body)?;
    properties::reindex(conn, note, body)?;
    if let Some(snap) = snapshot {
        conn.prepare_cached("DELETE FROM note_tag WHERE note_id = ?1")?.execute([note])?;
        for name in &snap.tags {
            if let Ok(tag) = TagName::parse(name) {
                tags::link(conn, note, &tag, lookups)?;
            }
        }
        conn.prepare_cached("DELETE FROM note_ticker WHERE note_id = ?1 AND origin = 'typed'")?.execute([note])?;
        for symbol in &snap.tickers {
            if let Ok(symbol) = Symbol::parse(symbol) {
                tickers::link(conn, note, &symbol, Origin::Typed, lookups)?;
            }
        }
        conn.prepare_cached("UPDATE note SET deleted_at = ?2, base_hash = ?3 WHERE id = ?1")?.execute(params![
            note,
            snap.deleted_at,
            snap.base_hash
        ])?;
        let wanted: Vec<&str> = snap.claims.iter().map(|c| c.uid.as_str()).collect();
        let present: Vec<(i64, String)> = conn
            .prepare_cached("SELECT id, uid FROM claim WHERE note_id = ?1")?
            .query_map([note], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (id, uid) in present {
            if !wanted.contains(&uid.as_str()) {
                conn.prepare_cached("DELETE FROM claim WHERE id = ?1")?.execute([id])?;
            }
        }
        for claim in &snap.claims {
            restore_claim(conn, Some(note), claim, lookups)?;
        }
    }
    claims::relink_note(conn, Some(note))?;
    feeds::refresh(conn, note)
}

/// Brings a claim back to `snap` (re-created when it was deleted). A claim that lives in
/// another note than `note` now is left alone; returns whether the claim was written.
pub(super) fn restore_claim(
    conn: &Connection,
    note: Option<NoteId>,
    snap: &ClaimSnapshot,
    lookups: &mut Lookups,
) -> Result<bool, StoreError> {
    let found: Option<(i64, Option<NoteId>)> = conn
        .prepare_cached("SELECT id, note_id FROM claim WHERE uid = ?1")?
        .query_row([&snap.uid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let id = match found {
        Some((_, elsewhere)) if elsewhere != note => return Ok(false),
        Some((id, _)) => {
            ClaimRow::of_snapshot(snap, note).update(conn, id)?;
            id
        }
        None => ClaimRow::of_snapshot(snap, note).insert(conn, Some(&snap.uid))?,
    };
    conn.prepare_cached("DELETE FROM claim_ticker WHERE claim_id = ?1")?.execute([id])?;
    for (symbol, stance) in &snap.tickers {
        let Ok(symbol) = Symbol::parse(symbol) else { continue };
        let ticker = tickers::ensure(conn, &symbol, lookups)?;
        conn.prepare_cached("INSERT OR REPLACE INTO claim_ticker (claim_id, ticker_id, stance) VALUES (?1, ?2, ?3)")?
            .execute(params![id, ticker, stance])?;
    }
    conn.prepare_cached("DELETE FROM claim_source WHERE claim_id = ?1")?.execute([id])?;
    for (url_key, quote) in &snap.sources {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO claim_source (claim_id, source_id, quote)
             SELECT ?1, id, ?3 FROM source WHERE url_key = ?2",
        )?
        .execute(params![id, url_key, quote])?;
    }
    Ok(true)
}
