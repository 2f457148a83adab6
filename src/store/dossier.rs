//! A ticker's dossier read in bounded pieces, for the window: however many notes, claims and
//! sources a ticker has, each list is capped (and can grow on request), every count comes from
//! an index, and the claims to plot and compare are read in one query as sketches.
//! (`Store::ticker_dossier` is the command line's `jevons ticker`, with fixed caps.)

use rusqlite::params;
use serde::Serialize;

use super::catalysts::TickerCatalyst;
use super::issuers::{self, Issuer};
use super::tickers::{DossierNote, TickerInfo, resolve};
use super::{Store, StoreError, catalysts, claims, rows, sources};
use crate::model::{Claim, Source, StanceTally, Symbol};

/// How much of a ticker's research [`Store::dossier_page`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DossierLimits {
    /// The newest notes linked to the ticker.
    pub notes: usize,
    /// The claims recorded last on it, in full (tickers, sources with quotes, links).
    pub claims: usize,
    /// Sources cited by those claims or linked to its newest notes.
    pub sources: usize,
    /// The dated claims with a value or a stance recorded last, as sketches for charts and
    /// comparisons.
    pub dated: usize,
}

impl Default for DossierLimits {
    fn default() -> Self {
        Self { notes: 200, claims: 100, sources: 100, dated: 2_000 }
    }
}

/// A ticker's research, each list capped by [`DossierLimits`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierPage {
    pub info: TickerInfo,
    /// The newest linked notes, and how many there are.
    pub notes: Vec<DossierNote>,
    pub note_count: u64,
    /// The claims recorded last on the ticker, newest as-of date first (undated last), and how
    /// many there are.
    pub claims: Vec<Claim>,
    pub claim_count: u64,
    /// Stances of every claim on the ticker.
    pub stance: StanceTally,
    /// Sources of the listed claims, then of the newest notes.
    pub sources: Vec<Source>,
    /// The dated claims recorded last that give a value or take a stance on the ticker, as
    /// sketches: each names only this ticker (with its stance) and its first source, no links.
    pub dated: Vec<Claim>,
    /// The catalysts the theses on the ticker list, by date.
    pub catalysts: Vec<TickerCatalyst>,
    /// The company when it has several listings (PETR3, PETR4, PBR), each listing's page
    /// naming it.
    pub issuer: Option<Issuer>,
}

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
            dated: Vec::new(),
            catalysts: Vec::new(),
            issuer: None,
        };
        let Some(ticker) = resolve(&self.conn, symbol)? else {
            return Ok(page);
        };
        let conn = &self.conn;
        page.issuer = issuers::of_ticker(conn, ticker)?;
        // The ticker's feed holds exactly its live notes, in `updated_at` order.
        page.note_count = conn
            .prepare_cached("SELECT count(*) FROM ticker_feed WHERE ticker_id = ?1")?
            .query_row([ticker], |r| r.get(0))?;
        page.notes = conn
            .prepare_cached(
                "SELECT n.id, n.title, n.updated_at FROM ticker_feed f JOIN note n ON n.id = f.note_id
                 WHERE f.ticker_id = ?1 ORDER BY f.ord DESC LIMIT ?2",
            )?
            .query_map(params![ticker, limits.notes as i64], |r| {
                Ok(DossierNote { id: r.get(0)?, title: r.get(1)?, updated_at: rows::timestamp(r, 2)? })
            })?
            .collect::<Result<_, _>>()?;
        (page.claim_count, page.stance) = claims::ticker_tally(conn, ticker)?;
        page.catalysts = catalysts::about_ticker(conn, ticker)?;
        let mut listed = claims::about_ticker(conn, ticker, limits.claims)?;
        page.sources = sources::about_ticker(conn, ticker, &listed, limits.sources)?;
        // `about_ticker` lists oldest first; a long list reads best from the newest.
        listed.sort_by(|a, b| match (&a.as_of, &b.as_of) {
            (Some(x), Some(y)) => y.cmp(x).then(b.id.cmp(&a.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => b.id.cmp(&a.id),
        });
        page.claims = listed;
        let symbol = Symbol::parse(&page.info.symbol).unwrap_or_else(|_| symbol.clone());
        page.dated = claims::dated_sketches(conn, ticker, &symbol, limits.dated)?;
        Ok(page)
    }

    /// The `limit` dated claims recorded last that give a value or take a stance on `symbol`, as
    /// sketches: what a dossier compares ([`DossierPage::dated`]) without the rest of the page.
    pub fn dated_claims_about(&self, symbol: &Symbol, limit: usize) -> Result<Vec<Claim>, StoreError> {
        match resolve(&self.conn, symbol)? {
            Some(ticker) => claims::dated_sketches(&self.conn, ticker, symbol, limit),
            None => Ok(Vec::new()),
        }
    }

    /// The `limit` claims recorded last on `symbol`, in full (to pick one to link a claim to).
    pub fn newest_claims_about(&self, symbol: &Symbol, limit: usize) -> Result<Vec<Claim>, StoreError> {
        match resolve(&self.conn, symbol)? {
            Some(ticker) => claims::about_ticker(&self.conn, ticker, limit),
            None => Ok(Vec::new()),
        }
    }
}
