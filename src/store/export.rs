//! Reads for exports: every note in pages with what only an export needs (claim uids, the
//! sources and tickers linked directly, revisions), and the records that belong to no note.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::{Store, StoreError, notes, rows, sources};
use crate::model::{Claim, ClaimLinkKind, Note, NoteId, Origin, Revision, Source, Symbol, fold, note_hash};

/// A note with everything an export writes.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteExport {
    pub note: Note,
    /// Tickers the user linked (not those found in the text or named by claims).
    pub typed_tickers: Vec<Symbol>,
    /// Sources linked directly (not only through claims).
    pub typed_sources: Vec<Source>,
    /// The stable identity of each of `note.claims`, in the same order.
    pub claim_uids: Vec<String>,
    pub revisions: Vec<Revision>,
    /// The fingerprint of the note's content ([`crate::model::note_hash`]), written into the
    /// export so an import can tell whether the file was edited since.
    pub content_hash: String,
}

/// A claim that belongs to no note, with its uid.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimExport {
    pub uid: String,
    pub claim: Claim,
}

/// A ticker worth exporting: used by a note or claim, or not from the reference list, or with
/// user aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TickerExport {
    pub symbol: String,
    pub name: Option<String>,
    pub exchange: Option<String>,
    pub in_reference: bool,
    pub aliases: Vec<String>,
}

/// A link between two claims, by claim uid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimLinkExport {
    pub from: String,
    pub to: String,
    pub kind: ClaimLinkKind,
}

fn claim_uid(conn: &Connection, id: i64) -> Result<String, StoreError> {
    Ok(conn.prepare_cached("SELECT uid FROM claim WHERE id = ?1")?.query_row([id], |r| r.get(0))?)
}

impl Store {
    /// How many notes an export writes (live and trashed).
    pub fn export_note_count(&self) -> Result<u64, StoreError> {
        Ok(self.conn.prepare_cached("SELECT count(*) FROM note")?.query_row([], |r| r.get(0))?)
    }

    /// Up to `limit` notes with ids above `after`, in id order, for exports that page through
    /// the whole database.
    pub fn export_notes(&self, after: NoteId, limit: usize) -> Result<Vec<NoteExport>, StoreError> {
        let ids: Vec<NoteId> = self
            .conn
            .prepare_cached("SELECT id FROM note WHERE id > ?1 ORDER BY id LIMIT ?2")?
            .query_map(params![after, limit as i64], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        self.export_notes_by_id(&ids)
    }

    /// The notes with these ids, with everything an export writes (a sync writes the notes
    /// changed since the last one).
    pub fn export_notes_by_id(&self, ids: &[NoteId]) -> Result<Vec<NoteExport>, StoreError> {
        let mut typed_sources = self.conn.prepare_cached(&format!(
            "SELECT {} FROM note_source ns JOIN source s ON s.id = ns.source_id
             WHERE ns.note_id = ?1 AND ns.origin = 'typed' ORDER BY s.id",
            sources::COLUMNS
        ))?;
        let mut found = Vec::with_capacity(ids.len());
        for &id in ids {
            let note = notes::load(&self.conn, id)?;
            let typed_tickers: Vec<Symbol> =
                note.tickers.iter().filter(|t| t.origin == Origin::Typed).map(|t| t.symbol.clone()).collect();
            let keys: Vec<String> = note.tags.iter().map(|t| fold(t)).collect();
            let content_hash = note_hash(
                &note.title,
                &note.body,
                keys.iter().map(String::as_str),
                typed_tickers.iter().map(|s| s.as_str()),
            );
            let claim_uids = note.claims.iter().map(|c| claim_uid(&self.conn, c.id)).collect::<Result<_, _>>()?;
            let typed = typed_sources.query_map([id], sources::row)?.collect::<Result<_, _>>()?;
            let mut revisions = self.revisions(id)?;
            revisions.reverse();
            found.push(NoteExport { note, typed_tickers, typed_sources: typed, claim_uids, revisions, content_hash });
        }
        Ok(found)
    }

    /// Claims recorded outside any note.
    pub fn export_loose_claims(&self) -> Result<Vec<ClaimExport>, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare_cached("SELECT id FROM claim WHERE note_id IS NULL ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter().map(|id| Ok(ClaimExport { uid: claim_uid(&self.conn, id)?, claim: self.claim(id)? })).collect()
    }

    /// Every source, in id order.
    pub fn export_sources(&self) -> Result<Vec<Source>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!("SELECT {} FROM source s ORDER BY s.id", sources::COLUMNS))?;
        let found = stmt.query_map([], sources::row)?.collect::<Result<_, _>>()?;
        Ok(found)
    }

    /// When each source was added, by source id (a lossless export keeps it).
    pub fn export_source_times(&self) -> Result<HashMap<i64, crate::model::Timestamp>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT id, created_at FROM source")?;
        let found = stmt.query_map([], |r| Ok((r.get(0)?, rows::timestamp(r, 1)?)))?.collect::<Result<_, _>>()?;
        Ok(found)
    }

    /// Tickers an export must carry: those linked to a note or claim, those not in the reference
    /// list, and those with user aliases.
    pub fn export_tickers(&self) -> Result<Vec<TickerExport>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.id, t.symbol, t.name, t.exchange, t.in_reference FROM ticker t
             WHERE t.in_reference = 0
                OR EXISTS (SELECT 1 FROM note_ticker nt WHERE nt.ticker_id = t.id)
                OR EXISTS (SELECT 1 FROM claim_ticker ct WHERE ct.ticker_id = t.id)
                OR EXISTS (SELECT 1 FROM ticker_alias a WHERE a.ticker_id = t.id AND a.origin = 'user')
             ORDER BY t.symbol",
        )?;
        let mut aliases = self
            .conn
            .prepare_cached("SELECT alias FROM ticker_alias WHERE ticker_id = ?1 AND origin = 'user' ORDER BY alias")?;
        let rows: Vec<(i64, TickerExport)> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    TickerExport {
                        symbol: r.get(1)?,
                        name: r.get(2)?,
                        exchange: r.get(3)?,
                        in_reference: r.get(4)?,
                        aliases: Vec::new(),
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut found = Vec::with_capacity(rows.len());
        for (id, mut ticker) in rows {
            ticker.aliases = aliases.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?;
            found.push(ticker);
        }
        Ok(found)
    }

    /// Every link between claims, by claim uid.
    pub fn export_claim_links(&self) -> Result<Vec<ClaimLinkExport>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.uid, t.uid, l.kind FROM claim_link l JOIN claim f ON f.id = l.from_claim
             JOIN claim t ON t.id = l.to_claim ORDER BY l.from_claim, l.to_claim",
        )?;
        let found = stmt
            .query_map([], |r| {
                Ok(ClaimLinkExport { from: r.get(0)?, to: r.get(1)?, kind: rows::parsed(r, 2, ClaimLinkKind::parse)? })
            })?
            .collect::<Result<_, _>>()?;
        Ok(found)
    }
}
