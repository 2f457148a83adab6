//! Unit tests of the fifteenth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn both_companies_are_the_two_named_in_the_sentence_also_in_the_clause_before() {
    let text = "Shares of Intel Corp. dipped 13 cents to close at $20.18, while Broadcom Corp. slid 38 cents to end \
                at $32.20, after both stocks were downgraded by Susquehanna Financial Group analysts.";
    assert_eq!(
        bundled(text),
        [view("Susquehanna", "INTC", Stance::Bearish), view("Susquehanna", "AVGO", Stance::Bearish)]
    );
    let text = "As ações da São Martinho (SMTO3) e Jalles Machado (JALL3) avançavam. O Bradesco BBI elevou a \
                recomendação para ambas as companhias de “neutra” para “compra”, além de atualizar os preços-alvo \
                da São Martinho a R$44, e da Jalles Machado a R$12.";
    assert_eq!(
        bundled(text),
        [view("Bradesco BBI", "SMTO3", Stance::Bullish), view("Bradesco BBI", "JALL3", Stance::Bullish)]
    );
}

#[test]
fn a_rating_kept_after_a_concession_is_a_clause_of_its_own() {
    let text = "Apesar de ter rebaixado a Cogna, o Bradesco BBI mantém as recomendações de compra para as ações da \
                Yduqs (YDUQ3), Ânima (ANIM3) e Vitru (VTRU3).";
    assert_eq!(
        bundled(text),
        [
            view("Bradesco BBI", "COGN3", Stance::Bearish),
            view("Bradesco BBI", "YDUQ3", Stance::Bullish),
            view("Bradesco BBI", "ANIM3", Stance::Bullish),
            view("Bradesco BBI", "VTRU3", Stance::Bullish),
        ]
    );
}

#[test]
fn an_opening_act_with_no_subject_is_the_next_clause_s_holder_s() {
    let text = "While upgrading Occidental Petroleum, Bank of America also downgrades Chevron (CVX -1.3% ) to Neutral \
                from Buy.";
    assert_eq!(
        bundled(text),
        [view("Bank of America", "OXY", Stance::Bullish), view("Bank of America", "CVX", Stance::Bearish)]
    );
    let text = "Despite downgrading Cogna, Bradesco BBI kept its buy ratings on Yduqs (YDUQ3).";
    assert_eq!(
        bundled(text),
        [view("Bradesco BBI", "COGN3", Stance::Bearish), view("Bradesco BBI", "YDUQ3", Stance::Bullish)]
    );
    // A subject of its own stays: `After Citi cut Cogna, Bradesco BBI…`.
    let text = "After Citi downgraded Cogna, Bradesco BBI kept its buy rating on Yduqs (YDUQ3).";
    assert_eq!(bundled(text), [view("Citi", "COGN3", Stance::Bearish), view("Bradesco BBI", "YDUQ3", Stance::Bullish)]);
}

#[test]
fn an_opening_adverb_and_a_bank_described_as_a_company_with_its_symbol_hold_no_view() {
    let text = "Specifically, Wedbush raised its price target on Apple to $64 from $54.";
    assert_eq!(bundled(text), [view("Wedbush", "AAPL", Stance::Bullish)]);
    let text = "Analysts are weighing in today on financial services firm Bank of America Corp (NYSE:BAC - 12.03) and \
                drug store chain Walgreen Company (NYSE:WAG - 41.15). Here's a roundup of bullish brokerage notes.";
    assert_eq!(bundled(text), []);
    // A bank acting under its own name still holds.
    let text = "Bank of America upgraded Walgreen Company (NYSE:WAG) to buy.";
    assert_eq!(bundled(text), [view("Bank of America", "WBA", Stance::Bullish)]);
}

#[test]
fn a_bulleted_item_s_views_are_about_its_own_company_and_a_bracketed_code_holds_none() {
    let text = "Analysts are weighing in today on smartphone maker BlackBerry Ltd (NASDAQ:BBRY), yoga apparel maker \
                Lululemon Athletica inc. (NASDAQ:LULU), and financial firm Wells Fargo & Co (NYSE:WFC). Here's a quick roundup of today's bullish brokerage \
                notes.\n\n  • While BBRY reported a narrower quarterly loss on Friday, the company said sales growth \
                is still a year away. The mixed results led a heap of brokerage firms to weigh in on the stock. Among \
                the bullish analyst crowd, Canaccord Genuity and Baird lifted their price targets to $8 from $6 and \
                $7, respectively, while Needham upgraded the equity to \"hold\" from \"underperform.\"";
    assert_eq!(
        bundled(text),
        [
            view("Canaccord Genuity", "BB", Stance::Bullish),
            view("Baird", "BB", Stance::Bullish),
            view("Needham", "BB", Stance::Bullish)
        ]
    );
}

