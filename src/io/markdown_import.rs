//! Markdown import: a file or a folder (recursively) of Markdown notes, from Obsidian, Joplin or
//! anywhere, into the store.
//!
//! Per file: YAML front matter (`title`, `tags`, `aliases`, `created`/`updated`/`date`,
//! `tickers`, `source`/`url`, and the `uid`, `sources` and `claims` the Markdown export writes;
//! every other key is kept as a property, in a block at the head of the body),
//! inline `#tags`, `$cashtags` (found by the store), wikilinks kept as typed. The title is the
//! front matter's, else the first heading's, else the file name. Dates without a time zone are
//! UTC; with no date the file's modified time is used.
//!
//! A note's identity is the front matter `uid` when present, else `md-id:` and its `id`, else
//! `md:` with the imported folder's name and the file's path inside it
//! (`md:vault/Research/NVDA.md`), so importing the same folder again updates those notes. Files
//! that cannot be read as text (not UTF-8, empty, too large, binary) are skipped with the reason
//! and the import goes on; broken front matter is imported as plain text with a warning.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::mpsc;

use serde_norway::{Mapping, Value};

use super::attachments::{Incoming, Keeper, Reader, Vault, note_of};
use super::front_matter::{self, FmClaim, FmSource, Split, field, scalar, strings, words};
use super::inline_tags::inline_tags;
pub use super::note_dates::parse_time;
use super::own_fields;
use super::property_kinds::PropertyKinds;
use super::walk::{self, Found};
use super::{ImportError, ImportOptions, ImportReport, Phase, Watch};
use crate::model::{
    ClaimDraft, ClaimTicker, MAX_TITLE_CHARS, NoteDraft, PropertyValue, SourceDraft, SourceKind, SourceUrl, Stance,
    Status, Symbol, TagName, Timestamp, derived_uid, parse_date, validate_text,
};
use crate::store::{ClaimRecord, NoteRecord, SourceRecord, Store, StoreError};

/// A file read and understood, ready to store, with remarks for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedNote {
    pub record: NoteRecord,
    pub warnings: Vec<String>,
}

