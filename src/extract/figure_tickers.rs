//! For tests: the tickers each figure of a text is attributed to, against the bundled list, and
//! the expected list written briefly.

use super::{Lexicon, analyse};

/// Each percentage and amount of `text` with the tickers it is given, in text order.
pub(crate) fn attributed(text: &str) -> Vec<(String, Vec<String>)> {
    let findings = analyse(text, &Lexicon::bundled());
    let mut out: Vec<(usize, String, Vec<String>)> = Vec::new();
    for p in &findings.percents {
        out.push((p.span.start, p.text.clone(), p.tickers.iter().map(|s| s.to_string()).collect()));
    }
    for a in &findings.amounts {
        out.push((a.span.start, a.text.clone(), a.tickers.iter().map(|s| s.to_string()).collect()));
    }
    out.sort();
    out.into_iter().map(|(_, t, s)| (t, s)).collect()
}

/// `[("2.1%", &["MSFT"])]` as [`attributed`] gives it.
pub(crate) fn owned(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    list.iter().map(|(p, t)| ((*p).to_owned(), t.iter().map(|s| (*s).to_owned()).collect())).collect()
}
