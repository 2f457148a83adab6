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
