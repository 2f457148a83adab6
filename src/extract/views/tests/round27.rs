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
