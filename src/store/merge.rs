//! The merge rule every import follows (Markdown, JSON, and later git sync), applied to one
//! record at a time inside a [`super::Batch`]'s transaction. `docs/import-export.md` states it
//! for people; in short:
//!
//! - **Identity is by uid**: a note by its uid, a claim by its uid (never by its text).
//! - **A file never overwrites a newer local version.** Each side's content is fingerprinted
//!   ([`note_hash`]: title, body, tags, typed tickers). The version a file and the database
//!   share is known from the fingerprint the note remembers from the last import (`base_hash`),
//!   the one an export wrote into the file (`content_hash`), and the fingerprints of the note's
//!   earlier versions. A file holding a version the note already had (or has gone past) changes
//!   nothing; a file changed while the note was not is taken (unless it is dated before the
//!   note's last change); otherwise (both changed, or nothing shared is known) the note keeps
//!   its version and the file's is kept as a *conflict revision* of the note, for the user to
//!   look at and restore.
//! - **A claim keeps its note**, and fields a file does not carry are kept (see
//!   [`super::merge_claims`]).
//! - **Suspect times** (in the future, before 1971, a deletion before the note was created or
//!   before its last change here) are reported and not obeyed.
//! - **Everything is undoable**: before an import changes a stored note, the whole note is kept
//!   as a revision tied to the import, and each note the import created or changed is listed in
//!   `import_change` (see [`super::imports`]). Nothing is ever deleted by an import.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, params};

use super::lookups::Lookups;
use super::merge_claims::{self, ClaimOutcome};
use super::records::{NoteMerge, NoteOutcome, NoteRecord, RevisionRecord, SourceRecord, TickerRecord};
use super::snapshot::{self, NoteSnapshot};
use super::sources::{self, SourceDates};
use super::{StoreError, claims, feeds, imports, links, notes, properties, revisions, tags, tickers};
use crate::model::{Invalid, NoteId, Origin, RevisionKind, Timestamp, fold, note_hash, validate_text};

/// A day in milliseconds: a time later than a day from now is in the future on any clock.
const DAY_MS: i64 = 86_400_000;
/// 1971-01-01 in milliseconds: earlier times are a tool's "no date" (Joplin writes 0).
const EARLIEST_MS: i64 = 31_536_000_000;

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

/// The fingerprint of a record's content.
pub(super) fn record_hash(record: &NoteRecord) -> String {
    let keys: Vec<String> = record.draft.tags.iter().map(|t| t.key()).collect();
    note_hash(
        &record.draft.title,
        &record.draft.body,
        keys.iter().map(String::as_str),
        record.draft.tickers.iter().map(|s| s.as_str()),
    )
}

/// A record's times, with the suspect ones dropped (and reported).
struct Times {
    created: Option<Timestamp>,
    updated: Option<Timestamp>,
    deleted: Option<Timestamp>,
}

fn suspect(time: Timestamp, now: i64) -> Option<&'static str> {
    if time.millis() > now + DAY_MS {
        Some("is in the future")
    } else if time.millis() < EARLIEST_MS {
        Some("is before 1971")
    } else {
        None
    }
}

fn trusted_times(record: &NoteRecord, remarks: &mut Vec<String>) -> Times {
    let now = Timestamp::now().millis();
    let mut check = |name: &str, time: Option<Timestamp>, effect: &str| {
        let time = time?;
        match suspect(time, now) {
            Some(why) => {
                remarks.push(format!("{name} {time} {why}: {effect}"));
                None
            }
            None => Some(time),
        }
    };
    let created = check("created", record.draft.created_at, "not used");
    let updated = check("updated", record.draft.updated_at, "not used");
    let mut deleted = check("deleted", record.deleted_at, "the note was not moved to the trash");
    if let (Some(d), Some(c)) = (deleted, created.or(updated))
        && d < c
    {
        remarks.push(format!("deleted {d} is before the note was written ({c}): the note was not moved to the trash"));
        deleted = None;
    }
    Times { created, updated, deleted }
}

/// Adds a note, or merges it into the stored note with the same uid (the record passed
/// [`check`]). `import` is the import run the change belongs to.
pub(super) fn note(
    conn: &Connection,
    record: &NoteRecord,
    import: Option<i64>,
    lookups: &mut Lookups,
) -> Result<NoteMerge, StoreError> {
    let mut remarks = Vec::new();
    let times = trusted_times(record, &mut remarks);
    let stored: Option<NoteId> = match &record.draft.uid {
        Some(uid) => {
            conn.prepare_cached("SELECT id FROM note WHERE uid = ?1")?.query_row([uid], |r| r.get(0)).optional()?
        }
        None => None,
    };
    let outcome = match stored {
        None => create(conn, record, &times, import, lookups, &mut remarks)?,
        Some(id) => update(conn, id, record, &times, import, lookups, &mut remarks)?,
    };
    Ok(NoteMerge { outcome, remarks })
}

