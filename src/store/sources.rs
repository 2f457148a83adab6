//! Sources: one row per canonical URL; linked to notes directly or through the claims citing them.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::lookups::Lookups;
use super::tickers::DossierNote;
use super::{Store, StoreError, rows};
use crate::model::{Claim, NoteId, Source, SourceDetails, SourceDraft, SourceKind, SourceUrl, Timestamp, fold};

/// A source with how many claims cite it and how many live notes link it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCount {
    pub source: Source,
    pub claims: u64,
    pub notes: u64,
}

/// A source with the claims citing it and the notes linking it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceDetail {
    pub source: Source,
    pub claims: Vec<Claim>,
    pub notes: Vec<DossierNote>,
}

pub(super) const COLUMNS: &str = "s.id, s.url, s.title, s.publisher, s.author, s.published_at, s.accessed_at, s.kind";

pub(super) fn row(r: &rusqlite::Row) -> rusqlite::Result<Source> {
    Ok(Source {
        id: r.get(0)?,
        url: r.get(1)?,
        title: r.get(2)?,
        publisher: r.get(3)?,
        author: r.get(4)?,
        published_at: rows::opt_date(r, 5)?,
        accessed_at: rows::opt_date(r, 6)?,
        kind: rows::parsed(r, 7, SourceKind::parse)?,
    })
}

fn tidy(text: &Option<String>) -> Option<String> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// The dates a lossless import keeps for a source; without them a new source was read today
/// and added now.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SourceDates {
    pub accessed_at: Option<NaiveDate>,
    pub created_at: Option<Timestamp>,
}

/// Adds a source, or returns the id of the one with the same canonical URL (filling in any
/// details it lacked). The flag says whether it was new.
pub(super) fn add(conn: &Connection, draft: &SourceDraft, lookups: &mut Lookups) -> Result<(i64, bool), StoreError> {
    add_dated(conn, draft, SourceDates::default(), lookups)
}

/// [`add`] keeping the given dates for a new source (and filling in a missing access date).
pub(super) fn add_dated(
    conn: &Connection,
    draft: &SourceDraft,
    dates: SourceDates,
    lookups: &mut Lookups,
) -> Result<(i64, bool), StoreError> {
    let url = &draft.url;
    if let Some(id) = lookups.sources.get(&url.canonical).copied() {
        let details = [&draft.title, &draft.publisher, &draft.author].iter().any(|t| tidy(t).is_some());
        if details || draft.published_at.is_some() || dates.accessed_at.is_some() {
            fill_in(conn, id, draft, dates)?;
        }
        return Ok((id, false));
    }
    let existing: Option<i64> = conn
        .prepare_cached("SELECT id FROM source WHERE url_key = ?1")?
        .query_row([&url.canonical], |r| r.get(0))
        .optional()?;
    let (id, new) = match existing {
        Some(id) => {
            fill_in(conn, id, draft, dates)?;
            (id, false)
        }
        None => (insert(conn, draft, dates)?, true),
    };
    lookups.sources.insert(url.canonical.clone(), id);
    lookups.known_sources.insert(id);
    Ok((id, new))
}

/// Gives a stored source the details it lacked.
fn fill_in(conn: &Connection, id: i64, draft: &SourceDraft, dates: SourceDates) -> Result<(), StoreError> {
    let publisher = tidy(&draft.publisher);
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
        dates.accessed_at.map(|d| d.to_string()),
    ])?;
    Ok(())
}

fn insert(conn: &Connection, draft: &SourceDraft, dates: SourceDates) -> Result<i64, StoreError> {
    let url = &draft.url;
    let publisher = tidy(&draft.publisher);
    let now = Timestamp::now();
    conn.prepare_cached(
        "INSERT INTO source (url, url_key, host, title, publisher, publisher_key, author, published_at, accessed_at, kind, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        url.url,
        url.canonical,
        url.host,
        tidy(&draft.title),
        publisher,
        publisher.as_deref().map(fold),
        tidy(&draft.author),
        draft.published_at.map(|d| d.to_string()),
        dates.accessed_at.unwrap_or_else(|| now.date()).to_string(),
        draft.kind.as_str(),
        dates.created_at.unwrap_or(now).to_string(),
    ])?;
    Ok(conn.last_insert_rowid())
}

