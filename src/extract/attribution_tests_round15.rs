//! Unit tests of the fifteenth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn an_index_named_as_the_set_a_stock_stands_out_in_does_not_take_its_move() {
    let text = "Já os ativos da Marfrig (SA:MRFG3), também componente do Ibovespa, perdem 1,58% a R$ 6,22.";
    assert_eq!(figures(text), pairs(&[("1,58%", &["MRFG3"]), ("R$ 6,22", &["MRFG3"])]));
    let text = "As ações da Gol, inclusive, foram o maior ganho do Ibovespa na semana, com valorização de 3,3%.";
    assert_eq!(figures(text), pairs(&[("3,3%", &["GOLL3"])]));
    let text = "As ações da Gol (GOLL4) e Azul (AZUL4) são o principal destaque negativo do Ibovespa nesta \
                segunda-feira e derretem até 11% na bolsa.";
    assert_eq!(figures(text), pairs(&[("11%", &["GOLL4", "AZUL4"])]));
    let text = "As ações Gafisa (GFSA3) fecharam a semana como o principal destaque de alta dentre as ações que \
                compõem o Ibovespa, com valorização de 16,14%.";
    assert_eq!(figures(text), pairs(&[("16,14%", &["GFSA3"])]));
    // The index's own move stays its own.
    assert_eq!(figures("A Vale subiu 2%. A queda do Ibovespa foi de 1%."), pairs(&[("2%", &["VALE3"]), ("1%", &[])]));
    assert_eq!(figures("O destaque do dia foi o Ibovespa, que subiu 1%."), pairs(&[("1%", &[])]));
}

#[test]
fn a_figure_at_a_company_or_a_target_for_one_is_that_company_s() {
    let text = "Same-store sales dropped 2.5% at Macy’s and 0.4% at Kohl’s.";
    assert_eq!(figures(text), pairs(&[("2.5%", &["M"]), ("0.4%", &["KSS"])]));
    let text = "UBS assigned a buy rating and a $32 price target to KeyCorp KEY, +1.72% ; a buy rating and $212 price \
                target for M&T Bank Corp.";
    assert_eq!(figures(text), pairs(&[("$32", &["KEY"]), ("1.72%", &["KEY"]), ("$212", &["MTB"])]));
    // A target set at a broker is not the broker's.
    let text = "Apple was cut to $150 at Jefferies.";
    assert_eq!(figures(text), pairs(&[("$150", &["AAPL"])]));
}

#[test]
fn a_company_the_lexicon_does_not_know_listed_with_a_known_one_leaves_it_the_figure() {
    let text = "Merck's stock is up 30 percent this year, while Amgen and Genentech dropped 11 percent.";
    assert_eq!(figures(text), pairs(&[("30 percent", &["MRK"]), ("11 percent", &["AMGN"])]));
    // `the latter` is then the unknown one.
    let text = "Shares of Dillard’s and J.C. Penney also tanked, with the former down 3% and the latter falling 5.9%.";
    assert_eq!(figures(text), pairs(&[("3%", &["DDS"]), ("5.9%", &[])]));
}

#[test]
fn a_price_per_unit_also_in_the_plural_or_after_its_currency_s_country_is_the_commodity_s() {
    let text = "A Suzano subiu 2%. O preço alcançou US$ 457,3 por toneladas.";
    assert_eq!(figures(text), pairs(&[("2%", &["SUZB3"]), ("US$ 457,3", &[])]));
    let text = "Barrick rose 2%. It now sees bullion averaging $1,452 (U.S.) an ounce in 2013.";
    assert_eq!(figures(text), pairs(&[("2%", &["B"]), ("$1,452", &[])]));
}