fn create(
    conn: &Connection,
    record: &NoteRecord,
    times: &Times,
    import: Option<i64>,
    lookups: &mut Lookups,
    remarks: &mut Vec<String>,
) -> Result<NoteOutcome, StoreError> {
    let now = Timestamp::now();
    let mut draft = record.draft.clone();
    draft.created_at = times.created.or(times.updated).or(Some(now));
    draft.updated_at = times.updated.or(draft.created_at);
    let id = notes::insert(conn, &draft, lookups)?;
    conn.prepare_cached("UPDATE note SET base_hash = ?2, deleted_at = ?3 WHERE id = ?1")?.execute(params![
        id,
        record_hash(record),
        times.deleted.map(|t| t.to_string())
    ])?;
    link_sources(conn, id, &record.sources, lookups)?;
    let when = draft.updated_at.unwrap_or(now);
    let uid = draft.uid.clone().unwrap_or_default();
    for claim in &record.claims {
        merge_claims::upsert(conn, Some((id, &uid)), claim, Some(when), import, lookups, remarks)?;
    }
    add_revisions(conn, id, &record.revisions)?;
    if !lookups.deferred(id) && (times.deleted.is_some() || !record.claims.is_empty()) {
        // `insert` filled the feeds; the trash and the claims' tickers change them.
        claims::relink_note(conn, Some(id))?;
        feeds::refresh(conn, id)?;
    }
    imports::note_changed(conn, import, imports::Action::Created, id, None)?;
    Ok(NoteOutcome::Created(id))
}

/// What to do with a file's version of a stored note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    /// Both hold the same content.
    Same,
    /// The file holds a version the note had, or one it has gone past: nothing to take.
    LocalNewer,
    /// The note did not change since the version it shares with the file: take the file's.
    Take,
    /// Both changed since the version they share: keep the note's, keep the file's beside it.
    Conflict,
    /// As [`Decision::Conflict`], but that version is already kept as a conflict revision.
    KnownConflict(i64),
}

