//! Views stated as a table: a firm's recommended portfolio or its ratings for a sector, written
//! as lines of cells (`Petrobras | PETR4 | R$ 37,50 | 31% |`) after a sentence introducing them
//! (`Confira a carteira recomendada da Gradual:`, `Veja na tabela abaixo as recomendações da
//! Ágora…`). Each row's company is held by the firm: bullish in a portfolio, or as the row's
//! rating says where the table has a rating column (`Compra`, `Neutro`: a neutral rating is no
//! view). A list a firm picked, after a colon (`As brasileiras identificadas foram: …`), reads
//! the same way.

use std::ops::Range;

use super::ViewMatch;
use crate::extract::index_cues::is_index_word;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::Mention;
use crate::extract::non_holders::is_news_source;
use crate::extract::tokens::Token;
use crate::extract::unlisted::is_b3_form;
use crate::model::{Stance, Symbol, fold};

/// How far before a table its introduction is looked for, in bytes: the sentence or two before.
const INTRO_BYTES: usize = 300;
/// How far before a table a claimant may be named, in bytes.
const FIRM_BYTES: usize = 1500;

/// The views of the text's tables. `claimants` are the byte ranges of the claimants found and
/// `mentions` the company mentions, both in text order.
pub(crate) fn table_views(
    text: &str,
    words: &[Token],
    claimants: &[Range<usize>],
    mentions: &[Mention],
) -> Vec<ViewMatch> {
    let mut out = Vec::new();
    // (Most texts have no table: one byte search decides.)
    if !text.contains('|') {
        return out;
    }
    for table in tables(text) {
        let Some((header, rows)) = table.split_first() else { continue };
        let start = header.start;
        let intro_from = floor_boundary(text, start.saturating_sub(INTRO_BYTES));
        let intro = fold(&text[intro_from..start]);
        // (`a carteira teórica do Ibovespa`: an index's stocks, no firm's pick.)
        if intro.contains("teorica") || intro.contains("ibovespa:") {
            continue;
        }
        let portfolio = ["carteira", "portfolio", "indicad", "preferid", "top pick", "model portfolio"]
            .iter()
            .any(|cue| intro.contains(cue));
        let ratings = ["recomendac", "recommendation", "rating"].iter().any(|cue| intro.contains(cue));
        let rating_column = cells(&text[header.clone()])
            .position(|c| matches!(fold(c.trim()).as_str(), "recomendacao" | "rating" | "recommendation"));
        if !(portfolio || (ratings && rating_column.is_some())) {
            continue;
        }
        let Some(firm) = firm_before(text, words, claimants, start) else { continue };
        for row in rows {
            let line = &text[row.clone()];
            if line.trim_start().starts_with(['*', '-']) || fold(line).trim_start().starts_with("total") {
                continue;
            }
            let Some(symbol) = row_company(text, row, mentions) else { continue };
            let stance = match rating_column {
                Some(k) => match cells(line).nth(k).map(|c| fold(c.trim())) {
                    Some(c) if matches!(c.as_str(), "compra" | "buy" | "outperform" | "overweight" | "strong buy") => {
                        Stance::Bullish
                    }
                    Some(c) if matches!(c.as_str(), "venda" | "sell" | "underperform" | "underweight") => {
                        Stance::Bearish
                    }
                    _ => continue,
                },
                None => Stance::Bullish,
            };
            if !out.iter().any(|v: &ViewMatch| v.ticker == symbol) {
                out.push(ViewMatch { claimant: firm.clone(), ticker: symbol, stance, quote: row.clone() });
            }
        }
    }
    out
}

