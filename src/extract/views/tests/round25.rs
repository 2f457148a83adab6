//! Unit tests of the twenty-fifth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_worry_eased_is_no_bearish_word() {
    let text = "O Santander disse que a receita da Vivo (VIVT3) deve acelerar, amenizando preocupações de \
                investidores com o setor.";
    assert_eq!(bundled(text), []);
    // (A worry stated is still one; a move that eased still reads the downgrade.)
    let text = "O Santander expressou preocupações com a Vivo (VIVT3).";
    assert_eq!(bundled(text), [view("Santander", "VIVT3", Stance::Bearish)]);
    let text = "Shares of Apple (AAPL) eased after Citi downgraded the stock to sell.";
    assert_eq!(bundled(text), [view("Citi", "AAPL", Stance::Bearish)]);
}

#[test]
fn the_company_replaced_or_compared_against_holds_no_view() {
    let text = "A Vivo assumiu o posto da TIM Brasil como a ação preferida dos analistas do Santander.";
    assert_eq!(bundled(text), [view("Santander", "VIVT3", Stance::Bullish)]);
    let text = "As ações da Telefônica Brasil (VIVT3) continuam sendo as preferidas do Santander, mesmo com um \
                desempenho inferior ao da TIM (TIMS3).";
    assert_eq!(bundled(text), [view("Santander", "VIVT3", Stance::Bullish)]);
}

#[test]
fn a_target_adjusted_for_a_split_is_no_move() {
    let text = "O Santander manteve a Vivo (VIVT3). A alteração considera um desdobramento de ações, quando o \
                preço-alvo anterior de R$ 63 foi ajustado para R$ 31,50.";
    assert_eq!(bundled(text), []);
    let text = "O Santander cortou o preço-alvo da Vivo (VIVT3) de R$ 63 para R$ 31,50.";
    assert_eq!(bundled(text), [view("Santander", "VIVT3", Stance::Bearish)]);
}

#[test]
fn a_dividend_portfolios_table_is_its_owners_picks() {
    let text = "Em suma, a carteira de dividendos da Ativa Investimentos é a seguinte:\n\
                Empresa | Ticker | Peso |\n---|---|---|\n\
                BB Seguridade | BBSE3 | 15% |\nHypera | HYPE3 | 10% |\nTransmissão Paulista | TRPL4 | 10% |";
    assert_eq!(
        bundled(text),
        [
            view("Ativa Investimentos", "BBSE3", Stance::Bullish),
            view("Ativa Investimentos", "HYPE3", Stance::Bullish),
            view("Ativa Investimentos", "ISAE4", Stance::Bullish),
        ]
    );
}

#[test]
fn a_change_between_translated_ratings_reads_its_direction() {
    let text = "O Goldman Sachs Group reduziu as ações da Suzano de uma classificação de \"compra\" para uma \
                classificação \"neutra\" em um relatório.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "SUZB3", Stance::Bearish)]);
    let text = "A ValuEngine atualizou as ações da Suzano de uma classificação de \"venda\" para uma classificação \
                de \"espera\" em um relatório.";
    assert_eq!(bundled(text), [view("ValuEngine", "SUZB3", Stance::Bullish)]);
}

#[test]
fn a_rating_stated_alone_finds_its_broker_further_back() {
    let text = "O Morgan Stanley rebaixou Yduqs (YDUQ3) de equalweight para underweight. O banco também destacou \
                sua preferência relativa por Cogna ante Yduqs no curto prazo.\n\
                Com isso, as ações YDUQ3 caíram 2,37%, enquanto COGN3 subiu 1,33%.\n\
                Já olhando para 2026, as preferidas passam a ser Ânima (ANIM3) e Ser Educacional (SEER3), ambas com \
                recomendação overweight.";
    assert_eq!(
        bundled(text),
        [
            view("Morgan Stanley", "YDUQ3", Stance::Bearish),
            view("Morgan Stanley", "ANIM3", Stance::Bullish),
            view("Morgan Stanley", "SEER3", Stance::Bullish),
        ]
    );
}

#[test]
fn companies_called_undervalued_are_held_bullish() {
    let text = "O Itaú BBA acredita que a Cury e Direcional ainda estão sendo subestimadas pelo mercado.";
    assert_eq!(bundled(text), [view("Itaú BBA", "CURY3", Stance::Bullish), view("Itaú BBA", "DIRR3", Stance::Bullish)]);
}

#[test]
fn a_short_heading_line_is_a_sentence_of_its_own() {
    let text = "O Credit Suisse rebaixou a EcoRodovias (ECOR3) para neutro.\n\
                CCR tem recomendação de compra mantida\n\
                Além da EcoRodovias, o Credit Suisse reduziu para R$ 17 o preço-alvo das ações da CCR (CCRO3), mas \
                manteve a recomendação de compra.";
    assert_eq!(
        bundled(text),
        [view("Credit Suisse", "ECOR3", Stance::Bearish), view("Credit Suisse", "MOTV3", Stance::Bullish)]
    );
}

