//! Unit tests of attribution, read from whole texts.

use super::*;
use crate::extract::figure_tickers::{attributed, owned};
use crate::extract::mentions::mentions;
use crate::extract::sentences::sentences;
use crate::extract::tickers::tickers;
use crate::extract::tokens::tokens;
use crate::extract::{Lexicon, analyse};

/// Each percentage of `text` with the tickers it is given.
fn percents(text: &str) -> Vec<(String, Vec<String>)> {
    let lexicon = Lexicon::bundled();
    let findings = analyse(text, &lexicon);
    let words = tokens(text);
    let found = mentions(text, &words, &sentences(text), &tickers(text, &words, &lexicon), &[]);
    let spans: Vec<_> = findings.percents.iter().map(|p| p.span.bytes.clone()).collect();
    let unlisted = crate::extract::unlisted::unlisted_in_text(text, &words, &sentences(text), &found, &[]);
    let (given, _) = attribute(text, &words, &sentences(text), &found, &spans, &|| unlisted.as_slice());
    spans
        .iter()
        .zip(given)
        .map(|(s, t)| (text[s.clone()].to_owned(), t.iter().map(|s| s.to_string()).collect()))
        .collect()
}

fn pairs(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    list.iter().map(|(p, t)| ((*p).to_owned(), t.iter().map(|s| (*s).to_owned()).collect())).collect()
}

#[test]
fn respectively_pairs_figures_with_the_companies_in_order() {
    let text = "Nvidia led the rout, while chipmaker Broadcom crashed 17.4%, followed by Microsoft and \
                Google parent Alphabet, which fell 2.1% and 4.2%, respectively.";
    assert_eq!(percents(text), pairs(&[("17.4%", &["AVGO"]), ("2.1%", &["MSFT"]), ("4.2%", &["GOOGL"])]));
    let text = "As ações da BRF e da Marfrig sobem, com ganhos respectivos de 6,07% a R$ 28,64 e de 4,45% a R$ 6,80.";
    let expected: [(&str, &[&str]); 4] =
        [("6,07%", &["BRFS3"]), ("R$ 28,64", &["BRFS3"]), ("4,45%", &["MRFG3"]), ("R$ 6,80", &["MRFG3"])];
    assert_eq!(attributed(text), owned(&expected), "moves and their levels");
    let text = "Wells Fargo and JPMorgan Chase posted profits of $4.9 billion and $14.5 billion respectively, up \
                57 percent and 67 percent year over year.";
    let expected: [(&str, &[&str]); 4] =
        [("$4.9 billion", &["WFC"]), ("$14.5 billion", &["JPM"]), ("57 percent", &["WFC"]), ("67 percent", &["JPM"])];
    assert_eq!(attributed(text), owned(&expected), "a second run after the word");
    let text = "Target (NYSE: TGT) was down 5.1%, and Amazon (NASDAQ: AMZN) down 4.8%. Later the pair was down \
                4.9% and 4.6%, respectively.";
    let expected: [(&str, &[&str]); 4] =
        [("5.1%", &["TGT"]), ("4.8%", &["AMZN"]), ("4.9%", &["TGT"]), ("4.6%", &["AMZN"])];
    assert_eq!(attributed(text), owned(&expected), "the companies of the sentence before");
}

#[test]
fn brackets_lists_and_indexes() {
    let text = "Oracle (ORCL) fechou em alta de 14,45%, enquanto o Ibovespa subiu 0,85%.";
    assert_eq!(percents(text), pairs(&[("14,45%", &["ORCL"]), ("0,85%", &[])]));
    let text = "Shares of Microsoft (MSFT), Intel (INTC), and Cisco Systems (CSCO) advanced more than 1%.";
    assert_eq!(percents(text), pairs(&[("1%", &["MSFT", "INTC", "CSCO"])]));
    assert_eq!(percents("The Nasdaq fell 3.1% on Monday."), pairs(&[("3.1%", &[])]));
}

#[test]
fn a_broker_is_not_what_its_target_is_about() {
    let text = "$LLY is up 2% after Goldman Sachs raised its price target by 5%.";
    assert_eq!(percents(text), pairs(&[("2%", &["LLY"]), ("5%", &["LLY"])]));
}

