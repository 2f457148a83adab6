//! Unit tests of the fourteenth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use crate::extract::{Lexicon, analyse};

pub(super) fn figures(text: &str) -> Vec<(String, Vec<String>)> {
    let findings = analyse(text, &Lexicon::bundled());
    let mut all: Vec<_> = (findings.amounts.iter().map(|a| (a.span.bytes.clone(), &a.tickers)))
        .chain(findings.percents.iter().map(|p| (p.span.bytes.clone(), &p.tickers)))
        .chain(findings.quantities.iter().map(|q| (q.span.bytes.clone(), &q.tickers)))
        .collect();
    all.sort_by_key(|(span, _)| span.start);
    all.into_iter()
        .map(|(span, tickers)| (text[span].to_owned(), tickers.iter().map(|t| t.as_str().to_owned()).collect()))
        .collect()
}

pub(super) fn pairs(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    list.iter().map(|(p, t)| ((*p).to_owned(), t.iter().map(|s| (*s).to_owned()).collect())).collect()
}

#[test]
fn the_code_in_brackets_outranks_a_name_that_reads_otherwise() {
    // A listed symbol, not the carmaker the same word names.
    assert_eq!(figures("Shares of Boyd Gaming (BYD) fell 3%."), pairs(&[("3%", &["BYD"])]));
    // The bank's own name with its own letters stays the bank.
    assert_eq!(figures("O Banco do Brasil (BB) subiu 3%."), pairs(&[("3%", &["BBAS3"])]));
    // A company gone from B3: its quote is nobody's, not Brookfield Corporation's nor Pfizer's.
    let text = "Pfizer rose 2%. Brookfield (BISA3, -0,68%, R$ 1,46) caiu.";
    assert_eq!(figures(text), pairs(&[("2%", &["PFE"]), ("-0,68%", &[]), ("R$ 1,46", &[])]));
    // An old class or a typo of the company's own code is still the company.
    assert_eq!(figures("Vale (VALE5) caiu 11,41%."), pairs(&[("11,41%", &["VALE3"])]));
    // A company no longer listed, with its old symbol that another company holds now.
    let text = "Pfizer rose 2%. Sprint (NYSE:S) announced an offer of $2.1 billion.";
    assert_eq!(figures(text), pairs(&[("2%", &["PFE"]), ("$2.1 billion", &[])]));
    // A renamed company's old B3 code and name.
    assert_eq!(figures("MPX Energia (MPXE3, -7,69%) caiu."), pairs(&[("-7,69%", &["ENEV3"])]));
}

#[test]
fn a_sector_fund_an_index_s_own_move_and_an_exchange_s_volume_are_no_company_s() {
    let text = "Lattice shares rose 5% in 12 months, however, they lagged behind the iShares Semiconductor ETF, \
                which gained 61%.";
    assert_eq!(figures(text), pairs(&[("5%", &["LSCC"]), ("61%", &[])]));
    let text = "Apple (NASDAQ:AAPL) led the Dow Jones up 1.5% with a gain of 2%.";
    assert_eq!(figures(text), pairs(&[("1.5%", &[]), ("2%", &["AAPL"])]));
    assert_eq!(figures("Travelers (TRV) led the Dow with a 2.5% gain."), pairs(&[("2.5%", &["TRV"])]));
    let text = "Pfizer rose 2%. Volume declined to 1.35 billion shares on the NYSE.";
    assert_eq!(figures(text), pairs(&[("2%", &["PFE"]), ("1.35 billion shares", &[])]));
    // A company's own volume stays its own.
    let text = "Pfizer traded 30 million shares on the NYSE.";
    assert_eq!(figures(text), pairs(&[("30 million shares", &["PFE"])]));
}

#[test]
fn companies_gone_from_the_exchange_take_none_of_the_figures_after_them() {
    for text in [
        "Pfizer rose 2%. General Growth added 85 cents, or 12.2 percent.",
        "Pfizer rose 2%. Pepco Holdings was downgraded and its target was cut by 12.2 percent.",
        "Pfizer rose 2%. JCP has tacked on about 12.2 percent over the past two sessions.",
    ] {
        assert_eq!(figures(text), pairs(&[("2%", &["PFE"]), ("12.2 percent", &[])]), "{text}");
    }
}

#[test]
fn a_bank_s_name_and_symbol_heading_an_item_of_a_target_list_is_the_company() {
    let text = "Here are several of her Buy-rated picks:\n- JPMorgan Chase & Co. JPM, target raised from $163 to \
                $181.\n- Citigroup Inc C, target reiterated at $100.\n- Wells Fargo & Co WFC, target raised from $39 \
                to $43.";
    assert_eq!(
        figures(text),
        pairs(&[("$163", &["JPM"]), ("$181", &["JPM"]), ("$100", &["C"]), ("$39", &["WFC"]), ("$43", &["WFC"])])
    );
    assert!(analyse(text, &Lexicon::bundled()).views.is_empty(), "the banks listed hold no view");
    // An exchange's abbreviation before the symbol written.
    assert_eq!(figures("Google (NSDQ: GOOG) dropped 5.8 percent."), pairs(&[("5.8 percent", &["GOOG"])]));
}

