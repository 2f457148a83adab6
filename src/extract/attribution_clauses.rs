//! The clauses a figure's company may sit in: a relative clause or an apposition (`, que…`,
//! `, which…`) whose company is no subject of the figure after it, and the main clause after an
//! opening one (`Embora…, a Petrobras…`).

use std::ops::Range;

use super::attribution_cues::last_aside_opener;
use super::mentions::Mention;

/// Whether the mention at `span` sits in a relative clause or an apposition opened after a comma
/// shortly before it (`, que…`, `, which…`, `, uma das…`) and closed by a comma before the figure
/// at `at`. Reads a bounded stretch: a long sentence costs no more than a short one.
pub(super) fn in_relative_clause(text: &str, span: &Range<usize>, at: usize) -> bool {
    if !text[span.end..at].contains(',') {
        return false;
    }
    let from = text.ceil_char_boundary(span.start.saturating_sub(CLAUSE_BYTES));
    let before = &text[from..span.start];
    last_aside_opener(before).is_some_and(|o| !before[o + 2..].contains(['.', ',', ';']))
}

/// Whether the company at `span` is named in an aside between dashes that closes before the
/// figure at byte `at`, within `CLAUSE_BYTES` either side (`The stock — perhaps boosted by optimism
/// from Kohl’s Corp. — rose`).
pub(super) fn between_dashes(text: &str, span: &Range<usize>, at: usize) -> bool {
    const DASHES: [&str; 2] = [" — ", " – "];
    // (Both dashes open on the byte 0xE2: most gaps hold none, found by one scan of a bounded
    // stretch, so a run of figures after one name is read in linear time.)
    let gap = &text[span.end..text.floor_char_boundary(at.min(span.end + CLAUSE_BYTES))];
    if !gap.as_bytes().contains(&0xE2) {
        return false;
    }
    let closes = DASHES.iter().any(|d| gap.contains(d));
    let from = text.ceil_char_boundary(span.start.saturating_sub(CLAUSE_BYTES));
    let before = &text[from..span.start];
    let opens =
        DASHES.iter().filter_map(|d| before.rfind(d)).max().is_some_and(|o| !before[o..].contains(['.', ';', '\n']));
    closes && opens
}

/// How far before a company its relative clause may open.
const CLAUSE_BYTES: usize = 160;

/// Where the main clause starts after an opening clause (`Embora o lucro de R$ 1,2 bilhão da Vale
/// tenha decepcionado, a Petrobras…`, `While Apple, Microsoft and Alphabet slipped, Nvidia…`): past
/// the first comma and space that does not go on with a list of the companies named.
pub(super) fn main_clause_start(text: &str, opening: Range<usize>, mentions: &[Mention]) -> Option<usize> {
    text[opening.clone()].match_indices(", ").map(|(at, _)| opening.start + at + 2).find(|&after| {
        let listed = mentions.iter().find(|m| m.span.start == after).is_some_and(|m| {
            let rest = &text[m.span.end..];
            [", ", " and ", " e ", " or ", " ou "].iter().any(|joiner| rest.starts_with(joiner))
        });
        !listed
    })
}
