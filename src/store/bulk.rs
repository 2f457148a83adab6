//! Bulk writes for imports: many notes, with their tags, tickers, sources, claims and revisions,
//! in one transaction, merged by stable identity (note uid, source canonical URL, ticker symbol,
//! claim uid).
//!
//! Every invariant of the single-note path holds: the full-text index follows through the
//! triggers, cashtags are re-read, a note's replaced text is kept as a revision, claim links to
//! tickers and sources are rebuilt, and the ticker and tag feeds are refreshed. One note that cannot be stored (an invalid claim, a title
//! too long) is rolled back alone through a savepoint and reported; the batch goes on.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreError, claims, feeds, notes, revisions, tags, tickers};
use crate::model::{
    ClaimDraft, ClaimLinkKind, Invalid, NoteDraft, NoteId, Origin, SourceDraft, Stance, Symbol, Timestamp, fold,
};

/// A source as an import carries it: its details plus the dates a lossless copy keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRecord {
    pub draft: SourceDraft,
    pub accessed_at: Option<NaiveDate>,
    pub created_at: Option<Timestamp>,
}

impl SourceRecord {
    pub fn new(draft: SourceDraft) -> Self {
        Self { draft, accessed_at: None, created_at: None }
    }
}

/// A claim as an import carries it. `draft.note_id` and `draft.sources` are ignored: the note is
/// the one the record comes with, and sources are given by URL with their quotes.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    /// Stable identity; without one, a claim with the same text in the same note is the same claim.
    pub uid: Option<String>,
    pub draft: ClaimDraft,
    pub sources: Vec<(SourceRecord, Option<String>)>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

/// An earlier version of a note, carried by a lossless (JSON) import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionRecord {
    pub title: String,
    pub body: String,
    pub saved_at: Timestamp,
    pub replaced_at: Timestamp,
}

/// A note as an import carries it. `draft.uid` is its identity (a fresh one when `None`);
/// `draft.tickers` are the typed tickers (cashtags in the text are found by the store).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteRecord {
    pub draft: NoteDraft,
    /// In the trash since then; `None` leaves an existing note's trash state alone.
    pub deleted_at: Option<Timestamp>,
    /// Sources linked to the note directly.
    pub sources: Vec<SourceRecord>,
    pub claims: Vec<ClaimRecord>,
    pub revisions: Vec<RevisionRecord>,
}

/// Which side wins when an imported note or claim differs from the stored one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeRule {
    /// The imported file is the truth (Markdown folders); the replaced text becomes a revision.
    ImportWins,
    /// The one updated last wins (JSON merges between databases).
    NewerWins,
}

/// What happened to one imported note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteOutcome {
    Created(NoteId),
    Updated(NoteId),
    /// Already stored exactly so.
    Unchanged(NoteId),
    /// The stored note is newer ([`MergeRule::NewerWins`]); it was kept.
    KeptNewer(NoteId),
}

impl NoteOutcome {
    pub fn id(self) -> NoteId {
        match self {
            NoteOutcome::Created(id)
            | NoteOutcome::Updated(id)
            | NoteOutcome::Unchanged(id)
            | NoteOutcome::KeptNewer(id) => id,
        }
    }
}

/// A ticker's details as an import carries them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TickerRecord {
    pub symbol: Symbol,
    pub name: Option<String>,
    pub exchange: Option<String>,
    /// Other names users gave the ticker.
    pub aliases: Vec<String>,
}

