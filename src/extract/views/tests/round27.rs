//! Unit tests of the twenty-seventh round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_rating_in_brackets_after_the_firm_outranks_its_target_cut() {
    let text = "Micron Technology Inc. (NASDAQ: MU) targets were cut:\n- 9/17 UBS (Buy) target to $135 from $153\n\
                - 9/16 Morgan Stanley (Equal Weight) target to 100 from $140\n\
                - 8/22 Susquehanna (Positive) target to $175 from $185";
    assert_eq!(
        bundled(text),
        [view("UBS", "MU", Stance::Bullish), view("Susquehanna", "MU", Stance::Bullish)],
        "a neutral rating in brackets is no view"
    );
}

#[test]
fn a_clause_closing_a_sentence_on_a_bare_act_is_the_act_of_the_clause_before() {
    let text = "Investing.com -- Raymond James downgraded Wells Fargo to Market perform, saying the rally has \
                priced in the upside, while upgrading U.S. Bancorp to Strong buy on expectations for a turnaround.";
    assert_eq!(
        bundled(text),
        [view("Raymond James", "WFC", Stance::Bearish), view("Raymond James", "USB", Stance::Bullish)],
        "no outlet's dateline in the firm's name, and no company rated as a holder"
    );
}

#[test]
fn peers_a_company_is_likened_to_are_no_firm_acting() {
    let text = "Raymond James downgraded Wells Fargo to Market perform. It trades at 12.4 times earnings, trailing \
                only JPMorgan, as megacap lenders like JPMorgan, Bank of America and Citi trade near highs. \
                Despite the downgrade, the firm said it remains constructive on Wells Fargo.";
    assert_eq!(bundled(text), [view("Raymond James", "WFC", Stance::Bearish)]);
    let text = "Raymond James upgraded U.S. Bancorp to Strong buy. \
                The firm projects 200 basis points of positive operating leverage in 2025.";
    assert_eq!(bundled(text), [view("Raymond James", "USB", Stance::Bullish)], "a measure's sign is no view");
}

#[test]
fn people_quoted_by_name_alone_speak_for_the_team_named_before() {
    let text = "O time de análise do Bradesco BBI fez as contas.\n\n“Desta forma, o lucro por ação diminuiu 25%”, \
                apontam Victor Tapia e Maria Clara Negrão.\n\nOs papéis da Eztec foram elevados a compra.";
    assert_eq!(bundled(text), [view("Bradesco BBI", "EZTC3", Stance::Bullish)]);
}

#[test]
fn a_passive_with_no_agent_takes_the_agent_of_its_next_clause_or_of_an_act_before() {
    let text = "Boeing Co. (NYSE: BA) was reiterated as Buy and the target price was raised to $270 at Argus.";
    assert_eq!(bundled(text), [view("Argus", "BA", Stance::Bullish)]);
    let text = "American Airlines Group Inc. (NASDAQ: AAL) was raised to Overweight at JPMorgan. This is just a day \
                after the stock was raised to Outperform from Market Perform with a $57 price target at Cowen.";
    assert_eq!(
        bundled(text),
        [view("JPMorgan", "AAL", Stance::Bullish), view("Cowen", "AAL", Stance::Bullish)],
        "the order of the ratings says the way, and the verb is where the passive is read"
    );
    let text = "Citigroup was upgraded to OVERWEIGHT from NEUTRAL at JPMorgan. U.S. Steel was downgraded to \
                NEUTRAL from BUY at Nomura. Micron Technology was cut to NEUTRAL from BUY.";
    assert_eq!(bundled(text).last(), Some(&view("Nomura", "MU", Stance::Bearish)));
}

#[test]
fn companies_picked_in_a_passive_or_named_in_an_opening_aside_hold_nothing() {
    let text = "Analysts at Wolfe Research have downgraded shares of JPMorgan Chase. In addition to JPMorgan and \
                Bank of America, Wolfe Research also downgraded shares of US Bancorp to peer perform from outperform. \
                Conversely, Wells Fargo and Morgan Stanley were highlighted as top stock picks among large-cap lenders.";
    assert_eq!(
        bundled(text),
        [
            view("Wolfe Research", "JPM", Stance::Bearish),
            view("Wolfe Research", "USB", Stance::Bearish),
            view("Wolfe Research", "WFC", Stance::Bullish),
            view("Wolfe Research", "MS", Stance::Bullish),
        ]
    );
}

