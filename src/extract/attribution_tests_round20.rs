//! Unit tests of the twentieth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_company_name_after_a_persons_title_and_given_name_is_the_persons() {
    let text = "Apple rose 2%. \"We expect revenue of about $25 billion,\" said CFO Peter Oppenheimer.";
    assert_eq!(figures(text), pairs(&[("2%", &["AAPL"]), ("$25 billion", &["AAPL"])]));
}

#[test]
fn companies_renamed_since_are_their_listings_now() {
    let text = "Herman Miller shares were down 6.6%. American Capital Agency Corp. (AGNC US) fell 5.3 percent. \
                Corrections Corporation of America (CXW US) climbed 6.6 percent.";
    assert_eq!(figures(text), pairs(&[("6.6%", &["MLKN"]), ("5.3 percent", &["AGNC"]), ("6.6 percent", &["CXW"])]));
}

#[test]
fn earnings_before_interest_written_with_do_are_a_line_of_the_companys_accounts() {
    let text = "O lucro líquido da BRF avançou 28%, informou a empresa.\nO lucro antes do juros, impostos, \
                depreciação e amortização atingiu R$ 1 bilhão.";
    assert_eq!(figures(text), pairs(&[("28%", &["BRFS3"]), ("R$ 1 bilhão", &["BRFS3"])]));
}

#[test]
fn a_bank_reporting_its_results_past_a_time_phrase_reports_its_own() {
    let text = "O Itaú Unibanco informou nesta terça-feira, 4, lucro líquido de R$ 5,984 bilhões no segundo \
                trimestre, cifra 22,1% superior à do ano passado.";
    assert_eq!(figures(text), pairs(&[("R$ 5,984 bilhões", &["ITUB4"]), ("22,1%", &["ITUB4"])]));
}

#[test]
fn a_deferred_tax_and_ratios_pointed_back_to_keep_the_company_of_the_text() {
    let text = "O lucro da JBS atingiu R$ 242 milhões. A empresa ainda informou o lucro líquido ajustado, \
                desconsiderando a parcela do imposto de renda diferido. A cifra ficou em R$ 374,5 milhões.";
    assert_eq!(figures(text), pairs(&[("R$ 242 milhões", &["JBSS3"]), ("R$ 374,5 milhões", &["JBSS3"])]));
    let text = "A inadimplência do Banco do Brasil atingiu 3,5%, e esses índices devem subir. As provisões podem \
                chegar a R$ 53 bilhões.";
    assert_eq!(figures(text), pairs(&[("3,5%", &["BBAS3"]), ("R$ 53 bilhões", &["BBAS3"])]));
}

#[test]
fn toronto_dominion_by_the_short_name_the_press_gives_it() {
    let text = "Toronto-Dominion fell 1.1 percent to C$80.65.";
    assert_eq!(figures(text), pairs(&[("1.1 percent", &["TD"]), ("C$80.65", &["TD"])]));
}
