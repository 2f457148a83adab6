//! Unit tests of the twenty-ninth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_firm_prompted_to_change_a_rating_holds_its_view_beside_another() {
    let text = "Allstate Corp (NYSE:ALL) reported disappointing earnings, prompting RBC to downgrade its rating to \
                \"sector perform\" from \"outperform,\" and Goldman Sachs to follow suit with a reduction to \
                \"neutral\" from \"conviction buy.\"";
    assert_eq!(bundled(text), [view("RBC", "ALL", Stance::Bearish), view("Goldman Sachs", "ALL", Stance::Bearish)]);
}
