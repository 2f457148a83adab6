//! Unit tests of the thirtieth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_list_opening_the_sentence_pairs_with_runs_of_as_many_figures_of_one_kind() {
    let text = "Dasa e Kora Saúde têm recomendação neutra, com preços-alvos em R$ 35 e R$ 5, potenciais de ganho de \
                38,6% e 34,7%.";
    let expected: [(&str, &[&str]); 4] =
        [("R$ 35", &["DASA3"]), ("R$ 5", &["KRSA3"]), ("38,6%", &["DASA3"]), ("34,7%", &["KRSA3"])];
    assert_eq!(figures(text), pairs(&expected));
    // Not figures of two kinds, nor a range.
    let text = "Dasa e Kora Saúde têm recomendação neutra, com alta de 3% e R$ 5 de dividendos.";
    assert!(figures(text).iter().all(|(_, tickers)| tickers.len() == 2), "{:?}", figures(text));
    let text = "Dasa e Kora Saúde têm recomendação neutra, com preços-alvos entre R$ 35 e R$ 50.";
    assert!(figures(text).iter().all(|(_, tickers)| tickers.len() == 2), "{:?}", figures(text));
}

#[test]
fn a_symbol_bracketed_with_a_price_ends_no_list() {
    // (Once a panic: a name read as listed ran past the figure.)
    let text = "BRF (BRFS3, R$ 41,58, -3,30%)\nA BRF reportou lucro líquido de R$ 138 milhões.";
    assert_eq!(figures(text)[0], ("R$ 41,58".to_owned(), vec!["BRFS3".to_owned()]));
}

#[test]
fn a_bank_revising_its_forecast_of_a_company_named_after_it_is_no_subject() {
    let text = "O Santander cortou em 5% sua projeção de Ebitda da SLC Agrícola (SLCE3) para 2026. O banco atribui \
                o ajuste ao aumento previsto de 9% nos custos agrícolas. Apesar disso, elevou o preço-alvo das ações \
                da companhia de R$ 21 para R$ 23.";
    let expected: [(&str, &[&str]); 4] =
        [("5%", &["SLCE3"]), ("9%", &["SLCE3"]), ("R$ 21", &["SLCE3"]), ("R$ 23", &["SLCE3"])];
    assert_eq!(figures(text), pairs(&expected));
    // Its own guidance stays its own.
    let text = "O Santander Brasil cortou em 5% sua projeção de lucro para 2026.";
    assert_eq!(figures(text)[0], ("5%".to_owned(), vec!["SANB11".to_owned()]));
}

#[test]
fn a_target_after_a_call_of_a_bank_named_after_it_is_the_company_s() {
    let text = "A Vale recebeu recomendação de compra do JPMorgan, com preço-alvo de R$ 80.";
    assert_eq!(figures(text), pairs(&[("R$ 80", &["VALE3"])]));
}

#[test]
fn a_plural_of_the_next_word_of_a_company_s_longer_name_is_still_the_company() {
    assert_eq!(figures("Teva Pharmaceuticals rose 2%."), pairs(&[("2%", &["TEVA"])]));
    // Not a word opening another name.
    assert_eq!(figures("Southwest Florida grew 3%."), pairs(&[("3%", &[])]));
}

#[test]
fn figures_before_the_only_company_a_text_names_far_on_are_its() {
    let text = "Para o 2T24, projetamos um lucro de R$ 3,24 bilhões. Os spreads devem seguir pressionados. As \
                despesas devem ficar estáveis. A carteira deve acelerar. No geral, esperamos que o Santander \
                apresente uma melhora gradual.";
    assert_eq!(figures(text), pairs(&[("R$ 3,24 bilhões", &["SANB11"])]));
    // Not where the text names another company too.
    let text = "Para o 2T24, projetamos um lucro de R$ 3,24 bilhões. Os spreads devem seguir pressionados. As \
                despesas devem ficar estáveis. O Itaú também cresceu. No geral, esperamos que o Santander \
                apresente uma melhora gradual.";
    assert_eq!(figures(text), pairs(&[("R$ 3,24 bilhões", &[])]));
}

#[test]
fn jcp_in_portuguese_is_interest_on_equity_not_j_c_penney() {
    let text = "Como parte do ajuste, a Vibra comunicou JCP de R$ 850 milhões, equivalente a um rendimento de 2,8%.";
    assert_eq!(figures(text), pairs(&[("R$ 850 milhões", &["VBBR3"]), ("2,8%", &["VBBR3"])]));
}

#[test]
fn a_producer_s_output_of_two_commodities_is_the_producer_s() {
    let text = "Exxon reported a profit of $5 billion. Oil and gas production rose to 3.7 million barrels per day.";
    assert_eq!(figures(text), pairs(&[("$5 billion", &["XOM"]), ("3.7 million barrels", &["XOM"])]));
    let text = "A Petrobras registrou lucro de R$ 32,7 bilhões. A produção total de óleo e gás alcançou 3,14 milhões \
                de barris por dia.";
    assert_eq!(figures(text)[1], ("3,14 milhões de barris".to_owned(), vec!["PETR4".to_owned()]));
    // Not the commodities' prices.
    let text = "A Petrobras lucrou. O preço do petróleo e do gás subiu 3%.";
    assert_eq!(figures(text), pairs(&[("3%", &[])]));
}

#[test]
fn credit_agricole_s_analysts_are_a_firm_not_the_company_discussed() {
    let text = "Most brokerages maintained their ratings on Microsoft ahead of the Windows 8 launch, described by \
                Credit Agricole Securities as a refresh cycle. First-quarter sales fell 8 percent to $16.01 billion.";
    assert_eq!(figures(text), pairs(&[("8 percent", &["MSFT"]), ("$16.01 billion", &["MSFT"])]));
}

#[test]
fn the_review_s_figures_stay_as_they_were() {
    // English `no` after JCP is no Portuguese.
    assert_eq!(figures("Macy's rose 2% while JCP no doubt lost 5%."), pairs(&[("2%", &["M"]), ("5%", &[])]));
    // A second word that is no commodity makes no producer's output.
    assert_eq!(figures("Exxon said oil and car sales rose 3%."), pairs(&[("3%", &[])]));
}
