//! `B3 (B3SA3): peso 5%, preço R$ 12,58, preço-alvo R$ 16,00, upside 27%`: the lines of a firm's
//! recommended portfolio, each opening on a company and its weight in the portfolio, after the text
//! naming the portfolio and its owner. Each line is a pick of the portfolio's owner (bullish). So
//! are lines opening on a company and a colon under a firm's line that recommends them
//! (`O BofA também recomenda:` / `Sabesp (SBSP3): expectativa de…`), and lines opening on a
//! company under a line naming a firm's list of picks (`2011 Conviction Buy Top Performers:` /
//! `Starbucks ( SBUX), +13%`).

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
    "carteira de small caps",
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
    // (Most texts have no weights and recommend no list: a few byte searches decide.)
    let weights = ["peso", "Peso", "PESO"].iter().any(|p| text.contains(p));
    // (A list of picks is named on a line ending with a colon.)
    let recommending = ["recomenda", "recommend", ":\n", ":\r"].iter().any(|p| text.contains(p));
    if !weights && !recommending {
        return out;
    }
    let mut start = 0;
    // (Within a table under a header naming its columns, `Empresa Ticker Peso (%)`: its rows
    // write the weight as a bare number, `Trisul TRIS3 10 Entrou`.)
    let mut under_header = false;
    // (Under a line recommending what follows, `O BofA também recomenda:`: its lines each open on
    // a company and a colon, `Sabesp (SBSP3): expectativa de…`.)
    let mut recommended = false;
    // (Under a line naming a firm's list of picks, `2011 Conviction Buy Top Performers:`, maybe
    // after one blank line: its lines each open on a company, `Starbucks ( SBUX), +13%`.)
    let mut picks = Picks::None;
    for line in text.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        if line.trim().is_empty() {
            (under_header, recommended) = (false, false);
            // (One blank line may follow the line naming the list, no more.)
            picks = if picks == Picks::Named { Picks::NamedBlank } else { Picks::None };
            continue;
        }
        if weights && column_header(line) {
            under_header = true;
            continue;
        }
        if recommending && recommends(line) {
            recommended = true;
            continue;
        }
        if recommending && names_picks(line) {
            picks = Picks::Named;
            continue;
        }
        let opening = line_start + (line.len() - line.trim_start_matches(['-', '•', '*', ' ', '\t']).len());
        // The company opens the line, or its code does in a bracket after a name the lexicon does
        // not read (`B3 (B3SA3): peso 5%`).
        let opens = |m: &Mention| {
            let head = text.get(opening..m.span.start).unwrap_or("-");
            head.is_empty() || (head.trim_end().ends_with('(') && head.len() <= 40 && !head.contains([':', '%', ',']))
        };
        let line_end = line_start + line.len();
        // (Mentions are in text order: the line's own are found by bisection.)
        let Some(company) = mentions[mentions.partition_point(|m| m.span.start < opening)..]
            .iter()
            .take_while(|m| m.span.start < line_end)
            .find(|m| opens(m))
        else {
            recommended = false;
            // (A list's line on a company the lexicon does not know, `Viacom ( VIA.B), +14%`,
            // does not end it once it has begun; a line of prose right after the list's name does.)
            if picks != Picks::Listing || line.trim().len() > 60 {
                picks = Picks::None;
            }
            continue;
        };
        // (A name and its bracket may run onto the next line: `Vale` / `(VALE3): peso 10%`.)
        let rest = text.get(company.span.end..line_end).unwrap_or_default();
        let picked = picks != Picks::None && company.span.end <= line_end && short_and_not_denied(rest);
        picks = if picked { Picks::Listing } else { Picks::None };
        let listed = picked || (recommended && company.span.end <= line_end && described(rest));
        recommended = listed && !picked;
        if company.span.end > line_end || !(listed || weighted(rest) || (under_header && a_row_kept(rest))) {
            continue;
        }
        let before = fold(&text[text.floor_char_boundary(line_start.saturating_sub(PORTFOLIO_BYTES))..line_start]);
        // (A recommended portfolio: not a bank's loan book, `a carteira de crédito do Itaú`.)
        if !listed && !PORTFOLIOS.iter().any(|p| before.contains(p)) {
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
    let rest = past_code(rest).trim_start_matches([':', '-', '–', '—']).trim_start();
    fold(rest.get(..rest.floor_char_boundary(8)).unwrap_or_default()).starts_with("peso ")
}

