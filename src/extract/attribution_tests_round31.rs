//! Unit tests of the thirty-first round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_defunct_broker_that_rates_is_no_unknown_company_and_an_analysts_surname_no_company() {
    let text = "Wachovia downgraded Texas Instruments (TXN) to hold from buy. Analyst John Barton says his \
                downgrade reflects a weaker outlook. Barton lowered his 45.6% gross margin estimate to 36.8%. He \
                cut his price target to $30.";
    let expected: [(&str, &[&str]); 3] = [("45.6%", &["TXN"]), ("36.8%", &["TXN"]), ("$30", &["TXN"])];
    assert_eq!(figures(text), pairs(&expected));
    // A company rated by someone else is still unknown: its figures are nobody's.
    let text = "Bloomin’ Brands Inc BLMN price target raised to $30. Chuy’s Holdings Inc CHUY downgraded from \
                Market Perform to Underperform, price target lowered from $28 to $23.";
    let given = figures(text);
    assert_eq!(given[2], ("$23".to_owned(), Vec::<String>::new()), "{given:?}");
}
