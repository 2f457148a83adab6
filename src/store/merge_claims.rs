//! The merge rule for claims (see [`super::merge`]): a claim is known by its uid only, keeps
//! the note it was recorded in, and keeps what a file does not say.
//!
//! - A file that lists a claim of another note does not move it: the claim stays where it is,
//!   and when the file's version differs it is kept in the file's note as a claim of its own
//!   (with a uid derived from both, so importing the file again finds it), with a remark.
//! - Tickers, stances, sources and quotes are added from the file, never removed: a file that
//!   does not mention a claim's ticker or source leaves it linked, and a missing stance or quote
//!   leaves the stored one.
//! - A stored claim changes only when the file's version is newer (by the claim's time); an
//!   older file's version changes nothing and is counted as kept.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::claim_row::ClaimRow;
use super::lookups::Lookups;
use super::records::ClaimRecord;
use super::{StoreError, imports, merge, snapshot};
use crate::model::{ClaimDraft, ClaimLinkKind, NoteId, Timestamp, derived_uid};

/// What happened to one imported claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ClaimOutcome {
    Written,
    Same,
    KeptNewer,
}

/// A claim's contents in a comparable form.
#[derive(Debug, PartialEq)]
struct Content {
    text: String,
    value: Option<f64>,
    unit: Option<String>,
    currency: Option<String>,
    as_of: Option<String>,
    claimant: Option<String>,
    status: String,
    /// symbol → stance
    tickers: BTreeMap<String, Option<String>>,
    /// canonical URL → quote
    sources: BTreeMap<String, Option<String>>,
}

impl Content {
    fn of_draft(draft: &ClaimDraft) -> Self {
        Self {
            text: draft.text.clone(),
            value: draft.value,
            unit: draft.unit.clone(),
            currency: draft.currency.clone(),
            as_of: draft.as_of.clone(),
            claimant: draft.claimant.clone(),
            status: draft.status.as_str().to_owned(),
            tickers: BTreeMap::new(),
            sources: BTreeMap::new(),
        }
    }

    fn of_snapshot(snap: &snapshot::ClaimSnapshot) -> Self {
        Self {
            text: snap.text.clone(),
            value: snap.value,
            unit: snap.unit.clone(),
            currency: snap.currency.clone(),
            as_of: snap.as_of.clone(),
            claimant: snap.claimant.clone(),
            status: snap.status.clone(),
            tickers: snap.tickers.iter().cloned().collect(),
            sources: snap.sources.iter().cloned().collect(),
        }
    }
}

fn tidy_quote(quote: &Option<String>) -> Option<String> {
    quote.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(str::to_owned)
}

