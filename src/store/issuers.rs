//! Issuers: a company and its listings (Petrobras: PETR3 and PETR4 on B3, PBR and PBR-A on the
//! NYSE). Version 11 of the schema adds the `issuer` table, `ticker.issuer_id`, and loads the B3
//! reference list ([`crate::model::b3_listings`]) and the US listings of B3 issuers
//! ([`crate::model::cross_listings`]).
//!
//! A dossier can read one listing ([`Store::dossier_page`]) or its issuer's listings together
//! ([`Store::issuer_dossier_page`]: the union of their notes and claims, each counted once).

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::dossier::{DossierLimits, DossierPage};
use super::tickers::resolve;
use super::{Store, StoreError};
use crate::model::{B3Class, Symbol, b3_listings, cross_listings, fold, is_b3_symbol};

/// Reference ranks of B3 listings start here, after the SEC list's (completion lists the larger
/// US companies first).
const B3_RANKS: i64 = 100_000;

/// One listing of an issuer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    pub symbol: String,
    pub exchange: Option<String>,
    /// The B3 share class (`PN` for PETR4), none elsewhere.
    pub class: Option<B3Class>,
    /// Whether this is the issuer's main listing (the one company names stand for).
    pub main: bool,
}

/// A company with several listings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuer {
    pub name: String,
    /// Every listing, the main one first.
    pub listings: Vec<Listing>,
}

/// Version 11: issuers, and the B3 reference list.
pub(super) fn migrate_v11(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(
        "CREATE TABLE issuer (
             id              INTEGER PRIMARY KEY,
             name            TEXT NOT NULL,
             main_ticker_id  INTEGER NOT NULL UNIQUE REFERENCES ticker(id)
         );
         ALTER TABLE ticker ADD COLUMN issuer_id INTEGER REFERENCES issuer(id);
         CREATE INDEX ticker_by_issuer ON ticker(issuer_id) WHERE issuer_id IS NOT NULL;",
    )?;
    merge_sa_suffixes(tx)?;
    load(tx)
}

/// Symbols stored as `PETR4.SA` before `.SA` was dropped become `PETR4`, unless a `PETR4` row
/// exists already (then the two stay apart, as they were).
fn merge_sa_suffixes(tx: &Transaction) -> Result<(), StoreError> {
    let suffixed: Vec<(i64, String)> = tx
        .prepare("SELECT id, symbol FROM ticker WHERE symbol LIKE '%.SA'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut rename = tx.prepare(
        "UPDATE ticker SET symbol = ?2 WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM ticker WHERE symbol = ?2)",
    )?;
    for (id, symbol) in suffixed {
        if let Some(base) = symbol.strip_suffix(".SA").filter(|b| is_b3_symbol(b)) {
            rename.execute(params![id, base])?;
        }
    }
    Ok(())
}

/// Loads the B3 listings (symbols users typed before gain the company details), one issuer per
/// company, and links the US listings of those issuers.
fn load(tx: &Transaction) -> Result<(), StoreError> {
    let mut ticker = tx.prepare(
        "INSERT INTO ticker (symbol, name, name_key, exchange, in_reference, rank) VALUES (?1, ?2, ?3, 'B3', 1, ?4)
         ON CONFLICT (symbol) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
             exchange = 'B3', in_reference = 1, rank = excluded.rank
         RETURNING id",
    )?;
    let mut issuer = tx.prepare("INSERT INTO issuer (name, main_ticker_id) VALUES (?1, ?2)")?;
    let mut link = tx.prepare(
        "UPDATE ticker SET issuer_id = (SELECT i.id FROM issuer i JOIN ticker m ON m.id = i.main_ticker_id
                                        WHERE m.symbol = ?2)
         WHERE symbol = ?1",
    )?;
    for (rank, listing) in b3_listings().enumerate() {
        let id: i64 = ticker
            .query_row(params![listing.symbol, listing.name, fold(listing.name), B3_RANKS + rank as i64], |r| {
                r.get(0)
            })?;
        if listing.symbol == listing.main {
            issuer.execute(params![listing.name, id])?;
        }
        link.execute(params![listing.symbol, listing.main])?;
    }
    for (symbol, main) in cross_listings() {
        link.execute(params![symbol, main])?;
    }
    Ok(())
}

/// The issuer of a ticker, when it has one.
pub(super) fn of_ticker(conn: &Connection, ticker: i64) -> Result<Option<Issuer>, StoreError> {
    let found: Option<(i64, String, i64)> = conn
        .prepare_cached(
            "SELECT i.id, i.name, i.main_ticker_id FROM ticker t JOIN issuer i ON i.id = t.issuer_id WHERE t.id = ?1",
        )?
        .query_row([ticker], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((issuer, name, main)) = found else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT id, symbol, exchange FROM ticker WHERE issuer_id = ?1
         ORDER BY id <> ?2, exchange IS NOT 'B3', symbol",
    )?;
    let listings = stmt
        .query_map(params![issuer, main], |r| {
            let symbol: String = r.get(1)?;
            Ok(Listing { class: B3Class::of(&symbol), main: r.get::<_, i64>(0)? == main, exchange: r.get(2)?, symbol })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(Issuer { name, listings }))
}

/// The ids of the listings of a ticker's issuer (the ticker alone when it has none).
fn listing_ids(conn: &Connection, ticker: i64) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id FROM ticker t JOIN ticker l ON l.issuer_id = t.issuer_id WHERE t.id = ?1 ORDER BY l.id",
    )?;
    let ids: Vec<i64> = stmt.query_map([ticker], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(if ids.is_empty() { vec![ticker] } else { ids })
}

