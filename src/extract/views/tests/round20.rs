//! Unit tests of the twentieth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn stocks_entering_a_portfolio_after_a_verb_are_its_owners_picks() {
    let text = "A XP Investimentos divulgou a carteira semanal. Com isso, saíram da carteira Cogna (COGN3) e Vivo \
                (VIVT4). No lugar, entraram Equatorial (EQTL3), Vale (VALE3), RD (RADL3) e Cemig (CMIG4).";
    let want = ["EQTL3", "VALE3", "RADL3", "CMIG4"].map(|t| view("XP Investimentos", t, Stance::Bullish));
    assert_eq!(bundled(text), want);
    let text = "A carteira recomendada da XP anunciou trocas para esta semana.\n\nSai: LWSA3, PETR4 e VALE3.\n\nEntra: \
                BBAS3, MGLU3 e KLBN11.";
    assert_eq!(bundled(text), ["BBAS3", "MGLU3", "KLBN11"].map(|t| view("XP", t, Stance::Bullish)));
}

#[test]
fn a_company_leaving_a_portfolio_is_not_the_one_its_picks_sentence_points_to() {
    let text = "A XP Investimentos divulgou a “Top Picks”, sua carteira semanal, trocando três das cinco ações. Com \
                isso, saíram da carteira Cogna (COGN3) e Vivo (VIVT4).";
    assert_eq!(bundled(text), []);
}
