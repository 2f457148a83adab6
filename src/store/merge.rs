//! Merging imported records into the database by stable identity (note uid, claim uid, source
//! canonical URL, ticker symbol), inside a [`super::Batch`]'s transaction.
//!
//! New notes go through the same insert as every other note (tags, typed tickers, cashtags); in
//! a batch their full-text entries, claim links and feeds are written when it commits. A stored
//! note that an import changes keeps its replaced text as a revision, has its cashtags re-read,
//! its claim links and feeds rebuilt, and its full-text entry follows through the index
//! triggers. Nothing is ever deleted by an import.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, params};

use super::lookups::Lookups;
use super::records::{ClaimRecord, MergeRule, NoteOutcome, NoteRecord, RevisionRecord, SourceRecord, TickerRecord};
use super::sources::{self, SourceDates};
use super::{StoreError, claims, feeds, notes, revisions, tags, tickers};
use crate::model::{ClaimDraft, ClaimLinkKind, Invalid, NoteId, Origin, Timestamp, fold, validate_text};

/// Checks what can be checked without the database, so a record that cannot be stored is
/// refused before anything is written.
pub(super) fn check(record: &NoteRecord) -> Result<(), Invalid> {
    validate_text(&record.draft.title, &record.draft.body)?;
    for claim in &record.claims {
        claim.draft.clone().validate()?;
    }
    for revision in &record.revisions {
        validate_text(&revision.title, &revision.body)?;
    }
    Ok(())
}

/// The note as stored, for comparing with an import.
struct Stored {
    id: NoteId,
    title: String,
    body: String,
    updated_at: String,
    deleted_at: Option<String>,
}

fn stored_note(conn: &Connection, uid: &str) -> Result<Option<Stored>, StoreError> {
    Ok(conn
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
        .optional()?)
}

/// Adds a note, or brings the stored note with the same uid up to date under `rule` (the record
/// passed [`check`]).
pub(super) fn note(
    conn: &Connection,
    record: &NoteRecord,
    rule: MergeRule,
    lookups: &mut Lookups,
) -> Result<NoteOutcome, StoreError> {
    let stored = match &record.draft.uid {
        Some(uid) => stored_note(conn, uid)?,
        None => None,
    };
    match stored {
        None => create(conn, record, rule, lookups),
        Some(stored) => update(conn, stored, record, rule, lookups),
    }
}

fn create(
    conn: &Connection,
    record: &NoteRecord,
    rule: MergeRule,
    lookups: &mut Lookups,
) -> Result<NoteOutcome, StoreError> {
    let draft = &record.draft;
    let id = notes::insert(conn, draft, lookups)?;
    if let Some(deleted) = record.deleted_at {
        conn.prepare_cached("UPDATE note SET deleted_at = ?2 WHERE id = ?1")?
            .execute(params![id, deleted.to_string()])?;
    }
    link_sources(conn, id, &record.sources, lookups)?;
    let updated = draft.updated_at.or(draft.created_at).unwrap_or_else(Timestamp::now);
    for claim in &record.claims {
        upsert_claim(conn, Some(id), claim, rule, Some(updated), lookups)?;
    }
    add_revisions(conn, id, &record.revisions)?;
    if !lookups.deferred(id) && (record.deleted_at.is_some() || !record.claims.is_empty()) {
        // `insert` filled the feeds; the trash and the claims' tickers change them.
        claims::relink_note(conn, Some(id))?;
        feeds::refresh(conn, id)?;
    }
    Ok(NoteOutcome::Created(id))
}