impl Store {
    /// Stores a batch of notes in one transaction and says what happened to each. A note that
    /// cannot be stored is rolled back alone (its error is in its slot); storage errors (disk
    /// full, busy) roll back the whole batch and are returned.
    pub fn import_notes(
        &mut self,
        records: &[NoteRecord],
        rule: MergeRule,
    ) -> Result<Vec<Result<NoteOutcome, Invalid>>, StoreError> {
        let mut tx = self.write()?;
        let mut outcomes = Vec::with_capacity(records.len());
        for record in records {
            let savepoint = tx.savepoint()?;
            match import_note(&savepoint, record, rule) {
                Ok(outcome) => {
                    savepoint.commit()?;
                    outcomes.push(Ok(outcome));
                }
                Err(StoreError::Invalid(why)) => outcomes.push(Err(why)),
                Err(other) => return Err(other),
            }
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Stores claims that belong to no note, merged by uid.
    pub fn import_loose_claims(&mut self, records: &[ClaimRecord], rule: MergeRule) -> Result<u64, StoreError> {
        let tx = self.write()?;
        let mut changed = 0;
        for record in records {
            if upsert_claim(&tx, None, record, rule, None)? == ClaimOutcome::Written {
                changed += 1;
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Stores sources (new ones whole, known ones only filling in details they lack).
    pub fn import_sources(&mut self, records: &[SourceRecord]) -> Result<u64, StoreError> {
        let tx = self.write()?;
        let mut added = 0;
        for record in records {
            if ensure_source(&tx, record)?.1 {
                added += 1;
            }
        }
        tx.commit()?;
        Ok(added)
    }

    /// Stores tickers: new symbols are added, known ones gain a name or exchange they lacked, and
    /// user aliases are added.
    pub fn import_tickers(&mut self, records: &[TickerRecord]) -> Result<(), StoreError> {
        let tx = self.write()?;
        for record in records {
            let id = tickers::ensure(&tx, &record.symbol)?;
            tx.prepare_cached(
                "UPDATE ticker SET name = coalesce(name, ?2), name_key = coalesce(name_key, ?3),
                     exchange = coalesce(exchange, ?4) WHERE id = ?1",
            )?
            .execute(params![id, record.name, record.name.as_deref().map(fold), record.exchange])?;
            for alias in &record.aliases {
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO ticker_alias (key, alias, ticker_id, origin) VALUES (?1, ?2, ?3, 'user')",
                )?
                .execute(params![fold(alias), alias, id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Stores links between claims given by claim uid; links naming unknown claims are skipped.
    /// Returns how many were stored.
    pub fn import_claim_links(&mut self, links: &[(String, String, ClaimLinkKind)]) -> Result<u64, StoreError> {
        let tx = self.write()?;
        let mut stored = 0;
        for (from, to, kind) in links {
            let (Some(from), Some(to)) = (claim_by_uid(&tx, from)?, claim_by_uid(&tx, to)?) else { continue };
            if from == to {
                continue;
            }
            stored += tx
                .prepare_cached("INSERT OR REPLACE INTO claim_link (from_claim, to_claim, kind) VALUES (?1, ?2, ?3)")?
                .execute(params![from, to, kind.as_str()])? as u64;
        }
        tx.commit()?;
        Ok(stored)
    }
}

/// The note as stored, for comparing with an import.
struct Stored {
    id: NoteId,
    title: String,
    body: String,
    updated_at: String,
    deleted_at: Option<String>,
}

fn import_note(conn: &Connection, record: &NoteRecord, rule: MergeRule) -> Result<NoteOutcome, StoreError> {
    let draft = &record.draft;
    crate::model::validate_text(&draft.title, &draft.body)?;
    let stored = match &draft.uid {
        Some(uid) => conn
            .prepare_cached("SELECT id, title, body, updated_at, deleted_at FROM note WHERE uid = ?1")?
            .query_row([uid], |r| {
                Ok(Stored {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    body: r.get(2)?,
                    updated_at: r.get(3)?,
                    deleted_at: r.get(4)?,
                })
            })
            .optional()?,
        None => None,
    };
    let Some(stored) = stored else {
        let id = notes::insert(conn, draft)?;
        if let Some(deleted) = record.deleted_at {
            conn.prepare_cached("UPDATE note SET deleted_at = ?2 WHERE id = ?1")?
                .execute(params![id, deleted.to_string()])?;
        }
        let updated = draft.updated_at.or(draft.created_at).unwrap_or_else(Timestamp::now);
        link_sources(conn, id, &record.sources)?;
        for claim in &record.claims {
            upsert_claim(conn, Some(id), claim, rule, Some(updated))?;
        }
        if !record.claims.is_empty() {
            claims::relink_note(conn, Some(id))?;
        }
        add_revisions(conn, id, &record.revisions)?;
        if record.deleted_at.is_some() || !record.claims.is_empty() {
            // `insert` filled the feeds; the trash and claim tickers change them.
            feeds::refresh(conn, id)?;
        }
        return Ok(NoteOutcome::Created(id));
    };
    let id = stored.id;
    let incoming_updated = draft.updated_at.or(draft.created_at).unwrap_or_else(Timestamp::now);
    let stored_updated = Timestamp::parse(&stored.updated_at).ok();
    let newer = stored_updated.is_none_or(|s| incoming_updated > s);
    let text_changed = stored.title != draft.title || stored.body != draft.body;
    let tags_changed = tag_keys(conn, id)? != draft.tags.iter().map(|t| t.key()).collect::<BTreeSet<_>>();
    let tickers_changed =
        typed_tickers(conn, id)? != draft.tickers.iter().map(|s| s.as_str().to_owned()).collect::<BTreeSet<_>>();
    let trash_changed = record.deleted_at.is_some() && stored.deleted_at.is_none();
    let may_write = rule == MergeRule::ImportWins || newer;
    let differs = text_changed || tags_changed || tickers_changed || trash_changed;
    let mut changed = false;
    let mut kept = differs && !may_write;
    if may_write && differs {
        if text_changed {
            let now = Timestamp::now().to_string();
            revisions::keep(conn, id, &stored.title, &stored.body, &stored.updated_at, &now)?;
            conn.prepare_cached("UPDATE note SET title = ?2, body = ?3 WHERE id = ?1")?.execute(params![
                id,
                draft.title,
                draft.body
            ])?;
            tickers::relink_detected(conn, id, &draft.title, &draft.body)?;
        }
        if tags_changed {
            conn.prepare_cached("DELETE FROM note_tag WHERE note_id = ?1")?.execute([id])?;
            for tag in &draft.tags {
                tags::link(conn, id, tag)?;
            }
        }
        if tickers_changed {
            conn.prepare_cached("DELETE FROM note_ticker WHERE note_id = ?1 AND origin = 'typed'")?.execute([id])?;
            for symbol in &draft.tickers {
                tickers::link(conn, id, symbol, Origin::Typed)?;
            }
        }
        if trash_changed {
            conn.prepare_cached("UPDATE note SET deleted_at = ?2 WHERE id = ?1")?
                .execute(params![id, record.deleted_at.map(|t| t.to_string())])?;
        }
        changed = true;
    }
    changed |= link_sources(conn, id, &record.sources)?;
    for claim in &record.claims {
        match upsert_claim(conn, Some(id), claim, rule, Some(incoming_updated))? {
            ClaimOutcome::Written => changed = true,
            ClaimOutcome::KeptNewer => kept = true,
            ClaimOutcome::Same => {}
        }
    }
    changed |= add_revisions(conn, id, &record.revisions)?;
    if !changed {
        return Ok(if kept { NoteOutcome::KeptNewer(id) } else { NoteOutcome::Unchanged(id) });
    }
    claims::relink_note(conn, Some(id))?;
    let updated = if may_write { incoming_updated.to_string() } else { stored.updated_at.clone() };
    conn.prepare_cached("UPDATE note SET updated_at = ?2, version = version + 1 WHERE id = ?1")?
        .execute(params![id, updated])?;
    feeds::refresh(conn, id)?;
    Ok(NoteOutcome::Updated(id))
}

fn tag_keys(conn: &Connection, note: NoteId) -> Result<BTreeSet<String>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT t.key FROM note_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.note_id = ?1")?;
    let keys = stmt.query_map([note], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(keys)
}

fn typed_tickers(conn: &Connection, note: NoteId) -> Result<BTreeSet<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.symbol FROM note_ticker nt JOIN ticker t ON t.id = nt.ticker_id
         WHERE nt.note_id = ?1 AND nt.origin = 'typed'",
    )?;
    let symbols = stmt.query_map([note], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(symbols)
}

/// The id of a source with this canonical URL, adding it when new (with the record's dates) or
/// filling in details it lacked. The flag says whether it was new.
fn ensure_source(conn: &Connection, record: &SourceRecord) -> Result<(i64, bool), StoreError> {
    let draft = &record.draft;
    let tidy = |text: &Option<String>| text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    let publisher = tidy(&draft.publisher);
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM source WHERE url_key = ?1")?
        .query_row([&draft.url.canonical], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        conn.prepare_cached(
            "UPDATE source SET title = coalesce(title, ?2), publisher = coalesce(publisher, ?3),
                 publisher_key = coalesce(publisher_key, ?4), author = coalesce(author, ?5),
                 published_at = coalesce(published_at, ?6), accessed_at = coalesce(accessed_at, ?7)
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            tidy(&draft.title),
            publisher,
            publisher.as_deref().map(fold),
            tidy(&draft.author),
            draft.published_at.map(|d| d.to_string()),
            record.accessed_at.map(|d| d.to_string()),
        ])?;
        return Ok((id, false));
    }
    let now = Timestamp::now();
    conn.prepare_cached(
        "INSERT INTO source (url, url_key, host, title, publisher, publisher_key, author, published_at, accessed_at,
             kind, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        draft.url.url,
        draft.url.canonical,
        draft.url.host,
        tidy(&draft.title),
        publisher,
        publisher.as_deref().map(fold),
        tidy(&draft.author),
        draft.published_at.map(|d| d.to_string()),
        record.accessed_at.unwrap_or_else(|| now.date()).to_string(),
        draft.kind.as_str(),
        record.created_at.unwrap_or(now).to_string(),
    ])?;
    Ok((conn.last_insert_rowid(), true))
}

/// Links sources to a note directly; returns whether a link was added.
fn link_sources(conn: &Connection, note: NoteId, sources: &[SourceRecord]) -> Result<bool, StoreError> {
    let mut added = false;
    for record in sources {
        let (source, _) = ensure_source(conn, record)?;
        added |= conn
            .prepare_cached("INSERT OR IGNORE INTO note_source (note_id, source_id, origin) VALUES (?1, ?2, 'typed')")?
            .execute(params![note, source])?
            > 0;
    }
    Ok(added)
}

/// Adds the revisions a note does not have yet; returns whether one was added.
fn add_revisions(conn: &Connection, note: NoteId, records: &[RevisionRecord]) -> Result<bool, StoreError> {
    let mut added = false;
    for r in records {
        let (saved, replaced) = (r.saved_at.to_string(), r.replaced_at.to_string());
        let present: Option<i64> = conn
            .prepare_cached(
                "SELECT id FROM note_revision WHERE note_id = ?1 AND saved_at = ?2 AND replaced_at = ?3
                 AND title = ?4 AND body = ?5",
            )?
            .query_row(params![note, saved, replaced, r.title, r.body], |row| row.get(0))
            .optional()?;
        if present.is_none() {
            revisions::keep(conn, note, &r.title, &r.body, &saved, &replaced)?;
            added = true;
        }
    }
    Ok(added)
}

fn claim_by_uid(conn: &Connection, uid: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn.prepare_cached("SELECT id FROM claim WHERE uid = ?1")?.query_row([uid], |r| r.get(0)).optional()?)
}

/// A claim's stored contents in a comparable form.
#[derive(PartialEq)]
struct ClaimContent {
    text: String,
    value: Option<f64>,
    unit: Option<String>,
    currency: Option<String>,
    as_of: Option<String>,
    claimant: Option<String>,
    status: String,
    tickers: BTreeSet<(String, Option<String>)>,
    sources: BTreeSet<(String, Option<String>)>,
}

fn stored_claim(conn: &Connection, id: i64) -> Result<(ClaimContent, String), StoreError> {
    let (mut content, updated) = conn
        .prepare_cached(
            "SELECT text, value, unit, currency, as_of, claimant, status, updated_at FROM claim WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                ClaimContent {
                    text: r.get(0)?,
                    value: r.get(1)?,
                    unit: r.get(2)?,
                    currency: r.get(3)?,
                    as_of: r.get(4)?,
                    claimant: r.get(5)?,
                    status: r.get(6)?,
                    tickers: BTreeSet::new(),
                    sources: BTreeSet::new(),
                },
                r.get::<_, String>(7)?,
            ))
        })?;
    let mut stmt = conn.prepare_cached(
        "SELECT t.symbol, ct.stance FROM claim_ticker ct JOIN ticker t ON t.id = ct.ticker_id WHERE ct.claim_id = ?1",
    )?;
    content.tickers = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT s.url_key, cs.quote FROM claim_source cs JOIN source s ON s.id = cs.source_id WHERE cs.claim_id = ?1",
    )?;
    content.sources = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok((content, updated))
}

