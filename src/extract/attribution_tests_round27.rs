//! Unit tests of the twenty-seventh round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_bank_reporting_its_results_first_stays_the_subject() {
    let text = "O Santander Brasil teve lucro de R$ 3 bilhões no trimestre. O lucro subiu 49%.";
    assert_eq!(figures(text), pairs(&[("R$ 3 bilhões", &["SANB11"]), ("49%", &["SANB11"])]));
    let text = "Banco Brasil fechou o trimestre com spread de 9,2 por cento.";
    assert_eq!(figures(text), pairs(&[("9,2 por cento", &["BBAS3"])]), "Banco do Brasil, as Reuters writes it");
}

#[test]
fn a_bank_closing_its_quarter_is_the_subject_and_a_bank_bought_is_no_company_ahead() {
    let text = "O Santander Brasil fechou o trimestre passado com aumento na provisão. A linha teve salto de 49%.";
    assert_eq!(figures(text), pairs(&[("49%", &["SANB11"])]));
    let text = "Sem incluir a amortização de ágio da aquisição do Banco Real, de 909 milhões de reais, o lucro foi \
                de 555 milhões de reais. O Santander Brasil fechou o trimestre com alta na provisão.";
    assert_eq!(
        figures(text),
        pairs(&[("909 milhões de reais", &["SANB11"]), ("555 milhões de reais", &["SANB11"])]),
        "the company named in the next sentences"
    );
}

#[test]
fn tim_in_company_context_and_multilaser_by_its_former_name() {
    let text = "O Citi reafirma sua recomendação de compra para ações da Tim, que subiram 2%. A Multilaser caiu 3%.";
    assert_eq!(figures(text), pairs(&[("2%", &["TIMS3"]), ("3%", &["MLAS3"])]));
    let text = "Tim Cook disse que as vendas subiram 4%.";
    assert_eq!(figures(text), pairs(&[("4%", &[])]), "a given name");
}

#[test]
fn a_bank_raising_its_expectation_speaks_of_the_company_it_covers() {
    let text = "O BofA elevou a recomendação das ações da Gerdau para neutra. O BofA aumentou a expectativa do Ebitda \
                de 2020 de R$ 4,9 bilhões para R$ 5,3 bilhões.";
    assert_eq!(figures(text), pairs(&[("R$ 4,9 bilhões", &["GGBR4"]), ("R$ 5,3 bilhões", &["GGBR4"])]));
}

#[test]
fn a_bank_reporting_past_its_legal_suffix() {
    let text = "A Citigroup Inc. divulgou seus resultados, com lucro de US$ 2,24. A receita da empresa atingiu \
                US$ 22,09 bilhões.";
    assert_eq!(figures(text), pairs(&[("US$ 2,24", &["C"]), ("US$ 22,09 bilhões", &["C"])]));
}

#[test]
fn respectively_pairs_figures_with_their_upside_in_brackets() {
    let text = "O banco recomenda Allos (ALOS3) e Iguatemi (IGTI11), com preços-alvos de R$ 30 (upside +30,7%) e \
                R$ 29 (+42,4%), respectivamente.";
    assert_eq!(
        figures(text),
        pairs(&[("R$ 30", &["ALOS3"]), ("30,7%", &["ALOS3"]), ("R$ 29", &["IGTI11"]), ("42,4%", &["IGTI11"])])
    );
}