/// Imports the Markdown file or folder at `path` (see the module documentation).
pub fn import(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    watch: &mut Watch,
) -> Result<ImportReport, ImportError> {
    let mut report = ImportReport::default();
    watch.report(report.progress(Phase::Scanning, 0, None));
    let mut last_shown = std::time::Instant::now();
    let mut walk = walk::markdown_files(path, &mut |found| {
        // A folder is listed in microseconds: report a few times a second, not per folder.
        if last_shown.elapsed() >= std::time::Duration::from_millis(200) {
            last_shown = std::time::Instant::now();
            watch.report(ImportReport::default().progress(Phase::Scanning, found, None));
        }
        !watch.cancelled()
    })?;
    // Cancelled while looking for files: what was found is not imported.
    let scan_cut = watch.cancelled();
    report.skipped = walk.skipped.clone();
    let vault = Vault::new(std::mem::take(&mut walk.others));
    let mut keeper = Keeper::default();
    let total = walk.files.len() as u64;
    let batch_size = options.batch_size.max(1);
    let root_name = &walk.root_name;
    let files = &walk.files;
    let cancel = watch.flag();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut kinds = PropertyKinds::default();
    let mut done = 0;
    let import = store.start_import(&path.display().to_string())?;
    watch.report(report.progress(Phase::Importing, 0, Some(total)));
    std::thread::scope(|scope| -> Result<(), ImportError> {
        // Files are read and parsed on a second thread while the previous batch is stored.
        let (sender, receiver) = mpsc::sync_channel::<Vec<(&Found, Result<ParsedNote, String>, Vec<Incoming>)>>(1);
        let vault = &vault;
        scope.spawn(move || {
            let mut reader = Reader::default();
            for chunk in files.chunks(batch_size) {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                let parsed = chunk
                    .iter()
                    .map(|found| {
                        let note = read_note(found, root_name, options);
                        let files = match &note {
                            Ok(note) => reader.links(vault, found, &note.record.draft.body),
                            Err(_) => Vec::new(),
                        };
                        (found, note, files)
                    })
                    .collect();
                if sender.send(parsed).is_err() {
                    break;
                }
            }
        });
        for parsed in receiver.iter() {
            if watch.cancelled() {
                break;
            }
            done += parsed.len() as u64;
            let mut batch = store.import_batch(import)?;
            for (found, result, attached) in parsed {
                let note = match result {
                    Ok(note) => note,
                    Err(reason) => {
                        report.skip(&found.relative, reason);
                        continue;
                    }
                };
                let uid = note.record.draft.uid.clone().unwrap_or_default();
                if let Some(first) = seen.get(&uid) {
                    report.skip(&found.relative, format!("has the same id ({uid}) as {first}, which was imported"));
                    continue;
                }
                match batch.import_note(&note.record) {
                    Ok(merged) => {
                        report.count(merged.outcome);
                        keeper.attach(
                            &mut batch,
                            vault,
                            note_of(merged.outcome),
                            &found.relative,
                            attached,
                            &mut report,
                        )?;
                        for remark in merged.remarks {
                            report.warn(&found.relative, remark);
                        }
                    }
                    Err(StoreError::Invalid(why)) => {
                        report.skip(&found.relative, why.to_string());
                        continue;
                    }
                    Err(other) => return Err(other.into()),
                }
                seen.insert(uid, found.relative.clone());
                kinds.check(&note.record.draft.body, &found.relative, &mut report);
                for warning in note.warnings {
                    report.warn(&found.relative, warning);
                }
            }
            batch.commit()?;
            watch.report(report.progress(Phase::Importing, done, Some(total)));
        }
        Ok(())
    })?;
    report.attachments = keeper.count();
    report.ignored = walk.ignored + vault.len() as u64 - keeper.count();
    report.cancelled = (done < total || scan_cut) && watch.cancelled();
    report.import_id = store.finish_import(import, report.imported, report.updated, report.conflicts)?;
    watch.report(report.progress(Phase::Done, done, Some(total)));
    Ok(report)
}

/// Reads one file and parses it, or says why it cannot be imported.
fn read_note(found: &Found, root_name: &str, options: &ImportOptions) -> Result<ParsedNote, String> {
    let (text, modified) = read_text(&found.path, options.max_file_bytes)?;
    if let Some(reason) = front_matter::refused(&text) {
        return Err(reason);
    }
    let stem = Path::new(&found.relative).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let path_identity = format!("md:{root_name}/{}", found.relative);
    Ok(parse_note(&text, &stem, &path_identity, modified))
}

/// Opens a file without following a symbolic link and without blocking on a pipe.
pub(super) fn open_plain(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The text of a file (UTF-8, or UTF-16 with a byte-order mark), with its line ends as
/// written (`\r\n` stays), and its modified time; or why it is not a text note.
pub fn read_text(path: &Path, max_bytes: u64) -> Result<(String, Option<Timestamp>), String> {
    let file = open_plain(path).map_err(|e| format!("cannot be read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot be read: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    let megabytes = |n: u64| n as f64 / (1024.0 * 1024.0);
    if meta.len() > max_bytes {
        return Err(format!(
            "larger than the {:.0} MB a note can hold ({:.1} MB)",
            megabytes(max_bytes),
            megabytes(meta.len())
        ));
    }
    let modified = meta.modified().ok().and_then(|t| {
        let millis = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_millis();
        Some(Timestamp::from_millis(i64::try_from(millis).ok()?))
    });
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!("larger than the {:.0} MB a note can hold", megabytes(max_bytes)));
    }
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err("empty file".into());
    }
    if text.contains('\0') {
        return Err("contains NUL bytes (a binary file, not text)".into());
    }
    Ok((text, modified))
}

fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let utf16 = |units: Vec<u16>| String::from_utf16(&units).map_err(|_| "not valid UTF-16 text".to_owned());
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest).map(str::to_owned).map_err(|e| not_utf8(e, 3)),
        [0xFF, 0xFE, rest @ ..] => {
            utf16(rest.chunks(2).map(|p| u16::from_le_bytes([p[0], *p.get(1).unwrap_or(&0)])).collect())
        }
        [0xFE, 0xFF, rest @ ..] => {
            utf16(rest.chunks(2).map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)])).collect())
        }
        _ => String::from_utf8(bytes).map_err(|e| not_utf8(e.utf8_error(), 0)),
    }
}

fn not_utf8(err: std::str::Utf8Error, skipped: usize) -> String {
    format!(
        "not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and import again",
        err.valid_up_to() + skipped
    )
}

/// Understands one Markdown text: `stem` is the file name without its extension (the title of
/// last resort), `path_identity` the identity when the front matter gives none, `modified` the
/// file's time (used when the front matter has no dates).
pub fn parse_note(text: &str, stem: &str, path_identity: &str, modified: Option<Timestamp>) -> ParsedNote {
    let mut warnings = Vec::new();
    let (fields, body) = match front_matter::split(text) {
        Split::Plain(body) => (Mapping::new(), body),
        Split::Fields(map, body) => (map, body),
        Split::Invalid { reason, text } => {
            warnings.push(format!("{reason}: imported as plain text"));
            (Mapping::new(), text)
        }
    };
    let get = |keys: &[&str]| field(&fields, keys);
    let uid = get(&["uid"])
        .and_then(scalar)
        .and_then(valid_identity)
        .or_else(|| get(&["id"]).and_then(scalar).and_then(valid_identity).map(|id| format!("md-id:{id}")))
        .unwrap_or_else(|| path_identity.to_owned());

    // A file the Markdown export wrote (a `uid` and a `tags` list) says everything itself: its
    // title exactly as stored and its whole set of tags.
    let from_jevons = get(&["uid"]).is_some() && get(&["tags"]).is_some();
    let given_title = get(&["title"]).and_then(scalar);
    let title = match given_title {
        Some(exact) if from_jevons && validate_text(&exact, "").is_ok() => exact,
        given => title(given, body, stem, &mut warnings),
    };

    let mut tags = Vec::new();
    let mut tag_keys = std::collections::HashSet::new();
    let listed = get(&["tags", "tag", "keywords"]).map(words).unwrap_or_default();
    let inline = if from_jevons { Vec::new() } else { inline_tags(body) };
    for typed in listed.iter().chain(&inline) {
        match TagName::parse(typed) {
            Ok(tag) => {
                if tag_keys.insert(tag.key()) {
                    tags.push(tag);
                }
            }
            Err(why) => warnings.push(format!("tag ignored: {why}")),
        }
    }

    let mut tickers: Vec<Symbol> = Vec::new();
    for typed in get(&["tickers", "ticker", "symbols"]).map(words).unwrap_or_default() {
        match Symbol::parse(&typed) {
            Ok(symbol) if !tickers.contains(&symbol) => tickers.push(symbol),
            Ok(_) => {}
            Err(why) => warnings.push(format!("ticker ignored: {why}")),
        }
    }

    let mut time = |keys: &[&str]| -> Option<Timestamp> {
        let text = get(keys).and_then(scalar)?;
        let parsed = parse_time(&text);
        if parsed.is_none() {
            warnings.push(format!("{}: {text:?} is not a date; the file's time was used", keys[0]));
        }
        parsed
    };
    let created = time(&["created", "date", "created_at", "date created", "creation date"]);
    let updated = time(&["updated", "modified", "updated_at", "date modified", "last modified", "lastmod"]);
    let deleted = time(&["deleted", "deleted_at"]);
    let created_at = created.or(updated).or(modified);
    let updated_at = updated.or(if created.is_some() { modified.max(created) } else { modified }).or(created_at);

    let author = get(&["author"]).and_then(scalar);
    let mut sources = Vec::new();
    for url in get(&["source", "url", "source_url"]).map(strings).unwrap_or_default() {
        match SourceUrl::parse(&url) {
            Ok(url) => {
                let mut draft = SourceDraft::new(url);
                draft.author = author.clone();
                sources.push(SourceRecord::new(draft));
            }
            Err(why) => warnings.push(format!("source ignored: {why}")),
        }
    }
    if let Some(Value::Sequence(items)) = get(&["sources"]) {
        for item in items {
            let entry = match item {
                Value::Mapping(_) => serde_norway::from_value::<FmSource>(item.clone()).map_err(|e| e.to_string()),
                other => scalar(other)
                    .map(|url| FmSource { url, ..FmSource::default() })
                    .ok_or_else(|| "a source must be an address or a list of fields".to_owned()),
            };
            match entry.and_then(|e| source_record(&e)) {
                Ok(record) => sources.push(record),
                Err(why) => warnings.push(format!("source ignored: {why}")),
            }
        }
    }

    let mut claims: Vec<ClaimRecord> = Vec::new();
    if let Some(Value::Sequence(items)) = get(&["claims"]) {
        for (index, item) in items.iter().enumerate() {
            let claim = serde_norway::from_value::<FmClaim>(item.clone())
                .map_err(|e| e.to_string())
                .and_then(|c| claim_record(&c));
            match claim {
                Ok(record) if record.uid.as_ref().is_some_and(|u| claims.iter().any(|c| c.uid.as_ref() == Some(u))) => {
                    warnings.push(format!("claim {} ignored: an earlier claim has the same uid", index + 1));
                }
                Ok(mut record) => {
                    // A claim written without a uid gets one from the note, its text and how
                    // many claims before it say the same: stable when the file is imported
                    // again, and two claims with the same text stay two.
                    if record.uid.is_none() {
                        let twins = claims.iter().filter(|c| c.draft.text == record.draft.text).count().to_string();
                        record.uid = Some(derived_uid("claim", &[&uid, &record.draft.text, &twins]));
                    }
                    claims.push(record);
                }
                Err(why) => warnings.push(format!("claim {} ignored: {why}", index + 1)),
            }
        }
    }
    let content_hash = get(&["content_hash"]).and_then(scalar).and_then(valid_identity);

    // Every other key is a property, kept in a block at the head of the body as written (and so
    // are the note's own fields when written otherwise than the export writes them).
    let properties: Mapping =
        fields.into_iter().filter(|(k, v)| own_fields::keep_as_property(k, v, &title, &tags)).collect();
    for (key, value) in &properties {
        if let Some(kinds) = PropertyValue::from_yaml(value).mixed_kinds() {
            let key = scalar(key).unwrap_or_default();
            warnings.push(format!("property {key:?} mixes values of types {}; kept as written", kinds.join(", ")));
        }
    }
    // YAML that reads but cannot be written again (a map as a key: `created: {{date}}` in a
    // template) stays at the head of the body exactly as the file had it.
    let body = front_matter::join(&properties, body).unwrap_or_else(|why| {
        warnings.push(format!("{why}: the front matter is kept as text at the head of the note"));
        text.to_owned()
    });
    let draft = NoteDraft { title, body, tags, tickers, created_at, updated_at, uid: Some(uid) };
    let record =
        NoteRecord { draft, deleted_at: deleted, sources, claims, revisions: Vec::new(), base_hash: content_hash };
    ParsedNote { record, warnings }
}

