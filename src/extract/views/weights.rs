//! `B3 (B3SA3): peso 5%, preço R$ 12,58, preço-alvo R$ 16,00, upside 27%`: the lines of a firm's
//! recommended portfolio, each opening on a company and its weight in the portfolio, after the text
//! naming the portfolio and its owner. Each line is a pick of the portfolio's owner (bullish).

use std::ops::Range;

use super::ViewMatch;
use super::tables::firm_before;
use crate::extract::mentions::Mention;
use crate::extract::tokens::Token;
use crate::model::{Stance, fold};

/// How far before a line its portfolio must be named, in bytes.
const PORTFOLIO_BYTES: usize = 1500;

/// Names of a recommended portfolio (folded).
pub(super) const PORTFOLIOS: &[&str] = &[
    "carteira recomendada",
    "carteira sugerida",
    "carteira semanal",
    "carteira mensal",
    "carteira de dividendos",
    "carteira de acoes",
    "recommended portfolio",
    "model portfolio",
];

/// The views of a text's weighted portfolio lines. `claimants` are the byte ranges of the
/// claimants found and `mentions` the company mentions, both in text order.
pub(crate) fn weighted_lines(
    text: &str,
    words: &[Token],
    claimants: &[Range<usize>],
    mentions: &[Mention],
) -> Vec<ViewMatch> {
    let mut out = Vec::new();
    // (Most texts have no weights: one byte search decides.)
    if !["peso", "Peso", "PESO"].iter().any(|p| text.contains(p)) {
        return out;
    }
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        let opening = line_start + (line.len() - line.trim_start_matches(['-', '•', '*', ' ', '\t']).len());
        // The company opens the line, or its code does in a bracket after a name the lexicon does
        // not read (`B3 (B3SA3): peso 5%`).
        let opens = |m: &Mention| {
            let head = text.get(opening..m.span.start).unwrap_or("-");
            head.is_empty() || (head.ends_with('(') && head.len() <= 40 && !head.contains([':', '%', ',']))
        };
        let line_end = line_start + line.len();
        let Some(company) = mentions.iter().find(|m| m.span.start >= opening && m.span.start < line_end && opens(m))
        else {
            continue;
        };
        // (A name and its bracket may run onto the next line: `Vale` / `(VALE3): peso 10%`.)
        if company.span.end > line_end || !weighted(&text[company.span.end..line_end]) {
            continue;
        }
        let before = fold(&text[text.floor_char_boundary(line_start.saturating_sub(PORTFOLIO_BYTES))..line_start]);
        // (A recommended portfolio: not a bank's loan book, `a carteira de crédito do Itaú`.)
        if !PORTFOLIOS.iter().any(|p| before.contains(p)) {
            continue;
        }
        let Some(firm) = firm_before(text, words, claimants, line_start) else { continue };
        out.push(ViewMatch {
            claimant: firm,
            ticker: company.symbol.clone(),
            stance: Stance::Bullish,
            quote: line_start..line_start + line.trim_end().len(),
        });
    }
    out
}

/// Whether the rest of a line after its company is its weight: past a bracketed code, a colon or a
/// dash and then `peso` (`(B3SA3): peso 5%`, `): peso 5%`, ` – peso de 10%`).
fn weighted(rest: &str) -> bool {
    // (A mention may end inside its bracket: `Cemig (CMIG4` then `): peso`.)
    let rest = rest.trim_start().trim_start_matches(')');
    let rest = match rest.trim_start().strip_prefix('(') {
        Some(inside) => inside.split_once(')').map_or("", |(_, after)| after),
        None => rest,
    };
    let rest = rest.trim_start().trim_start_matches([':', '-', '–', '—']).trim_start();
    fold(rest.get(..rest.floor_char_boundary(8)).unwrap_or_default()).starts_with("peso ")
}

#[cfg(test)]
mod tests {
    use super::weighted;

    #[test]
    fn a_line_weighted_in_a_portfolio() {
        assert!(weighted(" (B3SA3): peso 5%, preço R$ 12,58"));
        assert!(weighted(" – peso de 10%"));
        assert!(weighted("): peso 10%"), "past the bracket's end");
        assert!(!weighted(" (B3SA3): preço R$ 12,58, peso 5%"), "the weight first");
        assert!(!weighted(" pesou no índice"));
    }
}
