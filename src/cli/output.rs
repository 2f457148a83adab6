//! How the command line prints things: JSON for scripts, compact text for people.
//!
//! Whatever reaches the terminal goes through [`printable`] (one line) or [`printable_text`]
//! (a note's body, a quote: lines kept): control characters a note, a file name or an error
//! could carry (`ESC` sequences that move the cursor, retitle the window or write the clipboard
//! with OSC 52, `BEL`, C1 controls such as `\u{9b}`) are written out as `\x1b`, `\u{9b}`, never
//! sent raw. JSON escapes the C0 controls itself; [`json`] escapes `DEL` and C1 as well.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Claim, Note, NoteSummary, Source};
use crate::store::{TickerDossier, Total};

/// `text` with every control character written out, line breaks and tabs included: for a line
/// that must stay one line (a title, a file name, an error).
pub fn printable(text: &str) -> Cow<'_, str> {
    escape(text, |_, _| false)
}

/// `text` with control characters written out but for line breaks (`\n`, and `\r` before one)
/// and tabs: for a note's body and other text of several lines.
pub fn printable_text(text: &str) -> Cow<'_, str> {
    escape(text, |c, next| c == '\n' || c == '\t' || (c == '\r' && next == Some('\n')))
}

/// Writes out the control characters of `text` that `keep` (given the character and the next
/// one) does not keep.
fn escape(text: &str, keep: impl Fn(char, Option<char>) -> bool) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !c.is_control() || keep(c, chars.peek().map(|&(_, next)| next)) {
            continue;
        }
        out.push_str(&text[copied..at]);
        copied = at + c.len_utf8();
        let _ = match c {
            '\n' => write!(out, "\\n"),
            '\r' => write!(out, "\\r"),
            '\t' => write!(out, "\\t"),
            c if u32::from(c) < 0x80 => write!(out, "\\x{:02x}", u32::from(c)),
            c => write!(out, "\\u{{{:x}}}", u32::from(c)),
        };
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// JSON as `serde_json` writes it, with `DEL` and the C1 controls (which it leaves raw) as
/// `\u00XX` escapes: the same string to a JSON reader, inert in a terminal.
fn json_printable(json: &str) -> Cow<'_, str> {
    let raw = |c: char| matches!(u32::from(c), 0x7f..=0x9f);
    if !json.chars().any(raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if raw(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Prints one line of text that must stay one line.
pub(super) fn line(text: &str) {
    println!("{}", printable(text));
}

/// Prints text of several lines (a note's body).
pub(super) fn text(text: &str) {
    println!("{}", printable_text(text));
}

pub(super) fn json(value: &impl Serialize) -> anyhow::Result<()> {
    println!("{}", json_printable(&serde_json::to_string_pretty(value)?));
    Ok(())
}

fn day(t: &crate::model::Timestamp) -> String {
    t.as_datetime().format("%Y-%m-%d %H:%M UTC").to_string()
}

pub(super) fn note(note: &Note) {
    line(&format!("#{}  {}", note.id, note.title));
    let mut meta = vec![format!("updated {}", day(&note.updated_at)), format!("created {}", day(&note.created_at))];
    if let Some(deleted) = &note.deleted_at {
        meta.push(format!("in the trash since {}", day(deleted)));
    }
    line(&meta.join(" · "));
    if !note.tags.is_empty() {
        line(&format!("tags: {}", note.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" ")));
    }
    if !note.tickers.is_empty() {
        let tickers: Vec<String> =
            note.tickers.iter().map(|t| format!("${} ({})", t.symbol, t.origin.as_str())).collect();
        line(&format!("tickers: {}", tickers.join(" ")));
    }
    println!();
    text(note.body.trim_end());
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

/// The links in a note's text (`→ #id` where one reaches a note) and the notes linking to it.
pub(super) fn links(links: &[crate::store::NoteLink], backlinks: &[crate::model::NoteId]) {
    if !links.is_empty() {
        println!("\nlinks:");
        for link in links {
            let target = link.target_id.map_or_else(|| "no such note".to_owned(), |id| format!("#{id}"));
            line(&format!("  [[{}]] → {target}", link.text));
        }
    }
    if !backlinks.is_empty() {
        let ids: Vec<String> = backlinks.iter().map(|id| format!("#{id}")).collect();
        line(&format!("\nlinked from: {}", ids.join(" ")));
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
    line(&format!("  [{}] {}", claim.id, claim.text));
    line(&format!("      {}", parts.join(" · ")));
    for s in &claim.sources {
        let name = s.publisher.clone().or_else(|| s.title.clone()).unwrap_or_default();
        line(&format!("      source {}: {name} {}", s.id, s.url));
        if let Some(quote) = &s.quote {
            text(&format!("        “{quote}”"));
        }
    }
}

pub(super) fn source(source: &Source) {
    let mut parts = vec![source.label()];
    if let Some(date) = source.published_at {
        parts.push(date.to_string());
    }
    parts.push(source.kind.label().to_owned());
    line(&format!("  [{}] {} — {}", source.id, parts.join(" · "), source.url));
}

pub(super) fn search(results: &[NoteSummary], total: Total) {
    for hit in results {
        let mut chips: Vec<String> = hit.tickers.iter().map(|t| format!("${t}")).collect();
        chips.extend(hit.tags.iter().map(|t| format!("#{t}")));
        line(&format!("{:>7}  {}  {}  {}", hit.id, hit.updated_at.date(), hit.title, chips.join(" ")));
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
        Some(exchange) => line(&format!("${}  {name} ({exchange})", d.symbol)),
        None => line(&format!("${}  {name}", d.symbol)),
    }
    println!(
        "stance: {} bullish · {} bearish · {} neutral · {} notes · {} claims",
        d.stance.bullish, d.stance.bearish, d.stance.neutral, d.note_count, d.claim_count
    );
    if let Some(class) = d.class {
        println!("class: {} ({})", class.label(), class.meaning());
    } else if crate::model::is_b3_option(&d.symbol) {
        println!("shaped like a B3 option code (root, series letter, strike): not a stock, and $ does not link it");
    }
    if let Some(issuer) = &d.issuer {
        line(&format!("issuer: {} · listings: {}", issuer.name, listings(issuer)));
    }
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
            line(&format!("  {:>7}  {}  {}", n.id, n.updated_at.date(), n.title));
        }
    }
    if !d.sources.is_empty() {
        println!("\nsources:");
        for s in &d.sources {
            source(s);
        }
    }
    if !d.catalysts.is_empty() {
        println!("\ncatalysts (from the theses on it):");
        for c in &d.catalysts {
            line(&format!("  {:<10}  {}  (note {}: {})", c.written, c.event, c.note_id, c.note_title));
        }
    }
}

/// `PETR4 (B3, PN, main), PETR3 (B3, ON), PBR (NYSE)`.
fn listings(issuer: &crate::store::Issuer) -> String {
    let each = issuer.listings.iter().map(|l| {
        let details: Vec<&str> = [l.exchange.as_deref(), l.class.map(|c| c.label()), l.main.then_some("main")]
            .into_iter()
            .flatten()
            .collect();
        if details.is_empty() { l.symbol.clone() } else { format!("{} ({})", l.symbol, details.join(", ")) }
    });
    each.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_written_out() {
        for (text, one_line, lines) in [
            ("plain ação", "plain ação", "plain ação"),
            ("\u{1b}]52;c;eA==\u{7}", "\\x1b]52;c;eA==\\x07", "\\x1b]52;c;eA==\\x07"),
            ("csi \u{9b}2J del \u{7f}", "csi \\u{9b}2J del \\x7f", "csi \\u{9b}2J del \\x7f"),
            ("a\n\tb\r\nc", "a\\n\\tb\\r\\nc", "a\n\tb\r\nc"),
            ("over\rwritten", "over\\rwritten", "over\\rwritten"),
        ] {
            assert_eq!(printable(text), one_line, "{text:?}");
            assert_eq!(printable_text(text), lines, "{text:?}");
        }
    }

    #[test]
    fn json_keeps_its_meaning_without_raw_controls() {
        let text = "a \u{9b}31m b \u{7f} c é";
        let json = serde_json::to_string(&text).unwrap();
        let printed = json_printable(&json);
        assert!(!printed.chars().any(char::is_control), "{printed}");
        assert_eq!(serde_json::from_str::<String>(&printed).unwrap(), text);
    }
}
