//! Unit tests of the twenty-eighth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_bank_whose_target_is_set_stays_the_company_discussed() {
    let text = "Jason Bilodeau chopped his target price on Royal Bank of Canada by $2, to $66. Kevin Choquette cut \
                his target price to $70 from $75.";
    assert_eq!(
        figures(text),
        pairs(&[("$2", &["RY"]), ("$66", &["RY"]), ("$70", &["RY"]), ("$75", &["RY"])]),
        "the next analyst's target is on the same bank"
    );
}

#[test]
fn a_bank_whose_own_rating_was_cut_is_the_company_rated() {
    let text = "Wells Fargo's (WFC) rating was cut to underperform from neutral with a $50 price target by a Baird \
                analyst. Shares were down slightly to $53.76.";
    assert_eq!(figures(text), pairs(&[("$50", &["WFC"]), ("$53.76", &["WFC"])]));
}

#[test]
fn a_bank_s_calculations_are_its_analysts_work() {
    let text = "O Bradesco BBI elevou sua recomendação para a Intelbras de neutro para compra. Nas contas do Bradesco, \
                a Intelbras negocia a 7,2x seu lucro estimado. O banco reduziu o preço-alvo de R$ 22 por ação para \
                R$ 17.";
    assert_eq!(figures(text), pairs(&[("R$ 22", &["INTB3"]), ("R$ 17", &["INTB3"])]), "the company it covers");
}
