//! Unit tests of the eighth and ninth rounds' view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn banks_listed_after_shares_of_are_rated_not_rating() {
    let text = "Deutsche Bank analysts downgraded shares of Bank of America (NYSE:BAC), JPMorgan (NYSE:JPM), and \
                Truist Financial Corp. (NYSE:TFC) to Hold from Buy.";
    let found = bundled(text);
    for ticker in ["BAC", "JPM", "TFC"] {
        assert!(found.contains(&view("Deutsche Bank", ticker, Stance::Bearish)), "{ticker}: {found:?}");
    }
    assert!(found.iter().all(|(claimant, ..)| claimant == "Deutsche Bank"), "{found:?}");
}

#[test]
fn analysts_with_no_firm_of_their_own_speak_for_the_firm_before() {
    let text = "Investment firm Raymond James upgraded AT&T (T) on Monday.\n\nAnalyst Frank Louthan raised his \
                rating on AT&T (T) shares to strong buy from outperform.";
    assert_eq!(bundled(text), [view("Raymond James", "T", Stance::Bullish)]);
    let text = "O J.P. Morgan manteve a recomendação de compra da Gerdau. Os analistas Rodolfo R. De Angele e Lucas \
                Ferreira afirmam que o prêmio de valorização é justificado.";
    assert!(bundled(text).iter().all(|(claimant, ..)| claimant == "J.P. Morgan"), "{:?}", bundled(text));
}

#[test]
fn a_pronoun_or_a_pick_with_no_firm_is_the_firm_just_named() {
    let text = "Citigroup analyst Itay Michaeli adjusted his numbers for Tesla (TSLA). He rates shares at Sell.";
    assert_eq!(bundled(text), [view("Citigroup", "TSLA", Stance::Bearish)]);
    let text = "O JP Morgan revisou as projeções de minério de ferro. Na cobertura de metais, a preferida é a Gerdau \
                (GGBR4).";
    assert_eq!(bundled(text), [view("JP Morgan", "GGBR4", Stance::Bullish)]);
}

#[test]
fn a_company_named_by_its_initials_holds_no_view_of_itself() {
    let text = "Texas Instruments shares rose 4%. TI said it now sees a positive outlook for its margins.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
}

#[test]
fn a_rating_stated_in_a_concessive_clause_outranks_the_target_cut() {
    let text = "Although Barclays reiterated its Buy rating on Nike, it cut its price target to $90 from $100.";
    assert_eq!(bundled(text), [view("Barclays", "NKE", Stance::Bullish)]);
    let text = "Para a Vivo (VIVT3), embora o Santander tenha recomendado a compra das ações, ela cortou o preço-alvo \
                de R$ 57 para R$ 55.";
    assert_eq!(bundled(text), [view("Santander", "VIVT3", Stance::Bullish)]);
}

#[test]
fn a_bank_recommended_or_put_in_a_portfolio_is_rated() {
    assert_eq!(bundled("O Bradesco BBI recomenda compra para Itaú."), [view("Bradesco BBI", "ITUB4", Stance::Bullish)]);
    let text = "O BTG Pactual incluiu a Vale em sua carteira recomendada de dezembro.";
    assert_eq!(bundled(text), [view("BTG Pactual", "VALE3", Stance::Bullish)]);
    let text = "A Vale foi excluída da carteira recomendada da XP.";
    assert_eq!(bundled(text), [view("XP", "VALE3", Stance::Bearish)]);
    assert!(bundled("A Vale tem uma carteira de projetos grande.").is_empty());
}

#[test]
fn an_unknown_firms_possessive_analyst_and_a_rating_called_positive() {
    let text =
        "Atlantic Equities' banking analyst Richard Staite upgraded shares of JPMorgan from Neutral to Overweight.";
    assert_eq!(bundled(text), [view("Atlantic Equities", "JPM", Stance::Bullish)]);
    let text = "O Santander (SANB11) deve repetir o desempenho. O banco segue entre as recomendações positivas do \
                JPMorgan.";
    assert_eq!(bundled(text), [view("JPMorgan", "SANB11", Stance::Bullish)]);
    let text = "Tesla (TSLA) soared. Here is what analysts said about Ford (F) ahead of the report:\n\n• JPMorgan \
                has a Neutral rating.\n• Wolfe Research rates it at Outperform with a $12 target.";
    assert_eq!(bundled(text), [view("Wolfe Research", "F", Stance::Bullish)]);
}

#[test]
fn public_bodies_hold_no_stock_views() {
    let text = "Moody’s Investors Service placed Pfizer’s long-term debt rating under review for downgrade.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
    let text = "However, the Federal Reserve’s hawkish stance hurt banks. Barclays upgraded Wells Fargo (WFC) to \
                overweight; the Federal Reserve is expected to raise rates, which will also benefit banks.";
    assert!(bundled(text).iter().all(|(claimant, ..)| claimant == "Barclays"), "{:?}", bundled(text));
}
