//! Unit tests of the eighteenth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_rates_points_are_no_index_level() {
    let text = "O número de passageiros transportados pela Gol em outubro cresceu 40%. Já a taxa de ocupação recuou \
                4,9 pontos, para 70%. O tráfego doméstico de passageiros aumentou 33%.";
    assert_eq!(
        figures(text),
        pairs(&[("40%", &["GOLL3"]), ("4,9 pontos", &["GOLL3"]), ("70%", &["GOLL3"]), ("33%", &["GOLL3"])])
    );
    let text = "A Vale subiu 2%. O Ibovespa recuou 1.200 pontos, para 120.000 pontos.";
    assert_eq!(figures(text), pairs(&[("2%", &["VALE3"]), ("1.200 pontos", &[]), ("120.000 pontos", &[])]));
}

#[test]
fn a_counted_group_past_an_opening_phrase_and_companies_left_out_are_not_the_figures() {
    let text = "Com 49,4 bilhões de reais de lucro em 2011, os 25 bancos brasileiros de capital aberto somados tiveram \
                um resultado 14,48% maior do que em 2010. O ganho representa 39,4% do total das empresas, excluindo \
                Petrobras e Vale.";
    let found = figures(text);
    assert_eq!(found[..2], pairs(&[("49,4 bilhões de reais", &[]), ("14,48%", &[])]));
    let text = "Considerando as duas, o lucro das 346 empresas de capital aberto foi de 196,7 bilhões de reais. A Vale \
                subiu 2%.";
    assert_eq!(figures(text), pairs(&[("196,7 bilhões de reais", &[]), ("2%", &["VALE3"])]));
}

#[test]
fn br_foods_is_brf_and_a_bank_that_said_it_earned_is_the_subject_after() {
    let text = "O lucro da BR Foods caiu 91,6% no semestre.";
    assert_eq!(figures(text), pairs(&[("91,6%", &["BRFS3"])]));
    let text = "Bank of America said it earned $3.1 billion in the quarter. Revenue totaled $29.15 billion, down 11 \
                percent over the year.";
    assert_eq!(
        figures(text),
        pairs(&[("$3.1 billion", &["BAC"]), ("$29.15 billion", &["BAC"]), ("11 percent", &["BAC"])])
    );
}

#[test]
fn a_figure_of_a_company_named_right_after_with_da_or_do_is_its_own() {
    let text = "A Petrobras foi a maior empresa, com R$ 254,44 bilhões contra R$ 247,71 bilhões da Ambev.";
    assert_eq!(figures(text), pairs(&[("R$ 254,44 bilhões", &["PETR4"]), ("R$ 247,71 bilhões", &["ABEV3"])]));
    // (Not a broker's target: `R$ 30 do BTG` is the BTG's call on the company.)
    let text = "A Vale recebeu preço-alvo de R$ 30 do BTG Pactual.";
    assert_eq!(figures(text), pairs(&[("R$ 30", &["VALE3"])]));
}

#[test]
fn an_indexs_cashtag_takes_no_figure_and_a_rut_is_no_index() {
    let text = "The Dow ($INDU) added 124 points. The broader S&P 500 ($INX) rose 12 points.";
    assert_eq!(figures(text), pairs(&[("124 points", &[]), ("12 points", &[])]));
    let text = "Ford Motor Company has been in a technical rut for the past six months, losing close to 6%.";
    assert_eq!(figures(text), pairs(&[("6%", &["F"])]));
}

#[test]
fn a_companys_contribution_to_an_indexs_move_is_its_own() {
    let text = "In fact, IBM contributed 59 percent of the Dow’s overall gain since Oct. 9, 2007.";
    assert_eq!(figures(text), pairs(&[("59 percent", &["IBM"])]));
    let text = "IBM is up 147% since March. It has contributed more than 944 points to the Dow's gain.";
    assert_eq!(figures(text), pairs(&[("147%", &["IBM"]), ("944 points", &["IBM"])]));
    let text = "Boeing Co. led the stock index’s losses, contributing a whopping 163 points to the Dow’s decline.";
    assert_eq!(figures(text), pairs(&[("163 points", &["BA"])]));
}

#[test]
fn a_bank_written_with_its_share_class_is_a_stock() {
    let text = "O estrategista do BB Investimentos comentou os rumores, o que faz Itaú PN (-0,75%) e Bradesco PN \
                (-0,60%) caírem.";
    assert_eq!(figures(text), pairs(&[("-0,75%", &["ITUB4"]), ("-0,60%", &["BBDC4"])]));
}

