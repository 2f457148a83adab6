//! Unit tests of the seventh round's view rules, read from whole texts (bundled lexicon).

use crate::extract::{Lexicon, analyse};
use crate::model::Stance;

pub(super) fn bundled(text: &str) -> Vec<(String, String, Stance)> {
    let lexicon = Lexicon::bundled();
    analyse(text, &lexicon).views.into_iter().map(|v| (v.claimant, v.ticker.to_string(), v.stance)).collect()
}

pub(super) fn view(claimant: &str, ticker: &str, stance: Stance) -> (String, String, Stance) {
    (claimant.to_owned(), ticker.to_owned(), stance)
}

#[test]
fn a_rating_written_new_first_says_its_direction() {
    let text = "Morgan Stanley analyst Carlos De Alba bumped Freeport-McMoRan to Hold from Buy.";
    assert_eq!(bundled(text), [view("Morgan Stanley", "FCX", Stance::Bearish)], "the order, not `bumped`");
    let text = "Oppenheimer analyst Timothy Horan cut his ratings on Cogent Communications to \"underperform\" from \
                \"perform,\" according to Barron's writer Eric Savitz.";
    assert_eq!(bundled(text), [view("Oppenheimer", "CCOI", Stance::Bearish)], "an outlet's writer holds nothing");
}

#[test]
fn a_brokers_possessive_opening_a_holder_is_the_holder() {
    let text = "Hawaiian Electric (HE) is a stock to sell, according to the latest update from Jefferies' Julian \
                Dumoulin-Smith, who downgraded Hawaiian Electric to underperform.";
    assert_eq!(bundled(text), [view("Jefferies", "HE", Stance::Bearish)]);
}

#[test]
fn an_opening_adverb_is_no_part_of_the_holder() {
    let text = "Only UBS downgraded Freeport-McMoRan to a hold.";
    assert_eq!(bundled(text), [view("UBS", "FCX", Stance::Bearish)]);
}

#[test]
fn the_company_pointed_back_to_is_the_nearest_named() {
    let text = "O Citi cortou a recomendação da TIM (TIMS3) para neutra. Além disso, o banco reduziu o preço-alvo da \
                TIM. Enquanto a TIM amargava um dia difícil, a Cogna (COGN3) respirou aliviada. O BTG Pactual elevou \
                a recomendação da empresa para compra.";
    assert_eq!(
        bundled(text),
        [view("Citi", "TIMS3", Stance::Bearish), view("BTG Pactual", "COGN3", Stance::Bullish),],
        "`a recomendação da empresa`: the company named after the view before"
    );
    let text = "VRX is edging higher despite a downgrade at J.P. Morgan Securities. TSLA looks poised to continue \
                its sell-off. Just this morning, Morgan Stanley downgraded the stock to equal weight.";
    let found = bundled(text);
    assert_eq!(found.last(), Some(&view("Morgan Stanley", "TSLA", Stance::Bearish)), "`the stock`: the nearest");
}

#[test]
fn the_analysts_after_an_opening_phrase_are_the_firms() {
    let text = "As ações da Usiminas (USIM5) caíram depois de o Goldman Sachs rebaixar a recomendação das ações para \
                neutra. Em relatório, os analistas também elegeram uma outra ação favorita no setor: a Gerdau (GGBR4).";
    assert_eq!(
        bundled(text),
        [view("Goldman Sachs", "USIM5", Stance::Bearish), view("Goldman Sachs", "GGBR4", Stance::Bullish)]
    );
}

#[test]
fn a_symbol_after_a_share_noun_is_rated() {
    let text =
        "É o caso do Goldman Sachs que na quarta-feira (12) rebaixou a sua recomendação das ações BBDC4 para venda.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "BBDC4", Stance::Bearish)]);
}

#[test]
fn a_contrast_in_the_neutral_firms_own_words_explains_its_rating() {
    let text = "Susquehanna Financial's Christopher Rolland raised his target on AMD to $15 from $12, but stayed at a \
                neutral rating. \"While we are more constructive on the new products, we see a benefit later,\" \
                Rolland wrote.";
    assert_eq!(bundled(text), [], "a neutral rating, explained in the firm's own words");
}

#[test]
fn both_opening_a_list_is_that_list() {
    let text = "Qualcomm has gained 5.4% and Intel is up 4.2%, and Barclays this morning upgraded both Qualcomm and \
                Nvidia to overweight.";
    assert_eq!(bundled(text), [view("Barclays", "QCOM", Stance::Bullish), view("Barclays", "NVDA", Stance::Bullish)]);
}

#[test]
fn the_upgrade_restates_the_last_act_reported() {
    let text = "ON Semiconductor Corp. (NASDAQ: ONNN) was reiterated as Buy at Canaccord Genuity. Xilinx Inc. (NASDAQ: XLNX) is \
                surging after Bank of America/Merrill Lynch raised the rating to Buy from Hold. The upgrade is driven \
                by the 4G LTE wireless build out.";
    assert_eq!(bundled(text), [view("Canaccord Genuity", "ON", Stance::Bullish)], "Xilinx is not listed");
}

#[test]
fn a_stance_on_a_sector_is_no_view() {
    let text = "Utilities stocks may have exhausted their momentum, Goldman Sachs says as it downgrades the sector to \
                Cautious from Neutral. Among specific stocks, Goldman downgrades Ameren (AEE) to Sell from Neutral.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "AEE", Stance::Bearish)]);
    let text = "O Itaú BBA rebaixou o setor de siderurgia para neutro. A Gerdau (GGBR4) caiu 2%.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_name_added_to_the_subject_holds_nothing() {
    let text = "In addition to DUK, Goldman has Buy ratings on FirstEnergy (FE +4.1%) and PG&E (PCG +0.2%).";
    assert_eq!(bundled(text), [view("Goldman", "FE", Stance::Bullish), view("Goldman", "PCG", Stance::Bullish)]);
}

