//! Unit tests of the sixteenth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_bank_whose_own_move_a_clause_after_it_tells_is_reported_on_not_rating() {
    let text = "Bank of America, whose shares fell 14% in the week through yesterday, led U.S. banks higher in New \
                York trading after analysts upgraded the stock.";
    assert_eq!(figures(text), pairs(&[("14%", &["BAC"])]));
    let text = "Morgan Stanley, which slipped 5.7% Monday, advanced 2.8% to $33.16 after Buckingham Research Group \
                upgraded the New York-based firm to buy from hold.";
    assert_eq!(figures(text), pairs(&[("5.7%", &["MS"]), ("2.8%", &["MS"]), ("$33.16", &["MS"])]));
    // Past an aside between the bank and its move.
    let text = "JPMorgan Chase, the largest U.S. bank by assets, climbed 3.7% after CLSA Ltd. raised its \
                recommendation to buy.";
    assert_eq!(figures(text), pairs(&[("3.7%", &["JPM"])]));
    // A clause where the bank acts on a target is no move of its own.
    let text = "A string of other analysts lowered price targets on Intel, including Citi, which dropped their PT to \
                $52 from $57.";
    assert_eq!(figures(text), pairs(&[("$52", &["INTC"]), ("$57", &["INTC"])]));
}