#[test]
fn a_firm_not_alone_in_its_optimism_holds_it() {
    let text = "E o Morgan Stanley não está sozinho nessa onda de otimismo: a Multiplan (MULT3) também agradou os \
                analistas de Bradesco BBI e XP.";
    let found = bundled(text);
    assert_eq!(found.first(), Some(&view("Morgan Stanley", "MULT3", Stance::Bullish)), "{found:?}");
}

#[test]
fn a_portfolio_of_a_kind_of_stocks_and_its_weighted_lines_are_its_owners_picks() {
    let text = "A carteira de dividendos XP segue inalterada para agosto, incluindo nomes como PETR4, ELET3 e VALE3.\n\
                B3 (B3SA3): peso 5%, preço R$ 12,58, preço-alvo R$ 16,00.\n\
                Cemig (CMIG4): peso 10%, preço R$ 10,33, preço-alvo R$ 12,80.";
    let picks: Vec<_> =
        ["PETR4", "ELET3", "VALE3", "B3SA3", "CMIG4"].iter().map(|t| view("XP", t, Stance::Bullish)).collect();
    assert_eq!(bundled(text), picks);
    let text = "A carteira de crédito do Itaú cresceu 5%.\nVale (VALE3): peso 5%, preço R$ 60.";
    assert!(bundled(text).is_empty(), "a bank's loan book is no portfolio of picks");
}

#[test]
fn ratings_stated_for_all_cover_every_company_named_since_the_firms_last_act() {
    let text = "O BofA elevou o preço-alvo da Hypera (HYPE3) de R$ 51 para R$ 58. O banco também cortou o preço-alvo \
                da Americanas (AMER3) de R$ 30 para R$ 25. Para o Magazine Luiza (MGLU3) o corte foi de R$ 9 para \
                R$ 8. Preço da Petz (PETZ3) foi de R$ 16 para R$ 13. A Lojas Quero-Quero (LJQQ3) foi de R$ 12 para \
                R$ 10. Todas com recomendação de compra.";
    let mut found: Vec<String> = bundled(text).iter().map(|v| format!("{} {:?}", v.1, v.2)).collect();
    found.sort();
    assert_eq!(
        found,
        ["AMER3 Bullish", "HYPE3 Bullish", "LJQQ3 Bullish", "MGLU3 Bullish", "PETZ3 Bullish"],
        "the rating overturns the target cut"
    );
}

#[test]
fn no_view_of_a_code_unknown_a_heading_in_capitals_or_a_slew_of_stocks() {
    let text = "TSLA is up 1.1% after Baird named the stock its top pick. Maxim Group reiterated a \"buy\" rating \
                and $4 price target on GALE, which is up 0.5% ahead of the bell.";
    assert_eq!(bundled(text), [view("Baird", "TSLA", Stance::Bullish)], "a code the lexicon does not know");
    let text = "J.P. Morgan downgraded Wal-Mart's stock. THE SPARK: Analyst Christopher Horvers lowered his rating \
                to \"Neutral\" from \"Outperform\".";
    assert_eq!(bundled(text), [view("J.P. Morgan", "WMT", Stance::Bearish)], "a heading names no firm");
    let text = "KLA-Tencor (KLAC) fell 2%. Credit Suisse lowered its ratings on a slew of semiconductor stocks.";
    assert!(bundled(text).is_empty(), "many of a kind's stocks, unnamed");
}

#[test]
fn national_bankshares_is_a_broker() {
    let text = "National Bankshares raised Toronto-Dominion Bank from a “sector perform” rating to a “buy” rating.";
    assert_eq!(bundled(text), [view("National Bankshares", "TD", Stance::Bullish)]);
}

