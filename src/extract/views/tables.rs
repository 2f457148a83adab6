//! Views stated as a table: a firm's recommended portfolio or its ratings for a sector, written
//! as lines of cells (`Petrobras | PETR4 | R$ 37,50 | 31% |`) after a sentence introducing them
//! (`Confira a carteira recomendada da Gradual:`, `Veja na tabela abaixo as recomendações da
//! Ágora…`). Each row's company is held by the firm: bullish in a portfolio, or as the row's
//! rating says where the table has a rating column (`Compra`, `Neutro`: a neutral rating is no
//! view). A list a firm picked in a sentence reads the same way (`picked`).

use std::ops::Range;

use super::ViewMatch;
use super::weights::PORTFOLIOS;
use crate::extract::fx_hash::FxHashMap;
use crate::extract::index_cues::is_index_word;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_broker};
use crate::extract::non_holders::is_news_source;
use crate::extract::tokens::Token;
use crate::extract::unlisted::is_b3_form;
use crate::model::{Stance, Symbol, fold};

/// How far before a table its introduction is read, in bytes: the end of the line before.
const INTRO_BYTES: usize = 300;
/// How far before a table or a list the firm that made it may be named, in bytes.
const FIRM_BYTES: usize = 1500;

/// The views of the text's tables. `claimants` are the byte ranges of the claimants found and
/// `mentions` the company mentions, both in text order.
pub(crate) fn table_views(
    text: &str,
    words: &[Token],
    claimants: &[Range<usize>],
    mentions: &[Mention],
) -> Vec<ViewMatch> {
    let mut out: Vec<ViewMatch> = Vec::new();
    // (Most texts have no table: one byte search decides.)
    if !text.contains('|') {
        return out;
    }
    for table in tables(text) {
        let Some((header, rows)) = table.split_first() else { continue };
        let start = header.start;
        // The line right before the table introduces it (`Confira a carteira recomendada da
        // Gradual:`), its last bytes only.
        let line_end = text[..start].trim_end().len();
        let line_start = text[..line_end].rfind('\n').map_or(0, |n| n + 1);
        let intro_words = &words[words
            .partition_point(|w| w.start < line_start.max(line_end.saturating_sub(INTRO_BYTES)))
            ..words.partition_point(|w| w.start < line_end)];
        let intro = fold(&text[intro_words.first().map_or(line_end, |w| w.start)..line_end]);
        // (A recommended portfolio's names, and a firm's portfolio or picks named otherwise.)
        let portfolio = PORTFOLIOS
            .iter()
            .chain(&[
                "carteira da ",
                "carteira do ",
                "indicad",
                "preferid",
                "favorit",
                "favourit",
                "recommended",
                "recomendadas",
                "recomendados",
                "top picks",
            ])
            .any(|cue| intro.contains(cue));
        // (A table with a weight column in a text that names a portfolio before it: `Empresa |
        // Ticker | Setor | Peso |` after `a carteira Top Green`; not an index's.)
        let portfolio = portfolio || (weight_column(&text[header.clone()]) && names_a_portfolio(text, start));
        let ratings = ["recomendac", "recommendation", "rating"].iter().any(|cue| intro.contains(cue));
        let rating_column = cells(&text[header.clone()])
            .position(|c| matches!(fold(c.trim()).as_str(), "recomendacao" | "rating" | "recommendation"));
        // `Instituição | Preço-alvo | Recomendação |` / `Credit Suisse | R$ 25 | Compra |`: a row a
        // firm, each rating the company the text is about.
        if let Some(k) = rating_column
            && let Some(company) = firms_table_company(text, words, rows, mentions, start)
        {
            for row in rows {
                if let (Some(firm), Some(stance)) =
                    (row_firm(words, row), cells(&text[row.clone()]).nth(k).and_then(rating_of))
                {
                    out.push(ViewMatch { claimant: firm, ticker: company.clone(), stance, quote: row.clone() });
                }
            }
            continue;
        }
        // `Compra` / `Venda` on the line before a day trade's table: the side of each of its rows.
        let side = match intro.trim().trim_end_matches(':') {
            "compra" | "buy" => Some(Stance::Bullish),
            "venda" | "sell" => Some(Stance::Bearish),
            _ => None,
        };
        // (Only the introduction's last sentence may say the table holds no picks: `O portfólio
        // não ganhou um novo ativo. Em vez disso, a Ágora redistribuiu o peso…` introduces one.)
        let intro_start = intro_words.first().map_or(line_end, |w| w.start);
        let last_sentence =
            text[intro_start..line_end].trim_end_matches([':', '.']).rfind(". ").map_or(0, |k| intro_start + k + 2);
        let last_words = &intro_words[intro_words.partition_point(|w| w.start < last_sentence)..];
        if side.is_none() && (!(portfolio || ratings) || unpicked(last_words)) {
            continue;
        }
        let Some(firm) = firm_before(text, words, claimants, start) else { continue };
        let firm_name = fold(&text[firm.clone()]);
        for row in rows {
            let line = &text[row.clone()];
            if line.trim_start().starts_with(['*', '-']) || fold(line).trim_start().starts_with("total") {
                continue;
            }
            let Some(symbol) = row_company(text, row, mentions) else { continue };
            let stance = match rating_column {
                Some(k) => match cells(line).nth(k).and_then(rating_of) {
                    Some(stance) => stance,
                    None => continue,
                },
                None => side.unwrap_or(Stance::Bullish),
            };
            // (One view per firm and company, whatever the number of its tables.)
            if !out.iter().any(|v| v.ticker == symbol && fold(&text[v.claimant.clone()]) == firm_name) {
                out.push(ViewMatch { claimant: firm.clone(), ticker: symbol, stance, quote: row.clone() });
            }
        }
    }
    out
}

