//! Markdown export: one `.md` file per note in one folder, with structured YAML front matter
//! (uid, dates, tags, tickers, sources, claims) that Obsidian shows as properties and that the
//! Markdown import reads back into the same notes.
//!
//! File names come from titles through [`super::safe_file_name`]: always plain names directly in
//! the chosen folder, never paths. Files are created new (`create_new`), so an existing file or a
//! symbolic link planted in the folder is never written through; a taken name gets a number.

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, UNIX_EPOCH};

use super::file_names::UniqueNames;
use super::front_matter::{FmClaim, FmClaimTicker, FmNote, FmSource};
use super::{ExportError, ExportReport, Phase, Progress, Watch, safe_file_name};
use crate::model::{Claim, Source};
use crate::store::Store;
use crate::store::export::NoteExport;

/// Notes read from the store per page (and per progress report).
const PAGE: usize = 500;

/// Writes every note (trashed ones too, marked `deleted`) into the folder `out`.
pub fn export(store: &Store, out: &Path, watch: &mut Watch) -> Result<ExportReport, ExportError> {
    let write_error = |source| ExportError::Write { path: out.to_owned(), cause: source };
    if out.exists() && !out.is_dir() {
        return Err(ExportError::NotAFolder { path: out.to_owned() });
    }
    fs::create_dir_all(out).map_err(write_error)?;
    let mut names = UniqueNames::default();
    for entry in fs::read_dir(out).map_err(write_error)?.flatten() {
        names.reserve(&entry.file_name().to_string_lossy());
    }
    let sources: HashMap<i64, Source> = store.export_sources()?.into_iter().map(|s| (s.id, s)).collect();
    let total = store.export_note_count()?;
    let mut report = ExportReport::default();
    let mut after = 0;
    loop {
        let page = store.export_notes(after, PAGE)?;
        let Some(last) = page.last() else { break };
        after = last.note.id;
        for note in &page {
            let text = note_file(note, &sources)?;
            let name = names.next(&safe_file_name(&note.note.title), "md");
            let path = out.join(&name);
            write_new(&path, text.as_bytes())?;
            let modified = UNIX_EPOCH + Duration::from_millis(note.note.updated_at.millis().max(0) as u64);
            if let Ok(file) = OpenOptions::new().write(true).open(&path) {
                let _ = file.set_modified(modified);
            }
            report.notes += 1;
            report.claims += note.note.claims.len() as u64;
            report.files.push(path);
        }
        watch.report(Progress::new(Phase::Exporting, report.notes, Some(total)));
        if watch.cancelled() {
            report.cancelled = report.notes < total;
            break;
        }
    }
    report.sources = sources.len() as u64;
    watch.report(Progress::new(Phase::Done, report.notes, Some(total)));
    Ok(report)
}

/// Creates `path` (which must not exist) with `bytes`.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let write_error = |source| ExportError::Write { path: path.to_owned(), cause: source };
    let mut file = OpenOptions::new().write(true).create_new(true).open(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            ExportError::Exists { path: path.to_owned() }
        } else {
            write_error(source)
        }
    })?;
    file.write_all(bytes).map_err(write_error)?;
    Ok(())
}

fn fm_source(source: &Source, quote: Option<String>) -> FmSource {
    FmSource {
        url: source.url.clone(),
        title: source.title.clone(),
        publisher: source.publisher.clone(),
        author: source.author.clone(),
        published: source.published_at.map(|d| d.to_string()),
        kind: Some(source.kind.as_str().to_owned()),
        quote,
    }
}

pub(crate) fn fm_claim(claim: &Claim, uid: &str, sources: &HashMap<i64, Source>) -> FmClaim {
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
                Some(source) => fm_source(source, s.quote.clone()),
                None => FmSource { url: s.url.clone(), quote: s.quote.clone(), ..FmSource::default() },
            })
            .collect(),
        created: Some(claim.created_at.to_string()),
        updated: Some(claim.updated_at.to_string()),
    }
}

/// The text of one note's file: front matter, an empty line, the body as stored.
pub fn note_file(export: &NoteExport, sources: &HashMap<i64, Source>) -> Result<String, ExportError> {
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
        sources: export.typed_sources.iter().map(|s| fm_source(s, None)).collect(),
        claims: note.claims.iter().zip(&export.claim_uids).map(|(c, uid)| fm_claim(c, uid, sources)).collect(),
    };
    let yaml = serde_norway::to_string(&front).map_err(|e| ExportError::Encode(e.to_string()))?;
    Ok(format!("---\n{yaml}---\n\n{}", note.body))
}
