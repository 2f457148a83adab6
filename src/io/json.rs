//! JSON export and import: the whole research database in one versioned file, lossless, merged
//! into another database by stable identity (note uid, claim uid, source canonical URL, ticker
//! symbol). The types below are the format; `docs/json-format.md` describes them for people.
//!
//! Ids are not part of the format (they differ between databases); links are by identity.
//! Derived data (tickers found from `$cashtags`, links through claims, the full-text index) is
//! not written: the importing store derives it again.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::json_attachments::{self, JsonAttachment};
use super::json_documents::{self, JsonDocument, reference, take_files_in};
use super::json_records::{claim_record, note_record, source_record};
use super::new_file::write_new;
use super::{ExportError, ExportReport, ImportError, ImportOptions, ImportReport, Phase, Progress, Watch};
use crate::model::{ClaimLinkKind, SourceKind, Stance, Status, Symbol, Timestamp};
use crate::store::{ClaimRecord, SourceRecord, Store, StoreError, TickerRecord};

/// The format this build writes; it reads this one and older ones.
pub const FORMAT_VERSION: u32 = 1;
/// The value of [`Document::format`]: marks a file as a Jevons export.
pub const FORMAT_NAME: &str = "jevons";

/// A whole research database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always `"jevons"`.
    pub format: String,
    /// [`FORMAT_VERSION`] when written; a reader refuses a newer one.
    pub format_version: u32,
    /// When the export was made.
    pub exported_at: Timestamp,
    /// The Jevons version that wrote it (information only).
    pub app_version: String,
    pub notes: Vec<JsonNote>,
    /// Every claim, in a note or not.
    pub claims: Vec<JsonClaim>,
    pub sources: Vec<JsonSource>,
    /// Tickers used by notes or claims, typed ones that are not in the reference list, and those
    /// with user aliases (the reference list itself ships with Jevons).
    pub tickers: Vec<JsonTicker>,
    pub claim_links: Vec<JsonClaimLink>,
    /// The folder beside this file that holds the files sources hold and notes embed (a plain
    /// name, such as `research.files`); absent when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<String>,
}

/// A note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonNote {
    /// Stable identity: the same note in every database.
    pub uid: String,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Set while the note is in the trash.
    #[serde(default)]
    pub deleted_at: Option<Timestamp>,
    /// Tag names (nested with `/`).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Tickers the user linked (cashtags in the text are found again on import).
    #[serde(default)]
    pub tickers: Vec<String>,
    /// References of sources linked to the note directly (details in [`Document::sources`]).
    #[serde(default)]
    pub sources: Vec<String>,
    /// Earlier versions, oldest first.
    #[serde(default)]
    pub revisions: Vec<JsonRevision>,
    /// The fingerprint of the note's content when exported (title, body, tags, typed tickers);
    /// see `docs/import-export.md`, the merge rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    /// The files the note embeds or links, written in [`Document::files`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<JsonAttachment>,
}

/// An earlier version of a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonRevision {
    pub title: String,
    pub body: String,
    /// When this version was saved.
    pub saved_at: Timestamp,
    /// When it was replaced by the next one.
    pub replaced_at: Timestamp,
}

/// A claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonClaim {
    /// Stable identity.
    pub uid: String,
    /// The uid of the note it was recorded in, if any.
    #[serde(default)]
    pub note: Option<String>,
    pub text: String,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    /// ISO code (`USD`).
    #[serde(default)]
    pub currency: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub claimant: Option<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub tickers: Vec<JsonClaimTicker>,
    #[serde(default)]
    pub sources: Vec<JsonClaimSource>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A ticker named by a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonClaimTicker {
    pub symbol: String,
    /// `bullish`, `bearish`, `neutral`, or null when the claim takes no side.
    #[serde(default)]
    pub stance: Option<Stance>,
}

