//! Unit tests of the twenty-fourth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn the_listed_companies_as_a_whole_hold_their_figures() {
    let text = "A Vale lucrou R$ 25 bilhões. As empresas brasileiras de capital aberto registraram uma alta de \
                17,06% no lucro líquido em 2017, segundo a Economatica.";
    assert_eq!(figures(text), pairs(&[("R$ 25 bilhões", &["VALE3"]), ("17,06%", &[])]));
    // (The company itself goes on holding its figures.)
    let text = "A Vale lucrou R$ 25 bilhões. A empresa registrou uma alta de 17% no lucro.";
    assert_eq!(figures(text), pairs(&[("R$ 25 bilhões", &["VALE3"]), ("17%", &["VALE3"])]));
}

#[test]
fn raiadrogasil_written_as_one_word_is_raia_drogasil() {
    let text = "O Citi manteve a recomendação neutra para as ações da RD (RaiaDrogasil), com alta de 8,7% no ano.";
    assert_eq!(figures(text), pairs(&[("8,7%", &["RADL3"])]));
}

#[test]
fn the_worlds_largest_supplier_of_ore_is_the_miner_and_a_renamed_retailer_its_listing() {
    let text = "A Vale subiu 2%. Em relatório, o banco projeta que as vendas da maior fornecedora de minério do mundo \
                deverão alcançar quase 50 bilhões de dólares. O preço do minério de ferro caiu 5%.";
    assert_eq!(figures(text), pairs(&[("2%", &["VALE3"]), ("50 bilhões de dólares", &["VALE3"]), ("5%", &[])]));
    let text = "Phillips-Van Heusen (PVH) upgraded at Morgan Stanley to overweight with $37 price target.";
    assert_eq!(figures(text), pairs(&[("$37", &["PVH"])]));
}

#[test]
fn the_amazon_is_a_region_and_hrt_the_old_name_of_petrorio() {
    let text = "O UBS cortou a recomendação da HRT para venda. O poço seco fica no interior da Amazônia, com 10% de \
                chance. O Banco da Amazônia lucrou R$ 1 bilhão.";
    assert_eq!(figures(text), pairs(&[("10%", &["PRIO3"]), ("R$ 1 bilhão", &["BAZA3"])]));
}