pub(super) fn get(conn: &Connection, id: i64) -> Result<Source, StoreError> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM source s WHERE s.id = ?1"))?
        .query_row([id], row)
        .optional()?
        .ok_or(StoreError::SourceNotFound(id))
}

/// Sources of a note: linked directly or cited by its claims.
pub(super) fn of_note(conn: &Connection, note: NoteId) -> Result<Vec<Source>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT {COLUMNS} FROM note_source ns JOIN source s ON s.id = ns.source_id
         WHERE ns.note_id = ?1 ORDER BY s.id"
    ))?;
    let found = stmt.query_map([note], row)?.collect::<Result<_, _>>()?;
    Ok(found)
}

/// Sources for a ticker dossier (at most `limit`): those cited by its claims, newest claims first,
/// then those linked to its most recently updated notes.
pub(super) fn about_ticker(
    conn: &Connection,
    ticker: i64,
    claims: &[Claim],
    limit: usize,
) -> Result<Vec<Source>, StoreError> {
    let mut ids: Vec<i64> = claims.iter().rev().flat_map(|c| c.sources.iter().map(|s| s.id)).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT ns.source_id FROM ticker_feed f JOIN note_source ns ON ns.note_id = f.note_id
         WHERE f.ticker_id = ?1 ORDER BY f.ord DESC LIMIT ?2",
    )?;
    for id in stmt.query_map(params![ticker, limit as i64], |r| r.get::<_, i64>(0))? {
        ids.push(id?);
    }
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    ids.truncate(limit);
    ids.into_iter().map(|id| get(conn, id)).collect()
}

impl Store {
    /// Adds a source (or finds the one with the same URL) and returns its id.
    pub fn add_source(&mut self, draft: &SourceDraft) -> Result<i64, StoreError> {
        let tx = self.write()?;
        let (id, _) = add(&tx, draft, &mut Lookups::single())?;
        tx.commit()?;
        Ok(id)
    }

    /// Changes a source's details. Changing its URL to one another source has is refused.
    pub fn update_source(&mut self, id: i64, draft: &SourceDraft) -> Result<Source, StoreError> {
        let tx = self.write()?;
        get(&tx, id)?;
        let clash: Option<i64> = tx
            .prepare_cached("SELECT id FROM source WHERE url_key = ?1 AND id <> ?2")?
            .query_row(params![draft.url.canonical, id], |r| r.get(0))
            .optional()?;
        if let Some(other) = clash {
            return Err(
                crate::model::Invalid::new(format!("source {other} already has the address {}", draft.url)).into()
            );
        }
        let publisher = tidy(&draft.publisher);
        tx.prepare_cached(
            "UPDATE source SET url = ?2, url_key = ?3, host = ?4, title = ?5, publisher = ?6, publisher_key = ?7,
                 author = ?8, published_at = ?9, kind = ?10 WHERE id = ?1",
        )?
        .execute(params![
            id,
            draft.url.url,
            draft.url.canonical,
            draft.url.host,
            tidy(&draft.title),
            publisher,
            publisher.as_deref().map(fold),
            tidy(&draft.author),
            draft.published_at.map(|d| d.to_string()),
            draft.kind.as_str(),
        ])?;
        let source = get(&tx, id)?;
        tx.commit()?;
        Ok(source)
    }

