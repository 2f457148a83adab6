//! Claims: statements with value, unit, currency, as-of date, claimant, status, stance per ticker
//! and the sources (with quotes) that back them; and links between claims.

use rusqlite::{Connection, OptionalExtension, params};

use super::claim_row::ClaimRow;
use super::lookups::Lookups;
use super::{Store, StoreError, feeds, notes, rows, tickers};
use crate::model::{
    Anchored, Claim, ClaimDraft, ClaimLinkKind, ClaimLinkRef, ClaimSourceRef, ClaimTicker, NoteId, Stance, StanceTally,
    Status, Symbol, Timestamp,
};

const COLUMNS: &str =
    "c.id, c.text, c.value, c.unit, c.currency, c.as_of, c.claimant, c.status, c.note_id, c.created_at, c.updated_at";

/// A claim from a row that starts with [`COLUMNS`], without tickers, sources or links.
fn bare(r: &rusqlite::Row) -> rusqlite::Result<Claim> {
    Ok(Claim {
        id: r.get(0)?,
        text: r.get(1)?,
        value: r.get(2)?,
        unit: r.get(3)?,
        currency: r.get(4)?,
        as_of: r.get(5)?,
        claimant: r.get(6)?,
        status: rows::parsed(r, 7, Status::parse)?,
        note_id: r.get(8)?,
        tickers: Vec::new(),
        sources: Vec::new(),
        links: Vec::new(),
        created_at: rows::timestamp(r, 9)?,
        updated_at: rows::timestamp(r, 10)?,
    })
}

