//! Views stated as a table whose cells lost their bars when it was copied: a header of one cell a
//! line (`Empresa`, `Ticker`, `Recomendação`…), then one line a company, its code, its rating and
//! its figures (`Bradesco BBDC4 Compra R$ 40,00 37,6%`). Each row's company is held by the firm
//! named before the table, as the row's rating says (a neutral rating is no view).

use std::ops::Range;

use super::ViewMatch;
use super::tables::{firm_before, unpicked};
use crate::extract::mentions::Mention;
use crate::extract::tokens::Token;
use crate::extract::unlisted::is_b3_form;
use crate::model::{Stance, fold};

/// How far before the first row the rating column's header is looked for, in bytes.
const HEADER_BYTES: usize = 300;
/// The longest line read as a row, in bytes.
const ROW_BYTES: usize = 160;

/// The views of the text's rows of ratings, and the rows (byte ranges; two or more, whether or
/// not a firm and a header make them a firm's ratings). `claimants` are the byte
/// ranges of the claimants found and `mentions` the company mentions, both in text order.
pub(crate) fn rated_rows(
    text: &str,
    words: &[Token],
    claimants: &[Range<usize>],
    mentions: &[Mention],
) -> (Vec<ViewMatch>, Vec<Range<usize>>) {
    let mut rows: Vec<(Range<usize>, &Mention, Option<Stance>)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let range = at..at + line.trim_end().len();
        at += line.len();
        if range.len() > ROW_BYTES || line.contains('|') {
            continue;
        }
        if let Some((company, stance)) = row(text, words, &range, mentions) {
            rows.push((range, company, stance));
        }
    }
    // (Two rows at least: one line alone is a sentence's shorthand, not a table.)
    if rows.len() < 2 {
        return (Vec::new(), Vec::new());
    }
    let first = rows[0].0.start;
    let header = fold(&text[text.floor_char_boundary(first.saturating_sub(HEADER_BYTES))..first]);
    let intro = &words[..words.partition_point(|w| w.start < first)];
    let rated = ["recomendacao", "recommendation", "rating"].iter().any(|cue| header.contains(cue));
    let firm = firm_before(text, words, claimants, first);
    let ranges = rows.iter().map(|(r, ..)| r.clone()).collect();
    let (Some(firm), true, false) = (firm, rated, unpicked(&intro[intro.len().saturating_sub(40)..])) else {
        return (Vec::new(), ranges);
    };
    let mut out: Vec<ViewMatch> = Vec::new();
    for (quote, company, stance) in &rows {
        let Some(stance) = *stance else { continue };
        if !out.iter().any(|v| v.ticker == company.symbol) {
            out.push(ViewMatch {
                claimant: firm.clone(),
                ticker: company.symbol.clone(),
                stance,
                quote: quote.clone(),
            });
        }
    }
    (out, ranges)
}

/// A line read as a row: it opens on a company's mention, and a B3 code is followed by a rating
/// (`Banco do Brasil BBAS3 Neutro R$ 41,00`). The company and the rating's stance (none when
/// neutral).
fn row<'m>(
    text: &str,
    words: &[Token],
    line: &Range<usize>,
    mentions: &'m [Mention],
) -> Option<(&'m Mention, Option<Stance>)> {
    let own = &words[words.partition_point(|w| w.start < line.start)..words.partition_point(|w| w.start < line.end)];
    let code = own.iter().position(|w| is_code(w.text))?;
    let rating = own.get(code + 1)?;
    // The code's mention (`B3 B3SA3`), else the name's opening the line when it names a company of
    // B3 (`Via Varejo VVAR11`, an old code; not `AES Tietê TIET11`: AES Corporation is not the
    // company).
    let inside = &mentions[mentions.partition_point(|m| m.span.start < line.start)
        ..mentions.partition_point(|m| m.span.start < line.end)];
    let company = inside
        .iter()
        .find(|m| m.span.start <= own[code].start && own[code].end <= m.span.end)
        .or_else(|| inside.first().filter(|m| m.span.start == own[0].start && is_code(m.symbol.as_str())))?;
    if own[0].start != line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len())
        || !own[0].has_upper
    {
        return None;
    }
    let stance = match &*rating.key {
        "compra" | "buy" | "outperform" | "overweight" => Some(Stance::Bullish),
        "venda" | "sell" | "underperform" | "underweight" => Some(Stance::Bearish),
        "neutro" | "neutra" | "neutral" | "manter" | "hold" | "equalweight" => None,
        _ => return None,
    };
    Some((company, stance))
}

/// A B3 code, its four characters letters or digits (`BBAS3`, `B3SA3`, `KLBN11`).
fn is_code(word: &str) -> bool {
    is_b3_form(word)
        || word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && word.get(..4).is_some_and(|root| root.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
            && matches!(word.get(4..), Some("3" | "4" | "5" | "6" | "11"))
}

#[cfg(test)]
mod tests {
    use crate::extract::{Lexicon, analyse};

    fn views(text: &str) -> Vec<(String, String, String)> {
        let findings = analyse(text, &Lexicon::bundled());
        findings.views.iter().map(|v| (v.claimant.clone(), v.ticker.to_string(), format!("{:?}", v.stance))).collect()
    }

    #[test]
    fn rows_of_a_table_copied_without_bars_hold_their_ratings() {
        let text = "As ações com maior potencial, segundo a XP Investimentos. Confira:\n\nEmpresa\n\nTicker\n\n\
                    Recomendação\n\nPreço-alvo\n\nBanco do Brasil BBAS3 Neutro R$ 41,00 32,2%\nBradesco BBDC4 Compra R$ \
                    40,00 37,6%\nCemig CMIG4 Venda R$ 10,00 31,9%\n";
        let want = [("XP Investimentos", "BBDC4", "Bullish"), ("XP Investimentos", "CMIG4", "Bearish")];
        assert_eq!(views(text), want.map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned())));
    }

    #[test]
    fn rows_without_a_rating_header_or_a_firm_or_alone_hold_no_view() {
        // One row alone.
        let text = "Recomendação da XP Investimentos:\nBradesco BBDC4 Compra R$ 40,00\n";
        assert!(views(text).is_empty(), "{:?}", views(text));
        // No firm.
        let text = "Recomendação\nBradesco BBDC4 Compra R$ 40,00\nCemig CMIG4 Compra R$ 10,00\n";
        assert!(views(text).is_empty(), "{:?}", views(text));
    }
}
