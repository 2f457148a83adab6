//! Unit tests of the seventeenth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_news_agency_in_a_dateline_is_no_unknown_company_whatever_its_dash() {
    let text = "NEW YORK (AP) ¿ Shares of Weyerhaeuser Co. rose Monday. Just five months ago the stock was above $60.";
    assert_eq!(figures(text), pairs(&[("$60", &["WY"])]));
    let text = "NEW YORK (AP) Shares of Weyerhaeuser Co. rose Monday. Just five months ago the stock was above $60.";
    assert_eq!(figures(text), pairs(&[("$60", &["WY"])]));
}

#[test]
fn a_data_provider_the_estimates_come_from_is_no_subject() {
    let text = "Costco Wholesale Corp. (NASDAQ: COST) is scheduled to release its results on Thursday. The consensus \
                estimates from Thomson Reuters are calling for $1.62 in earnings per share.";
    assert_eq!(figures(text), pairs(&[("$1.62", &["COST"])]));
}

#[test]
fn a_sentence_whose_space_was_lost_ends_at_its_full_stop() {
    let text = "Oil fell more than 5 percent to $81.35 per barrel after officials said they are worried.Shares of \
                Chevron fell $4.40 to $89.87. ConocoPhillips shares lost $2.22 to $62.73.";
    assert_eq!(
        figures(text),
        pairs(&[
            ("5 percent", &[]),
            ("$81.35", &[]),
            ("$4.40", &["CVX"]),
            ("$89.87", &["CVX"]),
            ("$2.22", &["COP"]),
            ("$62.73", &["COP"])
        ])
    );
}

#[test]
fn jet_fuel_naphtha_and_ethanol_are_commodities_and_an_exchange_s_average_volume_is_nobody_s() {
    let text = "As ações da Gol (GOLL3) caíram 4,4%. Nos últimos doze meses, o querosene de aviação, que \
                responde por 30% a 40% dos custos de uma companhia aérea, subiu 69% em média.";
    assert_eq!(figures(text), pairs(&[("4,4%", &["GOLL3"]), ("30%", &[]), ("40%", &[]), ("69%", &[])]));
    let text = "O UBS cortou o preço-alvo das ações da B3 (B3SA3). Embora o volume médio diário de negociações tenha \
                disparado em março para R$ 34 bilhões, o UBS acredita que o volume baixe.";
    assert_eq!(figures(text), pairs(&[("R$ 34 bilhões", &[])]));
    // An airline's own fuel cost stays the airline's.
    let text = "Average fuel price per gallon increased 10.3% sequentially at Delta Air Lines.";
    assert_eq!(figures(text), pairs(&[("10.3%", &["DAL"])]));
}

#[test]
fn a_result_of_a_group_of_companies_opening_a_sentence_is_the_group_s() {
    let text = "O lucro líquido das empresas brasileiras de capital aberto subiu 48,5% no trimestre. O lucro das 327 \
                empresas com ações negociadas na bolsa somou R$ 55 bilhões. As mesmas empresas registraram lucro de \
                R$ 37 bilhões. Enquanto a Vale obteve lucro de R$ 10,5 bilhões, a Petrobras registrou R$ 8,5 bilhões.";
    assert_eq!(
        figures(text),
        pairs(&[
            ("48,5%", &[]),
            ("R$ 55 bilhões", &[]),
            ("R$ 37 bilhões", &[]),
            ("R$ 10,5 bilhões", &["VALE3"]),
            ("R$ 8,5 bilhões", &["PETR4"])
        ])
    );
    // A company's own result is its own.
    let text = "A Vale divulgou seus números. O lucro da Vale subiu 5%.";
    assert_eq!(figures(text), pairs(&[("5%", &["VALE3"])]));
}

#[test]
fn a_name_in_a_picture_s_credit_is_no_company_of_the_text() {
    let text = "O Safra avalia que o trimestre foi o fundo dos lucros | Foto: Getty Images\nA Gerdau subiu 2%.";
    assert_eq!(figures(text), pairs(&[("2%", &["GGBR4"])]));
    let findings = crate::extract::analyse(text, &crate::extract::Lexicon::bundled());
    let symbols: Vec<&str> = findings.tickers.iter().map(|t| t.symbol.as_str()).collect();
    assert_eq!(symbols, ["GGBR4"], "Getty Images credited for the picture is no ticker");
}

#[test]
fn names_broken_out_onto_lines_of_their_own_go_on_with_the_line_after() {
    let text = "Citigroup\n\n(C)\n\nshares closed down 4.6% to $2.72. The bank earlier named a new CEO.\n\nMorgan \
                Stanley\n\n(MS)\n\nfell 3.1% to $23.31.";
    assert_eq!(figures(text), pairs(&[("4.6%", &["C"]), ("$2.72", &["C"]), ("3.1%", &["MS"]), ("$23.31", &["MS"])]));
    // A headline still ends at its blank line.
    let text = "Wells Fargo Upgrades Target\n\nShares of Walmart (WMT) rose 2%.";
    assert_eq!(figures(text), pairs(&[("2%", &["WMT"])]));
}

#[test]
fn a_bank_that_says_what_it_does_itself_owns_the_figures() {
    let text = "The bank index fell 3%. Bank of America said on Monday that it was writing down another $10 billion of \
                goodwill.";
    assert_eq!(figures(text), pairs(&[("3%", &[]), ("$10 billion", &["BAC"])]));
    let text = "Earlier, Citi said it would take the remaining $17.4 billion of assets onto its balance sheet.";
    assert_eq!(figures(text), pairs(&[("$17.4 billion", &["C"])]));
}

#[test]
fn flat_and_long_steels_are_a_commodity() {
    let text = "O Bradesco BBI elevou a recomendação da Usiminas (USIM5). “Os volumes de aços planos deverão cair de \
                30% a 35% no trimestre.”";
    assert_eq!(figures(text), pairs(&[("30%", &[]), ("35%", &[])]));
}

#[test]
fn the_review_s_cases_a_credit_cue_in_a_sentence_and_a_producer_s_own_sales() {
    let text = "Credit: Petrobras (PETR4) bonds rallied 3% on Monday.";
    assert_eq!(figures(text), pairs(&[("3%", &["PETR4"])]));
    let text = "Peabody Energy (BTU) said its coal sales rose 8% in the quarter.";
    assert_eq!(figures(text), pairs(&[("8%", &["BTU"])]));
    let text = "A São Martinho (SMTO3) informou que as vendas de etanol subiram 12%.";
    assert_eq!(figures(text), pairs(&[("12%", &["SMTO3"])]));
}
