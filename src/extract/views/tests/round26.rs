//! Unit tests of the twenty-sixth round's view rules, read from whole texts (bundled lexicon).

use super::round7::{bundled, view};
use crate::model::Stance;

/// A line of an old London brokers' roundup naming Barclays, before the line under test.
const BARCLAYS: &str = "Investment bank Credit Suisse First Boston lifted its price target on Barclays to 719p \
                        from 680p and repeated its 'outperform' stance on the stock.\n\n";

#[test]
fn a_company_described_and_named_by_an_unknown_name_is_the_one_rated() {
    let barclays = [view("Credit Suisse First Boston", "BCS", Stance::Bullish)];
    for line in [
        "Investment bank Lehman Brothers raised its rating on British oil and gas producer BG to 'overweight' \
         from 'hold'.",
        "Investment bank UBS started coverage of telecoms equipment maker Marconi Corporation with a 'buy' \
         rating and 726p share price target.",
        "Investment bank UBS downgraded its rating on engineer Weir Group to 'neutral' from 'buy'.",
        "Deutsche Bank added global news and information company Reuters to its pan-European focus list with \
         a 455p per share price target and a 'buy' rating.",
        "Smith Barney cut its rating on platinum specialist Johnson Matthey to 'hold' from 'buy'.",
        "UBS downgraded British bank Bradford & Bingley to 'reduce' from 'neutral'.",
        "Broker Cazenove has downgraded its rating on Royal & Sun shares to 'in line', dealers said.",
    ] {
        assert_eq!(bundled(&format!("{BARCLAYS}{line}")), barclays, "{line}");
    }
    // (A known company described is still rated; an agent described is no company.)
    let text = format!("{BARCLAYS}Lehman Brothers raised its rating on chipmaker Nvidia to 'overweight'.");
    assert_eq!(bundled(&text)[1], view("Lehman Brothers", "NVDA", Stance::Bullish));
    let text = "Cracker Barrel (CBRL) rose 2%. The company was upgraded by the brokerage firm “Morgan Keegan” from \
                “Mkt Perform” to ”Outperform ($58)”.";
    assert_eq!(bundled(text), [view("Morgan Keegan", "CBRL", Stance::Bullish)]);
}

#[test]
fn the_sentences_after_an_unknown_company_rated_are_about_it() {
    let text = format!(
        "{BARCLAYS}Goldman Sachs cut its rating on pubs firm Mitchells & Butlers to 'in-line' from 'outperform'. \
         The bank said the difference between Mitchells & Butlers current share price and its fair value was \
         now more limited compared to its 'outperform' rated stocks. The bank said prices had fallen."
    );
    assert_eq!(bundled(&text), [view("Credit Suisse First Boston", "BCS", Stance::Bullish)]);
}

#[test]
fn targets_on_the_stocks_of_a_sector_rate_no_company() {
    let text = format!(
        "{BARCLAYS}Morgan Stanley lowered its earnings per share forecasts and price targets on key stocks within \
         the UK metals and miners sector."
    );
    assert_eq!(bundled(&text), [view("Credit Suisse First Boston", "BCS", Stance::Bullish)]);
}

#[test]
fn a_stance_word_opening_a_sentence_holds_no_view() {
    let text = "Goldman analysts rated Bristol-Myers Squibb (BMY) a sell. Positive risks to the price target and \
                estimates from Goldman included unforeseen drug developments in the pipeline, improved sales \
                performance and positive mergers and acquisitions developments.";
    assert_eq!(bundled(text), [view("Goldman", "BMY", Stance::Bearish)]);
}

#[test]
fn an_unknown_company_described_as_the_subject_is_the_one_rated() {
    let text = "GlaxoSmithKline (GSK) rose after ING upgraded it to hold. Elsewhere bus and rail group Stagecoach \
                has accelerated 3.25p to 132p as Bank of America Merrill Lynch upgraded from neutral to buy.";
    assert_eq!(bundled(text), [view("ING", "GSK", Stance::Bullish)]);
    let text = "CRH (CRH) rose 2%. Security group G4S dropped 2.7p to 287.1p however, after HSBC downgraded its \
                rating on the stock to underweight.";
    assert_eq!(bundled(text), []);
    // (A bank that is a broker, described, still acts.)
    let text = "Dutch bank ABN Amro upgraded ASML (ASML) to 'overweight' from 'neutral'.";
    assert_eq!(bundled(text), [view("ABN Amro", "ASML", Stance::Bullish)]);
}

#[test]
fn a_bank_that_saw_its_target_lifted_was_rated() {
    let text = "Wells Fargo (WFC) saw its price target lifted to $47 from $46 at BMO.";
    assert_eq!(bundled(text), [view("BMO", "WFC", Stance::Bullish)]);
}

#[test]
fn a_rating_denied_is_none_and_a_surprise_denied_is_no_negation() {
    let text = "Tesla (TSLA) rose. Piper Sandler analyst Alexander Potter recommends that investors do not sell \
                their shares.";
    assert_eq!(bundled(text), []);
    let text = "Shares of Tesla (NASDAQ: TSLA) jumped. It's not surprising to see Tesla shares rising following this \
                bullish outlook from Piper Sandler analyst Alexander Potter; a $2,322 price target represents a 50% \
                gain.";
    assert_eq!(bundled(text), [view("Piper Sandler", "TSLA", Stance::Bullish)]);
}