/// `As brasileiras identificadas foram: Bradesco (SA:BBDC4), Banco do Brasil (SA:BBAS3)… e Taesa`,
/// `Our top picks are: …`: a list of companies a firm picked, announced by a participle of picking
/// and a colon, each held bullish by the firm named before it.
pub(crate) fn picked_lists(
    text: &str,
    words: &[Token],
    claimants: &[Range<usize>],
    mentions: &[Mention],
) -> Vec<ViewMatch> {
    let mut out = Vec::new();
    for w in words {
        let picked = matches!(
            &*w.key,
            "identificadas"
                | "identificados"
                | "indicadas"
                | "indicados"
                | "selecionadas"
                | "selecionados"
                | "escolhidas"
                | "escolhidos"
                | "recomendadas"
                | "recomendados"
                | "preferidas"
                | "preferidos"
                | "picks"
        );
        if !picked {
            continue;
        }
        // The colon within the next word or two (`identificadas foram:`, `top picks are:`).
        let colon = text[w.end..].char_indices().take(12).find(|&(_, c)| c == ':' || c == '.' || c == '\n');
        let Some((k, ':')) = colon else { continue };
        let start = w.end + k + 1;
        let end = text[start..].find(['.', '\n', ';']).map_or(text.len(), |e| start + e);
        let listed = &mentions
            [mentions.partition_point(|m| m.span.start < start)..mentions.partition_point(|m| m.span.start < end)];
        let mut symbols: Vec<Symbol> = Vec::new();
        for m in listed {
            if !symbols.contains(&m.symbol) {
                symbols.push(m.symbol.clone());
            }
        }
        if symbols.len() < 2 {
            continue;
        }
        let Some(firm) = firm_before(text, words, claimants, w.start) else { continue };
        for symbol in symbols {
            out.push(ViewMatch {
                claimant: firm.clone(),
                ticker: symbol,
                stance: Stance::Bullish,
                quote: w.start..end,
            });
        }
    }
    out
}

/// The tables of a text: runs of at least three lines (a header and two rows) with two or more
/// `|` each, a line of dashes between them skipped; each table as its lines' byte ranges.
fn tables(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut out: Vec<Vec<Range<usize>>> = Vec::new();
    let mut run: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let range = at..at + line.trim_end_matches(['\n', '\r']).len();
        at += line.len();
        if line.matches('|').count() < 2 {
            if run.len() >= 3 {
                out.push(std::mem::take(&mut run));
            }
            run.clear();
            continue;
        }
        let separator = line.chars().all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\t' | '\n' | '\r'));
        if !separator {
            run.push(range);
        }
    }
    if run.len() >= 3 {
        out.push(run);
    }
    out
}

/// A line's cells, split at `|`.
fn cells(line: &str) -> impl Iterator<Item = &str> {
    line.split('|')
}

/// The company of a table row: its first mention, unless the row also writes a code no mention
/// took that is not a class of the same company (`Brookfield | BISA3`: a company gone from B3,
/// not the Brookfield the name reads as; `Vale | VALE5` is Vale's old class).
fn row_company(text: &str, row: &Range<usize>, mentions: &[Mention]) -> Option<Symbol> {
    let inside = &mentions
        [mentions.partition_point(|m| m.span.start < row.start)..mentions.partition_point(|m| m.span.start < row.end)];
    let first = inside.first()?;
    let mut at = row.start;
    for cell in cells(&text[row.clone()]) {
        let span = at..at + cell.len();
        at += cell.len() + 1;
        let code = cell.trim();
        let taken = inside.iter().any(|m| m.span.start < span.end && span.start < m.span.end);
        if !taken && is_b3_form(code) && !first.symbol.as_str().starts_with(&code[..4]) {
            return None;
        }
    }
    Some(first.symbol.clone())
}