/// Reads claims selected by `sql` (which selects [`COLUMNS`] from `claim c`), with their
/// tickers, sources and links.
fn load(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Claim>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut claims: Vec<Claim> = stmt.query_map(params, bare)?.collect::<Result<_, _>>()?;
    let mut ticker_stmt = conn.prepare_cached(
        "SELECT t.symbol, ct.stance FROM claim_ticker ct JOIN ticker t ON t.id = ct.ticker_id
         WHERE ct.claim_id = ?1 ORDER BY t.symbol",
    )?;
    let mut source_stmt = conn.prepare_cached(
        "SELECT s.id, s.url, s.title, s.publisher, cs.quote, qa.page, qa.anchored, qa.found_page
         FROM claim_source cs JOIN source s ON s.id = cs.source_id
         LEFT JOIN quote_anchor qa ON qa.claim_id = cs.claim_id AND qa.source_id = cs.source_id
         WHERE cs.claim_id = ?1 ORDER BY s.id",
    )?;
    let mut link_stmt = conn.prepare_cached(
        "SELECT l.to_claim, l.kind, 1, c.text FROM claim_link l JOIN claim c ON c.id = l.to_claim
         WHERE l.from_claim = ?1
         UNION ALL
         SELECT l.from_claim, l.kind, 0, c.text FROM claim_link l JOIN claim c ON c.id = l.from_claim
         WHERE l.to_claim = ?1
         ORDER BY 3 DESC, 1",
    )?;
    for claim in &mut claims {
        claim.tickers = ticker_stmt
            .query_map([claim.id], |r| {
                let stance: Option<String> = r.get(1)?;
                Ok(ClaimTicker {
                    symbol: rows::parsed(r, 0, Symbol::parse)?,
                    stance: stance.as_deref().map(Stance::parse).transpose().ok().flatten(),
                })
            })?
            .collect::<Result<_, _>>()?;
        claim.sources = source_stmt
            .query_map([claim.id], |r| {
                Ok(ClaimSourceRef {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    publisher: r.get(3)?,
                    quote: r.get(4)?,
                    page: r.get(5)?,
                    anchored: r.get::<_, Option<String>>(6)?.as_deref().and_then(|a| Anchored::parse(a).ok()),
                    found_page: r.get(7)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        claim.links = link_stmt
            .query_map([claim.id], |r| {
                Ok(ClaimLinkRef {
                    claim_id: r.get(0)?,
                    kind: rows::parsed(r, 1, ClaimLinkKind::parse)?,
                    outgoing: r.get(2)?,
                    text: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
    }
    Ok(claims)
}

pub(super) fn get(conn: &Connection, id: i64) -> Result<Claim, StoreError> {
    load(conn, &format!("SELECT {COLUMNS} FROM claim c WHERE c.id = ?1"), [id])?
        .pop()
        .ok_or(StoreError::ClaimNotFound(id))
}

pub(super) fn of_note(conn: &Connection, note: NoteId) -> Result<Vec<Claim>, StoreError> {
    load(conn, &format!("SELECT {COLUMNS} FROM claim c WHERE c.note_id = ?1 ORDER BY c.id"), [note])
}

/// Claims naming a ticker (not counting those in trashed notes), by as-of date, undated last.
/// A claim (`c`, naming ticker `ct.ticker_id`) outside the trash: in no note, or in a note on the
/// ticker's feed. A claim links its note to its tickers, so a live note holding the claim is on
/// the feed; the feed's small index answers without reading the note.
const LIVE_FOR_TICKER: &str = "(c.note_id IS NULL OR EXISTS (SELECT 1 FROM ticker_feed f
    WHERE f.note_id = c.note_id AND f.ticker_id = ct.ticker_id))";

/// The `limit` most recently recorded claims naming a ticker, ordered by as-of date (undated
/// last). Claims in trashed notes are not listed. Reading them by entry order walks the ticker's
/// index and stops at `limit`, whatever the number of claims on the ticker.
pub(super) fn about_ticker(conn: &Connection, ticker: i64, limit: usize) -> Result<Vec<Claim>, StoreError> {
    let ids: Vec<i64> = conn
        .prepare_cached(&format!(
            "SELECT ct.claim_id FROM claim_ticker ct JOIN claim c ON c.id = ct.claim_id
             WHERE ct.ticker_id = ?1 AND {LIVE_FOR_TICKER} ORDER BY ct.claim_id DESC LIMIT ?2"
        ))?
        .query_map(params![ticker, limit as i64], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut claims = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let sql = format!("SELECT {COLUMNS} FROM claim c WHERE c.id IN ({})", rows::placeholders(chunk.len()));
        claims.extend(load(conn, &sql, rusqlite::params_from_iter(chunk))?);
    }
    claims.sort_by(|a, b| match (&a.as_of, &b.as_of) {
        (Some(x), Some(y)) => x.cmp(y).then(a.id.cmp(&b.id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.id.cmp(&b.id),
    });
    Ok(claims)
}

/// How many live claims name a ticker, and the tally of their stances on it: every claim on the
/// ticker (from its index) less those in trashed notes (usually few), so no claim or note row is
/// read for the live ones.
pub(super) fn ticker_tally(conn: &Connection, ticker: i64) -> Result<(u64, StanceTally), StoreError> {
    let mut total = 0i64;
    let mut tally = [0i64; 3];
    let mut add = |sql: &str, sign: i64| -> Result<(), StoreError> {
        let mut stmt = conn.prepare_cached(sql)?;
        for row in stmt.query_map([ticker], |r| Ok((r.get::<_, Option<String>>(0)?, r.get::<_, i64>(1)?)))? {
            let (stance, count) = row?;
            total += sign * count;
            match stance.as_deref().map(Stance::parse) {
                Some(Ok(Stance::Bullish)) => tally[0] += sign * count,
                Some(Ok(Stance::Bearish)) => tally[1] += sign * count,
                Some(Ok(Stance::Neutral)) => tally[2] += sign * count,
                _ => {}
            }
        }
        Ok(())
    };
    add("SELECT stance, count(*) FROM claim_ticker WHERE ticker_id = ?1 GROUP BY stance", 1)?;
    add(
        "SELECT ct.stance, count(*) FROM note n INDEXED BY note_trash_by_order
         CROSS JOIN claim c ON c.note_id = n.id CROSS JOIN claim_ticker ct ON ct.claim_id = c.id
         WHERE n.deleted_at IS NOT NULL AND ct.ticker_id = ?1 GROUP BY ct.stance",
        -1,
    )?;
    let count = |n: i64| n.max(0) as u64;
    Ok((count(total), StanceTally { bullish: count(tally[0]), bearish: count(tally[1]), neutral: count(tally[2]) }))
}

/// The `limit` most recently recorded dated claims on a ticker that give a value or take a stance
/// on it (claims in trashed notes left out), read in one query as sketches: each names only
/// `symbol` (with its stance) and its first source, and carries no links. Enough to plot figures
/// and stances and to compare them. Like [`about_ticker`], it walks the ticker's index from the
/// newest entry and stops at `limit`.
pub(super) fn dated_sketches(
    conn: &Connection,
    ticker: i64,
    symbol: &Symbol,
    limit: usize,
) -> Result<Vec<Claim>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, ct.stance, s.id, s.url, s.title, s.publisher
         FROM claim_ticker ct JOIN claim c ON c.id = ct.claim_id
         LEFT JOIN source s ON s.id = (SELECT min(cs.source_id) FROM claim_source cs WHERE cs.claim_id = c.id)
         WHERE ct.ticker_id = ?1 AND {LIVE_FOR_TICKER} AND c.as_of IS NOT NULL
           AND (c.value IS NOT NULL OR ct.stance IS NOT NULL)
         ORDER BY ct.claim_id DESC LIMIT ?2"
    ))?;
    let found = stmt.query_map(params![ticker, limit as i64], |r| {
        let mut claim = bare(r)?;
        let stance: Option<String> = r.get(11)?;
        claim.tickers =
            vec![ClaimTicker { symbol: symbol.clone(), stance: stance.as_deref().and_then(|s| Stance::parse(s).ok()) }];
        if let Some(id) = r.get::<_, Option<i64>>(12)? {
            claim.sources = vec![ClaimSourceRef {
                id,
                url: r.get(13)?,
                title: r.get(14)?,
                publisher: r.get(15)?,
                ..ClaimSourceRef::default()
            }];
        }
        Ok(claim)
    })?;
    Ok(found.collect::<Result<_, _>>()?)
}

/// Claims citing a source (not counting those in trashed notes).
pub(super) fn citing_source(conn: &Connection, source: i64) -> Result<Vec<Claim>, StoreError> {
    load(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM claim_source cs JOIN claim c ON c.id = cs.claim_id
             LEFT JOIN note n ON n.id = c.note_id
             WHERE cs.source_id = ?1 AND n.deleted_at IS NULL
             ORDER BY c.as_of IS NULL, c.as_of, c.id"
        ),
        [source],
    )
}

/// Rebuilds the note links that a note's claims imply (origin `claim` in `note_ticker` and
/// `note_source`), so search by ticker or source finds notes through their claims.
pub(super) fn relink_note(conn: &Connection, note: Option<NoteId>) -> Result<(), StoreError> {
    let Some(note) = note else { return Ok(()) };
    conn.prepare_cached("DELETE FROM note_ticker WHERE note_id = ?1 AND origin = 'claim'")?.execute([note])?;
    conn.prepare_cached("DELETE FROM note_source WHERE note_id = ?1 AND origin = 'claim'")?.execute([note])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO note_ticker (note_id, ticker_id, origin)
         SELECT DISTINCT c.note_id, ct.ticker_id, 'claim' FROM claim c JOIN claim_ticker ct ON ct.claim_id = c.id
         WHERE c.note_id = ?1",
    )?
    .execute([note])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO note_source (note_id, source_id, origin)
         SELECT DISTINCT c.note_id, cs.source_id, 'claim' FROM claim c JOIN claim_source cs ON cs.claim_id = c.id
         WHERE c.note_id = ?1",
    )?
    .execute([note])?;
    Ok(())
}

/// Inserts a claim inside the caller's transaction, with its links; `touch` marks its note as
/// changed now (single edits do; imports keep the note's own times). A claim in a note created
/// by the current batch has its note links written when the batch commits.
pub(super) fn insert(
    conn: &Connection,
    draft: ClaimDraft,
    touch: bool,
    lookups: &mut Lookups,
) -> Result<i64, StoreError> {
    let draft = draft.validate()?;
    if let Some(note) = draft.note_id.filter(|n| !lookups.deferred(*n)) {
        notes::require(conn, note)?;
    }
    let now = Timestamp::now().to_string();
    let id = ClaimRow::of_draft(&draft, draft.note_id, &now).insert(conn, None)?;
    write_links(conn, id, &draft, lookups)?;
    match draft.note_id {
        Some(note) if lookups.deferred(note) => {}
        Some(note) => {
            relink_note(conn, Some(note))?;
            if touch { notes::touch(conn, note)? } else { feeds::refresh(conn, note)? }
        }
        None => {}
    }
    Ok(id)
}

/// Writes the claim links of every claim in notes with an id above `start` (a batch's new notes).
pub(super) fn relink_batch(conn: &Connection, start: NoteId) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO note_ticker (note_id, ticker_id, origin)
         SELECT c.note_id, ct.ticker_id, 'claim' FROM claim c JOIN claim_ticker ct ON ct.claim_id = c.id
         WHERE c.note_id > ?1",
    )?
    .execute([start])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO note_source (note_id, source_id, origin)
         SELECT c.note_id, cs.source_id, 'claim' FROM claim c JOIN claim_source cs ON cs.claim_id = c.id
         WHERE c.note_id > ?1",
    )?
    .execute([start])?;
    Ok(())
}

