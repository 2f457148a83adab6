//! Unit tests of the fourteenth round's holder rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn each_card_of_a_ratings_column_rates_its_own_company() {
    let text = "CHANGE IN RATINGS\n\nBoyd Gaming\n\n(BYD)\n\ndowngraded at Thomas Weisel from Overweight to \
                Market-weight.\n\nGilead\n\n(GILD) - Get Report\n\ndowngraded at Credit Suisse to Neutral from \
                Outperform.\n\nJohnson Controls\n\n(JCI) - Get Report\n\nupgraded at Credit Suisse to Outperform \
                from Neutral.";
    assert_eq!(
        bundled(text),
        [
            view("Thomas Weisel", "BYD", Stance::Bearish),
            view("Credit Suisse", "GILD", Stance::Bearish),
            view("Credit Suisse", "JCI", Stance::Bullish),
        ]
    );
    let text = "Shares of TJX are slipping 0.9% in morning trading.\n\nAmerican Eagle Outfitters\n\n(AEO) - Get \
                Report\n\nwas downgraded by Bank of America/Merrill to underperform from neutral on valuation.";
    assert_eq!(bundled(text), [view("Bank of America", "AEO", Stance::Bearish)]);
}
