//! Unit tests of the seventeenth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn items_of_a_list_of_ratings_rate_the_company_named_before_the_list_past_a_neutral_bank() {
    let text = "A few analysts weighed in on Costco (COST) ahead of the report:\n\n  • Citigroup has a Neutral rating \
                with a $238 price target.\n  • Argus has a Buy rating with a $255 price target.\n  • Deutsche Bank has \
                a Hold rating.\n  • RBC has an Outperform rating with a $253 price target.";
    assert_eq!(bundled(text), [view("Argus", "COST", Stance::Bullish), view("RBC", "COST", Stance::Bullish)]);
    // Not past an item naming a company: each item opens its own.
    let text = "Analysts moved on retailers:\n\n  • Citi rates Target (TGT) a Buy.\n  • Argus has a Buy rating.";
    assert_eq!(bundled(text), [view("Citi", "TGT", Stance::Bullish), view("Argus", "TGT", Stance::Bullish)]);
}

#[test]
fn a_rating_of_two_words_before_its_noun_states_the_second_word() {
    let text = "Barrick Gold (ABX) reported.\n\nBarrick\n\n  • Barclays raised its price target from $9 to $13 with an \
                Equal Weight rating.\n  • RBC raised its price target from $9 to $13 with a Sector Outperform rating.";
    assert_eq!(bundled(text), [view("RBC", "B", Stance::Bullish)]);
}

#[test]
fn an_opening_phrase_closed_by_a_comma_is_passed_over_to_the_firm_after_it() {
    let text = "In other auto-related analyst moves, Deutsche analysts cut their rating on Goodyear Tire and Rubber Co. \
                to hold from buy.";
    assert_eq!(bundled(text), [view("Deutsche", "GT", Stance::Bearish)]);
}

#[test]
fn the_stocks_point_back_to_the_list_and_a_second_act_on_a_name_is_a_view_of_its_own() {
    let text = "Applied Materials and Lam Research also fell Tuesday after Thomas Weisel Partners analyst Eric Ross \
                lowered the stocks to “market perform” from “buy” and cut Teradyne Inc. to “buy” from “strong buy,” \
                saying equipment spending is likely to be flat.";
    let weisel = |ticker| view("Thomas Weisel Partners", ticker, Stance::Bearish);
    assert_eq!(bundled(text), [weisel("AMAT"), weisel("LRCX"), weisel("TER")]);
}