/// A source cited by a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonClaimSource {
    /// The source's reference (details in [`Document::sources`]).
    pub url: String,
    /// The exact words quoted, if any.
    #[serde(default)]
    pub quote: Option<String>,
    /// The page of the source's document the quote is on (1 is the first), if named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonSource {
    /// As given; its canonical form is the identity. A source that is a file alone (no web
    /// address) is `document:<sha256>`, the SHA-256 of its file.
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub published_at: Option<NaiveDate>,
    #[serde(default)]
    pub accessed_at: Option<NaiveDate>,
    #[serde(default)]
    pub kind: SourceKind,
    /// When it was added to the database.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// The file it holds (PDF, saved page, Markdown, text), written in [`Document::files`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<JsonDocument>,
}

/// A ticker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonTicker {
    /// Normalised symbol (`BRK-B`); the identity.
    pub symbol: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub exchange: Option<String>,
    /// Whether it comes from the bundled reference list.
    #[serde(default)]
    pub in_reference: bool,
    /// Other names users gave it.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A link between two claims, by claim uid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonClaimLink {
    pub from: String,
    pub to: String,
    /// `supports`, `contradicts` or `updates`.
    pub kind: ClaimLinkKind,
}

/// Notes read per page while exporting.
const PAGE: usize = 1_000;

/// Reads the whole database into a [`Document`]; `None` when cancelled.
pub fn document(store: &Store, watch: &mut Watch) -> Result<Option<Document>, ExportError> {
    let total = store.export_note_count()?;
    let source_times = store.export_source_times()?;
    let sources = store.export_sources()?;
    let held = store.held_documents()?;
    let quote_pages = store.quote_pages()?;
    let mut attached = json_attachments::of_notes(store)?.0;
    let references: HashMap<i64, String> = sources.iter().map(|s| (s.id, reference(&s.url, held.get(&s.id)))).collect();
    let mut doc = Document {
        format: FORMAT_NAME.to_owned(),
        format_version: FORMAT_VERSION,
        exported_at: Timestamp::now(),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        notes: Vec::new(),
        claims: Vec::new(),
        sources: sources
            .iter()
            .map(|s| JsonSource {
                url: references[&s.id].clone(),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                author: s.author.clone(),
                published_at: s.published_at,
                accessed_at: s.accessed_at,
                kind: s.kind,
                created_at: source_times.get(&s.id).copied(),
                document: held.get(&s.id).map(JsonDocument::of),
            })
            .collect(),
        tickers: store
            .export_tickers()?
            .into_iter()
            .map(|t| JsonTicker {
                symbol: t.symbol,
                name: t.name,
                exchange: t.exchange,
                in_reference: t.in_reference,
                aliases: t.aliases,
            })
            .collect(),
        claim_links: store
            .export_claim_links()?
            .into_iter()
            .map(|l| JsonClaimLink { from: l.from, to: l.to, kind: l.kind })
            .collect(),
        files: None,
    };
    let refs = Refs { sources: &references, pages: &quote_pages };
    let mut after = 0;
    loop {
        let page = store.export_notes(after, PAGE)?;
        let Some(last) = page.last() else { break };
        after = last.note.id;
        for export in page {
            let note = export.note;
            for (claim, uid) in note.claims.iter().zip(export.claim_uids) {
                doc.claims.push(json_claim(claim, uid, Some(note.uid.clone()), &refs));
            }
            doc.notes.push(JsonNote {
                uid: note.uid,
                title: note.title,
                body: note.body,
                created_at: note.created_at,
                updated_at: note.updated_at,
                deleted_at: note.deleted_at,
                tags: note.tags,
                tickers: export.typed_tickers.iter().map(|s| s.to_string()).collect(),
                sources: export.typed_sources.into_iter().map(|s| refs.source(s.id, s.url)).collect(),
                content_hash: Some(export.content_hash),
                attachments: attached.remove(&note.id).unwrap_or_default(),
                revisions: export
                    .revisions
                    .into_iter()
                    .map(|r| JsonRevision {
                        title: r.title,
                        body: r.body,
                        saved_at: r.saved_at,
                        replaced_at: r.replaced_at,
                    })
                    .collect(),
            });
        }
        watch.report(Progress::new(Phase::Exporting, doc.notes.len() as u64, Some(total)));
        if watch.cancelled() {
            return Ok(None);
        }
    }
    for loose in store.export_loose_claims()? {
        doc.claims.push(json_claim(&loose.claim, loose.uid, None, &refs));
    }
    Ok(Some(doc))
}

