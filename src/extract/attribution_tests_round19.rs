//! Unit tests of the nineteenth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_former_symbol_by_a_stock_word_names_the_renamed_company_and_its_later_uses_too() {
    let text = "Shares of RIMM surged 4.81% today to close at US$61.83. Since Nov. 14, RIMM has risen 5.15%.";
    assert_eq!(figures(text), pairs(&[("4.81%", &["BB"]), ("US$61.83", &["BB"]), ("5.15%", &["BB"])]));
    // (Bare, with nothing to show it is a symbol, it is left alone.)
    let text = "RIMM has risen 5.15%.";
    assert_eq!(figures(text), pairs(&[("5.15%", &[])]));
}

#[test]
fn a_gone_companys_first_word_again_is_that_company() {
    let text = "Janus Capital Group Inc. fell 7.5 percent to $10.51. The owner of the Janus, Intech and Perkins funds \
                was cut to sell.";
    assert_eq!(figures(text), pairs(&[("7.5 percent", &[]), ("$10.51", &[])]));
}

#[test]
fn a_large_companys_symbol_in_bloombergs_form_names_it() {
    let text = "Cooper Cos. (COO US) climbed 2.7 percent to $35.80.";
    assert_eq!(figures(text), pairs(&[("2.7 percent", &["COO"]), ("$35.80", &["COO"])]));
}

#[test]
fn amr_corp_is_american_airlines_group_now() {
    let text = "American parent AMR Corp. fell 2.76% after a downgrade.";
    assert_eq!(figures(text), pairs(&[("2.76%", &["AAL"])]));
}

#[test]
fn a_sentence_about_a_sector_or_a_counted_group_ends_the_carry_of_an_earlier_subject() {
    let text = "O lucro de 300 empresas somou R$ 23,1 bilhões, segundo pesquisa que desconsidera a Vale. O setor \
                bancário é o de maior lucratividade, e os 21 bancos lucraram R$ 14,3 bilhões. Ao comparar com o ano \
                passado, quando ficou em R$ 17,87 bilhões, é vista uma queda de 19,98%.";
    let found = figures(text);
    assert_eq!(found[2..], pairs(&[("R$ 17,87 bilhões", &[]), ("19,98%", &[])]));
    // (A heading naming a sector in passing does not.)
    let text = "A Raia Drogasil subiu 2%. BB: resiliência do setor e crescimento expressivo. A rede abre 260 lojas.";
    assert_eq!(figures(text), pairs(&[("2%", &["RADL3"]), ("260 lojas", &["RADL3"])]));
}

#[test]
fn a_sentence_opening_on_an_unknown_name_of_two_words_and_a_move_is_nobodys() {
    let text = "General Electric gained 72 cents to $31.16. Siebel Systems climbed 74 cents to $11.25.";
    assert_eq!(figures(text), pairs(&[("$31.16", &["GE"]), ("$11.25", &[])]));
}

#[test]
fn a_symbol_taken_after_a_home_exchange_counts_bare_later_even_as_an_everyday_word() {
    let text = "Analysts are weighing in on Gogo Inc (NASDAQ:GOGO).\n\n• Although GOGO has tacked on 43.2% in the last \
                month alone to perch at $18.14, Wells Fargo initiated a tepid rating.";
    assert_eq!(figures(text), pairs(&[("43.2%", &["GOGO"]), ("$18.14", &["GOGO"])]));
}

#[test]
fn a_name_the_text_shows_to_be_another_companys_and_its_first_word_later_are_nobodys() {
    let text = "The drop in WPP followed a big fall by Provident Financial (L:PFG) in the previous session, tanking 66 \
                percent. Provident's shares fell as much as 8 percent on Wednesday.";
    assert_eq!(figures(text), pairs(&[("66 percent", &[]), ("8 percent", &[])]));
}

#[test]
fn a_drug_company_is_a_drugmakers_description() {
    let text = "British drug maker AstraZeneca PLC fell after Citi said generic risk increases after August, when Teva \
                Pharmaceutical Industries Ltd. is expected to launch a generic. Citi lowered the drug company's price \
                target to $49 from $50.";
    assert_eq!(figures(text), pairs(&[("$49", &["AZN"]), ("$50", &["AZN"])]));
}

#[test]
fn in_that_order_pairs_figures_as_respectively_does() {
    let text = "Às 15h39, os papéis de Azul e Gol respiravam um pouco e subiam 8,9% e 8,5%, nessa ordem.";
    assert_eq!(figures(text), pairs(&[("8,9%", &["AZUL4"]), ("8,5%", &["GOLL3"])]));
    let text = "Apple and Microsoft fell 2% and 3%, in that order.";
    assert_eq!(figures(text), pairs(&[("2%", &["AAPL"]), ("3%", &["MSFT"])]));
}

#[test]
fn a_figure_both_companies_share_is_both_of_theirs() {
    let text = "JPMorgan Chase (JPM -2.48%) and Bank of America (BAC -2.21%) are both down by about 5%.";
    assert_eq!(figures(text), pairs(&[("-2.48%", &["JPM"]), ("-2.21%", &["BAC"]), ("5%", &["JPM", "BAC"])]));
}

#[test]
fn united_in_company_context_is_united_airlines() {
    let text = "In boosting his rating for United, Baker cited margins. United shares rose 3% to $47.17.";
    assert_eq!(figures(text), pairs(&[("3%", &["UAL"]), ("$47.17", &["UAL"])]));
    let text = "The United States economy grew 2%.";
    assert_eq!(figures(text), pairs(&[("2%", &[])]));
}

#[test]
fn the_reviews_findings_on_the_round() {
    // A large company's word is not muted by another company named with it first.
    let text = "Delta Apparel (NYSE: DLA) rose 1%. Later, Delta shares fell 2%.";
    assert_eq!(figures(text), pairs(&[("1%", &[]), ("2%", &["DAL"])]));
    // A commodity opening a sentence before a word of its name is no unknown company.
    let text = "Petrobras rose 1%. Brent Crude fell 2%. Petrobras shares gained 3%.";
    assert_eq!(figures(text), pairs(&[("1%", &["PETR4"]), ("2%", &[]), ("3%", &["PETR4"])]));
}
