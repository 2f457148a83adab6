//! Unit tests of the eleventh round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn each_item_of_a_list_of_targets_is_rated_by_its_own_move() {
    let text = "Barclays raised price targets for several airlines. The analyst raised his target price for United \
                Continental Holdings Inc. shares to $35 from $29; Delta Air Lines Inc. to $21 from $17; Alaska Air \
                Group Inc. to $60 from $48.";
    let found = bundled(text);
    for ticker in ["UAL", "DAL", "ALK"] {
        assert!(found.contains(&view("Barclays", ticker, Stance::Bullish)), "{ticker}: {found:?}");
    }
    let text = "O Itaú BBA revisou os preços-alvo do setor. O preço-alvo da Kroton passou de R$ 20 para R$ 25; para \
                Estácio, foi cortado de R$ 37 para R$ 27; para a Anima, de R$ 31 para R$ 46.";
    let found = bundled(text);
    assert!(found.contains(&view("Itaú BBA", "YDUQ3", Stance::Bearish)), "{found:?}");
    assert!(found.contains(&view("Itaú BBA", "ANIM3", Stance::Bullish)), "{found:?}");
    // A rating changed for the whole list outranks each target's move.
    let text = "O BofA rebaixou ainda, para venda, CSN Mineração (CMIN3), com queda no preço-alvo de R$ 8 para R$ 5; \
                e CSN (CSNA3), de R$ 14 para R$ 18.";
    let found = bundled(text);
    assert!(found.contains(&view("BofA", "CSNA3", Stance::Bearish)), "{found:?}");
    assert!(!found.iter().any(|(_, _, stance)| *stance == Stance::Bullish), "{found:?}");
}

#[test]
fn ratings_restated_in_the_plural_are_each_listed_companys() {
    let text = "O BofA cortou os preços-alvo do setor. O preço-alvo da Kroton passou de R$ 20 para R$ 15; para \
                Estácio, foi cortado de R$ 37 para R$ 27. As recomendações continuam em compra.";
    let mut found = bundled(text);
    found.sort();
    assert_eq!(found, [view("BofA", "COGN3", Stance::Bullish), view("BofA", "YDUQ3", Stance::Bullish)]);
    // In the singular, the rating stays the last company's.
    let text = "O BofA cortou os preços-alvo do setor. O preço-alvo da Kroton passou de R$ 20 para R$ 15; para \
                Estácio, foi cortado de R$ 37 para R$ 27. A recomendação continua em compra.";
    assert!(bundled(text).contains(&view("BofA", "COGN3", Stance::Bearish)), "{:?}", bundled(text));
}

#[test]
fn ratings_cut_in_the_plural_passive_are_downgrades() {
    let text = "O Itaú BBA revisou suas projeções para o setor. As recomendações para a Cyrela (CYRE3) e Eztec (EZTC3) \
                foram cortadas para market perform.";
    assert_eq!(bundled(text), [view("Itaú BBA", "CYRE3", Stance::Bearish), view("Itaú BBA", "EZTC3", Stance::Bearish)]);
}

#[test]
fn an_analyst_for_a_firm_and_a_surname_of_a_known_broker_speak_for_the_firm() {
    let text = "Robert Hazlett, analyst for Suntrust Robinson Humphrey, said he recommended a \"buy\" for Merck.";
    assert_eq!(bundled(text), [view("Suntrust Robinson Humphrey", "MRK", Stance::Bullish)]);
    let text = "Merck fell. Butler of Lehman Brothers said that Merck was \"oversold\" on its troubles.";
    assert_eq!(bundled(text), [view("Lehman Brothers", "MRK", Stance::Bullish)]);
    // Not a firm's own name (`Bank of America`).
    let text = "Bank of America said that Merck was oversold.";
    assert_eq!(bundled(text), [view("Bank of America", "MRK", Stance::Bullish)]);
}

#[test]
fn names_listed_after_including_in_a_passive_were_rated_not_rating() {
    let text = "Nearly one-fifth of the index has been downgraded since Jan 3., including Coca-Cola, Procter & \
                Gamble, Goldman Sachs, Exxon Mobil and Disney. Exxon was downgraded to market perform from \
                outperform at Wells Fargo.";
    assert_eq!(bundled(text), [view("Wells Fargo", "XOM", Stance::Bearish)]);
}

