//! The attachments of notes (schema 15): the files an imported vault's notes embed or link
//! (`![[chart.png]]`, `![](../_resources/x.pdf)`), kept as documents (stored once per content
//! hash, like the files sources hold) and tied to each note by the link target as written.
//!
//! An attachment belongs to its note, not to the note's text: trashing the note keeps it,
//! restoring brings the note back with it, and purging the note removes the tie; a document no
//! longer attached to any note nor held by any source is then deleted with its pages, in the
//! same transaction (the triggers below).

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::documents::{self, COLUMNS, NewDocument, content_hash};
use super::{Batch, Store, StoreError};
use crate::model::{Attachment, NoteId};

/// Version 15: images become kinds of document (the `media_type` check is widened in place, as
/// SQLite documents for loosening a CHECK constraint: no row changes, so nothing is copied), and
/// notes get their attachments.
pub(super) fn migrate_v15(tx: &Transaction) -> Result<(), StoreError> {
    let table: String =
        tx.query_row("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'document'", [], |r| r.get(0))?;
    let widened = table.replace(V14_MEDIA_TYPES, V15_MEDIA_TYPES);
    if widened == table {
        return Err(crate::model::Invalid::new("the document table is not the one schema 14 made").into());
    }
    let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.pragma_update(None, "writable_schema", true)?;
    tx.execute("UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = 'document'", [&widened])?;
    tx.pragma_update(None, "schema_version", version + 1)?;
    tx.pragma_update(None, "writable_schema", false)?;
    tx.execute_batch(V15_ATTACHMENTS)?;
    Ok(())
}

const V14_MEDIA_TYPES: &str = "'application/pdf', 'text/html', 'text/markdown', 'text/plain')";
const V15_MEDIA_TYPES: &str = "'application/pdf', 'text/html', 'text/markdown', 'text/plain', 'image/png', 'image/jpeg', 'image/gif', 'image/webp')";

const V15_ATTACHMENTS: &str = r#"
CREATE TABLE note_attachment (
    note_id      INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    target       TEXT NOT NULL,
    document_id  INTEGER NOT NULL REFERENCES document(id),
    PRIMARY KEY (note_id, target)
) WITHOUT ROWID;
CREATE INDEX note_attachment_by_document ON note_attachment(document_id);
CREATE TRIGGER note_attachment_orphan_delete AFTER DELETE ON note_attachment
WHEN NOT EXISTS (SELECT 1 FROM note_attachment WHERE document_id = old.document_id)
 AND NOT EXISTS (SELECT 1 FROM source WHERE document_id = old.document_id) BEGIN
    DELETE FROM document WHERE id = old.document_id;
END;
CREATE TRIGGER note_attachment_orphan_update AFTER UPDATE OF document_id ON note_attachment
WHEN old.document_id <> new.document_id
 AND NOT EXISTS (SELECT 1 FROM note_attachment WHERE document_id = old.document_id)
 AND NOT EXISTS (SELECT 1 FROM source WHERE document_id = old.document_id) BEGIN
    DELETE FROM document WHERE id = old.document_id;
END;
"#;

/// Ties `document` to `note` under `target` (replacing the file a target named before).
fn tie(conn: &Connection, note: NoteId, target: &str, document: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO note_attachment (note_id, target, document_id) VALUES (?1, ?2, ?3)
         ON CONFLICT (note_id, target) DO UPDATE SET document_id = excluded.document_id
         WHERE document_id <> excluded.document_id",
    )?
    .execute(params![note, target, document])?;
    Ok(())
}

fn attachments(conn: &Connection, note: Option<NoteId>) -> Result<Vec<Attachment>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.note_id, a.target, {COLUMNS} FROM note_attachment a JOIN document d ON d.id = a.document_id
         WHERE ?1 IS NULL OR a.note_id = ?1 ORDER BY a.note_id, a.target"
    ))?;
    let found = stmt.query_map([note], |r| {
        let document = documents::row_at(r, 2)?;
        Ok(Attachment { note_id: r.get(0)?, target: r.get(1)?, document })
    })?;
    Ok(found.collect::<Result<_, _>>()?)
}

