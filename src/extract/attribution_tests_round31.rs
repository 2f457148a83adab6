//! Unit tests of the thirty-first round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_defunct_broker_that_rates_is_no_unknown_company() {
    let text = "Wachovia downgraded Texas Instruments (TXN) to hold from buy. Analyst John Barton says his \
                downgrade reflects a weaker outlook. He lowered his 45.6% gross margin estimate to 36.8% and cut \
                his price target to $30.";
    let expected: [(&str, &[&str]); 3] = [("45.6%", &["TXN"]), ("36.8%", &["TXN"]), ("$30", &["TXN"])];
    assert_eq!(figures(text), pairs(&expected));
    // A company rated by someone else is still unknown: its figures are nobody's.
    let text = "Bloomin’ Brands Inc BLMN price target raised to $30. Chuy’s Holdings Inc CHUY downgraded from \
                Market Perform to Underperform, price target lowered from $28 to $23.";
    let given = figures(text);
    assert_eq!(given[2], ("$23".to_owned(), Vec::<String>::new()), "{given:?}");
}

#[test]
fn a_sentence_opening_on_the_company_carries_it_past_a_rate_it_names() {
    let text = "A Cruzeiro do Sul (CSED3) reportou lucro de R$ 18,8 milhões. A companhia informou que o resultado foi \
                impactado pela taxa básica de juros. Já o Ebitda ajustado cresceu 15,3%.";
    let expected: [(&str, &[&str]); 2] = [("R$ 18,8 milhões", &["CSED3"]), ("15,3%", &["CSED3"])];
    assert_eq!(figures(text), pairs(&expected));
}

#[test]
fn a_statistic_of_prices_is_no_market_index() {
    let text = "A Cruzeiro do Sul (CSED3), impactada pelos índices inflacionários, teve lucro de R$ 18 milhões. \
                Apple, hurt by a rising consumer price index, posted revenue of $90 billion.";
    let expected: [(&str, &[&str]); 2] = [("R$ 18 milhões", &["CSED3"]), ("$90 billion", &["AAPL"])];
    assert_eq!(figures(text), pairs(&expected));
    // A market's index still takes its move, also one named for its prices.
    let text = "Apple posted revenue of $90 billion, while the index fell 2%.";
    assert_eq!(figures(text)[1], ("2%".to_owned(), Vec::<String>::new()));
    let text = "Sony rose 2%, while the Tokyo Stock Price Index fell 1%.";
    assert_eq!(figures(text), pairs(&[("2%", &["SONY"]), ("1%", &[])]));
}

#[test]
fn a_stock_at_the_top_of_an_index_does_not_end_the_carry() {
    let text = "Os papéis do Wells Fargo saltaram 7,1%. A disparada colocou o papel no topo do índice setorial KBW Bank. \
                A administração elevou a projeção de retorno de 15% para 17%.";
    let expected: [(&str, &[&str]); 3] = [("7,1%", &["WFC"]), ("15%", &["WFC"]), ("17%", &["WFC"])];
    assert_eq!(figures(text), pairs(&expected));
    let text = "Apple rose 2%. The rally put it at the top of the S&P 500. Its services revenue grew 14%.";
    assert_eq!(figures(text), pairs(&[("2%", &["AAPL"]), ("14%", &["AAPL"])]));
    // `On top of` is no rank: the index keeps its move.
    let text = "Apple fell 3%, on top of the Nasdaq's 2% slide.";
    assert_eq!(figures(text), pairs(&[("3%", &["AAPL"]), ("2%", &[])]));
}

#[test]
fn the_volume_of_a_quoted_stock_is_its_own() {
    let text = "A CBA (CBAV3) estreou na B3. A ação estava cotada a R$ 12,07, com alta de 7,76% e um volume negociado \
                de R$ 48,3 milhões.";
    let expected: [(&str, &[&str]); 3] =
        [("R$ 12,07", &["CBAV3"]), ("7,76%", &["CBAV3"]), ("R$ 48,3 milhões", &["CBAV3"])];
    assert_eq!(figures(text), pairs(&expected));
    // The market's turnover stays the market's, also after the dollar's quote.
    let text = "A CBA (CBAV3) estreou na B3. O volume negociado na bolsa somou R$ 24 bilhões.";
    assert_eq!(figures(text), pairs(&[("R$ 24 bilhões", &[])]));
    let text =
        "A CBA (CBAV3) estreou na B3. O dólar fechou cotado a R$ 5,10, e o volume negociado somou R$ 20 bilhões.";
    assert_eq!(figures(text)[1], ("R$ 20 bilhões".to_owned(), Vec::<String>::new()));
}

#[test]
fn output_with_no_price_named_is_the_producers_and_an_unknown_name_past_an_auxiliary_is_a_company() {
    let text = "A Vale divulgou seu relatório de produção. No cobre, o minério processado em Salobo aumentou 30% a/a.";
    assert_eq!(figures(text), pairs(&[("30%", &["VALE3"])]));
    // A commodity's price stays nobody's, also with output named after it.
    let text = "A Vale divulgou seu relatório de produção. O preço do minério de ferro subiu 3%.";
    assert_eq!(figures(text), pairs(&[("3%", &[])]));
    let text = "Exxon Mobil rose 1%. Oil rallied 3% as OPEC+ extended production cuts.";
    assert_eq!(figures(text), pairs(&[("1%", &["XOM"]), ("3%", &[])]));
    let text = "AstraZeneca rose 2%. Endeavour Mining has gained more than 15% since December.";
    assert_eq!(figures(text), pairs(&[("2%", &["AZN"]), ("15%", &[])]));
}