#[test]
fn an_analyst_named_by_a_title_or_after_a_broker_speaks_for_the_firm_later_too() {
    let text = "CNBC asked Albert Rauch, Senior Healthcare Analyst at AG Edwards, about Merck. Rauch also has a lot \
                of concerns about Merck.";
    assert_eq!(bundled(text), [view("AG Edwards", "MRK", Stance::Bearish)]);
    let text = "Raymond James upgraded Texas Instruments (TXN). Analyst J. Steven Smigie raised his rating to strong \
                buy. Smigie said the outlook was positive.";
    assert_eq!(bundled(text), [view("Raymond James", "TXN", Stance::Bullish)]);
}

#[test]
fn connectives_and_months_opening_a_sentence_hold_no_view() {
    let text = "Contudo, o Santander vê riscos para a Natura (NTCO3).";
    assert!(bundled(text).iter().all(|(claimant, ..)| claimant == "Santander"), "{:?}", bundled(text));
    let text = "Dec. 5 (Reuters) - Mizuho upgraded Simon Property (SPG) to buy.";
    assert_eq!(bundled(text), [view("Mizuho", "SPG", Stance::Bullish)]);
}

#[test]
fn banks_listed_as_the_object_of_coverage_are_rated_not_rating() {
    let text = "A XP reiniciou a cobertura de Bradesco e Itaú com recomendação de compra.";
    assert_eq!(bundled(text), [view("XP", "BBDC4", Stance::Bullish), view("XP", "ITUB4", Stance::Bullish)]);
    let text = "A Unibanco Corretora reiniciou a cobertura de Bradesco com recomendação de compra.";
    assert_eq!(bundled(text), [view("Unibanco Corretora", "BBDC4", Stance::Bullish)]);
}

#[test]
fn a_price_goal_is_a_price_target() {
    let text = "Analistas do UBS, Goldman Sachs e Mizuho reduziram suas metas de preço para a Tesla.";
    let found = bundled(text);
    for firm in ["UBS", "Goldman Sachs", "Mizuho"] {
        assert!(found.contains(&view(firm, "TSLA", Stance::Bearish)), "{firm}: {found:?}");
    }
    // A goal of another kind is no target.
    let text = "A Tesla elevou sua meta de produção para 2 milhões de carros.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
}

#[test]
fn a_line_of_a_firms_list_of_calls_is_the_firms() {
    let text = "** Brokerage BofA updates ratings for large-cap pharma\n** Upgrades Bristol-Myers Squibb BMY.N to \"buy\" \
                from \"neutral\"\n** Maintains \"buy\" for Eli Lilly LLY.N; says \"Lilly shares can continue to \
                appreciate\"\n** Maintains \"buy\" rating for Merck MRK.N says \"shares look attractive\"";
    let found = bundled(text);
    for ticker in ["BMY", "LLY", "MRK"] {
        assert!(found.contains(&view("BofA", ticker, Stance::Bullish)), "{ticker}: {found:?}");
    }
    assert!(found.iter().all(|(claimant, ..)| claimant == "BofA"), "{found:?}");
    // A bulleted list looks further back for its firm.
    let text = "Morgan Stanley analyst Andrew Percoco took over the sector. Tesla fell. So what changed? Percoco \
                wasted no time. His ratings painted a different picture. Here's the rundown:\n- Tesla: Downgraded to \
                Equal-weight from Overweight\n- Lucid Group (LCID): Downgraded to Underweight from Equal-weight";
    let found = bundled(text);
    assert!(found.contains(&view("Morgan Stanley", "TSLA", Stance::Bearish)), "{found:?}");
    assert!(found.contains(&view("Morgan Stanley", "LCID", Stance::Bearish)), "{found:?}");
}

#[test]
fn a_list_of_companies_with_legal_suffixes_and_an_unknown_one_is_one_list() {
    let text = "Jefferies & Co. analyst Peter Ward downgraded shares of Barrick Gold Corp., Goldcorp Inc., Kinross \
                Gold Corp., and Newmont Mining Corp.";
    let found = bundled(text);
    for ticker in ["B", "KGC", "NEM"] {
        assert!(found.contains(&view("Jefferies", ticker, Stance::Bearish)), "{ticker}: {found:?}");
    }
}

