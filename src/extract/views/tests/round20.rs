//! Unit tests of the twentieth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn stocks_entering_a_portfolio_after_a_verb_are_its_owners_picks() {
    let text = "A XP Investimentos divulgou a carteira semanal. Com isso, saíram da carteira Cogna (COGN3) e Vivo \
                (VIVT4). No lugar, entraram Equatorial (EQTL3), Vale (VALE3), RD (RADL3) e Cemig (CMIG4).";
    let want = ["EQTL3", "VALE3", "RADL3", "CMIG4"].map(|t| view("XP Investimentos", t, Stance::Bullish));
    assert_eq!(bundled(text), want);
    let text = "A carteira recomendada da XP anunciou trocas para esta semana.\n\nSai: LWSA3, PETR4 e VALE3.\n\nEntra: \
                BBAS3, MGLU3 e KLBN11.";
    assert_eq!(bundled(text), ["BBAS3", "MGLU3", "KLBN11"].map(|t| view("XP", t, Stance::Bullish)));
}

#[test]
fn a_company_leaving_a_portfolio_is_not_the_one_its_picks_sentence_points_to() {
    let text = "A XP Investimentos divulgou a “Top Picks”, sua carteira semanal, trocando três das cinco ações. Com \
                isso, saíram da carteira Cogna (COGN3) e Vivo (VIVT4).";
    assert_eq!(bundled(text), []);
}

#[test]
fn brokers_listed_after_a_gerunds_phrase_hold_its_stance() {
    let text = "McDonald's (NYSE: MCD) fell. Others downgrading the shares Wednesday to Neutral or Equal Weight \
                included Baird, Stephens & Co. and Susquehanna.";
    let want = ["Baird", "Stephens", "Susquehanna"].map(|f| view(f, "MCD", Stance::Bearish));
    assert_eq!(bundled(text), want);
}

#[test]
fn a_company_recommended_by_a_firm_is_held_bullish_by_it() {
    let text = "Após uma queda de 20%, o Bradesco (BBDC4) passou a ser recomendado pelos analistas do JPMorgan.";
    assert_eq!(bundled(text), [view("JPMorgan", "BBDC4", Stance::Bullish)]);
    assert_eq!(bundled("Apple was recommended by Morgan Stanley."), [view("Morgan Stanley", "AAPL", Stance::Bullish)]);
    assert_eq!(
        bundled("O Bradesco (BBDC4) foi recomendado pelo JPMorgan."),
        [view("JPMorgan", "BBDC4", Stance::Bullish)]
    );
}

#[test]
fn a_list_of_reasons_ends_at_a_blank_line_after_its_last_bullet() {
    let text = "As ações da Rumo (RAIL3) caíram 9,5%.\n\nO JPMorgan manteve a indicação overweight. Para o banco:\n\n  • \
                a performance recente não se justifica;\n  • faltam catalisadores de curto prazo.\n\nLogo após o \
                balanço, o Bradesco BBI manteve recomendação de compra, com preço-alvo de R$ 29.";
    assert_eq!(
        bundled(text),
        [view("JPMorgan", "RAIL3", Stance::Bullish), view("Bradesco BBI", "RAIL3", Stance::Bullish)]
    );
}

#[test]
fn shares_opening_a_sentence_are_no_holder_and_the_broker_acting_is() {
    let text = "Luminar Technologies (LAZR) fell. Shares dropped 20% after Northland Securities lowered its rating to \
                Market Perform from Outperform.";
    assert_eq!(bundled(text), [view("Northland Securities", "LAZR", Stance::Bearish)]);
    let text = "NEW YORK (AP) — Shares of Apple rose after Goldman Sachs upgraded the stock.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "AAPL", Stance::Bullish)]);
}

#[test]
fn a_table_whose_rows_are_firms_rates_the_company_the_text_is_about() {
    let text = "Três instituições recomendam as ações da Rumo (RAIL3). Confira o preço-alvo da Rumo:\nInstituição | \
                Preço-alvo | Recomendação |\nCredit Suisse | R$ 25 | Compra |\nBTG Pactual | R$ 27 | Compra |\nXP | \
                R$ 23 | Neutro |\n";
    let want = ["Credit Suisse", "BTG Pactual"].map(|f| view(f, "RAIL3", Stance::Bullish));
    let found = bundled(text);
    assert!(want.iter().all(|v| found.contains(v)), "{found:?}");
    assert!(!found.iter().any(|(f, ..)| f == "XP"), "{found:?}");
}

