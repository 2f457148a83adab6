//! The JSON export's records turned into the store's import records: sources by their
//! reference (a web address, or `document:<sha256>` for a file alone), claims with their
//! tickers and quoted sources, notes with tags, tickers, linked sources and revisions.

use std::collections::HashMap;

use super::json::{JsonClaim, JsonNote, JsonSource};
use crate::model::{ClaimDraft, ClaimTicker, NoteDraft, SourceDraft, SourceUrl, Symbol, TagName};
use crate::store::{ClaimRecord, NoteRecord, RevisionRecord, SourceRecord};

pub(super) fn source_record(s: &JsonSource) -> Result<SourceRecord, String> {
    let url = SourceUrl::parse_reference(&s.url).map_err(|e| e.to_string())?;
    Ok(SourceRecord {
        draft: SourceDraft {
            url,
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            author: s.author.clone(),
            published_at: s.published_at,
            kind: s.kind,
        },
        accessed_at: s.accessed_at,
        created_at: s.created_at,
    })
}

/// The full record of a source named by its reference (just the reference when the document
/// lacks details).
fn source_by_url(url: &str, sources: &HashMap<&str, SourceRecord>) -> Result<SourceRecord, String> {
    match sources.get(url) {
        Some(record) => Ok(record.clone()),
        None => Ok(SourceRecord::new(SourceDraft::new(SourceUrl::parse_reference(url).map_err(|e| e.to_string())?))),
    }
}

pub(super) fn claim_record(claim: &JsonClaim, sources: &HashMap<&str, SourceRecord>) -> Result<ClaimRecord, String> {
    let tickers = claim
        .tickers
        .iter()
        .map(|t| Ok(ClaimTicker { symbol: Symbol::parse(&t.symbol)?, stance: t.stance }))
        .collect::<Result<Vec<_>, crate::model::Invalid>>()
        .map_err(|e| e.to_string())?;
    let draft = ClaimDraft {
        text: claim.text.clone(),
        value: claim.value,
        unit: claim.unit.clone(),
        currency: claim.currency.clone(),
        as_of: claim.as_of.clone(),
        claimant: claim.claimant.clone(),
        status: claim.status,
        note_id: None,
        tickers,
        sources: Vec::new(),
    };
    let cited = claim
        .sources
        .iter()
        .map(|s| Ok((source_by_url(&s.url, sources)?, s.quote.clone())))
        .collect::<Result<Vec<_>, String>>()?;
    Ok(ClaimRecord {
        uid: Some(claim.uid.clone()),
        draft,
        sources: cited,
        created_at: Some(claim.created_at),
        updated_at: Some(claim.updated_at),
    })
}

pub(super) fn note_record(
    note: &JsonNote,
    sources: &HashMap<&str, SourceRecord>,
    claims: Vec<ClaimRecord>,
) -> Result<NoteRecord, String> {
    let tags = note.tags.iter().map(|t| TagName::parse(t)).collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string())?;
    let tickers =
        note.tickers.iter().map(|t| Symbol::parse(t)).collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string())?;
    let linked = note.sources.iter().map(|url| source_by_url(url, sources)).collect::<Result<Vec<_>, _>>()?;
    Ok(NoteRecord {
        draft: NoteDraft {
            title: note.title.clone(),
            body: note.body.clone(),
            tags,
            tickers,
            created_at: Some(note.created_at),
            updated_at: Some(note.updated_at),
            uid: Some(note.uid.clone()),
        },
        deleted_at: note.deleted_at,
        sources: linked,
        claims,
        revisions: note
            .revisions
            .iter()
            .map(|r| RevisionRecord {
                title: r.title.clone(),
                body: r.body.clone(),
                saved_at: r.saved_at,
                replaced_at: r.replaced_at,
            })
            .collect(),
        base_hash: note.content_hash.clone(),
    })
}
