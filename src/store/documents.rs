//! Documents: the files sources hold (PDF, HTML, Markdown, text), kept in the database once per
//! content hash, with their text page by page in a full-text index (`document_fts`, the notes'
//! tokenizer rules). Adding a document also checks again the quotes of the claims citing its
//! source (see [`super::quotes`]).

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use super::lookups::Lookups;
use super::{Store, StoreError, quotes, sources};
use crate::model::{Document, DocumentText, MediaType, SourceDraft, TextStatus, Timestamp};

/// Version 14: documents, their pages and full-text index, the source that holds each, and the
/// anchors of claims' quotes.
pub(super) fn migrate_v14(tx: &Transaction) -> Result<(), StoreError> {
    tx.execute_batch(V14_DOCUMENTS)?;
    Ok(())
}

const V14_DOCUMENTS: &str = r#"
CREATE TABLE document (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL UNIQUE,
    media_type   TEXT NOT NULL
                 CHECK (media_type IN ('application/pdf', 'text/html', 'text/markdown', 'text/plain')),
    size         INTEGER NOT NULL,
    file_name    TEXT,
    page_count   INTEGER NOT NULL,
    text_status  TEXT NOT NULL CHECK (text_status IN ('text', 'no_text_layer', 'encrypted', 'failed')),
    text_error   TEXT,
    added_at     TEXT NOT NULL,
    bytes        BLOB NOT NULL
);
CREATE TABLE document_page (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    page         INTEGER NOT NULL,
    text         TEXT NOT NULL,
    UNIQUE (document_id, page)
);
CREATE VIRTUAL TABLE document_fts USING fts5(
    text,
    content = 'document_page', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER document_fts_insert AFTER INSERT ON document_page BEGIN
    INSERT INTO document_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER document_fts_delete AFTER DELETE ON document_page BEGIN
    INSERT INTO document_fts(document_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
ALTER TABLE source ADD COLUMN document_id INTEGER REFERENCES document(id) ON DELETE SET NULL;
CREATE INDEX source_by_document ON source(document_id) WHERE document_id IS NOT NULL;
CREATE TABLE quote_anchor (
    claim_id    INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    page        INTEGER,
    prefix      TEXT,
    suffix      TEXT,
    anchored    TEXT CHECK (anchored IN ('found', 'elsewhere', 'not_found')),
    found_page  INTEGER,
    PRIMARY KEY (claim_id, source_id)
) WITHOUT ROWID;
CREATE INDEX quote_anchor_by_source ON quote_anchor(source_id);
CREATE INDEX quote_anchor_not_found ON quote_anchor(claim_id) WHERE anchored = 'not_found';
"#;

/// A file to store with the source that holds it.
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    pub bytes: &'a [u8],
    pub media_type: MediaType,
    pub file_name: Option<&'a str>,
    /// The title its source gets when it has none: the one the user gave, else the metadata's,
    /// else the file's name.
    pub title: Option<&'a str>,
    pub text: &'a DocumentText,
    pub status: &'a TextStatus,
}

/// What adding a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentAdded {
    pub source_id: i64,
    pub document_id: i64,
    /// The same file (by content hash) was already stored: nothing new was written for it.
    pub already_stored: bool,
}

/// A page of a document's text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DocumentPage {
    pub page: u32,
    pub text: String,
}

pub(super) const COLUMNS: &str =
    "d.id, d.sha256, d.media_type, d.size, d.file_name, d.page_count, d.text_status, d.text_error";

pub(super) fn row(r: &rusqlite::Row) -> rusqlite::Result<Document> {
    row_at(r, 0)
}

/// A document read from the [`COLUMNS`] starting at column `at`.
pub(super) fn row_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Document> {
    let parse_error = |e: crate::model::Invalid| {
        rusqlite::Error::FromSqlConversionFailure(at + 2, rusqlite::types::Type::Text, Box::new(e))
    };
    Ok(Document {
        id: r.get(at)?,
        sha256: r.get(at + 1)?,
        media_type: MediaType::parse(&r.get::<_, String>(at + 2)?).map_err(parse_error)?,
        size: r.get(at + 3)?,
        file_name: r.get(at + 4)?,
        page_count: r.get(at + 5)?,
        text_status: TextStatus::parse(&r.get::<_, String>(at + 6)?, r.get(at + 7)?).map_err(parse_error)?,
    })
}

/// The SHA-256 of `bytes`, lower-case hex.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The document with this content hash, if stored.
pub(super) fn by_hash(conn: &Connection, sha256: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM document WHERE sha256 = ?1")?
        .query_row([sha256], |r| r.get(0))
        .optional()?)
}

/// Stores the document and its pages; its id.
pub(super) fn insert(conn: &Connection, sha256: &str, doc: &NewDocument) -> Result<i64, StoreError> {
    let error = match doc.status {
        TextStatus::Failed(reason) => Some(reason.as_str()),
        _ => None,
    };
    conn.prepare_cached(
        "INSERT INTO document (sha256, media_type, size, file_name, page_count, text_status, text_error, added_at, bytes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        sha256,
        doc.media_type.as_str(),
        doc.bytes.len() as i64,
        doc.file_name,
        doc.text.page_count as i64,
        doc.status.as_str(),
        error,
        Timestamp::now().to_string(),
        doc.bytes,
    ])?;
    let id = conn.last_insert_rowid();
    let mut page = conn.prepare_cached("INSERT INTO document_page (document_id, page, text) VALUES (?1, ?2, ?3)")?;
    for (number, text) in doc.text.pages.iter().enumerate() {
        page.execute(params![id, number as i64 + 1, text])?;
    }
    Ok(id)
}

