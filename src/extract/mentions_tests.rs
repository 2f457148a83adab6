//! Unit tests of mentions: who is named, and who rates.

use super::*;
use crate::extract::Lexicon;
use crate::extract::tickers::tickers;
use crate::extract::tokens::tokens;

fn found(text: &str) -> Vec<(String, &str, bool)> {
    let lexicon =
        Lexicon::new([("MSFT", "MICROSOFT CORP"), ("GS", "GOLDMAN SACHS GROUP INC"), ("LLY", "LILLY ELI & CO")]);
    let words = tokens(text);
    let found = tickers(text, &words, &lexicon);
    mentions(text, &words, &crate::extract::sentences::sentences(text), &found, &[])
        .into_iter()
        .map(|m| (m.symbol.to_string(), &text[m.span], m.rates))
        .collect()
}

#[test]
fn a_name_and_its_bracketed_symbol_are_one_mention() {
    assert_eq!(found("Microsoft (NASDAQ: MSFT) rose."), [("MSFT".to_owned(), "Microsoft (NASDAQ: MSFT", false)]);
}

#[test]
fn a_broker_changing_a_target_rates() {
    let text = "$LLY is up 2% after Goldman Sachs boosted its rating to buy.";
    assert_eq!(found(text), [("LLY".to_owned(), "$LLY", false), ("GS".to_owned(), "Goldman Sachs", true)]);
    assert_eq!(found("Microsoft cut 10,000 jobs."), [("MSFT".to_owned(), "Microsoft", false)]);
}

#[test]
fn a_firm_rates_through_its_analyst_in_a_passive_and_in_a_list() {
    let rates = |text: &str| found(text).into_iter().map(|(s, _, r)| (s, r)).collect::<Vec<_>>();
    let yes = |s: &str| (s.to_owned(), true);
    let no = |s: &str| (s.to_owned(), false);
    assert_eq!(rates("Goldman Sachs analyst Jane Doe upgraded Microsoft to Buy."), [yes("GS"), no("MSFT")]);
    assert_eq!(rates("Microsoft was raised to Buy from Neutral at Goldman Sachs."), [no("MSFT"), yes("GS")]);
    assert_eq!(rates("Goldman Sachs and Eli Lilly raised their price targets."), [yes("GS"), yes("LLY")]);
    assert_eq!(rates("Microsoft maintained its buy rating."), [no("MSFT")], "no broker: the rated one");
    assert_eq!(rates("Microsoft fell 3% while Goldman Sachs rose."), [no("MSFT"), no("GS")]);
}

#[test]
fn a_bank_s_own_return_and_its_rating_change_make_it_the_subject() {
    use crate::extract::figure_tickers::{attributed, owned};
    let text = "Os analistas dizem que os desafios devem manter o ROE do Bradesco baixo. Em 2025, o \
                Goldman espera um ROE de 12,4%.";
    assert_eq!(attributed(text), owned(&[("12,4%", &["BBDC4"])]));
    let text = "O Goldman elevou a classificação do Santander (SANB11) de venda para neutra. O ROE \
                esperado é de 17,1%.";
    assert_eq!(attributed(text), owned(&[("17,1%", &["SANB11"])]));
}