#[test]
fn share_classes_brokers_and_macro_figures() {
    let text = "As ações da Petrobras (PETR3, +4,82%; PETR4, +3,97%) subiram.";
    assert_eq!(percents(text), pairs(&[("4,82%", &["PETR3"]), ("3,97%", &["PETR4"])]));
    let text = "A Vale (VALE3) subiu 3%. O JPMorgan recalibrou suas estimativas. Os analistas projetam alta de 7%.";
    assert_eq!(percents(text), pairs(&[("3%", &["VALE3"]), ("7%", &["VALE3"])]), "the broker is not carried");
    let text = "Vale SA may be active as Brazil shelved a plan to raise a mining tax to 6 percent.";
    assert_eq!(percents(text), pairs(&[("6 percent", &[])]));
    let text = "As ações da Petrobras fecharam em alta de 6,09% nas ordinárias e de 5,2% nas preferenciais.";
    assert_eq!(attributed(text), owned(&[("6,09%", &["PETR3"]), ("5,2%", &["PETR4"])]), "the class named after");
}

#[test]
fn an_index_after_a_figure_takes_it_and_a_ranking_in_one_does_not() {
    let text = "Netflix fell 69.63% in 2022, compared with an 18.15% loss for the benchmark index.";
    assert_eq!(percents(text), pairs(&[("69.63%", &["NFLX"]), ("18.15%", &[])]));
    let text = "Os papéis da Suzano lideram as baixas do Ibovespa nesta sexta-feira, com recuo de 3,43%.";
    assert_eq!(percents(text), pairs(&[("3,43%", &["SUZB3"])]));
    let text = "A Ultrapar subiu 5,22%, liderando os ganhos do Ibovespa hoje, que avançava 1,04%.";
    assert_eq!(percents(text), pairs(&[("5,22%", &["UGPA3"]), ("1,04%", &[])]), "the index's own clause");
    let text = "A Vale caiu 1%, e o Ibovespa recuou 2%.";
    assert_eq!(percents(text), pairs(&[("1%", &["VALE3"]), ("2%", &[])]), "an index acting still takes its figure");
    let text = "As alterações foram de 7% para Equatorial (EQTL3) e Cemig (CMIG4), 5% para Energisa (ENGI11).";
    assert_eq!(percents(text), pairs(&[("7%", &["EQTL3", "CMIG4"]), ("5%", &["ENGI11"])]), "for the companies after");
    let text = "Microsoft was the second most active stock on the Nasdaq behind Cisco Systems, which dropped 2%.";
    assert_eq!(percents(text), pairs(&[("2%", &["CSCO"])]), "a relative clause of its own");
    let text = "Facebook fell. The stock represented 4.4% of the Nasdaq.";
    assert_eq!(percents(text), pairs(&[("4.4%", &["META"])]), "a weight in an index");
    let text = "Hudbay Minerals (HBM +4.7%) surges. The 30-stock average closed down 0.6%. Apple fell 1.8%.";
    assert_eq!(percents(text), pairs(&[("4.7%", &["HBM"]), ("0.6%", &[]), ("1.8%", &["AAPL"])]), "brackets, the Dow");
    let text = "Skyworks Solutions slid 1.9% while Xilinx and Qorvo dropped 1% and 2.6%, respectively.";
    assert_eq!(percents(text), pairs(&[("1.9%", &["SWKS"]), ("1%", &[]), ("2.6%", &["QRVO"])]), "an unknown name");
    let text = "O Itaú superou Banco do Brasil (R$ 120,7 bi), Bradesco (R$ 160,9 bi) e Santander Brasil (R$ 99,3 bi) \
                — que juntos somaram R$ 380,9 bilhões.";
    let together = ("R$ 380,9 bilhões", &["BBAS3", "BBDC4", "SANB11"][..]);
    assert_eq!(attributed(text).last(), owned(&[together]).last(), "a list's total");
    let text = "Regions fell. Bank stocks have gained 10 percent this month, Baird said.";
    assert_eq!(percents(text), pairs(&[("10 percent", &[])]), "a sector's move");
    let text = "A Usiminas lidera as perdas do Ibovespa, com queda de 37%.";
    assert_eq!(percents(text), pairs(&[("37%", &["USIM5"])]), "leading an index's losses");
    let text = "Os papéis da Petrobras, uma das empresas de maior peso do Ibovespa, subiram 4%.";
    assert_eq!(percents(text), pairs(&[("4%", &["PETR4"])]), "an apposition");
    let text = "Travelers (TRV) led the Dow with a 2.5% gain.";
    assert_eq!(percents(text), pairs(&[("2.5%", &["TRV"])]), "leading an index");
    let text = "Nvidia, the year's second best S&P 500 performer, tumbled 7.04%.";
    assert_eq!(percents(text), pairs(&[("7.04%", &["NVDA"])]), "an index naming a rank");
}

