//! Unit tests of the sixteenth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn a_bank_whose_own_move_a_clause_after_it_tells_is_reported_on_not_rating() {
    let text = "Bank of America, whose shares fell 14% in the week through yesterday, led U.S. banks higher in New \
                York trading after analysts upgraded the stock.";
    assert_eq!(figures(text), pairs(&[("14%", &["BAC"])]));
    let text = "Morgan Stanley, which slipped 5.7% Monday, advanced 2.8% to $33.16 after Buckingham Research Group \
                upgraded the New York-based firm to buy from hold.";
    assert_eq!(figures(text), pairs(&[("5.7%", &["MS"]), ("2.8%", &["MS"]), ("$33.16", &["MS"])]));
    // Past an aside between the bank and its move.
    let text = "JPMorgan Chase, the largest U.S. bank by assets, climbed 3.7% after CLSA Ltd. raised its \
                recommendation to buy.";
    assert_eq!(figures(text), pairs(&[("3.7%", &["JPM"])]));
    // A clause where the bank acts on a target is no move of its own.
    let text = "A string of other analysts lowered price targets on Intel, including Citi, which dropped their PT to \
                $52 from $57.";
    assert_eq!(figures(text), pairs(&[("$52", &["INTC"]), ("$57", &["INTC"])]));
}

#[test]
fn a_bank_whose_results_are_forecast_is_reported_on() {
    let text = "Analysts polled by Refinitiv expect JPMorgan Chase to earn $2.26 per share on revenue of $27.57 \
                billion. Citigroup is forecast to earn $1.69 on revenue of $18.45 billion.";
    assert_eq!(
        figures(text),
        pairs(&[("$2.26", &["JPM"]), ("$27.57 billion", &["JPM"]), ("$1.69", &["C"]), ("$18.45 billion", &["C"])])
    );
    // A sum named before any company stays no company's.
    let text = "According to Bank of America Merrill Lynch, the consensus estimate is for overall third-quarter \
                earnings growth of 20.7 percent. Citigroup is forecast to earn $1.69.";
    assert_eq!(figures(text), pairs(&[("20.7 percent", &[]), ("$1.69", &["C"])]));
}

#[test]
fn a_month_s_abbreviation_before_a_day_is_a_date_not_a_company() {
    let text = "Wal-Mart said net sales for the four-week period ending Nov. 25, 2005 reached $17.384 billion.";
    assert_eq!(figures(text), pairs(&[("$17.384 billion", &["WMT"])]));
    let text = "Sales rose 5% in Dec 2005 at Costco.";
    assert_eq!(figures(text), pairs(&[("5%", &["COST"])]));
    // The company written in capitals is still found.
    assert_eq!(figures("NOV shares rose 5%."), pairs(&[("5%", &["NOV"])]));
}

#[test]
fn banks_listed_before_their_moves_take_them_and_a_nationality_names_no_company() {
    let text = "Two large banks in the Dow, Bank of America and JPMorgan Chase, rose by 3.1 per cent and 2.0 per cent, \
                respectively, after peer Morgan Stanley became the latest big financial company to beat earnings \
                estimates by a large margin.";
    assert_eq!(figures(text), pairs(&[("3.1 per cent", &["BAC"]), ("2.0 per cent", &["JPM"])]));
    let text = "Boeing put on 2.7 per cent after a British safety agency focused on a transmitter system.";
    assert_eq!(figures(text), pairs(&[("2.7 per cent", &["BA"])]));
    assert_eq!(figures("A British safety agency fined the airline 5%."), pairs(&[("5%", &[])]));
}

#[test]
fn a_region_a_company_s_results_are_broken_down_by_takes_the_company() {
    let text = "A Ambev informou que o resultado foi impactado mais na América Central e Caribe (-33,9%), seguido da \
                América Latina (-8,7%), Brasil (-6,7%) e Canadá (-3,9%).";
    let ambev: &[&str] = &["ABEV3"];
    assert_eq!(figures(text), pairs(&[("-33,9%", ambev), ("-8,7%", ambev), ("-6,7%", ambev), ("-3,9%", ambev)]));
    // Not peers in a country. (`IRB Brasil` is the reinsurer, named in full, since the
    // twenty-fifth round.)
    let text = "Entre as maiores altas do dia ficaram IRB Brasil (30,66%) e Alpargatas (4,83%).";
    assert_eq!(figures(text), pairs(&[("30,66%", &["IRBR3"]), ("4,83%", &["ALPA3"])]));
    let text = "O banco estima yield de 6,5% para a Petrobras, abaixo da média de pares nos EUA (7%).";
    assert_eq!(figures(text), pairs(&[("6,5%", &["PETR4"]), ("7%", &[])]));
}

#[test]
fn a_bank_s_own_shares_rated_and_a_quote_s_bracket_take_the_bank() {
    let text = "Citi rates Bank of America's shares as a buy with an $18 price target, implying 36% potential upside.";
    assert_eq!(figures(text), pairs(&[("$18", &["BAC"]), ("36%", &["BAC"])]));
    let text = "Macy's is a retailer. The company /quotes/comstock/13*!bac/quotes/nls/bac (\nBAC 13.07, +0.02, +0.15%) is a \
                good long-term investment.";
    assert_eq!(figures(text), pairs(&[("0.15%", &["BAC"])]));
    // Not two listings' moves in one bracket.
    let text = "A Petrobras (PETR3, +3,97%; PETR4, +0,41%) subiu.";
    assert_eq!(figures(text), pairs(&[("3,97%", &["PETR3"]), ("0,41%", &["PETR4"])]));
}

#[test]
fn a_figure_s_bracket_between_two_banks_and_a_bank_owning_a_target_in_brackets() {
    let text = "Banco do Brasil ON (-1,96%), Bradesco ON (-0,91%), Bradesco PN (-1,01%) e Itaú Unibanco PN (-0,45%).";
    assert_eq!(
        figures(text),
        pairs(&[("-1,96%", &["BBAS3"]), ("-0,91%", &["BBDC4"]), ("-1,01%", &["BBDC4"]), ("-0,45%", &["ITUB4"])])
    );
    let text = "A Petrobras subiu. Os preços-alvo ficaram em US$ 15 (JPMorgan), US$ 19 (Citi) e US$ 19,10 do Goldman.";
    let petrobras: &[&str] = &["PETR4"];
    assert_eq!(figures(text), pairs(&[("US$ 15", petrobras), ("US$ 19", petrobras), ("US$ 19,10", petrobras)]));
    // Two listings of one issuer bracketed apart are still one mention.
    let text = "O balanço do Itaú Unibanco (BOV:ITUB3) | (BOV:ITUB4) mostrou lucro de R$ 11,9 bilhões.";
    assert_eq!(figures(text), pairs(&[("R$ 11,9 bilhões", &["ITUB4"])]));
}

#[test]
fn the_review_s_region_inputs_keep_a_bank_named_for_a_country() {
    let text = "Revenue at Vale fell 5%, while Bank of China (+1.2%) slipped.";
    assert_eq!(figures(text), pairs(&[("5%", &["VALE3"]), ("1.2%", &[])]));
}