/// The firm whose table starts at `start`: `carteira recomendada da Gradual`, else the last
/// claimant or known broker named shortly before it.
fn firm_before(text: &str, words: &[Token], claimants: &[Range<usize>], start: usize) -> Option<Range<usize>> {
    let from = start.saturating_sub(FIRM_BYTES);
    let before = &words[words.partition_point(|w| w.start < from)..words.partition_point(|w| w.start < start)];
    // `a carteira recomendada da Gradual`, `a carteira da Terra`: the name after `da`/`do`.
    let owner = before.iter().enumerate().rev().find_map(|(k, w)| {
        if !matches!(&*w.key, "carteira" | "portfolio") {
            return None;
        }
        let of = (k + 1..before.len().min(k + 4)).find(|&j| matches!(&*before[j].key, "da" | "do"))?;
        let name: Vec<&Token> = before[of + 1..].iter().take(3).take_while(|t| t.capitalized || t.upper).collect();
        let name = name.first()?.start..name.last()?.end;
        (!before[of + 1..].first().is_some_and(|t| is_index_word(&t.key))).then_some(name)
    });
    let claimant = || {
        claimants[claimants.partition_point(|c| c.start < from)..claimants.partition_point(|c| c.start < start)]
            .iter()
            .rev()
            .find(|c| !is_news_source(&fold(&text[(*c).clone()]).replace(['.', '\'', '’'], " ")))
            .cloned()
    };
    owner.or_else(claimant).or_else(|| brokers_in(before).pop())
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use crate::extract::{Lexicon, analyse};

    fn views(text: &str) -> Vec<(String, String, String)> {
        let findings = analyse(text, &Lexicon::bundled());
        findings.views.iter().map(|v| (v.claimant.clone(), v.ticker.to_string(), format!("{:?}", v.stance))).collect()
    }

    fn owned(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
        list.iter().map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned())).collect()
    }

    #[test]
    fn a_recommended_portfolio_table_is_bullish_on_each_listed_company() {
        let text = "A Gradual manteve a estratégia.\nConfira a carteira recomendada da Gradual:\nEmpresa | Código | \
                    Preço-alvo | Peso |\n---|---|---|---|\nPetrobras | PETR4 | R$ 37,50 | 25% |\nVale | VALE5 | R$ \
                    60,50 | 10% |\nBrookfield | BISA3 | R$ 11,70 | 5% |\nTotal | | | 100% |\n";
        assert_eq!(views(text), owned(&[("Gradual", "PETR4", "Bullish"), ("Gradual", "VALE3", "Bullish")]));
    }

    #[test]
    fn a_table_of_ratings_holds_each_row_s_rating() {
        let text = "Segundo a Ágora Investimentos, o setor melhora.\nVeja na tabela abaixo as recomendações da Ágora \
                    para as ações do setor:\nEmpresa | Ticker | Recomendação | Preço-alvo (R$) |\n---|---|---|---|\nOi | \
                    OIBR3 | Compra | 3,4 |\nTIM | TIMS3 | Venda | 19,5 |\nVivo | VIVT3 | Neutro | 61 |\n";
        assert_eq!(
            views(text),
            owned(&[("Ágora Investimentos", "OIBR3", "Bullish"), ("Ágora Investimentos", "TIMS3", "Bearish")])
        );
    }

    #[test]
    fn a_list_of_companies_a_firm_picked_is_bullish_on_each() {
        let text = "O Credit Suisse identificou cinco ações brasileiras. As brasileiras identificadas foram: Bradesco \
                    (SA:BBDC4), Banco do Brasil (SA:BBAS3) e Taesa (SA:TAEE11).";
        assert_eq!(
            views(text),
            owned(&[
                ("Credit Suisse", "BBDC4", "Bullish"),
                ("Credit Suisse", "BBAS3", "Bullish"),
                ("Credit Suisse", "TAEE11", "Bullish")
            ])
        );
        // Not a list without a firm, nor one company alone.
        assert_eq!(views("As ações indicadas: Vale e Petrobras."), owned(&[]));
    }

    #[test]
    fn an_index_s_stocks_and_a_table_with_no_firm_hold_no_view() {
        let text = "Confira as maiores altas da carteira do Ibovespa:\nEmpresa | Código | Alta |\n---|---|---|\n\
                    Petrobras | PETR4 | 5% |\nVale | VALE3 | 4% |\n";
        assert_eq!(views(text), owned(&[]));
        let text =
            "Confira as cotações:\nEmpresa | Código | Preço |\nPetrobras | PETR4 | R$ 30 |\nVale | VALE3 | R$ 60 |\n";
        assert_eq!(views(text), owned(&[]));
    }
}
