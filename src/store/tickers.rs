//! Tickers: the reference list plus symbols users typed, links to notes (typed, detected from
//! cashtags, or through claims), completion, and the ticker dossier.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::lookups::Lookups;
use super::{Store, StoreError, claims, rows, sources};
use crate::extract::cashtags;
use crate::model::{Claim, NoteId, Origin, Source, StanceTally, Symbol, TickerLink, Timestamp, fold};

/// A ticker's identity and company details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TickerInfo {
    pub symbol: String,
    pub name: Option<String>,
    pub exchange: Option<String>,
    pub in_reference: bool,
}

/// A ticker with the number of live notes linked to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TickerCount {
    pub symbol: String,
    pub name: Option<String>,
    pub notes: u64,
}

/// A note listed in a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierNote {
    pub id: NoteId,
    pub title: String,
    pub updated_at: Timestamp,
}

/// Everything on one ticker, as `jevons ticker NVDA --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TickerDossier {
    pub symbol: String,
    pub name: Option<String>,
    pub exchange: Option<String>,
    pub in_reference: bool,
    /// The newest linked notes (at most the limit asked for); `note_count` says how many there are.
    pub notes: Vec<DossierNote>,
    pub note_count: u64,
    /// The most recently recorded claims naming the ticker (at most [`DOSSIER_CLAIMS`]), by as-of
    /// date, undated last; `claim_count` says how many there are.
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub claim_count: u64,
    /// Sources cited by those claims or linked to its notes (at most [`DOSSIER_SOURCES`]).
    pub sources: Vec<Source>,
    /// The stances of all its claims, not only the listed ones.
    pub stance: StanceTally,
    /// The catalysts the theses on it list (`type: thesis` notes), by date.
    #[serde(default)]
    pub catalysts: Vec<super::TickerCatalyst>,
    /// The B3 share class (`PN` for PETR4), none elsewhere.
    #[serde(default)]
    pub class: Option<crate::model::B3Class>,
    /// The company when it has several listings (PETR3, PETR4, PBR).
    #[serde(default)]
    pub issuer: Option<super::Issuer>,
}

/// The most claims a dossier lists: the most recently recorded.
pub const DOSSIER_CLAIMS: usize = 500;
/// The most sources a dossier lists.
pub const DOSSIER_SOURCES: usize = 300;

/// The stored id of a symbol. `BAC.PB` finds the reference's `BAC-PB`.
pub(super) fn resolve(conn: &Connection, symbol: &Symbol) -> Result<Option<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id FROM ticker WHERE symbol = ?1")?;
    if let Some(id) = stmt.query_row([symbol.as_str()], |r| r.get(0)).optional()? {
        return Ok(Some(id));
    }
    match symbol.as_str().split_once('.') {
        Some((base, suffix)) => {
            let hyphenated = format!("{base}-{suffix}");
            Ok(conn
                .prepare_cached("SELECT id FROM ticker WHERE symbol = ?1 AND in_reference = 1")?
                .query_row([hyphenated], |r| r.get(0))
                .optional()?)
        }
        None => Ok(None),
    }
}

/// The id of a symbol, adding it (marked as not in the reference list) when it is new.
pub(super) fn ensure(conn: &Connection, symbol: &Symbol, lookups: &mut Lookups) -> Result<i64, StoreError> {
    if let Some(id) = lookups.tickers.get(symbol.as_str()) {
        return Ok(*id);
    }
    let id = match resolve(conn, symbol)? {
        Some(id) => id,
        None => {
            conn.prepare_cached("INSERT INTO ticker (symbol, in_reference) VALUES (?1, 0)")?
                .execute([symbol.as_str()])?;
            conn.last_insert_rowid()
        }
    };
    lookups.tickers.insert(symbol.to_string(), id);
    Ok(id)
}

pub(super) fn link(
    conn: &Connection,
    note: NoteId,
    symbol: &Symbol,
    origin: Origin,
    lookups: &mut Lookups,
) -> Result<(), StoreError> {
    let ticker = ensure(conn, symbol, lookups)?;
    conn.prepare_cached("INSERT OR IGNORE INTO note_ticker (note_id, ticker_id, origin) VALUES (?1, ?2, ?3)")?
        .execute(params![note, ticker, origin.as_str()])?;
    Ok(())
}

pub(super) fn unlink_typed(conn: &Connection, note: NoteId, symbol: &Symbol) -> Result<(), StoreError> {
    if let Some(ticker) = resolve(conn, symbol)? {
        conn.prepare_cached("DELETE FROM note_ticker WHERE note_id = ?1 AND ticker_id = ?2 AND origin = 'typed'")?
            .execute(params![note, ticker])?;
    }
    Ok(())
}

/// Re-reads the cashtags of a note's title and body: links new ones, drops those that are gone.
pub(super) fn relink_detected(
    conn: &Connection,
    note: NoteId,
    title: &str,
    body: &str,
    lookups: &mut Lookups,
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM note_ticker WHERE note_id = ?1 AND origin = 'detected'")?.execute([note])?;
    for text in [title, body] {
        for tag in cashtags(text) {
            link(conn, note, &tag.symbol, Origin::Detected, lookups)?;
        }
    }
    Ok(())
}

