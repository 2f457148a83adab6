//! Unit tests of the twenty-first round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn stocks_staying_in_a_portfolio_are_its_owners_picks() {
    let text = "A carteira recomendada da XP indicou três trocas, permanecendo as ações da Itaúsa (ITSA4) e Vale \
                (VALE3).";
    assert_eq!(bundled(text), ["ITSA4", "VALE3"].map(|t| view("XP", t, Stance::Bullish)));
    // (Not stocks staying in an index's theoretical portfolio.)
    let text = "A carteira teórica do Ibovespa muda hoje, permanecendo as ações da Itaúsa (ITSA4) e Vale (VALE3).";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_portfolio_measured_against_the_index_is_still_the_brokers() {
    let text = "O analista comenta que a semana foi marcada por realização da carteira recomendada sobre o \
                Ibovespa.\n\nA carteira recomendada da XP indicou três trocas.\n\nEntram: CMIG4, RADL3 e SBSP3.";
    assert_eq!(bundled(text), ["CMIG4", "RADL3", "SBSP3"].map(|t| view("XP", t, Stance::Bullish)));
}

#[test]
fn a_firm_named_by_its_group_and_its_arm_is_one_claimant() {
    let text = "Prudential fell 8p to 628.5p after JP Morgan Cazenove downgraded the stock from \"neutral\" to \
                \"underweight\".";
    assert_eq!(bundled(text), [view("JP Morgan Cazenove", "PRU", Stance::Bearish)]);
    let text = "Bank of America fell. A.G. Edwards & Sons Inc. and Dain Rauscher Wessels downgraded the company.";
    let want = ["A.G. Edwards & Sons", "Dain Rauscher Wessels"].map(|f| view(f, "BAC", Stance::Bearish));
    assert_eq!(bundled(text), want);
}

#[test]
fn a_count_of_years_does_not_make_a_rating_many_firms() {
    let text = "A BofA Securities elevou seu preço-alvo para a Norfolk Southern (NYSE:NSC) para US$ 305.\nA firma \
                também elevou a recomendação da CSX para Compra, de Neutro, representando o topo da faixa de cinco \
                anos.";
    let want = [view("BofA Securities", "NSC", Stance::Bullish), view("BofA Securities", "CSX", Stance::Bullish)];
    assert_eq!(bundled(text), want);
}

#[test]
fn a_rating_noun_before_its_participle_is_a_rating_change() {
    let text = "A CSN teve sua recomendação elevada pelo JPMorgan.";
    assert_eq!(bundled(text), [view("JPMorgan", "CSNA3", Stance::Bullish)]);
    assert_eq!(bundled("Apple had its rating cut by Citi."), [view("Citi", "AAPL", Stance::Bearish)]);
}

#[test]
fn the_latter_is_the_company_named_last() {
    let text = "O setor foi destaque, como as preferenciais da Gerdau (5,98%) e as ordinárias da CSN (6,26%). Esta \
                última teve sua recomendação elevada pela JP Morgan nesta terça-feira.";
    assert_eq!(bundled(text), [view("JP Morgan", "CSNA3", Stance::Bullish)]);
    let text = "Gerdau and CSN rose. The latter was upgraded by JPMorgan on Tuesday.";
    assert_eq!(bundled(text), [view("JPMorgan", "CSNA3", Stance::Bullish)]);
}

#[test]
fn a_headlines_verb_of_a_view_ends_the_firms_name() {
    let text = "Analysts weighed in on Alibaba Group Holding Ltd (NYSE:BABA).\nRaymond James Sees 37% Upside for BABA \
                Stock\nAlibaba stock is again on the receiving end of bullish analyst attention, after Raymond James \
                raised its price target to $190 from $160.";
    assert_eq!(bundled(text), [view("Raymond James", "BABA", Stance::Bullish)]);
}

#[test]
fn unnamed_experts_hold_no_view() {
    assert_eq!(bundled("Especialistas afirmam que a Nvidia está em uma posição favorável."), []);
}

#[test]
fn a_holders_name_does_not_run_past_a_blank_line_or_a_lists_mark() {
    let text = "NVIDIA\n\n- 27/01/2025 (ITUB4)\nNVIDIA\n** Maintains \"buy\" for NVIDIA";
    let findings = crate::extract::analyse(text, &crate::extract::Lexicon::bundled());
    for s in crate::extract::suggest_claims(text, &findings) {
        assert!(s.sentence.bytes.start <= s.span.bytes.start && s.span.bytes.end <= s.sentence.bytes.end);
    }
    let text = "Shares of Generac (GNRC) rose after Goldman\nSachs upgraded the stock to Buy.";
    assert_eq!(bundled(text), [view("Goldman\nSachs", "GNRC", Stance::Bullish)]);
}

#[test]
fn a_bank_whose_stock_receives_an_upgrade_holds_no_view() {
    let text = "Comerica (CMA) was downgraded. In contrast, Bank of America stock received an upgrade despite a lowered \
                price target of $47, down from $56.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_surname_apposed_to_a_firms_analyst_stands_for_the_firm() {
    let text = "Eli Lilly rose. This is the second time that George Grofik, Citigroup Smith Barney analyst, has raised \
                his rating on the stock. Grofik upgraded the stock's rating to hold from sell on March 31.";
    assert_eq!(bundled(text), [view("Citigroup Smith Barney", "LLY", Stance::Bullish)]);
}

#[test]
fn a_known_partners_name_holds_its_comma() {
    let text = "Keefe, Bruyette & Woods maintained a buy rating for Bank of America.";
    assert_eq!(bundled(text), [view("Keefe, Bruyette & Woods", "BAC", Stance::Bullish)]);
    // (Not a company before a comma: the firms listed hold the view.)
    let text =
        "Lehman Brothers and Stephens Inc., which had \"buy\" ratings for Bank of America, downgraded the company.";
    let want = ["Lehman Brothers", "Stephens"].map(|f| view(f, "BAC", Stance::Bearish));
    assert_eq!(bundled(text), want);
}