#[test]
fn older_names_of_listed_companies_are_their_successors() {
    let text = "A Telesp subiu 2%, a CVRD avançou 1% e a Aliansce caiu 3%.";
    assert_eq!(figures(text), pairs(&[("2%", &["VIVT3"]), ("1%", &["VALE3"]), ("3%", &["ALOS3"])]));
}

#[test]
fn a_companys_move_in_or_outside_the_index_is_its_own() {
    let text = "No fechamento, as ações da Cogna (COGN3) dispararam 6,42% no Ibovespa, sendo negociadas a R$ 3,15. A \
                Ser Educacional também subia 5% fora do Ibovespa, negociada a R$ 13,24.";
    let expected = [("6,42%", &["COGN3"][..]), ("R$ 3,15", &["COGN3"]), ("5%", &["SEER3"]), ("R$ 13,24", &["SEER3"])];
    assert_eq!(figures(text), pairs(&expected));
    // (The index's own move stays the index's.)
    let text = "A Vale subiu 2%, em dia de alta de 1% no Ibovespa.";
    assert_eq!(figures(text), pairs(&[("2%", &["VALE3"]), ("1%", &[])]));
}

#[test]
fn a_company_at_the_top_of_the_indexs_ranking_moves_on_its_own() {
    let text = "Por outro lado, Grupo Pão de Açúcar destoa dessa tendência, no topo do ranking positivo do Ibovespa, \
                avançando 2,58% (R$ 3,18).";
    assert_eq!(figures(text), pairs(&[("2,58%", &["PCAR3"]), ("R$ 3,18", &["PCAR3"])]));
}

#[test]
fn respectively_pairs_past_a_bracketed_symbol_and_an_unknown_name_after_or_before() {
    let text = "During the same period, its peers McDonald’s (MCD) and Dunkin’ Brands (DNKN) have returned 2.2% and \
                9.5%, respectively.";
    assert_eq!(figures(text), pairs(&[("2.2%", &["MCD"]), ("9.5%", &[])]));
    let text = "In comparison, Sprint (S) and T-Mobile (TMUS) had a market cap of ~$23.3 billion and ~$62.7 billion, \
                respectively.";
    assert_eq!(figures(text), pairs(&[("$23.3 billion", &[]), ("$62.7 billion", &["TMUS"])]));
}

#[test]
fn a_name_closing_a_partners_name_is_not_that_company() {
    let text = "Barnes & Noble Inc. jumped 17 percent, while Johnson & Johnson rose 2%.";
    assert_eq!(figures(text), pairs(&[("17 percent", &[]), ("2%", &["JNJ"])]));
}

#[test]
fn a_sentence_pointing_back_takes_no_company_named_after_it() {
    let text = "Rolls-Royce led the market after a broker upgrade. The group’s shares were up 3%, or 12.5p, at 500p. \
                Royal Dutch Shell rose 1%.";
    assert_eq!(figures(text), pairs(&[("3%", &[]), ("1%", &["SHEL"])]));
}

#[test]
fn a_gain_for_a_company_and_zoom_video() {
    let text = "If Costco is up 37% year-to-date versus a 53% gain for Walmart, then Costco has upside.";
    assert_eq!(figures(text), pairs(&[("37%", &["COST"]), ("53%", &["WMT"])]));
    let text = "Zoom Video gained 4.1%.";
    assert_eq!(figures(text), pairs(&[("4.1%", &["ZM"])]));
}

#[test]
fn the_reviews_cases_a_counterparty_after_da_and_a_long_run_of_opening_phrases() {
    let text = "A Embraer recebeu uma encomenda de US$ 2 bilhões da Azul.";
    assert_eq!(figures(text), pairs(&[("US$ 2 bilhões", &["EMBR3"])]));
    // (Each opening phrase is passed over once: no recursion to overflow the stack.)
    let text = format!("{}a Vale subiu 5%.", "com a, ".repeat(20_000));
    assert_eq!(figures(&text), pairs(&[("5%", &["VALE3"])]));
    // (A company named late, in passing, takes no figure from far before it.)
    let text = "The startup raised $40 million. Its revenue tripled. Customers grew. Staff grew. Separately, \
                Microsoft announced a new Azure region.";
    assert_eq!(figures(text), pairs(&[("$40 million", &[])]));
}