fn tidy_quote(quote: &Option<String>) -> Option<String> {
    quote.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(str::to_owned)
}

/// What happened to one imported claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClaimOutcome {
    Written,
    Same,
    KeptNewer,
}

/// Adds a claim or brings a stored one up to date.
/// `default_time` dates a claim that carries no dates of its own (the note's time).
fn upsert_claim(
    conn: &Connection,
    note: Option<NoteId>,
    record: &ClaimRecord,
    rule: MergeRule,
    default_time: Option<Timestamp>,
) -> Result<ClaimOutcome, StoreError> {
    let draft = record.draft.clone().validate()?;
    let incoming = ClaimContent {
        text: draft.text.clone(),
        value: draft.value,
        unit: draft.unit.clone(),
        currency: draft.currency.clone(),
        as_of: draft.as_of.clone(),
        claimant: draft.claimant.clone(),
        status: draft.status.as_str().to_owned(),
        tickers: draft
            .tickers
            .iter()
            .map(|t| (t.symbol.to_string(), t.stance.map(|s| s.as_str().to_owned())))
            .collect(),
        sources: record.sources.iter().map(|(s, q)| (s.draft.url.canonical.clone(), tidy_quote(q))).collect(),
    };
    let existing = match &record.uid {
        Some(uid) => claim_by_uid(conn, uid)?,
        None => None,
    };
    let existing = match (existing, note) {
        (Some(id), _) => Some(id),
        (None, Some(note)) => conn
            .prepare_cached("SELECT id FROM claim WHERE note_id = ?1 AND text = ?2 ORDER BY id LIMIT 1")?
            .query_row(params![note, draft.text], |r| r.get(0))
            .optional()?,
        (None, None) => None,
    };
    let now = Timestamp::now();
    let updated = record.updated_at.or(record.created_at).or(default_time).unwrap_or(now);
    let id = match existing {
        Some(id) => {
            let (stored, stored_updated) = stored_claim(conn, id)?;
            let newer = Timestamp::parse(&stored_updated).map_or(true, |s| updated > s);
            if stored == incoming {
                return Ok(ClaimOutcome::Same);
            }
            if rule == MergeRule::NewerWins && !newer {
                return Ok(ClaimOutcome::KeptNewer);
            }
            let previous_note: Option<NoteId> =
                conn.prepare_cached("SELECT note_id FROM claim WHERE id = ?1")?.query_row([id], |r| r.get(0))?;
            conn.prepare_cached(
                "UPDATE claim SET text = ?2, value = ?3, unit = ?4, currency = ?5, as_of = ?6, claimant = ?7,
                     claimant_key = ?8, status = ?9, note_id = coalesce(?10, note_id), updated_at = ?11 WHERE id = ?1",
            )?
            .execute(params![
                id,
                draft.text,
                draft.value,
                draft.unit,
                draft.currency,
                draft.as_of,
                draft.claimant,
                draft.claimant.as_deref().map(fold),
                draft.status.as_str(),
                note,
                updated.to_string(),
            ])?;
            if note.is_some() && previous_note != note {
                // The claim moved here from another note: that note's derived links follow.
                claims::relink_note(conn, previous_note)?;
                if let Some(previous) = previous_note {
                    feeds::refresh(conn, previous)?;
                }
            }
            id
        }
        None => {
            let created = record.created_at.or(default_time).unwrap_or(now);
            conn.prepare_cached(
                "INSERT INTO claim (uid, text, value, unit, currency, as_of, claimant, claimant_key, status, note_id,
                     created_at, updated_at)
                 VALUES (coalesce(?1, lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                record.uid,
                draft.text,
                draft.value,
                draft.unit,
                draft.currency,
                draft.as_of,
                draft.claimant,
                draft.claimant.as_deref().map(fold),
                draft.status.as_str(),
                note,
                created.to_string(),
                updated.to_string(),
            ])?;
            conn.last_insert_rowid()
        }
    };
    conn.prepare_cached("DELETE FROM claim_ticker WHERE claim_id = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM claim_source WHERE claim_id = ?1")?.execute([id])?;
    for t in &draft.tickers {
        let ticker = tickers::ensure(conn, &t.symbol)?;
        conn.prepare_cached("INSERT OR REPLACE INTO claim_ticker (claim_id, ticker_id, stance) VALUES (?1, ?2, ?3)")?
            .execute(params![id, ticker, t.stance.map(Stance::as_str)])?;
    }
    for (source, quote) in &record.sources {
        let (source, _) = ensure_source(conn, source)?;
        conn.prepare_cached("INSERT OR REPLACE INTO claim_source (claim_id, source_id, quote) VALUES (?1, ?2, ?3)")?
            .execute(params![id, source, tidy_quote(quote)])?;
    }
    Ok(ClaimOutcome::Written)
}
