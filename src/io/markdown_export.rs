//! Markdown export: one `.md` file per note in one folder, with structured YAML front matter
//! (uid, dates, tags, tickers, sources, claims, and the note's own properties) that Obsidian shows
//! as properties and that the Markdown import reads back into the same notes; and beside them the
//! files (PDFs, saved pages) their sources hold, each once, and the notes' attachments where
//! their links find them (see [`super::attachment_export`]).
//!
//! File names come from titles through [`super::safe_file_name`]: always plain names directly in
//! the chosen folder, never paths. Files are written into a hidden folder of their own and moved
//! into the chosen one only when all are whole, never over an existing file or through a symbolic
//! link planted there; a taken name gets a number. A failed export (a full disk) leaves nothing.

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use super::attachment_export::Placement;
use super::file_names::UniqueNames;
use serde_norway::Value;

use super::front_matter::{FmClaim, FmClaimTicker, FmNote, FmSource, Split, split};
use super::new_file::{move_new, temporary_beside, write_in_private_folder};
use super::own_fields::{self, OwnFields};
use super::{ExportError, ExportReport, Phase, Progress, Watch, safe_file_name};
use crate::model::{Claim, Source};
use crate::store::export::NoteExport;
use crate::store::{HeldDocument, Store};

/// Notes read from the store per page (and per progress report).
const PAGE: usize = 500;

/// Writes every note (trashed ones too, marked `deleted`) into the folder `out`.
///
/// The files are written into a hidden folder first (see [`Staging`]) and moved into `out` once
/// all of them are whole; a failure removes them all. A cancelled export moves the files
/// written until then.
pub fn export(store: &Store, out: &Path, watch: &mut Watch) -> Result<ExportReport, ExportError> {
    if out.exists() && !out.is_dir() {
        return Err(ExportError::NotAFolder { path: out.to_owned() });
    }
    let mut names = UniqueNames::default();
    if out.is_dir() {
        for entry in fs::read_dir(out).map_err(|cause| ExportError::Write { path: out.to_owned(), cause })?.flatten() {
            names.reserve(&entry.file_name().to_string_lossy());
        }
    }
    let staging = Staging::new(out)?;
    let written = write_notes(store, &staging.folder, out, &mut names, watch).and_then(|(mut report, written)| {
        staging.finish(out, &written)?;
        report.files = written.iter().map(|name| out.join(name)).collect();
        Ok(report)
    });
    if written.is_err() {
        staging.discard();
    }
    written
}

/// Writes the notes' files into `folder` (errors name them as they will be named in `out`);
/// returns the report (without the files, not in their place yet) and the names written.
fn write_notes(
    store: &Store,
    folder: &Path,
    out: &Path,
    names: &mut UniqueNames,
    watch: &mut Watch,
) -> Result<(ExportReport, Vec<String>), ExportError> {
    let sources: HashMap<i64, Source> = store.export_sources()?.into_iter().map(|s| (s.id, s)).collect();
    let held = store.held_documents()?;
    let total = store.export_note_count()?;
    let mut report = ExportReport::default();
    let mut written = Vec::new();
    let mut placement = Placement::new(store)?;
    let mut after = 0;
    loop {
        let page = store.export_notes(after, PAGE)?;
        let Some(last) = page.last() else { break };
        after = last.note.id;
        for note in &page {
            let body = placement.note(note.note.id, &note.note.body, names);
            let text = if body == note.note.body {
                note_file(note, &sources, &held)?
            } else {
                let mut linked = note.clone();
                linked.note.body = body;
                note_file(&linked, &sources, &held)?
            };
            let name = names.next(&safe_file_name(&note.note.title), "md");
            let path = folder.join(&name);
            write_in_private_folder(&path, text.as_bytes())
                .map_err(|cause| ExportError::Write { path: out.join(&name), cause })?;
            let modified = UNIX_EPOCH + Duration::from_millis(note.note.updated_at.millis().max(0) as u64);
            if let Ok(file) = OpenOptions::new().write(true).open(&path) {
                let _ = file.set_modified(modified);
            }
            report.notes += 1;
            report.claims += note.note.claims.len() as u64;
            written.push(name);
        }
        watch.report(Progress::new(Phase::Exporting, report.notes, Some(total)));
        if watch.cancelled() {
            report.cancelled = report.notes < total;
            break;
        }
    }
    report.sources = sources.len() as u64;
    placement.write(store, folder, out, &mut written)?;
    if !report.cancelled {
        write_documents(store, folder, out, names, &mut written)?;
    }
    watch.report(Progress::new(Phase::Done, report.notes, Some(total)));
    Ok((report, written))
}

