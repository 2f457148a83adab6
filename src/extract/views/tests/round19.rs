//! Unit tests of the nineteenth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_firms_name_does_not_go_on_to_the_next_line() {
    let text = "Darden Restaurants DRI-NYSE\nBuy Price $142.91 on Dec. 22\nby Stifel\nWe are upgrading Darden to Buy \
                from Hold.";
    assert_eq!(bundled(text), [view("Stifel", "DRI", Stance::Bullish)]);
}

#[test]
fn while_with_no_comma_opens_a_clause_when_a_firm_acts_after_it() {
    let text = "Thor Industries stock is up 11.5%. In response, BMO raised its price target to $150 from $135 while \
                SunTrust Robinson boosted its price target to $165 from $140.";
    assert_eq!(bundled(text), [view("BMO", "THO", Stance::Bullish), view("SunTrust Robinson", "THO", Stance::Bullish)]);
}

#[test]
fn more_brokers_by_the_names_the_press_gives_them() {
    let text = "On Monday, Summit Insights analyst KinNgai Chan downgraded Micron from buy to hold.";
    assert_eq!(bundled(text), [view("Summit Insights", "MU", Stance::Bearish)]);
    let text = "Carpenter Technology Corp. was raised to “buy” from “neutral” at Davenport & Co.";
    assert_eq!(bundled(text), [view("Davenport", "CRS", Stance::Bullish)]);
    let text =
        "Groupon missed. Wunderlich, for example, downwardly revised its rating on Groupon to \"hold\" from \"buy\".";
    assert_eq!(bundled(text), [view("Wunderlich", "GRPN", Stance::Bearish)]);
}

#[test]
fn a_rating_after_an_unknown_companys_move_is_not_the_company_named_before() {
    let text = "General Electric gained 72 cents after J.P. Morgan upgraded the company's stock to 'neutral'. Siebel \
                Systems climbed 74 cents to $11.25 after Credit Suisse First Boston raised the tech company's stock \
                rating to 'outperform'.";
    assert_eq!(bundled(text), [view("J.P. Morgan", "GE", Stance::Bullish)]);
}

#[test]
fn a_recommendation_withdrawn_is_a_cut() {
    let text = "Nesta quinta-feira foi a vez do Citi deixar de recomendar a compra dos ADRs da Petrobras.";
    assert_eq!(bundled(text), [view("Citi", "PETR4", Stance::Bearish)]);
    let text = "Citi no longer recommends buying Apple shares.";
    assert_eq!(bundled(text), [view("Citi", "AAPL", Stance::Bearish)]);
}

#[test]
fn stocks_entering_a_recommended_portfolio_are_its_firms_picks() {
    let text = "A XP Investimentos atualizou a carteira recomendada de ações para setembro. Foram feitas duas \
                alterações, com as entradas de Omega (SA:OMGE3) e Marfrig (SA:MRFG3) nos lugares de Iguatemi \
                (SA:IGTA3) e Movida (SA:MOVI3).";
    assert_eq!(
        bundled(text),
        [view("XP Investimentos", "SRNA3", Stance::Bullish), view("XP Investimentos", "MRFG3", Stance::Bullish)]
    );
}

#[test]
fn a_quoted_rating_before_a_name_is_company_context() {
    let text = "No mesmo relatório, os analistas do JPMorgan reiteraram recomendação \"overweight\" para Cyrela, Even \
                e EZTC.";
    assert_eq!(
        bundled(text),
        [
            view("JPMorgan", "CYRE3", Stance::Bullish),
            view("JPMorgan", "EVEN3", Stance::Bullish),
            view("JPMorgan", "EZTC3", Stance::Bullish)
        ]
    );
}

#[test]
fn a_bank_moving_by_a_figure_right_after_its_name_is_talked_about() {
    let text = "- ITAÚ UNIBANCO PN cedeu 0,92%, tendo como pano de fundo relatório de analistas do UBS BB cortando a \
                recomendação dos papéis para \"neutra\", enquanto manteve o preço-alvo em 42 reais.";
    assert_eq!(bundled(text), [view("UBS BB", "ITUB4", Stance::Bearish)]);
}

#[test]
fn a_downgrade_suffered_from_a_broker_is_that_brokers_view() {
    let text = "Vodafone also suffered a downgrade from Credit Suisse, with shares down 1.25p at 149.5p.";
    assert_eq!(bundled(text), [view("Credit Suisse", "VOD", Stance::Bearish)]);
    let text = "Apple was upgraded to buy from neutral at Citi.";
    assert_eq!(bundled(text), [view("Citi", "AAPL", Stance::Bullish)]);
}

#[test]
fn the_reviews_findings_on_the_round() {
    // A sell withdrawn is no cut.
    assert_eq!(bundled("A XP deixou de recomendar a venda de ações da Vale."), []);
    // An index's theoretical portfolio is no firm's picks.
    let text = "O Itaú BBA comentou a prévia da carteira teórica do Ibovespa, com a inclusão de Azul e Cyrela.";
    assert_eq!(bundled(text), []);
}