#[test]
fn market_wraps_brackets_lists_and_commodities() {
    let text = "No lado oposto, Minerva (-5,14%) e Hypera (-3,74%).";
    assert_eq!(percents(text), pairs(&[("-5,14%", &["BEEF3"]), ("-3,74%", &["HYPE3"])]));
    let text = "Twitter (down 8.5%), Netflix (8.4%), and TripAdvisor (7.5%) were among the losers.";
    assert_eq!(percents(text), pairs(&[("8.5%", &[]), ("8.4%", &["NFLX"]), ("7.5%", &["TRIP"])]), "an unknown name");
    let text = "Os bancos subiram, em variações que chegaram a +1,77% (Itaú PN).";
    assert_eq!(percents(text), pairs(&[("1,77%", &["ITUB4"])]));
    let text = "Amazon.com Inc., Microsoft Corp., Alphabet Inc. and Facebook Inc. shares all fell at least 2.6%.";
    assert_eq!(percents(text), pairs(&[("2.6%", &["AMZN", "MSFT", "GOOGL", "META"])]));
    let text = "Apple lost 2.6% and Facebook dropped 1.1%. Shares of those companies each fell 3% or more.";
    assert_eq!(percents(text), pairs(&[("2.6%", &["AAPL"]), ("1.1%", &["META"]), ("3%", &["AAPL", "META"])]));
    let text = "A Vale subiu 2%. O minério de ferro subiu 3,24% em Dalian.";
    assert_eq!(percents(text), pairs(&[("2%", &["VALE3"]), ("3,24%", &[])]), "a commodity's own move");
    let text = "Tesla rose 17%. The S&P 500, by comparison, is up 6%. The stock traded 3.8% higher.";
    assert_eq!(percents(text), pairs(&[("17%", &["TSLA"]), ("6%", &[]), ("3.8%", &["TSLA"])]));
}

#[test]
fn a_later_sentence_takes_the_earlier_subject_and_nothing_is_guessed() {
    let text = "As ações do Goldman Sachs caem 7%. Os papéis tiveram o preço-alvo cortado pela S&P em 15%.";
    let given: Vec<Vec<String>> = percents(text).into_iter().map(|p| p.1).collect();
    assert_eq!(given, [["GS"], ["GS"]], "a bank whose shares are the subject is carried");
    let text = "As ações da Nvidia caíram 17%. A empresa perdeu 3% no after-market.";
    assert_eq!(percents(text), pairs(&[("17%", &["NVDA"]), ("3%", &["NVDA"])]));
    assert_eq!(percents("Revenue grew 12% in the quarter."), pairs(&[("12%", &[])]));
    let text = "A equipe cortou o preço-alvo em 35%. Quando o Goldman iniciou a cobertura, a Coinbase valia mais.";
    assert_eq!(percents(text), pairs(&[("35%", &["COIN"])]), "a text opening before naming its company");
    let text = "Apple rose. Revenue grew 12%. Shares of Microsoft fell.";
    assert_eq!(percents(text), pairs(&[("12%", &["AAPL"])]), "only when no company was named before");
    let text = "Revenue grew 12% in the quarter. Microsoft and Apple reported.";
    assert_eq!(percents(text), pairs(&[("12%", &["MSFT"])]));
}

#[test]
fn a_symbol_bracketed_with_its_move_owns_it() {
    let text = "Even with the downgrade, the big Canadian banks are rising — Toronto-Dominion Bank (TD +0.9%), Bank \
                of Montreal (BMO +0.6%). Credit Suisse lifted its target for Newmont Mining (NEM -2.1%).";
    assert_eq!(attributed(text), owned(&[("0.9%", &["TD"]), ("0.6%", &["BMO"]), ("-2.1%", &["NEM"])]));
    let text = "Gold miners fell. Also: AU -4.3%, GG -3.6%, KGC -4%, SLW -6.5%.";
    assert_eq!(attributed(text), owned(&[("-4.3%", &["AU"]), ("-3.6%", &[]), ("-4%", &["KGC"]), ("-6.5%", &["WPM"])]));
}