#[test]
fn an_act_restated_with_its_firm_named_is_that_firms_view() {
    let text = "Shares of Tesla (NASDAQ: TSLA) jumped 6.2%.\n\nThe gain was fueled by an analyst's decision to boost \
                his price target on the shares from $939 to $2,322.\n\nIt's not surprising to see Tesla shares \
                rising following this bullish outlook from Piper Sandler analyst Alexander Potter.";
    assert_eq!(bundled(text), [view("Piper Sandler", "TSLA", Stance::Bullish)]);
}

#[test]
fn an_economys_forecast_cut_rates_no_company() {
    let text = "BP (BP) rose. Bank of America today downgraded its China GDP forecast from 4.8% to 4.2% for this year.";
    assert_eq!(bundled(text), []);
}

#[test]
fn a_target_pumped_up_is_raised() {
    let text = "BP and Shell got support from JP Morgan. The City bank pumped up its price target on BP by 20p to \
                500p.";
    assert_eq!(bundled(text), [view("JP Morgan", "BP", Stance::Bullish)]);
}

#[test]
fn a_less_bullish_view_is_bearish_and_competitors_hold_none() {
    let text = "Netflix (NFLX) fell. Jeff Wlodarczak of Pivotal Research said his less-bullish view is due to \
                competition from Amazon Prime Video, Hulu and Apple TV+.";
    assert_eq!(bundled(text), [view("Pivotal Research", "NFLX", Stance::Bearish)]);
}

#[test]
fn an_unknown_company_that_moved_is_the_one_rated() {
    let text = "Magna (MGA) rose. Rona soared 3.73 percent to C$16.95 as Genuity upgraded the home improvement \
                retailer to a \"buy\" rating from \"hold\".";
    assert_eq!(bundled(text), []);
    let text = "BioMarin (BMRN) fell.\n\n• First up, YHOO is down 1.8% after CLSA slashed its opinion to \
                \"underperform\" from \"buy.\"";
    assert_eq!(bundled(text), []);
    // (Not shares, nor an index.)
    let text = "Luminar Technologies (LAZR) fell. Shares dropped 20% after Northland Securities lowered its rating to \
                Market Perform from Outperform.";
    assert_eq!(bundled(text), [view("Northland Securities", "LAZR", Stance::Bearish)]);
    let text = "Apple (AAPL) fell. The Nasdaq fell 1% after Goldman Sachs downgraded the stock to sell.";
    assert_eq!(bundled(text), [view("Goldman Sachs", "AAPL", Stance::Bearish)]);
}

#[test]
fn a_maker_described_and_unknown_is_the_one_rated() {
    let text = format!(
        "{BARCLAYS}Credit Suisse First Boston raised its share price target on the glassmaker Pilkington to 91p from 84p."
    );
    assert_eq!(bundled(&text), [view("Credit Suisse First Boston", "BCS", Stance::Bullish)]);
}

#[test]
fn a_bank_listed_with_its_symbol_among_companies_is_one_of_them() {
    let text = "Citigroup (C) fell. Among these holdings, Renasant Corp (Symbol: RNST), First Interstate BancSystem Inc \
                (Symbol: FIBK), and Truist Financial Corp (Symbol: TFC) stand out with notable upside to their analyst \
                target prices.";
    assert_eq!(bundled(text), []);
}

#[test]
fn an_unknown_company_that_received_a_rating_or_has_a_legal_suffix_is_the_one_rated() {
    let text = "Deutsche Bank (DB) rose.\n\n• TWTR -- which is down 48.5% year-to-date -- has been on analysts' radar, \
                and today the stock received an upgrade to \"hold\" from \"sell\" at Wunderlich.";
    assert_eq!(bundled(text), []);
    let text = "Royal Bank of Canada (RY) rose. The largest decliner was Maxar Technologies Ltd, which retreated 13.4 \
                percent after CIBC and BMO cut their target prices.";
    assert_eq!(bundled(text), []);
    // (A broker with its suffix acts.)
    let text = "Pfizer (PFE) fell. ABN AMRO Inc. lowered its rating on the stock to \"hold\" from \"buy\".";
    assert_eq!(bundled(text), [view("ABN AMRO", "PFE", Stance::Bearish)]);
}

#[test]
fn an_unknown_code_that_scored_a_hike_or_shares_of_an_unknown_name_are_the_ones_rated() {
    let text = "Lululemon (LULU) rose.\n\n• Up more than 2% in pre-market trading, GMCR scored a price-target hike to \
                $56 from $42 at Lazard this morning.";
    assert_eq!(bundled(text), []);
    let text = "Apple (AAPL) rose. Shares of Bed Bath jumped 7.6% after Wedbush upgraded the home goods retailer to \
                outperform from neutral.";
    assert_eq!(bundled(text), []);
}

#[test]
fn measures_people_titles_and_acronyms_opening_a_sentence_are_no_unknown_company() {
    for line in [
        "Revenue rose 12%, and Goldman Sachs raised its target on the stock.",
        "EBITDA fell 3%, but Goldman Sachs raised its target on the stock.",
        "Brazil's central bank President Roberto Campos Neto said rates would stay high, and Goldman Sachs raised \
         its target on the stock.",
    ] {
        let text = format!("Apple (AAPL) reported results. {line}");
        assert_eq!(bundled(&text), [view("Goldman Sachs", "AAPL", Stance::Bullish)], "{line}");
    }
}

#[test]
fn a_name_rated_before_its_share_noun_governs_the_sentences_after_it() {
    let text = format!(
        "{BARCLAYS}Broker Cazenove has downgraded its rating on Royal & Sun shares to 'in line'. The broker said it \
         was worried about the stock."
    );
    assert_eq!(bundled(&text), [view("Credit Suisse First Boston", "BCS", Stance::Bullish)]);
}
