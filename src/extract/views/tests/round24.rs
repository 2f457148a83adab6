//! Unit tests of the twenty-fourth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_company_rated_in_the_passive_after_a_comma_is_a_clause_of_its_own() {
    let text = "A Citi ajustou suas estimativas. A recomendação de compra foi mantida para as ações da Via Varejo e \
                Lojas Americanas, e o papel da Arezzo foi rebaixado para venda.";
    assert_eq!(
        bundled(text),
        [
            view("Citi", "BHIA3", Stance::Bullish),
            view("Citi", "AMER3", Stance::Bullish),
            view("Citi", "AZZA3", Stance::Bearish),
        ]
    );
    // (A list joined by `e` with no comma, or a passive with no new subject: one clause.)
    let text = "O Citi elevou a Via Varejo e a Arezzo para compra.";
    assert_eq!(bundled(text), [view("Citi", "BHIA3", Stance::Bullish), view("Citi", "AZZA3", Stance::Bullish)]);
}

#[test]
fn picks_named_with_their_owner_are_the_owners_and_the_picks_hold_nothing() {
    let text = "As ações preferidas do JP Morgan no Brasil são XP, JBS e Vale.";
    assert_eq!(
        bundled(text),
        [
            view("JP Morgan", "XP", Stance::Bullish),
            view("JP Morgan", "JBSS3", Stance::Bullish),
            view("JP Morgan", "VALE3", Stance::Bullish),
        ]
    );
    // (Someone else's picks, a lower-case owner, stay unread.)
    assert_eq!(bundled("O BTG Pactual disse que os nomes preferidos dos estrangeiros são Vale e Itaú."), []);
}

#[test]
fn stocks_staying_in_a_portfolio_named_with_its_owner_are_the_owners_picks() {
    let text = "Permanecem na carteira da Souza Barros as ações do Banco do Brasil (BBAS3), da CSN (CSNA3) e da \
                Grendene (GRND3).";
    assert_eq!(
        bundled(text),
        [
            view("Souza Barros", "BBAS3", Stance::Bullish),
            view("Souza Barros", "CSNA3", Stance::Bullish),
            view("Souza Barros", "GRND3", Stance::Bullish),
        ]
    );
    // (An index's portfolio has no owner who picks.)
    assert_eq!(bundled("Permanecem na carteira do Ibovespa as ações do Banco do Brasil (BBAS3) e da CSN (CSNA3)."), []);
}

#[test]
fn a_company_listed_with_its_legal_name_and_symbol_holds_no_view() {
    let text = "BMO Capital Markets analyst Andrew Strelzik made the following rating changes:\n  • Bloomin’ Brands Inc \
                BLMN downgraded from Outperform to Market perform.\n  • Chuy’s Holdings Inc CHUY downgraded from \
                Market Perform to Underperform.\n  • Darden Restaurants, Inc. DRI downgraded from Market Perform to \
                Underperform.";
    assert_eq!(
        bundled(text),
        [view("BMO Capital Markets", "BLMN", Stance::Bearish), view("BMO Capital Markets", "DRI", Stance::Bearish)]
    );
}

#[test]
fn an_act_on_a_described_company_the_finder_does_not_know_rates_no_other() {
    let text = "JP Morgan raised its price target on miner Rio Tinto to 1500p but kept the stock rated 'underweight'. \
                UBS cut its rating on private equity firm 3i Group to 'neutral' from 'buy'. Investment bank Credit \
                Suisse First Boston downgraded British utility Severn Trent to 'neutral' from 'outperform'.";
    assert_eq!(bundled(text), [view("JP Morgan", "RIO", Stance::Bearish)]);
    // (A described company the finder knows is rated.)
    let text = "UBS cut its rating on mining company Rio Tinto to 'neutral' from 'buy'.";
    assert_eq!(bundled(text), [view("UBS", "RIO", Stance::Bearish)]);
}

#[test]
fn a_headlines_company_and_its_shares_hold_no_view() {
    let text = "Barclays Shares Upgraded, Lloyds Downgraded at JPMorgan\n\nJPMorgan downgraded Lloyds Banking (LON: \
                LLOY) shares and upgraded Barclays (LON: BARC) shares in a note to clients on Monday.";
    assert_eq!(bundled(text), [view("JPMorgan", "LYG", Stance::Bearish), view("JPMorgan", "BCS", Stance::Bullish)]);
}

