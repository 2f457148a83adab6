//! The anchors of claims' quotes (`quote_anchor`): for each quote a claim takes from a source,
//! the page the claim names, the W3C TextQuoteSelector's prefix and suffix, and whether the
//! quote is in the source's document: found (on that page), elsewhere (another page) or not
//! found; null while the source holds no document. Checked in the transaction that saves the
//! claim and in the one that gives its source a document.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreError, documents};
use crate::model::{Anchored, QuoteAnchor, anchor};

/// A quote to check: the claim, the source, the words and the page named.
struct Quoted {
    claim: i64,
    source: i64,
    quote: String,
    page: Option<u32>,
    document: Option<i64>,
}

fn quoted(conn: &Connection, sql_filter: &str, key: i64) -> Result<Vec<Quoted>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT cs.claim_id, cs.source_id, cs.quote, qa.page, s.document_id
         FROM claim_source cs JOIN source s ON s.id = cs.source_id
         LEFT JOIN quote_anchor qa ON qa.claim_id = cs.claim_id AND qa.source_id = cs.source_id
         WHERE {sql_filter} = ?1 AND cs.quote IS NOT NULL"
    ))?;
    let found = stmt.query_map([key], |r| {
        Ok(Quoted { claim: r.get(0)?, source: r.get(1)?, quote: r.get(2)?, page: r.get(3)?, document: r.get(4)? })
    })?;
    Ok(found.collect::<Result<_, _>>()?)
}

/// Checks one quote against its source's document and writes its anchor.
fn check(conn: &Connection, q: &Quoted, texts: &mut HashMap<i64, Vec<String>>) -> Result<(), StoreError> {
    let found = match q.document {
        Some(document) => {
            let pages = match texts.entry(document) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(new) => {
                    new.insert(documents::pages(conn, document, None)?.into_iter().map(|p| p.text).collect())
                }
            };
            anchor::locate(&q.quote, q.page, pages)
        }
        None => None,
    };
    conn.prepare_cached(
        "INSERT OR REPLACE INTO quote_anchor (claim_id, source_id, page, prefix, suffix, anchored, found_page)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        q.claim,
        q.source,
        q.page,
        found.as_ref().and_then(|f| f.prefix.as_deref()),
        found.as_ref().and_then(|f| f.suffix.as_deref()),
        found.as_ref().map(|f| f.anchored.as_str()),
        found.as_ref().and_then(|f| f.found_page),
    ])?;
    Ok(())
}

/// Checks the quotes of claim `claim` (after its sources were written), keeping the pages named
/// before, and drops the anchors of quotes it no longer has.
pub(super) fn check_claim(conn: &Connection, claim: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "DELETE FROM quote_anchor WHERE claim_id = ?1 AND NOT EXISTS (
             SELECT 1 FROM claim_source cs
             WHERE cs.claim_id = ?1 AND cs.source_id = quote_anchor.source_id AND cs.quote IS NOT NULL)",
    )?
    .execute([claim])?;
    let mut texts = HashMap::new();
    for q in quoted(conn, "cs.claim_id", claim)? {
        check(conn, &q, &mut texts)?;
    }
    Ok(())
}

/// Checks again every quote taken from `source` (it was given a document).
pub(super) fn check_source(conn: &Connection, source: i64) -> Result<(), StoreError> {
    let mut texts = HashMap::new();
    for q in quoted(conn, "cs.source_id", source)? {
        check(conn, &q, &mut texts)?;
    }
    Ok(())
}

/// Names the page of claim `claim`'s quotes and checks them again.
pub(super) fn set_page(conn: &Connection, claim: i64, page: u32) -> Result<(), StoreError> {
    let mut texts = HashMap::new();
    for mut q in quoted(conn, "cs.claim_id", claim)? {
        q.page = Some(page);
        check(conn, &q, &mut texts)?;
    }
    Ok(())
}

impl Store {
    /// Records a claim whose quote is on page `page` of its source (1 is the first) and
    /// returns its id; the quote is checked against the source's document in the same
    /// transaction.
    pub fn add_claim_on_page(&mut self, draft: crate::model::ClaimDraft, page: u32) -> Result<i64, StoreError> {
        self.save_claim_on_page(None, draft, &[], Some(page))
    }

    /// The quote of claim `claim` with its anchor (the first quoted source's), if it has one.
    pub fn claim_quote(&self, claim: i64) -> Result<Option<QuoteAnchor>, StoreError> {
        let found = self
            .conn
            .prepare_cached(
                "SELECT cs.quote, qa.page, qa.anchored, qa.found_page FROM claim_source cs
                 LEFT JOIN quote_anchor qa ON qa.claim_id = cs.claim_id AND qa.source_id = cs.source_id
                 WHERE cs.claim_id = ?1 AND cs.quote IS NOT NULL ORDER BY cs.source_id LIMIT 1",
            )?
            .query_row([claim], |r| {
                let anchored: Option<String> = r.get(2)?;
                Ok(QuoteAnchor {
                    text: r.get(0)?,
                    page: r.get(1)?,
                    anchored: anchored.as_deref().and_then(|a| Anchored::parse(a).ok()),
                    found_page: r.get(3)?,
                })
            })
            .optional()?;
        Ok(found)
    }
}