#[test]
fn room_a_firm_sees_for_a_rise_or_a_fall_is_its_stance_unless_little() {
    let text = "A XP vê potencial de alta de 25% para as ações da Vale (VALE3).";
    assert_eq!(bundled(text), [view("XP", "VALE3", Stance::Bullish)]);
    let text = "O Itaú BBA vê potencial de queda para as ações da Vale (VALE3).";
    assert_eq!(bundled(text), [view("Itaú BBA", "VALE3", Stance::Bearish)]);
    assert_eq!(bundled("O Itaú BBA vê potencial de queda limitado para as ações da Vale (VALE3)."), []);
}

#[test]
fn a_bank_that_was_the_days_gainer_is_talked_about_and_multiple_is_no_holder() {
    let text = "Barclays was the standout gainer after HSBC upgraded the stock to ‘buy’ from ‘hold’.";
    assert_eq!(bundled(text), [view("HSBC", "BCS", Stance::Bullish)]);
    let text = "Multiple analysts initiated coverage on GlobalFoundries Inc. Credit Suisse analyst John Pitzer initiated \
                coverage with an Outperform and $75 price target.";
    assert_eq!(bundled(text), [view("Credit Suisse", "GFS", Stance::Bullish)]);
}

#[test]
fn a_consensus_rating_is_no_firms_view_and_baystreet_reports_none() {
    let text = "Finally, Scotiabank reduced their price objective on shares of Canadian Pacific Railway from C$480.00 \
                to C$96.00 in a research note on Monday. The stock has a consensus rating of “Buy”.";
    assert_eq!(bundled(text), [view("Scotiabank", "CP", Stance::Bearish)]);
    let text = "Canadian Pacific Railway (NYSE:CP) was downgraded by analysts at National Bankshares to a “sector \
                perform” rating on Tuesday, BayStreet.CA reports.";
    assert_eq!(bundled(text), [view("National Bankshares", "CP", Stance::Bearish)]);
}

#[test]
fn but_or_an_opening_contrast_with_another_firm_acting_holds_two_views() {
    let text = "JPMorgan vê potencial de alta para R$ 51,15 na WEG (WEGE3), mas Citi reduz recomendação e preço-alvo \
                para R$ 40.";
    assert_eq!(bundled(text), [view("JPMorgan", "WEGE3", Stance::Bullish), view("Citi", "WEGE3", Stance::Bearish)]);
    let text = "A WEG (WEGE3) caiu. Enquanto o JPMorgan vê um cenário otimista, com espaço para valorização de até \
                40%, o Citi adotou uma postura mais conservadora, cortando seu preço-alvo e a recomendação para o papel.";
    assert_eq!(bundled(text), [view("JPMorgan", "WEGE3", Stance::Bullish), view("Citi", "WEGE3", Stance::Bearish)]);
}

#[test]
fn the_reviews_findings_give_no_view_where_the_new_rules_read_too_much() {
    for text in [
        // A rate's move, an alert, a board's recommendation.
        "O Itaú BBA vê chance de alta da Selic, o que pesa sobre Magazine Luiza (MGLU3).",
        "A XP vê espaço para queda da inflação, o que beneficia o Magazine Luiza (MGLU3).",
        "The Apple deal, recommended by the board, was backed by Goldman Sachs.",
        "O dividendo recomendado pelo conselho da Vale (VALE3) foi aprovado, disse o BTG Pactual.",
    ] {
        assert_eq!(bundled(text), [], "{text}");
    }
    // A bank that was *a* gainer is no company talked about by that alone.
    let text = "Goldman Sachs was a big gainer in the rankings after it upgraded Nvidia (NVDA) to buy.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "NVDA", Stance::Bullish)]);
    // Two lines shaped as rows, with no rating header before them, are no table: their holders stay.
    let text = "Vale VALE3 compra, reitera o BTG Pactual após o balanço.\nPetrobras PETR4 venda, diz o Itaú BBA após o \
                balanço.";
    assert!(bundled(text).contains(&view("Itaú BBA", "PETR4", Stance::Bearish)), "{:?}", bundled(text));
    // A table of banks with their codes is no table of firms.
    let text = "O Nubank (ROXO34) divulgou resultados. Veja as recomendações da XP para bancos:\nBanco | Código | \
                Recomendação |\nItaú Unibanco | ITUB4 | Compra |\nSantander | SANB11 | Compra |\n";
    let found = bundled(text);
    for ticker in ["ITUB4", "SANB11"] {
        assert!(found.contains(&view("XP", ticker, Stance::Bullish)), "{ticker}: {found:?}");
    }
}