/// The tickers of a note, each once with its strongest origin (typed, then detected, then claim).
pub(super) fn of_note(conn: &Connection, note: NoteId) -> Result<Vec<TickerLink>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.symbol, nt.origin FROM note_ticker nt JOIN ticker t ON t.id = nt.ticker_id
         WHERE nt.note_id = ?1 ORDER BY t.symbol",
    )?;
    let mut links: Vec<TickerLink> = Vec::new();
    let found = stmt.query_map([note], |r| {
        Ok((rows::parsed(r, 0, Symbol::parse)?, rows::parsed(r, 1, |o| Origin::parse(o).ok_or("unknown origin"))?))
    })?;
    for row in found {
        let (symbol, origin) = row?;
        match links.last_mut() {
            Some(last) if last.symbol == symbol => last.origin = last.origin.min(origin),
            _ => links.push(TickerLink { symbol, origin }),
        }
    }
    Ok(links)
}

fn info_row(r: &rusqlite::Row) -> rusqlite::Result<TickerInfo> {
    Ok(TickerInfo { symbol: r.get(0)?, name: r.get(1)?, exchange: r.get(2)?, in_reference: r.get(3)? })
}

impl Store {
    /// A ticker's company details; for a valid symbol Jevons has never seen, the symbol alone.
    pub fn ticker_info(&self, symbol: &Symbol) -> Result<TickerInfo, StoreError> {
        let id = resolve(&self.conn, symbol)?;
        let found = match id {
            Some(id) => Some(
                self.conn
                    .prepare_cached("SELECT symbol, name, exchange, in_reference FROM ticker WHERE id = ?1")?
                    .query_row([id], info_row)?,
            ),
            None => None,
        };
        Ok(found.unwrap_or_else(|| TickerInfo {
            symbol: symbol.to_string(),
            name: None,
            exchange: None,
            in_reference: false,
        }))
    }

    /// Tickers linked to at least one live note, most notes first.
    pub fn tickers(&self) -> Result<Vec<TickerCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.symbol, t.name, c.notes FROM ticker_count c JOIN ticker t ON t.id = c.ticker_id
             WHERE c.notes > 0 ORDER BY c.notes DESC, t.symbol",
        )?;
        let found = stmt.query_map([], |r| Ok(TickerCount { symbol: r.get(0)?, name: r.get(1)?, notes: r.get(2)? }))?;
        Ok(found.collect::<Result<_, _>>()?)
    }

    /// Tickers whose symbol starts with `typed`, then those whose company name contains it
    /// (largest companies first), for completion.
    pub fn complete_tickers(&self, typed: &str, limit: usize) -> Result<Vec<TickerInfo>, StoreError> {
        let typed = typed.trim().trim_start_matches('$');
        if typed.is_empty() {
            return Ok(Vec::new());
        }
        let upper = typed.to_ascii_uppercase().replace(['.', '/'], "-");
        let mut stmt = self.conn.prepare_cached(
            "SELECT symbol, name, exchange, in_reference FROM (
                 SELECT *, 0 AS how FROM ticker WHERE symbol >= ?1 AND symbol < ?1 || char(1114111)
                 UNION ALL
                 SELECT *, 1 AS how FROM ticker WHERE instr(name_key, ?2) > 0
             ) GROUP BY symbol ORDER BY min(how), symbol <> ?1, coalesce(rank, 1000000), symbol LIMIT ?3",
        )?;
        let found = stmt.query_map(params![upper, fold(typed), limit as i64], info_row)?;
        Ok(found.collect::<Result<_, _>>()?)
    }

    /// The dossier of a ticker: company, notes (newest `note_limit`), the newest claims, sources,
    /// and the stance tally of all its claims.
    pub fn ticker_dossier(&self, symbol: &Symbol, note_limit: usize) -> Result<TickerDossier, StoreError> {
        let info = self.ticker_info(symbol)?;
        let mut dossier = TickerDossier {
            symbol: info.symbol,
            name: info.name,
            exchange: info.exchange,
            in_reference: info.in_reference,
            notes: Vec::new(),
            note_count: 0,
            claims: Vec::new(),
            claim_count: 0,
            sources: Vec::new(),
            stance: StanceTally::default(),
            catalysts: Vec::new(),
            class: crate::model::B3Class::of(symbol.as_str()),
            issuer: None,
        };
        let Some(ticker) = resolve(&self.conn, symbol)? else {
            return Ok(dossier);
        };
        dossier.issuer = super::issuers::of_ticker(&self.conn, ticker)?;
        // The ticker's feed holds exactly its live notes, in `updated_at` order.
        dossier.note_count = self
            .conn
            .prepare_cached("SELECT count(*) FROM ticker_feed WHERE ticker_id = ?1")?
            .query_row([ticker], |r| r.get(0))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT n.id, n.title, n.updated_at FROM ticker_feed f JOIN note n ON n.id = f.note_id
             WHERE f.ticker_id = ?1 ORDER BY f.ord DESC LIMIT ?2",
        )?;
        dossier.notes = stmt
            .query_map(params![ticker, note_limit as i64], |r| {
                Ok(DossierNote { id: r.get(0)?, title: r.get(1)?, updated_at: rows::timestamp(r, 2)? })
            })?
            .collect::<Result<_, _>>()?;
        dossier.claims = claims::about_ticker(&self.conn, ticker, DOSSIER_CLAIMS)?;
        (dossier.claim_count, dossier.stance) = claims::ticker_tally(&self.conn, ticker)?;
        dossier.sources = sources::about_ticker(&self.conn, ticker, &dossier.claims, DOSSIER_SOURCES)?;
        dossier.catalysts = super::catalysts::about_ticker(&self.conn, ticker)?;
        Ok(dossier)
    }
}
