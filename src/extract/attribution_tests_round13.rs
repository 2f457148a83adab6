//! Unit tests of the thirteenth round's attribution rules, read from whole texts (bundled
//! lexicon).

use super::{pairs, percents};
use crate::extract::{Lexicon, analyse};

#[test]
fn points_after_a_company_are_its_own() {
    let text = "IBM subtracted 27.48 points to finish as the biggest detractor.";
    let findings = analyse(text, &Lexicon::bundled());
    assert_eq!(
        findings.quantities.iter().map(|q| q.tickers.clone()).collect::<Vec<_>>(),
        [vec!["IBM".parse().unwrap()]]
    );
    let text = "The Dow fell 200 points. Apple rose 2%.";
    let findings = analyse(text, &Lexicon::bundled());
    assert!(findings.quantities.iter().all(|q| q.tickers.is_empty()), "an index's points stay its own");
}

#[test]
fn a_company_s_place_in_an_index_and_the_exchange_it_trades_on_do_not_take_its_move() {
    let text = "General Electric Co. (GE US) fell the most in the Dow Jones Industrial Average, sliding 2.8 percent.";
    assert_eq!(percents(text), pairs(&[("2.8 percent", &["GE"])]));
    let text = "Advanced Micro Devices Inc. (AMD US) had the second-biggest gain in the Standard & Poor’s 500 Index,                 climbing 4.6 percent.";
    assert_eq!(percents(text), pairs(&[("4.6 percent", &["AMD"])]));
    assert_eq!(percents("As ações PNA da Vale caíram 1,28% na Bovespa."), pairs(&[("1,28%", &["VALE3"])]));
    assert_eq!(percents("O Ibovespa subiu 2%, e a Vale, 1%."), pairs(&[("2%", &[]), ("1%", &["VALE3"])]));
}

#[test]
fn a_symbol_after_a_misspelt_name_with_its_suffix_and_a_smaller_company_s_short_name_are_read() {
    let text = "DeVita Inc. (DVA) climbed just over 7%. Albermarie Corp. (ALB) tumbled nearly 18%.";
    assert_eq!(percents(text), pairs(&[("7%", &["DVA"]), ("18%", &["ALB"])]));
    assert_eq!(percents("Xerox Corp. fell 1.7% to $6.85."), pairs(&[("1.7%", &["XRX"])]));
}

#[test]
fn bloomberg_codes_of_unknown_companies_and_symbols_of_other_companies_are_read() {
    let text = "ArcelorMittal (MT US) rose 2%. Evergreen Solar Inc. (ESLR US) decreased 13 percent. United States \
                Steel Corp. (X:US) slipped 9.3 percent.";
    assert_eq!(percents(text), pairs(&[("2%", &["MT"]), ("13 percent", &[]), ("9.3 percent", &[])]));
    assert_eq!(percents("FMC Technologies (FTI) rose 2%."), pairs(&[("2%", &["FTI"])]));
    let text = "Intel shares fell 8%. Intel competitor AMD fell 7.6%. It traded as low as 5% below its high.";
    assert_eq!(percents(text), pairs(&[("8%", &["INTC"]), ("7.6%", &["AMD"]), ("5%", &["AMD"])]));
}

#[test]
fn a_target_after_its_rating_a_superlative_move_and_a_share_class_in_brackets_keep_the_company() {
    let text = "Cracker Barrel (CBRL) rose. The company was upgraded by the brokerage firm “Morgan Keegan” from \
                “Mkt Perform” to ”Outperform ($58)”.";
    let findings = analyse(text, &Lexicon::bundled());
    assert_eq!(findings.amounts[0].tickers, ["CBRL".parse::<crate::model::Symbol>().unwrap()]);
    let text = "No sentido contrário, as ações da Oi registraram a alta mais expressiva do Ibovespa, de 4,69%.";
    assert_eq!(percents(text), pairs(&[("4,69%", &["OIBR3"])]));
    let text = "A Vivo divulgou resultado. As ações preferenciais (PN) encerraram o dia com queda de 1,56%.";
    assert_eq!(percents(text), pairs(&[("1,56%", &["VIVT3"])]));
}

#[test]
fn the_market_s_turnover_and_an_analyst_s_record_are_nobody_s() {
    let text = "O Ibovespa fechou com desvalorização de 0,79%. O giro financeiro atingiu R$ 11,5 bilhões, dos quais \
                R$ 4,86 bilhões partiram do vencimento de opções sobre ações.\n\nPetrobras PN subiu hoje 0,22%.";
    let findings = analyse(text, &Lexicon::bundled());
    assert!(findings.amounts.iter().all(|a| a.tickers.is_empty()), "{:?}", findings.amounts);
    let text = "Wells Fargo reiterated a Buy on Southern Co (SO) with a $74.00 target. According to TipRanks.com, W. \
                is a 5-star analyst with an average return of 35.7% and a 67.3% success rate.";
    assert_eq!(percents(text), pairs(&[("35.7%", &[]), ("67.3%", &[])]));
}

