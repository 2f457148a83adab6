//! Views stated as a day trade's picks, one block a firm: a line naming the firm alone (`BTG`,
//! `Ágora | |||||||`), a header of the picks' columns (`Empresa | Ticker | Entrada (R$) | 1º alvo
//! (R$) |…`, with or without its bars, on one line or one cell a line), then a row a company
//! (`Rumo | RAIL3 | 22,1 | 21,7 | 1,86% |…`). Each row's company is held by the block's firm: as
//! its prices say where they can be read (a target above the entry is a purchase, below it a
//! sale), otherwise as the text before the block says (`Veja o que vender:`, `As ações indicadas
//! para venda`).

use std::ops::Range;

use super::ViewMatch;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::Mention;
use crate::extract::tokens::Token;
use crate::model::{Stance, Symbol, fold};

/// How far before a block the words saying which side its picks are on are looked for, in bytes.
const SIDE_BYTES: usize = 1500;
/// A longer line is prose: it ends a block.
const ROW_BYTES: usize = 200;
/// How many lines after a firm's line its header may start (a bar line may come between).
const HEADER_LINES: usize = 3;

/// The views of the text's day-trade blocks, and the blocks (byte ranges after each firm's line,
/// in order). `mentions` are the company mentions, in text order.
pub(crate) fn day_trade_views(
    text: &str,
    words: &[Token],
    mentions: &[Mention],
) -> (Vec<ViewMatch>, Vec<Range<usize>>) {
    let mut out = Vec::new();
    let mut blocks = Vec::new();
    // (Most texts have no such block: one byte search decides.)
    if !text.contains("ntrada") {
        return (out, blocks);
    }
    let lines = lines_of(text);
    let heads: Vec<(usize, Range<usize>)> =
        (0..lines.len()).filter_map(|k| firm_line(text, words, &lines, k).map(|firm| (k, firm))).collect();
    for (h, (k, firm)) in heads.iter().enumerate() {
        let next_head = heads.get(h + 1).map_or(lines.len(), |(n, _)| *n);
        let end = (k + 1..next_head).find(|&n| lines[n].len() > ROW_BYTES).unwrap_or(next_head);
        let block = lines[*k].end..lines.get(end - 1).map_or(text.len(), |l| l.end);
        let side = side_before(words, lines[*k].start);
        let rows = rows_in(text, &lines[k + 1..end], mentions);
        for (at, (symbol, quote)) in rows.iter().enumerate() {
            let till = rows.get(at + 1).map_or(block.end, |(_, next)| next.start);
            let Some(stance) = priced_side(&text[quote.end..till]).or(side) else { continue };
            out.push(ViewMatch { claimant: firm.clone(), ticker: symbol.clone(), stance, quote: quote.clone() });
        }
        blocks.push(block);
    }
    (out, blocks)
}

/// The text's lines (byte ranges, trimmed), blank ones and bar lines (`---|---|`) left out.
fn lines_of(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let range = at + lead..at + line.trim_end().len();
        at += line.len();
        if !range.is_empty() && text[range.clone()].chars().any(|c| !matches!(c, '|' | '-' | ':' | ' ')) {
            out.push(range);
        }
    }
    out
}

/// The firm a block opens on: line `k` names a known broker and nothing else but bars, and a
/// header of a day trade's columns follows within a few lines.
fn firm_line(text: &str, words: &[Token], lines: &[Range<usize>], k: usize) -> Option<Range<usize>> {
    let line = &lines[k];
    let own = &words[words.partition_point(|w| w.start < line.start)..words.partition_point(|w| w.start < line.end)];
    let firm = brokers_in(own).into_iter().next()?;
    let rest = |r: &str| r.chars().all(|c| c == '|' || c.is_whitespace());
    if !(rest(&text[line.start..firm.start]) && rest(&text[firm.end..line.end])) {
        return None;
    }
    let header = lines[k + 1..].iter().take(HEADER_LINES).position(|l| is_header_cell(&fold(&text[l.clone()])))?;
    // The entry's column within the header's first lines (one cell a line, or all on one).
    let head = lines[k + 1 + header].start..lines.get(k + 1 + header + 3).map_or(text.len(), |l| l.end);
    fold(&text[head]).contains("entrada").then_some(firm)
}

/// Whether a line (folded) is a header's, or one of its cells: it opens on a column's name.
fn is_header_cell(line: &str) -> bool {
    let first = line.trim_start_matches(|c: char| c == '|' || c.is_whitespace());
    let word = first.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    matches!(
        word,
        "empresa" | "ticker" | "codigo" | "ativo" | "acao" | "entrada" | "alvo" | "potencial" | "ganho" | "stop"
    ) || first.starts_with(|c: char| c.is_ascii_digit()) && first.contains("alvo")
}

/// The companies of a block's lines: the first company named on each line that is no header
/// cell and no footnote, one row for a name and its code on the next line (`Azul` / `AZUL4`).
/// Each with the byte range of its name.
fn rows_in(text: &str, lines: &[Range<usize>], mentions: &[Mention]) -> Vec<(Symbol, Range<usize>)> {
    let mut rows: Vec<(Symbol, Range<usize>)> = Vec::new();
    for line in lines {
        let own = &text[line.clone()];
        if is_header_cell(&fold(own)) || own.starts_with('*') {
            continue;
        }
        let Some(m) = mentions[mentions.partition_point(|m| m.span.start < line.start)..]
            .iter()
            .take_while(|m| m.span.start < line.end)
            .find(|m| !m.fund)
        else {
            continue;
        };
        match rows.last_mut() {
            Some((symbol, quote)) if *symbol == m.symbol && text[quote.end..m.span.start].trim().is_empty() => {
                quote.end = m.span.end;
            }
            _ => rows.push((m.symbol.clone(), m.span.clone())),
        }
    }
    rows
}

/// The side of a row from its prices (`22,1 | 21,7 | 1,86%`: the entry, then the first target): a
/// target above the entry is a purchase, below it a sale. The row's text after its company.
fn priced_side(row: &str) -> Option<Stance> {
    let mut prices = row
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter(|w| !w.is_empty())
        // (A code holds digits too, `RAIL3`; a percentage is no price.)
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()) && !w.ends_with('%'))
        .filter_map(|w| w.replace(',', ".").parse::<f64>().ok());
    let (entry, target) = (prices.next()?, prices.next()?);
    if target > entry {
        Some(Stance::Bullish)
    } else if target < entry {
        Some(Stance::Bearish)
    } else {
        None
    }
}

/// The side the text before byte `start` says a block's picks are on: its last word of buying or
/// selling (`o que vender`, `recomendações de compra`).
fn side_before(words: &[Token], start: usize) -> Option<Stance> {
    let before = &words[words.partition_point(|w| w.start < start.saturating_sub(SIDE_BYTES))
        ..words.partition_point(|w| w.start < start)];
    before.iter().rev().find_map(|w| match &*w.key {
        "compra" | "compras" | "comprar" | "buy" => Some(Stance::Bullish),
        "venda" | "vendas" | "vender" | "sell" => Some(Stance::Bearish),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::priced_side;
    use crate::model::Stance;

    #[test]
    fn a_rows_prices_say_its_side() {
        assert_eq!(priced_side(" | RAIL3 | 22,1 | 21,7 | 1,86% | 21,65 |"), Some(Stance::Bearish));
        assert_eq!(priced_side(" HYPE3 28.86 29.30  1.52% 29.70"), Some(Stance::Bullish));
        assert_eq!(priced_side("\nAZUL4\n5,14\n"), None, "one price only");
    }
}
