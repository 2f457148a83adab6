//! Unit tests of the fourteenth round's attribution rules, read from whole texts (bundled
//! lexicon): every figure of the text with the tickers `analyse` gives it, in text order.

use crate::extract::{Lexicon, analyse};

fn figures(text: &str) -> Vec<(String, Vec<String>)> {
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

fn pairs(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
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
