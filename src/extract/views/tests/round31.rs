//! Unit tests of the thirty-first round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn an_everyday_word_written_in_capitals_once_holds_no_view() {
    // (`Institutional` heads a line; the text writes it in lower case too.)
    let text = "Institutional analyst upgrades and downgrades move institutional flows. Today, Evercore ISI issued a \
                downgrade of Texas Roadhouse (TXRH) from Outperform to In-line.";
    assert_eq!(bundled(text), [view("Evercore ISI", "TXRH", Stance::Bearish)]);
    // A broker's name stays a firm, also where the text uses the word (`benchmark index`).
    let text = "Benchmark upgraded Nike (NKE) to buy, while the benchmark index fell.";
    assert_eq!(bundled(text), [view("Benchmark", "NKE", Stance::Bullish)]);
}

#[test]
fn a_holder_opens_past_the_preposition_opening_its_sentence() {
    let text = "Deutsche Bank upgrades AstraZeneca to BUY. For Deutsche analysts, the risk is largely dispelled and \
                they remain bullish on AstraZeneca.";
    let views = bundled(text);
    assert!(views.iter().all(|v| !v.0.starts_with("For")), "{views:?}");
    assert_eq!(views.len(), 1, "{views:?}");
}
