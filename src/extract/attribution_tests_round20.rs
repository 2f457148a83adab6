//! Unit tests of the twentieth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_company_name_after_a_persons_title_and_given_name_is_the_persons() {
    let text = "Apple rose 2%. \"We expect revenue of about $25 billion,\" said CFO Peter Oppenheimer.";
    assert_eq!(figures(text), pairs(&[("2%", &["AAPL"]), ("$25 billion", &["AAPL"])]));
}

#[test]
fn companies_renamed_since_are_their_listings_now() {
    let text = "Herman Miller shares were down 6.6%. American Capital Agency Corp. (AGNC US) fell 5.3 percent. \
                Corrections Corporation of America (CXW US) climbed 6.6 percent.";
    assert_eq!(figures(text), pairs(&[("6.6%", &["MLKN"]), ("5.3 percent", &["AGNC"]), ("6.6 percent", &["CXW"])]));
}
