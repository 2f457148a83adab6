//! Documents carried by the JSON export and by git sync: which file each source holds (by
//! content hash), linking a source to a file already stored without reading it again, and the
//! pages claims' quotes name. Storing a new file is [`Store::add_document`]'s work.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::lookups::Lookups;
use super::{Store, StoreError, quotes, sources};
use crate::model::{MediaType, NoteId, SourceDraft};

/// The file a source holds, as an export names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldDocument {
    pub id: i64,
    pub sha256: String,
    pub media_type: MediaType,
    pub size: u64,
    /// The name it was added under.
    pub file_name: Option<String>,
}

/// What linking a source to a stored file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Linked {
    /// The source holds it now (its claims' quotes were checked against it).
    Linked,
    /// The source held it already.
    AlreadyHeld,
    /// The source holds another file here (its SHA-256): kept.
    HoldsOther(String),
    /// No file with that hash is stored.
    NotStored,
}

impl Store {
    /// The file each source holds, by source id (sources without a file are not listed).
    pub fn held_documents(&self) -> Result<HashMap<i64, HeldDocument>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, d.id, d.sha256, d.media_type, d.size, d.file_name
             FROM source s JOIN document d ON d.id = s.document_id WHERE s.document_id IS NOT NULL",
        )?;
        let found = stmt.query_map([], |r| {
            let media: String = r.get(3)?;
            Ok((
                r.get::<_, i64>(0)?,
                HeldDocument {
                    id: r.get(1)?,
                    sha256: r.get(2)?,
                    media_type: MediaType::parse(&media).unwrap_or(MediaType::Text),
                    size: r.get(4)?,
                    file_name: r.get(5)?,
                },
            ))
        })?;
        Ok(found.collect::<Result<_, _>>()?)
    }

    /// Whether a file with this SHA-256 is stored.
    pub fn has_document(&self, sha256: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM document WHERE sha256 = ?1")?
            .query_row([sha256], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The SHA-256 of the file held by the source with canonical key `canonical`, if any.
    pub fn held_document_hash(&self, canonical: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT d.sha256 FROM source s JOIN document d ON d.id = s.document_id WHERE s.url_key = ?1",
            )?
            .query_row([canonical], |r| r.get(0))
            .optional()?)
    }

    /// Gives the source of `draft` (added when new, details it lacked filled in) the stored
    /// file with this SHA-256, unless it holds another one; its claims' quotes are checked
    /// against the file in the same transaction.
    pub fn link_stored_document(&mut self, draft: &SourceDraft, sha256: &str) -> Result<Linked, StoreError> {
        let tx = self.write()?;
        let document: Option<i64> = tx
            .prepare_cached("SELECT id FROM document WHERE sha256 = ?1")?
            .query_row([sha256], |r| r.get(0))
            .optional()?;
        let Some(document) = document else { return Ok(Linked::NotStored) };
        let (source, _) = sources::add(&tx, draft, &mut Lookups::single())?;
        let held: Option<(i64, String)> = tx
            .prepare_cached(
                "SELECT d.id, d.sha256 FROM source s JOIN document d ON d.id = s.document_id WHERE s.id = ?1",
            )?
            .query_row([source], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let linked = match held {
            Some((id, _)) if id == document => Linked::AlreadyHeld,
            Some((_, other)) => Linked::HoldsOther(other),
            None => {
                tx.prepare_cached("UPDATE source SET document_id = ?2 WHERE id = ?1")?
                    .execute(params![source, document])?;
                quotes::check_source(&tx, source)?;
                Linked::Linked
            }
        };
        tx.commit()?;
        Ok(linked)
    }

    /// The page each claim's quote names, by (claim id, source id).
    pub fn quote_pages(&self) -> Result<HashMap<(i64, i64), u32>, StoreError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT claim_id, source_id, page FROM quote_anchor WHERE page IS NOT NULL")?;
        let found = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
        Ok(found.collect::<Result<_, _>>()?)
    }

    /// Names the page of the quote claim `claim_uid` takes from the source with canonical key
    /// `canonical`, and checks it again; whether there was such a quote.
    pub fn set_quote_page(&mut self, claim_uid: &str, canonical: &str, page: u32) -> Result<bool, StoreError> {
        if page == 0 {
            return Ok(false);
        }
        let tx = self.write()?;
        let found: Option<(i64, i64)> = tx
            .prepare_cached(
                "SELECT c.id, s.id FROM claim c JOIN claim_source cs ON cs.claim_id = c.id
                 JOIN source s ON s.id = cs.source_id
                 WHERE c.uid = ?1 AND s.url_key = ?2 AND cs.quote IS NOT NULL",
            )?
            .query_row(params![claim_uid, canonical], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((claim, source)) = found else { return Ok(false) };
        tx.prepare_cached(
            "INSERT INTO quote_anchor (claim_id, source_id, page) VALUES (?1, ?2, ?3)
             ON CONFLICT (claim_id, source_id) DO UPDATE SET page = excluded.page",
        )?
        .execute(params![claim, source, page])?;
        quotes::check_claim(&tx, claim)?;
        tx.commit()?;
        Ok(true)
    }

    /// The notes linked to any of `sources` (directly or through their claims), in id order.
    pub fn notes_linking_sources(&self, sources: &[i64]) -> Result<Vec<NoteId>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT note_id FROM note_source WHERE source_id = ?1")?;
        let mut notes: std::collections::BTreeSet<NoteId> = std::collections::BTreeSet::new();
        for source in sources {
            for note in stmt.query_map([source], |r| r.get(0))? {
                notes.insert(note?);
            }
        }
        Ok(notes.into_iter().collect())
    }
}
