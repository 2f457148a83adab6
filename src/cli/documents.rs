//! `jevons source add --file`, `source find`, `source show`, `claim show`: documents in, found
//! and read, and the anchors of claims' quotes.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde_json::{Value, json};

use super::output;
use crate::model::{SourceUrl, TextStatus};
use crate::query;
use crate::session::documents::{AddFile, add_file as add};
use crate::store::Store;

pub(super) fn add_file(
    store: &mut Store,
    path: &Path,
    url: Option<&str>,
    title: Option<String>,
    keep_unreadable: bool,
) -> anyhow::Result<()> {
    let request = AddFile { path, url: url.map(SourceUrl::parse).transpose()?, title, keep_unreadable };
    let added = add(store, &request, &mut |_, _| {}, &AtomicBool::new(false))?;
    if added.already_stored {
        eprintln!("jevons: this file was already stored (document {}); it was not stored again", added.document_id);
    }
    if added.text_status != TextStatus::Text {
        eprintln!("jevons: {}: {}", output::printable(&path.display().to_string()), added.text_status.describe());
    }
    println!("{}", added.source_id);
    Ok(())
}

pub(super) fn find(store: &Store, text: &str, limit: usize, as_json: bool) -> anyhow::Result<()> {
    let parsed = query::parse(text)?;
    let hits = store.find_in_documents(&parsed, limit)?;
    if as_json {
        return output::json(&hits);
    }
    for hit in &hits.results {
        output::line(&format!("{:>6}  p.{:<4} {}", hit.source_id, hit.page, hit.title));
        output::line(&format!("        {}", hit.snippet.replace('\n', " ")));
    }
    output::line(&format!("{} page(s)", hits.total));
    Ok(())
}

pub(super) fn show(store: &Store, id: i64, page: Option<u32>, as_json: bool) -> anyhow::Result<()> {
    let source = store.source(id)?;
    let document = store.source_document(id)?;
    let pages = match &document {
        Some(d) => store.document_pages(d.id, page)?,
        None => Vec::new(),
    };
    if let (Some(page), Some(d)) = (page, &document)
        && pages.is_empty()
    {
        anyhow::bail!("source {id}'s document has no page {page} (it has {})", d.page_count);
    }
    if as_json {
        return output::json(&json!({ "source": source, "document": document, "pages": pages }));
    }
    output::line(&format!("{}  {}", source.id, source.title.as_deref().unwrap_or(&source.url)));
    match &document {
        None => output::line("no document"),
        Some(d) => output::line(&format!(
            "{}, {} page(s), {} bytes: {}",
            d.media_type.label(),
            d.page_count,
            d.size,
            d.text_status.describe()
        )),
    }
    for p in &pages {
        println!("\n--- page {} ---", p.page);
        // Line by line: the page keeps its lines, and each line's control characters are shown.
        for text in p.text.lines() {
            output::line(text);
        }
    }
    Ok(())
}

pub(super) fn show_claim(store: &Store, id: i64, as_json: bool) -> anyhow::Result<()> {
    let claim = store.claim(id)?;
    let quote = store.claim_quote(id)?;
    if as_json {
        let mut value = serde_json::to_value(&claim)?;
        value["quote"] = serde_json::to_value(&quote)?;
        return output::json(&value);
    }
    output::line(&format!("{}  {}", claim.id, claim.text));
    if let Some(q) = quote {
        let page = q.page.map(|p| format!(" (page {p})")).unwrap_or_default();
        let state = match (q.anchored, q.found_page) {
            (None, _) => "not checked: the source holds no document".to_owned(),
            (Some(a), Some(found)) => format!("{} on page {found}", a.as_str()),
            (Some(a), None) => a.as_str().to_owned(),
        };
        output::line(&format!("“{}”{page}: {state}", q.text));
    }
    Ok(())
}

/// Gives each claim object in `claims` (a JSON array) its `quote`.
pub(super) fn add_quotes(store: &Store, claims: &mut Value) -> anyhow::Result<()> {
    if let Some(claims) = claims.as_array_mut() {
        for claim in claims {
            if let Some(id) = claim.get("id").and_then(Value::as_i64) {
                claim["quote"] = serde_json::to_value(store.claim_quote(id)?)?;
            }
        }
    }
    Ok(())
}
