//! Unit tests of the twenty-sixth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn porto_in_company_context_is_porto_seguro() {
    let text = "A Porto está começando a semana com alta de 2%. A ação da Porto subiu 3%.";
    assert_eq!(figures(text), pairs(&[("2%", &["PSSA3"]), ("3%", &["PSSA3"])]));
    // (Not a port, nor Porto Alegre.)
    let text = "O movimento no Porto de Santos cresceu 4%. Em Porto Alegre, as vendas subiram 5%.";
    assert_eq!(figures(text), pairs(&[("4%", &[]), ("5%", &[])]));
}

#[test]
fn a_given_name_after_the_analysts_title_is_no_company() {
    let text = "A Ultrapar (UGPA3) caiu. Os analistas Regis Cardoso e Victor Schmidt cortaram o preço-alvo de R$ 23 \
                para R$ 21.";
    assert_eq!(figures(text), pairs(&[("R$ 23", &["UGPA3"]), ("R$ 21", &["UGPA3"])]));
}

#[test]
fn a_market_wraps_company_that_had_the_biggest_fall_is_named() {
    let text = "A Vale subiu 0,45%. Na outra ponta, Gol teve a maior queda, de 7,64%.";
    assert_eq!(figures(text), pairs(&[("0,45%", &["VALE3"]), ("7,64%", &["GOLL3"])]));
}

#[test]
fn the_preferred_share_of_an_issuer_listed_by_it_is_its_main_listing() {
    let text = "A Usiminas subiu 4,65%, enquanto a preferencial teve ganhos de 2,31%.";
    assert_eq!(figures(text), pairs(&[("4,65%", &["USIM5"]), ("2,31%", &["USIM5"])]));
    // (An issuer whose main listing is the ordinary share keeps the usual preferred class.)
    let text = "A Eletrobras subiu 2%, enquanto a preferencial ganhou 3%.";
    assert_eq!(figures(text), pairs(&[("2%", &["ELET3"]), ("3%", &["ELET6"])]));
}

#[test]
fn a_wraps_company_losing_or_recording_a_fall_is_named() {
    let text = "Há pouco, Tenda cedia 0,18%; Energisa registrava queda de 2,02% (R$ 48,13).";
    assert_eq!(figures(text), pairs(&[("0,18%", &["TEND3"]), ("2,02%", &["ENGI11"]), ("R$ 48,13", &["ENGI11"])]));
}
