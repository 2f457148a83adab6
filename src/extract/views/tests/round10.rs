//! Unit tests of the tenth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn a_rating_given_for_a_list_of_banks_is_held_by_the_firm_not_by_the_banks() {
    let text = "O Bank of America atualizou estimativas. Por isso, o banco americano reiterou as recomendações de \
                compra para Itaú (ITUB4), Bradesco (BBDC4) e Banco do Brasil (BBAS3).";
    let found = bundled(text);
    for ticker in ["ITUB4", "BBDC4", "BBAS3"] {
        assert!(found.contains(&view("Bank of America", ticker, Stance::Bullish)), "{ticker}: {found:?}");
    }
    assert!(found.iter().all(|(claimant, ..)| claimant == "Bank of America"), "{found:?}");
    // A date before a firm's name is no list the firm is an item of.
    let text = "And in lowering U.S. Bancorp (USB) to Neutral from buy on Thursday, Goldman Sachs analyst Richard \
                Ramsden complained of poor results.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "USB", Stance::Bearish)]);
}

#[test]
fn a_count_of_companies_stands_for_as_many_named_before() {
    let text = "JPMorgan (JPM) and Citigroup (C) rose. Bernstein downgraded the two lenders to underperform.";
    assert_eq!(bundled(text), [view("Bernstein", "JPM", Stance::Bearish), view("Bernstein", "C", Stance::Bearish)]);
    // Not a count that does not match, nor a comparison.
    let text = "JPMorgan (JPM) and Citigroup (C) rose. Bernstein downgraded the three lenders to underperform.";
    assert!(bundled(text).len() < 2, "{:?}", bundled(text));
    let text = "Raymond James upgraded AT&T (T), which is likely to outperform Verizon (VZ) because of the \
                differences between the two companies.";
    assert_eq!(bundled(text), [view("Raymond James", "T", Stance::Bullish)]);
}

#[test]
fn a_person_named_with_a_role_at_a_firm_speaks_for_the_firm() {
    let text = "“A medida é positiva”, afirmou Luiz Gustavo, estrategista da Guide Investimentos, sobre a Petrobras.";
    assert_eq!(bundled(text), [view("Guide Investimentos", "PETR4", Stance::Bullish)]);
    let text = "Shares of Apple (AAPL) are a buy, said Dan Ives, an analyst at Wedbush Securities.";
    assert_eq!(bundled(text), [view("Wedbush", "AAPL", Stance::Bullish)]);
}

#[test]
fn names_with_a_web_domain_rate_and_outlets_report() {
    let text = "StockNews.com downgraded shares of Duke Energy (NYSE:DUK) from a hold rating to a sell rating.";
    assert_eq!(bundled(text), [view("StockNews.com", "DUK", Stance::Bearish)]);
    let text = "HSBC upgraded U.S. Bancorp (USB) to buy. Bank of America shares were down 2.65% at $47.37 at the \
                time of writing, according to Benzinga Pro.";
    assert_eq!(bundled(text), [view("HSBC", "USB", Stance::Bullish)]);
}

#[test]
fn sentence_adverbs_and_unnamed_analysts_hold_no_view() {
    let text = "RBC upgraded ExxonMobil (XOM) to outperform. Nonetheless, upgrades do tend to have positive impacts \
                on share prices.";
    assert_eq!(bundled(text), [view("RBC", "XOM", Stance::Bullish)]);
    let text = "Analysts have initiated a positive trading call for Walmart (WMT).";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
}

#[test]
fn a_price_objective_is_a_target_and_marketperform_is_neutral() {
    let text = "Bank of America reduced their price objective on Duke Energy (DUK) from $112.00 to $110.00.";
    assert_eq!(bundled(text), [view("Bank of America", "DUK", Stance::Bearish)]);
    let text = "O Itaú BBA elevou o preço-alvo da Magazine Luiza (MGLU3) de R$ 200 para R$ 277. A recomendação \
                continua em marketperform.";
    assert!(bundled(text).is_empty(), "{:?}", bundled(text));
}

#[test]
fn one_firm_under_two_names_holds_one_view() {
    let text = "O Itaú BBA elevou a recomendação da Magazine Luiza (MGLU3) para compra. Para o BBA, a ação está \
                barata.";
    assert_eq!(bundled(text), [view("Itaú BBA", "MGLU3", Stance::Bullish)]);
}

#[test]
fn a_neutral_rating_another_firm_states_leaves_a_view_standing() {
    let text = "Bank of America reduced their price objective on Duke Energy (DUK) from $112.00 to $110.00. Mizuho \
                reduced their price objective on Duke Energy from $92.00 to $91.00 and set a neutral rating for the \
                company.";
    assert_eq!(bundled(text), [view("Bank of America", "DUK", Stance::Bearish)]);
}

#[test]
fn a_rating_change_between_two_bullish_ratings_goes_by_their_order() {
    let text = "Raymond James cut Mid-America Apartment Communities Inc. (MAA) to Outperform from Strong Buy.";
    assert_eq!(bundled(text), [view("Raymond James", "MAA", Stance::Bearish)]);
    let text = "Citi upgraded Apple (AAPL) to Strong Buy from Buy.";
    assert_eq!(bundled(text), [view("Citi", "AAPL", Stance::Bullish)]);
}

#[test]
fn an_analyst_named_with_his_firm_speaks_for_it_when_named_again() {
    let text = "Buck Horne, an analyst at Raymond James, lowered his recommendations on REITs. Horne cut Equity \
                Residential (EQR) to Market perform from Outperform.";
    assert_eq!(bundled(text), [view("Raymond James", "EQR", Stance::Bearish)]);
}

