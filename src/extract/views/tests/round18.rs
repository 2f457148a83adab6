//! Unit tests of the eighteenth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn segundo_opening_a_sentence_is_according_to_not_a_name() {
    let text = "O Credit Suisse cortou a Petrobras para underperform. Segundo analistas da corretora, a petroleira \
                passou a receber o título de “outperform” por conta de três expectativas.";
    assert_eq!(bundled(text), [view("Credit Suisse", "PETR4", Stance::Bearish)]);
}

#[test]
fn discontent_is_bearish() {
    let text = "O Deutsche Bank também demonstrou descontentamento com o reajuste de preços da Petrobras.";
    assert_eq!(bundled(text), [view("Deutsche Bank", "PETR4", Stance::Bearish)]);
}

#[test]
fn analysts_counted_rating_a_hold_leave_the_firm_before_its_view() {
    let text = "Bernstein raised its price target on Microsoft. Meanwhile, 12 of the 22 covering analysts maintain \
                \"hold\" or worse suggestions on the equity.";
    assert_eq!(bundled(text), [view("Bernstein", "MSFT", Stance::Bullish)]);
    // (The firm's own neutral rating right after still means no view.)
    let text = "Bernstein raised its price target on Microsoft. The firm maintains a hold rating.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_headings_colon_ends_it_before_the_analyst_or_the_firm() {
    let text = "Facebook Inc.'s shares rose after a Stifel analyst upgraded his rating on the company's stock.\n\nTHE \
                SPARK: Analyst Jordan Rohan increased Facebook's rating to \"Buy\" from \"Hold.\"";
    assert_eq!(bundled(text), [view("Stifel", "META", Stance::Bullish)]);
    let text = "Target (TGT) rose.\nThe Target Analyst: Jefferies upgraded Target from Hold to Buy.";
    assert_eq!(bundled(text), [view("Jefferies", "TGT", Stance::Bullish)]);
}

#[test]
fn a_signature_pick_and_a_key_idea_are_picks() {
    let text = "Albemarle shares popped 3% after Wells Fargo named it a signature pick.";
    assert_eq!(bundled(text), [view("Wells Fargo", "ALB", Stance::Bullish)]);
    let text = "Alphabet rose. KeyBanc Capital Markets named it one of its \"key ideas\" in the Internet sector.";
    assert_eq!(bundled(text), [view("KeyBanc Capital Markets", "GOOGL", Stance::Bullish)]);
}

#[test]
fn the_principal_recommendation_is_a_pick_and_a_rating_to_justify_is_none() {
    let text = "O Citibank divulgou seu relatório sobre o setor.\nA TIM (TIMS3) é a principal recomendação do banco.";
    assert_eq!(bundled(text), [view("Citibank", "TIMS3", Stance::Bullish)]);
    let text = "O UBS revisou a B3 (B3SA3). “O preço da ação precisa estar abaixo de R$ 9 para justificar uma \
                recomendação de compra”, afirma o UBS.";
    assert_eq!(bundled(text), []);
}