/// An identity from front matter: one line of printable text, at most 200 characters.
fn valid_identity(text: String) -> Option<String> {
    let text = text.trim().to_owned();
    let fine = !text.is_empty() && text.chars().count() <= 200 && !text.chars().any(char::is_control);
    fine.then_some(text)
}

/// The title: the front matter's, else the first heading's, else the file name; one line, at
/// most [`MAX_TITLE_CHARS`] characters.
fn title(given: Option<String>, body: &str, stem: &str, warnings: &mut Vec<String>) -> String {
    // Control characters count as spaces, so a title made only of them is empty and the next
    // candidate is taken.
    let tidy = |text: &str| {
        let visible: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        visible.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let chosen = given
        .map(|t| tidy(&t))
        .filter(|t| !t.is_empty())
        .or_else(|| first_heading(body).map(|t| tidy(&t)).filter(|t| !t.is_empty()))
        .unwrap_or_else(|| tidy(stem));
    let chosen: String = chosen.chars().filter(|c| !c.is_control()).collect();
    if chosen.chars().count() > MAX_TITLE_CHARS {
        warnings.push(format!("title shortened to {MAX_TITLE_CHARS} characters"));
        return chosen.chars().take(MAX_TITLE_CHARS).collect();
    }
    if chosen.is_empty() { "Untitled".to_owned() } else { chosen }
}

/// The text of the first ATX heading (`# Title`) outside fenced code.
fn first_heading(body: &str) -> Option<String> {
    let mut fence: Option<char> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if line.len() - trimmed.len() > 3 {
            continue;
        }
        if let Some(marker) = fence {
            if trimmed.starts_with(&String::from(marker).repeat(3)) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = trimmed.chars().next();
            continue;
        }
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].chars().next().is_none_or(|c| c == ' ' || c == '\t') {
            let text = trimmed[hashes..].trim();
            let text = text.trim_end_matches('#').trim_end();
            return Some(text.to_owned());
        }
    }
    None
}