impl Batch<'_> {
    /// Attaches a file to `note` as the one its link `target` (as written in the note) names:
    /// the file is stored unless the same content is already; returns the document's id.
    pub fn attach(&mut self, note: NoteId, target: &str, doc: &NewDocument) -> Result<i64, StoreError> {
        let sha256 = content_hash(doc.bytes);
        let document = match documents::by_hash(self.tx(), &sha256)? {
            Some(id) => id,
            None => documents::insert(self.tx(), &sha256, doc)?,
        };
        tie(self.tx(), note, target, document)?;
        Ok(document)
    }

    /// Attaches the stored document whose SHA-256 is `sha256`, if there is one (a file carried
    /// from elsewhere that is here already): whether it was.
    pub fn attach_stored_by_hash(&mut self, note: NoteId, target: &str, sha256: &str) -> Result<bool, StoreError> {
        let Some(document) = documents::by_hash(self.tx(), sha256)? else { return Ok(false) };
        tie(self.tx(), note, target, document)?;
        Ok(true)
    }

    /// Ties the stored document `sha256` to the note whose uid is `uid` under `target`: `None`
    /// when no note has that uid, `Some(false)` when no document has that hash.
    pub fn attach_by_uid(&mut self, uid: &str, target: &str, sha256: &str) -> Result<Option<bool>, StoreError> {
        let note: Option<NoteId> = self
            .tx()
            .prepare_cached("SELECT id FROM note WHERE uid = ?1")?
            .query_row([uid], |r| r.get(0))
            .optional()?;
        let Some(note) = note else { return Ok(None) };
        Ok(Some(self.attach_stored_by_hash(note, target, sha256)?))
    }

    /// Deletes those of `documents` that no note is tied to and no source holds (files a sync
    /// stored for notes that did not arrive).
    pub fn forget_unheld(&mut self, documents: &[i64]) -> Result<(), StoreError> {
        let mut stmt = self.tx().prepare_cached(
            "DELETE FROM document WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM note_attachment WHERE document_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM source WHERE document_id = ?1)",
        )?;
        for document in documents {
            stmt.execute([document])?;
        }
        Ok(())
    }

    /// Attaches a document already stored (a file another note of the same import embeds).
    pub fn attach_stored(&mut self, note: NoteId, target: &str, document: i64) -> Result<(), StoreError> {
        tie(self.tx(), note, target, document)
    }
}

impl Store {
    /// A note's attachments, by link target.
    pub fn note_attachments(&self, note: NoteId) -> Result<Vec<Attachment>, StoreError> {
        attachments(&self.conn, Some(note))
    }

    /// Stores a file that a note is about to be tied to (a sync takes the files in before the
    /// notes): once per content; its document's id. Until a note is tied to it, no one holds it.
    pub fn keep_document(&mut self, doc: &NewDocument) -> Result<i64, StoreError> {
        let sha256 = content_hash(doc.bytes);
        let tx = self.write()?;
        let id = match documents::by_hash(&tx, &sha256)? {
            Some(id) => id,
            None => documents::insert(&tx, &sha256, doc)?,
        };
        tx.commit()?;
        Ok(id)
    }