#[test]
fn a_possessive_whose_target_is_moved_is_the_company_rated() {
    let text = "The analysts also cut Bank of America’s price target to $36 from $45, Truist’s to $48 from $61, and \
                JPMorgan’s to $145 from $155.";
    assert_eq!(
        attributed(text),
        owned(&[
            ("$36", &["BAC"]),
            ("$45", &["BAC"]),
            ("$48", &["TFC"]),
            ("$61", &["TFC"]),
            ("$145", &["JPM"]),
            ("$155", &["JPM"])
        ])
    );
    let text = "Pfizer Inc. was hit with a pair of downgrades. Both firms also cut their price targets, with BofA’s \
                going to $41 from $49.";
    assert_eq!(attributed(text), owned(&[("$41", &["PFE"]), ("$49", &["PFE"])]));
}

#[test]
fn companies_the_lexicon_does_not_know_take_their_figures() {
    let text = "Facebook fell. LinkedIn Corp. slipped 2.6% while Groupon Inc. dropped 5.4%.";
    assert_eq!(attributed(text), owned(&[("2.6%", &[]), ("5.4%", &["GRPN"])]));
    let text = "Texas Instruments shares rose 4%. Leap Wireless shares jumped 9% after the provider reported results.";
    assert_eq!(attributed(text), owned(&[("4%", &["TXN"]), ("9%", &[])]));
    let text = "Also gaining, Buffalo Wild Wings (BWLD - Get Report) jumped 12.2% after Akamai (AKAM) rose 2%.";
    assert_eq!(attributed(text), owned(&[("12.2%", &[]), ("2%", &["AKAM"])]));
}

#[test]
fn places_of_listing_parents_and_the_economy_are_not_the_subject() {
    let text = "As ações da Stone (STNE) negociadas na Nasdaq chegaram à mínima de US$ 15,75.";
    assert_eq!(attributed(text), owned(&[("US$ 15,75", &["STNE"])]));
    let text = "A Ambev informou um tombo no lucro. A subsidiária latino-americana da Anheuser Busch InBev teve lucro \
                menor. Em abril, os volumes caíram 27%, acrescentou a empresa.";
    assert_eq!(attributed(text), owned(&[("27%", &["ABEV3"])]));
    let text = "A Renner subiu 3,95%. As vendas do varejo caíram 1,1% em setembro, segundo o IBGE.";
    assert_eq!(attributed(text), owned(&[("3,95%", &["LREN3"]), ("1,1%", &[])]));
    let text = "Newmont (NEM) rose. The SPDR Gold Shares ETF (GLD) tracks gold. Analysts have given the company a \
                consensus target price of $42.3.";
    assert_eq!(attributed(text), owned(&[("$42.3", &["NEM"])]));
}

#[test]
fn brokers_speaking_together_and_companies_compared_are_not_the_subject() {
    let text = "A Cyrela divulga seus resultados hoje. Os bancos BTG Pactual, Itaú BBA e XP estimam que o lucro \
                ficará em torno de 20 milhões de reais.";
    assert_eq!(attributed(text), owned(&[("20 milhões de reais", &["CYRE3"])]));
    let text = "Assim como no caso da Stone, a projeção de lucro para o PagSeguro caiu 24%.";
    assert_eq!(attributed(text), owned(&[("24%", &["PAGS"])]));
    let text = "As ações de Magazine Luiza (MGLU3), Via (VIIA3) e Americanas (AMER3) disparam até 14%.";
    assert_eq!(attributed(text), owned(&[("14%", &["MGLU3", "BHIA3", "AMER3"])]));
}

#[test]
fn real_estate_trusts_brands_and_short_names_are_companies() {
    let text = "Service Properties Trust reported FFO 45.9% above estimates. Kite Realty Group Trust beat by 14.0%.";
    assert_eq!(attributed(text), owned(&[("45.9%", &["SVC"]), ("14.0%", &["KRG"])]));
    let text = "As ações da Tenda subiram 2%, as do Banco BMG caíram 1% e as da Copasa, 3%.";
    assert_eq!(attributed(text), owned(&[("2%", &["TEND3"]), ("1%", &["BMGB4"]), ("3%", &["CSMG3"])]));
    let text = "Royal Bank of Canada fell 1%. Royal Bank's total return was 11.8 per cent.";
    assert_eq!(attributed(text), owned(&[("1%", &["RY"]), ("11.8 per cent", &["RY"])]));
}

