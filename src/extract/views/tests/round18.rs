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
