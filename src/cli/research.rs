//! `jevons search`, `source add`, `claim add`, `ticker`, `tickers`, `tags`, `demo`, `check`.

use std::time::{Duration, Instant};

use anyhow::bail;
use serde_json::json;

use super::{ClaimArgs, output};
use crate::model::{
    ClaimDraft, ClaimTicker, Invalid, SourceDetails, SourceDraft, SourceKind, SourceUrl, Status, parse_date,
    parse_value,
};
use crate::query;
use crate::store::{Store, Total};

/// How long `jevons search` counts matches before giving a lower bound instead (the whole
/// command stays within about 50 ms at a million notes).
pub(super) const COUNT_BUDGET: Duration = Duration::from_millis(25);

pub(super) fn search(store: &Store, text: &str, shown: &super::SearchShown) -> anyhow::Result<()> {
    let (limit, as_json, exact) = (shown.limit, shown.json, shown.count);
    let parsed = query::parse(text)?;
    if !parsed.ignored.is_empty() {
        eprintln!("jevons: ignored {} (nothing to search for)", output::printable(&parsed.ignored.join(" ")));
    }
    let started = Instant::now();
    let page = store.page(&parsed, None, limit)?;
    let shown = page.results.len() as u64;
    let total = if page.next.is_none() {
        Total::Exact(shown)
    } else if exact {
        Total::Exact(store.count(&parsed)?)
    } else {
        match store.count_within(&parsed, COUNT_BUDGET.saturating_sub(started.elapsed()))? {
            Total::AtLeast(n) => Total::AtLeast(n.max(shown)),
            exact => exact,
        }
    };
    if as_json {
        let mut out = json!({ "query": text, "order": page.order, "results": page.results });
        match total {
            Total::Exact(n) => out["total"] = json!(n),
            Total::AtLeast(n) => {
                out["total"] = serde_json::Value::Null;
                out["total_at_least"] = json!(n);
            }
        }
        output::json(&out)
    } else {
        output::search(&page.results, total);
        Ok(())
    }
}

pub(super) fn add_source(
    store: &mut Store,
    url: &str,
    title: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    published: Option<String>,
    kind: Option<String>,
) -> anyhow::Result<()> {
    let draft = SourceDraft {
        url: SourceUrl::parse(url)?,
        title,
        publisher,
        author,
        published_at: published.as_deref().map(parse_date).transpose()?,
        kind: kind.as_deref().map(SourceKind::parse).transpose()?.unwrap_or_default(),
    };
    println!("{}", store.add_source(&draft)?);
    Ok(())
}

/// The fields `jevons source edit` was given (an empty one clears the field).
pub(super) struct SourceChanges {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub kind: Option<String>,
}

pub(super) fn edit_source(store: &mut Store, id: i64, changes: SourceChanges, json: bool) -> anyhow::Result<()> {
    let mut details = SourceDetails::of(&store.source(id)?);
    let given = |value: Option<String>, field: &mut Option<String>| {
        if let Some(value) = value {
            *field = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        }
    };
    given(changes.title, &mut details.title);
    given(changes.publisher, &mut details.publisher);
    given(changes.author, &mut details.author);
    if let Some(date) = changes.published {
        details.published_at = Some(date.trim()).filter(|d| !d.is_empty()).map(parse_date).transpose()?;
    }
    if let Some(kind) = changes.kind {
        details.kind = SourceKind::parse(&kind)?;
    }
    let source = store.set_source_details(id, &details)?;
    if json {
        return output::json(&source);
    }
    let title = source.title.clone().unwrap_or_else(|| source.label());
    output::line(&format!("{}  {title}", source.id));
    Ok(())
}

pub(super) fn add_claim(store: &mut Store, args: ClaimArgs) -> anyhow::Result<()> {
    if args.quote.is_some() && args.sources.is_empty() {
        bail!("--quote needs a --source it comes from");
    }
    let mut sources = Vec::new();
    for given in &args.sources {
        let id = match given.trim().parse::<i64>() {
            Ok(id) => store.source(id)?.id,
            Err(_) => store.add_source(&SourceDraft::new(SourceUrl::parse(given)?))?,
        };
        sources.push((id, args.quote.clone()));
    }
    let draft = ClaimDraft {
        text: args.text,
        value: args.value.as_deref().map(parse_value).transpose()?,
        unit: args.unit,
        currency: args.currency,
        as_of: args.as_of,
        claimant: args.claimant,
        status: args.status.as_deref().map(Status::parse).transpose()?.unwrap_or_default(),
        note_id: args.note,
        tickers: args.tickers.iter().map(|t| ClaimTicker::parse(t)).collect::<Result<_, Invalid>>()?,
        sources,
    };
    let id = match args.page {
        Some(page) => store.add_claim_on_page(draft, page)?,
        None => store.add_claim(draft)?,
    };
    println!("{id}");
    Ok(())
}

pub(super) fn tickers(store: &Store, as_json: bool) -> anyhow::Result<()> {
    let tickers = store.tickers()?;
    if as_json {
        return output::json(&tickers);
    }
    for t in tickers {
        output::line(&format!("{:<8} {:>6}  {}", t.symbol, t.notes, t.name.unwrap_or_default()));
    }
    Ok(())
}

pub(super) fn tags(store: &Store, as_json: bool) -> anyhow::Result<()> {
    let tags = store.tags()?;
    if as_json {
        return output::json(&tags);
    }
    for t in tags {
        let depth = t.name.matches('/').count();
        let leaf = t.name.rsplit('/').next().unwrap_or(&t.name);
        output::line(&format!("{:>6}  {}{}{}", t.notes, "  ".repeat(depth), if depth > 0 { "/" } else { "" }, leaf));
    }
    Ok(())
}

pub(super) fn demo(store: &mut Store) -> anyhow::Result<()> {
    let outcome = crate::sample::add(store)?;
    match (outcome.added, outcome.restored) {
        (0, 0) => println!("the sample research is already here ({} notes)", outcome.present),
        (added, restored) => println!("sample research: {added} notes added, {restored} restored from the trash"),
    }
    Ok(())
}

pub(super) fn check(store: &mut Store, repair: bool) -> anyhow::Result<()> {
    let mut report = store.check()?;
    let index_damaged = report.problems.iter().any(|p| p.starts_with("full-text index"));
    if repair && index_damaged {
        store.rebuild_search_index()?;
        eprintln!("jevons: the full-text index was damaged and has been rebuilt from the notes");
        report = store.check()?;
    }
    if report.is_sound() {
        println!("ok: {} notes, {} in the trash", report.notes, report.trashed);
        return Ok(());
    }
    for problem in &report.problems {
        output::line(problem);
    }
    let hint = if index_damaged && !repair { "; `jevons check --repair` rebuilds the full-text index" } else { "" };
    bail!("the database has {} problem(s){hint}", report.problems.len())
}