#[test]
fn each_item_of_a_list_after_a_semicolon_holds_its_own_rating() {
    let text = "UBS assigned a buy rating and a $32 price target to KeyCorp KEY, +1.72% ; a buy rating and $212 price \
                target for M&T Bank Corp. MTB, +2.34% ; a buy rating and $32 price target for Regions Financial Corp. \
                RF, +2.03%.";
    assert_eq!(
        bundled(text),
        [view("UBS", "KEY", Stance::Bullish), view("UBS", "MTB", Stance::Bullish), view("UBS", "RF", Stance::Bullish)]
    );
}

#[test]
fn a_rating_received_from_a_firm_named_after_at_is_that_firm_s() {
    let text = "Wells Fargo fell. • WFC was on the receiving end of a downgrade to \"neutral\" from \"positive\" at \
                Susquehanna.";
    assert_eq!(bundled(text), [view("Susquehanna", "WFC", Stance::Bearish)]);
    let text = "Apple fell 3%. The company was cut to “sell” from “neutral” at UBS AG, which cited lower estimates.";
    assert_eq!(bundled(text), [view("UBS AG", "AAPL", Stance::Bearish)]);
    // Motorola, renamed Motorola Solutions when it split.
    let text = "Brian Modoff, an analyst at Deutsche Bank, lifted his price target for Motorola to $30 from $26.";
    assert_eq!(bundled(text), [view("Deutsche Bank", "MSI", Stance::Bullish)]);
}

#[test]
fn a_data_provider_cited_holds_no_view() {
    let text = "Macerich received three upgrade recommendations during the first six months of last year, according \
                to SNL.";
    assert_eq!(bundled(text), []);
}

#[test]
fn the_first_of_a_list_after_were_is_rated_not_rating() {
    let text = "UBS cut its view of regional banks. Among individual banks it cut to \"sell\" were: KeyCorp, Huntington \
                Bancshares and Regions Financial.";
    let found = bundled(text);
    assert!(found.contains(&view("UBS", "HBAN", Stance::Bearish)), "{found:?}");
    assert!(found.iter().all(|(holder, ..)| holder == "UBS"), "{found:?}");
}

#[test]
fn a_prior_rating_is_no_view() {
    let text = "Morgan Stanley raised BlackBerry to Overweight. What stands out is that the upgrade is not just from a \
                Neutral bias. The prior rating was Underweight.";
    assert_eq!(bundled(text), [view("Morgan Stanley", "BB", Stance::Bullish)]);
}

#[test]
fn shares_called_overvalued_are_a_bearish_view() {
    assert_eq!(bundled("Morgan Stanley says Tesla is overvalued."), [view("Morgan Stanley", "TSLA", Stance::Bearish)]);
    let text = "As ações da Natura continuam sobrevalorizadas, avalia o Santander.";
    assert_eq!(bundled(text), [view("Santander", "NTCO3", Stance::Bearish)]);
}

#[test]
fn the_review_s_misreadings_stay_fixed() {
    // An opening act with a subject of its own is not the next clause's firm's.
    let text = "Despite other brokers downgrading Apple, Morgan Stanley reiterated its overweight rating.";
    assert_eq!(bundled(text), [view("Morgan Stanley", "AAPL", Stance::Bullish)]);
    // `at` a place is no firm.
    assert_eq!(bundled("Tesla was downgraded to sell after a fire at Giga Berlin."), []);
    // An item naming its own firm is not the sentence's holder's.
    let text = "Goldman Sachs upgraded Apple to buy; a sell rating at Morgan Stanley for Intel remains.";
    assert!(!bundled(text).contains(&view("Goldman Sachs", "INTC", Stance::Bearish)));
    // A bank described with its symbol that acts right after it still holds.
    let text = "Canadian bank Royal Bank of Canada (NYSE:RY) cut Apple to sector perform.";
    assert_eq!(bundled(text), [view("Royal Bank of Canada", "AAPL", Stance::Bearish)]);
    let text = "Analysts who upgraded Intel include: Goldman Sachs and Citi.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "INTC", Stance::Bullish), view("Citi", "INTC", Stance::Bullish)]);
    // `previous` next to a price is no prior rating.
    let text = "Apple rose 2% from its previous close after Goldman Sachs rated it a buy.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "AAPL", Stance::Bullish)]);
    // An adverb opening a sentence is no broker.
    let text = "Gradual, a alta da Vale foi destacada pelo Credit Suisse, que elevou a recomendação.";
    assert_eq!(bundled(text), [view("Credit Suisse", "VALE3", Stance::Bullish)]);
    // `both` after three companies is each of them.
    let text =
        "Apple rose 2% while Microsoft slid 1% and Intel fell 3%, after Goldman Sachs downgraded both companies.";
    assert_eq!(bundled(text).len(), 3);
}
