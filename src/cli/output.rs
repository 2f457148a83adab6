//! How the command line prints things: JSON for scripts, compact text for people.

use serde::Serialize;

use crate::model::{Claim, Note, NoteSummary, Source};
use crate::store::{TickerDossier, Total};

pub(super) fn json(value: &impl Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn day(t: &crate::model::Timestamp) -> String {
    t.as_datetime().format("%Y-%m-%d %H:%M UTC").to_string()
}

pub(super) fn note(note: &Note) {
    println!("#{}  {}", note.id, note.title);
    let mut meta = vec![format!("updated {}", day(&note.updated_at)), format!("created {}", day(&note.created_at))];
    if let Some(deleted) = &note.deleted_at {
        meta.push(format!("in the trash since {}", day(deleted)));
    }
    println!("{}", meta.join(" · "));
    if !note.tags.is_empty() {
        println!("tags: {}", note.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" "));
    }
    if !note.tickers.is_empty() {
        let tickers: Vec<String> =
            note.tickers.iter().map(|t| format!("${} ({})", t.symbol, t.origin.as_str())).collect();
        println!("tickers: {}", tickers.join(" "));
    }
    println!();
    println!("{}", note.body.trim_end());
    if !note.claims.is_empty() {
        println!("\nclaims:");
        for c in &note.claims {
            claim(c);
        }
    }
    if !note.sources.is_empty() {
        println!("\nsources:");
        for s in &note.sources {
            source(s);
        }
    }
}

pub(super) fn claim(claim: &Claim) {
    let mut parts = Vec::new();
    if let Some(value) = claim.display_value() {
        parts.push(value);
    }
    if let Some(as_of) = &claim.as_of {
        parts.push(format!("as of {as_of}"));
    }
    if let Some(claimant) = &claim.claimant {
        parts.push(claimant.clone());
    }
    for t in &claim.tickers {
        parts.push(match t.stance {
            Some(stance) => format!("{} {stance}", t.symbol),
            None => t.symbol.to_string(),
        });
    }
    parts.push(claim.status.to_string());
    println!("  [{}] {}", claim.id, claim.text);
    println!("      {}", parts.join(" · "));
    for s in &claim.sources {
        let name = s.publisher.clone().or_else(|| s.title.clone()).unwrap_or_default();
        println!("      source {}: {name} {}", s.id, s.url);
        if let Some(quote) = &s.quote {
            println!("        “{quote}”");
        }
    }
}

pub(super) fn source(source: &Source) {
    let mut parts = vec![source.label()];
    if let Some(date) = source.published_at {
        parts.push(date.to_string());
    }
    parts.push(source.kind.label().to_owned());
    println!("  [{}] {} — {}", source.id, parts.join(" · "), source.url);
}

pub(super) fn search(results: &[NoteSummary], total: Total) {
    for hit in results {
        let mut chips: Vec<String> = hit.tickers.iter().map(|t| format!("${t}")).collect();
        chips.extend(hit.tags.iter().map(|t| format!("#{t}")));
        println!("{:>7}  {}  {}  {}", hit.id, hit.updated_at.date(), hit.title, chips.join(" "));
    }
    let shown = results.len() as u64;
    match total {
        Total::AtLeast(n) => println!("({shown} of {n}+ notes; --limit N shows more, --count counts all)"),
        Total::Exact(n) if n > shown => println!("({shown} of {n} notes; --limit N shows more)"),
        Total::Exact(n) => println!("({n} {})", if n == 1 { "note" } else { "notes" }),
    }
}

pub(super) fn dossier(d: &TickerDossier) {
    let name = d.name.clone().unwrap_or_else(|| "not in the reference list".into());
    match &d.exchange {
        Some(exchange) => println!("${}  {name} ({exchange})", d.symbol),
        None => println!("${}  {name}", d.symbol),
    }
    println!(
        "stance: {} bullish · {} bearish · {} neutral · {} notes · {} claims",
        d.stance.bullish, d.stance.bearish, d.stance.neutral, d.note_count, d.claim_count
    );
    if !d.claims.is_empty() {
        if (d.claims.len() as u64) < d.claim_count {
            println!("\nclaims (the {} most recently recorded):", d.claims.len());
        } else {
            println!("\nclaims:");
        }
        for c in &d.claims {
            claim(c);
        }
    }
    if !d.notes.is_empty() {
        println!("\nnotes:");
        for n in &d.notes {
            println!("  {:>7}  {}  {}", n.id, n.updated_at.date(), n.title);
        }
    }
    if !d.sources.is_empty() {
        println!("\nsources:");
        for s in &d.sources {
            source(s);
        }
    }
}