/// A source for a file given without a web address: keyed by the file's hash, titled from its
/// metadata or its name.
fn file_source(conn: &Connection, sha256: &str) -> Result<i64, StoreError> {
    let key = format!("document:{sha256}");
    if let Some(id) =
        conn.prepare_cached("SELECT id FROM source WHERE url_key = ?1")?.query_row([&key], |r| r.get(0)).optional()?
    {
        return Ok(id);
    }
    conn.prepare_cached(
        "INSERT INTO source (url, url_key, host, accessed_at, created_at) VALUES ('', ?1, '', ?2, ?3)",
    )?
    .execute(params![key, Timestamp::now().date().to_string(), Timestamp::now().to_string()])?;
    Ok(conn.last_insert_rowid())
}

impl Store {
    /// Stores a file for a source: the source of `url` (added when new, details it lacked
    /// filled in), or, with no address, a source of its own keyed by the file's hash. A file
    /// already stored (by content) is not stored again. The quotes of claims citing the source
    /// are checked against the text in the same transaction.
    pub fn add_document(&mut self, url: Option<&SourceDraft>, doc: &NewDocument) -> Result<DocumentAdded, StoreError> {
        let sha256 = content_hash(doc.bytes);
        let tx = self.write()?;
        let existing = by_hash(&tx, &sha256)?;
        let document_id = match existing {
            Some(id) => id,
            None => insert(&tx, &sha256, doc)?,
        };
        let source_id = match url {
            Some(draft) => sources::add(&tx, draft, &mut Lookups::single())?.0,
            None => {
                let holding: Option<i64> = tx
                    .prepare_cached("SELECT min(id) FROM source WHERE document_id = ?1")?
                    .query_row([document_id], |r| r.get(0))?;
                match holding {
                    Some(id) => id,
                    None => file_source(&tx, &sha256)?,
                }
            }
        };
        let before: Option<i64> =
            tx.prepare_cached("SELECT document_id FROM source WHERE id = ?1")?.query_row([source_id], |r| r.get(0))?;
        tx.prepare_cached(
            "UPDATE source SET document_id = ?2, title = coalesce(title, ?3), author = coalesce(author, ?4),
                 published_at = coalesce(published_at, ?5) WHERE id = ?1",
        )?
        .execute(params![
            source_id,
            document_id,
            doc.title.map(str::trim).filter(|t| !t.is_empty()),
            doc.text.author,
            doc.text.published_at.map(|d| d.to_string()),
        ])?;
        if before != Some(document_id) {
            quotes::check_source(&tx, source_id)?;
        }
        tx.commit()?;
        Ok(DocumentAdded { source_id, document_id, already_stored: existing.is_some() })
    }

    /// The document a source holds, if any.
    pub fn source_document(&self, source: i64) -> Result<Option<Document>, StoreError> {
        sources::get(&self.conn, source)?;
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM source s JOIN document d ON d.id = s.document_id WHERE s.id = ?1"
            ))?
            .query_row([source], row)
            .optional()?)
    }

    /// The file a document was added from, byte for byte.
    pub fn document_bytes(&self, document: i64) -> Result<Vec<u8>, StoreError> {
        self.conn
            .prepare_cached("SELECT bytes FROM document WHERE id = ?1")?
            .query_row([document], |r| r.get(0))
            .optional()?
            .ok_or_else(|| crate::model::Invalid::new(format!("no document with id {document}")).into())
    }

    /// A document's text, page by page (only `page` when given).
    pub fn document_pages(&self, document: i64, page: Option<u32>) -> Result<Vec<DocumentPage>, StoreError> {
        pages(&self.conn, document, page)
    }

    /// The documents held by sources that notes link (directly or through claims), for an
    /// export to write beside them: id, file name, media type; oldest first.
    pub fn export_documents(&self) -> Result<Vec<(i64, Option<String>, MediaType)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT d.id, d.file_name, d.media_type FROM document d
                 JOIN source s ON s.document_id = d.id JOIN note_source ns ON ns.source_id = s.id
             ORDER BY d.id",
        )?;
        let found = stmt.query_map([], |r| {
            let media: String = r.get(2)?;
            Ok((r.get(0)?, r.get(1)?, MediaType::parse(&media).unwrap_or(MediaType::Text)))
        })?;
        Ok(found.collect::<Result<_, _>>()?)
    }

    /// How many documents are stored, and their bytes in all.
    pub fn document_totals(&self) -> Result<(u64, u64), StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*), coalesce(sum(size), 0) FROM document", [], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }
}

/// A document's pages (only `page` when given), in order.
pub(super) fn pages(conn: &Connection, document: i64, page: Option<u32>) -> Result<Vec<DocumentPage>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT page, text FROM document_page WHERE document_id = ?1 AND (?2 IS NULL OR page = ?2) ORDER BY page",
    )?;
    let found = stmt.query_map(params![document, page], |r| Ok(DocumentPage { page: r.get(0)?, text: r.get(1)? }))?;
    Ok(found.collect::<Result<_, _>>()?)
}