/// Adds a claim (in `note`, given by id and uid, or outside notes), or brings the stored one
/// with its uid up to date. `default_time` dates a claim that carries no dates of its own.
pub(super) fn upsert(
    conn: &Connection,
    note: Option<(NoteId, &str)>,
    record: &ClaimRecord,
    default_time: Option<Timestamp>,
    import: Option<i64>,
    lookups: &mut Lookups,
    remarks: &mut Vec<String>,
) -> Result<ClaimOutcome, StoreError> {
    let draft = record.draft.clone().validate()?;
    let now = Timestamp::now();
    let plausible = |t: &Timestamp| t.millis() <= now.millis() + 86_400_000;
    let updated = record.updated_at.or(record.created_at).filter(plausible).or(default_time).unwrap_or(now);
    let mut incoming = Content::of_draft(&draft);
    let mut source_ids = Vec::with_capacity(record.sources.len());
    for (cited, quote) in &record.sources {
        let (id, _) = merge::source(conn, cited, lookups)?;
        source_ids.push((id, tidy_quote(quote)));
        incoming.sources.insert(cited.draft.url.canonical.clone(), tidy_quote(quote));
    }
    for t in &draft.tickers {
        incoming.tickers.insert(t.symbol.to_string(), t.stance.map(|s| s.as_str().to_owned()));
    }
    let existing: Option<(i64, Option<NoteId>)> = match &record.uid {
        Some(uid) => conn
            .prepare_cached("SELECT id, note_id FROM claim WHERE uid = ?1")?
            .query_row([uid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?,
        None => None,
    };
    let note_id = note.map(|(id, _)| id);
    let id = match existing {
        Some((id, home)) if note_id.is_some() && home != note_id => {
            return elsewhere(conn, id, home, note, record, default_time, import, lookups, remarks);
        }
        Some((id, home)) => {
            let before = snapshot::claim(conn, id)?;
            let stored = Content::of_snapshot(&before);
            let mut merged = incoming;
            for (symbol, stance) in &stored.tickers {
                let entry = merged.tickers.entry(symbol.clone()).or_insert_with(|| stance.clone());
                if entry.is_none() {
                    entry.clone_from(stance);
                }
            }
            for (url, quote) in &stored.sources {
                let entry = merged.sources.entry(url.clone()).or_insert_with(|| quote.clone());
                if entry.is_none() {
                    entry.clone_from(quote);
                }
            }
            if merged == stored {
                return Ok(ClaimOutcome::Same);
            }
            if Timestamp::parse(&before.updated_at).is_ok_and(|here| updated <= here) {
                return Ok(ClaimOutcome::KeptNewer);
            }
            // The claim stays in its note (`note_id` is `home` or none here).
            ClaimRow::of_draft(&draft, home, &updated.to_string()).update(conn, id)?;
            if note.is_none() {
                imports::claim_changed(conn, import, imports::Action::Updated, &before.uid, Some(&before), updated)?;
            }
            id
        }
        None => {
            let created = record.created_at.filter(plausible).or(default_time).unwrap_or(now);
            let (created, written) = (created.to_string(), updated.to_string());
            let row = ClaimRow { created_at: Some(&created), ..ClaimRow::of_draft(&draft, note_id, &written) };
            let id = row.insert(conn, record.uid.as_deref())?;
            if note.is_none() {
                let uid: String = conn.query_row("SELECT uid FROM claim WHERE id = ?1", [id], |r| r.get(0))?;
                imports::claim_changed(conn, import, imports::Action::Created, &uid, None, updated)?;
            }
            id
        }
    };
    // Links are added (a stance or quote the file leaves out keeps the stored one), never removed.
    for t in &draft.tickers {
        let ticker = super::tickers::ensure(conn, &t.symbol, lookups)?;
        conn.prepare_cached(
            "INSERT INTO claim_ticker (claim_id, ticker_id, stance) VALUES (?1, ?2, ?3)
             ON CONFLICT (claim_id, ticker_id) DO UPDATE SET stance = coalesce(excluded.stance, stance)",
        )?
        .execute(params![id, ticker, t.stance.map(|s| s.as_str())])?;
    }
    for (source, quote) in source_ids {
        conn.prepare_cached(
            "INSERT INTO claim_source (claim_id, source_id, quote) VALUES (?1, ?2, ?3)
             ON CONFLICT (claim_id, source_id) DO UPDATE SET quote = coalesce(excluded.quote, quote)",
        )?
        .execute(params![id, source, quote])?;
    }
    // Its quotes are checked against their sources' documents, as a claim saved here is.
    super::quotes::check_claim(conn, id)?;
    Ok(ClaimOutcome::Written)
}

/// A file lists, in `note`, a claim that lives in another note (or outside notes): the claim
/// stays where it is; a differing version from the file is kept in `note` as a claim of its own.
#[allow(clippy::too_many_arguments)]
fn elsewhere(
    conn: &Connection,
    id: i64,
    home: Option<NoteId>,
    note: Option<(NoteId, &str)>,
    record: &ClaimRecord,
    default_time: Option<Timestamp>,
    import: Option<i64>,
    lookups: &mut Lookups,
    remarks: &mut Vec<String>,
) -> Result<ClaimOutcome, StoreError> {
    let uid = record.uid.clone().unwrap_or_default();
    let place = home.map_or("outside any note".to_owned(), |n| format!("to note {n}"));
    let stored = snapshot::claim(conn, id)?;
    let same_text = stored.text == record.draft.text
        && stored.claimant == record.draft.claimant
        && stored.status == record.draft.status.as_str();
    if same_text {
        remarks.push(format!("claim {uid:?} belongs {place}: it stays there"));
        return Ok(ClaimOutcome::Same);
    }
    let note_uid = note.map(|(_, u)| u).unwrap_or_default();
    let copy = ClaimRecord { uid: Some(derived_uid("claim", &[&uid, note_uid])), ..record.clone() };
    remarks.push(format!(
        "claim {uid:?} belongs {place}: it stays there, and the file's version is kept in this note as claim {:?}",
        copy.uid.as_deref().unwrap_or_default()
    ));
    upsert(conn, note, &copy, default_time, import, lookups, remarks)
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