fn update(
    conn: &Connection,
    stored: Stored,
    record: &NoteRecord,
    rule: MergeRule,
    lookups: &mut Lookups,
) -> Result<NoteOutcome, StoreError> {
    let draft = &record.draft;
    let id = stored.id;
    let incoming_updated = draft.updated_at.or(draft.created_at).unwrap_or_else(Timestamp::now);
    let newer = Timestamp::parse(&stored.updated_at).ok().is_none_or(|s| incoming_updated > s);
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
            tickers::relink_detected(conn, id, &draft.title, &draft.body, lookups)?;
        }
        if tags_changed {
            conn.prepare_cached("DELETE FROM note_tag WHERE note_id = ?1")?.execute([id])?;
            for tag in &draft.tags {
                tags::link(conn, id, tag, lookups)?;
            }
        }
        if tickers_changed {
            conn.prepare_cached("DELETE FROM note_ticker WHERE note_id = ?1 AND origin = 'typed'")?.execute([id])?;
            for symbol in &draft.tickers {
                tickers::link(conn, id, symbol, Origin::Typed, lookups)?;
            }
        }
        if trash_changed {
            conn.prepare_cached("UPDATE note SET deleted_at = ?2 WHERE id = ?1")?
                .execute(params![id, record.deleted_at.map(|t| t.to_string())])?;
        }
        changed = true;
    }
    changed |= link_sources(conn, id, &record.sources, lookups)?;
    for claim in &record.claims {
        match upsert_claim(conn, Some(id), claim, rule, Some(incoming_updated), lookups)? {
            ClaimOutcome::Written => changed = true,
            ClaimOutcome::KeptNewer => kept = true,
            ClaimOutcome::Same => {}
        }
    }
    changed |= add_revisions(conn, id, &record.revisions)?;
    if !changed {
        return Ok(if kept { NoteOutcome::KeptNewer(id) } else { NoteOutcome::Unchanged(id) });
    }
    let updated = if may_write { incoming_updated.to_string() } else { stored.updated_at };
    conn.prepare_cached("UPDATE note SET updated_at = ?2, version = version + 1 WHERE id = ?1")?
        .execute(params![id, updated])?;
    if !lookups.deferred(id) {
        claims::relink_note(conn, Some(id))?;
        feeds::refresh(conn, id)?;
    }
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

/// Adds a source with the record's dates, or fills in the details a stored one lacked. The flag
/// says whether it was new.
pub(super) fn source(
    conn: &Connection,
    record: &SourceRecord,
    lookups: &mut Lookups,
) -> Result<(i64, bool), StoreError> {
    let dates = SourceDates { accessed_at: record.accessed_at, created_at: record.created_at };
    sources::add_dated(conn, &record.draft, dates, lookups)
}

/// Links sources to a note directly; returns whether a link was added.
fn link_sources(
    conn: &Connection,
    note: NoteId,
    records: &[SourceRecord],
    lookups: &mut Lookups,
) -> Result<bool, StoreError> {
    let mut added = false;
    for record in records {
        let (source, _) = source(conn, record, lookups)?;
        added |= conn
            .prepare_cached("INSERT OR IGNORE INTO note_source (note_id, source_id, origin) VALUES (?1, ?2, 'typed')")?
            .execute(params![note, source])?
            > 0;
    }
    Ok(added)
}

/// Adds a ticker, or gives a stored one the name or exchange it lacked; adds user aliases.
pub(super) fn ticker(conn: &Connection, record: &TickerRecord, lookups: &mut Lookups) -> Result<(), StoreError> {
    let id = tickers::ensure(conn, &record.symbol, lookups)?;
    conn.prepare_cached(
        "UPDATE ticker SET name = coalesce(name, ?2), name_key = coalesce(name_key, ?3),
             exchange = coalesce(exchange, ?4) WHERE id = ?1",
    )?
    .execute(params![id, record.name, record.name.as_deref().map(fold), record.exchange])?;
    for alias in &record.aliases {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO ticker_alias (key, alias, ticker_id, origin) VALUES (?1, ?2, ?3, 'user')",
        )?
        .execute(params![fold(alias), alias, id])?;
    }
    Ok(())
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

