//! Unit tests of the twenty-ninth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use super::round14::{figures, pairs};

#[test]
fn the_stock_past_an_index_s_move_is_the_company_discussed() {
    let text = "Apple (AAPL) fared better than the S&P 500 index last week. While the index declined by 1.6%, the \
                stock was down fractionally, falling from $140.41 to $140.22.";
    assert_eq!(figures(text), pairs(&[("1.6%", &[]), ("$140.41", &["AAPL"]), ("$140.22", &["AAPL"])]));
    // Not where nothing points back to the stock.
    let text = "Apple (AAPL) fared better than the S&P 500 index last week. The index declined by 1.6%, falling \
                from 4,140 to 4,120 points.";
    assert_eq!(figures(text)[0], ("1.6%".to_owned(), vec![]));
}

#[test]
fn a_bank_written_with_its_symbol_that_never_speaks_is_the_stock_discussed() {
    let text = "Goldman Sachs upgraded Wells Fargo & Co (NYSE:WFC) on Monday. Wells Fargo fared better than the S&P \
                500 index last week. While the index declined by 1.6%, the issue was down fractionally, falling from \
                $40.41 to $40.22.";
    assert_eq!(figures(text), pairs(&[("1.6%", &[]), ("$40.41", &["WFC"]), ("$40.22", &["WFC"])]));
    // Not a bank never written as a stock: banks named are far more often the firms that rate.
    let text = "Goldman Sachs upgraded Wells Fargo on Monday. Wells Fargo fared better than the S&P 500 index last \
                week. While the index declined by 1.6%, the issue was down fractionally, falling from $40.41 to \
                $40.22.";
    assert!(figures(text)[1..].iter().all(|(_, tickers)| tickers.is_empty()), "{:?}", figures(text));
}

#[test]
fn a_bank_the_only_company_named_is_the_one_discussed() {
    let text = "Shares in Royal Bank of Canada are up by nearly 2 per cent with the help of an analyst upgrade. The \
                analyst raised his rating to buy from hold after the company reported its latest earnings on \
                Thursday. Adjusted earnings per share of $1.42 beat the consensus forecast of $1.39, though the bank \
                did not raise its dividend.";
    assert_eq!(figures(text), pairs(&[("2 per cent", &["RY"]), ("$1.42", &["RY"]), ("$1.39", &["RY"])]));
}

#[test]
fn a_pronoun_opening_a_sentence_is_no_unknown_company() {
    let text = "As ações da Vale registraram a maior queda nesta sexta-feira. Elas caíram 7,76%, cotadas a R$ 5,94.";
    assert_eq!(figures(text), pairs(&[("7,76%", &["VALE3"]), ("R$ 5,94", &["VALE3"])]));
}

#[test]
fn a_bank_s_model_is_its_analysts_work_on_the_company_covered() {
    let text = "O JPMorgan elevou seu preço-alvo para as ações da Nike (NYSE:NKE) para US$ 100,00. O modelo do JPMorgan \
                inclui uma margem operacional de 5,6% para o ano fiscal de 2026.";
    assert_eq!(figures(text), pairs(&[("US$ 100,00", &["NKE"]), ("5,6%", &["NKE"])]));
}

#[test]
fn an_index_word_inside_a_long_bracket_is_an_aside() {
    let text = "Em relatório, os analistas afirmam que a Vale registrou mais um trimestre sólido. O Citi elevou a \
                projeção de Ebitda (lucro antes de juros, depreciação, amortização e impostos) ajustado para o \
                terceiro trimestre, para US$ 4,54 bilhões.";
    assert_eq!(figures(text), pairs(&[("US$ 4,54 bilhões", &["VALE3"])]));
}

#[test]
fn a_bank_s_estimate_for_something_named_after_it_is_its_analysts_work() {
    let text = "O Citi elevou seu preço-alvo para a Nvidia (NASDAQ:NVDA) de US$ 180 para US$ 190. A avaliação é \
                baseada em um múltiplo de 30x sobre a estimativa elevada do Citi para o lucro por ação de US$ 6,37.";
    assert_eq!(figures(text), pairs(&[("US$ 180", &["NVDA"]), ("US$ 190", &["NVDA"]), ("US$ 6,37", &["NVDA"])]));
}

#[test]
fn a_market_s_total_addressable_size_is_no_company_s() {
    let text = "O Citi elevou seu preço-alvo para a Nvidia (NASDAQ:NVDA) para US$ 190. A firma agora espera que o \
                TAM total de semicondutores para data centers alcance US$ 563 bilhões.";
    assert_eq!(figures(text), pairs(&[("US$ 190", &["NVDA"]), ("US$ 563 bilhões", &[])]));
}

#[test]
fn a_brand_with_a_hyphen_names_its_company() {
    let text = "WD-40 posted $141.7 million in total net sales, a 15% increase from the prior year.";
    assert_eq!(figures(text), pairs(&[("$141.7 million", &["WDFC"]), ("15%", &["WDFC"])]));
    let text = "Zillow Group — The stock popped 4.7% after being upgraded by Piper Sandler.";
    assert_eq!(figures(text), pairs(&[("4.7%", &["Z"])]), "Zillow's class C, its most traded listing");
    assert_eq!(figures("Shares of Glaxo were up 1% at $54.22."), pairs(&[("1%", &["GSK"]), ("$54.22", &["GSK"])]));
}

#[test]
fn a_company_between_typed_dashes_is_an_aside() {
    let text = "XOOM is surging after being acquired by PayPal -- itself owned by eBay Inc (NASDAQ:EBAY) -- for $890 \
                million in cash.";
    assert_eq!(figures(text), pairs(&[("$890 million", &["PYPL"])]));
}

#[test]
fn the_stock_with_no_subject_to_carry_is_the_company_just_given_a_figure() {
    let text = "Analysts weigh in on Xoom Corp (NASDAQ:XOOM) and Alcoa Inc (NYSE:AA). XOOM is surging after being \
                acquired. Deutsche Bank weighed in on a number of metal producers, including AA -- lowering its price \
                target by $3 to $16. The revision is hardly surprising, considering the stock has lost 30% \
                year-to-date.";
    assert_eq!(figures(text), pairs(&[("$3", &["AA"]), ("$16", &["AA"]), ("30%", &["AA"])]));
}

#[test]
fn a_name_with_a_reuters_code_the_lexicon_does_not_know_is_an_unknown_company() {
    let text = "Leading the index were MEG Energy Corp <MEG.TO>, up 19.2%, Stars Group Inc TSGI.TO, up 16.8%, and \
                Shopify Inc SHOP.TO, higher by 12.2%.";
    assert_eq!(figures(text), pairs(&[("19.2%", &[]), ("16.8%", &[]), ("12.2%", &["SHOP"])]));
}

#[test]
fn a_description_stands_for_the_company_not_the_class_named_before_it() {
    let text = "A Petrobras teve lucro. As ações ordinárias já são negociadas a quase 30 reais, enquanto as \
                preferenciais, a 29 reais. No período, a estatal teve lucro líquido de 42,86 bilhões de reais.";
    assert_eq!(
        figures(text),
        pairs(&[("30 reais", &["PETR3"]), ("29 reais", &["PETR4"]), ("42,86 bilhões de reais", &["PETR4"])])
    );
}
