//! Figures bracketed with a name or a code, as market wraps write them: `Minerva (-5,14%)`,
//! `Hudbay Minerals (HBM +4.7%)`, `+1,77% (Itaú PN)`, and a signed move after a code the lexicon
//! does not know (`GG -3.6%`).

use std::ops::Range;

use super::mentions::Mention;
use super::stance_words::names_a_rating;
use crate::model::Symbol;

/// A figure and a name bracketed together, as market wraps write them: `Minerva (-5,14%)`,
/// `Twitter (down 8.5%)`, `Vale ON (+1,99%)` (the figure in brackets right after a name, a share
/// class between them allowed) or `+1,77% (Itaú PN)` (the name in brackets right after the
/// figure). The company named, or no ticker when the name is no listed company's.
pub(super) fn bracketed(
    text: &str,
    figure: &Range<usize>,
    own: &[&Mention],
    in_brackets: &[&Mention],
) -> Option<Vec<Symbol>> {
    let after = text[figure.end..].trim_start_matches([' ', '\u{a0}']);
    if let Some(inside) = after.strip_prefix('(') {
        let at = text.len() - inside.len();
        if let Some(m) = own.iter().find(|m| m.span.start == at) {
            return Some(vec![m.symbol.clone()]);
        }
    }
    // The bracket opens within a few words of the figure.
    let from = text.ceil_char_boundary(figure.start.saturating_sub(24));
    let open = from + text[from..figure.start].rfind('(')?;
    let lead = &text[open + 1..figure.start];
    // Only a sign or a word of direction between the bracket and the figure.
    let words: Vec<&str> = lead.split_whitespace().collect();
    if words.len() > 2 || lead.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';' | ')')) {
        return None;
    }
    let mut name = text[..open].trim_end_matches([' ', '\u{a0}']);
    for class in ["ON", "PN", "PNA", "PNB", "UNT", "units"] {
        if let Some(rest) = name.strip_suffix(class).filter(|r| r.ends_with(' ')) {
            name = rest.trim_end();
            break;
        }
    }
    // (`Hudbay Minerals (HBM +4.7%)`: the name and its symbol are one mention; `Newmont Mining
    // (NEM -2.1%)`: the symbol in the bracket settles it when the name is longer than the one known.)
    if let Some(m) = own
        .iter()
        .find(|m| m.span.end == name.len())
        .or_else(|| in_brackets.iter().find(|m| m.span.end > open && m.span.end <= figure.start))
    {
        return Some(vec![m.symbol.clone()]);
    }
    // `Twitter (down 8.5%)`: a name the lexicon does not know; not a rating with its target
    // (`to ”Outperform ($58)”`).
    let last = name.rsplit(|c: char| !c.is_alphanumeric()).next()?;
    let rating = names_a_rating(&last.to_lowercase());
    (!rating && last.chars().next().is_some_and(char::is_uppercase)).then(Vec::new)
}

/// `Also: GG -3.6%, KGC -4%`: a signed move right after a code the lexicon does not know is that
/// code's, so nobody's here.
pub(super) fn unknown_code_before(text: &str, figure: &Range<usize>, own: &[&Mention]) -> bool {
    let signed = text[figure.clone()].starts_with(['+', '-', '−']);
    let Some(before) = text[..figure.start].strip_suffix(' ') else { return false };
    let code = before.rsplit(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or_default();
    signed
        && (2..=6).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_uppercase())
        && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && !own.iter().any(|m| m.span.end == before.len())
}
