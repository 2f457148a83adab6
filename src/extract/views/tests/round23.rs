//! Unit tests of the twenty-third round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_day_trades_blocks_are_their_firms_picks() {
    let text = "O PagBank e o BTG Pactual indicaram a venda de Petrobras (PETR4) nesta terça-feira.\nVeja o que \
                vender:\nPagBank | |||\n---|---|---|---|\nEmpresa | Ticker | Entrada (R$) | 1º alvo (R$) |\nRumo | \
                RAIL3 | 22,1 | 21,7 |\nBTG | |||\n---|---|---|---|\nEmpresa | Ticker | Entrada (R$) | 1º alvo (R$) \
                |\nJBS | JBSS3 | 22,34 | 21,81 |\nPetrobras | PETR4 | 39,83 | 39,18 |";
    assert_eq!(
        bundled(text),
        [
            view("BTG Pactual", "PETR4", Stance::Bearish),
            view("PagBank", "RAIL3", Stance::Bearish),
            view("BTG", "JBSS3", Stance::Bearish),
        ],
        "a sentence naming a pick for two firms is read from their blocks"
    );
    // (Prices above the entry: purchases, whatever the text before says.)
    let text = "Veja o que vender hoje.\n\nBTG\nEmpresa Ticker Entrada (R$) 1º alvo (R$)\nHypera HYPE3 28.86 29.30 \
                1.52%\n\nÁgora\nEmpresa Ticker Entrada (R$) 1º alvo (R$)\nCopel CPLE6 9,37 9,50 1,39%";
    assert_eq!(bundled(text), [view("BTG", "HYPE3", Stance::Bullish), view("Ágora", "CPLE6", Stance::Bullish)]);
    // One cell a line, the side from the text before; a firm named in a row holds nothing.
    let text = "As ações indicadas para venda\nÁgora\nEmpresa\nTicker\nEntrada (R$)\n1º alvo (R$)\nAzul\nAZUL4\n\
                5,14\n—\nSantander\nSANB11\n26,77\n—";
    assert_eq!(bundled(text), [view("Ágora", "AZUL4", Stance::Bearish), view("Ágora", "SANB11", Stance::Bearish)]);
    // (No columns of a day trade after the firm's line: no block.)
    let text = "BTG\nEmpresa | Setor |\nRumo | Logística |";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_side_on_the_line_before_a_table_rates_its_rows() {
    let text = "O BTG Pactual sugere uma operação de day trade envolvendo as ações da Azul (AZUL4), Eztec (EZTC3), \
                B3 (B3SA3) e Braskem (BRKM5).\nCompra\nCódigo | Entrada | Objetivo |\n---|---|---|\nAZUL4 | 8,03 | \
                8,33 |\nEZTC3 | 13,33 | 13,79 |\nVenda\nCódigo | Entrada | Objetivo |\n---|---|---|\nB3SA3 | 10,45 | \
                10,06 |\nBRKM5 | 17,79 | 17,31 |";
    assert_eq!(
        bundled(text),
        [
            view("BTG Pactual", "AZUL4", Stance::Bullish),
            view("BTG Pactual", "EZTC3", Stance::Bullish),
            view("BTG Pactual", "B3SA3", Stance::Bearish),
            view("BTG Pactual", "BRKM5", Stance::Bearish),
        ]
    );
}

#[test]
fn a_company_unknown_with_its_own_code_goes_on_with_a_list() {
    let text = "O BTG Pactual recomendou para venda as ações de Americanas (AMER3), Grupo Soma (SOMA3) e MRV (MRVE3).";
    assert_eq!(bundled(text), ["AMER3", "MRVE3"].map(|t| view("BTG Pactual", t, Stance::Bearish)));
}

#[test]
fn symbols_a_rating_act_lists_are_its_companies() {
    let text = "07:43 Merrill Lynch downgrades retail stocks\nMerrill Lynch says retail stocks could lag. Firm downgrades DDS to Sell from Neutral, and downgrades \
                WMT, ARO, ZLC, DLTR, TGT, and NMGA to Neutral from Buy.";
    assert_eq!(bundled(text), ["DDS", "WMT", "DLTR", "TGT"].map(|t| view("Merrill Lynch", t, Stance::Bearish)));
    // (Not a word in capitals without the rating it is moved to.)
    let text = "Merrill Lynch downgrades DDS amid weak sales.";
    assert_eq!(bundled(text), []);
}

