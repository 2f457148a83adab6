//! A ticker's dossier read in bounded pieces, for the window: however many notes, claims and
//! sources a ticker has, each list is capped and comes with its full count, and the tallies are
//! counted by SQLite rather than by loading every row. (`Store::ticker_dossier` reads everything,
//! for the command line's `jevons ticker`.)

use rusqlite::params;
use serde::Serialize;

use super::tickers::{DossierNote, TickerInfo, resolve};
use super::{Store, StoreError, claims, rows, sources};
use crate::model::{Claim, Source, StanceTally, Symbol};

/// How much of a ticker's research [`Store::dossier_page`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DossierLimits {
    /// The newest notes linked to the ticker.
    pub notes: usize,
    /// The newest claims naming it, in full (tickers, sources with quotes, links).
    pub claims: usize,
    /// The newest sources cited by those claims or linked to those notes.
    pub sources: usize,
    /// The newest dated claims with a value or a stance, as sketches for charts and comparisons.
    pub dated: usize,
}

impl Default for DossierLimits {
    fn default() -> Self {
        Self { notes: 200, claims: 100, sources: 100, dated: 2_000 }
    }
}

/// A ticker's research, each list capped by [`DossierLimits`] and counted in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierPage {
    pub info: TickerInfo,
    /// The newest linked notes, and how many there are.
    pub notes: Vec<DossierNote>,
    pub note_count: u64,
    /// The newest claims naming the ticker (by as-of date, undated last), and how many there are.
    pub claims: Vec<Claim>,
    pub claim_count: u64,
    /// Stances of every claim on the ticker.
    pub stance: StanceTally,
    /// Sources of its claims and notes, newest published first, and how many there are.
    pub sources: Vec<Source>,
    pub source_count: u64,
    /// The newest dated claims that give a value or take a stance on the ticker, as sketches:
    /// each names only this ticker (with its stance) and its first source, with no links.
    pub dated: Vec<Claim>,
    pub dated_count: u64,
}

/// Ids of the sources cited by the ticker's live claims or linked to its live notes.
const TICKER_SOURCES: &str = "SELECT cs.source_id FROM claim_ticker ct JOIN claim c ON c.id = ct.claim_id
         LEFT JOIN note n ON n.id = c.note_id JOIN claim_source cs ON cs.claim_id = c.id
         WHERE ct.ticker_id = ?1 AND n.deleted_at IS NULL
     UNION
     SELECT ns.source_id FROM note_ticker nt JOIN note n ON n.id = nt.note_id AND n.deleted_at IS NULL
         JOIN note_source ns ON ns.note_id = n.id
         WHERE nt.ticker_id = ?1";

/// Ids, titles and dates of the ticker's live notes.
const TICKER_NOTES: &str =
    "SELECT DISTINCT n.id, n.title, n.updated_at FROM note_ticker nt JOIN note n ON n.id = nt.note_id
     WHERE nt.ticker_id = ?1 AND n.deleted_at IS NULL";

impl Store {
    /// The dossier of a ticker with every list bounded by `limits`: what the window shows.
    pub fn dossier_page(&self, symbol: &Symbol, limits: &DossierLimits) -> Result<DossierPage, StoreError> {
        let mut page = DossierPage {
            info: self.ticker_info(symbol)?,
            notes: Vec::new(),
            note_count: 0,
            claims: Vec::new(),
            claim_count: 0,
            stance: StanceTally::default(),
            sources: Vec::new(),
            source_count: 0,
            dated: Vec::new(),
            dated_count: 0,
        };
        let Some(ticker) = resolve(&self.conn, symbol)? else {
            return Ok(page);
        };
        let conn = &self.conn;
        page.note_count = conn
            .prepare_cached(&format!("SELECT count(*) FROM ({TICKER_NOTES})"))?
            .query_row([ticker], |r| r.get(0))?;
        page.notes = conn
            .prepare_cached(&format!("{TICKER_NOTES} ORDER BY n.updated_at DESC, n.id DESC LIMIT ?2"))?
            .query_map(params![ticker, limits.notes as i64], |r| {
                Ok(DossierNote { id: r.get(0)?, title: r.get(1)?, updated_at: rows::timestamp(r, 2)? })
            })?
            .collect::<Result<_, _>>()?;
        (page.claim_count, page.dated_count, page.stance) = claims::count_about_ticker(conn, ticker)?;
        page.claims = claims::newest_about_ticker(conn, ticker, limits.claims)?;
        let symbol = Symbol::parse(&page.info.symbol).unwrap_or_else(|_| symbol.clone());
        page.dated = claims::dated_sketches(conn, ticker, &symbol, limits.dated)?;
        page.source_count = conn
            .prepare_cached(&format!("SELECT count(*) FROM ({TICKER_SOURCES})"))?
            .query_row([ticker], |r| r.get(0))?;
        page.sources = conn
            .prepare_cached(&format!(
                "SELECT {} FROM source s WHERE s.id IN ({TICKER_SOURCES})
                 ORDER BY s.published_at IS NULL, s.published_at DESC, s.id DESC LIMIT ?2",
                sources::COLUMNS
            ))?
            .query_map(params![ticker, limits.sources as i64], sources::row)?
            .collect::<Result<_, _>>()?;
        Ok(page)
    }

    /// The newest `limit` claims naming `symbol`, in full (to pick one to link a claim to).
    pub fn newest_claims_about(&self, symbol: &Symbol, limit: usize) -> Result<Vec<Claim>, StoreError> {
        match resolve(&self.conn, symbol)? {
            Some(ticker) => claims::newest_about_ticker(&self.conn, ticker, limit),
            None => Ok(Vec::new()),
        }
    }
}