/// The known broker a table row opens on (`Credit Suisse | R$ 25 | Compra |`), read in the row's
/// own words.
fn row_firm(words: &[Token], row: &Range<usize>) -> Option<Range<usize>> {
    let own = &words[words.partition_point(|w| w.start < row.start)..words.partition_point(|w| w.start < row.end)];
    brokers_in(&own[..own.len().min(5)]).into_iter().next().filter(|b| b.start == own[0].start)
}

/// A rating cell's stance (none for a neutral or unknown rating).
pub(super) fn rating_of(cell: &str) -> Option<Stance> {
    match fold(cell.trim()).as_str() {
        "compra" | "buy" | "outperform" | "overweight" | "strong buy" => Some(Stance::Bullish),
        "venda" | "sell" | "underperform" | "underweight" => Some(Stance::Bearish),
        _ => None,
    }
}

/// The company a table of firms rates (two rows or more opening on a known broker, no company's
/// code written in any row: not `| Itaú Unibanco | ITUB4 | Compra |`, a bank rated): the one
/// named most often before the table starts at byte `start` (the first named of those named as
/// often).
fn firms_table_company(
    text: &str,
    words: &[Token],
    rows: &[Range<usize>],
    mentions: &[Mention],
    start: usize,
) -> Option<Symbol> {
    // (A symbol written past the row's first cell, the firm's.)
    let coded = rows.iter().any(|row| {
        let opening =
            text[row.clone()].find(|c: char| c != '|' && !c.is_whitespace()).map_or(row.start, |k| row.start + k);
        mentions[mentions.partition_point(|m| m.span.start < row.start)..]
            .iter()
            .take_while(|m| m.span.start < row.end)
            .any(|m| m.span.start > opening && text[m.span.clone()] == *m.symbol.as_str())
    });
    if coded {
        return None;
    }
    let firm_rows = rows.iter().filter(|row| row_firm(words, row).is_some()).count();
    if firm_rows < 2 {
        return None;
    }
    let before = &mentions[..mentions.partition_point(|m| m.span.start < start)];
    let mut counts: FxHashMap<&Symbol, usize> = FxHashMap::default();
    let mut best: Option<(&Symbol, usize)> = None;
    for m in before.iter().filter(|m| !is_broker(&m.symbol)) {
        let n = counts.entry(&m.symbol).or_default();
        *n += 1;
        if best.is_none_or(|(_, most)| *n > most) {
            best = Some((&m.symbol, *n));
        }
    }
    best.map(|(s, _)| s.clone())
}

/// Words that make a list or a table one of stocks sold, dropped, falling or ranked by their move,
/// not a firm's picks (folded keys).
pub(super) fn unpicked(words: &[Token]) -> bool {
    words.iter().any(|w| {
        matches!(
            &*w.key,
            "venda"
                | "vender"
                | "sell"
                | "short"
                | "shorts"
                | "bearish"
                | "least"
                | "nao"
                | "not"
                | "sair"
                | "sairam"
                | "saiu"
                | "retirou"
                | "retiradas"
                | "removeu"
                | "removed"
                | "removidas"
                | "excluidas"
                | "cair"
                | "queda"
                | "quedas"
                | "altas"
                | "maiores"
                | "decliners"
                | "gainers"
                | "losers"
                | "pior"
                | "piores"
                | "worst"
                | "crowded"
                | "antes"
                | "previous"
                | "anterior"
                | "ibovespa"
                | "indice"
                | "index"
        )
    })
}

