//! Unit tests of the thirteenth round's holder rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn an_analyst_called_by_title_and_surname_speaks_for_his_firm() {
    let text = "The decline provides an attractive entry point, said Raymond James analyst Steve Hansen.\n\
                The bumper grain crop will help fatten profits at the railways, Mr. Hansen said, raising his \
                target for Canadian National Railway Co. to $110 from $100.";
    let found = bundled(text);
    assert!(found.contains(&view("Raymond James", "CNI", Stance::Bullish)), "{found:?}");
    assert!(!found.iter().any(|(claimant, _, _)| claimant.starts_with("Mr")), "{found:?}");
}

#[test]
fn a_firm_s_possessive_before_a_person_names_the_holder() {
    let text = "Pfizer fell 3%. Specifically, Wells Fargo's analyst downgraded it. Wells’ Mohit Bansal \
                downgraded PFE stock to “equal weight” from “overweight” yesterday.";
    let found = bundled(text);
    assert!(found.iter().all(|(claimant, _, _)| !claimant.contains("Mohit")), "{found:?}");
}

#[test]
fn places_data_providers_agencies_and_former_staff_hold_no_view() {
    let text = "São Paulo – O banco UBS rebaixou em 35% o preço-alvo às ações da Usiminas (USIM5) e manteve a \
                recomendação de venda.";
    assert_eq!(bundled(text), [view("UBS", "USIM5", Stance::Bearish)]);
    let text = "Exxon Mobil (XOM) fell 2%. In a report released this morning, the IEA warned of “ample supply \
                and slowing demand growth”, reports OilPrice.com.";
    assert_eq!(bundled(text), [], "an energy agency and an outlet");
    let text = "Cogent Communications (CCOI) rose 4%. According to FactSet, the company had an average rating of \
                overweight.";
    assert_eq!(bundled(text), [], "a data provider's consensus");
    let text = "Former Morgan Stanley chief U.S. equity strategist Mike Wilson said Tesla (TSLA) could fall 40%.";
    assert!(bundled(text).iter().all(|(claimant, _, _)| claimant != "Morgan Stanley"));
}

#[test]
fn a_heading_before_a_colon_is_no_holder_and_a_broker_s_first_word_names_it() {
    let text = "ANALYST UPGRADE: Morgan Stanley upgraded Charter Communications from equalweight to overweight.";
    assert_eq!(bundled(text), [view("Morgan Stanley", "CHTR", Stance::Bullish)]);
    let text = "Analyst Upgrade: Jefferies upgraded First Solar (FSLR) to buy.";
    assert_eq!(bundled(text), [view("Jefferies", "FSLR", Stance::Bullish)]);
    let text = "First Solar (FSLR) saw its price target slashed to $31 from $35 at Northland in pre-market.";
    assert_eq!(bundled(text), [view("Northland", "FSLR", Stance::Bearish)]);
}

#[test]
fn brokers_made_to_act_by_an_infinitive_hold_the_view_and_not_the_figures() {
    let text = "AT&T (T) guidance led both J.P. Morgan Securities and Citigroup to slash their price targets to $35 \
                from $38 this morning.";
    let found = bundled(text);
    assert!(found.contains(&view("J.P. Morgan Securities", "T", Stance::Bearish)), "{found:?}");
    assert!(found.contains(&view("Citigroup", "T", Stance::Bearish)), "{found:?}");
    let findings = crate::extract::analyse(text, &crate::extract::Lexicon::bundled());
    let tickers: Vec<String> = findings.amounts.iter().flat_map(|a| a.tickers.iter().map(|t| t.to_string())).collect();
    assert_eq!(tickers, ["T", "T"]);
}

#[test]
fn people_named_again_or_with_colleagues_speak_for_their_firm_and_sentence_adverbs_are_nobody() {
    let text = "CNBC asked Albert Rauch, Senior Healthcare Analyst at AG Edwards, about the sector.\n\nAlbert Rauch \
                says his concern about Merck (MRK) is near term.";
    assert!(bundled(text).iter().all(|(claimant, _, _)| claimant != "Albert Rauch"), "{:?}", bundled(text));
    let text = "“O Citi agora identifica a Movida (MOVI3) como seu operador favorito no setor”, afirmam Stephen \
                Trent e Brian Roberts, analistas do Citi.";
    assert_eq!(bundled(text), [view("Citi", "MOVI3", Stance::Bullish)]);
    let text = "Transocean (RIG) scored a double dose of bullish brokerage action. Specifically, RBC lifted its price \
                target to $66 from $60 and reiterated its \"outperform\" recommendation.";
    assert_eq!(bundled(text), [view("RBC", "RIG", Stance::Bullish)]);
    let text = "Deutsche Bank (DB) rose 2% after Goldman Sachs analysts including Jernej Omahen said its shares were \
                undervalued.";
    assert!(bundled(text).iter().all(|(claimant, _, _)| !claimant.starts_with("Jernej")), "{:?}", bundled(text));
}