#[test]
fn the_subjects_own_shares_and_a_class_of_an_unknown_company() {
    let text = "A Nvidia agora tem a Apple em seu radar, com suas ações aumentando 1,89% no pré-mercado.";
    assert_eq!(attributed(text), owned(&[("1,89%", &["NVDA"])]));
    let text = "Os papéis ON da Vale recuavam 1,07%. As ações PN da VCP apresentavam desvalorização de 2,72%. Os \
                títulos PN da Sadia cediam 1,50%.";
    assert_eq!(attributed(text), owned(&[("1,07%", &["VALE3"]), ("2,72%", &[]), ("1,50%", &[])]));
}

#[test]
fn a_short_name_going_on_with_of_names_another_company() {
    let text = "National Bank of Canada (NA.TO) is the exception, with its target lowered from $153 to $152.";
    assert_eq!(attributed(text), owned(&[("$153", &[]), ("$152", &[])]));
}

#[test]
fn an_initials_full_stop_in_a_rated_name_is_no_sentence_break() {
    let text = "Oppenheimer cut J.P. Morgan’s price target to $136 from $145, Truist’s to $48 from $61.";
    assert_eq!(
        attributed(text),
        owned(&[("$136", &["JPM"]), ("$145", &["JPM"]), ("$48", &["TFC"]), ("$61", &["TFC"])])
    );
}

#[test]
fn a_cashtag_spelling_a_share_class_is_no_class_and_no_crash() {
    // `$ON` was both a cashtag and a class word: two mentions overlapping, whose list gap panicked.
    let text = "Vale $ON 3%. Itaú $PN e Vale $ON sobem 2% e 3%, respectivamente.";
    assert_eq!(attributed(text).len(), 3);
    let findings = analyse(text, &Lexicon::bundled());
    let cashtags: Vec<&str> =
        findings.tickers.iter().filter(|t| t.text.contains("ON")).map(|t| t.symbol.as_str()).collect();
    assert!(!cashtags.is_empty() && cashtags.iter().all(|s| *s == "ON"), "{cashtags:?}");
}

#[test]
fn a_bank_reporting_its_own_results_is_their_subject() {
    let text = "JP Morgan reported revenues of $26.4bn, ahead of a consensus forecast of $25bn.";
    assert_eq!(attributed(text), owned(&[("$26.4bn", &["JPM"]), ("$25bn", &["JPM"])]));
    let text = "JPMorgan Chase said Friday that its profits dropped 15 percent in the fourth quarter.";
    assert_eq!(attributed(text), owned(&[("15 percent", &["JPM"])]));
    // Not a bank's forecast of another's results, nor its own forecast.
    let text = "O Citi espera que o lucro do Banco do Brasil (BBAS3) suba 9%.";
    assert_eq!(attributed(text), owned(&[("9%", &["BBAS3"])]));
}

#[test]
fn a_broker_revising_its_forecasts_gives_them_to_the_company_covered() {
    let text = "O Bradesco (BBDC4) subiu 70% no ano. O Citi, por exemplo, reduziu as estimativas de lucro para \
                2026 e 2027 em 3% e 4%, respectivamente.";
    assert_eq!(attributed(text), owned(&[("70%", &["BBDC4"]), ("3%", &["BBDC4"]), ("4%", &["BBDC4"])]));
    // Not the object of a preposition: `para o Itaú (… da estimativa original)` is the company.
    let text = "O banco passou a projetar lucro de R$ 26,5 bilhões para o Itaú (10% acima da estimativa original).";
    assert_eq!(attributed(text)[0], ("R$ 26,5 bilhões".to_owned(), vec!["ITUB4".to_owned()]));
    // The market's consensus is no analyst's call: the bank reports its own results.
    let text = "JPMorgan Chase posted earnings of $5.24 per share, surpassing analysts' expectations.";
    assert_eq!(attributed(text), owned(&[("$5.24", &["JPM"])]));
}

#[test]
fn a_data_provider_quoted_for_a_consensus_is_not_what_the_figure_is_about() {
    let text = "Bank of America Corporation (NYSE: BAC) should now earn $0.61 EPS. \
                Thomson Reuters has consensus earnings estimates of $0.21 EPS. Consensus from Thomson Reuters \
                was $0.25 EPS before this call.";
    assert_eq!(attributed(text), owned(&[("$0.61", &["BAC"]), ("$0.21", &["BAC"]), ("$0.25", &["BAC"])]));
    // A company that beats its consensus is no provider of one.
    let text = "Alpine Income Property Trust Inc. and Kite Realty Group Trust beat their consensus estimates by \
                14.6% and 14.0%, respectively.";
    assert_eq!(percents(text), pairs(&[("14.6%", &["PINE"]), ("14.0%", &["KRG"])]));
}