/// Whether a table's header names a weight column (`Peso`, `Peso (%)`, `Weight`).
fn weight_column(header: &str) -> bool {
    cells(header).any(|c| {
        let cell = fold(c.trim());
        ["peso", "weight", "alocacao", "allocation"]
            .iter()
            .any(|w| cell.strip_prefix(w).is_some_and(|rest| !rest.starts_with(char::is_alphanumeric)))
    })
}

/// Whether the text before `start` (within `FIRM_BYTES`) names a broker's portfolio, as Brazilian
/// brokers name theirs, and no index's (`carteira Top Green`; not `a carteira teórica do
/// Ibovespa`, nor a fund's holdings, `Vanguard's portfolio`).
fn names_a_portfolio(text: &str, start: usize) -> bool {
    let before = fold(&text[text.floor_char_boundary(start.saturating_sub(FIRM_BYTES))..start]);
    before.contains("carteira") && !["ibovespa", "teorica", "indice", "index"].iter().any(|p| before.contains(p))
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

/// The firm whose table or list starts at `start`: the one named last before it, as the owner of a
/// portfolio (`carteira recomendada da Gradual`; not an index's, `carteira do Ibovespa`), a
/// claimant or a known broker.
pub(super) fn firm_before(
    text: &str,
    words: &[Token],
    claimants: &[Range<usize>],
    start: usize,
) -> Option<Range<usize>> {
    let from = start.saturating_sub(FIRM_BYTES);
    let before = &words[words.partition_point(|w| w.start < from)..words.partition_point(|w| w.start < start)];
    // `a carteira recomendada da Gradual`, `a carteira da Terra`: the name after `da`/`do`, its
    // capitalised words joined by single spaces only.
    let owner = before.iter().enumerate().rev().find_map(|(k, w)| {
        if !matches!(&*w.key, "carteira" | "portfolio") {
            return None;
        }
        let of = (k + 1..before.len().min(k + 4)).find(|&j| matches!(&*before[j].key, "da" | "do"))?;
        let first = before.get(of + 1).filter(|t| (t.capitalized || t.upper) && !is_index_word(&t.key))?;
        let mut last = first;
        for t in before[of + 2..].iter().take(2) {
            if !(t.capitalized || t.upper) || &text[last.end..t.start] != " " {
                break;
            }
            last = t;
        }
        (first.key != "b3").then_some(first.start..last.end)
    });
    let claimant = claimants
        [claimants.partition_point(|c| c.start < from)..claimants.partition_point(|c| c.start < start)]
        .iter()
        .rev()
        .find(|c| !is_news_source(&fold(&text[(*c).clone()]).replace(['.', '\'', '’'], " ")))
        .cloned();
    let broker = brokers_in(before).pop();
    [owner, claimant, broker].into_iter().flatten().max_by_key(|r| r.start)
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
    fn a_table_with_a_weight_column_after_a_named_portfolio_is_one() {
        let text = "A Ágora retirou a Duratex da carteira Top Green.\nO portfólio não ganhou um novo ativo. Em vez \
                    disso, a Ágora redistribuiu o peso dos papéis.\nEmpresa | Ticker | Setor | Peso |\n---|---|---|---|\n\
                    Fleury | FLRY3 | Saúde | 10% |\nKlabin | KLBN11 | Papel | 10% |\n";
        assert_eq!(views(text), owned(&[("Ágora", "FLRY3", "Bullish"), ("Ágora", "KLBN11", "Bullish")]));
        // Not an index's portfolio, nor a table of weights where no portfolio was named.
        for text in [
            "Segundo a XP, a carteira teórica do Ibovespa muda.\nAs ações entram assim.\nEmpresa | Ticker | Peso \
             |\nVale | VALE3 | 10% |\nItaú | ITUB4 | 8% |\n",
            "Segundo a XP, o setor sobe.\nAs ações entram assim.\nEmpresa | Ticker | Peso |\nVale | VALE3 | 10% \
             |\nItaú | ITUB4 | 8% |\n",
        ] {
            assert_eq!(views(text), owned(&[]), "{text}");
        }
    }

    #[test]
    fn a_firm_s_list_of_picks_under_a_line_naming_it_is_bullish_on_each() {
        let text = "The Goldman Sachs (GS) Conviction Buy List contained 50 stocks.\n\n2011 Conviction Buy Top \
                    Performers:\n\nStarbucks ( SBUX), +13%\nViacom ( VIA.B), +14%\nNasdaq ( NDAQ), +14%\n\nNow \
                    here's a look at Intel, which fell.";
        assert_eq!(views(text), owned(&[("Goldman Sachs", "SBUX", "Bullish"), ("Goldman Sachs", "NDAQ", "Bullish")]));
        // Not a line of prose after the list's name, nor what follows it.
        let text = "Morgan Stanley published its outlook.\nTop picks for 2024:\n\nWe reveal them next week.\n\nApple \
                    (AAPL) fell 2%.";
        assert_eq!(views(text), owned(&[]));
        let text = "Morgan Stanley published its outlook.\nTop picks for 2024:\n\nApple (AAPL), +2%\n";
        assert_eq!(views(text), owned(&[("Morgan Stanley", "AAPL", "Bullish")]));
    }

    #[test]
    fn a_table_of_ratings_holds_each_row_s_rating() {
        let text = "Segundo a Ágora Investimentos, o setor melhora.\nVeja na tabela abaixo as recomendações da Ágora \
                    para as ações do setor:\nEmpresa | Ticker | Recomendação | Preço-alvo (R$) |\n---|---|---|---|\nOi | \
                    OIBR3 | Compra | 3,4 |\nTIM | TIMS3 | Venda | 19,5 |\nVivo | VIVT3 | Neutro | 61 |\n";
        let found: Vec<(String, String)> =
            views(text).into_iter().map(|(_, ticker, stance)| (ticker, stance)).collect();
        let want = [("OIBR3", "Bullish"), ("TIMS3", "Bearish")].map(|(t, s)| (t.to_owned(), s.to_owned()));
        assert_eq!(found, want);
        assert!(views(text).iter().all(|(firm, ..)| firm.starts_with("Ágora")));
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
    fn the_review_s_lists_of_stocks_sold_dropped_or_ranked_hold_no_bullish_view() {
        for text in [
            "Segundo o Itaú BBA, as ações recomendadas para venda: Vale, Petrobras e Gerdau.",
            "JPMorgan published its list of shorts. Its least-favoured picks: Intel, Boeing and Ford.",
            "A Gradual reduziu a exposição. Ações não mais indicadas: Vale, Petrobras e Gerdau.",
            "O BTG Pactual listou as ações mais indicadas a cair: Vale e Petrobras.",
            "Segundo o BTG Pactual, o governo escolheu os conselheiros indicados: João Silva, da Petrobras, e Maria \
             Souza, da Vale.",
            "Goldman Sachs said the most crowded hedge fund picks: Apple, Microsoft and Nvidia, are at risk.",
        ] {
            assert!(views(text).iter().all(|(_, _, stance)| stance != "Bullish"), "{text}: {:?}", views(text));
        }
        // The firm named last before the list is the one.
        let text = "A carteira do Itaú Unibanco rendeu 3% em maio. O Credit Suisse também divulgou suas escolhas. As \
                    brasileiras identificadas foram: Vale (VALE3), Petrobras (PETR4) e Taesa (TAEE11).";
        assert!(views(text).iter().all(|(firm, ..)| firm == "Credit Suisse"), "{:?}", views(text));
        // A firm's own view stated in a sentence outranks the list.
        let text = "O Credit Suisse rebaixou a Vale para venda. As brasileiras identificadas foram: Vale (VALE3), Itaú \
                    (ITUB4) e Taesa (TAEE11).";
        assert!(!views(text).contains(&("Credit Suisse".to_owned(), "VALE3".to_owned(), "Bullish".to_owned())));
    }

    #[test]
    fn the_review_s_tables_of_movers_removals_and_index_members_hold_no_view() {
        for text in [
            "Segundo a XP Investimentos, o dia foi de alta. A carteira de investimentos dos fundos ficou mais \
             arriscada.\nVeja as maiores quedas:\nEmpresa | Código | Variação |\nPetrobras | PETR4 | -3,2% |\nVale | \
             VALE3 | -2,1% |\n",
            "Goldman Sachs said hedge funds trimmed their portfolios this week.\nBiggest decliners today:\nCompany | \
             Ticker | Change |\nApple | AAPL | -3.2% |\nIntel | INTC | -2.1% |\n",
            "Morgan Stanley removed the following names from its model portfolio:\nCompany | Ticker |\nApple | AAPL \
             |\nIntel | INTC |\n",
            "A Gradual retirou da carteira recomendada as seguintes ações:\nEmpresa | Código |\nPetrobras | PETR4 \
             |\nVale | VALE3 |\n",
            "Confira a nova carteira do Ibovespa para o quadrimestre, segundo a B3:\nEmpresa | Código |\nPetrobras | \
             PETR4 |\nVale | VALE3 |\n",
        ] {
            assert!(views(text).iter().all(|(_, _, stance)| stance != "Bullish"), "{text}: {:?}", views(text));
        }
        // The owner's name stops at the colon.
        let text =
            "Confira a carteira recomendada da Gradual:\nEmpresa | Código |\nPetrobras | PETR4 |\nVale | VALE3 |\n";
        assert!(views(text).iter().all(|(firm, ..)| firm == "Gradual"), "{:?}", views(text));
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