#[test]
fn executives_a_metric_and_a_newspaper_hold_no_view() {
    let text = "Executives have said the big dividend is safe, but investors appear to be worried about Pfizer (PFE).";
    assert_eq!(bundled(text), []);
    let text = "Keefe Bruyette raised its rating on Citigroup (C) to Outperform based on the bank beating Q2 EPS \
                estimates.";
    assert_eq!(bundled(text), [view("Keefe Bruyette", "C", Stance::Bullish)]);
    let text = "BP (LON:BP) had its price target reduced by analysts at Barclays to GBX 380, Borsen Zeitung reports.";
    assert_eq!(bundled(text), [view("Barclays", "BP", Stance::Bearish)]);
}

#[test]
fn a_firms_analyst_in_the_possessive_and_an_executives_surname() {
    let text = "Shares of General Motors were lower after a downgrade by analysts at Goldman Sachs. The firm's David \
                Tamberrino downgraded General Motors' stock rating from Neutral to Sell.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "GM", Stance::Bearish)]);
    let text = "Cisco Systems CEO John Chambers said he was optimistic. Though Chambers expressed optimism, Cisco (CSCO) \
                fell 8.8%.";
    assert_eq!(bundled(text), []);
}

#[test]
fn an_exchanges_code_before_a_mixed_case_symbol_is_no_ticker() {
    let text = "Eight analysts trimmed their ratings on Cognizant (CTSH), including Deutsche Bank (DE:DBKGn), which \
                cut it to hold.";
    assert_eq!(bundled(text), [view("Deutsche Bank", "CTSH", Stance::Bearish)]);
}

#[test]
fn stocks_a_firm_put_into_its_portfolio_are_its_picks() {
    let text = "O Citi fez alterações na composição de sua carteira de menor volatilidade. O banco retirou Marfrig \
                (MRFG3) e Fleury (FLRY3) desse portfólio e incluiu Cyrela (CYRE3), Localiza (RENT3) e Equatorial \
                (EQTL3).";
    assert_eq!(
        bundled(text),
        [
            view("Citi", "CYRE3", Stance::Bullish),
            view("Citi", "RENT3", Stance::Bullish),
            view("Citi", "EQTL3", Stance::Bullish),
        ]
    );
    let text = "Os analistas do BB Investimentos trocaram todas as ações da carteira recomendada. Para substituir, os \
                analistas colocaram os papéis da CSN Mineração (CMIN3), Cogna (COGN3) e Tim (TIMS3).";
    assert_eq!(
        bundled(text),
        [
            view("BB Investimentos", "CMIN3", Stance::Bullish),
            view("BB Investimentos", "COGN3", Stance::Bullish),
            view("BB Investimentos", "TIMS3", Stance::Bullish),
        ]
    );
    // (Not a company including something with no portfolio named.)
    assert_eq!(bundled("O Citi disse que a Vale incluiu Samarco (SAMA3) e Vale Base (VBM3) no balanço."), []);
}

#[test]
fn investors_a_stances_word_and_depositary_shares_hold_no_view() {
    let text = "Upbeat analyst comments regarding Micron (MU) are contributing to the upside.";
    assert_eq!(bundled(text), []);
    let text = "Dan Niles of Lehman Brothers raised Apple (AAPL) to overweight. Overweight is a designation that says a \
                stock is expected to outperform.";
    assert_eq!(bundled(text), [view("Lehman Brothers", "AAPL", Stance::Bullish)]);
    let text = "PETROLEO BRASIL/ADR (NYSE:PBR) was upgraded by analysts at Bradesco Corretora from a “neutral” rating \
                to an “outperform” rating.";
    assert_eq!(bundled(text), [view("Bradesco Corretora", "PETR4", Stance::Bullish)]);
}

#[test]
fn ratings_kept_for_them_all_reach_each_company_of_the_list() {
    let text = "O Santander atualizou as suas recomendações para Iguatemi, Multiplan e Allos, cortando os respectivos \
                preços-alvos. O preço-alvo da Multiplan foi reduzido de R$ 36 para R$ 33,50, o da Iguatemi caiu de R$ \
                34 para R$ 32,50, e o da Allos foi cortado de R$ 31 para R$ 29,50. As indicações foram mantidas em \
                compra.";
    let views = bundled(text);
    assert!(views.contains(&view("Santander", "ALOS3", Stance::Bullish)), "{views:?}");
    assert!(!views.contains(&view("Santander", "ALOS3", Stance::Bearish)), "{views:?}");
}

#[test]
fn a_trading_platforms_market_analyst_holds_no_view() {
    let text = "Rio Tinto (RIO) rose 3%. “These two miners should benefit the most,” said CMC Markets analyst Michael \
                Hewson.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_bank_written_with_its_us_symbol_is_talked_about_unless_it_acts() {
    let text = "JPMorgan Chase (JPM) continued its string of earnings beats. Wells Fargo (WFC), on the other hand, \
                revealed a more cautious tone as interest income guidance fell short of expectations.";
    assert_eq!(bundled(text), []);
    let text = "On Friday, ExxonMobil (XOM) was rated outperform by RBC (RBC).";
    assert_eq!(bundled(text), [view("RBC", "XOM", Stance::Bullish)]);
    let text = "Bank of America (NYSE: BAC) also expressed optimism on AMD (AMD), predicting a climb to $195.";
    assert_eq!(bundled(text), [view("Bank of America", "AMD", Stance::Bullish)]);
}