#[test]
fn a_bank_s_bare_symbol_opening_a_roundup_item_is_the_stock() {
    let text = "Analysts are weighing in on Kellogg Company (NYSE:K) and Citigroup Inc (NYSE:C).\n\n  • C -- which is \
                down 7.5% year-to-date -- received a $1 price-target cut to $67 at Nomura earlier today.";
    assert_eq!(percents(text), pairs(&[("7.5%", &["C"])]));
}

#[test]
fn moves_won_lost_and_added_pair_a_list_with_its_figures_and_a_bank_downgraded_is_rated() {
    let text = "Dow members Johnson & Johnson and UnitedHealth Group won 2.0 percent and 4.6 percent.";
    assert_eq!(percents(text), pairs(&[("2.0 percent", &["JNJ"]), ("4.6 percent", &["UNH"])]));
    let text = "O JPMorgan publicou relatório. O Bank of America foi rebaixado para \"neutral\", com um preço-alvo de \
                US$ 52.";
    let findings = analyse(text, &Lexicon::bundled());
    assert_eq!(findings.amounts[0].tickers, ["BAC".parse::<crate::model::Symbol>().unwrap()]);
}

#[test]
fn an_index_in_an_apposition_after_the_company_does_not_take_its_move() {
    let text = "A Vale, papel de maior peso individual no Ibovespa, fechou em alta de 3,23%, a R$ 86,81.";
    assert_eq!(percents(text), pairs(&[("3,23%", &["VALE3"])]));
}

#[test]
fn a_sentence_pricing_per_unit_and_naming_no_company_is_about_the_commodity() {
    let text = "Newmont (NEM) rose 2%. Continuous contract prices now sit at $4,260.20 per troy ounce, just off the \
                record-high of $4,359.40 reached on Oct. 20.";
    let findings = analyse(text, &Lexicon::bundled());
    assert!(findings.amounts.iter().all(|a| a.tickers.is_empty()), "{:?}", findings.amounts);
}

#[test]
fn respectively_also_pairs_a_run_between_the_companies_and_the_word() {
    let text = "Por volta das 12h, os papéis DIRR3 e MDNE3 recuavam 0,67% e 1,08%, cotados a R$ 17,91 e R$ 30,17, \
                respectivamente, enquanto MRVE3 avançava 0,74%.";
    assert_eq!(percents(text), pairs(&[("0,67%", &["DIRR3"]), ("1,08%", &["MDNE3"]), ("0,74%", &["MRVE3"])]));
}

#[test]
fn former_names_and_symbols_stand_for_the_renamed_company() {
    for (text, ticker) in [
        ("Motorola (MOT) rose 3%.", "MSI"),
        ("Canadian Pacific Railway Ltd. rose 3%.", "CP"),
        ("Apache Corp. surged 6.8 percent.", "APA"),
        ("Scientific Games (NAS: SGMS) fell 11%.", "LNW"),
        ("JDS Uniphase Corp (NASDAQ:JDSU) fell 6%.", "VIAV"),
        ("Royal Dutch Shell fell 2%.", "SHEL"),
        ("Statoil fell 2%.", "EQNR"),
    ] {
        let found = percents(text);
        assert_eq!(found[0].1, [ticker.to_owned()], "{text}");
    }
}

#[test]
fn companies_no_longer_listed_take_none_of_their_figures() {
    let text = "Kohl's (KSS) rose 2%. Same-store sales at Saks spiked 37.5%.";
    assert_eq!(percents(text), pairs(&[("2%", &["KSS"]), ("37.5%", &[])]));
    let text = "Barrick (ABX) rose 1%. In afternoon trading, Goldcorp rose 72 cents, or 2 percent.";
    assert_eq!(percents(text), pairs(&[("1%", &["B"]), ("2 percent", &[])]));
}

#[test]
fn a_former_symbol_in_bloomberg_s_form_names_the_renamed_company() {
    assert_eq!(percents("CBS Corp. (CBS US) declined 15 percent."), pairs(&[("15 percent", &["PARA"])]));
}

#[test]
fn the_review_s_misreadings_stay_fixed() {
    // `added` is a move only before a figure of a list.
    assert_eq!(percents("Trump added that tariffs would rise to 25% next month."), pairs(&[("25%", &[])]));
    let text = "Tesla shares rose 5%. Musk added that deliveries could climb 20% next year.";
    assert_eq!(percents(text), pairs(&[("5%", &["TSLA"]), ("20%", &["TSLA"])]));
    // A company's name before a colon is no heading.
    assert_eq!(percents("Apple Inc: Shares rose 5% on Monday after the launch."), pairs(&[("5%", &["AAPL"])]));
    // A place's code is no symbol, and the market's points are not the company's.
    let text = "The firm is based in Toronto, Ontario (ON) and grew 5% last year.";
    assert!(percents(text).iter().all(|(_, tickers)| tickers.is_empty()), "{:?}", percents(text));
    let findings = analyse("Apple rose 2% as the market gained 200 points on Monday.", &Lexicon::bundled());
    assert!(findings.quantities.iter().all(|q| q.tickers.is_empty()), "{:?}", findings.quantities);
}