/// Replaces a claim's contents inside the caller's transaction (and moves it to another note
/// when `note_id` changed), with its tickers and sources.
fn update(conn: &Connection, id: i64, draft: ClaimDraft) -> Result<(), StoreError> {
    let draft = draft.validate()?;
    let before = get(conn, id)?;
    if let Some(note) = draft.note_id {
        notes::require(conn, note)?;
    }
    let now = Timestamp::now().to_string();
    ClaimRow::of_draft(&draft, draft.note_id, &now).update(conn, id)?;
    write_links(conn, id, &draft, &mut Lookups::single())?;
    for note in [before.note_id, draft.note_id].into_iter().flatten() {
        relink_note(conn, Some(note))?;
        notes::touch(conn, note)?;
    }
    Ok(())
}

/// Writes a claim's tickers and sources (replacing any it had).
pub(super) fn write_links(
    conn: &Connection,
    claim: i64,
    draft: &ClaimDraft,
    lookups: &mut Lookups,
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM claim_ticker WHERE claim_id = ?1")?.execute([claim])?;
    conn.prepare_cached("DELETE FROM claim_source WHERE claim_id = ?1")?.execute([claim])?;
    for t in &draft.tickers {
        let ticker = tickers::ensure(conn, &t.symbol, lookups)?;
        conn.prepare_cached("INSERT OR REPLACE INTO claim_ticker (claim_id, ticker_id, stance) VALUES (?1, ?2, ?3)")?
            .execute(params![claim, ticker, t.stance.map(Stance::as_str)])?;
    }
    for (source, quote) in &draft.sources {
        if !lookups.known_sources.contains(source) {
            super::sources::get(conn, *source)?;
            lookups.known_sources.insert(*source);
        }
        let quote = quote.as_deref().map(str::trim).filter(|q| !q.is_empty());
        conn.prepare_cached("INSERT OR REPLACE INTO claim_source (claim_id, source_id, quote) VALUES (?1, ?2, ?3)")?
            .execute(params![claim, source, quote])?;
    }
    super::quotes::check_claim(conn, claim)
}

