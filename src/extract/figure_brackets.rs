//! Figures bracketed with a name or a code, as market wraps write them: `Minerva (-5,14%)`,
//! `Hudbay Minerals (HBM +4.7%)`, `+1,77% (Itaú PN)`, and a signed move after a code the lexicon
//! does not know (`GG -3.6%`).

use std::ops::Range;

use super::mentions::Mention;
use super::stance_words::names_a_rating;
use crate::model::{Symbol, fold};

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
    // `(BAC 13.07, +0.02, +0.15%)`: a quote's bracket, opening on the symbol and its price.
    let quote_from = text.ceil_char_boundary(figure.start.saturating_sub(QUOTE_BYTES));
    if let Some(open) = text[quote_from..figure.start].rfind('(').map(|o| quote_from + o)
        && !text[open..figure.start].contains(')')
        // (The mentions are in text order: the first after the bracket is found by bisection.)
        && let Some(m) = in_brackets.get(in_brackets.partition_point(|m| m.span.start <= open)).filter(|m| {
            // (Its price, then its change: not `(PETR3, +3,97%; PETR4, +0,41%)`.)
            let between = text.get(m.span.end..figure.start).unwrap_or(";");
            m.span.start - open <= QUOTE_BYTES
                && text[open + 1..m.span.start].trim().is_empty()
                && between.contains(|c: char| c.is_ascii_digit())
                && !between.contains(|c: char| c.is_alphabetic() || c == ';')
        })
    {
        return Some(vec![m.symbol.clone()]);
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
    // (`A Ambev informou que o resultado foi impactado… Brasil (-6,7%) e Canadá (-3,9%)`: a
    // region of the company's results, read as the sentence's other figures are. Not `IRB Brasil
    // (30,66%)`, a company's name, nor `a média de pares nos EUA (7%)`.)
    if is_region(&fold(last)) && by_region(&name[..name.len() - last.len()]) {
        return None;
    }
    (!rating && last.chars().next().is_some_and(char::is_uppercase)).then(Vec::new)
}

/// Whether the words before a region's name (`before`) break results down by it: no capitalised
/// name right before it (`IRB Brasil`) other than a region's (`América Latina`), and a word of
/// results a little before.
fn by_region(before: &str) -> bool {
    let previous = before.trim_end().rsplit(' ').next().unwrap_or_default();
    // (`Bank of China (+1.2%)`, `Banco de Chile`: `of`/`de` inside a name too.)
    let named = (previous.starts_with(char::is_uppercase) && !matches!(&*fold(previous), "america" | "norte" | "sul"))
        || matches!(previous, "of" | "de" | "do" | "da");
    let window = fold(&before[before.floor_char_boundary(before.len().saturating_sub(RESULTS_BYTES))..]);
    let results = ["resultado", "receita", "vendas", "volume", "results", "revenue", "sales"];
    !named && results.iter().any(|r| window.contains(r))
}

/// How many bytes before a region's name a word of results may come.
const RESULTS_BYTES: usize = 160;

/// How many bytes before a figure a quote's bracket may open (`(BAC 13.07, +0.02, +0.15%)`).
const QUOTE_BYTES: usize = 40;

/// Countries and regions a company reports its results by (folded).
fn is_region(key: &str) -> bool {
    matches!(
        key,
        "brasil"
            | "brazil"
            | "canada"
            | "mexico"
            | "argentina"
            | "chile"
            | "colombia"
            | "peru"
            | "china"
            | "japao"
            | "japan"
            | "india"
            | "europa"
            | "europe"
            | "asia"
            | "africa"
            | "eua"
            | "caribe"
            | "caribbean"
            | "latina"
            | "americas"
            | "internacional"
            | "international"
    )
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
