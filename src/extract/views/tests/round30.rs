//! Unit tests of the thirtieth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_name_the_lexicon_lacks_between_commas_keeps_a_list_of_rated_companies_going() {
    let text = "Citi reduced ratings to “Hold” from “Buy” on Bank of America (BAC), JPMorgan (JPM), Wachovia, Wells \
                Fargo (WFC) and First Horizon National (FHN).";
    let expected = ["BAC", "JPM", "WFC", "FHN"].map(|symbol| view("Citi", symbol, Stance::Bearish));
    assert_eq!(bundled(text), expected);
    // Not prose between two companies.
    let text = "Citi reduced its rating to “Hold” from “Buy” on Bank of America (BAC), saying Rates, Fees and \
                Loans were weak, and JPMorgan (JPM) rose 2%.";
    assert_eq!(bundled(text), [view("Citi", "BAC", Stance::Bearish)]);
}

#[test]
fn a_firm_ending_its_sentence_is_not_read_into_the_next_one() {
    // (`Citi. The stock rose` was once read as `Citi The`'s own stock moving.)
    let text = "Nike was upgraded to buy at Citi. The stock rose 2%.";
    assert_eq!(bundled(text), [view("Citi", "NKE", Stance::Bullish)]);
}

#[test]
fn a_call_of_a_bank_named_after_it_is_the_bank_s() {
    let text = "A Vale recebeu recomendação de compra do JPMorgan, com preço-alvo de R$ 80.";
    assert_eq!(bundled(text), [view("JPMorgan", "VALE3", Stance::Bullish)]);
    // Not the rating of a bank (after a rating verb).
    let text = "O JPMorgan rebaixou a recomendação do Itaú para venda.";
    assert_eq!(bundled(text), [view("JPMorgan", "ITUB4", Stance::Bearish)]);
}

#[test]
fn but_and_a_known_broker_open_a_clause_of_its_own() {
    let text = "Raymond James worries about large GPU clusters, but Cantor Fitzgerald says buy Nvidia on weakness.";
    assert_eq!(
        bundled(text),
        [view("Raymond James", "NVDA", Stance::Bearish), view("Cantor Fitzgerald", "NVDA", Stance::Bullish)]
    );
}

#[test]
fn a_symbol_bracketed_after_a_longer_name_and_a_link_between_companies_keep_a_list() {
    let text = "UBS upgraded Teva Pharmaceuticals (TEVA) to Neutral from Sell.";
    assert_eq!(bundled(text), [view("UBS", "TEVA", Stance::Bullish)]);
    let text = "BofA also upgraded BorgWarner (BWA) [Read more] and Magna (MGA) [Read more]";
    assert_eq!(bundled(text), [view("BofA", "BWA", Stance::Bullish), view("BofA", "MGA", Stance::Bullish)]);
}

#[test]
fn firms_left_without_their_verb_hold_the_view_of_the_firm_before() {
    let text = "Canaccord Genuity hiked its price target on Apple by $22 to $207; Scotia Capital Inc. by $5 to $173, \
                and TD Newcrest by $10 to $165.";
    let expected =
        ["Canaccord Genuity", "Scotia Capital", "TD Newcrest"].map(|firm| view(firm, "AAPL", Stance::Bullish));
    assert_eq!(bundled(text), expected);
    // Not a firm merely named after the act.
    let text = "Canaccord Genuity hiked its price target on Apple by $22 to $207, above Scotia Capital's estimate.";
    assert_eq!(bundled(text), [view("Canaccord Genuity", "AAPL", Stance::Bullish)]);
}

#[test]
fn a_firm_and_its_analyst_s_full_name_anywhere_name_the_holder_a_pronoun_stands_for() {
    let text = "Perhaps most bullish was Broadpoint AmTech analyst Dinesh Moorjani. He increased his target price for \
                Apple shares to $340, up from $320.";
    assert_eq!(bundled(text), [view("Broadpoint AmTech", "AAPL", Stance::Bullish)]);
}

#[test]
fn a_company_whose_one_peer_is_named_is_not_the_one_rated() {
    let text = "Morgan Stanley has upgraded its rating for AstraZeneca's pharma peer GlaxoSmithKline to \"equal-weight\" \
                from \"underweight\".";
    assert_eq!(bundled(text), [view("Morgan Stanley", "GSK", Stance::Bullish)]);
}

#[test]
fn a_concession_after_a_comma_does_not_undo_the_view_before_it() {
    let text = "Analysts at Wedbush remain bullish on Apple, though they warned that tariffs could cut margins by 2%.";
    assert_eq!(bundled(text), [view("Wedbush", "AAPL", Stance::Bullish)]);
    // Both halves plain and opposed, with no concession: no view.
    let text = "Analysts at Wedbush remain bullish on Apple and warned that tariffs could cut margins by 2%.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
}

#[test]
fn a_neutral_rating_on_another_company_in_contrast_leaves_the_view_before_it() {
    let text = "Para o Safra, a Cemig segue como a melhor opção entre as elétricas, enquanto a Copel tem recomendação \
                neutra.";
    assert_eq!(bundled(text), [view("Safra", "CMIG4", Stance::Bullish)]);
}

#[test]
fn a_bank_whose_rating_we_cut_holds_no_view() {
    // (Once Santander's view on Americanas: the bank rated was read as rating.)
    let text = "Estamos rebaixando nossa recomendação de Santander de MANTER para VENDER. Vemos 2023 como uma \
                continuação de 2022 com o agravante da absorção de perdas bilionárias com as Americanas.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
}

#[test]
fn the_review_s_cases_stay_as_they_were() {
    // A call for a bank after `para` is still the firm's call on the bank.
    let text = "O Goldman Sachs reiterou recomendação de compra para o Itaú, com preço-alvo de R$ 40.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "ITUB4", Stance::Bullish)]);
    // A rival named further on is not the one rated.
    let text = "Citi upgraded Nvidia's shares over rival AMD to buy.";
    assert_eq!(bundled(text), [view("Citi", "NVDA", Stance::Bullish)]);
    // A neutral rating on the company itself, in a sentence opening on `While`, still drops the view.
    let text = "Safra is bullish on Copel. While Eletrobras rallied, Safra kept a neutral rating on Copel.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
    // A company's analyst is no firm.
    let text = "Perhaps most bullish was Tesla analyst Gary Black. He raised his target on Apple to $300.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
}