#[test]
fn an_acts_noun_an_adverb_and_a_gerund_name_no_firm() {
    let text = "Downgrade reports for Intel and Oracle Monday indicated that the recoveries are premature.";
    assert_eq!(bundled(text), []);
    let text = "Elsewhere, Credit Suisse raised its target price on Royal Bank of Canada to $104 from $103.";
    assert_eq!(bundled(text), [view("Credit Suisse", "RY", Stance::Bullish)]);
    let text = "Roth/MKM downgraded Plug Power (NASDAQ:PLUG) to Neutral from Buy. «Lowering estimates materially, \
                and primarily on gross margins.»";
    assert_eq!(bundled(text), [view("MKM", "PLUG", Stance::Bearish)]);
}

#[test]
fn companies_listed_after_downgrades_at_are_the_ones_downgraded() {
    let text = "Here is your recap of the biggest analyst cuts: downgrades at Plug Power, Wolverine World Wide, and \
                Stanley Black & Decker.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_list_of_brokers_goes_on_with_a_name_the_finder_does_not_know() {
    let text = "The news resulted in a host of downgrades, with firms including Morgan Stanley Dean Witter, Lehman \
                Brothers and Kaplan Zorn cutting their ratings on Cisco Systems.";
    assert_eq!(
        bundled(text),
        ["Morgan Stanley Dean Witter", "Lehman Brothers"].map(|f| view(f, "CSCO", Stance::Bearish))
    );
}

#[test]
fn a_second_company_covered_after_a_comma_has_a_rating_of_its_own() {
    let text = "A XP iniciou a cobertura de Pague Menos com recomendação de compra e preço-alvo de R$ 13,0/ação, \
                retomando a cobertura de Raia Drogasil com recomendação neutra.";
    assert_eq!(bundled(text), [view("XP", "PGMN11", Stance::Bullish)]);
    let text = "O BTG iniciou a cobertura da Vale com recomendação de compra, mantendo a Petrobras em compra.";
    assert_eq!(bundled(text), ["VALE3", "PETR4"].map(|t| view("BTG", t, Stance::Bullish)));
    // (The same company's rating kept after its target moved: one clause.)
    let text = "O Safra cortou o preço-alvo para TIM de R$ 19,00 para R$ 18,00, mantendo a recomendação de compra.";
    assert_eq!(bundled(text), [view("Safra", "TIMS3", Stance::Bullish)]);
}

#[test]
fn a_day_opening_the_sentence_is_no_firm() {
    let text = "Nesta terça-feira, 23, o Itaú BBA elevou a classificação da Azul para compra.";
    assert_eq!(bundled(text), [view("Itaú BBA", "AZUL4", Stance::Bullish)]);
}

#[test]
fn a_newspaper_and_a_journalist_reporting_hold_no_view() {
    let text = "Bernstein Research analyst Carlos Kirjner upgraded Facebook's stock to \"Outperform\" from \"Market \
                Perform,\" The Washington Post reported.";
    assert_eq!(bundled(text), [view("Bernstein Research", "META", Stance::Bullish)]);
    let text = "Jefferies cut its rating on Research In Motion (RIMM). As my colleague Iain Marlow reports: \"Mr. Misek \
                has lowered his estimates well below the Street's consensus.\"";
    assert_eq!(bundled(text), [view("Jefferies", "BB", Stance::Bearish)]);
}

#[test]
fn a_sector_rated_with_a_word_of_its_own_is_no_company() {
    let text = "Target fell 3%. J.P. Morgan rated the retail industry “underweight” in a report.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_sentence_opening_on_a_company_the_lexicon_does_not_know_rates_that_one() {
    let text =
        "Tesco rose 3% after Citigroup introduced a buy rating on the stock. The biggest risers were CRH, up 5%.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_headlines_topic_before_a_colon_and_a_broker_is_no_firm() {
    let text = "Construtoras: Itaú BBA elege Tenda (TEND3) como favorita e projeta grande valorização para as ações";
    assert_eq!(bundled(text), [view("Itaú BBA", "TEND3", Stance::Bullish)]);
}

#[test]
fn a_pasted_list_of_symbols_after_an_act_gives_each_firm_a_bounded_number_of_views() {
    let tickers = include_str!("../../../../assets/tickers.tsv");
    let symbols: Vec<&str> = tickers
        .lines()
        .filter_map(|l| l.split('\t').next())
        .filter(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_uppercase()))
        .take(300)
        .collect();
    let text = format!("Goldman Sachs downgrades {} to Neutral from Buy.", symbols.join(", "));
    let views = bundled(&text);
    let by_goldman = views.iter().filter(|(claimant, _, _)| claimant == "Goldman Sachs").count();
    assert!((1..=60).contains(&by_goldman), "Goldman Sachs holds {by_goldman} views, not one a symbol");
}
