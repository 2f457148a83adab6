//! Unit tests of the twenty-second round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_pictures_credit_names_no_company_that_ends_the_carry() {
    let text = "Itaú BBA vê potencial de alta de 24% nas ações da Vivara. (Imagem: Adobe Stock)\nO Itaú BBA avalia \
                que as ações da Vivara (VIVA3) têm espaço. A equipe projeta alta de 14% na receita líquida.";
    assert_eq!(figures(text), pairs(&[("24%", &["VIVA3"]), ("14%", &["VIVA3"])]));
}

#[test]
fn basis_points_and_percentage_points_are_no_index_level() {
    let text = "As ações da Vivara (VIVA3) subiram. A equipe projeta alta de 14% na receita, além de ganho de 240 \
                pontos-base na margem bruta e de 3 pontos percentuais no lucro.";
    let want = pairs(&[("14%", &["VIVA3"]), ("240 pontos", &["VIVA3"]), ("3 pontos", &["VIVA3"])]);
    assert_eq!(figures(text), want);
}

#[test]
fn a_brokers_first_word_alone_is_the_broker_when_the_text_names_it_in_full() {
    let text = "A Kepler Cheuvreux rebaixou sua recomendação para o Credit Suisse. O analista da Kepler Nicolas \
                Payen reduziu suas estimativas. A queda chegou a 4,78% no fechamento.";
    assert_eq!(figures(text), pairs(&[("4,78%", &[])]));
    // (The company itself still is, named alone: `A Kepler subiu 3%` with no broker in full.)
    assert_eq!(
        figures("A Kepler Weber (KEPL3) subiu 3%. A Kepler vendeu 5% mais."),
        pairs(&[("3%", &["KEPL3"]), ("5%", &["KEPL3"])])
    );
}

#[test]
fn a_brazilian_share_class_alone_is_no_ticker() {
    let text = "As perdas refletiram a hesitação de Petrobras (ON +0,23%, PN -0,13% no fechamento).";
    assert!(figures(text).iter().all(|(_, tickers)| !tickers.iter().any(|t| t == "PN")), "{:?}", figures(text));
}

#[test]
fn a_surname_after_a_title_and_a_given_name_is_a_person() {
    let text = "Wells Fargo fell 3%. Federal Reserve Chair Jerome Powell said the bank would keep its $1.95 trillion \
                asset cap.";
    assert!(figures(text).iter().all(|(_, tickers)| !tickers.iter().any(|t| t == "POWL")), "{:?}", figures(text));
    assert_eq!(figures("Powell Industries (POWL) rose 2%."), pairs(&[("2%", &["POWL"])]));
}
