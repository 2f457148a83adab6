//! Unit tests of the sixteenth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_bank_that_moved_is_talked_about_and_the_broker_after_it_rates_it() {
    let text = "JPMorgan Chase, the largest U.S. bank by assets, climbed 3.7% after CLSA Ltd. raised its \
                recommendation to buy.";
    assert_eq!(bundled(text), [view("CLSA", "JPM", Stance::Bullish)]);
    let text = "Bank of America, whose shares fell 14% in the week, led U.S. banks higher after analysts upgraded the \
                stock.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_bank_referred_to_or_written_as_its_symbol_is_the_stock_and_the_shares_before_a_rating_point_back() {
    let text = "\"We believe BAC has some levers to lean on,\" John McDonald, an analyst at Sanford C. Bernstein, said \
                in a report Tuesday, referring to Bank of America by its ticker symbol. In raising the shares to buy \
                from hold, they cited the opportunity for more cost cuts.";
    assert_eq!(bundled(text), [view("Sanford C. Bernstein", "BAC", Stance::Bullish)]);
}

#[test]
fn nominal_acts_and_lists_before_another_act_each_give_their_views() {
    let text = "O Goldman Sachs revisou suas teses. Esse realinhamento inclui a elevação da recomendação de Rumo e \
                Localiza para \"compra\" e o rebaixamento de CCR para \"neutro\" e de WEG, um dos papéis mais comuns \
                nas carteiras defensivas, para \"venda\".";
    let goldman = |ticker, stance| view("Goldman Sachs", ticker, stance);
    assert_eq!(
        bundled(text),
        [
            goldman("RAIL3", Stance::Bullish),
            goldman("RENT3", Stance::Bullish),
            goldman("MOTV3", Stance::Bearish),
            goldman("WEGE3", Stance::Bearish)
        ]
    );
    // A list closed by `e` before another act keeps every company of the list.
    let text = "O Goldman Sachs elevou a recomendação de Rumo e Localiza para compra e cortou o preço-alvo.";
    assert_eq!(bundled(text), [goldman("RAIL3", Stance::Bullish), goldman("RENT3", Stance::Bullish)]);
}

#[test]
fn a_bank_after_a_rating_and_its_preposition_is_rated_not_rating() {
    let text = "O Bank of America (BofA) atualizou sua cobertura de bancos. Com isso, a casa reiterou a recomendação \
                de compra dos papéis de Banco do Brasil e Itaú Unibanco e neutra para o Santander.";
    assert_eq!(
        bundled(text),
        [view("Bank of America", "BBAS3", Stance::Bullish), view("Bank of America", "ITUB4", Stance::Bullish)]
    );
}

#[test]
fn a_rating_kept_in_the_infinitive_and_an_allocation_raised_in_the_first_person_are_views() {
    let text = "Azul cai após JPMorgan reiterar compra com corte no preço-alvo.";
    assert_eq!(bundled(text), [view("JPMorgan", "AZUL4", Stance::Bullish)]);
    let text = "Estrategistas do Bank of America observaram. \"Aumentamos nossa alocação para Bradesco, Itaú e Banco do \
                Brasil.\"";
    let bofa = |ticker| view("Bank of America", ticker, Stance::Bullish);
    assert_eq!(bundled(text), [bofa("BBDC4"), bofa("ITUB4"), bofa("BBAS3")]);
}

#[test]
fn a_bare_act_shares_the_next_clause_s_company_and_a_firm_brought_in_to_comment_holds_nothing() {
    let text = "Analysts were mixed on Verizon Communications Inc., though they seemed to agree that the news bodes \
                well for Apple Inc. Goldman Sachs upgraded, while Deutsche Bank downgraded Verizon's shares, with \
                Goldman's Jason Armstrong saying that estimates don't reflect the company's full opportunity.";
    assert_eq!(
        bundled(text),
        [view("Goldman Sachs", "VZ", Stance::Bullish), view("Deutsche Bank", "VZ", Stance::Bearish)]
    );
}

#[test]
fn a_firm_acting_past_an_adverb_between_commas_holds_its_act() {
    let text = "Deutsche Bank, meanwhile, downgraded Verizon to \"Hold\" from \"Buy,\" mainly on valuation.";
    assert_eq!(bundled(text), [view("Deutsche Bank", "VZ", Stance::Bearish)]);
    let text = "O Itaú BBA, por sua vez, rebaixou a Vale para venda.";
    assert_eq!(bundled(text), [view("Itaú BBA", "VALE3", Stance::Bearish)]);
}

#[test]
fn a_partners_firm_is_one_holder_and_a_credit_rating_s_change_is_no_call() {
    let text = "Keefe, Bruyette & Woods and Credit Suisse boosted their price targets on MTB to $79 and $90, \
                respectively, while Citigroup moved to $86 from $80 with a Hold rating.";
    assert_eq!(
        bundled(text),
        [view("Keefe, Bruyette & Woods", "MTB", Stance::Bullish), view("Credit Suisse", "MTB", Stance::Bullish)]
    );
    let text = "BB&T (NYSE:BBT) was upgraded to Buy with a target of $28 at Janney Montgomery Scott, despite being one \
                of several regional banks whose credit ratings were downgraded by Moody's. Citigroup maintained a Buy \
                rating and trimmed its target to $35 from $38.";
    assert_eq!(
        bundled(text),
        [view("Janney Montgomery Scott", "TFC", Stance::Bullish), view("Citigroup", "TFC", Stance::Bullish)]
    );
}