#[test]
fn a_bank_written_with_its_symbol_is_reported_on_as_a_stock() {
    let text = "Citi cut estimates across the sector. Morgan Stanley (NYSE: MS) saw estimates lowered to $0.25 EPS, \
                down from $0.36 EPS.";
    assert_eq!(attributed(text), owned(&[("$0.25", &["MS"]), ("$0.36", &["MS"])]));
    // A short name in brackets is no symbol: the banks still only comment on Petrobras.
    let text = "A Petrobras (PETR4) perdeu o grau de investimento. Bank of America Merrill Lynch (BofA), J.P. Morgan \
                e Goldman Sachs reduziram projeções. A preferencial caiu 3,88%.";
    assert_eq!(attributed(text), owned(&[("3,88%", &["PETR4"])]));
}

#[test]
fn a_company_no_longer_listed_takes_its_figures_from_the_companies_around_it() {
    let text = "Para a Gol, o preço-alvo subiu de R$ 76 para R$ 86. A TAM é uma oportunidade ainda melhor: o \
                preço-alvo avançou de R$ 87 para R$ 95.";
    assert_eq!(
        attributed(text),
        owned(&[("R$ 76", &["GOLL3"]), ("R$ 86", &["GOLL3"]), ("R$ 87", &[]), ("R$ 95", &[])])
    );
    // A total addressable market is no airline.
    let text = "Nvidia sees a TAM of $1 trillion.";
    assert_eq!(attributed(text), owned(&[("$1 trillion", &["NVDA"])]));
}

#[test]
fn the_company_named_by_a_noun_keeps_its_figures_in_a_sentence_about_a_commodity() {
    let text = "A Vale registrou alta de 31,2% na produção. Segundo a companhia, o aumento foi puxado pelo recorde \
                de produção de minério de ferro, com alta de 28,2%.";
    assert_eq!(percents(text), pairs(&[("31,2%", &["VALE3"]), ("28,2%", &["VALE3"])]));
    // A country's economy is no company's.
    let text = "A Vale registrou alta de 31,2% na produção. Nesta segunda-feira, a China anunciou que sua economia \
                cresceu 4,9% no terceiro trimestre.";
    assert_eq!(percents(text), pairs(&[("31,2%", &["VALE3"]), ("4,9%", &[])]));
}

#[test]
fn a_company_named_in_an_aside_leaves_the_figure_to_the_subject() {
    let text = "A Light, que tem como acionista majoritária a Cemig, sobe 0,7% na bolsa.";
    assert_eq!(percents(text), pairs(&[("0,7%", &["LIGT3"])]));
    // A hyphen inside a word opens no aside.
    let text = "Os analistas mantêm a classificação neutra para as ações da Cemig — com preço-alvo revisado — e \
                Underperform para os papéis da Sanepar (SAPR4), com alta de 3% no preço-alvo.";
    assert_eq!(percents(text), pairs(&[("3%", &["SAPR4"])]));
}

#[test]
fn a_delisted_company_quoted_with_its_price_takes_its_figures_under_its_code_too() {
    let text = "Analysts are weighing in on Yahoo Inc. (YHOO - 14.48) and BioMarin (BMRN - 35.66). First up, YHOO is \
                down 1.8% after CLSA cut its opinion. BMRN rose 1.1%.";
    assert_eq!(percents(text), pairs(&[("1.8%", &[]), ("1.1%", &["BMRN"])]));
}

#[test]
fn a_share_class_named_after_its_figure_takes_it_and_ends_the_list() {
    let text = "Bradesco avançou 2,07% nas ações ordinárias e 2,02% nas preferenciais, Santander subiu 3,12%.";
    assert_eq!(attributed(text), owned(&[("2,07%", &["BBDC3"]), ("2,02%", &["BBDC4"]), ("3,12%", &["SANB11"])]));
}

