//! Unit tests of the twenty-fifth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn irb_brasil_and_irb_re_are_the_reinsurer() {
    let text = "O IRB Brasil foi o destaque negativo, desabando mais de 17%. O IRB Re caiu 2%.";
    assert_eq!(figures(text), pairs(&[("17%", &["IRBR3"]), ("2%", &["IRBR3"])]));
}

#[test]
fn a_renamed_b3_code_in_a_table_row_is_its_successor() {
    let text = "Empresa | Ticker | Peso |\n---|---|---|\nTransmissão Paulista | TRPL4 | 10% |\nTaesa | TAEE11 | 15% |";
    assert_eq!(figures(text), pairs(&[("10%", &["ISAE4"]), ("15%", &["TAEE11"])]));
}

#[test]
fn bce_inc_is_the_canadian_telecom() {
    let text = "BCE Inc. rose 2%, while the BCE kept rates on hold.";
    assert_eq!(figures(text), pairs(&[("2%", &["BCE"])]));
}

#[test]
fn the_spanish_bank_santander_is_the_group_not_its_brazilian_arm() {
    let text = "MADRID - O banco espanhol Santander teve lucro de 1,87 bilhão de euros. A receita do Santander somou 8,4 \
                bilhões de euros.";
    assert_eq!(figures(text), pairs(&[("1,87 bilhão de euros", &["SAN"]), ("8,4 bilhões de euros", &["SAN"])]));
    // (The Spanish-owned bank among Brazil's stays its Brazilian listing.)
    let text = "O lucro obtido pelo Bradesco (R$ 6,238 bilhões) e pelo espanhol Santander (R$ 3,415 bilhões) cresceu.";
    assert_eq!(figures(text), pairs(&[("R$ 6,238 bilhões", &["BBDC4"]), ("R$ 3,415 bilhões", &["SANB11"])]));
}

#[test]
fn a_broker_that_now_expects_a_figure_forecasts_the_company_it_covers() {
    let text = "Analistas do Itaú BBA cortaram a recomendação das ações da Petrobras. O Itaú BBA agora espera lucro \
                líquido de 188,78 bilhões de reais para 2022.";
    assert_eq!(figures(text), pairs(&[("188,78 bilhões de reais", &["PETR4"])]));
}

#[test]
fn a_figure_with_its_rate_for_the_company_after_it_is_that_companys() {
    let text = "Os ativos da Oi geram receita de cerca de R$ 120 milhões por mês para a Vivo e R$ 200 milhões por mês \
                para a TIM.";
    assert_eq!(figures(text), pairs(&[("R$ 120 milhões", &["VIVT3"]), ("R$ 200 milhões", &["TIMS3"])]));
}