#[test]
fn a_downgrades_noun_with_its_companies_after_it_rates_each_of_them() {
    let text = "O Bradesco BBI aposta em algumas empresas. O cenário motivou o rebaixamento de recomendação para Blau \
                (BLAU3), Mater Dei (MATD3) e Pague Menos (PGMN3) de outperform para neutro.";
    assert_eq!(
        bundled(text),
        [
            view("Bradesco BBI", "BLAU3", Stance::Bearish),
            view("Bradesco BBI", "MATD3", Stance::Bearish),
            view("Bradesco BBI", "PGMN3", Stance::Bearish),
        ]
    );
}

#[test]
fn beating_the_sectors_performance_is_outperform_in_words() {
    let text = "Em um relatório, o Scotiabank Brasil destacou que a Eletrobras possui grande potencial. A recomendação \
                do banco é que as ações da companhia devem superar o desempenho do setor, com um preço-alvo de R$ 53.";
    assert_eq!(bundled(text), [view("Scotiabank", "ELET3", Stance::Bullish)]);
    assert_eq!(crate::extract::firm_key("Scotiabank Brasil"), crate::extract::firm_key("Scotiabank"));
    assert_ne!(crate::extract::firm_key("Banco do Brasil"), crate::extract::firm_key("Banco do Nordeste"));
    // (Beating a forecast is no rating.)
    assert_eq!(bundled("O Scotiabank disse que a Eletrobras deve superar as estimativas do mercado."), []);
}

#[test]
fn ratings_in_the_plural_for_the_stocks_rate_each_company_named_before() {
    let text = "O Citi cortou o preço-alvo da Hapvida. Na Blau Farmacêutica, a revisão foi de R$ 33 para R$ 30 e, na \
                Oncoclinicas, de R$ 13 para R$ 10, reiterando as recomendações de compra para os papéis.";
    assert_eq!(
        bundled(text),
        [
            view("Citi", "HAPV3", Stance::Bearish),
            view("Citi", "ONCO3", Stance::Bullish),
            view("Citi", "BLAU3", Stance::Bullish),
        ]
    );
}

#[test]
fn a_firm_that_gave_a_rating_and_sells_in_the_plural_hold_views() {
    let text = "Tudor Pickering & Holt set a C$28.00 price target on Suncor Energy (SU) and gave the stock a “buy” \
                rating in a research report on Thursday.";
    assert_eq!(bundled(text), [view("Tudor Pickering & Holt", "SU", Stance::Bullish)]);
    let text = "A Tesla caiu 40%. Os bancos UBS e Redburn Atlantic também reforçaram recomendações de vendas da \
                montadora.";
    assert_eq!(
        bundled(text),
        [view("UBS", "TSLA", Stance::Bearish), view("Redburn Atlantic", "TSLA", Stance::Bearish)]
    );
    // (Sales, not a sell: `as vendas da montadora`.)
    assert_eq!(bundled("O UBS disse que as vendas da Tesla caíram 40%."), []);
}

#[test]
fn an_act_told_after_apos_is_a_clause_of_its_own() {
    let text = "Após o banco Morgan Stanley elevar em 50% o preço-alvo das ações da Cemig ontem (15), o Citibank optou \
                por rebaixar para \"venda\" os papéis da companhia.";
    assert_eq!(
        bundled(text),
        [view("Morgan Stanley", "CMIG4", Stance::Bullish), view("Citibank", "CMIG4", Stance::Bearish)]
    );
    // (With no subject of its own, the opening phrase is no clause.)
    let text = "Após a alta de 5%, o Citi rebaixou a Vale para venda.";
    assert_eq!(bundled(text), [view("Citi", "VALE3", Stance::Bearish)]);
}

#[test]
fn td_newcrest_is_a_broker() {
    let text = "Research In Motion Ltd. (RIMM) beat expectations.\n\nChris Umiastowski, TD Newcrest: \"We believe this \
                will trigger a respectable rally in the stock.\" Recommendation: Action List Buy. Target: $90.";
    assert_eq!(bundled(text), [view("TD Newcrest", "BB", Stance::Bullish)]);
}

#[test]
fn an_unknown_company_past_the_ratings_noun_is_the_one_rated() {
    let text = "A XP elevou sua recomendação para Multiplan (MULT3) de Neutro para Compra e rebaixou a recomendação de \
                Shoppingxyz (SHXY3) de Compra para Neutro.";
    assert_eq!(bundled(text), [view("XP", "MULT3", Stance::Bullish)]);
}