/// Writes the files the notes' sources hold (PDFs, saved pages) beside the notes, each once,
/// under its own file name (a taken name gets a number).
fn write_documents(
    store: &Store,
    folder: &Path,
    out: &Path,
    names: &mut UniqueNames,
    written: &mut Vec<String>,
) -> Result<(), ExportError> {
    for (id, file_name, media_type) in store.export_documents()? {
        let stem = file_name
            .as_deref()
            .map(|n| Path::new(n).file_stem().map_or(n.into(), |s| s.to_string_lossy()).into_owned())
            .unwrap_or_else(|| format!("document {id}"));
        let name = names.next(&safe_file_name(&stem), media_type.extension());
        let path = folder.join(&name);
        write_in_private_folder(&path, &store.document_bytes(id)?)
            .map_err(|cause| ExportError::Write { path: out.join(&name), cause })?;
        written.push(name);
    }
    Ok(())
}

/// The hidden folder an export writes into: beside `out` when `out` does not exist yet (it is
/// then renamed to `out` in one step), inside `out` when it does (its files are then moved up
/// one by one, never over a file already there).
struct Staging {
    folder: PathBuf,
    /// Whether `out` existed before the export.
    into_existing: bool,
}

impl Staging {
    fn new(out: &Path) -> Result<Self, ExportError> {
        let write_error = |cause| ExportError::Write { path: out.to_owned(), cause };
        let into_existing = out.is_dir();
        let folder = if into_existing {
            temporary_beside(&out.join("export"))
        } else {
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                fs::create_dir_all(parent).map_err(write_error)?;
            }
            temporary_beside(out)
        };
        fs::create_dir(&folder).map_err(write_error)?;
        Ok(Self { folder, into_existing })
    }

    /// Puts the `written` files under `out`: the whole folder renamed when `out` is new, else
    /// each file moved. Files already moved are taken back out if a move fails.
    fn finish(&self, out: &Path, written: &[String]) -> Result<(), ExportError> {
        if !self.into_existing && fs::rename(&self.folder, out).is_ok() {
            return Ok(());
        }
        fs::create_dir_all(out).map_err(|cause| ExportError::Write { path: out.to_owned(), cause })?;
        for (done, name) in written.iter().enumerate() {
            // An attachment's path may have folders (`attachments/chart.png`).
            let parent = Path::new(name).parent().filter(|p| !p.as_os_str().is_empty());
            let made = parent.map_or(Ok(()), |p| fs::create_dir_all(out.join(p)));
            let moved = made
                .map_err(|cause| ExportError::Write { path: out.join(name), cause })
                .and_then(|()| move_new(&self.folder.join(name), &out.join(name)));
            if let Err(err) = moved {
                for moved in &written[..done] {
                    let _ = fs::remove_file(out.join(moved));
                }
                return Err(err);
            }
        }
        // Empty now but for the attachments' emptied folders.
        let _ = fs::remove_dir_all(&self.folder);
        Ok(())
    }

    /// Removes the folder and what was written into it.
    fn discard(&self) {
        let _ = fs::remove_dir_all(&self.folder);
    }
}