/// How the export names sources, and the pages claims' quotes name.
struct Refs<'a> {
    sources: &'a HashMap<i64, String>,
    pages: &'a HashMap<(i64, i64), u32>,
}

impl Refs<'_> {
    fn source(&self, id: i64, url: String) -> String {
        self.sources.get(&id).cloned().unwrap_or(url)
    }
}

fn json_claim(claim: &crate::model::Claim, uid: String, note: Option<String>, refs: &Refs) -> JsonClaim {
    JsonClaim {
        uid,
        note,
        text: claim.text.clone(),
        value: claim.value,
        unit: claim.unit.clone(),
        currency: claim.currency.clone(),
        as_of: claim.as_of.clone(),
        claimant: claim.claimant.clone(),
        status: claim.status,
        tickers: claim
            .tickers
            .iter()
            .map(|t| JsonClaimTicker { symbol: t.symbol.to_string(), stance: t.stance })
            .collect(),
        sources: claim
            .sources
            .iter()
            .map(|s| JsonClaimSource {
                url: refs.source(s.id, s.url.clone()),
                quote: s.quote.clone(),
                page: refs.pages.get(&(claim.id, s.id)).copied(),
            })
            .collect(),
        created_at: claim.created_at,
        updated_at: claim.updated_at,
    }
}

/// Writes the whole database as JSON into the new file `out`.
pub fn export_file(store: &Store, out: &Path, watch: &mut Watch) -> Result<ExportReport, ExportError> {
    if out.exists() {
        return Err(ExportError::Exists { path: out.to_owned() });
    }
    // The records and the files written beside them come from one state of the database.
    let snapshot = store.read_snapshot()?;
    let Some(mut doc) = document(store, watch)? else {
        return Ok(ExportReport { cancelled: true, ..ExportReport::default() });
    };
    let folder_name = json_documents::files_folder_name(out);
    let folder = json_documents::write_files(store, &out.with_file_name(&folder_name))?;
    drop(snapshot);
    if folder.is_some() {
        doc.files = Some(folder_name);
    }
    let written = serde_json::to_vec_pretty(&doc)
        .map_err(|e| ExportError::Encode(e.to_string()))
        .and_then(|text| write_new(out, &text));
    if let Err(error) = written {
        if let Some(folder) = &folder {
            let _ = fs::remove_dir_all(folder);
        }
        return Err(error);
    }
    let total = doc.notes.len() as u64;
    watch.report(Progress::new(Phase::Done, total, Some(total)));
    Ok(ExportReport {
        notes: total,
        claims: doc.claims.len() as u64,
        sources: doc.sources.len() as u64,
        files: std::iter::once(out.to_owned()).chain(folder).collect(),
        cancelled: false,
    })
}

/// Reads a Jevons JSON export, refusing other JSON and newer formats.
pub fn read_document(path: &Path) -> Result<Document, ImportError> {
    let text = fs::read(path).map_err(|source| ImportError::Read { path: path.to_owned(), cause: source })?;
    let not_ours = |detail: String| ImportError::NotJevonsJson { path: path.to_owned(), detail };
    let value: serde_json::Value = serde_json::from_slice(&text).map_err(|e| not_ours(e.to_string()))?;
    let format = value.get("format").and_then(|f| f.as_str());
    let version = value.get("format_version").and_then(serde_json::Value::as_u64);
    let (Some(FORMAT_NAME), Some(version)) = (format, version) else {
        return Err(not_ours("no \"format\": \"jevons\" with a \"format_version\"".into()));
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(ImportError::NewerFormat {
            path: path.to_owned(),
            found: u32::try_from(version).unwrap_or(u32::MAX),
            known: FORMAT_VERSION,
        });
    }
    serde_json::from_value(value).map_err(|e| not_ours(e.to_string()))
}