impl Store {
    /// Records a claim (in a note, when `note_id` is set) and returns its id.
    pub fn add_claim(&mut self, draft: ClaimDraft) -> Result<i64, StoreError> {
        let tx = self.write()?;
        let id = insert(&tx, draft, true, &mut Lookups::single())?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces a claim's contents (and moves it to another note when `note_id` changed).
    pub fn update_claim(&mut self, id: i64, draft: ClaimDraft) -> Result<Claim, StoreError> {
        let tx = self.write()?;
        update(&tx, id, draft)?;
        let claim = get(&tx, id)?;
        tx.commit()?;
        Ok(claim)
    }

    /// Adds a claim (`id` none) or replaces one, and sets the links it makes to other claims
    /// (replacing those it made before), in one transaction. Returns the claim's id.
    pub fn save_claim(
        &mut self,
        id: Option<i64>,
        draft: ClaimDraft,
        links: &[(i64, ClaimLinkKind)],
    ) -> Result<i64, StoreError> {
        self.save_claim_on_page(id, draft, links, None)
    }

    /// [`Store::save_claim`], naming the page of its source's document the quote is on (1 is the
    /// first): the quote is checked against that page in the same transaction.
    pub fn save_claim_on_page(
        &mut self,
        id: Option<i64>,
        draft: ClaimDraft,
        links: &[(i64, ClaimLinkKind)],
        page: Option<u32>,
    ) -> Result<i64, StoreError> {
        if page == Some(0) {
            return Err(crate::model::Invalid::new("pages are numbered from 1").into());
        }
        if page.is_some() && draft.sources.iter().all(|(_, quote)| quote.is_none()) {
            return Err(crate::model::Invalid::new("a page belongs to a quote: give the quote too").into());
        }
        let tx = self.write()?;
        let id = match id {
            Some(id) => {
                update(&tx, id, draft)?;
                id
            }
            None => insert(&tx, draft, true, &mut Lookups::single())?,
        };
        tx.prepare_cached("DELETE FROM claim_link WHERE from_claim = ?1")?.execute([id])?;
        for (to, kind) in links {
            if *to == id {
                return Err(crate::model::Invalid::new("a claim cannot be linked to itself").into());
            }
            get(&tx, *to)?;
            tx.prepare_cached("INSERT OR REPLACE INTO claim_link (from_claim, to_claim, kind) VALUES (?1, ?2, ?3)")?
                .execute(params![id, to, kind.as_str()])?;
        }
        if let Some(page) = page {
            super::quotes::set_page(&tx, id, page)?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// Sets only a claim's status.
    pub fn set_claim_status(&mut self, id: i64, status: Status) -> Result<(), StoreError> {
        let tx = self.write()?;
        get(&tx, id)?;
        tx.prepare_cached("UPDATE claim SET status = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![
            id,
            status.as_str(),
            Timestamp::now().to_string()
        ])?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a claim (its links to tickers, sources and other claims go with it).
    pub fn delete_claim(&mut self, id: i64) -> Result<(), StoreError> {
        let tx = self.write()?;
        let claim = get(&tx, id)?;
        tx.prepare_cached("DELETE FROM claim WHERE id = ?1")?.execute([id])?;
        relink_note(&tx, claim.note_id)?;
        if let Some(note) = claim.note_id {
            notes::touch(&tx, note)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn claim(&self, id: i64) -> Result<Claim, StoreError> {
        get(&self.conn, id)
    }

    /// Records that claim `from` supports, contradicts or updates claim `to` (replacing any
    /// earlier link between the two).
    pub fn link_claims(&mut self, from: i64, to: i64, kind: ClaimLinkKind) -> Result<(), StoreError> {
        if from == to {
            return Err(crate::model::Invalid::new("a claim cannot be linked to itself").into());
        }
        let tx = self.write()?;
        get(&tx, from)?;
        get(&tx, to)?;
        tx.prepare_cached("INSERT OR REPLACE INTO claim_link (from_claim, to_claim, kind) VALUES (?1, ?2, ?3)")?
            .execute(params![from, to, kind.as_str()])?;
        tx.commit()?;
        Ok(())
    }

    pub fn unlink_claims(&mut self, from: i64, to: i64) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.prepare_cached("DELETE FROM claim_link WHERE from_claim = ?1 AND to_claim = ?2")?.execute([from, to])?;
        tx.commit()?;
        Ok(())
    }

    /// Links from and to a claim: (other claim, kind, whether this claim is the `from` side).
    pub fn claim_links(&self, id: i64) -> Result<Vec<(i64, ClaimLinkKind, bool)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT to_claim, kind, 1 FROM claim_link WHERE from_claim = ?1
             UNION ALL SELECT from_claim, kind, 0 FROM claim_link WHERE to_claim = ?1",
        )?;
        let found = stmt.query_map([id], |r| Ok((r.get(0)?, rows::parsed(r, 1, ClaimLinkKind::parse)?, r.get(2)?)))?;
        Ok(found.collect::<Result<_, _>>()?)
    }

    /// Claimant names in use with how many claims each, most frequent first, for completion.
    pub fn claimants(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT min(claimant), count(*) FROM claim WHERE claimant IS NOT NULL
             GROUP BY claimant_key ORDER BY 2 DESC, 1",
        )?;
        let found = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(found.collect::<Result<_, _>>()?)
    }

    /// The note a claim was recorded in, if any.
    pub fn claim_note(&self, id: i64) -> Result<Option<NoteId>, StoreError> {
        let found: Option<Option<NoteId>> = self
            .conn
            .prepare_cached("SELECT note_id FROM claim WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        found.ok_or(StoreError::ClaimNotFound(id))
    }
}