#[test]
fn a_bank_reporting_past_an_apposition_or_moving_is_the_subject_and_its_forecast_is_not() {
    let text = "Bank of America reported a net income increase of 13 percent. Wells Fargo, the country’s third \
                biggest bank, reported net income of $4.6 billion. Earnings per share of $0.84 included a charge.";
    assert_eq!(attributed(text), owned(&[("13 percent", &["BAC"]), ("$4.6 billion", &["WFC"]), ("$0.84", &["WFC"])]));
    let text = "Bank of America rose 47 cents, or 3.3 percent, to $14.96 and Citigroup added $1.36, or 3.1 percent.";
    assert_eq!(percents(text), pairs(&[("3.3 percent", &["BAC"]), ("3.1 percent", &["C"])]));
    let text = "O BofA cortou o preço-alvo da Petrobras (PETR4). A projeção do banco americano é de um lucro 13% \
                menor para este ano.";
    assert_eq!(percents(text), pairs(&[("13%", &["PETR4"])]));
    // Not the forecast for a bank, after a verb: `cortou em 6% a expectativa do Bradesco`.
    let text = "O BofA cortou em 6% a expectativa do Bradesco, que passou para R$ 24,9 bilhões.";
    assert_eq!(attributed(text)[1], ("R$ 24,9 bilhões".to_owned(), vec!["BBDC4".to_owned()]));
}

#[test]
fn an_apposition_of_accented_words_after_a_bank_is_read_without_a_panic() {
    // The apposition is looked for within a number of bytes: any cut must fall between characters.
    for n in 0..4 {
        let text = format!(
            "Wells Fargo, {}çãéíóúçãéíóúçãéíóúçãéíóúçãéíóúçãéíóú, reported net income of $4.6 billion.",
            "a".repeat(n)
        );
        assert_eq!(attributed(&text).len(), 1, "{text}");
    }
}

#[test]
fn brokers_listed_together_raising_a_pt_give_the_figures_to_the_company() {
    let text = "Barrick Mining rose 3.1%. Jefferies and CIBC Capital Markets raise PT to $38 from $36, a 15% premium.";
    assert_eq!(attributed(text), owned(&[("3.1%", &["B"]), ("$38", &["B"]), ("$36", &["B"]), ("15%", &["B"])]));
}

#[test]
fn the_eleventh_rounds_rules_stay_inside_their_cases() {
    // A bank's own guidance is its own; a company quoting its consensus is no data provider.
    let text = "O Itaú Unibanco revisou para cima suas projeções para 2024, com crescimento entre 8,5% e 11,5%.";
    assert_eq!(percents(text), pairs(&[("8,5%", &["ITUB4"]), ("11,5%", &["ITUB4"])]));
    let text = "Apple has consensus earnings estimates of $1.21 per share.";
    assert_eq!(attributed(text), owned(&[("$1.21", &["AAPL"])]));
    // The sites named after Yahoo, and an economy after the figure, take nothing from a company.
    let text = "Apple stock gained 3%. Yahoo Finance data show the stock is up 10% this year.";
    assert_eq!(percents(text), pairs(&[("3%", &["AAPL"]), ("10%", &["AAPL"])]));
    let text = "A Vale divulgou seus resultados. O lucro subiu 5% no trimestre, apesar da economia fraca.";
    assert_eq!(percents(text), pairs(&[("5%", &["VALE3"])]));
}

#[test]
fn a_company_named_with_a_symbol_the_lexicon_does_not_know_keeps_its_figures_later() {
    // `Hering (HGTX3)` is delisted: named again later, its figures are nobody's.
    let text = "O UBS cortou as estimativas para as ações da Lojas Renner (LREN3) e da Hering (HGTX3). O preço-alvo \
                da Lojas Renner foi cortado em 29,8%. A Hering, por sua vez, teve a projeção reduzida em 45,1%.";
    assert_eq!(percents(text), pairs(&[("29,8%", &["LREN3"]), ("45,1%", &[])]));
}

#[test]
fn a_dateline_and_the_initials_of_a_long_name_are_read_as_the_press_means_them() {
    let text = "TORONTO — Shares of Research in Motion rose 2.5 percent. RIM's share price has fallen 70 percent.";
    assert_eq!(percents(text), pairs(&[("2.5 percent", &["BB"]), ("70 percent", &["BB"])]));
}

#[test]
fn a_data_provider_quoted_as_a_source_is_not_what_figures_are_about() {
    let text = "Analysts raised their price targets for Bank of America (BAC) on Friday. Earnings topped the \
                consensus estimate in a FactSet survey of analysts. Kotowski raised the firm's price target on the \
                stock to $51 from $48.";
    assert_eq!(attributed(text), owned(&[("$51", &["BAC"]), ("$48", &["BAC"])]));
}