fn decide(
    conn: &Connection,
    id: NoteId,
    local: &snapshot::Current,
    file_hash: &str,
    carried: Option<&str>,
    file_updated: Option<Timestamp>,
) -> Result<Decision, StoreError> {
    if file_hash == local.hash {
        return Ok(Decision::Same);
    }
    let base = local.snapshot.base_hash.as_deref();
    let earlier: Vec<(i64, String)> = conn
        .prepare_cached("SELECT id, kind FROM note_revision WHERE note_id = ?1 AND hash = ?2 ORDER BY id DESC")?
        .query_map(params![id, file_hash], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let had = |kind: RevisionKind| earlier.iter().find(|(_, k)| RevisionKind::parse(k) == kind).map(|(id, _)| *id);
    if base == Some(file_hash) || had(RevisionKind::Edit).is_some() || had(RevisionKind::Import).is_some() {
        return Ok(Decision::LocalNewer);
    }
    if let Some(kept) = had(RevisionKind::Conflict) {
        return Ok(Decision::KnownConflict(kept));
    }
    let local_updated = Timestamp::parse(&local.updated_at).ok();
    let file_older = matches!((file_updated, local_updated), (Some(file), Some(here)) if file < here);
    if base == Some(local.hash.as_str()) || carried == Some(local.hash.as_str()) {
        // A file dated before the note's last change is not a later edit of it: kept beside it.
        return Ok(if file_older { Decision::Conflict } else { Decision::Take });
    }
    // Neither side is the version they share (or it is not known: a file written by hand with
    // an existing uid, a file or database from before fingerprints): both are kept.
    Ok(Decision::Conflict)
}

fn update(
    conn: &Connection,
    id: NoteId,
    record: &NoteRecord,
    times: &Times,
    import: Option<i64>,
    lookups: &mut Lookups,
    remarks: &mut Vec<String>,
) -> Result<NoteOutcome, StoreError> {
    let draft = &record.draft;
    let local = snapshot::current(conn, id)?;
    let file_hash = record_hash(record);
    let decision = decide(conn, id, &local, &file_hash, record.base_hash.as_deref(), times.updated)?;
    let local_updated = Timestamp::parse(&local.updated_at).ok();
    let mut changed = false;
    let mut conflict = None;
    match decision {
        Decision::Same | Decision::LocalNewer => {}
        Decision::KnownConflict(revision) => {
            remarks.push(format!("this version is already kept beside the note as its revision {revision}"));
        }
        Decision::Take => {
            if local.title != draft.title || local.body != draft.body {
                conn.prepare_cached("UPDATE note SET title = ?2, body = ?3 WHERE id = ?1")?.execute(params![
                    id,
                    draft.title,
                    draft.body
                ])?;
                tickers::relink_detected(conn, id, &draft.title, &draft.body, lookups)?;
                links::relink(conn, id, &draft.title, &draft.body)?;
                properties::reindex(conn, id, &draft.body)?;
            }
            let keys: BTreeSet<String> = draft.tags.iter().map(|t| t.key()).collect();
            if tag_keys(conn, id)? != keys {
                conn.prepare_cached("DELETE FROM note_tag WHERE note_id = ?1")?.execute([id])?;
                for tag in &draft.tags {
                    tags::link(conn, id, tag, lookups)?;
                }
            }
            let symbols: BTreeSet<String> = draft.tickers.iter().map(|s| s.as_str().to_owned()).collect();
            if local.snapshot.tickers.iter().cloned().collect::<BTreeSet<_>>() != symbols {
                conn.prepare_cached("DELETE FROM note_ticker WHERE note_id = ?1 AND origin = 'typed'")?
                    .execute([id])?;
                for symbol in &draft.tickers {
                    tickers::link(conn, id, symbol, Origin::Typed, lookups)?;
                }
            }
            // The note's time never goes backwards: a file whose own time is not later is
            // taken now.
            let updated = match (times.updated, local_updated) {
                (Some(file), Some(here)) if file > here => file,
                _ => Timestamp::now(),
            };
            conn.prepare_cached("UPDATE note SET updated_at = ?2 WHERE id = ?1")?
                .execute(params![id, updated.to_string()])?;
            changed = true;
        }
        Decision::Conflict => {
            let theirs = NoteSnapshot {
                tags: draft.tags.iter().map(|t| t.as_str().to_owned()).collect(),
                tickers: draft.tickers.iter().map(|s| s.as_str().to_owned()).collect(),
                deleted_at: local.snapshot.deleted_at.clone(),
                base_hash: local.snapshot.base_hash.clone(),
                claims: local.snapshot.claims.clone(),
            };
            let saved = times.updated.unwrap_or_else(Timestamp::now).to_string();
            let revision = snapshot::keep_version(
                conn,
                id,
                &draft.title,
                &draft.body,
                &saved,
                &theirs,
                &file_hash,
                RevisionKind::Conflict,
                import,
            )?;
            remarks.push(format!(
                "changed here and in the file since the version they share: the note kept its version, \
                 and the file's is kept beside it as revision {revision} (restore it to take it)"
            ));
            conflict = Some(revision);
        }
    }
    if matches!(decision, Decision::Same | Decision::Take) && local.snapshot.base_hash.as_deref() != Some(&file_hash) {
        conn.prepare_cached("UPDATE note SET base_hash = ?2 WHERE id = ?1")?.execute(params![id, file_hash])?;
    }
    if let Some(deleted) = times.deleted
        && local.snapshot.deleted_at.is_none()
        && conflict.is_none()
    {
        if local_updated.is_some_and(|here| deleted > here) {
            conn.prepare_cached("UPDATE note SET deleted_at = ?2 WHERE id = ?1")?
                .execute(params![id, deleted.to_string()])?;
            changed = true;
        } else {
            remarks.push(format!(
                "deleted {deleted} is before the note's last change here: it was not moved to the trash"
            ));
        }
    }
    changed |= link_sources(conn, id, &record.sources, lookups)?;
    let when = times.updated.or(times.created);
    let uid = draft.uid.clone().unwrap_or_default();
    let mut kept = decision == Decision::LocalNewer;
    for claim in &record.claims {
        match merge_claims::upsert(conn, Some((id, &uid)), claim, when, import, lookups, remarks)? {
            ClaimOutcome::Written => changed = true,
            ClaimOutcome::KeptNewer => kept = true,
            ClaimOutcome::Same => {}
        }
    }
    changed |= add_revisions(conn, id, &record.revisions)?;
    if let Some(revision) = conflict {
        imports::note_changed(conn, import, imports::Action::Conflict, id, Some(revision))?;
    }
    if !changed {
        return Ok(match (conflict, decision) {
            (Some(_), _) | (None, Decision::KnownConflict(_)) => NoteOutcome::Conflict(id),
            _ if kept => NoteOutcome::KeptNewer(id),
            _ => NoteOutcome::Unchanged(id),
        });
    }
    // The whole note as it was before this import changed it: undoing the import brings it back.
    let before = snapshot::keep_current(conn, id, &local, RevisionKind::Import, import)?;
    conn.prepare_cached("UPDATE note SET version = version + 1 WHERE id = ?1")?.execute([id])?;
    if !lookups.deferred(id) {
        claims::relink_note(conn, Some(id))?;
        feeds::refresh(conn, id)?;
    }
    imports::note_changed(conn, import, imports::Action::Updated, id, Some(before))?;
    Ok(if conflict.is_some() { NoteOutcome::Conflict(id) } else { NoteOutcome::Updated(id) })
}

fn tag_keys(conn: &Connection, note: NoteId) -> Result<BTreeSet<String>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT t.key FROM note_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.note_id = ?1")?;
    let keys = stmt.query_map([note], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(keys)
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

#[cfg(test)]
mod tests {
    use super::super::Store;
    use crate::model::{
        ClaimDraft, ClaimTicker, MAX_TITLE_CHARS, NoteDraft, RevisionKind, Stance, Symbol, TagName, Timestamp,
    };
    use crate::query::parse;
    use crate::store::{ClaimRecord, NoteOutcome, NoteRecord, StoreError};

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
            uid: Some(format!("c-{text}")),
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
        batch.import_note(&record("a", "First", "alpha words $NVDA", &["ai/inference"], "2025-01-01")).unwrap();
        let long_title = record("b", &"x".repeat(MAX_TITLE_CHARS + 1), "beta words", &[], "2025-01-01");
        assert!(matches!(batch.import_note(&long_title), Err(StoreError::Invalid(_))));
        let mut empty_claim = record("c", "Third", "gamma words", &["ai"], "2025-01-01");
        empty_claim.claims.push(claim("   ", "AMD"));
        assert!(matches!(batch.import_note(&empty_claim), Err(StoreError::Invalid(_))));
        let mut with_claim = record("d", "Fourth", "delta words", &["ai"], "2025-01-02");
        with_claim.claims.push(claim("Buy on weakness", "AMD"));
        batch.import_note(&with_claim).unwrap();
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
        assert!(matches!(batch.import_note(&original).unwrap().outcome, NoteOutcome::Created(_)));
        batch.commit().unwrap();

        let changed = record("n1", "Capex", "new words $TSM", &["foundry"], "2025-02-01");
        let older = record("n1", "Capex", "stale words", &["semis"], "2024-12-01");
        let mut batch = store.batch().unwrap();
        assert!(matches!(batch.import_note(&original).unwrap().outcome, NoteOutcome::Unchanged(_)));
        let NoteOutcome::Updated(id) = batch.import_note(&changed).unwrap().outcome else {
            panic!("the stored note is updated")
        };
        let merged = batch.import_note(&older).unwrap();
        assert!(matches!(merged.outcome, NoteOutcome::Conflict(_)), "an older, different file is kept beside it");
        assert!(merged.remarks[0].contains("kept beside it"), "{merged:?}");
        assert!(matches!(batch.import_note(&changed).unwrap().outcome, NoteOutcome::Unchanged(_)));
        batch.commit().unwrap();

        assert_eq!(store.note_counts().unwrap(), (1, 0));
        let note = store.note(id).unwrap();
        assert_eq!((note.body.as_str(), note.tags.clone()), ("new words $TSM", vec!["foundry".to_owned()]));
        assert_eq!(note.updated_at, Timestamp::parse("2025-02-01").unwrap());
        let revisions = store.revisions(id).unwrap();
        assert_eq!((revisions[0].body.as_str(), revisions[0].kind), ("stale words", RevisionKind::Conflict));
        assert_eq!((revisions[1].body.as_str(), revisions[1].tags.clone()), ("old words #x", vec!["semis".to_owned()]));
        assert_eq!((found(&store, "new"), found(&store, "old OR stale")), (1, 0), "the index follows the text");
        let mut batch = store.batch().unwrap();
        assert!(matches!(batch.import_note(&older).unwrap().outcome, NoteOutcome::Conflict(_)), "counted once more");
        batch.commit().unwrap();
        assert_eq!(store.revisions(id).unwrap().len(), 2, "but kept once");
        assert_eq!((found(&store, "#foundry $TSM"), found(&store, "#semis")), (1, 0), "feeds follow the links");
        assert!(store.check().unwrap().is_sound());
    }

    #[test]
    fn a_note_written_twice_in_one_batch_is_indexed_as_last_written() {
        let mut store = Store::open_in_memory().unwrap();
        let mut batch = store.batch().unwrap();
        batch.import_note(&record("n", "Draft", "first words", &["a"], "2025-01-01")).unwrap();
        let second = record("n", "Draft", "second words $NVDA", &["b"], "2025-01-02");
        assert!(matches!(batch.import_note(&second).unwrap().outcome, NoteOutcome::Updated(_)));
        batch.commit().unwrap();
        assert_eq!((found(&store, "second"), found(&store, "first")), (1, 0));
        assert_eq!((found(&store, "#b $NVDA"), found(&store, "#a")), (1, 0));
        assert!(store.check().unwrap().is_sound());
    }
}