fn source_record(entry: &FmSource) -> Result<SourceRecord, String> {
    // A source that is a file alone is named by its file's hash (`document:<sha256>`).
    let url = SourceUrl::parse_reference(&entry.url).map_err(|e| e.to_string())?;
    let kind = match &entry.kind {
        Some(kind) => SourceKind::parse(kind).map_err(|e| e.to_string())?,
        None => SourceKind::default(),
    };
    let published_at = entry.published.as_deref().map(parse_date).transpose().map_err(|e| e.to_string())?;
    Ok(SourceRecord::new(SourceDraft {
        url,
        title: entry.title.clone(),
        publisher: entry.publisher.clone(),
        author: entry.author.clone(),
        published_at,
        kind,
    }))
}

fn claim_record(entry: &FmClaim) -> Result<ClaimRecord, String> {
    let mut tickers = Vec::new();
    for t in &entry.tickers {
        let symbol = Symbol::parse(&t.symbol).map_err(|e| e.to_string())?;
        let stance = t.stance.as_deref().map(Stance::parse).transpose().map_err(|e| e.to_string())?;
        tickers.push(ClaimTicker { symbol, stance });
    }
    let status = entry.status.as_deref().map(Status::parse).transpose().map_err(|e| e.to_string())?;
    let draft = ClaimDraft {
        text: entry.text.clone(),
        value: entry.value,
        unit: entry.unit.clone(),
        currency: entry.currency.clone(),
        as_of: entry.as_of.clone(),
        claimant: entry.claimant.clone(),
        status: status.unwrap_or_default(),
        note_id: None,
        tickers,
        sources: Vec::new(),
    };
    let draft = draft.validate().map_err(|e| e.to_string())?;
    let mut sources = Vec::new();
    for s in &entry.sources {
        sources.push((source_record(s)?, s.quote.clone()));
    }
    Ok(ClaimRecord {
        uid: entry.uid.clone().and_then(valid_identity),
        draft,
        sources,
        created_at: entry.created.as_deref().and_then(parse_time),
        updated_at: entry.updated.as_deref().and_then(parse_time),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<Timestamp> {
        Timestamp::parse(text).ok()
    }

    #[test]
    fn titles_come_from_front_matter_then_heading_then_file_name() {
        let title_of = |text: &str| parse_note(text, "file name", "md:v/f.md", None).record.draft.title;
        for (text, expected) in [
            ("---\ntitle: From front matter\n---\n# Heading\n", "From front matter"),
            ("---\ntitle: 2025\n---\nbody", "2025"),
            ("Intro\n\n## First heading ##\n# Second", "First heading"),
            ("```\n# not a heading\n```\nplain", "file name"),
            ("#notaheading\nplain", "file name"),
            ("---\ntitle: \"  \"\n---\n# Heading", "Heading"),
        ] {
            assert_eq!(title_of(text), expected, "{text:?}");
        }
    }

    #[test]
    fn identity_is_the_uid_then_the_id_then_the_path() {
        let uid_of = |text: &str| parse_note(text, "f", "md:v/f.md", None).record.draft.uid.unwrap();
        assert_eq!(uid_of("---\nuid: abc123\nid: 7\n---\n"), "abc123");
        assert_eq!(uid_of("---\nid: 7\n---\n"), "md-id:7");
        assert_eq!(uid_of("no front matter"), "md:v/f.md");
        assert_eq!(uid_of("---\nuid: \"\"\n---\n"), "md:v/f.md");
    }

    #[test]
    fn dates_fall_back_to_the_file_time() {
        let file_time = at("2026-03-01T10:00:00Z");
        let dates = |text: &str| {
            let d = parse_note(text, "f", "md:v/f.md", file_time).record.draft;
            (d.created_at, d.updated_at)
        };
        let day = |d: &str| at(d);
        assert_eq!(dates("plain"), (file_time, file_time));
        assert_eq!(dates("---\ndate: 2025-01-02\n---\n"), (day("2025-01-02"), file_time));
        assert_eq!(
            dates("---\ncreated: 2025-01-02\nupdated: 2025-02-03\n---\n"),
            (day("2025-01-02"), day("2025-02-03"))
        );
        assert_eq!(dates("---\nupdated: 2025-02-03\n---\n"), (day("2025-02-03"), day("2025-02-03")));
    }

    #[test]
    fn text_that_is_not_a_note_is_refused_with_a_reason() {
        for (bytes, reason) in [
            (&b""[..], "empty file"),
            (b"  \n\n", "empty file"),
            (b"caf\xe9 latin-1", "not UTF-8 text (invalid byte at offset 3)"),
            (b"a\0b", "contains NUL bytes"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("x.md");
            std::fs::write(&path, bytes).unwrap();
            let err = read_text(&path, 1000).unwrap_err();
            assert!(err.starts_with(reason), "{bytes:?}: {err}");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        std::fs::write(&path, vec![b'a'; 2000]).unwrap();
        assert!(read_text(&path, 1000).unwrap_err().starts_with("larger than"));
    }

    #[test]
    fn bom_and_utf16_and_crlf_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        std::fs::write(&path, b"\xEF\xBB\xBFline 1\r\nline 2").unwrap();
        assert_eq!(read_text(&path, 1000).unwrap().0, "line 1\r\nline 2", "line ends stay as written");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Olá".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        std::fs::write(&path, utf16).unwrap();
        assert_eq!(read_text(&path, 1000).unwrap().0, "Olá");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Whatever a file holds, reading it gives a note with a one-line title and the text
        /// after the front matter as its body (after the properties' block), and never panics.
        #[test]
        fn any_text_parses_into_a_note(
            text in r"(---\n|[-#`~$%\[\]:|a-zé ]|\n|\t|🚀|title: |tags: |\[\[){0,60}"
        ) {
            let parsed = parse_note(&text, "stem", "md:v/f.md", None);
            let draft = parsed.record.draft;
            proptest::prop_assert!(!draft.title.is_empty());
            proptest::prop_assert!(!draft.title.contains('\n'));
            proptest::prop_assert!(draft.title.chars().count() <= MAX_TITLE_CHARS);
            let after = match front_matter::split(&draft.body) {
                Split::Fields(_, after) => after,
                _ => &draft.body,
            };
            proptest::prop_assert!(text.ends_with(after), "the body is the text after the front matter");
            proptest::prop_assert!(validate_text(&draft.title, &draft.body).is_ok());
        }
    }
}
