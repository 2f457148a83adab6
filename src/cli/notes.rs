//! `jevons note …`: add, show, edit, rm, restore.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, bail};

use super::{BodyArgs, NoteCommand, output};
use crate::model::{MAX_BODY_BYTES, Note, NoteDraft, NoteEdit, NoteId, Symbol, TagName, read_properties};
use crate::session::properties::{self, PropertyChange};
use crate::session::trash;
use crate::store::{NoteLink, Store};

/// `note show --json`: the note, the links in its text and the notes linking to it.
#[derive(serde::Serialize)]
struct ShownNote<'a> {
    #[serde(flatten)]
    note: &'a Note,
    links: &'a [NoteLink],
    backlinks: &'a [NoteId],
    /// The front matter's properties, typed (`{"conviction": "high", "price_target": 180}`).
    properties: serde_json::Map<String, serde_json::Value>,
}

pub(super) fn run(store: &mut Store, command: NoteCommand) -> anyhow::Result<()> {
    match command {
        NoteCommand::Add { title, body, tags, tickers, props } => {
            let changes = parse_all(&props, PropertyChange::parse)?;
            let draft = NoteDraft {
                title,
                body: properties::apply(&read_body(&body)?.unwrap_or_default(), &changes)?,
                tags: parse_all(&tags, TagName::parse)?,
                tickers: parse_all(&tickers, Symbol::parse)?,
                ..NoteDraft::default()
            };
            println!("{}", store.create_note(&draft)?);
        }
        NoteCommand::Show { id, json } => {
            let note = store.note(id)?;
            let links = store.note_links(id)?;
            let backlinks: Vec<NoteId> = store.backlinks(id)?.into_iter().map(|n| n.id).collect();
            if json {
                let properties = read_properties(&note.body).into_iter().map(|p| (p.key, p.value.to_json())).collect();
                let mut shown =
                    serde_json::to_value(ShownNote { note: &note, links: &links, backlinks: &backlinks, properties })?;
                super::documents::add_quotes(store, &mut shown["claims"])?;
                output::json(&shown)?;
            } else {
                output::note(&note);
                output::links(&links, &backlinks);
            }
        }
        NoteCommand::Edit { id, title, body, tags, untags, tickers, untickers, props } => {
            let changes = parse_all(&props, PropertyChange::parse)?;
            let mut body = read_body(&body)?;
            if !changes.is_empty() {
                let text = match body {
                    Some(text) => text,
                    None => store.note(id)?.body,
                };
                body = Some(properties::apply(&text, &changes)?);
            }
            let edit = NoteEdit {
                title,
                body,
                add_tags: parse_all(&tags, TagName::parse)?,
                remove_tags: parse_all(&untags, TagName::parse)?,
                add_tickers: parse_all(&tickers, Symbol::parse)?,
                remove_tickers: parse_all(&untickers, Symbol::parse)?,
                expected_version: None,
            };
            store.edit_note(id, &edit)?;
        }
        NoteCommand::Rm { id } => {
            trash::trash(store, id)?;
        }
        NoteCommand::Restore { id } => trash::restore(store, id)?,
    }
    Ok(())
}

fn parse_all<T>(values: &[String], parse: impl Fn(&str) -> Result<T, crate::model::Invalid>) -> anyhow::Result<Vec<T>> {
    Ok(values.iter().map(|v| parse(v)).collect::<Result<_, _>>()?)
}

/// The body from `--body`, `--body-file F` or `--body-file -` (standard input), as UTF-8 text.
/// An empty (or blank) body is refused unless `--allow-empty` was given.
fn read_body(args: &BodyArgs) -> anyhow::Result<Option<String>> {
    if let Some(body) = &args.body {
        if body.trim().is_empty() && !args.allow_empty {
            bail!("the --body given is empty: nothing was saved (--allow-empty saves an empty body)");
        }
        return Ok(Some(body.clone()));
    }
    let Some(path) = &args.body_file else { return Ok(None) };
    let limit = MAX_BODY_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let name = if path == Path::new("-") {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes).context("cannot read standard input")?;
        "standard input".to_owned()
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        file.take(limit).read_to_end(&mut bytes).with_context(|| format!("cannot read {}", path.display()))?;
        path.display().to_string()
    };
    if bytes.len() > MAX_BODY_BYTES {
        bail!("{name} is larger than the {} MB a note can hold", MAX_BODY_BYTES / (1024 * 1024));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    if text.trim().is_empty() && !args.allow_empty {
        bail!("{name} is empty: nothing was saved (--allow-empty saves an empty body)");
    }
    Ok(Some(text))
}