#[test]
fn pepsi_is_pepsico_and_a_bank_whose_analysis_suggests_is_commenting() {
    let text = "Os analistas do BofA reduziram sua avaliação das ações da Pepsi para neutra e baixaram seu preço-alvo \
                para US$ 155. A análise do BofA sugere que um crescimento de volume acima de 100 pontos-base é \
                improvável.";
    let expected: [(&str, &[&str]); 2] = [("US$ 155", &["PEP"]), ("100 pontos", &["PEP"])];
    assert_eq!(figures(text), pairs(&expected));
}

#[test]
fn the_carry_goes_past_an_index_when_every_figure_since_went_to_the_company() {
    let text = "A Gol fechou o trimestre com prejuízo de R$ 3,91 bilhões. As perdas por variação cambial sobre a dívida \
                em dólar não afetam o caixa. A receita da empresa totalizou R$ 3,94 bilhões. No trimestre, foram \
                transportados 6,7 milhões de passageiros.";
    let expected: [(&str, &[&str]); 3] =
        [("R$ 3,91 bilhões", &["GOLL3"]), ("R$ 3,94 bilhões", &["GOLL3"]), ("6,7 milhões de passageiros", &["GOLL3"])];
    assert_eq!(figures(text), pairs(&expected));
    // With no figure given since, the index still ends the carry.
    let text = "A Gol fechou o trimestre com prejuízo de R$ 3,91 bilhões. O dólar subiu 1%. No trimestre, foram \
                transportados 6,7 milhões de passageiros.";
    assert_eq!(figures(text)[2], ("6,7 milhões de passageiros".to_owned(), Vec::<String>::new()));
}

#[test]
fn rbc_alone_is_the_royal_bank_and_a_month_after_its_day_no_company() {
    let text =
        "Analyst Michael Goldberg raised his rating on RBC shares to buy and boosted his price target to $66.50.";
    assert_eq!(figures(text), pairs(&[("$66.50", &["RY"])]));
    // RBC Bearings keeps its own name and symbol, also written alone once named.
    let text = "Shares of RBC Bearings Inc (RBC) rose 3%. RBC's backlog grew 10%.";
    assert_eq!(figures(text), pairs(&[("3%", &["RBC"]), ("10%", &["RBC"])]));
    let text = "10 Nov - As ações da Eli Lilly subiram 5,6%. A corretora elevou o preço-alvo para US$ 1.104.";
    assert_eq!(figures(text), pairs(&[("5,6%", &["LLY"]), ("US$ 1.104", &["LLY"])]));
    // A broker's estimate of another company's earnings is that company's.
    let text = "O RBC Capital ajustou o preço-alvo da Target. O RBC Capital agora está esperando US$ 6,68 de lucro \
                por ação.";
    assert_eq!(figures(text), pairs(&[("US$ 6,68", &["TGT"])]));
}

#[test]
fn a_holder_owning_shares_of_the_company_holds_the_company_under_discussion() {
    let text = "Shares of Mizuho Financial Group inc. (NYSE:MFG) were up 4.8% on Tuesday. Comerica Bank now owns \
                667,908 shares of the company’s stock valued at $2,571,000.";
    let expected: [(&str, &[&str]); 3] = [("4.8%", &["MFG"]), ("667,908 shares", &["MFG"]), ("$2,571,000", &["MFG"])];
    assert_eq!(figures(text), pairs(&expected));
    // A holder's own figure stays its own, also before its verb of holding.
    let text = "Shares of Mizuho Financial Group inc. (NYSE:MFG) were up 4.8% on Tuesday. Comerica Bank, which earned \
                $2 billion last year, now owns 667,908 shares of the company’s stock.";
    let expected: [(&str, &[&str]); 3] = [("4.8%", &["MFG"]), ("$2 billion", &["CMA"]), ("667,908 shares", &["MFG"])];
    assert_eq!(figures(text), pairs(&expected));
}

#[test]
fn a_class_written_after_another_name_is_not_the_earlier_companys() {
    let text = "Petrobras PN caiu 0,49%, a R$ 18,24, e OGX ON recuou 7,69%, a R$ 0,36.";
    let expected: [(&str, &[&str]); 4] =
        [("0,49%", &["PETR4"]), ("R$ 18,24", &["PETR4"]), ("7,69%", &[]), ("R$ 0,36", &[])];
    assert_eq!(figures(text), pairs(&expected));
    // After an article, the class is still the company's.
    let text = "As ações da Petrobras subiram. A PN fechou em alta de 7,63%, e a ON, em +8,93%.";
    assert_eq!(figures(text), pairs(&[("7,63%", &["PETR4"]), ("8,93%", &["PETR3"])]));
}

#[test]
fn a_group_of_a_kind_moving_is_no_one_companys_move() {
    let text = "Zions Bancorporation fell 4%. Some banks saw shares fall as much as 7 percent, while others were down \
                between 1 and 3 percent.";
    assert_eq!(figures(text), pairs(&[("4%", &["ZION"]), ("7 percent", &[]), ("1", &[]), ("3 percent", &[])]));
    // Banks that rate are no group moving.
    let text = "A Moura Dubeux (MDNE3) subiu 125%. O papel é uma aposta de alguns bancos, incluindo o Santander, que \
                elevou o preço-alvo da ação para R$ 29.";
    assert_eq!(figures(text)[1], ("R$ 29".to_owned(), vec!["MDNE3".to_owned()]));
}

#[test]
fn an_unknown_name_that_added_a_figure_moved() {
    let text = "Lloyds Banking Group fell 2%. Reckitt Benckiser added 3% as Deutsche Bank repeated its buy \
                recommendation.";
    assert_eq!(figures(text), pairs(&[("2%", &["LYG"]), ("3%", &[])]));
}
