//! Unit tests of the twenty-first round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_longer_name_whose_first_word_has_an_apostrophe_is_the_company() {
    assert_eq!(figures("Pilgrim's Pride fell 3%."), pairs(&[("3%", &["PPC"])]));
    assert_eq!(figures("Pilgrim’s Pride fell 3%."), pairs(&[("3%", &["PPC"])]));
    // (The one-word names still are: `Dillard's` is `DILLARD'S, INC.`.)
    assert_eq!(figures("Dillard's fell 3%."), pairs(&[("3%", &["DDS"])]));
}

#[test]
fn an_owner_named_in_an_apposition_is_not_what_the_figure_is_about() {
    let text = "A processadora de frango Pilgrim's Pride, controlada pela brasileira JBS, obteve lucro líquido de \
                US$ 349,86 milhões.";
    assert_eq!(figures(text), pairs(&[("US$ 349,86 milhões", &["PPC"])]));
    let text = "Shares of Pilgrim's Pride, controlled by JBS, rose 3%.";
    assert_eq!(figures(text), pairs(&[("3%", &["PPC"])]));
}

#[test]
fn a_data_provider_polled_in_portuguese_is_a_source() {
    let text = "A Pilgrim's Pride lucrou US$ 1,63 por ação. Analistas consultados pela FactSet esperavam lucro de \
                US$ 1,40 por ação.";
    assert_eq!(figures(text), pairs(&[("US$ 1,63", &["PPC"]), ("US$ 1,40", &["PPC"])]));
}

#[test]
fn classes_of_one_issuer_given_together_are_its_main_listing() {
    let text = "A Petrobras (PETR3; PETR4) lucrou R$ 124,6 bilhões. Petrobras ON e PN tiveram altas de 1,09% e 1,43%, \
                respectivamente.";
    let want = [("R$ 124,6 bilhões", &["PETR4"][..]), ("1,09%", &["PETR3"]), ("1,43%", &["PETR4"])];
    assert_eq!(figures(text), pairs(&want));
    // (Not two issuers: `Vale (VALE3) e Petrobras (PETR3)` keep their own.)
    let text = "Vale (VALE3) e Petrobras (PETR3) subiram 2% juntas.";
    assert_eq!(figures(text), pairs(&[("2%", &["VALE3", "PETR3"])]));
}

#[test]
fn a_company_section_heading_is_a_sentence_of_its_own() {
    let text = "Alphabet’s shares traded up 4.85%\nMicrosoft Corp (MSFT):\nMicrosoft’s results also exceeded \
                expectations.\n- EPS reached $2.69, higher than the anticipated $2.55.";
    let want = [("4.85%", &["GOOGL"][..]), ("$2.69", &["MSFT"]), ("$2.55", &["MSFT"])];
    assert_eq!(figures(text), pairs(&want));
}

#[test]
fn a_company_named_in_an_aside_between_dashes_is_not_the_subject() {
    let text = "Dillard’s Inc. reported lower income. The stock — perhaps boosted by optimism from Kohl’s Corp. — rose \
                9.9 percent.";
    assert_eq!(figures(text), pairs(&[("9.9 percent", &["DDS"])]));
}

#[test]
fn a_brazilian_states_code_after_a_place_is_no_ticker() {
    let text = "Após a tragédia de Brumadinho (MG), a Vale lucrou US$ 1 bilhão.";
    assert_eq!(figures(text), pairs(&[("US$ 1 bilhão", &["VALE3"])]));
    // (After a company the lexicon names, the code is its symbol.)
    assert_eq!(figures("Boeing (BA) fell 3%."), pairs(&[("3%", &["BA"])]));
}

#[test]
fn a_plural_of_targets_puts_a_company_in_context() {
    let text = "O banco também cortou os preços-alvos de Americanas de R$ 30 para R$ 25.";
    assert_eq!(figures(text), pairs(&[("R$ 30", &["AMER3"]), ("R$ 25", &["AMER3"])]));
}

#[test]
fn a_move_on_the_nasdaq_in_portuguese_is_the_shares_on_their_exchange() {
    let text = "O Credit Suisse cortou o preço-alvo das ações da XP Inc. (XP) de US$ 23 para US$ 22. As ações saltavam \
                7,08% na Nasdaq.";
    let want = [("US$ 23", &["XP"][..]), ("US$ 22", &["XP"]), ("7,08%", &["XP"])];
    assert_eq!(figures(text), pairs(&want));
    // (The index itself: `A Nasdaq subiu`.)
    let text = "A Nasdaq subiu 1,2%, enquanto a Apple caiu 3%.";
    assert_eq!(figures(text), pairs(&[("1,2%", &[]), ("3%", &["AAPL"])]));
}

#[test]
fn a_banks_own_stock_receiving_an_upgrade_is_reported_on() {
    let text = "Comerica (CMA) was downgraded. In contrast, Bank of America stock received an upgrade despite a lowered \
                price target of $47, down from $56.";
    assert_eq!(figures(text), pairs(&[("$47", &["BAC"]), ("$56", &["BAC"])]));
}
