//! Unit tests of the twenty-second round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_line_ending_on_the_act_goes_on_in_the_lines_after_it() {
    let text = "Change in Ratings\n\nCheesecake Factory\n\n(CAKE) - Get Report\n\nwas downgraded from Outperform to \
                Peer Perform at Bear Stearns.\n\nMorgan Stanley upgrades\n\nCoStar Group\n\n(CSGP) - Get \
                Report\n\nfrom equalweight to overweight.\n\nGoldman is downgrading\n\nNokia\n\n(NOK) - Get \
                Report\n\nto Neutral from Buy.";
    assert_eq!(
        bundled(text),
        [
            view("Bear Stearns", "CAKE", Stance::Bearish),
            view("Morgan Stanley", "CSGP", Stance::Bullish),
            view("Goldman", "NOK", Stance::Bearish),
        ]
    );
    // (Not a heading, with no firm named before the act.)
    let text = "Upgrades\n\nSprint\n\n: UP to outperform from hold at ABN Amro.\n\nDowngrades\n\nApplied \
                Materials\n\n(AMAT)\n\nwere weak.";
    assert_eq!(bundled(text), []);
}

#[test]
fn both_stands_for_the_two_firms_named_last() {
    let text = "As ações da Méliuz (CASH3) têm preço-alvo de R$ 10, de acordo com o BTG Pactual, e R$ 8, de acordo \
                com a XP. Ambos recomendam a compra dos papéis.";
    assert_eq!(bundled(text), ["BTG Pactual", "XP"].map(|f| view(f, "CASH3", Stance::Bullish)));
    let text = "Goldman Sachs and Morgan Stanley set targets of $10 and $12 on Apple. Both rate the stock a buy.";
    assert_eq!(bundled(text), ["Goldman Sachs", "Morgan Stanley"].map(|f| view(f, "AAPL", Stance::Bullish)));
    // (Not plain words, nor both companies.)
    let text = "O BTG Pactual e o Safra falaram da Eletrobras (ELET3). Ambos aconselham cautela.";
    assert_eq!(bundled(text), []);
    let text = "Goldman Sachs upgraded Apple. Both companies rate well.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "AAPL", Stance::Bullish)]);
}

#[test]
fn stocks_entering_or_leaving_a_recommended_portfolio_in_the_plural() {
    let text = "As ações da Vale (VALE3) entraram na carteira recomendada da XP Investimentos para esta semana.";
    assert_eq!(bundled(text), [view("XP Investimentos", "VALE3", Stance::Bullish)]);
    let text = "As ações da Vale (VALE3) saíram da carteira recomendada da XP Investimentos para esta semana.";
    assert_eq!(bundled(text), [view("XP Investimentos", "VALE3", Stance::Bearish)]);
}

#[test]
fn companies_moved_from_one_rating_to_another_in_the_passive_are_the_ones_rated() {
    let text = "Investing.com - O Banco do Brasil Investimentos (BB-BI) divulgou relatório. Lojas Renner (SA:LREN3) \
                foi atualizada de Outperform para Market Perform, com RaiaDrogasil (SA:RADL3) fazendo o caminho \
                oposto.";
    assert_eq!(bundled(text), [view("Banco do Brasil Investimentos", "LREN3", Stance::Bearish)]);
}

#[test]
fn a_kind_of_company_described_before_a_name_makes_it_a_company() {
    let text =
        "Deutsche Bank upgraded its investment rating on telecoms equipment maker Ericsson to 'hold' from 'sell'.";
    assert_eq!(bundled(text), [view("Deutsche Bank", "ERIC", Stance::Bullish)]);
}

#[test]
fn an_act_turned_the_other_way_on_another_name_after_while_is_a_view_of_its_own() {
    let text = "Roger Read of Wells Fargo on Tuesday upgraded Exxon to overweight while lowering Chevron to equal \
                weight.";
    assert_eq!(
        bundled(text),
        [view("Wells Fargo", "XOM", Stance::Bullish), view("Wells Fargo", "CVX", Stance::Bearish)]
    );
    // (Not the same act going on: `while lowering its price target`.)
    let text = "Wells Fargo upgraded Exxon to overweight while lowering its price target to $50.";
    assert_eq!(bundled(text), [view("Wells Fargo", "XOM", Stance::Bullish)]);
}

#[test]
fn benchmark_and_lake_street_acting_are_brokers() {
    let text = "Kura Sushi (KRUS) fell. Benchmark reduced its target to $85, while Lake Street cut its projection from \
                $103 to $62, also keeping a Buy rating.";
    assert_eq!(
        bundled(text),
        [view("Benchmark", "KRUS", Stance::Bearish), view("Lake Street", "KRUS", Stance::Bullish)]
    );
    // (Not the everyday word: `the benchmark index`, `Benchmark Treasury yields`.)
    let text = "Benchmark Treasury yields rose as Goldman downgraded Apple.";
    assert_eq!(bundled(text), [view("Goldman", "AAPL", Stance::Bearish)]);
}

#[test]
fn a_rating_improved_in_portuguese_is_an_upgrade() {
    let text = "A Genial Investimentos melhorou a recomendação para as ações da Taesa (TAEE11).";
    assert_eq!(bundled(text), [view("Genial Investimentos", "TAEE11", Stance::Bullish)]);
    assert_eq!(bundled("A Taesa (TAEE11) melhorou suas margens, segundo a Genial."), []);
}

#[test]
fn a_trades_two_legs_are_two_views_of_one_firm() {
    let text = "A EQI Research abriu uma nova recomendação ao sugerir comprar Alupar (ALUP11) e vender Taesa (TAEE11).";
    assert_eq!(
        bundled(text),
        [view("EQI Research", "ALUP11", Stance::Bullish), view("EQI Research", "TAEE11", Stance::Bearish)]
    );
    // (Not a chance to buy, after `de`, before a neutral rating.)
    let text = "Em meio a dúvidas sobre a oportunidade de comprar ações do Banco do Brasil (BBAS3), o JPMorgan reiterou \
                sua recomendação neutra. O banco reduziu o preço-alvo de R$ 31 para R$ 28.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_firm_named_after_from_and_its_kind_is_the_agent() {
    let text = "Apple climbed around 2.5% on the heels of a bullish upgrade from investment firm Bernstein.";
    assert_eq!(bundled(text), [view("Bernstein", "AAPL", Stance::Bullish)]);
}