/// A source's entry in front matter; a source that is a file alone is named
/// `document:<sha256>`.
fn fm_source(source: &Source, quote: Option<String>, held: &HashMap<i64, HeldDocument>) -> FmSource {
    let document = held.get(&source.id).map(|d| d.sha256.clone());
    let url = match &document {
        Some(sha256) if source.url.is_empty() => format!("{}{sha256}", crate::model::DOCUMENT_REFERENCE),
        _ => source.url.clone(),
    };
    FmSource {
        url,
        title: source.title.clone(),
        publisher: source.publisher.clone(),
        author: source.author.clone(),
        published: source.published_at.map(|d| d.to_string()),
        kind: Some(source.kind.as_str().to_owned()),
        quote,
        document,
    }
}

pub(crate) fn fm_claim(
    claim: &Claim,
    uid: &str,
    sources: &HashMap<i64, Source>,
    held: &HashMap<i64, HeldDocument>,
) -> FmClaim {
    FmClaim {
        uid: Some(uid.to_owned()),
        text: claim.text.clone(),
        value: claim.value,
        unit: claim.unit.clone(),
        currency: claim.currency.clone(),
        as_of: claim.as_of.clone(),
        claimant: claim.claimant.clone(),
        status: Some(claim.status.as_str().to_owned()),
        tickers: claim
            .tickers
            .iter()
            .map(|t| FmClaimTicker { symbol: t.symbol.to_string(), stance: t.stance.map(|s| s.as_str().to_owned()) })
            .collect(),
        sources: claim
            .sources
            .iter()
            .map(|s| match sources.get(&s.id) {
                Some(source) => fm_source(source, s.quote.clone(), held),
                None => FmSource { url: s.url.clone(), quote: s.quote.clone(), ..FmSource::default() },
            })
            .collect(),
        created: Some(claim.created_at.to_string()),
        updated: Some(claim.updated_at.to_string()),
    }
}

/// The text of one note's file: front matter (the note's fields, then its properties), an empty
/// line, the body as stored after its properties. `held` names the file each source holds.
pub fn note_file(
    export: &NoteExport,
    sources: &HashMap<i64, Source>,
    held: &HashMap<i64, HeldDocument>,
) -> Result<String, ExportError> {
    let note = &export.note;
    let front = FmNote {
        title: note.title.clone(),
        uid: note.uid.clone(),
        created: note.created_at.to_string(),
        updated: note.updated_at.to_string(),
        content_hash: export.content_hash.clone(),
        deleted: note.deleted_at.map(|t| t.to_string()),
        tags: note.tags.clone(),
        tickers: export.typed_tickers.iter().map(|s| s.to_string()).collect(),
        sources: export.typed_sources.iter().map(|s| fm_source(s, None, held)).collect(),
        claims: note.claims.iter().zip(&export.claim_uids).map(|(c, uid)| fm_claim(c, uid, sources, held)).collect(),
    };
    let encode = |e: serde_norway::Error| ExportError::Encode(e.to_string());
    // The note's properties (the block at the head of its body) join the same front matter, after
    // the note's own fields (see `own_fields`).
    let (fields, body) = match split(&note.body) {
        Split::Fields(properties, body) => {
            let Value::Mapping(own) = serde_norway::to_value(&front).map_err(encode)? else {
                return Err(ExportError::Encode("the note's fields are not a mapping".into()));
            };
            let fields = OwnFields {
                title: &note.title,
                created: note.created_at,
                updated: note.updated_at,
                tags: &note.tags,
                body,
            };
            match serde_norway::to_string(&own_fields::merge(own, properties, &fields)) {
                Ok(yaml) => (yaml, body),
                // Properties YAML cannot write again (a map as a key) stay in the body as typed.
                Err(_) => (serde_norway::to_string(&front).map_err(encode)?, note.body.as_str()),
            }
        }
        _ => (serde_norway::to_string(&front).map_err(encode)?, note.body.as_str()),
    };
    Ok(format!("---\n{fields}---\n\n{body}"))
}