#[test]
fn a_warning_is_bearish_and_not_only_is_no_negation() {
    let text = "Em novo relatório, o JPMorgan alertou para o risco de novas perdas nas ações da Embraer (EMBR3).";
    assert_eq!(bundled(text), [view("JPMorgan", "EMBR3", Stance::Bearish)]);
    let text = "O recado do Bank of America (BofA) é sobre ações do Magazine Luiza (MGLU3) e da Casas Bahia (BHIA3). \
                O banco americano não só reiterou a recomendação de venda dos papéis de ambas as companhias como \
                cortou o preço-alvo.";
    let bofa = |ticker| view("Bank of America", ticker, Stance::Bearish);
    assert_eq!(bundled(text), [bofa("MGLU3"), bofa("BHIA3")]);
    // A plain negation still turns the stance away.
    let text = "O JPMorgan não recomenda a compra das ações da Embraer (EMBR3).";
    assert_eq!(bundled(text), []);
    // Nor is English `so` Portuguese `só`: `not so bullish` is still negated.
    let text = "Goldman Sachs is not so bullish on Apple (AAPL).";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_best_idea_is_a_pick() {
    let text = "Tesla stock is the “Best Idea” for investors in 2023, according to Baird Equity Research.";
    assert_eq!(bundled(text), [view("Baird Equity Research", "TSLA", Stance::Bullish)]);
}

#[test]
fn a_headline_s_verb_ends_the_firm_s_name_and_the_body_s_stronger_rating_overturns_it() {
    let text = "Wells Fargo Upgrades Target to Overweight\n\nA Wells Fargo analyst upgraded shares of Target (NYSE:TGT) \
                to Overweight from Equal Weight.";
    assert_eq!(bundled(text), [view("Wells Fargo", "TGT", Stance::Bullish)]);
    let text = "Raymond James Cuts Delta Air Lines Price Target By ~6%\n\nRaymond James analyst Savanthi Syth lowered \
                the price target for Delta Air Lines (DAL) to $50 from $53 while maintaining the Strong Buy rating on \
                the shares.";
    assert_eq!(bundled(text), [view("Raymond James", "DAL", Stance::Bullish)]);
}

#[test]
fn a_site_reporting_a_broker_s_move_holds_no_view() {
    let text = "Vale (NYSE:VALE) was upgraded by research analysts at BNP Paribas from an “underperform” rating to a \
                “neutral” rating on Wednesday, PriceTargets.com reports.";
    assert_eq!(bundled(text), [view("BNP Paribas", "VALE3", Stance::Bullish)]);
}

#[test]
fn a_count_of_companies_stands_for_as_many_named_over_the_sentences_before() {
    let text = "Os papéis da TIM caíram. As ações da Vivo caíram 0,41%. A Oi subiu 1,24%. A Coinvalores recomenda a \
                compra das três empresas do setor.";
    let coinvalores = |ticker| view("Coinvalores", ticker, Stance::Bullish);
    assert_eq!(bundled(text), [coinvalores("TIMS3"), coinvalores("VIVT3"), coinvalores("OIBR3")]);
    // Not when the sentences before name more companies than the count.
    let text = "Os papéis da TIM caíram. As ações da Vivo e da Petrobras caíram. A Oi subiu 1,24%. A Coinvalores \
                recomenda a compra das três empresas do setor.";
    assert_eq!(bundled(text), [coinvalores("OIBR3")], "only the company of the sentence before");
}

#[test]
fn a_rating_reinstated_after_a_quote_page_s_link_and_a_former_rating_after_from() {
    let text = "Gilead (GILD) - Get Report downgraded at Credit Suisse to Neutral from Outperform.";
    assert_eq!(bundled(text), [view("Credit Suisse", "GILD", Stance::Bearish)]);
    let text = "Bank of America (BAC) rating reinstated at Goldman with a Buy. Target at $63.";
    assert_eq!(bundled(text), [view("Goldman", "BAC", Stance::Bullish)]);
    let text = "Micron (MU) fell. PaineWebber cut the company's rating to attractive from buy.";
    assert_eq!(bundled(text), [view("PaineWebber", "MU", Stance::Bearish)]);
}

#[test]
fn rivals_listed_after_the_stance_are_no_companies_rated() {
    let text = "At least ten brokerages, including UBS, slashed their price targets on Nokia (NOK) on Friday, after the \
                company said it loses market share to rivals Apple Inc, Google Inc and Samsung Electronics Co.";
    assert_eq!(bundled(text), [view("UBS", "NOK", Stance::Bearish)]);
    // A rival as a subject is rated.
    let text = "Tesla (TSLA) shareholders learned this lesson Monday as Morgan Stanley took over the sector. The change \
                brought an immediate rating cut for the EV giant, even as rival General Motors (GM) caught an upgrade.";
    assert!(bundled(text).contains(&view("Morgan Stanley", "GM", Stance::Bullish)));
}

#[test]
fn a_company_gone_from_the_lists_rated_right_after_the_stance_word_gives_no_view() {
    let text = "Telecom stocks moved. AT&T (T) rose 1%.\n- Raymond James downgraded Sprint Nextel to outperform from \
                strong buy and reiterated its $23 price target on the company.";
    assert_eq!(bundled(text), []);
    let text = "Telecom stocks moved. Sprint Nextel fell.\n- Raymond James downgraded AT&T (T) to outperform from strong \
                buy.";
    assert_eq!(bundled(text), [view("Raymond James", "T", Stance::Bearish)]);
}

#[test]
fn a_previous_rating_changed_from_one_to_another_and_a_doubled_target_are_views() {
    let text = "Ilkka Rauvola, analyst at Danske Bank Markets, recently reversed his previous recommendation to Nokia \
                (NOK) investors from ‘sell’ to ‘buy’.";
    assert_eq!(bundled(text), [view("Danske Bank Markets", "NOK", Stance::Bullish)]);
    let text = "Analysts at Danske Bank Markets are doubling their price target on Nokia (NOK) to $3.76 per share.";
    assert_eq!(bundled(text), [view("Danske Bank Markets", "NOK", Stance::Bullish)]);
    // A prior rating alone is still no view.
    let text = "Danske Bank Markets covers Nokia (NOK). The prior rating was Buy.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_recommended_purchase_is_bullish_and_a_company_s_purchase_is_no_view() {
    let text = "Anthony Polini, an analyst at Raymond James & Associates, \"strongly recommended\" the purchase of Wells \
                Fargo (WFC) stock.";
    assert_eq!(bundled(text), [view("Raymond James & Associates", "WFC", Stance::Bullish)]);
    let text = "Raymond James said the purchase of Wachovia by Wells Fargo (WFC) closed.";
    assert_eq!(bundled(text), []);
}

#[test]
fn brokers_listed_with_portuguese_articles_hold_together() {
    let text = "O Credit Suisse e o Goldman Sachs reduziram o preço-alvo da Vale.";
    let bearish = |firm| view(firm, "VALE3", Stance::Bearish);
    assert_eq!(bundled(text), [bearish("Credit Suisse"), bearish("Goldman Sachs")]);
}

#[test]
fn the_review_s_cases_our_idea_and_an_alert_to_upside_are_no_views() {
    let text = "O Itaú BBA diz que a nossa ideia é que a Vale (VALE3) vai cair.";
    assert_eq!(bundled(text), []);
    let text = "O BTG Pactual alertou para o potencial de alta de 30% das ações da Vale (VALE3).";
    assert_eq!(bundled(text), []);
}