#[test]
fn lists_carry_values_in_another_currency_and_codes_in_brackets() {
    let text = "Bradesco and Itaú banks had profits of 1.9 billion reais (US$ 843 million) and 1.8 billion reais \
                (US$ 799 million), respectively.";
    assert_eq!(
        figures(text),
        pairs(&[
            ("1.9 billion reais", &["BBDC4"]),
            ("US$ 843 million", &["BBDC4"]),
            ("1.8 billion reais", &["ITUB4"]),
            ("US$ 799 million", &["ITUB4"])
        ])
    );
    let text = "Losses in semiconductor corporations including Advanced Micro Devices (AMD), Qualcomm, and Broadcom, \
                each of which saw their stock prices fall by over 2%.";
    assert_eq!(figures(text), pairs(&[("2%", &["AMD", "QCOM", "AVGO"])]));
    // A bracket of figures is each company's own.
    let text = "As varejistas Magazine Luiza (+11,86%, R$ 1,99) e Casas Bahia (+10,53%, R$ 0,63) subiram.";
    assert_eq!(
        figures(text),
        pairs(&[("11,86%", &["MGLU3"]), ("R$ 1,99", &["MGLU3"]), ("10,53%", &["BHIA3"]), ("R$ 0,63", &["BHIA3"])])
    );
}

#[test]
fn the_shares_talked_about_and_the_only_stocks_of_an_index_to_move_are_the_company_s() {
    assert_eq!(figures("Wingstop fell. Shares dropped about 4% on the news."), pairs(&[("4%", &["WING"])]));
    let text = "Pfizer rose. As ações da Ambev foram as únicas do Ibovespa que fecharam em queda, de 1,16%.";
    assert_eq!(figures(text), pairs(&[("1,16%", &["ABEV3"])]));
    // The index's own move, told in a relative clause, stays the index's.
    assert_eq!(figures("Pfizer rose. O Ibovespa, que subiu 2%, fechou em alta."), pairs(&[("2%", &[])]));
}

#[test]
fn a_short_name_listed_with_a_company_in_context_is_a_company() {
    assert_eq!(figures("Fleury e Odontoprev caíram 3%."), pairs(&[("3%", &["FLRY3", "ODPV3"])]));
    let found = analyse("Odontoprev e Fleury caíram.", &Lexicon::bundled());
    let symbols: Vec<&str> = found.tickers.iter().map(|t| t.symbol.as_str()).collect();
    assert_eq!(symbols, ["ODPV3", "FLRY3"]);
    // Alone, out of company context, a surname stays a surname.
    let found = analyse("O diretor-presidente, Frederico Fleury Curado, disse que sim.", &Lexicon::bundled());
    assert!(found.tickers.is_empty(), "{:?}", found.tickers);
}

#[test]
fn a_company_gone_is_no_company_whatever_remnant_the_reference_lists() {
    let text = "Pfizer rose 2%. • Reiterated Buy rating for First Republic Bank (NYSE:FRC), price target raised from \
                $230 to $240.";
    assert_eq!(figures(text), pairs(&[("2%", &["PFE"]), ("$230", &[]), ("$240", &[])]));
    assert_eq!(
        figures("Pfizer rose 2%. Nordstrom same-store sales were up 6.3%."),
        pairs(&[("2%", &["PFE"]), ("6.3%", &[])])
    );
}

#[test]
fn the_review_s_cases_keep_their_readings() {
    // A fund's own figures, a fund buying shares, profit before tax, a rank in an index.
    assert_eq!(figures("Invesco (IVZ) said assets in its ETFs rose 12%."), pairs(&[("12%", &["IVZ"])]));
    assert_eq!(
        figures("ARK Innovation ETF bought 500,000 shares of Tesla (TSLA)."),
        pairs(&[("500,000 shares", &["TSLA"])])
    );
    assert_eq!(figures("Shell (SHEL) reported profit before tax up 8%."), pairs(&[("8%", &["SHEL"])]));
    let text = "Nvidia (NVDA) is the best performer in the Nasdaq 100, up 150% this year.";
    assert_eq!(figures(text), pairs(&[("150%", &["NVDA"])]));
    // A company's own volume on an exchange, pointed back to.
    let text = "Apple (AAPL) reported results. Its shares rose 3% in heavy volume on the Nasdaq.";
    assert_eq!(figures(text), pairs(&[("3%", &["AAPL"])]));
    // A B3 company's code the reference lacks, a typo; a renamed company's old symbol after a name
    // that is also a gone company's; a jeweller named like a gone radio service.
    assert_eq!(figures("Embraer (EMBJ3) subiu 3%."), pairs(&[("3%", &["EMBR3"])]));
    assert_eq!(figures("Suzano (SUZN3) subiu 3%."), pairs(&[("3%", &["SUZB3"])]));
    assert_eq!(figures("Fiat Chrysler (FCAU) rose 3%."), pairs(&[("3%", &["STLA"])]));
    assert_eq!(figures("Pandora (PNDRY) rose 3%."), pairs(&[("3%", &["PNDRY"])]));
}