#[test]
fn a_rating_closing_a_line_of_a_list_is_stated() {
    let text = "Bernstein kept its ratings on the carriers. Delta Air Lines: Cut From $61 to $60, Outperform.";
    assert_eq!(bundled(text), [view("Bernstein", "DAL", Stance::Bullish)]);
    // A neutral one is no view.
    let text = "Bernstein kept its ratings on the carriers. Delta Air Lines: Cut From $61 to $60, Market Perform.";
    assert_eq!(bundled(text), []);
}

#[test]
fn an_acronym_after_a_cut_and_something_else_than_shares_sold_are_no_calls() {
    let text = "O Bradesco BBI elevou o preço-alvo da Sabesp. O banco destaca o leilão para vender novas concessões e \
                a privatização da Copasa (CSMG3). O BBI avalia que a Sabesp tem a redução do CAPEX até 2030.";
    assert_eq!(bundled(text), [view("Bradesco BBI", "SBSP3", Stance::Bullish)]);
    // Shares to buy are a call.
    let text = "De acordo com a Genial, o Bradesco continuou sendo um ativo válido para comprar.";
    assert_eq!(bundled(text), [view("Genial", "BBDC4", Stance::Bullish)]);
}

#[test]
fn analysts_named_without_their_firm_speak_for_the_only_firm_named_before() {
    let text = "As ações da BRF (BRFS3) devem ser afetadas pelo custo maior das commodities, avalia o Bank of America \
                em um relatório. Os preços da soja e do milho estão em alta. Considerando 2021, a elevação é de 18%. \
                Este é o nível mais alto desde 2013. Com isso, os analistas Guilherme Palhares e Isabella Simonato \
                chegaram a um preço-alvo menor: o valor passou de R$ 38 para R$ 35. A recomendação de compra, \
                contudo, foi mantida.";
    assert_eq!(bundled(text), [view("Bank of America", "BRFS3", Stance::Bullish)]);
}

#[test]
fn a_preference_for_a_company_is_a_pick() {
    let text = "Os analistas do JPMorgan e do Bradesco BBI revisaram suas projeções para as ações, com uma tendência \
                clara de preferência pela Stone.";
    assert_eq!(
        bundled(text),
        [view("JPMorgan", "STNE", Stance::Bullish), view("Bradesco BBI", "STNE", Stance::Bullish)]
    );
    // Not a shareholder's pre-emptive right.
    assert_eq!(bundled("O BTG Pactual destacou o direito de preferência dos acionistas da Stone."), []);
}

#[test]
fn an_act_done_likewise_to_companies_named_after_it_rates_them_too() {
    let text = "Bank of America's Dhanda downgraded Intel from a buy to a neutral rating, as he did with Texas \
                Instruments and Analog Devices (ADI).";
    let bofa = |ticker| view("Bank of America", ticker, Stance::Bearish);
    assert_eq!(bundled(text), [bofa("INTC"), bofa("TXN"), bofa("ADI")]);
}

#[test]
fn a_dateline_s_city_opening_on_a_symbol_is_no_firm() {
    let text = "SAN FRANCISCO -- Semiconductor stocks began the new year with a dud, thanks to a slew of downgrades \
                from a Wall Street analyst.";
    assert_eq!(bundled(text), []);
}

#[test]
fn the_review_s_inputs_keep_their_views() {
    // A wrapped bullet line keeps its company.
    let text = "Destaques:\n- O BTG Pactual elevou a recomendação de\nVale para compra.\n- O Itaú BBA rebaixou a \
                recomendação de\nGerdau para venda.";
    assert_eq!(
        bundled(text),
        [view("BTG Pactual", "VALE3", Stance::Bullish), view("Itaú BBA", "GGBR4", Stance::Bearish)]
    );
    // A firm that declined to comment, or dropped a stock to a rating, still rates.
    let text = "JPMorgan, which declined to comment, has an overweight rating on Apple with a $250 price target.";
    assert_eq!(bundled(text), [view("JPMorgan", "AAPL", Stance::Bullish)]);
    let text = "Goldman Sachs and Morgan Stanley, in separate notes, dropped Intel to sell.";
    assert_eq!(
        bundled(text),
        [view("Goldman Sachs", "INTC", Stance::Bearish), view("Morgan Stanley", "INTC", Stance::Bearish)]
    );
    // `e` is `and`: both firms rate.
    let text = "O UBS e o Itaú BBA elevaram a recomendação da Vale para compra.";
    assert_eq!(bundled(text), [view("UBS", "VALE3", Stance::Bullish), view("Itaú BBA", "VALE3", Stance::Bullish)]);
    // No calls: `strong` alone, a lender's exposure, a later mention of a downgrade.
    assert_eq!(bundled("Citi said Apple's quarterly results were, again, strong."), []);
    assert_eq!(bundled("O Bradesco reduziu sua exposição à Americanas após o pedido de recuperação judicial."), []);
    assert!(
        !bundled("Goldman Sachs upgraded Apple to buy and said the downgrade last year was a mistake.")
            .iter()
            .any(|(_, _, stance)| *stance == Stance::Bearish)
    );
    // A credit card issuer is rated; `relative to` a firm that rates is no reference.
    let text = "Citi downgraded credit card issuer Synchrony Financial to neutral.";
    assert_eq!(bundled(text), [view("Citi", "SYF", Stance::Bearish)]);
    let text = "Relative to Goldman Sachs, which rates Apple a buy, Morgan Stanley is more cautious.";
    assert!(bundled(text).contains(&view("Goldman Sachs", "AAPL", Stance::Bullish)));
}