/// Whether the rest of a table's row after its company writes a number of its own (the weight: not
/// only the company's code) and does not say the company left the portfolio (`Trisul TRIS3 10
/// Entrou`; not `Vale VALE3 0 Saiu`).
fn a_row_kept(rest: &str) -> bool {
    let folded = fold(rest);
    let cells: Vec<&str> = folded.split(|c: char| c.is_whitespace() || c == '%').filter(|w| !w.is_empty()).collect();
    let weight = |c: &&str| {
        c.chars().all(|d| d.is_ascii_digit() || d == ',' || d == '.') && c.chars().any(|d| matches!(d, '1'..='9'))
    };
    let left = |c: &&str| matches!(*c, "saiu" | "saida" | "removida" | "removido" | "excluida" | "out" | "removed");
    cells.iter().any(weight) && !cells.iter().any(left)
}

/// Where a text is among the lines of a firm's list of picks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Picks {
    None,
    /// Right after the line naming the list.
    Named,
    /// After it and one blank line.
    NamedBlank,
    /// Among its lines, each opening on a company.
    Listing,
}

/// Whether a line names a firm's list of picks and ends on a colon, so that the lines after it are
/// its companies (`2011 Conviction Buy Top Performers:`, `Top picks:`); not one of stocks sold or
/// dropped (`Removed from the Conviction List:`).
fn names_picks(line: &str) -> bool {
    let line = line.trim_end();
    if !line.ends_with(':') || line.len() > 120 {
        return false;
    }
    let folded = fold(line);
    ["conviction buy", "conviction list", "top picks", "best ideas", "focus list", "buy list"]
        .iter()
        .any(|cue| folded.contains(cue))
        && !folded.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "removed" | "dropped" | "deleted" | "sell" | "sold" | "not" | "no" | "former" | "previous" | "out"
            )
        })
}

/// Whether the rest of a list's line after its company is short and states no neutral or negative
/// rating (`( SBUX), +13%`; not `(INTC): downgraded to neutral`).
fn short_and_not_denied(rest: &str) -> bool {
    rest.trim().len() <= 60 && !denies(&fold(rest))
}

/// Whether the rest of a line after its company is a colon and words on it that state no neutral
/// or negative rating (`(SBSP3): expectativa de CAGR de 24%`; not `(CMIG4): neutro`).
fn described(rest: &str) -> bool {
    let Some(said) = past_code(rest).strip_prefix(':') else { return false };
    !denies(&fold(said.get(..said.floor_char_boundary(60)).unwrap_or(said)))
}

/// Whether folded words state a neutral or negative rating, or deny one.
fn denies(said: &str) -> bool {
    said.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "neutro"
                | "neutra"
                | "neutral"
                | "hold"
                | "manter"
                | "venda"
                | "vender"
                | "sell"
                | "underperform"
                | "nao"
                | "not"
                | "underweight"
                | "rebaixada"
                | "rebaixado"
                | "evitar"
                | "avoid"
                | "reduzir"
                | "reduce"
        )
    })
}

/// A line's rest past a company's bracketed code, if any (a mention may end inside its bracket:
/// `Cemig (CMIG4` then `): peso`).
fn past_code(rest: &str) -> &str {
    let rest = rest.trim_start().trim_start_matches(')');
    match rest.trim_start().strip_prefix('(') {
        Some(inside) => inside.split_once(')').map_or("", |(_, after)| after),
        None => rest,
    }
    .trim_start()
}