/// Stores a link between two claims given by uid; says whether it was stored (a link naming an
/// unknown claim, or a claim itself, is not).
pub(super) fn claim_link(conn: &Connection, from: &str, to: &str, kind: ClaimLinkKind) -> Result<bool, StoreError> {
    let (Some(from), Some(to)) = (claim_by_uid(conn, from)?, claim_by_uid(conn, to)?) else { return Ok(false) };
    if from == to {
        return Ok(false);
    }
    let stored = conn
        .prepare_cached("INSERT OR REPLACE INTO claim_link (from_claim, to_claim, kind) VALUES (?1, ?2, ?3)")?
        .execute(params![from, to, kind.as_str()])?;
    Ok(stored > 0)
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

impl ClaimContent {
    fn of_record(draft: &ClaimDraft, record: &ClaimRecord) -> Self {
        Self {
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
        }
    }
}

/// A stored claim's contents, its note and when it was last updated.
fn stored_claim(conn: &Connection, id: i64) -> Result<(ClaimContent, Option<NoteId>, String), StoreError> {
    let (mut content, note, updated) = conn
        .prepare_cached(
            "SELECT text, value, unit, currency, as_of, claimant, status, note_id, updated_at FROM claim WHERE id = ?1",
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
                r.get::<_, Option<NoteId>>(7)?,
                r.get::<_, String>(8)?,
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
    Ok((content, note, updated))
}

fn tidy_quote(quote: &Option<String>) -> Option<String> {
    quote.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(str::to_owned)
}

/// What happened to one imported claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ClaimOutcome {
    Written,
    Same,
    KeptNewer,
}

/// Adds a claim (in `note`, or outside notes) or brings a stored one up to date.
/// `default_time` dates a claim that carries no dates of its own (the note's time).
pub(super) fn upsert_claim(
    conn: &Connection,
    note: Option<NoteId>,
    record: &ClaimRecord,
    rule: MergeRule,
    default_time: Option<Timestamp>,
    lookups: &mut Lookups,
) -> Result<ClaimOutcome, StoreError> {
    let mut draft = record.draft.clone().validate()?;
    let incoming = ClaimContent::of_record(&draft, record);
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
            let (stored, previous_note, stored_updated) = stored_claim(conn, id)?;
            if stored == incoming {
                return Ok(ClaimOutcome::Same);
            }
            let newer = Timestamp::parse(&stored_updated).map_or(true, |s| updated > s);
            if rule == MergeRule::NewerWins && !newer {
                return Ok(ClaimOutcome::KeptNewer);
            }
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
            if let Some(previous) = previous_note.filter(|p| note.is_some_and(|n| n != *p)) {
                // The claim moved here from another note: that note's derived links follow.
                claims::relink_note(conn, Some(previous))?;
                feeds::refresh(conn, previous)?;
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
    draft.sources = Vec::with_capacity(record.sources.len());
    for (cited, quote) in &record.sources {
        let (source, _) = source(conn, cited, lookups)?;
        draft.sources.push((source, tidy_quote(quote)));
    }
    claims::write_links(conn, id, &draft, lookups)?;
    Ok(ClaimOutcome::Written)
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use crate::model::{ClaimDraft, ClaimTicker, MAX_TITLE_CHARS, NoteDraft, Stance, Symbol, TagName, Timestamp};
    use crate::query::parse;
    use crate::store::{ClaimRecord, MergeRule, NoteOutcome, NoteRecord, StoreError};

    fn record(uid: &str, title: &str, body: &str, tags: &[&str], updated: &str) -> NoteRecord {
        let at = Timestamp::parse(updated).unwrap();
        NoteRecord {
            draft: NoteDraft {
                title: title.into(),
                body: body.into(),
                tags: tags.iter().map(|t| TagName::parse(t).unwrap()).collect(),
                tickers: Vec::new(),
                created_at: Some(at),
                updated_at: Some(at),
                uid: Some(uid.into()),
            },
            ..NoteRecord::default()
        }
    }

    fn claim(text: &str, symbol: &str) -> ClaimRecord {
        ClaimRecord {
            uid: None,
            draft: ClaimDraft {
                text: text.into(),
                tickers: vec![ClaimTicker { symbol: Symbol::parse(symbol).unwrap(), stance: Some(Stance::Bullish) }],
                ..ClaimDraft::default()
            },
            sources: Vec::new(),
            created_at: None,
            updated_at: None,
        }
    }

    fn found(store: &Store, query: &str) -> usize {
        store.search_ids(&parse(query).unwrap()).unwrap().len()
    }

    #[test]
    fn a_batch_refuses_an_invalid_note_and_stores_the_rest() {
        let mut store = Store::open_in_memory().unwrap();
        let mut batch = store.batch().unwrap();
        let rule = MergeRule::ImportWins;
        batch.import_note(&record("a", "First", "alpha words $NVDA", &["ai/inference"], "2025-01-01"), rule).unwrap();
        let long_title = record("b", &"x".repeat(MAX_TITLE_CHARS + 1), "beta words", &[], "2025-01-01");
        assert!(matches!(batch.import_note(&long_title, rule), Err(StoreError::Invalid(_))));
        let mut empty_claim = record("c", "Third", "gamma words", &["ai"], "2025-01-01");
        empty_claim.claims.push(claim("   ", "AMD"));
        assert!(matches!(batch.import_note(&empty_claim, rule), Err(StoreError::Invalid(_))));
        let mut with_claim = record("d", "Fourth", "delta words", &["ai"], "2025-01-02");
        with_claim.claims.push(claim("Buy on weakness", "AMD"));
        batch.import_note(&with_claim, rule).unwrap();
        batch.commit().unwrap();

        assert_eq!(store.note_counts().unwrap(), (2, 0));
        assert_eq!(found(&store, "alpha OR delta"), 2);
        assert_eq!(found(&store, "beta OR gamma"), 0, "refused notes leave nothing behind");
        assert_eq!(found(&store, "#ai"), 2, "tag feeds include the parent tag");
        assert_eq!(found(&store, "$NVDA #ai/inference"), 1);
        assert_eq!(found(&store, "$AMD stance:bullish"), 1, "claim tickers link their note at commit");
        assert!(store.check().unwrap().is_sound());
    }

    #[test]
    fn merging_by_uid_updates_keeps_the_old_text_and_never_duplicates() {
        let mut store = Store::open_in_memory().unwrap();
        let original = record("n1", "Capex", "old words #x", &["semis"], "2025-01-01");
        let mut batch = store.batch().unwrap();
        assert!(matches!(batch.import_note(&original, MergeRule::ImportWins).unwrap(), NoteOutcome::Created(_)));
        batch.commit().unwrap();

        let changed = record("n1", "Capex", "new words $TSM", &["foundry"], "2025-02-01");
        let older = record("n1", "Capex", "stale words", &["semis"], "2024-12-01");
        let mut batch = store.batch().unwrap();
        assert!(matches!(batch.import_note(&original, MergeRule::ImportWins).unwrap(), NoteOutcome::Unchanged(_)));
        let NoteOutcome::Updated(id) = batch.import_note(&changed, MergeRule::ImportWins).unwrap() else {
            panic!("the stored note is updated")
        };
        assert!(matches!(batch.import_note(&older, MergeRule::NewerWins).unwrap(), NoteOutcome::KeptNewer(_)));
        batch.commit().unwrap();

        assert_eq!(store.note_counts().unwrap(), (1, 0));
        let note = store.note(id).unwrap();
        assert_eq!((note.body.as_str(), note.tags.clone()), ("new words $TSM", vec!["foundry".to_owned()]));
        assert_eq!(note.updated_at, Timestamp::parse("2025-02-01").unwrap());
        assert_eq!(store.revisions(id).unwrap()[0].body, "old words #x");
        assert_eq!((found(&store, "new"), found(&store, "old OR stale")), (1, 0), "the index follows the text");
        assert_eq!((found(&store, "#foundry $TSM"), found(&store, "#semis")), (1, 0), "feeds follow the links");
        assert!(store.check().unwrap().is_sound());
    }

    #[test]
    fn a_note_written_twice_in_one_batch_is_indexed_as_last_written() {
        let mut store = Store::open_in_memory().unwrap();
        let mut batch = store.batch().unwrap();
        batch.import_note(&record("n", "Draft", "first words", &["a"], "2025-01-01"), MergeRule::ImportWins).unwrap();
        let second = record("n", "Draft", "second words $NVDA", &["b"], "2025-01-02");
        assert!(matches!(batch.import_note(&second, MergeRule::ImportWins).unwrap(), NoteOutcome::Updated(_)));
        batch.commit().unwrap();
        assert_eq!((found(&store, "second"), found(&store, "first")), (1, 0));
        assert_eq!((found(&store, "#b $NVDA"), found(&store, "#a")), (1, 0));
        assert!(store.check().unwrap().is_sound());
    }
}