/// Imports a JSON export file, merging into `store`.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    watch: &mut Watch,
) -> Result<ImportReport, ImportError> {
    let doc = read_document(path)?;
    import_from(store, &doc, Some(path), &path.display().to_string(), options, watch)
}

/// A reason for skipping a note, saying how many of its claims were skipped with it.
fn with_claims(reason: &str, claims: usize) -> String {
    if claims == 0 { reason.to_owned() } else { format!("{reason}; its claims ({claims}) were skipped with it") }
}

/// Merges a [`Document`] into `store` under the import merge rule (see `store::merge`): new
/// records are added, known ones (by identity) follow the rule, and nothing is duplicated.
/// Sources and tickers come first, then the notes with their claims (one batch per
/// [`ImportOptions::batch_size`] notes), then claims outside notes and links between claims.
/// Every record skipped or detached is in the report. `label` names the import in
/// `jevons import --list`. Files sources hold are taken only from a files folder beside an
/// export file ([`import_file`]); here, only those stored already are linked.
pub fn import_document(
    store: &mut Store,
    doc: &Document,
    label: &str,
    options: &ImportOptions,
    watch: &mut Watch,
) -> Result<ImportReport, ImportError> {
    import_from(store, doc, None, label, options, watch)
}

/// [`import_document`] of the export at `json` (its files folder beside it), if known.
fn import_from(
    store: &mut Store,
    doc: &Document,
    json: Option<&Path>,
    label: &str,
    options: &ImportOptions,
    watch: &mut Watch,
) -> Result<ImportReport, ImportError> {
    let mut report = ImportReport::default();
    let total = doc.notes.len() as u64;
    let mut sources: HashMap<&str, SourceRecord> = HashMap::new();
    for s in &doc.sources {
        match source_record(s) {
            Ok(record) => {
                sources.insert(s.url.as_str(), record);
            }
            Err(why) => report.warn(format!("source {}", s.url), why),
        }
    }
    let mut tickers = Vec::new();
    for t in &doc.tickers {
        match Symbol::parse(&t.symbol) {
            Ok(symbol) => tickers.push(TickerRecord {
                symbol,
                name: t.name.clone(),
                exchange: t.exchange.clone(),
                aliases: t.aliases.clone(),
            }),
            Err(why) => report.warn(format!("ticker {}", t.symbol), why.to_string()),
        }
    }
    let mut batch = store.batch()?;
    for s in &doc.sources {
        if let Some(record) = sources.get(s.url.as_str()) {
            batch.import_source(record)?;
        }
    }
    for ticker in &tickers {
        batch.import_ticker(ticker)?;
    }
    batch.commit()?;
    take_files_in(store, doc, json, &sources, &mut report, watch)?;

    let import = store.start_import(label)?;
    let note_uids: HashSet<&str> = doc.notes.iter().map(|n| n.uid.as_str()).collect();
    let mut claims_of: HashMap<&str, Vec<ClaimRecord>> = HashMap::new();
    let mut loose = Vec::new();
    let mut elsewhere = Vec::new();
    let mut claim_uids = HashSet::new();
    for claim in &doc.claims {
        let label = format!("claim {}", claim.uid);
        if !claim_uids.insert(claim.uid.as_str()) {
            report.skip(label, "an earlier claim in the file has the same uid");
            continue;
        }
        match claim_record(claim, &sources) {
            Ok(record) => match claim.note.as_deref() {
                Some(note) if note_uids.contains(note) => claims_of.entry(note).or_default().push(record),
                Some(note) => elsewhere.push((note, record)),
                None => loose.push(record),
            },
            Err(why) => report.skip(label, why),
        }
    }

    let mut done = 0;
    let mut seen = HashSet::new();
    let mut stored = HashMap::new();
    for chunk in doc.notes.chunks(options.batch_size.max(1)) {
        if watch.cancelled() {
            report.cancelled = true;
            break;
        }
        let mut batch = store.import_batch(import)?;
        for note in chunk {
            let label = format!("note {}", note.uid);
            let claims = claims_of.remove(note.uid.as_str()).unwrap_or_default();
            if !seen.insert(note.uid.as_str()) {
                report.skip(label, with_claims("an earlier note in the file has the same uid", claims.len()));
                continue;
            }
            let count = claims.len();
            let mut record = match note_record(note, &sources, claims) {
                Ok(record) => record,
                Err(why) => {
                    report.skip(label, with_claims(&why, count));
                    continue;
                }
            };
            if record.draft.title.trim().is_empty() {
                record.draft.title = "Untitled".to_owned();
                report.warn(label.clone(), "has an empty title: imported as \"Untitled\"");
            }
            match batch.import_note(&record) {
                Ok(merged) => {
                    report.count(merged.outcome);
                    stored.insert(note.uid.as_str(), merged.outcome);
                    for remark in merged.remarks {
                        report.warn(label.clone(), remark);
                    }
                }
                Err(StoreError::Invalid(why)) => report.skip(label, with_claims(&why.to_string(), count)),
                Err(other) => return Err(other.into()),
            }
        }
        batch.commit()?;
        done += chunk.len() as u64;
        watch.report(report.progress(Phase::Importing, done, Some(total)));
    }
    if !report.cancelled {
        let mut batch = store.import_batch(import)?;
        // A claim whose note is not in the file joins that note when it is stored here; else it
        // is kept outside notes, and the report says so.
        for (note, claim) in &elsewhere {
            let label = format!("claim {}", claim.uid.as_deref().unwrap_or_default());
            match batch.import_claim_into(note, claim) {
                Ok(Some(remarks)) => remarks.into_iter().for_each(|r| report.warn(label.clone(), r)),
                Ok(None) => {
                    report.warn(
                        label.clone(),
                        format!("its note {note:?} is neither in the file nor here: kept outside notes"),
                    );
                    loose.push(claim.clone());
                }
                Err(StoreError::Invalid(why)) => report.skip(label, why.to_string()),
                Err(other) => return Err(other.into()),
            }
        }
        for claim in &loose {
            let label = format!("claim {}", claim.uid.as_deref().unwrap_or_default());
            match batch.import_claim(claim) {
                Ok((_, remarks)) => remarks.into_iter().for_each(|r| report.warn(label.clone(), r)),
                Err(StoreError::Invalid(why)) => report.skip(label, why.to_string()),
                Err(other) => return Err(other.into()),
            }
        }
        for link in &doc.claim_links {
            if !batch.import_claim_link(&link.from, &link.to, link.kind)? {
                report.skip(format!("claim link {} → {}", link.from, link.to), "names a claim that is not stored");
            }
        }
        batch.commit()?;
        name_quote_pages(store, doc, &sources)?;
        let folder = json_documents::files_folder(doc, json);
        json_attachments::take_in(store, doc, folder.as_deref(), &stored, &mut report, watch)?;
    }
    report.import_id = store.finish_import(import, report.imported, report.updated, report.conflicts)?;
    watch.report(report.progress(Phase::Done, done, Some(total)));
    Ok(report)
}

/// Names the pages of the claims' quotes (a claim is stored with its quotes first; naming a
/// page checks the quote again against that page).
fn name_quote_pages(
    store: &mut Store,
    doc: &Document,
    sources: &HashMap<&str, SourceRecord>,
) -> Result<(), ImportError> {
    for claim in &doc.claims {
        for cited in claim.sources.iter().filter(|s| s.quote.is_some()) {
            let (Some(page), Some(record)) = (cited.page, sources.get(cited.url.as_str())) else { continue };
            store.set_quote_page(&claim.uid, &record.draft.url.canonical, page)?;
        }
    }
    Ok(())
}