#[test]
fn a_rating_on_these_stocks_is_on_each_company_named_just_before() {
    let text = "On Tuesday, Nvidia (NASDAQ:NVDA) and Advanced Micro Devices (NASDAQ:AMD) rose 3.1% and 8.3%, \
                respectively. Also, Micron (NASDAQ:MU) stock rose 2.7%. The rally came after KeyBank analyst John Bin \
                reiterated his “buy” rating on these stocks.";
    let found = bundled(text);
    for ticker in ["NVDA", "AMD", "MU"] {
        assert!(found.contains(&view("KeyBank", ticker, Stance::Bullish)), "{ticker}: {found:?}");
    }
}

#[test]
fn lists_of_brokers_plural_ratings_and_short_broker_names_are_read() {
    let text = "Deutsche Bank, Macquarie and Piper Jaffray cut their ratings on Illumina (ILMN).";
    let found = bundled(text);
    for firm in ["Deutsche Bank", "Macquarie", "Piper Jaffray"] {
        assert!(found.contains(&view(firm, "ILMN", Stance::Bearish)), "{firm}: {found:?}");
    }
    let text = "Potash (POT) fell. Jefferies upped its rating on the stock.";
    assert_eq!(bundled(text), [view("Jefferies", "NTR", Stance::Bullish)]);
    let text = "Chevron (CVX) fell after a Zacks downgrade to Sell.";
    assert_eq!(bundled(text), [view("Zacks", "CVX", Stance::Bearish)]);
    let text = "Besides Susquehanna, BMO increased its target on Apple (AAPL).";
    assert_eq!(bundled(text), [view("BMO", "AAPL", Stance::Bullish)], "no list without `and`");
}

#[test]
fn calls_on_a_whole_market_and_acts_of_countries_and_indexes_are_no_views() {
    let text = "Itaú (ITUB4) caía 3%. Nesse contexto, o JPMorgan elevou para \"overweight\" a recomendação para as ações \
                brasileiras em seu portfólio de América Latina.";
    assert_eq!(bundled(text), []);
    let text = "As ações da BRF (BRFS3) recuavam 3,31%. A Coreia do Sul anunciou a suspensão temporária da venda de \
                produtos de frango da companhia, o que preocupa.";
    assert!(bundled(text).iter().all(|(claimant, _, _)| claimant != "Coreia do Sul"), "{:?}", bundled(text));
    let text = "The S&P 500 dipped 0.4%, dragged down by banking stocks after Moody’s (MCO) downgraded several small \
                banks.";
    assert!(bundled(text).iter().all(|(claimant, _, _)| !claimant.starts_with("S&P")), "{:?}", bundled(text));
}

#[test]
fn a_qualified_rating_takes_the_word_after_its_qualifier() {
    let text = "Scotiabank reiterated a “sector underperform” rating on shares of Banco Bradesco SA (BBD) on Thursday.";
    assert_eq!(bundled(text), [view("Scotiabank", "BBDC4", Stance::Bearish)]);
    let text = "RBC reiterated a “sector perform” rating on Apple (AAPL).";
    assert_eq!(bundled(text), [], "a neutral rating is no view");
    let text = "JMP reiterated its market outperform rating on Apple (AAPL).";
    assert_eq!(bundled(text), [view("JMP", "AAPL", Stance::Bullish)]);
}

#[test]
fn the_review_s_misread_views_stay_fixed() {
    let text = "Goldman Sachs upgraded Apple (AAPL) to buy, saying U.S. stocks remain attractive.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "AAPL", Stance::Bullish)]);
    let text = "Apple (AAPL) rose 2%.\nUBS, the Swiss bank, upgraded Apple to buy on Monday.";
    assert_eq!(bundled(text), [view("UBS", "AAPL", Stance::Bullish)]);
    let text = "MS Research upgraded Tesla (TSLA) to overweight.";
    assert_eq!(bundled(text), [view("MS Research", "TSLA", Stance::Bullish)]);
    let text = "Besides Susquehanna, BMO and Stifel raised their price targets on Apple (AAPL).";
    assert!(bundled(text).iter().all(|(claimant, _, _)| claimant != "Susquehanna"), "{:?}", bundled(text));
}