/// Whether a line recommends the lines after it: it ends on `recomenda:` or `recommends:`, and
/// does not deny it (`O BofA também recomenda:`).
fn recommends(line: &str) -> bool {
    if !line.trim_end().ends_with(':') {
        return false;
    }
    let folded = fold(line.trim_end());
    let Some(said) = folded.strip_suffix(':') else { return false };
    let words: Vec<&str> = said.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    matches!(words.last(), Some(&("recomenda" | "recomendam" | "recommends" | "recommend")))
        // (`Goldman no longer recommends:`, `doesn't recommend:`, folded to `doesn` and `t`.)
        && !words.iter().any(|w| {
            matches!(*w, "nao" | "not" | "venda" | "sell" | "longer" | "deixou" | "deixa" | "never" | "nunca" | "t")
        })
}

/// Whether a line names a table's columns, opening on the company's and with a weight among them,
/// and holds no figure (`Empresa Ticker Peso (%) Situação na carteira`).
fn column_header(line: &str) -> bool {
    // (One byte search before any folding: most lines name no weight.)
    if !["peso", "Peso", "PESO"].iter().any(|p| line.contains(p)) {
        return false;
    }
    let folded = fold(line);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    !line.contains(|c: char| c.is_ascii_digit() || c == '|')
        && words.contains(&"peso")
        && words.first().is_some_and(|w| matches!(*w, "ticker" | "codigo" | "empresa" | "acao" | "ativo"))
}

#[cfg(test)]
mod tests {
    use super::{a_row_kept, column_header, described, names_picks, recommends, short_and_not_denied, weighted};

    #[test]
    fn a_row_kept_in_the_portfolio_writes_its_weight() {
        assert!(a_row_kept(" TRIS3 10 Entrou"));
        assert!(a_row_kept(" SAPR11 12,5% Permaneceu"));
        assert!(!a_row_kept(" VALE3 0 Saiu"), "left the portfolio");
        assert!(!a_row_kept(" TRIS3 Entrou"), "only the company's code");
    }

    #[test]
    fn a_line_recommending_the_lines_after_it() {
        assert!(recommends("Fora do setor elétrico, o BofA também recomenda:\n"));
        assert!(recommends("Goldman also recommends:"));
        assert!(!recommends("O banco não recomenda:\n"));
        assert!(!recommends("Goldman no longer recommends:\n"));
        assert!(!recommends("Goldman doesn't recommend:\n"));
        assert!(!recommends("O BofA recomenda a compra de Vale.\n"), "no list after it");
        assert!(described(" (SBSP3): expectativa de CAGR de 24% do Ebitda"));
        assert!(described("): destacada pelo valor de escassez"));
        assert!(!described(" (CMIG4): recomendação neutra"));
        assert!(!described(" (VALE3): rebaixada para underweight."));
        assert!(!described(" (CMIG4) tem alta de 5%"), "no colon");
    }

    #[test]
    fn a_line_naming_a_list_of_picks() {
        assert!(names_picks("2011 Conviction Buy Top Performers:\n"));
        assert!(names_picks("Morgan Stanley's top picks for 2024:"));
        assert!(!names_picks("Removed from the Conviction Buy list:"), "stocks dropped");
        assert!(!names_picks("Its top picks are Apple and Intel."), "no list after it");
        assert!(names_picks("Focus List for 2024:"));
        assert!(short_and_not_denied(" ( SBUX), +13%"));
        assert!(!short_and_not_denied(" (INTC): downgraded to neutral"));
    }

    #[test]
    fn a_header_naming_a_weight_column() {
        assert!(column_header("Empresa Ticker Peso (%) Situação na carteira\n"));
        assert!(column_header("Ação  Peso\n"));
        assert!(!column_header("Empresa Ticker Peso (%) em 2024\n"), "a figure");
        assert!(!column_header("O peso da empresa no índice\n"), "no column named but the weight");
        assert!(!column_header("Empresa | Ticker | Peso |\n"), "a table of cells, read elsewhere");
    }

    #[test]
    fn a_line_weighted_in_a_portfolio() {
        assert!(weighted(" (B3SA3): peso 5%, preço R$ 12,58"));
        assert!(weighted(" – peso de 10%"));
        assert!(weighted("): peso 10%"), "past the bracket's end");
        assert!(!weighted(" (B3SA3): preço R$ 12,58, peso 5%"), "the weight first");
        assert!(!weighted(" pesou no índice"));
    }
}
