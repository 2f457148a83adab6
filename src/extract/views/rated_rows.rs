//! Views stated as a table whose cells lost their bars when it was copied: a header of one cell a
//! line (`Empresa`, `Ticker`, `Recomendação`…), then one line a company, its code, its rating and
//! its figures (`Bradesco BBDC4 Compra R$ 40,00 37,6%`). Each row's company is held by the firm
//! named before the table, as the row's rating says (a neutral rating is no view).

use std::ops::Range;

use super::ViewMatch;
use super::tables::{firm_before, rating_of, unpicked};
use crate::extract::fx_hash::FxHashSet;
use crate::extract::mentions::Mention;
use crate::extract::tokens::Token;
use crate::extract::unlisted::is_b3_form;
use crate::model::{Stance, Symbol, fold};

/// How far before the first row the rating column's header is looked for, in bytes.
const HEADER_BYTES: usize = 300;
/// The longest line read as a row, in bytes.
const ROW_BYTES: usize = 160;

/// The views of the text's tables of ratings, and their rows (byte ranges, in order). A table is
/// a run of two rows or more, only blank lines between them, with a rating column's header in the
/// few lines before (`Recomendação`); its rows are returned whether or not a firm is named before
/// it, its views only when one is. `claimants` are the byte ranges of the claimants found and
/// `mentions` the company mentions, both in text order.
pub(crate) fn rated_rows(
    text: &str,
    words: &[Token],
    claimants: &[Range<usize>],
    mentions: &[Mention],
) -> (Vec<ViewMatch>, Vec<Range<usize>>) {
    let mut runs: Vec<Vec<Row>> = Vec::new();
    let mut run: Vec<Row> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let range = at..at + line.trim_end().len();
        at += line.len();
        if range.is_empty() {
            continue;
        }
        match (range.len() <= ROW_BYTES && !line.contains('|')).then(|| row(text, words, &range, mentions)).flatten() {
            Some((company, stance)) => run.push((range, company, stance)),
            None => runs.push(std::mem::take(&mut run)),
        }
    }
    runs.push(run);
    let (mut out, mut rows): (Vec<ViewMatch>, Vec<Range<usize>>) = (Vec::new(), Vec::new());
    // (Two rows at least: one line alone is a sentence's shorthand, not a table.)
    for run in runs.iter().filter(|run| run.len() >= 2) {
        let first = run[0].0.start;
        let header = fold(&text[text.floor_char_boundary(first.saturating_sub(HEADER_BYTES))..first]);
        if !["recomendacao", "recommendation", "rating"].iter().any(|cue| header.contains(cue)) {
            continue;
        }
        rows.extend(run.iter().map(|(r, ..)| r.clone()));
        let intro = &words[..words.partition_point(|w| w.start < first)];
        let Some(firm) = firm_before(text, words, claimants, first) else { continue };
        if unpicked(&intro[intro.len().saturating_sub(40)..]) {
            continue;
        }
        let mut seen: FxHashSet<&Symbol> = FxHashSet::default();
        for (quote, company, stance) in run {
            if let (Some(company), Some(stance)) = (company, *stance)
                && seen.insert(&company.symbol)
            {
                let ticker = company.symbol.clone();
                out.push(ViewMatch { claimant: firm.clone(), ticker, stance, quote: quote.clone() });
            }
        }
    }
    (out, rows)
}

/// A row: the line's byte range, its company (when known), and its rating's stance (none when
/// neutral).
type Row<'m> = (Range<usize>, Option<&'m Mention>, Option<Stance>);

/// A line read as a row: it opens on a capitalised word, and a B3 code is followed by a rating
/// (`Banco do Brasil BBAS3 Neutro R$ 41,00`). The company, when the lexicon knows it (not `Tim
/// TIMP3`, an old code: the row still goes on the table), and the rating's stance (none when
/// neutral).
fn row<'m>(
    text: &str,
    words: &[Token],
    line: &Range<usize>,
    mentions: &'m [Mention],
) -> Option<(Option<&'m Mention>, Option<Stance>)> {
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
        .or_else(|| inside.first().filter(|m| m.span.start == own[0].start && is_code(m.symbol.as_str())));
    if own[0].start != line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len())
        || !own[0].has_upper
    {
        return None;
    }
    // (The tables' own reading of a rating; a neutral one keeps the row, with no stance.)
    let stance = rating_of(&rating.key);
    let neutral = matches!(&*rating.key, "neutro" | "neutra" | "neutral" | "manter" | "hold" | "equalweight");
    (stance.is_some() || neutral).then_some((company, stance))
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