    /// The uids of notes `ids` (those that exist).
    pub fn note_uids(&self, ids: &[NoteId]) -> Result<Vec<(NoteId, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT id, uid FROM note WHERE id = ?1")?;
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(row) = stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?))).optional()? {
                found.push(row);
            }
        }
        Ok(found)
    }

    /// Every note's attachments (trashed notes' too), by note then link target: what an export
    /// writes beside the notes.
    pub fn export_attachments(&self) -> Result<Vec<Attachment>, StoreError> {
        attachments(&self.conn, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentText, MediaType, NoteDraft, TextStatus};

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    fn image(bytes: &[u8]) -> NewDocument<'_> {
        static TEXT: std::sync::LazyLock<DocumentText> = std::sync::LazyLock::new(DocumentText::default);
        NewDocument {
            bytes,
            media_type: MediaType::Png,
            file_name: Some("chart.png"),
            title: None,
            text: &TEXT,
            status: &TextStatus::Text,
        }
    }

    fn documents(store: &Store) -> u64 {
        store.document_totals().unwrap().0
    }

    #[test]
    fn an_image_is_stored_once_and_goes_when_its_last_note_is_purged() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.create_note(&NoteDraft::new("A", "![[chart.png]]")).unwrap();
        let b = store.create_note(&NoteDraft::new("B", "![](img/chart.png)")).unwrap();
        let mut batch = store.batch().unwrap();
        let first = batch.attach(a, "chart.png", &image(PNG)).unwrap();
        let second = batch.attach(b, "img/chart.png", &image(PNG)).unwrap();
        batch.attach(a, "chart.png", &image(PNG)).unwrap();
        batch.commit().unwrap();
        assert_eq!(first, second, "the same bytes are one document");
        assert_eq!(documents(&store), 1);
        let listed = store.note_attachments(a).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!((listed[0].target.as_str(), listed[0].document.media_type), ("chart.png", MediaType::Png));
        assert_eq!(store.document_bytes(first).unwrap(), PNG);

        store.trash_note(a).unwrap();
        store.restore_note(a).unwrap();
        assert_eq!(store.note_attachments(a).unwrap().len(), 1, "trash and restore keep attachments");
        store.trash_note(a).unwrap();
        store.purge_note(a).unwrap();
        assert_eq!(documents(&store), 1, "B still embeds it");
        store.trash_note(b).unwrap();
        store.empty_trash().unwrap();
        assert_eq!(documents(&store), 0, "no note nor source holds it any more");
        assert!(store.check().unwrap().is_sound());
    }

    #[test]
    fn a_target_given_another_file_lets_the_old_one_go() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.create_note(&NoteDraft::new("A", "![[chart.png]]")).unwrap();
        let mut batch = store.batch().unwrap();
        batch.attach(a, "chart.png", &image(PNG)).unwrap();
        let newer = [PNG, b"more"].concat();
        let second = batch.attach(a, "chart.png", &image(&newer)).unwrap();
        batch.commit().unwrap();
        assert_eq!(documents(&store), 1);
        assert_eq!(store.note_attachments(a).unwrap()[0].document.id, second);
    }

    #[test]
    fn a_version_14_database_keeps_its_documents_and_takes_images_when_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v14.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "foreign_keys", true).unwrap();
            for (index, migration) in super::super::schema::MIGRATIONS.iter().enumerate().take(14) {
                let tx = conn.transaction().unwrap();
                migration(&tx).unwrap();
                tx.pragma_update(None, "user_version", index as i64 + 1).unwrap();
                tx.commit().unwrap();
            }
            conn.execute_batch(
                "INSERT INTO document (id, sha256, media_type, size, page_count, text_status, added_at, bytes)
                     VALUES (1, 'abc', 'application/pdf', 3, 1, 'text', 'now', x'010203');
                 INSERT INTO document_page (document_id, page, text) VALUES (1, 1, 'hyperscaler capex');",
            )
            .unwrap();
            assert!(
                conn.execute(
                    "INSERT INTO document (sha256, media_type, size, page_count, text_status, added_at, bytes)
                     VALUES ('png', 'image/png', 1, 0, 'text', 'now', x'01')",
                    [],
                )
                .is_err(),
                "schema 14 takes no images"
            );
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.document_pages(1, None).unwrap()[0].text, "hyperscaler capex");
        let note = store.create_note(&NoteDraft::new("A", "![[chart.png]]")).unwrap();
        let mut batch = store.batch().unwrap();
        batch.attach(note, "chart.png", &image(PNG)).unwrap();
        batch.commit().unwrap();
        assert_eq!(documents(&store), 2);
        assert!(store.check().unwrap().is_sound(), "{:?}", store.check().unwrap());
    }
}
