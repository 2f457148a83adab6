//! Unit tests of the fourteenth round's holder rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

#[test]
fn each_card_of_a_ratings_column_rates_its_own_company() {
    let text = "CHANGE IN RATINGS\n\nBoyd Gaming\n\n(BYD)\n\ndowngraded at Thomas Weisel from Overweight to \
                Market-weight.\n\nGilead\n\n(GILD) - Get Report\n\ndowngraded at Credit Suisse to Neutral from \
                Outperform.\n\nJohnson Controls\n\n(JCI) - Get Report\n\nupgraded at Credit Suisse to Outperform \
                from Neutral.";
    assert_eq!(
        bundled(text),
        [
            view("Thomas Weisel", "BYD", Stance::Bearish),
            view("Credit Suisse", "GILD", Stance::Bearish),
            view("Credit Suisse", "JCI", Stance::Bullish),
        ]
    );
    let text = "Shares of TJX are slipping 0.9% in morning trading.\n\nAmerican Eagle Outfitters\n\n(AEO) - Get \
                Report\n\nwas downgraded by Bank of America/Merrill to underperform from neutral on valuation.";
    assert_eq!(bundled(text), [view("Bank of America", "AEO", Stance::Bearish)]);
}

#[test]
fn a_bank_whose_shares_moved_is_rated_not_rating() {
    let text = "Bank of America (NYSE:BAC) fell 1.4%, to $22.77, after DA Davidson downgraded the stock to neutral \
                from buy.";
    let found = bundled(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].1.as_str(), found[0].2), ("BAC", Stance::Bearish), "{found:?}");
    // A rating verb with its object is still the firm's act.
    let text = "Pfizer fell. Merrill Lynch downgraded the stock to neutral; Morgan Stanley dropped it to equal weight.";
    assert!(bundled(text).contains(&view("Morgan Stanley", "PFE", Stance::Bearish)), "{:?}", bundled(text));
}

#[test]
fn another_firm_s_act_after_a_semicolon_is_its_own_view() {
    let text = "JPMorgan downgraded Lululemon to neutral from overweight; and Baird cut its rating to neutral from \
                outperform.";
    assert_eq!(bundled(text), [view("JPMorgan", "LULU", Stance::Bearish), view("Baird", "LULU", Stance::Bearish)]);
}

#[test]
fn a_company_rated_in_a_passive_and_the_stocks_a_sector_call_includes_are_rated() {
    let text = "Stone, which was also upgraded by Citi to buy from neutral, edged higher as well on Tuesday.";
    assert_eq!(bundled(text), [view("Citi", "STNE", Stance::Bullish)]);
    let text = "Some semiconductor stocks finished lower Tuesday after a Morgan Stanley analyst downgraded the sector \
                and individual stocks including Intel Corp., Nvidia and Micron.";
    assert_eq!(
        bundled(text),
        [
            view("Morgan Stanley", "INTC", Stance::Bearish),
            view("Morgan Stanley", "NVDA", Stance::Bearish),
            view("Morgan Stanley", "MU", Stance::Bearish)
        ]
    );
    // A call on the sector alone is still no company's.
    assert_eq!(bundled("Pfizer rose. Morgan Stanley downgraded the sector to cautious."), []);
}

#[test]
fn brokers_listed_each_with_its_article_all_hold_the_view() {
    let text = "Relatórios dos bancos BTG Pactual (do mesmo grupo controlador da Exame ), do Credit Suisse e do \
                Goldman Sachs recomendam comprar a ação da TIM.";
    let found = bundled(text);
    assert!(found.contains(&view("Credit Suisse", "TIMS3", Stance::Bullish)), "{found:?}");
    assert!(found.contains(&view("Goldman Sachs", "TIMS3", Stance::Bullish)), "{found:?}");
}

#[test]
fn a_kind_word_a_title_an_outlet_or_a_conjunction_is_no_holder() {
    assert_eq!(bundled("Banco corta preço-alvo, mas mantém sugestão de compra para ações da GOL"), []);
    let text = "Microsoft posted a big beat. CEO (for now) Steve Ballmer also cited a favorable enterprise business.";
    assert!(bundled(text).iter().all(|(claimant, _, _)| claimant != "CEO"), "{:?}", bundled(text));
    let text = "The Globe and Mail reports that National Bank Financial analyst Shane Nagle has raised his \
                recommendation for Barrick Mining to \"outperform\" from \"sector perform.\"";
    assert!(bundled(text).iter().all(|(claimant, _, _)| claimant != "Mail"), "{:?}", bundled(text));
    let text = "Goldman analyst Brett Feldman cut his rating on Verizon from buy to neutral. If Feldman is correct, \
                Verizon's stock could underperform.";
    assert!(bundled(text).iter().all(|(claimant, _, _)| !claimant.starts_with("If")), "{:?}", bundled(text));
}

#[test]
fn a_company_gone_from_the_lists_named_since_is_the_one_a_view_points_back_to() {
    let text = "Goldman Sachs raised its price target on Tesla (TSLA) to $170.\n\n• JCP has tacked on about 14% over \
                the past two sessions. In response, Citigroup upped its price target to $7.50 from $6.50, while \
                Wells Fargo upgraded the stock to \"market perform\" from \"underperform.\"";
    assert_eq!(bundled(text), [view("Goldman Sachs", "TSLA", Stance::Bullish)]);
    // Not one named inside a phrase: the stock is still Pfizer's.
    let text = "Pfizer Inc. was hit with downgrades as analysts cautioned over its deal with Mylan NV. Bank of \
                America lowered the stock to neutral from buy.";
    assert_eq!(bundled(text), [view("Bank of America", "PFE", Stance::Bearish)]);
}

#[test]
fn a_firm_named_after_its_kind_and_the_older_portuguese_ratings_are_read() {
    assert_eq!(
        bundled("A corretora Planner cortou a recomendação da Cyrela de compra para neutra."),
        [view("Planner", "CYRE3", Stance::Bearish)]
    );
    let text = "A BRF divulgou resultados. O Itaú BBA, por sua vez, manteve a recomendação de desempenho acima da \
                média e um preço-alvo de 29,7 reais para a empresa.";
    assert_eq!(bundled(text), [view("Itaú BBA", "BRFS3", Stance::Bullish)]);
    let text = "A BRF divulgou resultados. O Itaú BBA manteve a recomendação de desempenho abaixo da média.";
    assert_eq!(bundled(text), [view("Itaú BBA", "BRFS3", Stance::Bearish)]);
}

#[test]
fn the_review_s_view_cases_keep_their_readings() {
    // A market's move opening a sentence is no unlisted company the view points back to.
    for between in ["Stocks fell broadly.", "Futures rose 1%.", "China reported weak data."] {
        let text = format!("Apple (AAPL) fell 2% on Monday. {between} Wells Fargo upgraded the stock to overweight.");
        assert_eq!(bundled(&text), [view("Wells Fargo", "AAPL", Stance::Bullish)], "{text}");
    }
    // `including` past a comma introduces an exception, not the stocks of a sector call.
    let text = "JPMorgan cut the sector to underweight, including Vale (VALE3) among its few exceptions.";
    assert_eq!(bundled(text), []);
    // An active voice is no passive: the broker is no company rated.
    assert_eq!(bundled("Daiwa has downgraded Apple (AAPL) to neutral."), [view("Daiwa", "AAPL", Stance::Bearish)]);
}