#[test]
fn research_houses_without_a_listing_hold_views() {
    let text = "Capri Holdings (CPRI) was downgraded to Underperform from Neutral at Sterne Agee.";
    assert_eq!(bundled(text), [view("Sterne Agee", "CPRI", Stance::Bearish)]);
    let text = "Piper Jaffray, Pacific Crest and Stifel raised their targets on Baidu (BIDU).";
    let found = bundled(text);
    assert!(found.contains(&view("Pacific Crest", "BIDU", Stance::Bullish)), "{found:?}");
}

#[test]
fn a_company_bracketed_with_a_quote_link_is_its_own() {
    let text = "Akamai (AKAM - Get Report) gained $2.67 after Piper Jaffray upgraded the stock to buy. Also \
                gaining, Buffalo Wild Wings (BWLD - Get Report) jumped 12.2% after Morgan Keegan bumped the \
                stock's rating to outperform from market perform.";
    assert_eq!(bundled(text), [view("Piper Jaffray", "AKAM", Stance::Bullish)]);
}

#[test]
fn a_line_headed_by_a_company_and_a_dash_is_a_note_on_it() {
    let text = "Natura&Co — O Citi manteve recomendação de compra, mas reduziu o preço-alvo.\nBRF — O Santander elevou a \
                recomendação de neutra para compra.\nTegma — O BTG Pactual manteve a recomendação de compra.";
    assert_eq!(
        bundled(text),
        [
            view("Citi", "NTCO3", Stance::Bullish),
            view("Santander", "BRFS3", Stance::Bullish),
            view("BTG Pactual", "TGMA3", Stance::Bullish)
        ]
    );
    // Not a sentence before the dash.
    let text = "Bank of America upgraded shares of Petróleo Brasileiro S.A. – Petrobras (NYSE:PBR) from a neutral \
                rating to a buy rating.";
    assert_eq!(bundled(text), [view("Bank of America", "PETR4", Stance::Bullish)]);
}

#[test]
fn the_retailer_after_a_list_of_peers_is_the_texts_topic_and_a_colleague_speaks_for_the_firm() {
    let text = "Wall Street’s enthusiasm for Target Corp. (TGT) is at its lowest. That dragged its rating below \
                peers such as Walmart Inc., TJX Cos Inc. and Costco Wholesale Corp.\n“We see increased \
                uncertainty,” Bank of America’s Robert Ohmes and Kendall Toscano wrote, downgrading the retailer \
                to neutral.";
    assert_eq!(bundled(text), [view("Bank of America", "TGT", Stance::Bearish)]);
}

#[test]
fn a_count_of_companies_named_after_it_in_the_sentence_is_those() {
    let text = "Em relatório, o Safra reiterou recomendação de compra para as duas empresas, elevando o preço-alvo \
                da Equatorial (EQTL3) para R$ 42 e da Energisa (ENGI11) para R$ 63.";
    let found = bundled(text);
    for ticker in ["EQTL3", "ENGI11"] {
        assert!(found.contains(&view("Safra", ticker, Stance::Bullish)), "{ticker}: {found:?}");
    }
}

#[test]
fn the_firms_that_led_the_way_hold_the_same_view() {
    let text = "Depois do JPMorgan, UBS também rebaixa recomendação de Petrobras (PETR4).";
    assert_eq!(bundled(text), [view("JPMorgan", "PETR4", Stance::Bearish), view("UBS", "PETR4", Stance::Bearish)]);
    // Not a firm merely named after `depois` with no turn taken.
    let text = "Depois do JPMorgan anunciar resultados, o UBS rebaixou a Petrobras (PETR4).";
    assert_eq!(bundled(text), [view("UBS", "PETR4", Stance::Bearish)]);
}

#[test]
fn a_company_picked_by_the_bank_with_others_joined_to_it() {
    let text = "O Goldman Sachs revisou as estimativas para empresas do setor elétrico. Equatorial segue entre as \
                preferidas do banco, junto a Eletrobras, Sabesp e Copel.";
    let found = bundled(text);
    for ticker in ["EQTL3", "ELET3", "SBSP3", "CPLE6"] {
        assert!(found.contains(&view("Goldman Sachs", ticker, Stance::Bullish)), "{ticker}: {found:?}");
    }
}

#[test]
fn the_bank_of_a_note_is_its_firm_however_far_back() {
    let text = "O Goldman Sachs revisou as estimativas para empresas do setor elétrico. As mudanças atingem a \
                Equatorial. O avanço no horizonte levou à seguinte variação nos preços-alvo. Equatorial (EQTL3): \
                alta de 7%. Cemig (CMIG4): alta de 7%. Energisa (ENGI11): aumento de 5%. Recomendações e métricas. \
                A Equatorial segue entre as preferidas do banco.";
    assert!(bundled(text).contains(&view("Goldman Sachs", "EQTL3", Stance::Bullish)), "{:?}", bundled(text));
}

#[test]
fn a_letter_a_metric_or_a_commodity_holds_no_view_and_a_later_target_does_not_overturn_a_downgrade() {
    let text = "JPMorgan downgraded Beyond Meat (BYND) to Neutral from Buy. What they said: \"[T]his downgrade is \
                purely a valuation call,\" the strategists wrote. \"We believe the growth is balanced by valuation.\" \
                \"We value the shares at $121.\" \"Thus, we raise our price target to $121 from $120.\"";
    assert_eq!(bundled(text), [view("JPMorgan", "BYND", Stance::Bearish)]);
    let text = "O BTG elevou a recomendação da Vale (VALE3) para compra.\nAço segue em alta\nO vergalhão subiu 0,7%.";
    assert_eq!(bundled(text), [view("BTG", "VALE3", Stance::Bullish)]);
}