#[test]
fn a_company_whose_rivals_are_named_an_unknown_one_down_and_a_measure_hold_nothing() {
    let text = "Piper Sandler downgraded one of NVIDIA’s largest rivals in AMD (NASDAQ:AMD) on Thursday.";
    assert_eq!(bundled(text), [view("Piper Sandler", "AMD", Stance::Bearish)]);
    let text = "Rentokil Initial was weaker after RBC Capital Markets cut its price target on the shares. Burberry \
                was also down after Stifel downgraded shares of the luxury fashion brand to ‘hold’ from ‘buy’.";
    assert_eq!(bundled(text), [view("RBC Capital Markets", "RTO", Stance::Bearish)], "Burberry is unknown");
    let text = "GSK rose after an upgrade to ‘buy’ at Jefferies. “NPVs suggest the stock is deeply discounted, hence \
                our upgrade to buy.”";
    assert_eq!(bundled(text), [view("Jefferies", "GSK", Stance::Bullish)], "a measure names no firm");
}

#[test]
fn attractive_is_bullish_and_banks_bought_are_rated() {
    let text = "Segundo a XP, a Petrobras (PETR4) segue atrativa.";
    assert_eq!(bundled(text), [view("XP", "PETR4", Stance::Bullish)]);
    let text = "A Genial recomenda a compra de Itaú (ITUB4), Bradesco (BBDC4) e Santander (SANB11).";
    let picks: Vec<_> = ["ITUB4", "BBDC4", "SANB11"].iter().map(|t| view("Genial", t, Stance::Bullish)).collect();
    assert_eq!(bundled(text), picks, "the banks bought hold nothing");
    let text = "As ações da Taesa (TAEE11) receberam recomendação de compra do Bank of America.";
    assert_eq!(bundled(text), [view("Bank of America", "TAEE11", Stance::Bullish)], "a rating's agent");
}

#[test]
fn a_gerund_rates_its_object_and_a_list_runs_past_an_unknown_name_and_its_move() {
    let text = "UBS analyst Brennan Hawken titled his note today upgrading Morgan Stanley (MS) to Buy.";
    assert_eq!(bundled(text), [view("UBS", "MS", Stance::Bullish)], "a bank upgraded is rated");
    let text = "Raymond James analyst David Long upgrades Comerica (CMA +2.8% ), MB Financial (MBFI +1.6% ), and \
                Synovus (SNV +2.4% ), saying now's a good time.";
    assert_eq!(
        bundled(text),
        [view("Raymond James", "CMA", Stance::Bullish), view("Raymond James", "SNV", Stance::Bullish)]
    );
}

#[test]
fn a_data_provider_quoted_holds_no_view() {
    let text = "A fifth of analysts who follow Yahoo (YHOO) changed their recommendations to a \"sell\", according \
                to Thomson Reuters.";
    assert!(bundled(text).iter().all(|v| v.0 != "Thomson Reuters"), "{:?}", bundled(text));
}

#[test]
fn an_unknown_company_in_a_state_after_an_act_is_the_one_rated() {
    let text = "BP (BP) rose 1%. Rolls-Royce was sitting pretty at the top of the index after an upgrade to \
                'overweight' from 'equalweight' at Barclays.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
}

#[test]
fn the_owner_of_the_firm_rating_is_not_rated() {
    let text = "A Ágora cortou as projeções para a Petrobras (PETR4). A recomendação da gestora do Bradesco \
                (SA:BBDC4) para os papéis baixou de compra para neutra.";
    assert!(bundled(text).iter().all(|v| v.1 != "BBDC4"), "{:?}", bundled(text));
}

#[test]
fn the_review_cases_hold() {
    // (A name and its bracket on two lines: no panic, no weighted line.)
    let text = "Carteira recomendada do BTG Pactual\nVale\n(VALE3): peso 10%\n";
    assert!(bundled(text).iter().all(|v| v.1 != "VALE3" || v.0 == "BTG Pactual"));
    let text = "Morgan Stanley, which dropped Intel from coverage, kept Apple among its top picks.";
    assert_eq!(bundled(text), [view("Morgan Stanley", "AAPL", Stance::Bullish)], "a pick kept, not taken off");
    let text = "Besides, Goldman Sachs upgraded Apple to Buy.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "AAPL", Stance::Bullish)], "no aside past its own comma");
}