impl Store {
    /// The issuer of `symbol` and its listings; `None` for a ticker with no other listing known.
    pub fn issuer(&self, symbol: &Symbol) -> Result<Option<Issuer>, StoreError> {
        match resolve(&self.conn, symbol)? {
            Some(ticker) => of_ticker(&self.conn, ticker),
            None => Ok(None),
        }
    }

    /// The dossier of `symbol`'s issuer: the union of its listings' notes, claims, sources and
    /// catalysts (each once, bounded by `limits`), under `symbol`'s own details; the dated
    /// sketches all name `symbol`, so the figures and views of every listing are compared
    /// together. A ticker with no issuer gets its own dossier.
    pub fn issuer_dossier_page(&self, symbol: &Symbol, limits: &DossierLimits) -> Result<DossierPage, StoreError> {
        let mut page = self.dossier_page(symbol, limits)?;
        let Some(ticker) = resolve(&self.conn, symbol)? else {
            return Ok(page);
        };
        let ids = listing_ids(&self.conn, ticker)?;
        if ids.len() < 2 {
            return Ok(page);
        }
        let own = Symbol::parse(&page.info.symbol).unwrap_or_else(|_| symbol.clone());
        for id in ids.iter().filter(|id| **id != ticker) {
            let other: String =
                self.conn.prepare_cached("SELECT symbol FROM ticker WHERE id = ?1")?.query_row([id], |r| r.get(0))?;
            let Ok(other) = Symbol::parse(&other) else { continue };
            let mut more = self.dossier_page(&other, limits)?;
            // Sketches name only their listing: together, they are on the issuer's, for comparing.
            for sketch in &mut more.dated {
                for ticker in &mut sketch.tickers {
                    ticker.symbol = own.clone();
                }
            }
            page.notes.extend(more.notes);
            page.claims.extend(more.claims);
            page.dated.extend(more.dated);
            page.sources.extend(more.sources);
            page.catalysts.extend(more.catalysts);
            page.stance.bullish += more.stance.bullish;
            page.stance.bearish += more.stance.bearish;
            page.stance.neutral += more.stance.neutral;
        }
        page.notes.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id)));
        page.notes.dedup_by_key(|n| n.id);
        page.notes.truncate(limits.notes);
        // Each listing's page holds its claims recorded last: the union's are among them.
        page.claims.sort_by_key(|c| std::cmp::Reverse(c.id));
        page.claims.dedup_by_key(|c| c.id);
        page.claims.truncate(limits.claims);
        page.claims.sort_by(|a, b| match (&a.as_of, &b.as_of) {
            (Some(x), Some(y)) => y.cmp(x).then(b.id.cmp(&a.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => b.id.cmp(&a.id),
        });
        page.dated.sort_by_key(|c| std::cmp::Reverse(c.id));
        page.dated.dedup_by_key(|c| c.id);
        page.dated.truncate(limits.dated);
        let mut seen = std::collections::HashSet::new();
        page.sources.retain(|s| seen.insert(s.id));
        page.sources.truncate(limits.sources);
        page.catalysts.sort_by_key(|c| c.date);
        page.catalysts.dedup();
        (page.note_count, page.claim_count) = union_counts(&self.conn, ticker)?;
        Ok(page)
    }
}

/// How many live notes and live claims name at least one listing of `ticker`'s issuer.
fn union_counts(conn: &Connection, ticker: i64) -> Result<(u64, u64), StoreError> {
    let notes = conn
        .prepare_cached(
            "SELECT count(DISTINCT f.note_id) FROM ticker t JOIN ticker_feed f ON f.ticker_id = t.id
             WHERE t.issuer_id = (SELECT issuer_id FROM ticker WHERE id = ?1)",
        )?
        .query_row([ticker], |r| r.get(0))?;
    let claims = conn
        .prepare_cached(
            "SELECT count(DISTINCT ct.claim_id) FROM ticker t JOIN claim_ticker ct ON ct.ticker_id = t.id
             JOIN claim c ON c.id = ct.claim_id
             WHERE t.issuer_id = (SELECT issuer_id FROM ticker WHERE id = ?1)
               AND (c.note_id IS NULL OR EXISTS (SELECT 1 FROM ticker_feed f
                    WHERE f.note_id = c.note_id AND f.ticker_id = ct.ticker_id))",
        )?
        .query_row([ticker], |r| r.get(0))?;
    Ok((notes, claims))
}