#[test]
fn a_company_s_own_ratio_named_an_index_is_the_company_s() {
    let text = "O Banco do Brasil lucrou R$ 3 bilhões. O índice de inadimplência acima de 90 dias fechou o trimestre em \
                3,94%.";
    assert_eq!(figures(text), pairs(&[("R$ 3 bilhões", &["BBAS3"]), ("3,94%", &["BBAS3"])]));
    // A price index stays the economy's.
    let text = "O Banco do Brasil lucrou R$ 3 bilhões. O índice de preços ao consumidor subiu 0,5%.";
    assert_eq!(figures(text), pairs(&[("R$ 3 bilhões", &["BBAS3"]), ("0,5%", &[])]));
}

#[test]
fn a_stock_named_by_its_weight_in_an_index_keeps_its_move() {
    let text = "A Petrobras, papel de maior peso de todo o índice, registrou perda de 1,54%.";
    assert_eq!(figures(text), pairs(&[("1,54%", &["PETR4"])]));
}

#[test]
fn a_count_of_companies_takes_as_many_named_before() {
    let text = "A TIM caiu 2%, a Oi caiu 1,68% e a Vivo caiu 3%. O valor de mercado das três empresas já encolheu em \
                R$ 5,8 bilhões.";
    let findings = figures(text);
    assert_eq!(findings[3], ("R$ 5,8 bilhões".to_owned(), vec!["TIMS3".to_owned(), "OIBR3".into(), "VIVT3".into()]));
    // Not when fewer are named.
    let text = "A TIM caiu 2%. O valor de mercado das três empresas encolheu R$ 5,8 bilhões.";
    assert_eq!(figures(text)[1].1, vec!["TIMS3".to_owned()]);
}

#[test]
fn in_portuguese_telefonica_and_carrefour_are_their_brazilian_listings() {
    assert_eq!(
        figures("A Telefônica caiu 3% e o Carrefour subiu 2%."),
        pairs(&[("3%", &["VIVT3"]), ("2%", &["CRFB3"])])
    );
    assert_eq!(figures("Telefonica fell 3%."), pairs(&[("3%", &["TEF"])]));
}

#[test]
fn a_rival_named_in_a_whose_clause_and_a_canadian_broker_take_no_figure() {
    let text =
        "Home Depot, whose quarterly results suggested continued gains against rival Lowe's Cos, rose 1.6 percent.";
    assert_eq!(figures(text), pairs(&[("1.6 percent", &["HD"])]));
    let text = "BlackBerry rose 2%. National Bank Financial analyst Kris Thompson increased his price target to $15.";
    assert_eq!(figures(text), pairs(&[("2%", &["BB"]), ("$15", &["BB"])]));
}

#[test]
fn a_company_s_first_word_reporting_figures_and_its_division_name_it() {
    let text = "Verizon Wireless added a net 677,000 devices under contract during the quarter.";
    assert_eq!(figures(text), pairs(&[("677,000 devices", &["VZ"])]));
    assert_eq!(figures("Verizon added 2.1 million customers."), pairs(&[("2.1 million customers", &["VZ"])]));
    // A person's words are not a company's act.
    assert_eq!(figures("Trump added that tariffs would rise to 25%."), pairs(&[("25%", &[])]));
}

#[test]
fn a_move_of_an_index_with_a_long_name_after_the_figure_is_the_index_s() {
    let text = "Texas Instruments rose. The stock is up 3.5% year to date, compared with a 1.3% rise in the PHLX \
                Semiconductor Index.";
    assert_eq!(figures(text), pairs(&[("3.5%", &["TXN"]), ("1.3%", &[])]));
}

#[test]
fn the_review_s_misreadings_stay_fixed() {
    // A figure at a company's event or stores is the subject's.
    assert_eq!(figures("Microsoft fell 2% at Apple's product launch event."), pairs(&[("2%", &["MSFT"])]));
    assert_eq!(figures("Procter & Gamble said its sales rose 4% at Walmart stores."), pairs(&[("4%", &["PG"])]));
    // A count of banks takes banks only.
    let text = "Intel fell 3% and Nvidia rose 2% on Tuesday. O lucro dos dois maiores bancos caiu 5%.";
    assert!(!figures(text)[2].1.contains(&"NVDA".to_owned()), "{:?}", figures(text));
}
