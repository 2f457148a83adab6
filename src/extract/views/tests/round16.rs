//! Unit tests of the sixteenth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_bank_that_moved_is_talked_about_and_the_broker_after_it_rates_it() {
    let text = "JPMorgan Chase, the largest U.S. bank by assets, climbed 3.7% after CLSA Ltd. raised its \
                recommendation to buy.";
    assert_eq!(bundled(text), [view("CLSA", "JPM", Stance::Bullish)]);
    let text = "Bank of America, whose shares fell 14% in the week, led U.S. banks higher after analysts upgraded the \
                stock.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_bank_referred_to_or_written_as_its_symbol_is_the_stock_and_the_shares_before_a_rating_point_back() {
    let text = "\"We believe BAC has some levers to lean on,\" John McDonald, an analyst at Sanford C. Bernstein, said \
                in a report Tuesday, referring to Bank of America by its ticker symbol. In raising the shares to buy \
                from hold, they cited the opportunity for more cost cuts.";
    assert_eq!(bundled(text), [view("Sanford C. Bernstein", "BAC", Stance::Bullish)]);
}