    /// Changes a source's title, publisher, author, publication date and kind (what a document's
    /// metadata filled in, or nothing did), keeping its address and file.
    pub fn set_source_details(&mut self, id: i64, details: &SourceDetails) -> Result<Source, StoreError> {
        let tx = self.write()?;
        get(&tx, id)?;
        let publisher = tidy(&details.publisher);
        tx.prepare_cached(
            "UPDATE source SET title = ?2, publisher = ?3, publisher_key = ?4, author = ?5, published_at = ?6,
                 kind = ?7 WHERE id = ?1",
        )?
        .execute(params![
            id,
            tidy(&details.title),
            publisher,
            publisher.as_deref().map(fold),
            tidy(&details.author),
            details.published_at.map(|d| d.to_string()),
            details.kind.as_str(),
        ])?;
        let source = get(&tx, id)?;
        tx.commit()?;
        Ok(source)
    }

    pub fn source(&self, id: i64) -> Result<Source, StoreError> {
        get(&self.conn, id)
    }

    /// The source with this URL (compared in canonical form), if Jevons has it.
    pub fn source_by_url(&self, url: &SourceUrl) -> Result<Option<Source>, StoreError> {
        let found = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM source s WHERE s.url_key = ?1"))?
            .query_row([&url.canonical], row)
            .optional()?;
        Ok(found)
    }

    /// Every source with its claim and note counts, most cited first.
    pub fn sources(&self) -> Result<Vec<SourceCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            // Live notes per source: all its notes (from the index) less those in the trash,
            // counted once, so no note row is read for the (usually many) live ones.
            "WITH trashed AS MATERIALIZED (
                 SELECT ns.source_id, count(DISTINCT ns.note_id) AS notes
                 FROM note n INDEXED BY note_trash_by_order CROSS JOIN note_source ns ON ns.note_id = n.id
                 WHERE n.deleted_at IS NOT NULL GROUP BY ns.source_id
             )
             SELECT {COLUMNS},
                 (SELECT count(*) FROM claim_source cs WHERE cs.source_id = s.id),
                 (SELECT count(DISTINCT ns.note_id) FROM note_source ns WHERE ns.source_id = s.id)
                     - coalesce((SELECT notes FROM trashed t WHERE t.source_id = s.id), 0)
             FROM source s ORDER BY 9 DESC, 10 DESC, s.id DESC"
        ))?;
        let found = stmt.query_map([], |r| Ok(SourceCount { source: row(r)?, claims: r.get(8)?, notes: r.get(9)? }))?;
        Ok(found.collect::<Result<_, _>>()?)
    }

    /// A source with the claims citing it and the live notes linking it.
    pub fn source_detail(&self, id: i64) -> Result<SourceDetail, StoreError> {
        let source = get(&self.conn, id)?;
        let claims = super::claims::citing_source(&self.conn, id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT n.id, n.title, n.updated_at FROM note_source ns JOIN note n ON n.id = ns.note_id
             WHERE ns.source_id = ?1 AND n.deleted_at IS NULL ORDER BY n.ord DESC LIMIT 500",
        )?;
        let notes = stmt
            .query_map([id], |r| {
                Ok(DossierNote { id: r.get(0)?, title: r.get(1)?, updated_at: rows::timestamp(r, 2)? })
            })?
            .collect::<Result<_, _>>()?;
        Ok(SourceDetail { source, claims, notes })
    }

    /// Links a source to a note directly (not through a claim).
    pub fn link_source(&mut self, note: NoteId, source: i64) -> Result<(), StoreError> {
        let tx = self.write()?;
        super::notes::require(&tx, note)?;
        get(&tx, source)?;
        tx.prepare_cached("INSERT OR IGNORE INTO note_source (note_id, source_id, origin) VALUES (?1, ?2, 'typed')")?
            .execute(params![note, source])?;
        super::notes::touch(&tx, note)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a direct link between a note and a source (claims citing it keep theirs).
    pub fn unlink_source(&mut self, note: NoteId, source: i64) -> Result<(), StoreError> {
        let tx = self.write()?;
        super::notes::require(&tx, note)?;
        tx.prepare_cached("DELETE FROM note_source WHERE note_id = ?1 AND source_id = ?2 AND origin = 'typed'")?
            .execute(params![note, source])?;
        super::notes::touch(&tx, note)?;
        tx.commit()?;
        Ok(())
    }
}
