//! The files notes embed (their attachments: an imported vault's `![[chart.png]]`), in a JSON
//! export. A note's record lists them by link target with the file's description
//! ([`JsonAttachment`]), and the files go into the export's files folder with the sources' (one
//! file per content, `<sha256>.<ext>`). Importing the export ties each file to its note again, so
//! the preview shows the pictures and a Markdown export writes them back beside the note.
//!
//! On import a file is taken only from the files folder, checked as the sources' files are (see
//! `io::carried_documents`), and read as a vault's attachment is (an image is kept as it is).
//! A target the note here ties to another file keeps that file, unless the export's version of
//! the note was taken; each file refused is a warning naming the note and the link.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::carried_documents::{Carried, Refused, read_checked};
use super::documents::read_attachment;
use super::json::Document;
use super::json_documents::JsonDocument;
use super::{ExportError, ImportError, ImportReport, Watch};
use crate::model::{Attachment, NoteId, is_sha256};
use crate::store::{HeldDocument, NoteOutcome, Store};

/// A file a note embeds or links, by the link's target as the note writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonAttachment {
    /// The link's target (`chart.png`, `../_resources/x.pdf`).
    pub target: String,
    /// The file, written in the export's files folder.
    pub document: JsonDocument,
}

fn held(attachment: &Attachment) -> HeldDocument {
    let document = &attachment.document;
    HeldDocument {
        id: document.id,
        sha256: document.sha256.clone(),
        media_type: document.media_type,
        size: document.size,
        file_name: document.file_name.clone(),
    }
}

/// Each note's attachments, for its record.
pub(super) type ByNote = HashMap<NoteId, Vec<JsonAttachment>>;

/// Every note's attachments for its record, and the files they hold (for the files folder).
pub(super) fn of_notes(store: &Store) -> Result<(ByNote, Vec<HeldDocument>), ExportError> {
    let mut by_note: HashMap<NoteId, Vec<JsonAttachment>> = HashMap::new();
    let mut files = Vec::new();
    for attachment in store.export_attachments()? {
        let file = held(&attachment);
        by_note
            .entry(attachment.note_id)
            .or_default()
            .push(JsonAttachment { target: attachment.target, document: JsonDocument::of(&file) });
        files.push(file);
    }
    Ok((by_note, files))
}

/// Ties the files the export's notes embed to those notes as stored here (`stored`: each
/// note's uid and what the import did with it). `folder` is the export's files folder.
pub(super) fn take_in(
    store: &mut Store,
    doc: &Document,
    folder: Option<&Path>,
    stored: &HashMap<&str, NoteOutcome>,
    report: &mut ImportReport,
    watch: &Watch,
) -> Result<(), ImportError> {
    let mut seen = HashSet::new();
    for note in doc.notes.iter().filter(|n| !n.attachments.is_empty()) {
        // A note the import skipped has its warning already, and so has a second record of a
        // uid (skipped): only the first record's files are the note's.
        if !seen.insert(note.uid.as_str()) {
            continue;
        }
        let Some(&outcome) = stored.get(note.uid.as_str()) else { continue };
        let label = format!("note {}", note.uid);
        for attachment in &note.attachments {
            if watch.cancelled() {
                report.cancelled = true;
                return Ok(());
            }
            match tie(store, outcome, attachment, folder)? {
                Tie::Made => report.attachments += 1,
                Tie::AlreadyMade => {}
                Tie::Refused(why) => report.warn(label.clone(), format!("attachment {}: {why}", attachment.target)),
            }
        }
    }
    Ok(())
}

/// What tying one file to its note did.
enum Tie {
    Made,
    /// The note held that file under that target already.
    AlreadyMade,
    /// Why it was not tied.
    Refused(String),
}

/// Ties one file to its note.
fn tie(
    store: &mut Store,
    outcome: NoteOutcome,
    attachment: &JsonAttachment,
    folder: Option<&Path>,
) -> Result<Tie, ImportError> {
    let note = super::attachments::note_of(outcome);
    let file = &attachment.document;
    if !is_sha256(&file.sha256) {
        return Ok(Tie::Refused(format!("its file is named by {:?}, which is not a SHA-256", file.sha256)));
    }
    let here = store.note_attachments(note)?.into_iter().find(|a| a.target == attachment.target);
    match here {
        Some(here) if here.document.sha256 == file.sha256 => return Ok(Tie::AlreadyMade),
        Some(here) if !matches!(outcome, NoteOutcome::Created(_) | NoteOutcome::Updated(_)) => {
            return Ok(Tie::Refused(format!(
                "the note here keeps its own file (SHA-256 {}); the export's was not taken",
                here.document.sha256
            )));
        }
        _ => {}
    }
    let mut batch = store.batch()?;
    if batch.attach_stored_by_hash(note, &attachment.target, &file.sha256)? {
        batch.commit()?;
        return Ok(Tie::Made);
    }
    drop(batch);
    let Some(folder) = folder else {
        return Ok(Tie::Refused(format!(
            "its file {} was not taken: the export names no files folder beside it",
            file.file
        )));
    };
    let carried = Carried {
        folder,
        relative: &file.file,
        sha256: &file.sha256,
        media_type: Some(file.media_type),
        file_name: file.file_name.as_deref(),
    };
    let read = match read_checked(&carried, read_attachment) {
        Ok(read) => read,
        Err(Refused::File(why)) => return Ok(Tie::Refused(why)),
        Err(Refused::Store(error)) => return Err(error.into()),
    };
    let mut batch = store.batch()?;
    batch.attach(note, &attachment.target, &read.to_store(None))?;
    batch.commit()?;
    Ok(Tie::Made)
}
