//! CSV export of claims for spreadsheets: one row per claim and ticker (a claim naming no ticker
//! has one row with the ticker empty), with the claim's sources in the same row.
//!
//! RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line break quoted
//! and quotes doubled. A UTF-8 byte-order mark comes first so spreadsheet programs read accents
//! right. Every text cell (uids, titles, dates and codes included: an imported file can set any
//! of them) that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, their
//! full-width forms, after any white space, or with a tab or line break) gets a leading `'`; the
//! one number column is written plain.

use std::path::Path;

use super::new_file::write_new;
use super::{ExportError, ExportReport, Phase, Progress, Watch};
use crate::model::Claim;
use crate::store::Store;

/// The header row.
pub const COLUMNS: &[&str] = &[
    "claim_uid",
    "note_uid",
    "note_title",
    "text",
    "value",
    "unit",
    "currency",
    "as_of",
    "claimant",
    "status",
    "ticker",
    "stance",
    "source_urls",
    "source_titles",
    "source_publishers",
    "quotes",
    "created_at",
    "updated_at",
];

const PAGE: usize = 1_000;

/// One CSV field, quoted when it must be.
pub fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Characters that make a spreadsheet read a cell as a formula when they come first (after any
/// white space), with the full-width forms some spreadsheets also accept.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}'];

/// A text field a spreadsheet will not run as a formula: one that starts with a formula
/// character (after white space) or with a tab or line break gets a leading `'`.
fn text_field(text: &str) -> String {
    let formula = text.trim_start().starts_with(FORMULA_STARTS) || text.starts_with(['\t', '\r', '\n']);
    if formula { field(&format!("'{text}")) } else { field(text) }
}

fn row(cells: &[String]) -> String {
    let mut line = cells.join(",");
    line.push_str("\r\n");
    line
}

/// The rows of one claim.
fn claim_rows(claim: &Claim, uid: &str, note: Option<(&str, &str)>, out: &mut String) {
    let joined = |f: &dyn Fn(&crate::model::ClaimSourceRef) -> String| {
        claim.sources.iter().map(f).collect::<Vec<_>>().join("\n")
    };
    let base = |ticker: String, stance: String| {
        vec![
            text_field(uid),
            text_field(note.map(|n| n.0).unwrap_or_default()),
            text_field(note.map(|n| n.1).unwrap_or_default()),
            text_field(&claim.text),
            claim.value.map(|v| v.to_string()).unwrap_or_default(),
            text_field(claim.unit.as_deref().unwrap_or_default()),
            text_field(claim.currency.as_deref().unwrap_or_default()),
            text_field(claim.as_of.as_deref().unwrap_or_default()),
            text_field(claim.claimant.as_deref().unwrap_or_default()),
            text_field(claim.status.as_str()),
            text_field(&ticker),
            text_field(&stance),
            text_field(&joined(&|s| s.url.clone())),
            text_field(&joined(&|s| s.title.clone().unwrap_or_default())),
            text_field(&joined(&|s| s.publisher.clone().unwrap_or_default())),
            text_field(&joined(&|s| s.quote.clone().unwrap_or_default())),
            text_field(&claim.created_at.to_string()),
            text_field(&claim.updated_at.to_string()),
        ]
    };
    if claim.tickers.is_empty() {
        out.push_str(&row(&base(String::new(), String::new())));
    }
    for t in &claim.tickers {
        let stance = t.stance.map(|s| s.as_str().to_owned()).unwrap_or_default();
        out.push_str(&row(&base(t.symbol.to_string(), stance)));
    }
}

/// The whole CSV text: header, then the claims of every note (trashed notes excluded) and the
/// claims outside notes.
pub fn claims_csv(store: &Store, watch: &mut Watch) -> Result<Option<(String, u64)>, ExportError> {
    let mut out = String::from("\u{feff}");
    out.push_str(&row(&COLUMNS.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>()));
    let total = store.export_note_count()?;
    let mut claims = 0;
    let mut notes = 0;
    let mut after = 0;
    loop {
        let page = store.export_notes(after, PAGE)?;
        let Some(last) = page.last() else { break };
        after = last.note.id;
        for export in &page {
            notes += 1;
            if export.note.deleted_at.is_some() {
                continue;
            }
            for (claim, uid) in export.note.claims.iter().zip(&export.claim_uids) {
                claim_rows(claim, uid, Some((export.note.uid.as_str(), export.note.title.as_str())), &mut out);
                claims += 1;
            }
        }
        watch.report(Progress::new(Phase::Exporting, notes, Some(total)));
        if watch.cancelled() {
            return Ok(None);
        }
    }
    for loose in store.export_loose_claims()? {
        claim_rows(&loose.claim, &loose.uid, None, &mut out);
        claims += 1;
    }
    Ok(Some((out, claims)))
}

/// Writes the claims CSV into the new file `out`.
pub fn export_file(store: &Store, out: &Path, watch: &mut Watch) -> Result<ExportReport, ExportError> {
    if out.exists() {
        return Err(ExportError::Exists { path: out.to_owned() });
    }
    let Some((text, claims)) = claims_csv(store, watch)? else {
        return Ok(ExportReport { cancelled: true, ..ExportReport::default() });
    };
    write_new(out, text.as_bytes())?;
    watch.report(Progress::new(Phase::Done, claims, Some(claims)));
    Ok(ExportReport { claims, files: vec![out.to_owned()], ..ExportReport::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        for (text, expected) in [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""),
            (" padded", "\" padded\""),
            ("", ""),
            ("ação, 1,5%", "\"ação, 1,5%\""),
        ] {
            assert_eq!(field(text), expected, "{text:?}");
        }
    }

    #[test]
    fn formulas_are_defused_in_text_cells() {
        assert_eq!(text_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text_field("-10% drop"), "'-10% drop");
        assert_eq!(text_field("@home"), "'@home");
        assert_eq!(text_field("fine"), "fine");
        assert_eq!(text_field("  =1+1"), "'  =1+1");
        assert_eq!(text_field("\u{ff1d}SUM(A1)"), "'\u{ff1d}SUM(A1)");
        assert_eq!(text_field("\tx"), "'\tx");
    }
}
