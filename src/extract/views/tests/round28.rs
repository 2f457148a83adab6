//! Unit tests of the twenty-eighth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_bank_believed_in_is_talked_about_and_stays_the_topic() {
    let text = "Royal Bank of Canada shares were down on Friday. \"We continue to believe Royal Bank has very \
                strong operating platforms,\" he said in a note. Blame Europe and its debt crisis. Macquarie cut \
                its target price to $61 from $66 and also reduced its recommendation to neutral from outperform.";
    assert_eq!(bundled(text), [view("Macquarie", "RY", Stance::Bearish)]);
}

#[test]
fn a_company_described_as_a_giant_is_named() {
    let text = "Mobile phones giant Vodafone appears to be ringing all the wrong numbers. UBS has cut from buy to \
                neutral and set a short-term sell rating.";
    assert_eq!(bundled(text), [view("UBS", "VOD", Stance::Bearish)]);
}

#[test]
fn portfolio_rows_under_a_weight_column_and_lines_a_firm_recommends() {
    let text = "Veja, a seguir, a carteira recomendada de small caps da Guide Investimentos para março.\n\
                Empresa Ticker Peso (%) Situação na carteira\nJSL JSLG3 10 Entrou\nSanepar SAPR11 10 Entrou\n\n\
                Fora do setor elétrico, o BofA também recomenda:\nSabesp (SBSP3): expectativa de CAGR de 24%.\n\
                Cemig (CMIG4): recomendação neutra.";
    assert_eq!(
        bundled(text),
        [
            view("Guide Investimentos", "JSLG3", Stance::Bullish),
            view("Guide Investimentos", "SAPR11", Stance::Bullish),
            view("BofA", "SBSP3", Stance::Bullish)
        ],
        "not a line stating a neutral rating"
    );
}

#[test]
fn brokers_known_by_their_short_names() {
    let text = "Cisco Systems (CSCO) got an upgrade to buy from neutral at Topeka. Laidlaw reiterated its buy rating \
                on Cisco.";
    assert_eq!(bundled(text), [view("Topeka", "CSCO", Stance::Bullish), view("Laidlaw", "CSCO", Stance::Bullish)]);
}

#[test]
fn a_determiner_a_chart_indicator_and_rivals_such_as_hold_and_are_rated_nothing() {
    let text = "Raymond James upgraded HF Sinclair Corporation (DINO) to Strong Buy. Such upgrades provide not only a \
                data-backed thesis but also a lens. Technical Picture: RSI suggests the stock is approaching \
                overbought territory.";
    assert_eq!(bundled(text), [view("Raymond James", "DINO", Stance::Bullish)]);
    let text = "Credit Suisse analysts said Nordstrom Rack is not positioned well competitively compared to rivals \
                such as TJX (NYSE:TJX) Cos and Burlington Stores (NYSE:BURL).";
    assert_eq!(bundled(text), [], "the rivals are not what the analysts rate");
}

#[test]
fn a_bank_whose_own_figures_are_talked_about_holds_nothing() {
    let text = "Merrill Lynch & Co. financial services analyst Judah Kraushaar warned clients that Wall \
                Street's current expectations for Goldman Sachs Group Inc. earnings were too optimistic. After \
                speaking with Goldman a couple of weeks ago, Mr. Kraushaar said he became convinced that current \
                consensus estimates are \"pretty lofty\". Goldman's shares fell $7, to $73.\n\nIn Ms. Merdian's three \
                other downgrades - of Bank of America Corp., Wells Fargo & Co., and Citigroup Inc. - she cited \
                recent price appreciation in the shares.";
    let views = bundled(text);
    assert!(views.iter().all(|v| !v.0.starts_with("Goldman")), "the bank whose shares fell holds no view: {views:?}");
}

#[test]
fn a_company_whose_shares_moved_opens_a_sentence_without_holding_the_view() {
    let text = "Solar shares fell after Credit Suisse cut Renesola Ltd.’s (SOL US) rating to “neutral” from \
                “outperform”.";
    assert_eq!(bundled(text), [view("Credit Suisse", "SOL", Stance::Bearish)]);
}

#[test]
fn a_firm_s_own_target_stated_a_bank_expected_to_act_and_its_picks_keep_their_holder() {
    let text = "Goldman Sachs's target is $250 for Apple shares, with a buy rating.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "AAPL", Stance::Bullish)]);
    let text = "Investors believe Morgan Stanley will upgrade Tesla to buy.";
    assert_eq!(bundled(text), [view("Morgan Stanley", "TSLA", Stance::Bullish)]);
    let text = "Goldman Sachs' top stock picks include Apple, which it rates buy.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "AAPL", Stance::Bullish)]);
}