#[test]
fn companies_named_as_better_alternatives_are_picked() {
    let text = "McDonald's (MCD) was downgraded to Hold by Goldman Sachs. Goldman named Starbucks (SBUX) and \
                Chipotle Mexican Grill (CMG) as better alternatives.";
    let found = bundled(text);
    assert!(found.contains(&view("Goldman Sachs", "SBUX", Stance::Bullish)), "{found:?}");
    assert!(found.contains(&view("Goldman Sachs", "CMG", Stance::Bullish)), "{found:?}");
    // Better alone is no view (`better than expected`).
    assert!(bundled("Goldman Sachs said Starbucks (SBUX) did better than expected.").is_empty());
}

#[test]
fn a_sentence_opening_on_a_report_is_the_firms_before() {
    let text = "O J.P. Morgan revisou as estimativas de Ebitda para a BRF (BRFS3). Em relatório, citou a expectativa \
                positiva em relação ao desempenho no segundo semestre.";
    assert_eq!(bundled(text), [view("J.P. Morgan", "BRFS3", Stance::Bullish)]);
}

#[test]
fn a_firm_named_after_a_noun_for_a_firm_or_by_it_acts() {
    let text = "Cogent (NASDAQ:CCOI) was upgraded by the brokerage firm \"DA Davidson\" from \"Underperform\" to \
                \"Neutral\".";
    assert_eq!(bundled(text), [view("DA Davidson", "CCOI", Stance::Bullish)]);
    let text = "Goldman cut its rating on KLA Tencor Corp. to \"sell\" from \"neutral\". It also downgraded Applied \
                Materials Inc to \"neutral\" from \"buy\".";
    assert_eq!(bundled(text), [view("Goldman", "KLAC", Stance::Bearish), view("Goldman", "AMAT", Stance::Bearish)]);
    let text = "Researchers updated their models for Newmont. On January 26th, Scotiabank elevated its price target \
                for the stock to $152.";
    assert_eq!(bundled(text), [view("Scotiabank", "NEM", Stance::Bullish)]);
}

#[test]
fn a_pt_in_capitals_after_a_verb_is_a_price_target() {
    let text =
        "** Barrick Mining B.N up 3.1% premarket\n** Jefferies and CIBC Capital Markets raise PT to $38 from $36";
    assert_eq!(
        bundled(text),
        [view("Jefferies", "B", Stance::Bullish), view("CIBC Capital Markets", "B", Stance::Bullish)]
    );
}

#[test]
fn an_executive_named_with_the_title_holds_no_view_of_the_company() {
    let text = "JPMorgan Chase (JPM) raised its forecast. Still, CEO Jamie Dimon struck a cautious tone.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
}

#[test]
fn a_rating_of_a_company_the_lexicon_does_not_know_is_no_view_of_another() {
    let text = "GlaxoSmithKline rose 1%. Early Tuesday, analysts at RBC Capital cut their rating of Adolor to sector \
                perform. RBC this morning downgraded HGSI to \"sector perform\" from \"outperform.\"";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_b3_root_rated_for_a_company_the_sentence_names_is_its_view() {
    let text = "BTG Pactual upgraded MGLU to buy, saying Magazine Luiza can gain share.";
    assert_eq!(bundled(text), [view("BTG Pactual", "MGLU3", Stance::Bullish)]);
}

#[test]
fn a_card_s_lines_rate_its_heading_s_company_and_its_bank_holds_no_view() {
    let text = "Veja o que o Bradesco BBI pensa dos bancos.\n\nItaú Unibanco (ITUB4)\nRecomendação: compra\nPreço-alvo: \
                R$ 31\n\nBanco do Brasil (BBAS3)\nRecomendação: neutra\n\nSantander Brasil (SANB11)\nRecomendação: venda";
    assert_eq!(
        bundled(text),
        [view("Bradesco BBI", "ITUB4", Stance::Bullish), view("Bradesco BBI", "SANB11", Stance::Bearish)]
    );
}