#[test]
fn a_neutral_rating_a_little_further_on_explains_a_worry() {
    let text = "As ações do GPA (PCAR3) caíram. A visão do time de Varejo da XP para a ação é cautelosa. A equipe \
                explica que é uma companhia em reestruturação. “Não vemos nada que mude a tese. Mantemos nossa \
                recomendação Neutra”, apontou Senday.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_contrast_after_a_quoted_rating_holds_its_own_view() {
    let text = "TSLA looks poised to continue its sell-off. Just this morning, Morgan Stanley downgraded the stock to \
                \"equal weight,\" while Berenberg lowered its price target to $145 from $150.";
    assert_eq!(
        bundled(text),
        [view("Morgan Stanley", "TSLA", Stance::Bearish), view("Berenberg", "TSLA", Stance::Bearish)]
    );
}

#[test]
fn the_broker_is_the_firm_named_before() {
    let text = "On Monday, Melius analysts reportedly said AMD stock has a lot more to go. The broker raised its \
                price target to $175 from $110.";
    assert_eq!(bundled(text), [view("Melius", "AMD", Stance::Bullish)]);
}

#[test]
fn a_target_moved_for_each_company_of_a_list() {
    let text = "O Bank of America (BofA) reduziu o preço-alvo de BHIA3 para R$ 2,50 e de MGLU3 para R$ 5,50, \
                atribuindo recomendação de “underperform” — equivalente a venda.";
    assert_eq!(
        bundled(text),
        [view("Bank of America", "BHIA3", Stance::Bearish), view("Bank of America", "MGLU3", Stance::Bearish)]
    );
}

#[test]
fn a_first_person_verb_speaks_for_the_firm_quoted() {
    let text = "A alta da inadimplência não deve ser um problema para a Vale, segundo a corretora Genial. “Estamos \
                otimistas para a Vale”, dizem.";
    assert_eq!(bundled(text), [view("Genial", "VALE3", Stance::Bullish)]);
}

#[test]
fn a_stance_on_a_name_the_finder_does_not_know_is_about_that_one() {
    let text = "Micron Technology reports on Thursday. Specifically, Credit Suisse and Morgan Stanley lifted their \
                price targets on Portola shares.";
    assert_eq!(bundled(text), [], "not Micron's");
    let text = "Micron Technology reports on Thursday. Morgan Stanley lifted its price target on Micron shares.";
    assert_eq!(bundled(text), [view("Morgan Stanley", "MU", Stance::Bullish)], "a name the finder knows");
}

#[test]
fn a_neutral_rating_kept_in_a_contrast_is_no_view() {
    let text = "O Citi manteve a recomendação de compra da Magazine Luiza (MGLU3), com preço-alvo de R$ 3,40 (upside de \
                59,6% ante a cotação), enquanto JPMorgan e Goldman Sachs mantiveram a neutra.";
    assert_eq!(bundled(text), [view("Citi", "MGLU3", Stance::Bullish)]);
}

#[test]
fn a_second_act_may_leave_out_the_rating() {
    let text = "Também ontem, o J.P. Morgan cortou recomendação da JBS e aumentou da BRF e da Marfrig.";
    assert_eq!(
        bundled(text),
        [
            view("J.P. Morgan", "JBSS3", Stance::Bearish),
            view("J.P. Morgan", "BRFS3", Stance::Bullish),
            view("J.P. Morgan", "MRFG3", Stance::Bullish),
        ]
    );
}

#[test]
fn a_firm_after_anothers_neutral_rating_speaks_for_itself() {
    let text = "BMO Capital Markets has set a price target of $12 for Freeport-McMoRan with a “market perform” rating. \
                FBR Capital Markets is among those placing bearish bets on Freeport-McMoRan.";
    assert_eq!(bundled(text), [view("FBR Capital Markets", "FCX", Stance::Bearish)]);
    let text = "BMO Capital Markets has set a price target of $12 for Freeport-McMoRan with a “market perform” rating. \
                BMO is worried about copper.";
    assert_eq!(bundled(text), [], "the same firm explains its neutral rating");
}

#[test]
fn a_further_object_with_its_own_change_is_rated_too() {
    let text = "Among specific stocks, Goldman downgrades both Ameren (AEE +1%) and WEC Energy (WEC +0.4%) to Sell from \
                Neutral, primarily about earnings expectations, and American Electric Power (AEP +0.6%) to Neutral \
                from Buy.";
    let found: Vec<String> = bundled(text).into_iter().map(|v| format!("{} {} {:?}", v.0, v.1, v.2)).collect();
    assert_eq!(found, ["Goldman AEE Bearish", "Goldman WEC Bearish", "Goldman AEP Bearish"]);
}

#[test]
fn a_firm_that_stated_a_neutral_rating_holds_no_weaker_view_after_it() {
    let text = "O Citi manteve a recomendação de compra da Magazine Luiza (MGLU3) (alta de 59% ante a cotação), enquanto \
                JPMorgan e Goldman Sachs mantiveram a neutra. Para o primeiro, a entrada de recursos vai impulsionar o \
                lucro. O Goldman manteve o preço-alvo em R$ 2,20 (upside de 3,2%).";
    assert_eq!(bundled(text), [view("Citi", "MGLU3", Stance::Bullish)]);
}

#[test]
fn a_neutral_rating_on_one_company_leaves_the_firms_view_of_another() {
    let text = "O Goldman Sachs manteve a recomendação neutra para a Vale (VALE3). O Goldman elevou o preço-alvo da \
                Petrobras (PETR4) de R$ 40 para R$ 45.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "PETR4", Stance::Bullish)]);
}