#[test]
fn a_counted_group_of_companies_holds_its_figures() {
    let text = "O Itaú Unibanco lucrou R$ 8 bilhões, alta de 12%. As 24 instituições listadas lucraram, ao todo, \
                R$ 21,6 bilhões, um crescimento de 14,1%. Para comprar um lote de 100 ações do Itaú, são precisos 3%.";
    assert_eq!(percents(text), pairs(&[("12%", &["ITUB4"]), ("14,1%", &[]), ("3%", &["ITUB4"])]));
}

#[test]
fn shares_of_a_company_of_several_words_the_lexicon_does_not_know_are_its_own() {
    let text = "Bristol-Myers Squibb rose 1%. Shares of Hana Biosciences jumped 5% to $4.00.";
    assert_eq!(percents(text), pairs(&[("1%", &["BMY"]), ("5%", &[])]));
}

#[test]
fn a_bank_written_with_its_symbol_opening_a_sentence_is_its_subject() {
    let text = "Um deles é o Santander (SANB11), que entrou no menu principal da XP. Os analistas elevaram o \
                preço-alvo do bancão, o que representa um potencial de alta de 18%.";
    assert_eq!(percents(text), pairs(&[("18%", &["SANB11"])]));
}

#[test]
fn metals_and_cocoa_are_commodities_whose_prices_are_no_company_s() {
    let text = "Alcoa rose 2%. Aluminum prices have risen about 15% this year, and nickel gained 4%.";
    assert_eq!(percents(text), pairs(&[("2%", &["AA"]), ("15%", &[]), ("4%", &[])]));
}

#[test]
fn the_former_and_the_latter_are_the_first_and_last_companies_named() {
    let text = "Apple and Microsoft also tanked, with the former down 3% and the latter falling 5.9%.";
    assert_eq!(percents(text), pairs(&[("3%", &["AAPL"]), ("5.9%", &["MSFT"])]));
    let text = "Micron, the biggest decliner in the benchmark chip index, fell 5.7%.";
    assert_eq!(percents(text), pairs(&[("5.7%", &["MU"])]), "an index in an apposition");
}

#[test]
fn codes_in_capitals_with_accents_and_the_review_s_cases_are_read_without_panic() {
    // A code in brackets with accented capitals once cut a character (`is_b3_form`).
    assert_eq!(
        percents("A Foobar (AÇÃO) subiu 2%. Ações da Fulana (ABCÇ) subiram 3%."),
        pairs(&[("2%", &[]), ("3%", &[])])
    );
    // A counted group inside an aside is no subject: the bank carried from before keeps it.
    let text = "JPMorgan Chase reported results on Friday. The bank, the largest of the 4 big banks, earned 13% more.";
    assert_eq!(percents(text), pairs(&[("13%", &["JPM"])]));
    // A provider's own figures stay its own unless it is cited.
    let text = "According to the company, FactSet's quarterly revenue rose 5%.";
    assert_eq!(percents(text), pairs(&[("5%", &["FDS"])]));
    // A company in capitals heading a note is no dateline.
    assert_eq!(percents("ODONTOPREV — lucro líquido cresceu 12% no trimestre."), pairs(&[("12%", &["ODPV3"])]));
}

#[path = "attribution_tests_round13.rs"]
mod round13;

#[path = "attribution_tests_round14.rs"]
mod round14;

#[path = "attribution_tests_round15.rs"]
mod round15;

#[path = "attribution_tests_round16.rs"]
mod round16;

#[path = "attribution_tests_round17.rs"]
mod round17;

#[path = "attribution_tests_round18.rs"]
mod round18;

#[path = "attribution_tests_round19.rs"]
mod round19;
#[path = "attribution_tests_round20.rs"]
mod round20;
#[path = "attribution_tests_round21.rs"]
mod round21;
#[path = "attribution_tests_round22.rs"]
mod round22;
#[path = "attribution_tests_round23.rs"]
mod round23;
#[path = "attribution_tests_round24.rs"]
mod round24;
#[path = "attribution_tests_round25.rs"]
mod round25;
#[path = "attribution_tests_round26.rs"]
mod round26;
#[path = "attribution_tests_round27.rs"]
mod round27;
#[path = "attribution_tests_round28.rs"]
mod round28;
#[path = "attribution_tests_round29.rs"]
mod round29;
#[path = "attribution_tests_round30.rs"]
mod round30;
#[path = "attribution_tests_round31.rs"]
mod round31;
